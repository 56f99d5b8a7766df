// Command poolbench-go runs the Go originals under the same load as poolbench's arms: valyala/fasthttp with its
// worker pool (go-fasthttp) and the standard library's goroutine per connection (go-nethttp), serving the same
// four endpoints and a stats endpoint with the fields of poolbench's StatsSnapshot.
//
//	poolbench-go serve --arm go-fasthttp|go-nethttp --port P --admin-port Q [--concurrency N]
//	    [--max-idle-worker-duration D] [--sleep-on-overflow D] [--read-timeout D] [--idle-timeout D]
//	    [--log-all-errors] [--host H] [--order lifo] [--buffers B]
//
// It prints one ready line in the form of "poolbench serve" and stops on SIGTERM or SIGINT.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

// How long a stop waits for connections to finish before the process ends anyway: fasthttp's Shutdown would
// otherwise wait out every idle keep-alive connection.
const stopGrace = 2 * time.Second

type options struct {
	arm                   string
	host                  string
	port                  int
	adminPort             int
	concurrency           int
	maxIdleWorkerDuration time.Duration
	sleepOnOverflow       time.Duration
	readTimeout           time.Duration
	idleTimeout           time.Duration
	logAllErrors          bool
}

// fasthttpMaxIdleWorkerDuration is the idle time after which fasthttp reaps a worker. The fasthttp that Debian
// packages (1.31) fixes it: its Server has no MaxIdleWorkerDuration field yet, and the worker pool falls back
// to this default.
const fasthttpMaxIdleWorkerDuration = 10 * time.Second

// The limits of poolbench's ServerConfig.DEFAULTS.
const (
	maxHeaderBytes = 8192
	maxBodyBytes   = 1 << 20
)

// A running workload server: how it serves on a listener and how it stops.
type server interface {
	serve(ln net.Listener) error
	stop(ctx context.Context) error
}

func main() {
	opts, err := parse(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "poolbench-go:", err)
		os.Exit(2)
	}
	if err := run(opts); err != nil {
		fmt.Fprintln(os.Stderr, "poolbench-go:", err)
		os.Exit(1)
	}
}

func parse(args []string) (options, error) {
	var o options
	if len(args) == 0 || args[0] != "serve" {
		return o, errors.New("usage: poolbench-go serve --arm go-fasthttp|go-nethttp [--port P] [--admin-port Q] " +
			"[--concurrency N] [--max-idle-worker-duration D] ...")
	}
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.StringVar(&o.arm, "arm", "", "go-fasthttp or go-nethttp")
	flags.StringVar(&o.host, "host", "127.0.0.1", "address to bind")
	flags.IntVar(&o.port, "port", 8080, "port of the workloads; 0 picks a free one")
	admin := flags.String("admin-port", "", "port of the stats endpoint; 0 picks a free one, -1 runs none "+
		"(default: port + 1, or 0 when port is 0)")
	flags.IntVar(&o.concurrency, "concurrency", 0, "fasthttp's Server.Concurrency (default 262144); net/http has no cap")
	flags.DurationVar(&o.maxIdleWorkerDuration, "max-idle-worker-duration", fasthttpMaxIdleWorkerDuration,
		"fasthttp's MaxIdleWorkerDuration: 10s only, see fasthttpMaxIdleWorkerDuration")
	flags.DurationVar(&o.sleepOnOverflow, "sleep-on-overflow", 0, "fasthttp's SleepWhenConcurrencyLimitsExceeded")
	flags.DurationVar(&o.readTimeout, "read-timeout", 10*time.Second, "longest a request may take to arrive")
	flags.DurationVar(&o.idleTimeout, "idle-timeout", 60*time.Second, "longest a keep-alive connection may idle")
	flags.BoolVar(&o.logAllErrors, "log-all-errors", false, "fasthttp's LogAllErrors")
	order := flags.String("order", "lifo", "which idle worker fasthttp takes: lifo only, as fasthttp has no other")
	flags.String("buffers", "worker", "accepted for parity with poolbench serve; Go servers own their buffers")
	if err := flags.Parse(args[1:]); err != nil {
		return o, err
	}
	if flags.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", flags.Arg(0))
	}
	if o.arm != "go-fasthttp" && o.arm != "go-nethttp" {
		return o, fmt.Errorf("unknown arm '%s'; valid arms: go-fasthttp, go-nethttp", o.arm)
	}
	if *order != "lifo" {
		return o, fmt.Errorf("--order %s: fasthttp's worker pool is LIFO only", *order)
	}
	if o.arm == "go-fasthttp" && o.maxIdleWorkerDuration != fasthttpMaxIdleWorkerDuration {
		return o, fmt.Errorf("--max-idle-worker-duration %v: Debian's fasthttp (1.31) reaps idle workers after "+
			"%v and offers no setting", o.maxIdleWorkerDuration, fasthttpMaxIdleWorkerDuration)
	}
	if o.concurrency < 0 {
		return o, fmt.Errorf("--concurrency must be at least 1, was %d", o.concurrency)
	}
	switch {
	case *admin != "":
		n, err := strconv.Atoi(*admin)
		if err != nil || n < -1 || n > 65535 {
			return o, fmt.Errorf("--admin-port must be -1 (none), 0 (any) or 1..65535, was %s", *admin)
		}
		o.adminPort = n
	case o.port == 0:
		o.adminPort = 0
	default:
		o.adminPort = o.port + 1
	}
	return o, nil
}

func run(o options) error {
	requests := new(atomic.Int64)
	counts := &connectionCounts{canRefuse: o.arm == "go-fasthttp"}
	var srv server
	if o.arm == "go-fasthttp" {
		srv = newFasthttpServer(o, requests)
	} else {
		srv = newNethttpServer(o, requests)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(o.host, strconv.Itoa(o.port)))
	if err != nil {
		return fmt.Errorf("cannot bind %s:%d (%v); choose a free one with --port", o.host, o.port, err)
	}
	statsWhere := "off"
	var admin *http.Server
	if o.adminPort >= 0 {
		adminLn, err := net.Listen("tcp", net.JoinHostPort(o.host, strconv.Itoa(o.adminPort)))
		if err != nil {
			return fmt.Errorf("cannot bind the admin port %s:%d (%v); choose one with --admin-port", o.host,
				o.adminPort, err)
		}
		stats := &serverStats{arm: o.arm, started: time.Now(), requests: requests, connections: counts}
		mux := http.NewServeMux()
		mux.Handle("/stats", stats)
		admin = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
		go admin.Serve(adminLn)
		statsWhere = fmt.Sprintf("http://%s:%d/stats", o.host, adminLn.Addr().(*net.TCPAddr).Port)
	}
	// Listen for SIGTERM before saying ready, so that a stop sent right after the ready line stops cleanly.
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGTERM, syscall.SIGINT)
	served := make(chan error, 1)
	go func() { served <- srv.serve(countingListener{Listener: ln, counts: counts}) }()
	fmt.Printf("%s serving on http://%s:%d  (stats: %s; buffers: n/a)\n", o.arm, o.host,
		ln.Addr().(*net.TCPAddr).Port, statsWhere)

	select {
	case <-signals:
	case err := <-served:
		return fmt.Errorf("serving stopped: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), stopGrace)
	defer cancel()
	if admin != nil {
		admin.Close()
	}
	stopped := make(chan struct{})
	go func() {
		srv.stop(ctx)
		close(stopped)
	}()
	select {
	case <-stopped:
	case <-ctx.Done():
	}
	return nil
}
