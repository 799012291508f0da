#!/bin/sh
# sched_crashes_replay.sh FUZZ_BUILD_DIR SOURCE_DIR RUNS: the schedule targets are deterministic.
# Runs every mutant's _sched_fuzzer replay program (the mutants' schedule targets, from the
# build's FUZZ_BUILD_DIR/targets.tsv, which CMake writes from the map registry) over the schedule
# seeds (SOURCE_DIR/corpus/sched/); each input that crashes is re-run RUNS times and must crash
# the same way every time: the same verdict and the same replay token. Prints a table; fails if any outcome does not reproduce exactly, or if no
# mutant crashes at all (then the test could not fail).
set -u
build=$1
source=$2
runs=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
seeds=$source/corpus/sched
[ -d "$seeds" ] || { echo "no schedule seeds in $seeds"; exit 1; }
targets=$(awk -F'\t' '$3 == "sched" && $4 == "mutant" { print $1 }' "$build/targets.tsv")
[ -n "$targets" ] || { echo "no mutant schedule target in $build/targets.tsv"; exit 1; }
crashes=0
failures=0
printf '%-46s %8s %9s\n' target crashes replayed
for name in $targets; do
  n=0
  ok=0
  for seed in "$seeds"/*; do
    "$build/${name}_replay" "$seed" > /dev/null 2> "$dir/first" && continue
    n=$((n + 1))
    want=$(grep -E '^(verdict|replay):' "$dir/first")
    [ -n "$want" ] || { echo "$name: crash without a verdict and token on $seed"; cat "$dir/first"; failures=$((failures + 1)); continue; }
    same=1
    i=1
    while [ "$i" -lt "$runs" ]; do
      "$build/${name}_replay" "$seed" > /dev/null 2> "$dir/again"
      got=$(grep -E '^(verdict|replay):' "$dir/again")
      [ "$got" = "$want" ] || { same=0; echo "$name: run $i of $seed differs:"; echo "$got"; }
      i=$((i + 1))
    done
    [ "$same" -eq 1 ] && ok=$((ok + 1)) || failures=$((failures + 1))
  done 2> /dev/null
  printf '%-46s %8d %9s\n' "$name" "$n" "$ok/$n"
  crashes=$((crashes + n))
done
[ "$crashes" -gt 0 ] || { echo "no mutant crashed on any seed: this test proves nothing"; exit 1; }
[ "$failures" -eq 0 ] || { echo "$failures crash(es) did not reproduce exactly"; exit 1; }
echo "all $crashes crashes reproduced on $runs of $runs runs"
