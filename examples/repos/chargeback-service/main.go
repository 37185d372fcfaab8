package main

import (
	"net/http"

	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()

	http.HandleFunc("/webhooks/chargebacks", func(w http.ResponseWriter, r *http.Request) {
		logger.Info("chargeback received", zap.String("acquirer", r.Header.Get("X-Acquirer")))
		w.WriteHeader(http.StatusAccepted)
	})
	logger.Fatal("server stopped", zap.Error(http.ListenAndServe(":8080", nil)))
}
