module git.example.com/acme/identity-provider

go 1.22

require (
	github.com/getsentry/sentry-go v0.27.0
	github.com/go-chi/chi/v5 v5.0.12
	github.com/prometheus/client_golang v1.19.0
	go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.49.0
	go.opentelemetry.io/otel v1.24.0
	go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc v1.24.0
	go.opentelemetry.io/otel/sdk v1.24.0
	go.uber.org/zap v1.27.0
)
