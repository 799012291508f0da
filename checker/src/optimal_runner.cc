#include "optimal_runner.h"

#include <algorithm>
#include <string>

#include "plain_races.h"
#include "shared_work.h"

namespace mc::internal {

OptimalRunner::OptimalRunner(const std::function<void()>& test, const Options& options,
                             SharedWork* shared, unsigned worker)
    : Search(test, options, RunMode{false, true}), shared_(shared), worker_(worker) {}

std::vector<TokenStep> OptimalRunner::TakenSteps() const {
  std::vector<TokenStep> steps;
  if (optimal_ == nullptr) return steps;
  for (const OptimalSearch::Taken& t : optimal_->taken()) steps.push_back({t.thread, t.choice});
  return steps;
}

std::string OptimalRunner::Unexplored() const {
  return std::to_string(optimal_ != nullptr ? optimal_->pending() : 0) +
         " graphs were still to explore (the optimal search does not estimate the share of the "
         "whole)";
}

void OptimalRunner::ProgressDetail(std::ostream& line, bool, double) const {
  if (optimal_ != nullptr) line << ", " << optimal_->pending() << " graphs to explore";
}

uint64_t OptimalRunner::ExecutionsSoFar() const {
  // A worker of a parallel search counts every worker's executions.
  return shared_ != nullptr ? shared_->executions.load() : report_.executions;
}

Report OptimalRunner::Run() {
  OptimalSearch search(options_.classify_findings);
  optimal_ = &search;
  // The root graph; a worker of a parallel search other than the first starts with nothing.
  if (shared_ == nullptr || worker_ == 0) {
    OptimalSearch::Work root;
    root.last_is_new = false;
    search.work().push_back(std::move(root));
  }
  bool done = false;
  size_t longest_work = 0;
  const bool sharded = options_.shard_count > 1;
  while (true) {
    // A shard: the search runs whole until its work list is long enough to share out, then
    // keeps its own part (SplitForShard). Only the first worker of a parallel search holds
    // work that early.
    const size_t items = search.work().size();
    if (sharded && !split_ && (shared_ == nullptr || worker_ == 0) &&
        (items >= kItemsPerShard * options_.shard_count || items == 0 ||
         (report_.runs >= kRunsBeforeSplit && items >= options_.shard_count))) {
      SplitForShard(search);
    }
    if (shared_ != nullptr) {
      if (shared_->stopped()) break;
      shared_->pending.fetch_add(search.work().size() - reported_pending_,
                                 std::memory_order_relaxed);
      reported_pending_ = search.work().size();
      if (search.work().empty()) {
        OptimalSearch::Work given;
        if (!shared_->Take(given)) {
          done = !shared_->stopped();
          break;
        }
        search.work().push_back(std::move(given));
      } else if (search.work().size() > 1 && shared_->Hungry() && (!sharded || split_)) {
        // The oldest item is the root of the largest subtree this worker holds.
        shared_->Give(std::move(search.work().front()));
        search.work().erase(search.work().begin());
      }
    }
    if (search.work().empty()) {
      done = true;
      break;
    }
    if (BudgetExhausted()) break;
    // Depth first, but breadth first in a shard before the split: the oldest item, the largest
    // subtree, is the one split further, so that the items shared out are of like sizes.
    const bool widen = sharded && !split_;
    const OptimalSearch::Work work =
        std::move(widen ? search.work().front() : search.work().back());
    if (widen) {
      search.work().erase(search.work().begin());
    } else {
      search.work().pop_back();
    }
    // A forward alternative of the last run starts from its graph (where races are not
    // recorded: a restored run does not re-check its prefix for them, so not where a classified
    // race is one of the graph's races, any of which may be the one it names).
    Execution::Restore restore;
    const bool restored = RacesStopTheRun(options_.plain_races) &&
                          !options_.classify_findings && options_.restore_graphs &&
                          search.Restorable(work, &restore);
    auto run = NewExecution(restored ? &restore : nullptr);
    if (shared_ != nullptr) shared_->runs.fetch_add(1, std::memory_order_relaxed);
    const OptimalSearch::Outcome outcome = search.Run(*run, work, restored ? &restore : nullptr);
    // The run's steps stay in search.taken(): Token() reads them there.
    const size_t steps = search.taken().size();
    report_.states += steps - std::min(steps, work.prefix + work.tail.size());
    // The search's memory is mostly its work list: measured (a walk over it) when the list is
    // longer than ever before, and every 64 runs.
    if (search.pending() > longest_work || report_.runs % 64 == 0) {
      longest_work = std::max(longest_work, search.pending());
      NoteMemory(search.bytes());
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
    const uint64_t executions = report_.executions;
    const RunEnd end = Conclude(*run, outcome.status);
    if (shared_ != nullptr) {
      shared_->executions.fetch_add(report_.executions - executions, std::memory_order_relaxed);
    }
    Progress(false);
    if (end == RunEnd::kFound) {
      run.reset();
      RecheckFinding();
      break;
    }
  }
  if (shared_ != nullptr) {
    if (!done) shared_->Stop();  // a finding, a divergence, a budget: the others stop too
    shared_->pending.fetch_sub(reported_pending_, std::memory_order_relaxed);
    reported_pending_ = 0;
  }
  Report report = FinishSearch(done);
  optimal_ = nullptr;
  return report;
}

void OptimalRunner::SplitForShard(OptimalSearch& search) {
  // Every shard has run the same runs so far (the search is deterministic): shard 0 keeps what
  // they found, the others start from nothing. Item k of the list goes to shard k mod N.
  split_ = true;
  std::vector<OptimalSearch::Work>& work = search.work();
  size_t kept = 0;
  for (size_t k = 0; k < work.size(); ++k) {
    if (k % options_.shard_count != options_.shard_index) continue;
    if (kept != k) work[kept] = std::move(work[k]);  // (a vector moved onto itself empties)
    ++kept;
  }
  work.resize(kept);
  if (options_.shard_index == 0) return;
  if (shared_ != nullptr) shared_->executions.fetch_sub(report_.executions);
  report_.executions = 0;
  report_.blocked = 0;
  report_.states = 0;
  report_.runs = 0;
  report_.outcomes.clear();
  report_.outcome_tokens.clear();
  report_.races.clear();
}

}  // namespace mc::internal
