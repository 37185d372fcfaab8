module gitlab.example.com/data-platform/clickstream-collector

go 1.22

require (
	github.com/segmentio/kafka-go v0.4.47
	go.uber.org/zap v1.27.0
)
