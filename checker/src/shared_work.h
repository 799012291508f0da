// The work shared by the workers of a parallel optimal search (Options::threads > 1).
//
// Each graph the optimal search will explore is a self-contained item (OptimalSearch::Work: the
// plan that re-creates it), and exploring one never depends on another: TruSt is parallel by
// construction. So each worker explores from a list of its own, depth first, and only when some
// worker has nothing left does another give it an item: its oldest, the root of the largest
// subtree it holds. The search is over when every worker waits with nothing to give, or when one
// of them stops it (a finding, a budget, a divergence).
//
// The totals (executions, runs, pending items) are kept here too, for the budget, which counts
// every worker's executions, and for the progress line the calling thread prints.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

#include "optimal_search.h"

namespace mc::internal {

class SharedWork {
 public:
  explicit SharedWork(unsigned workers) : workers_(workers) {}

  // Waits until an item is given (true, `out` set) or the search is over (false).
  bool Take(OptimalSearch::Work& out);
  // Whether some worker waits for an item: a hint to give one.
  bool Hungry() const { return hungry_.load(std::memory_order_relaxed) > 0; }
  void Give(OptimalSearch::Work&& work);
  // Ends the search: every worker stops at its next Take or check of stopped().
  void Stop();
  bool stopped() const { return stopped_.load(std::memory_order_relaxed); }
  // Waits up to `ms` milliseconds for every worker to finish; true when they have.
  bool WaitOver(int ms);
  void Finished();  // a worker has returned

  std::atomic<uint64_t> executions{0};
  std::atomic<uint64_t> runs{0};
  std::atomic<uint64_t> pending{0};  // items in the workers' own lists (updated by each)

 private:
  const unsigned workers_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<OptimalSearch::Work> items_;
  unsigned idle_ = 0;      // workers in Take
  unsigned finished_ = 0;  // workers that have returned
  bool over_ = false;
  std::atomic<unsigned> hungry_{0};
  std::atomic<bool> stopped_{false};
};

}  // namespace mc::internal
