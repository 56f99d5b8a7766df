package main

import (
	"net"
	"sync/atomic"
)

// connectionCounts counts what neither fasthttp nor net/http exposes: connections accepted, ended, open, and —
// for fasthttp — refused at its Concurrency limit.
type connectionCounts struct {
	// canRefuse is whether the server may close a connection unread at a cap (fasthttp), not net/http.
	canRefuse bool
	accepted  atomic.Int64
	served    atomic.Int64
	rejected  atomic.Int64
}

func (c *connectionCounts) open() int64 {
	return c.accepted.Load() - c.served.Load() - c.rejected.Load()
}

// countingListener counts every connection it hands out.
type countingListener struct {
	net.Listener
	counts *connectionCounts
}

func (l countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.counts.accepted.Add(1)
	return &countedConn{Conn: c, counts: l.counts}, nil
}

// countedConn counts its own end once. A connection closed without ever being read was refused: fasthttp's
// Serve writes its 503 and closes without reading, while every served connection is read at least once.
type countedConn struct {
	net.Conn
	counts *connectionCounts
	read   atomic.Bool
	closed atomic.Bool
}

func (c *countedConn) Read(b []byte) (int, error) {
	if !c.read.Load() {
		c.read.Store(true)
	}
	return c.Conn.Read(b)
}

func (c *countedConn) Close() error {
	if c.closed.CompareAndSwap(false, true) {
		if c.read.Load() || !c.counts.canRefuse {
			c.counts.served.Add(1)
		} else {
			c.counts.rejected.Add(1)
		}
	}
	return c.Conn.Close()
}
