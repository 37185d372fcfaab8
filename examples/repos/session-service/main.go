package main

import (
	"net/http"
	"os"

	"github.com/getsentry/sentry-go"
	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()
	_ = sentry.Init(sentry.ClientOptions{Dsn: os.Getenv("SENTRY_DSN")})

	store := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer store.Close()

	http.HandleFunc("/sessions/validate", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	logger.Fatal("server stopped", zap.Error(http.ListenAndServe(":8080", nil)))
}
