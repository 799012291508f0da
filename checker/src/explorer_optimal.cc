// Explorer, continued: Strategy::kExhaustive by the optimal search (optimal_search.h), one run
// per graph to explore, with the canonical-order search (Explore) for what it does not support.
#include <algorithm>
#include <string>

#include "explorer.h"

namespace mc::internal {

Report Explorer::ExploreOptimally() {
  if (!options_.optimal_search || options_.classify_findings ||
      options_.plain_races == PlainRaces::kContinueGo) {
    return Explore();
  }
  OptimalSearch search;
  optimal_ = &search;
  search.work().push_back(OptimalSearch::Work{nullptr, 0, {}, 1, false});
  bool done = false;
  while (true) {
    if (search.work().empty()) {
      done = true;
      break;
    }
    if (BudgetExhausted()) break;
    const OptimalSearch::Work work = std::move(search.work().back());
    search.work().pop_back();
    auto run = NewExecution();
    const OptimalSearch::Outcome outcome = search.Run(*run, work);
    path_.clear();
    for (const OptimalSearch::Taken& t : search.taken()) {
      PathStep step;
      step.step.thread = t.thread;
      step.step.choice = t.choice;
      path_.push_back(step);
    }
    report_.states += path_.size() - std::min(path_.size(), work.prefix + work.tail.size());
    NoteMemory(search.bytes());
    if (outcome.result == OptimalSearch::Result::kUnsupported) {
      // Start again with the canonical-order search; the runs spent stay counted.
      run.reset();
      optimal_ = nullptr;
      const uint64_t runs = report_.runs;
      report_ = Report{};
      report_.runs = runs;
      path_.clear();
      return Explore();
    }
    if (outcome.result == OptimalSearch::Result::kDiverged) {
      report_.verdict = Verdict::kNondeterministic;
      report_.message = "replay diverged at step " + std::to_string(search.diverged_at() + 1) +
                        " of " + std::to_string(work.prefix + work.tail.size()) +
                        ": the test behaved differently when re-run with the same choices. Is "
                        "it deterministic? Its behaviour may depend only on values mc:: objects "
                        "return (no clocks, randomness, addresses or state kept between "
                        "executions).";
      break;
    }
    if (outcome.result == OptimalSearch::Result::kWasted) continue;
    const RunEnd end = Conclude(*run, outcome.status);
    Progress(false);
    if (end == RunEnd::kFound) {
      run.reset();
      RecheckFinding();
      break;
    }
  }
  Report report = FinishSearch(done);
  optimal_ = nullptr;
  return report;
}

}  // namespace mc::internal
