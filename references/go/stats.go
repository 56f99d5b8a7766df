package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// statsSnapshot has the field names of poolbench's StatsSnapshot record, so that one reader serves every arm.
// -1 marks what Go does not tell: the peak of OS threads; the workers' idle, peak, started and reaped counts
// (fasthttp keeps its worker pool private, net/http has none); Go's collector has no young and full
// collections and no old generation; and, where there is no /proc, CPU time and RSS. The Go arms serve neither
// /downstream nor /db, so those counters stay 0, and have no CPU executor, so its two figures stay 0 too.
type statsSnapshot struct {
	Arm                 string `json:"arm"`
	Buffers             string `json:"buffers"`
	EpochMillis         int64  `json:"epochMillis"`
	UptimeMillis        int64  `json:"uptimeMillis"`
	Requests            int64  `json:"requests"`
	ConnectionsAccepted int64  `json:"connectionsAccepted"`
	ConnectionsRejected int64  `json:"connectionsRejected"`
	ConnectionsServed   int64  `json:"connectionsServed"`
	ConnectionsOpen     int64  `json:"connectionsOpen"`
	ProcessCPUNanos     int64  `json:"processCpuNanos"`
	AllocatedBytes      int64  `json:"allocatedBytes"`
	GCCount             int64  `json:"gcCount"`
	GCTimeMillis        int64  `json:"gcTimeMillis"`
	ThreadsLive         int64  `json:"threadsLive"`
	ThreadsPeak         int64  `json:"threadsPeak"`
	ThreadsStarted      int64  `json:"threadsStarted"`
	WorkersAlive        int64  `json:"workersAlive"`
	WorkersIdle         int64  `json:"workersIdle"`
	WorkersPeak         int64  `json:"workersPeak"`
	WorkersStarted      int64  `json:"workersStarted"`
	WorkersReaped       int64  `json:"workersReaped"`
	HeapUsedBytes       int64  `json:"heapUsedBytes"`
	RSSBytes            int64  `json:"rssBytes"`
	PeakRSSBytes        int64  `json:"peakRssBytes"`
	VoluntaryCS         int64  `json:"voluntaryContextSwitches"`
	InvoluntaryCS       int64  `json:"involuntaryContextSwitches"`
	CSCounted           bool   `json:"contextSwitchesCounted"`
	YoungGCCount        int64  `json:"youngGcCount"`
	YoungGCTimeMillis   int64  `json:"youngGcTimeMillis"`
	FullGCCount         int64  `json:"fullGcCount"`
	FullGCTimeMillis    int64  `json:"fullGcTimeMillis"`
	OldGenAfterGCBytes  int64  `json:"oldGenAfterGcBytes"`
	DownstreamFailures  int64  `json:"downstreamFailures"`
	DownstreamTimeouts  int64  `json:"downstreamTimeouts"`
	DatabaseUnavailable int64  `json:"databaseUnavailable"`
	DBPoolSize          int64  `json:"dbPoolSize"`
	DBPoolActive        int64  `json:"dbPoolActive"`
	DBPoolWaiting       int64  `json:"dbPoolWaiting"`
	DBAcquisitions      int64  `json:"dbAcquisitions"`
	DBWaitNanos         int64  `json:"dbWaitNanos"`
	DBTimeouts          int64  `json:"dbTimeouts"`
	CPUExecutorThreads  int64  `json:"cpuExecutorThreads"`
	CPUExecutorTasks    int64  `json:"cpuExecutorTasks"`
}

// clockTicksPerSecond is Linux's USER_HZ, which /proc/self/stat counts CPU time in.
const clockTicksPerSecond = 100

type serverStats struct {
	arm         string
	started     time.Time
	requests    *atomic.Int64
	connections *connectionCounts
}

func (s *serverStats) take() statsSnapshot {
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	status := procStatus()
	voluntary, involuntary, counted := contextSwitches()
	now := time.Now()
	return statsSnapshot{
		Arm:                 s.arm,
		Buffers:             "n/a",
		EpochMillis:         now.UnixMilli(),
		UptimeMillis:        now.Sub(s.started).Milliseconds(),
		Requests:            s.requests.Load(),
		ConnectionsAccepted: s.connections.accepted.Load(),
		ConnectionsRejected: s.connections.rejected.Load(),
		ConnectionsServed:   s.connections.served.Load(),
		ConnectionsOpen:     s.connections.open(),
		ProcessCPUNanos:     processCPUNanos(),
		AllocatedBytes:      int64(mem.TotalAlloc),
		GCCount:             int64(mem.NumGC),
		GCTimeMillis:        int64(mem.PauseTotalNs / 1e6),
		ThreadsLive:         status["Threads"],
		ThreadsPeak:         -1,
		ThreadsStarted:      int64(pprof.Lookup("threadcreate").Count()),
		WorkersAlive:        int64(runtime.NumGoroutine()),
		WorkersIdle:         -1,
		WorkersPeak:         -1,
		WorkersStarted:      -1,
		WorkersReaped:       -1,
		HeapUsedBytes:       int64(mem.HeapAlloc),
		RSSBytes:            kilobytes(status["VmRSS"]),
		PeakRSSBytes:        kilobytes(status["VmHWM"]),
		VoluntaryCS:         voluntary,
		InvoluntaryCS:       involuntary,
		CSCounted:           counted,
		YoungGCCount:        -1,
		YoungGCTimeMillis:   -1,
		FullGCCount:         -1,
		FullGCTimeMillis:    -1,
		OldGenAfterGCBytes:  -1,
	}
}

func (s *serverStats) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	body, err := json.Marshal(s.take())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}

// processCPUNanos is user plus system time from /proc/self/stat, or -1 without /proc.
func processCPUNanos() int64 {
	raw, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return -1
	}
	// The command name in parentheses may hold spaces; the numbered fields start after its ')'.
	fields := strings.Fields(string(raw[bytes.LastIndexByte(raw, ')')+1:]))
	// utime and stime are fields 14 and 15 of the whole line; the first after the name is field 3.
	if len(fields) < 13 {
		return -1
	}
	utime, err1 := strconv.ParseInt(fields[11], 10, 64)
	stime, err2 := strconv.ParseInt(fields[12], 10, 64)
	if err1 != nil || err2 != nil {
		return -1
	}
	return (utime + stime) * (1e9 / clockTicksPerSecond)
}

// procStatus reads the numeric fields of /proc/self/status (Threads, VmRSS in kB...); missing ones read -1.
func procStatus() map[string]int64 {
	values := map[string]int64{"Threads": -1, "VmRSS": -1, "VmHWM": -1}
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return values
	}
	for _, line := range strings.Split(string(raw), "\n") {
		name, value, found := strings.Cut(line, ":")
		if _, wanted := values[name]; !found || !wanted {
			continue
		}
		if fields := strings.Fields(value); len(fields) > 0 {
			if n, err := strconv.ParseInt(fields[0], 10, 64); err == nil {
				values[name] = n
			}
		}
	}
	return values
}

// contextSwitches is getrusage(RUSAGE_SELF)'s ru_nvcsw and ru_nivcsw, which count threads that have ended too, as
// poolbench's ContextSwitches reads them; counted is false when the call fails.
func contextSwitches() (voluntary, involuntary int64, counted bool) {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		return 0, 0, false
	}
	return int64(usage.Nvcsw), int64(usage.Nivcsw), true
}

func kilobytes(kb int64) int64 {
	if kb < 0 {
		return -1
	}
	return kb * 1024
}
