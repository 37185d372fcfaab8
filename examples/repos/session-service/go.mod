module git.example.com/acme/session-service

go 1.22

require (
	github.com/getsentry/sentry-go v0.27.0
	github.com/redis/go-redis/v9 v9.5.1
	go.opentelemetry.io/otel v1.24.0
	go.opentelemetry.io/otel/sdk v1.24.0
	go.uber.org/zap v1.27.0
)
