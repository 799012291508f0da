// The judge of the graph searches: a naive enumerator that takes every path of the transition
// system (Execution's steps, no pruning at all) and collects the distinct end states by an exact
// description of their graphs (Describe), independent of the order their events were added in.
// Each path costs a run of the test, so it is for small programs only (kMaxRuns).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "execution.h"
#include "fiber.h"
#include "mc/check.h"
#include "memory_model.h"
#include "watchdog.h"

namespace mc::testing {

std::string Describe(const internal::ExecutionGraph& g);

// Every path of the transition system, each end state (complete, blocked, or cut short by a
// classified finding) recorded once by Describe. With `assume_stops_thread`, a failed
// mc::assume stops its thread only and the others run on, as under the optimal search; with
// Options::classify_findings too, so does a failed assertion or a Go fatal. With it too, the
// optimal search's rule for spurious wake-ups: a waiter of a condition variable that was not
// notified may wake spuriously at any point, where nothing else can move too (and the graph
// where it never wakes is an end as well).
class NaiveEnumerator {
 public:
  NaiveEnumerator(const std::function<void()>& test, const Options& options,
                  bool assume_stops_thread = false);

  // Every path costs a run of the test: programs past kMaxRuns are left out (too_big).
  static constexpr uint64_t kMaxRuns = 2000;
  void Run() { Walk({}); }
  bool too_big = false;
  uint64_t executions = 0;
  uint64_t blocked = 0;
  std::map<std::string, uint64_t> outcomes;

 private:
  void Walk(const std::vector<std::pair<uint32_t, uint64_t>>& path);
  void Record(const internal::Execution& run, internal::Execution::Status status);

  const std::function<void()>& test_;
  Options options_;
  bool assume_stops_thread_;
  std::unique_ptr<internal::MemoryModel> model_;
  internal::StackPool& stacks_;
  internal::Watchdog watchdog_;
  uint64_t serial_ = 1u << 20;
  uint64_t runs_ = 0;
  std::set<std::string> ends_;
};

}  // namespace mc::testing
