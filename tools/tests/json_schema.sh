#!/bin/sh
# json_schema.sh MAPCHECK SCHEMA: runs every command that takes --json on small inputs (check, a
# sharded check merged, protocol under every model, a sharded protocol case merged, litmus,
# replay of a litmus and of a protocol witness, verify of a fix and of a mutant, claims, list)
# and validates each output against SCHEMA (validate_json.py). `mapcheck fuzz` needs the fuzz
# preset's binaries, so its summary is validated where they are built (docs/user-guide.md).
mapcheck=$1
schema=$2
here=$(dirname "$0")
root=$(cd "$here/../.." && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
run() {  # run NAME ARGS...: mapcheck ARGS > NAME.json; exit statuses 0, 1 and 3 are results
  name=$1
  shift
  "$mapcheck" "$@" > "$dir/$name.json" 2> "$dir/$name.err"
  rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ] && [ "$rc" -ne 3 ]; then
    echo "mapcheck $* exited $rc:"; cat "$dir/$name.err"; exit 1
  fi
}
run check check SB --quiet --json
run check_claims check C11 --quiet --json
run check_sampled check MP --strategy random:3 --quiet --json
run check_shard1 check SB+rlx --shard 1/2 --quiet --json
run check_shard2 check SB+rlx --shard 2/2 --quiet --json
run check_merged merge "$dir/check_shard1.json" "$dir/check_shard2.json" --json
run protocol protocol writer_vs_reader --model all --quiet --json
run protocol_shard1 protocol two_writers --shard 1/2 --quiet --json
run protocol_shard2 protocol two_writers --shard 2/2 --quiet --json
run protocol_merged merge "$dir/protocol_shard1.json" "$dir/protocol_shard2.json" --json
run litmus litmus "$root/litmus/conformance/SB+rlx.litmus" --model all --quiet --json
token=$(grep -o 'SB+rlx@mc1-[A-Za-z0-9_-]*' "$dir/check_shard1.json" "$dir/check_shard2.json" | head -n1 | cut -d: -f2)
run replay replay "$token" --why-not sc --json
witness=$(grep -o 'writer_vs_reader@mc1-[A-Za-z0-9_-]*' "$dir/protocol.json" | head -n1)
run replay_protocol replay "protocol/$witness" --json
run verify verify --map locked_map --no-fuzz --json
run verify_mutant verify --map sync_map_load_without_recheck --no-fuzz --json
run claims claims --json
run list list --json
exec python3 "$here/validate_json.py" "$schema" "$dir"/*.json
