#!/bin/sh
# interrupt.sh MAPCHECK: SIGTERM during `mapcheck protocol` ends the case running then as
# INCOMPLETE with its counts so far, prints what finished and the reason, and exits 130.
mapcheck=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$mapcheck" protocol two_writers clear_vs_write two_writers_across_a_growth > "$dir/out" 2> "$dir/err" &
pid=$!
sleep 1
kill -TERM "$pid"
wait "$pid"
code=$?
if [ "$code" -ne 130 ]; then
  echo "exit code: got $code, want 130"; cat "$dir/out" "$dir/err"; exit 1
fi
grep -q "^mapcheck protocol: interrupted" "$dir/err" || { echo "no interrupt message"; cat "$dir/err"; exit 1; }
grep -q "executions (INCOMPLETE)" "$dir/out" || { echo "no INCOMPLETE case"; cat "$dir/out"; exit 1; }
grep -q "^two_writers (RC11, 8 cells per bucket): 2,218 executions (all)" "$dir/out" ||
  { echo "the case that finished before the signal is missing"; cat "$dir/out"; exit 1; }
echo "interrupted as it should be:"; cat "$dir/out" "$dir/err"
