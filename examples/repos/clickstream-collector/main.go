package main

import (
	"io"
	"net/http"

	"github.com/segmentio/kafka-go"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()

	w := &kafka.Writer{Addr: kafka.TCP("kafka.data:9092"), Topic: "clickstream.raw"}
	defer w.Close()

	http.HandleFunc("/collect", func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := w.WriteMessages(r.Context(), kafka.Message{Value: body}); err != nil {
			logger.Warn("kafka write failed", zap.Error(err))
			rw.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		rw.WriteHeader(http.StatusNoContent)
	})
	logger.Fatal("server stopped", zap.Error(http.ListenAndServe(":8080", nil)))
}
