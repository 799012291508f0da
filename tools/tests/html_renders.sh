#!/bin/sh
# html_renders.sh MAPCHECK TOKEN_SOURCE: replays the first mutant kill of docs/verification.md
# into an HTML page, opens it in headless Chromium, and checks that the browser drew every event
# of the counterexample (the page's script counts the drawn events into data-rendered) and the
# highlighted finding.
set -eu
mapcheck=$1
doc=$2
token=$(sed -n '/^## Mutants/,$p' "$doc" | grep -o '`[a-z_0-9]*/[a-z_0-9]*@mc1-[A-Za-z0-9_-]*`' |
  head -n1 | tr -d '`')
[ -n "$token" ] || { echo "no qualified token in $doc"; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "chromium is not installed (scripts/test installs it)"; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$mapcheck" replay "$token" --html "$dir/cx.html" > "$dir/replay.txt"
drawn=$(grep -c '<g class="event' "$dir/cx.html")
highlighted=$(grep -c '<g class="event highlight' "$dir/cx.html")
[ "$drawn" -gt 0 ] && [ "$highlighted" -gt 0 ] ||
  { echo "the page has $drawn events, $highlighted highlighted"; exit 1; }
# The counterexample's events, as the text replay lists them ("T1.4  write ...").
listed=$(grep -cE '^ (>>|  ) T[0-9]+\.[0-9]+ ' "$dir/replay.txt")
[ "$drawn" -eq "$listed" ] || { echo "the page draws $drawn events, the trace lists $listed"; exit 1; }
dom=$(timeout 60 "$browser" --headless --no-sandbox --disable-gpu --dump-dom "file://$dir/cx.html" 2>/dev/null)
rendered=$(printf '%s' "$dom" | grep -o 'data-rendered="[0-9]*"' | grep -o '[0-9]*')
[ "$rendered" = "$drawn" ] || { echo "Chromium rendered '$rendered' events, want $drawn"; exit 1; }
printf '%s' "$dom" | grep -q 'class="event highlight"' || { echo "no highlighted event in the DOM"; exit 1; }
echo "Chromium rendered $rendered events of $token"
