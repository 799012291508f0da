// Strategy::kExhaustive by the optimal search (optimal_search.h): one run per graph to explore,
// depth first over its work list; alone, as one shard of a sharded search (Options::shard_count),
// or as one worker of a parallel one (parallel_search.h).
#pragma once

#include <cstddef>
#include <vector>

#include "optimal_search.h"
#include "search.h"

namespace mc::internal {

class SharedWork;

class OptimalRunner : public Search {
 public:
  // `shared`: the work and totals of a parallel search this runner is worker `worker` of.
  OptimalRunner(const std::function<void()>& test, const Options& options,
                SharedWork* shared = nullptr, unsigned worker = 0);

  Report Run() override;

 private:
  std::vector<TokenStep> TakenSteps() const override;
  std::string Unexplored() const override;
  void ProgressDetail(std::ostream& line, bool final, double elapsed) const override;
  uint64_t ExecutionsSoFar() const override;

  // Keeps this shard's part of the work list, once (see kItemsPerShard).
  void SplitForShard(OptimalSearch& search);

  // Options::shard_count > 1: the work list is split once it holds kItemsPerShard items per
  // shard, or after kRunsBeforeSplit runs once it holds one per shard (a depth-first search
  // whose list stays short, as the map protocol cases' does), or when it is empty (the whole
  // tree was explored before).
  static constexpr size_t kItemsPerShard = 8;
  static constexpr uint64_t kRunsBeforeSplit = 256;

  const OptimalSearch* optimal_ = nullptr;  // the optimal search, while it runs
  SharedWork* const shared_;
  const unsigned worker_;
  size_t reported_pending_ = 0;  // how many of its own items it has counted in shared_->pending
  bool split_ = false;
};

}  // namespace mc::internal
