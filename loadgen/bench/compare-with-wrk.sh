#!/usr/bin/env bash
# Measures loadgen against Debian's wrk on keep-alive GET /plaintext from nginx: the server pinned to
# CPU 0, each client in turn pinned to CPU 1, rounds alternating so that both see the same machine; each
# round gives a ratio (loadgen/wrk) and the medians of the ratios are the result. loadgen gets a 2 s warm-up
# (JIT) outside its measured window; wrk needs none.
# Needs: apt-get install -y wrk nginx-light; the module built (./mvnw -B -pl loadgen package -DskipTests).
# Usage: loadgen/bench/compare-with-wrk.sh [ROUNDS] [SECONDS] [CONNECTIONS]
set -euo pipefail
rounds=${1:-5}
seconds=${2:-10}
connections=${3:-64}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
url=http://127.0.0.1:18080/plaintext

cd "$root"
./mvnw -q -B -pl loadgen dependency:build-classpath -Dmdep.outputFile=/tmp/poolbench-loadgen.cp >/dev/null
cp="loadgen/target/classes:$(cat /tmp/poolbench-loadgen.cp)"

mkdir -p /tmp/poolbench-loadgen-nginx
taskset -c 0 nginx -c "$here/nginx-plaintext.conf"
trap 'nginx -c "$here/nginx-plaintext.conf" -s stop' EXIT
sleep 0.5

printf '%-6s %-6s %10s %10s %10s %10s %10s %10s %8s %8s\n' round load wrk_req/s lg_req/s wrk_p50ms lg_p50ms \
    wrk_us/req lg_us/req 'ratio' 'p50 ratio'
ratios=$(mktemp)
for round in $(seq 1 "$rounds"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  times=$(mktemp)
  out=$(/usr/bin/time -o "$times" -f '%U %S' taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" --latency "$url")
  wrk_cpu=$(awk '{print $1 + $2}' "$times")
  wrk_requests=$(awk '/requests in/ {print $1}' <<<"$out")
  rm -f "$times"
  wrk_rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  wrk_p50=$(awk '$1 == "50%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; print v}' <<<"$out")
  json=$(mktemp)
  taskset -c 1 "$java" -cp "$cp" poolbench.loadgen.LoadCommand "$url" -c"$connections" -d"${seconds}s" \
      --warmup 2s --json "$json" >/dev/null
  lg_rps=$(sed -n 's/^  "requestsPerSecond" : \([0-9.]*\).*/\1/p' "$json")
  lg_p50=$(sed -n 's/^      "50" : \([0-9.]*\).*/\1/p' "$json" | head -1)
  lg_cpu=$(sed -n 's/^  "clientCpuSeconds" : \([0-9.E-]*\).*/\1/p' "$json")
  lg_requests=$(sed -n 's/^  "requests" : \([0-9]*\).*/\1/p' "$json")
  rm -f "$json"
  awk -v r="$round" -v l="$load" -v wr="$wrk_rps" -v wp="$wrk_p50" -v lr="$lg_rps" -v lp="$lg_p50" \
      -v wc="$wrk_cpu" -v wn="$wrk_requests" -v lc="$lg_cpu" -v ln="$lg_requests" 'BEGIN {
      printf "%-6s %-6s %10.0f %10.0f %10.3f %10.3f %10.2f %10.2f %8.3f %8.3f\n", r, l, wr, lr, wp, lp,
          wc * 1e6 / wn, lc * 1e6 / ln, lr / wr, lp / wp }'
  awk -v wr="$wrk_rps" -v wp="$wrk_p50" -v lr="$lg_rps" -v lp="$lg_p50" 'BEGIN { print lr / wr, lp / wp }' >>"$ratios"
done
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "median loadgen/wrk requests/s: $(cut -d' ' -f1 "$ratios" | median)   median p50 ratio: $(cut -d' ' -f2 "$ratios" | median)"
rm -f "$ratios"
