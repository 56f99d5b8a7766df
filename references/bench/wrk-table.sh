#!/usr/bin/env bash
# wrk-table.sh: every arm and reference under Debian's wrk, interleaved rounds.
#
# Starts each server in turn, pinned (server on one CPU, wrk on another), drives it with wrk on keep-alive
# /plaintext and on Connection: close, stops it, and goes on to the next; the whole list is run --rounds times, so
# that the servers are interleaved (A B C ... A B C ...) and a drift in the machine's speed spreads over all of them.
# Prints every round's requests/s, then the median over rounds of each round's ratio against its target.
# A benchmark, not a test: run it on a quiet machine.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: references/bench/wrk-table.sh [options]

  --rounds N          rounds over every server (default 3; at least 3 for a table to quote)
  --duration D        wrk's measured run per server and mode, e.g. 8s (default 8s)
  --warmup D          wrk run before each measured one, not recorded (default 3s)
  --servers LIST      comma-separated (default: classic,jdk-pool,per-connection,virtual,virtual-pooled,
                      jetty-qtp,jetty-virtual,helidon,go-fasthttp,go-nethttp)
  --keepalive-conns N connections for keep-alive /plaintext (default 64)
  --close-conns N     connections for Connection: close /plaintext (default 32)
  --server-cpu N      CPU the server is pinned to (default 0)
  --wrk-cpu N         CPU wrk is pinned to (default 1)
  --port N            port the servers listen on (default 18080)
  -h, --help          this text

Needs Debian's wrk (apt-get install wrk) and taskset; the Go servers need
apt-get install golang-go golang-github-valyala-fasthttp-dev (they are skipped with that reason otherwise).
Smoke test: references/bench/wrk-table.sh --rounds 1 --duration 1s --warmup 1s --servers classic,virtual
USAGE
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rounds=3
duration=8s
warmup=3s
servers=classic,jdk-pool,per-connection,virtual,virtual-pooled,jetty-qtp,jetty-virtual,helidon,go-fasthttp,go-nethttp
ka_conns=64
close_conns=32
server_cpu=0
wrk_cpu=1
port=18080

while [[ $# -gt 0 ]]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --servers) servers=$2; shift 2 ;;
    --keepalive-conns) ka_conns=$2; shift 2 ;;
    --close-conns) close_conns=$2; shift 2 ;;
    --server-cpu) server_cpu=$2; shift 2 ;;
    --wrk-cpu) wrk_cpu=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "wrk-table.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "wrk-table.sh: --rounds must be a positive number, was '$rounds'" >&2; exit 2; }

if ! command -v wrk >/dev/null; then
  echo "wrk-table.sh: wrk not found; install Debian's: apt-get install wrk" >&2
  exit 1
fi
if ! command -v taskset >/dev/null; then
  echo "wrk-table.sh: taskset not found; install it: apt-get install util-linux" >&2
  exit 1
fi

# The same heap and collector as compare gives every JVM arm, from their one home (poolbench jvm-flags, which
# builds the project first when a source is newer than the jars), sized to the one CPU.
if ! jvm_flags=$("$root/poolbench" jvm-flags); then
  echo "wrk-table.sh: ./poolbench jvm-flags failed; the lines above say why" >&2
  exit 1
fi
jvm_opts="$jvm_flags -XX:ActiveProcessorCount=1"
go_binary="$root/references/go/target/poolbench-go"
work=$(mktemp -d)
source "$root/references/bench/bench-server.sh"
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# The Go program, built as compare's GoArms builds it: GOPATH mode against Debian's packages, nothing downloaded.
go_ready() {
  local fasthttp=/usr/share/gocode/src/github.com/valyala/fasthttp
  command -v go >/dev/null && [[ -d $fasthttp ]] || return 1
  if [[ ! -x $go_binary || -n $(find "$root/references/go" -maxdepth 1 -name '*.go' -newer "$go_binary" -print -quit) ]]; then
    mkdir -p "$(dirname "$go_binary")"
    (cd "$root/references/go" && GO111MODULE=off GOPATH=/usr/share/gocode \
      GOCACHE="$root/references/go/target/gocache" go build -o "$go_binary.partial" . && mv "$go_binary.partial" "$go_binary")
  fi
}

# Requests/s of one wrk run (0 when wrk failed or saw errors on every request).
wrk_rps() {
  local conns=$1 dur=$2; shift 2
  local out
  out=$(taskset -c "$wrk_cpu" wrk -t1 -c"$conns" -d"$dur" "$@" "http://127.0.0.1:$port/plaintext" 2>&1) || true
  echo "$out" >>"$work/wrk.log"
  awk '/^Requests\/sec:/ {print $2; found=1} END {if (!found) print 0}' <<<"$out"
}

IFS=, read -r -a names <<<"$servers"
runnable=()
for name in "${names[@]}"; do
  if [[ $name == go-* ]] && ! go_ready; then
    echo "wrk-table.sh: skipping $name: needs apt-get install golang-go golang-github-valyala-fasthttp-dev" >&2
    continue
  fi
  runnable+=("$name")
done

echo "wrk-table.sh: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)," \
  "$(nproc) CPUs, server on CPU $server_cpu, wrk on CPU $wrk_cpu, $rounds rounds, warm-up $warmup, measured $duration"
echo "keep-alive: wrk -t1 -c$ka_conns /plaintext; close: wrk -t1 -c$close_conns -H 'Connection: close' /plaintext"
echo
results=$work/results.tsv
printf '%-6s %-16s %14s %14s\n' round server keep-alive close
for round in $(seq 1 "$rounds"); do
  for name in "${runnable[@]}"; do
    if ! start_server "$name"; then
      printf '%s\t%s\t0\t0\n' "$round" "$name" >>"$results"
      continue
    fi
    wrk_rps "$ka_conns" "$warmup" >/dev/null
    ka=$(wrk_rps "$ka_conns" "$duration")
    wrk_rps "$close_conns" "$warmup" -H 'Connection: close' >/dev/null
    cl=$(wrk_rps "$close_conns" "$duration" -H 'Connection: close')
    stop_server
    printf '%s\t%s\t%s\t%s\n' "$round" "$name" "$ka" "$cl" >>"$results"
    printf '%-6s %-16s %14.0f %14.0f\n' "$round" "$name" "$ka" "$cl"
  done
done

echo
echo "Median over rounds of each round's ratio (target in brackets):"
awk -F'\t' -v rounds="$rounds" '
  { ka[$1, $2] = $3; cl[$1, $2] = $4; seen[$2] = 1 }
  function median(list, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && list[j - 1] > list[j]; j--) { t = list[j]; list[j] = list[j - 1]; list[j - 1] = t }
    return n % 2 ? list[(n + 1) / 2] : (list[n / 2] + list[n / 2 + 1]) / 2
  }
  function ratio(label, target, num, den, mode,   r, n, list, a, b) {
    n = 0
    for (r = 1; r <= rounds; r++) {
      if (num == "fastest") {
        a = 0
        for (s in poolbench) if (((r, s) in ka) && ka[r, s] > a) a = ka[r, s]
      } else {
        a = mode == "ka" ? ka[r, num] : cl[r, num]
      }
      b = mode == "ka" ? ka[r, den] : cl[r, den]
      if (a > 0 && b > 0) list[++n] = a / b
    }
    if (n == 0) printf "  %-50s n/a (needs both servers)  [%s]\n", label, target
    else printf "  %-50s %.2f over %d rounds  [%s]\n", label, median(list, n), n, target
  }
  END {
    split("classic jdk-pool per-connection virtual virtual-pooled", arms, " ")
    for (i in arms) if (arms[i] in seen) poolbench[arms[i]] = 1
    ratio("virtual / helidon, keep-alive", ">= 1.0", "virtual", "helidon", "ka")
    ratio("classic / jetty-qtp, keep-alive", ">= 1.5", "classic", "jetty-qtp", "ka")
    ratio("fastest poolbench arm / go-fasthttp, keep-alive", ">= 0.9", "fastest", "go-fasthttp", "ka")
    ratio("classic / go-fasthttp, Connection: close", ">= 1.0", "classic", "go-fasthttp", "cl")
  }' "$results"
