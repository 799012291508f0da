// A short fuzz burst for one map, as `mapcheck verify --map NAME` runs it: random inputs through
// the map's fuzz targets built as replay programs (fuzz/replay_main.cc --random), so it needs no
// libFuzzer and runs with any compiler. Unguided, so it complements the model checker's proof
// with bigger inputs rather than replacing nightly fuzzing.
#pragma once

#include <string>
#include <vector>

#include "models/registry/registry.h"

namespace mapcheck {

struct BurstResult {
  std::string target;  // e.g. "sync_map_sched_fuzzer"
  unsigned long long inputs = 0;
  bool ran = false;  // the replay program exists
  bool crashed = false;
  std::string reproducer;  // the crashing input, kept
  std::string report;      // the crash's output
};

// Runs `inputs` random inputs (seeded, so a burst is repeatable) through each of the map's fuzz
// targets (<map>_<kind>_fuzzer for the kinds its row names, in kFuzzKinds' order); a target
// whose replay program was not built is reported as not run.
std::vector<BurstResult> FuzzBurst(const models::MapRow& map, unsigned long long inputs);

}  // namespace mapcheck
