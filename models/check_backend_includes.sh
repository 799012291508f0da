#!/bin/sh
# Fails, naming the lines, if a file under models/ outside models/backend/ includes a standard
# concurrency header: every primitive must come from the Backend policy (DESIGN.md).
dir=${1:-$(dirname "$0")}
hits=$(grep -rnE '#include[[:space:]]*<(atomic|mutex|shared_mutex|thread|condition_variable|semaphore|latch|barrier|stop_token)>' \
         "$dir" --include='*.h' --include='*.cc' | grep -v "^$dir/backend/")
if [ -n "$hits" ]; then
  echo "models/ must use the Backend policy, not these headers:"
  echo "$hits"
  exit 1
fi
echo "no concurrency header outside models/backend/"
