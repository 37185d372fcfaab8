package main

import (
	"net/http"
	"os"

	"github.com/getsentry/sentry-go"
	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()
	_ = sentry.Init(sentry.ClientOptions{Dsn: os.Getenv("SENTRY_DSN")})

	r := chi.NewRouter()
	r.Get("/.well-known/openid-configuration", discovery)
	r.Handle("/metrics", promhttp.Handler())
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })

	logger.Fatal("server stopped", zap.Error(http.ListenAndServe(":8080", otelhttp.NewHandler(r, "idp"))))
}

func discovery(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"issuer":"https://id.example.com"}`))
}
