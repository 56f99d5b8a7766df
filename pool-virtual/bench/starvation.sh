#!/usr/bin/env bash
# starvation.sh: claim 10's two mechanisms, measured outside compare, the way the claims issue first saw them.
#
# One server on one CPU (taskset and -XX:ActiveProcessorCount=1, so virtual threads get one carrier). Two
# connections loop GET /cpu?work=N (a heavy request computes for tens of milliseconds). Beside them:
#   - light: one connection opened before the heavy load sends GET /plaintext 20 times a second (open loop), so
#     each answer waits for whatever holds the CPU;
#   - new connection: once the heavy load runs, curl opens a fresh connection and times its first response.
# Per arm it prints the light requests' p50/p99 and the new connection's time to first byte. The arms are classic,
# virtual, and virtual with --cpu-executor 1 (/cpu on one platform thread, which the kernel time-slices).
#
# Usage: pool-virtual/bench/starvation.sh [--work N] [--heavy-seconds S] [--server-cpu C] [--load-cpu C]
# Runs on loopback only; every load is bounded in time. Run it alone: a busy CPU changes what it measures.
set -euo pipefail

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }
cpu_work=5000000 heavy_seconds=10 server_cpu=0 load_cpu=1 port=18090
while [[ $# -gt 0 ]]; do
  case $1 in
    --work) cpu_work=$2; shift 2 ;;
    --heavy-seconds) heavy_seconds=$2; shift 2 ;;
    --server-cpu) server_cpu=$2; shift 2 ;;
    --load-cpu) load_cpu=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "starvation.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $cpu_work =~ ^[0-9]+$ && $heavy_seconds =~ ^[0-9]+$ && $heavy_seconds -ge 3 ]] || {
  echo "starvation.sh: --work takes a whole number and --heavy-seconds one of at least 3" >&2; exit 2; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=$(mktemp -d)
# shellcheck source=../../references/bench/bench-server.sh
source "$root/references/bench/bench-server.sh"
trap 'stop_server; rm -rf "$work"' EXIT
jvm_opts="$("$root/poolbench" jvm-flags) -XX:ActiveProcessorCount=1"
url=http://127.0.0.1:$port

# p50 and p99 in ms from a load --json file.
percentiles() {
  python3 -c 'import json,sys; l=json.load(open(sys.argv[1]))["latency"]["percentilesMs"]
print("%.1f %.1f" % (l.get("50.0", l.get("50")), l.get("99.0", l.get("99"))))' "$1"
}

measure() {
  local name=$1; shift
  start_server "$@"
  # Warm the server's code up, light and heavy, before anything is timed.
  taskset -c "$load_cpu" "$root/poolbench" load -c 4 -d 2s "$url/plaintext" >/dev/null
  taskset -c "$load_cpu" "$root/poolbench" load -c 2 -d 2s "$url/cpu?work=$cpu_work" >/dev/null

  local light_seconds=$((heavy_seconds + 2))
  taskset -c "$load_cpu" "$root/poolbench" load -c 1 -R 20 -d "${light_seconds}s" --timeout 30s \
    --max-errors 100 --json "$work/light.json" "$url/plaintext" >/dev/null &
  local light=$!
  sleep 1
  taskset -c "$load_cpu" "$root/poolbench" load -c 2 -d "${heavy_seconds}s" --timeout 30s --max-errors 100 \
    --json "$work/heavy.json" "$url/cpu?work=$cpu_work" >/dev/null &
  local heavy=$!
  sleep 2
  local first_byte
  first_byte=$(curl -s -o /dev/null --max-time $((heavy_seconds + 20)) -w '%{time_starttransfer}' "$url/plaintext" \
    || echo "none")
  wait "$heavy" "$light" || true
  local heavy_rate
  heavy_rate=$(python3 -c 'import json,sys; print("%.0f" % json.load(open(sys.argv[1]))["requestsPerSecond"])' \
    "$work/heavy.json")
  read -r p50 p99 < <(percentiles "$work/light.json")
  printf '%-28s %10s %10s %22s %14s\n' "$name" "$p50" "$p99" \
    "$(python3 -c "import sys; v=sys.argv[1]; print(v if v == 'none' else '%.1f' % (float(v) * 1000))" "$first_byte")" \
    "$heavy_rate"
  stop_server
}

echo "server on CPU $server_cpu (one carrier), load on CPU $load_cpu; heavy: 2 connections looping /cpu?work=$cpu_work for ${heavy_seconds} s"
printf '%-28s %10s %10s %22s %14s\n' "arm" "light p50" "light p99" "new conn. first byte" "heavy req/s"
printf '%-28s %10s %10s %22s %14s\n' "" "ms" "ms" "ms" ""
measure classic classic
measure virtual virtual
measure "virtual --cpu-executor 1" virtual --cpu-executor 1
