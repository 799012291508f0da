#!/bin/sh
# shard_merge.sh MAPCHECK COMMAND N ARG...: runs `mapcheck COMMAND ARG...` (protocol or check) as
# N shards (--shard I/N --json), merges the reports (mapcheck merge), and passes when the merge
# prints what one unsharded run prints and exits as it does, times and the search memory aside
# (the merge shows the largest shard's), and the split gave the second shard some of the work.
mapcheck=$1
command=$2
n=$3
shift 3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
files=""
i=1
while [ "$i" -le "$n" ]; do
  "$mapcheck" "$command" "$@" --quiet --shard "$i/$n" --json > "$dir/shard$i.json"
  rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] && [ "$rc" -ne 3 ]; then echo "shard $i/$n failed ($rc)"; exit 1; fi
  files="$files $dir/shard$i.json"
  i=$((i + 1))
done
# shellcheck disable=SC2086
"$mapcheck" merge $files > "$dir/merged.txt" 2> "$dir/merged.err"
merged_rc=$?
"$mapcheck" "$command" "$@" --quiet > "$dir/one.txt" 2> "$dir/one.err"
one_rc=$?
if [ "$merged_rc" -ne "$one_rc" ]; then
  echo "merge exits $merged_rc, one run $one_rc"; cat "$dir/merged.err"; exit 1
fi
for f in one merged; do
  sed -e 's/, [0-9,]* KiB//' -e 's/[0-9.]*ms  */ms /' "$dir/$f.txt" > "$dir/$f"
done
if ! diff -u "$dir/one" "$dir/merged"; then
  echo "the merged shards differ from one run"; exit 1
fi
if ! grep -Eq '"executions": [1-9]|"kind": "claim"' "$dir/shard2.json"; then
  echo "shard 2/$n did nothing: the work was not split"; cat "$dir/shard2.json"; exit 1
fi
echo "$n shards merged = one run:"
cat "$dir/merged.txt"
