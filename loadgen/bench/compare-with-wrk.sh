#!/usr/bin/env bash
# Measures loadgen against Debian's wrk on keep-alive GET /plaintext from nginx: the server pinned to
# CPU 0, each client in turn pinned to CPU 1, rounds alternating so that both see the same machine.
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

printf '%-6s %-8s %12s %10s\n' round client 'requests/s' 'p50 ms'
for round in $(seq 1 "$rounds"); do
  out=$(taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" --latency "$url")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000}; print v}' <<<"$out")
  printf '%-6s %-8s %12s %10s\n' "$round" wrk "$rps" "$p50"
  json=$(mktemp)
  taskset -c 1 "$java" -cp "$cp" poolbench.loadgen.LoadCommand "$url" -c"$connections" -d"${seconds}s" \
      --warmup 2s --json "$json" >/dev/null
  rps=$(sed -n 's/^  "requestsPerSecond" : \([0-9.]*\).*/\1/p' "$json")
  p50=$(sed -n 's/^      "50" : \([0-9.]*\).*/\1/p' "$json" | head -1)
  printf '%-6s %-8s %12.0f %10.3f\n' "$round" loadgen "$rps" "$p50"
  rm -f "$json"
done
