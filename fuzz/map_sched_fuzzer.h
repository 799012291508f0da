// The deterministic target for any map: the input is a small map scenario and the schedule that
// runs it. The ModelBackend map runs under the model checker (RC11) in one guided execution
// (mc::Strategy::kGuided): every scheduling decision, every reads-from choice and every spurious
// compare-exchange failure is read from the input's remaining bytes. So a crash input is one
// execution, the same on every run and on every machine: the target prints its counterexample
// and replay token and aborts. The history is checked for linearizability as the map-protocol
// litmus tests check it (scenario/scenario.h).
//
// Input: byte 0 picks 2 or 3 threads, byte 1 the number of commands (1 to 6); then that many
// 3-byte commands (fuzz/map_ops_codec.h; the lane picks the thread, at most 3 commands per
// thread, keys 1 to 3 so operations meet); every byte after them is a scheduling decision.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "fuzz/map_ops_codec.h"
#include "scenario/scenario.h"
#include "mc/mc.h"

namespace fuzz {

struct SchedInput {
  map_scenario::Scenario scenario;
  std::vector<uint8_t> guide;
};

inline constexpr size_t kSchedMaxCommands = 6;
inline constexpr size_t kSchedMaxPerThread = 3;

inline SchedInput DecodeSched(const uint8_t* data, size_t size) {
  SchedInput in;
  in.scenario.name = "sched_fuzzer_input";
  if (size < 2) return in;
  const size_t threads = 2 + data[0] % 2;
  const size_t commands = 1 + data[1] % kSchedMaxCommands;
  const size_t command_bytes = std::min(size - 2, 3 * commands);
  in.scenario.threads.resize(threads);
  for (const Command& c : Decode(data + 2, command_bytes)) {
    auto& steps = in.scenario.threads[c.lane % threads];
    if (steps.size() == kSchedMaxPerThread) continue;
    steps.push_back(map_scenario::Step{c.kind, 1 + c.key_index % 3, c.Value(), c.NewValue()});
  }
  in.guide.assign(data + 2 + command_bytes, data + size);
  return in;
}

// The inverse, for seeds: `key_index` of a command is its key - 1.
inline std::vector<uint8_t> EncodeSched(const map_scenario::Scenario& s,
                                        const std::vector<uint8_t>& guide) {
  std::vector<Command> commands;
  for (size_t t = 0; t < s.threads.size(); ++t) {
    for (const auto& step : s.threads[t]) {
      commands.push_back(Command{step.kind, static_cast<uint8_t>(t),
                                 static_cast<uint8_t>(step.key - 1),
                                 static_cast<uint8_t>(step.value)});
    }
  }
  std::vector<uint8_t> out = {static_cast<uint8_t>(s.threads.size() - 2),
                              static_cast<uint8_t>(commands.size() - 1)};
  for (uint8_t b : Encode(commands)) out.push_back(b);
  out.insert(out.end(), guide.begin(), guide.end());
  return out;
}

template <class Map>
int RunSched(const char* target, const uint8_t* data, size_t size) {
  const SchedInput in = DecodeSched(data, size);
  if (in.scenario.Operations() == 0) return 0;
  std::string failure;
  mc::Options options;
  options.model = mc::Model::kRC11;
  options.strategy = mc::Strategy::kGuided;
  options.guide = in.guide;
  const mc::Report r = mc::check(
      map_scenario::ScenarioBody(in.scenario, [] { return std::make_unique<Map>(); }, &failure),
      options);
  if (r.verdict == mc::Verdict::kBudgetExhausted) return 0;  // the one run was clean
  std::fprintf(stderr, "%s: %s\n%s%s%s\n", target, in.scenario.Program().c_str(),
               r.ToString().c_str(), failure.empty() ? "" : "history: ", failure.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace fuzz

// A target's whole source: MAPCHECK_SCHED_FUZZER(target name, the map type).
#define MAPCHECK_SCHED_FUZZER(name, ...)                                    \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);  \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { \
    return ::fuzz::RunSched<__VA_ARGS__>(name, data, size);                 \
  }
