package main

import (
	"net/http"
	"net/http/httputil"
	"net/url"

	"go.uber.org/zap"
	httptrace "gopkg.in/DataDog/dd-trace-go.v1/contrib/net/http"
	"gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

func main() {
	tracer.Start(tracer.WithService("api-gateway"))
	defer tracer.Stop()

	logger, _ := zap.NewProduction()
	defer logger.Sync()

	upstream, _ := url.Parse("http://checkout-service.checkout:8080")
	mux := httptrace.NewServeMux()
	mux.Handle("/", httputil.NewSingleHostReverseProxy(upstream))

	logger.Fatal("server stopped", zap.Error(http.ListenAndServe(":8443", mux)))
}
