#!/bin/sh
# interrupt.sh MAPCHECK: SIGTERM during `mapcheck protocol` ends the case running then as
# INCOMPLETE with its counts so far, prints what finished and the reason, and exits 130; during
# `mapcheck verify --markdown` it writes no partial report and exits 130.
mapcheck=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# interrupted NAME SECONDS ARGS...: runs mapcheck ARGS into $dir/NAME.out and .err, sends SIGTERM
# after SECONDS, and fails unless it exits 130.
interrupted() {
  name=$1 seconds=$2
  shift 2
  "$mapcheck" "$@" > "$dir/$name.out" 2> "$dir/$name.err" &
  pid=$!
  sleep "$seconds"
  kill -TERM "$pid"
  wait "$pid"
  code=$?
  if [ "$code" -ne 130 ]; then
    echo "$name: exit code $code, want 130"; cat "$dir/$name.out" "$dir/$name.err"; exit 1
  fi
}

interrupted protocol 1 protocol two_writers clear_vs_write two_writers_across_a_growth
grep -q "^mapcheck protocol: interrupted" "$dir/protocol.err" ||
  { echo "no interrupt message"; cat "$dir/protocol.err"; exit 1; }
grep -q "executions (INCOMPLETE)" "$dir/protocol.out" ||
  { echo "no INCOMPLETE case"; cat "$dir/protocol.out"; exit 1; }
grep -q "^two_writers (RC11, 8 cells per bucket): 2,218 executions (all)" "$dir/protocol.out" ||
  { echo "the case that finished before the signal is missing"; cat "$dir/protocol.out"; exit 1; }
echo "interrupted as it should be:"; cat "$dir/protocol.out" "$dir/protocol.err"

# The report generator, whose protocol section runs for about half a minute.
interrupted report 3 verify --markdown
[ ! -s "$dir/report.out" ] || { echo "verify --markdown wrote a partial report"; exit 1; }
grep -q "^mapcheck verify: interrupted; no report written" "$dir/report.err" ||
  { echo "verify: no interrupt message"; cat "$dir/report.err"; exit 1; }
echo "verify --markdown interrupted as it should be"
