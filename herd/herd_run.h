// Runs a parsed herd C litmus test under the checker and reports it the way herd7 does.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "herd/herd_program.h"
#include "mc/mc.h"

namespace herd {

struct State {
  std::string text;  // "0:r0=1; x=2;" (herd's form)
  std::map<std::string, int64_t> values;
  uint64_t executions = 0;
  bool satisfies = false;  // the condition's proposition holds
  std::string witness;     // the replay token of an execution that ends in this state
};

struct Outcome {
  mc::Report report;
  std::vector<State> states;  // those the filter keeps, in herd's order
  uint64_t filtered_out = 0;  // executions the filter dropped
  uint64_t p_true = 0;        // executions (kept by the filter) where the proposition holds
  uint64_t p_false = 0;
  // herd's reading of the quantifier: Witnesses Positive/Negative, Ok/No, Observation.
  uint64_t positive = 0;
  uint64_t negative = 0;
  bool ok = false;
  std::string observation;  // "Never", "Sometimes", "Always"
  std::string kind;         // "Allowed" (exists), "Forbidden" (~exists), "Required" (forall)
};

// The program as a test closure for mc::check or mc::replay (run it with HerdOptions); `program`
// must outlive it. The closure observes the registers and locations the condition and
// `locations` name, as "0:r0=1 x=2 ...".
std::function<void()> Body(const Program& program);
// How a counterexample numbers the file's threads: "P0 runs as T1, P1 as T2" (T0 is the main
// thread, which sets up the locations and spawns them in order).
std::string ThreadLegend(const Program& program);
// `options` as herd runs need them: plain-location races recorded, not fatal.
mc::Options HerdOptions(mc::Options options);

// Explores every consistent execution of `program` under `options` (model, strategy, budget).
// Plain-location races are recorded (Report::races) and exploration goes on, as herd flags
// undefined behaviour but still lists the states.
Outcome Explore(const Program& program, mc::Options options);

// herd7's output: Test/States/Ok/Witnesses/Condition/Observation, with each state's execution
// count in litmus7's histogram form, then our execution count and the model.
std::string HerdText(const Program& program, const Outcome& outcome, mc::Model model);

}  // namespace herd
