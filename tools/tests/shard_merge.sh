#!/bin/sh
# shard_merge.sh MAPCHECK N CASE...: runs the protocol cases as N shards (mapcheck protocol
# --shard I/N --json), merges the reports (mapcheck merge), and passes when the merge prints what
# one unsharded run prints, the search memory aside (the merge shows the largest shard's), and
# the split gave some shard other than the first a part of the search.
mapcheck=$1
n=$2
shift 2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
files=""
i=1
while [ "$i" -le "$n" ]; do
  "$mapcheck" protocol "$@" --shard "$i/$n" --json > "$dir/shard$i.json" || { echo "shard $i/$n failed"; exit 1; }
  files="$files $dir/shard$i.json"
  i=$((i + 1))
done
# shellcheck disable=SC2086
"$mapcheck" merge $files > "$dir/merged.txt" || { echo "merge failed"; exit 1; }
"$mapcheck" protocol "$@" > "$dir/one.txt" || { echo "the unsharded run failed"; exit 1; }
sed 's/, [0-9,]* KiB//' "$dir/one.txt" > "$dir/one"
sed 's/, [0-9,]* KiB//' "$dir/merged.txt" > "$dir/merged"
if ! diff -u "$dir/one" "$dir/merged"; then
  echo "the merged shards differ from one run"; exit 1
fi
if ! grep -Eq '"executions": [1-9]' "$dir/shard2.json"; then
  echo "shard 2/$n explored nothing: the search was not split"; cat "$dir/shard2.json"; exit 1
fi
echo "$n shards merged = one run:"
cat "$dir/merged.txt"
