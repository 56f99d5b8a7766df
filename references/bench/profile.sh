#!/usr/bin/env bash
# profile.sh: where one server spends its CPU per request under Debian's wrk, and which system calls it makes.
#
# Starts the server pinned as wrk-table.sh pins it (server on one CPU with -XX:ActiveProcessorCount=1, wrk on
# another), warms it, then samples it with perf's cpu-clock software event (the only kind this VM has) while wrk
# drives it, and counts its system calls with strace -c -f in a second wrk run. The JVM's compiled code is named
# through the map `jcmd Compiler.perfmap` writes, so a Java and a Go server read alike: kernel, JVM, JIT-compiled
# Java, Go runtime. A benchmark's companion, not a test: run it on a quiet machine.
set -euo pipefail
# A step that fails says so: set -e alone would end the script without a word.
trap 'echo "profile.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

usage() {
  cat <<'USAGE'
usage: references/bench/profile.sh --server NAME --mode keep-alive|close [options]

  --server NAME     an arm or reference wrk-table.sh knows (classic, virtual, go-fasthttp, ...)
  --mode MODE       keep-alive (/plaintext, 64 connections) or close (Connection: close, 32 connections)
  --seconds N       perf's and strace's window, each in its own wrk run (default 5)
  --out DIR         where the reports go (default target/profiles, under the checkout)
  --server-cpu N    CPU the server is pinned to (default 0)
  --wrk-cpu N       CPU wrk is pinned to (default 1)
  --port N          port the server listens on (default 18090)
  -h, --help        this text

Writes DIR/NAME-MODE.perf.txt (perf report: shares by binary, then the top symbols), DIR/NAME-MODE.strace.txt
(strace -c -f) and DIR/NAME-MODE.summary.txt: requests/s without and with each profiler, perf's sample
count, and system calls per request. Needs wrk, perf, strace and taskset (apt-get install wrk linux-perf strace util-linux).
USAGE
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
server="" mode="" seconds=5 out="$root/target/profiles" server_cpu=0 wrk_cpu=1 port=18090
while [[ $# -gt 0 ]]; do
  case $1 in
    --server) server=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --server-cpu) server_cpu=$2; shift 2 ;;
    --wrk-cpu) wrk_cpu=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "profile.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -n $server ]] || { echo "profile.sh: --server NAME is required (see --help)" >&2; exit 2; }
case $mode in
  keep-alive) conns=64; wrk_extra=() ;;
  close) conns=32; wrk_extra=(-H 'Connection: close') ;;
  *) echo "profile.sh: --mode must be keep-alive or close (see --help)" >&2; exit 2 ;;
esac
[[ $seconds =~ ^[0-9]+$ && $seconds -ge 1 ]] || { echo "profile.sh: --seconds takes a whole number >= 1" >&2; exit 2; }
for tool in wrk perf strace taskset; do
  command -v "$tool" >/dev/null || { echo "profile.sh: $tool not found (see --help for the packages)" >&2; exit 1; }
done

mkdir -p "$out"
name="$server-$mode"
work=$(mktemp -d)
source "$root/references/bench/bench-server.sh"
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

go_binary="$root/references/go/target/poolbench-go"
if [[ $server == go-* ]]; then
  [[ -x $go_binary ]] || { echo "profile.sh: $go_binary is missing; references/bench/wrk-table.sh builds it" >&2; exit 1; }
  jvm_opts=""
else
  jvm_opts="$("$root/poolbench" jvm-flags) -XX:ActiveProcessorCount=1"
fi
start_server "$server" || exit 1

# Requests (total) and requests/s of one wrk run.
drive() {
  local out
  out=$(taskset -c "$wrk_cpu" wrk -t1 -c"$conns" -d"$1" "${wrk_extra[@]}" "http://127.0.0.1:$port/plaintext" 2>&1) || true
  echo "$out" >>"$work/wrk.log"
  awk '/requests in/ {n=$1} /^Requests\/sec:/ {r=$2} END {if (r != "") printf "%d %s\n", n, r}' <<<"$out"
}

# A wrk run that printed no result ends the script with wrk's own last lines, not silently.
no_result() {
  echo "profile.sh: wrk gave no result against $server: $(tail -3 "$work/wrk.log" | tr '\n' ' ')" >&2
  exit 1
}
drive 3s >/dev/null
drive 3s >/dev/null
read -r _ plain_rps < <(drive "${seconds}s") || no_result

# perf: sampled at 999 Hz on the server's process while wrk runs a second longer than the window. No call graphs:
# walking the stacks halved classic's requests/s here, and the flat profile is what the comparison reads.
perf record -q -e cpu-clock -F 999 -p "$server_pid" -o "$work/perf.data" -- sleep "$seconds" 2>/dev/null &
perf_pid=$!
read -r perf_requests perf_rps < <(drive "$((seconds + 1))s") || no_result
wait "$perf_pid" || true
if [[ $server != go-* ]]; then
  jdk_bin=$(dirname "$(readlink -f "/proc/$server_pid/exe")")
  "$jdk_bin/jcmd" "$server_pid" Compiler.perfmap >/dev/null
fi
# Each report whole to a file first: a head on perf's pipe would stop perf with SIGPIPE.
perf report -i "$work/perf.data" --stdio --no-children --sort dso -g none >"$work/by-dso.txt" 2>/dev/null
perf report -i "$work/perf.data" --stdio --no-children --sort dso,sym -g none >"$work/by-sym.txt" 2>/dev/null
{
  echo "# $server, $mode, perf cpu-clock at 999 Hz over ${seconds} s; shares by binary"
  grep -v -e '^$' -e '^#$' "$work/by-dso.txt" | awk 'NR <= 25'
  echo
  echo "# top symbols"
  grep -v -e '^$' -e '^#' "$work/by-sym.txt" | awk 'NR <= 60'
} >"$out/$name.perf.txt"
sample_count=$(awk '/^# Samples:/ {print $3; exit}' "$work/by-dso.txt")

# strace: with -f it attaches to every thread the server has and follows those it starts; counts only.
strace -q -c -f -U name,calls,errors -S calls -o "$out/$name.strace.txt" -p "$server_pid" &
strace_pid=$!
sleep 1
read -r strace_requests strace_rps < <(drive "${seconds}s") || no_result
kill -INT "$strace_pid" 2>/dev/null || true
wait "$strace_pid" 2>/dev/null || true

calls=$(awk '$1 == "total" {print $2}' "$out/$name.strace.txt")
{
  echo "server $server, mode $mode, wrk -t1 -c$conns, server on CPU $server_cpu, wrk on CPU $wrk_cpu"
  echo "requests/s without a profiler: $plain_rps"
  echo "requests/s under perf: $perf_rps ($perf_requests requests in $((seconds + 1)) s; $sample_count samples over ${seconds} s)"
  echo "requests/s under strace: $strace_rps ($strace_requests requests)"
  echo "system calls per request, strace -c -f (the calls of the second before wrk started are in the counts too):"
  awk -v req="$strace_requests" 'NR > 2 && $1 !~ /^-/ && req > 0 && n++ < 16 {
    printf "  %-20s %8.3f\n", $1, $2 / req }' "$out/$name.strace.txt"
} >"$out/$name.summary.txt"
cat "$out/$name.summary.txt"
