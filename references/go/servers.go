package main

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"

	"github.com/valyala/fasthttp"
)

// fasthttpServer serves on fasthttp's worker pool: the thing the article is about.
type fasthttpServer struct {
	s *fasthttp.Server
}

var (
	textPlainBytes       = []byte(textPlain)
	applicationJSONBytes = []byte(applicationJSON)
)

func newFasthttpServer(o options, requests *atomic.Int64) fasthttpServer {
	handler := func(ctx *fasthttp.RequestCtx) {
		requests.Add(1)
		r := answer(ctx.Method(), ctx.RequestURI())
		ctx.SetStatusCode(r.status)
		if r.contentType == applicationJSON {
			ctx.Response.Header.SetContentTypeBytes(applicationJSONBytes)
		} else {
			ctx.Response.Header.SetContentTypeBytes(textPlainBytes)
		}
		if r.status == fasthttp.StatusMethodNotAllowed {
			ctx.Response.Header.Set("Allow", "GET")
		}
		ctx.Response.SetBodyRaw(r.body)
	}
	return fasthttpServer{&fasthttp.Server{
		Handler:                            handler,
		Name:                               "fasthttp",
		Concurrency:                        o.concurrency,
		SleepWhenConcurrencyLimitsExceeded: o.sleepOnOverflow,
		ReadTimeout:                        o.readTimeout,
		IdleTimeout:                        o.idleTimeout,
		ReadBufferSize:                     maxHeaderBytes,
		MaxRequestBodySize:                 maxBodyBytes,
		LogAllErrors:                       o.logAllErrors,
		CloseOnShutdown:                    true,
	}}
}

func (f fasthttpServer) serve(ln net.Listener) error {
	return f.s.Serve(ln)
}

func (f fasthttpServer) stop(context.Context) error {
	return f.s.Shutdown()
}

// nethttpServer serves with net/http: a new goroutine per connection, no cap.
type nethttpServer struct {
	s *http.Server
}

// Header values shared by every response; net/http only reads them.
var (
	serverNethttp   = []string{"net/http"}
	contentTypeText = []string{textPlain}
	contentTypeJSON = []string{applicationJSON}
	allowGet        = []string{"GET"}
)

func newNethttpServer(o options, requests *atomic.Int64) nethttpServer {
	handler := http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		requests.Add(1)
		r := answer([]byte(req.Method), []byte(req.RequestURI))
		h := w.Header()
		h["Server"] = serverNethttp
		if r.contentType == applicationJSON {
			h["Content-Type"] = contentTypeJSON
		} else {
			h["Content-Type"] = contentTypeText
		}
		h["Content-Length"] = []string{strconv.Itoa(len(r.body))}
		if r.status == http.StatusMethodNotAllowed {
			h["Allow"] = allowGet
		}
		w.WriteHeader(r.status)
		w.Write(r.body)
	})
	return nethttpServer{&http.Server{
		Handler:           handler,
		ReadHeaderTimeout: o.readTimeout,
		IdleTimeout:       o.idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
	}}
}

func (n nethttpServer) serve(ln net.Listener) error {
	err := n.s.Serve(ln)
	if err == http.ErrServerClosed {
		return nil
	}
	return err
}

func (n nethttpServer) stop(ctx context.Context) error {
	return n.s.Shutdown(ctx)
}
