#!/bin/bash -eu
# Builds the ASan/UBSan fuzz targets into $OUT as OSS-Fuzz and ClusterFuzzLite expect them:
# compiled with $CC/$CXX and $CFLAGS/$CXXFLAGS, linked with $LIB_FUZZING_ENGINE, each with its
# seed corpus ($OUT/<target>_seed_corpus.zip), dictionary ($OUT/<target>.dict) and options.
# Validate it locally with the same variables (docs/development.md shows the command).
src=${SRC:-$(cd "$(dirname "$0")/.." && pwd)}/mapcheck
[ -d "$src" ] || src=$(cd "$(dirname "$0")/.." && pwd)
build=${WORK:-/tmp}/mapcheck-build
cmake -S "$src" -B "$build" -G Ninja \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DCMAKE_C_FLAGS="$CFLAGS" -DCMAKE_CXX_FLAGS="$CXXFLAGS" -DCMAKE_BUILD_TYPE=None \
  -DMAPCHECK_FUZZ_ENGINE="$LIB_FUZZING_ENGINE" -DMAPCHECK_BENCHMARKS=OFF
cmake --build "$build" --target engine_fuzzers fuzz_layout
for binary in "$build"/fuzz/*_fuzzer; do
  name=$(basename "$binary")
  cp "$binary" "$OUT/"
  # The build lays each target's seeds (its kind's and its own) and dictionary out beside it.
  if [ -d "$build/fuzz/seeds/$name" ]; then
    (cd "$build/fuzz/seeds/$name" && zip -q -j "$OUT/${name}_seed_corpus.zip" ./*)
  fi
  [ -f "$build/fuzz/$name.dict" ] && cp "$build/fuzz/$name.dict" "$OUT/$name.dict"
  # A schedule target runs the model checker: give one input time and room.
  printf '[libfuzzer]\nrss_limit_mb = 4096\ntimeout = 30\n' > "$OUT/$name.options"
done
echo "built $(ls "$OUT"/*_fuzzer | wc -l) fuzz targets into $OUT"
