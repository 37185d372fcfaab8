package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()

	mux := http.NewServeMux()
	mux.HandleFunc("/resize", func(w http.ResponseWriter, r *http.Request) {
		// fetch the original from object storage and resize with imaging.Fit (omitted)
		w.WriteHeader(http.StatusNotImplemented)
	})
	logger.Fatal("server stopped", zap.Error(http.ListenAndServe(":8080", otelhttp.NewHandler(mux, "resize"))))
}
