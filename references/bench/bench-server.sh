# bench-server.sh: sourced by wrk-table.sh, profile.sh and pool-virtual/bench/starvation.sh, so that all start a
# server the same way.
# Needs: root (the checkout), server_cpu, port, jvm_opts (the JVM arms' flags), go_binary, work (a scratch dir).
# Sets server_pid.

server_pid=""

stop_server() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}

# Starts NAME pinned to server_cpu, its admin port off, and waits until it says it is serving (at most 30 s).
# Any further arguments go to a JVM arm's serve (e.g. --cpu-executor 1).
start_server() {
  local name=$1 log=$work/$1.log me=${0##*/}
  shift
  if [[ $name == go-* ]]; then
    taskset -c "$server_cpu" "$go_binary" serve --arm "$name" --port "$port" --admin-port -1 >"$log" 2>&1 &
  else
    POOLBENCH_JAVA_OPTS=$jvm_opts taskset -c "$server_cpu" "$root/poolbench" serve --arm "$name" --port "$port" \
      --admin-port -1 "$@" >"$log" 2>&1 &
  fi
  server_pid=$!
  for _ in $(seq 1 300); do
    if grep -q "serving on" "$log" 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "$me: $name did not start: $(tail -3 "$log" | tr '\n' ' ')" >&2
      server_pid=""
      return 1
    fi
    sleep 0.1
  done
  echo "$me: $name did not say it was serving within 30 s" >&2
  stop_server
  return 1
}
