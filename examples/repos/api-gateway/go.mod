module git.example.com/acme/api-gateway

go 1.22

require (
	github.com/getsentry/sentry-go v0.27.0
	go.uber.org/zap v1.27.0
	golang.org/x/time v0.5.0
	gopkg.in/DataDog/dd-trace-go.v1 v1.62.0
)
