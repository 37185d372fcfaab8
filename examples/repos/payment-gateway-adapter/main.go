package main

import (
	"context"
	"net/http"
	"os"

	"github.com/getsentry/sentry-go"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracegrpc"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()

	_ = sentry.Init(sentry.ClientOptions{Dsn: os.Getenv("SENTRY_DSN")})

	exporter, err := otlptracegrpc.New(context.Background())
	if err != nil {
		logger.Fatal("otlp exporter", zap.Error(err))
	}
	otel.SetTracerProvider(sdktrace.NewTracerProvider(sdktrace.WithBatcher(exporter)))

	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("/v1/authorise", authorise)

	logger.Info("listening", zap.String("addr", ":8080"))
	logger.Fatal("server stopped", zap.Error(http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "gateway"))))
}

func authorise(w http.ResponseWriter, r *http.Request) {
	// Forwards to the acquirer chosen by the routing table (omitted in the example).
	w.WriteHeader(http.StatusAccepted)
}
