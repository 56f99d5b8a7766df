#!/usr/bin/env bash
# Runs a command while an intruder takes the server's CPU half of the time: LOOPS busy loops pinned to CPUS, on for
# PERIOD seconds, off for PERIOD seconds, until the command ends. It shows that compare drops and measures again
# the windows an intruder disturbed, and that the verdicts do not move:
#   compare/bench/with-intruder.sh ./poolbench compare --workloads plaintext-close --out /tmp/intruded
# Environment: CPUS (default 0, the server's), LOOPS (4), PERIOD (5).
set -euo pipefail
if [[ $# -eq 0 || $1 == --help || $1 == -h ]]; then
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
cpus=${CPUS:-0} loops=${LOOPS:-4} period=${PERIOD:-5}
command -v taskset >/dev/null || { echo "with-intruder: taskset not found (apt-get install util-linux)" >&2; exit 2; }
"$@" &
target=$!
pids=()
stop_loops() { ((${#pids[@]})) && kill "${pids[@]}" 2>/dev/null; pids=(); }
trap 'stop_loops; kill $target 2>/dev/null || true' EXIT INT TERM
on=0
while kill -0 "$target" 2>/dev/null; do
  if ((on)); then
    stop_loops; on=0
  else
    for ((i = 0; i < loops; i++)); do taskset -c "$cpus" sh -c 'while :; do :; done' & pids+=($!); done
    on=1
  fi
  sleep "$period"
done
stop_loops
wait "$target"
