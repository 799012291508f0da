#!/bin/sh
# expect_exit.sh CODE PATTERN COMMAND...: runs COMMAND, and passes when it exits with CODE and its
# output (stdout and stderr) contains PATTERN (a grep -E expression).
code=$1
pattern=$2
shift 2
out=$("$@" 2>&1)
got=$?
if [ "$got" -ne "$code" ]; then
  echo "exit code: got $got, want $code"; echo "$out"; exit 1
fi
if ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
  echo "output lacks /$pattern/:"; echo "$out"; exit 1
fi
