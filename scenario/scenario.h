// The scenario runner: small concurrent programs over the map API, model-checked on a map
// (ModelBackend) with every history checked for linearizability (models/testing/
// linearizability.h). A scenario names its threads' operations, the map's initial contents and
// what it covers; RunScenario explores every execution under the given options and fails the
// check (MC_ASSERT) on the first history that is not linearizable, leaving the explanation in
// ScenarioResult::failure.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mc/mc.h"
#include "models/backend/model_backend.h"
#include "models/testing/linearizability.h"
#include "models/testing/map_ops.h"

namespace map_scenario {

using models::testing::Operation;
using models::testing::OpKind;

struct Step {
  OpKind kind = OpKind::kLoad;
  int64_t key = 0;
  int64_t value = 0;
  int64_t new_value = 0;
};

struct Scenario {
  std::string name;
  std::string covers;                  // what the scenario exercises, one line
  std::map<int64_t, int64_t> initial;  // stored by the main thread before the threads start
  std::vector<std::vector<Step>> threads;

  int Operations() const {
    int n = 0;
    for (const auto& t : threads) n += static_cast<int>(t.size());
    return n;
  }
  // "T1: Store(1,1); Load(2) | T2: ...": the threads numbered as a counterexample numbers them
  // (T0 is the main thread, which builds the map and makes the final loads).
  std::string Program() const;
};

// Step spellings for scenario tables.
inline Step Load(int64_t k) { return {OpKind::kLoad, k, 0, 0}; }
inline Step Store(int64_t k, int64_t v) { return {OpKind::kStore, k, v, 0}; }
inline Step LoadOrStore(int64_t k, int64_t v) { return {OpKind::kLoadOrStore, k, v, 0}; }
inline Step LoadAndDelete(int64_t k) { return {OpKind::kLoadAndDelete, k, 0, 0}; }
inline Step Delete(int64_t k) { return {OpKind::kDelete, k, 0, 0}; }
inline Step Swap(int64_t k, int64_t v) { return {OpKind::kSwap, k, v, 0}; }
inline Step CompareAndSwap(int64_t k, int64_t old_value, int64_t new_value) {
  return {OpKind::kCompareAndSwap, k, old_value, new_value};
}
inline Step CompareAndDelete(int64_t k, int64_t old_value) {
  return {OpKind::kCompareAndDelete, k, old_value, 0};
}
inline Step Range() { return {OpKind::kRange, 0, 0, 0}; }
inline Step Len() { return {OpKind::kLen, 0, 0, 0}; }
inline Step Clear() { return {OpKind::kClear, 0, 0, 0}; }

struct ScenarioResult {
  mc::Report report;
  std::string failure;  // the non-linearizable history, when the check failed on one
};

// Performs `step` on `m`, filling in the operation's results.
template <class Map>
void Perform(Map& m, const Step& step, Operation& op) {
  models::testing::Perform(m, step.kind, step.key, step.value, step.new_value, op);
}

// The test closure of `scenario` on maps made by `make` (a callable returning
// std::unique_ptr<Map>): the threads run their steps, then the main thread loads every key of the
// scenario, so a lost update shows as a non-linearizable history; a history that is not
// linearizable fails MC_ASSERT and leaves the explanation in *failure. `scenario` must outlive
// the closure.
template <class MakeMap>
std::function<void()> ScenarioBody(const Scenario& scenario, MakeMap make, std::string* failure) {
  return [&scenario, make, failure] {
    auto m = make();
    for (const auto& [k, v] : scenario.initial) m->Store(k, v);
    // Marks are mc::positions; real-time order is happens-before.
    std::vector<Operation> history;
    auto run = [&](int thread, const std::vector<Step>& steps) {
      for (const Step& step : steps) {
        Operation op;
        op.thread = thread;
        op.call = mc::current_position().event;
        Perform(*m, step, op);
        op.ret = mc::current_position().event;
        history.push_back(std::move(op));
      }
    };
    std::vector<std::unique_ptr<mc::thread>> threads;
    for (size_t t = 0; t < scenario.threads.size(); ++t) {
      threads.push_back(std::make_unique<mc::thread>(
          [&run, &scenario, t] { run(static_cast<int>(t) + 1, scenario.threads[t]); }));
    }
    for (auto& t : threads) t->join();
    std::vector<Step> final_loads;
    for (int64_t k = 1; k <= 3; ++k) final_loads.push_back(Load(k));
    run(0, final_loads);  // the main thread, T0 of the trace
    std::string undecided;
    std::string why = models::testing::CheckLinearizable(
        history, scenario.initial,
        [](uint64_t ret, uint64_t call) {
          return mc::happens_before(mc::position{ret}, mc::position{call});
        },
        &undecided);
    // A scenario too big to judge must not pass as verified.
    if (why.empty() && !undecided.empty()) why = "linearizability undecided: " + undecided;
    if (!why.empty()) *failure = why;
    MC_ASSERT(why.empty());
  };
}

// Model-checks `scenario` on maps made by `make`; see ScenarioBody.
template <class MakeMap>
ScenarioResult RunScenario(const Scenario& scenario, MakeMap make, const mc::Options& options) {
  ScenarioResult result;
  result.report = mc::check(ScenarioBody(scenario, make, &result.failure), options);
  return result;
}

}  // namespace map_scenario
