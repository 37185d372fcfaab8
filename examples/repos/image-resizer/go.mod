module git.example.com/acme/image-resizer

go 1.22

require (
	github.com/disintegration/imaging v1.6.2
	go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.49.0
	go.opentelemetry.io/otel v1.24.0
	go.uber.org/zap v1.27.0
)
