// Bounded search (Strategy::kBounded): a stateful search over states extended by (preemptions
// used, last thread). A step by another thread while the last one could have gone on costs one
// preemption, and steps past Options::preemption_bound are cut (counted in Report::cut). Its
// states go into a set of 128-bit graph hashes (16 bytes each), and complete executions are
// counted through a second such set, so that a graph reached in several states is counted once.
#pragma once

#include <vector>

#include "depth_first_search.h"
#include "visited_set.h"

namespace mc::internal {

struct BoundedStep {
  Candidate candidate;
  uint32_t preemptions = 0;  // preemptions used up to and including this step
};

class BoundedSearch : public DepthFirstSearch<BoundedStep> {
 public:
  BoundedSearch(const std::function<void()>& test, const Options& options);

 private:
  // The unvisited steps within the bound (the others are counted in report_.cut).
  std::vector<BoundedStep> Fresh(Execution& run) override;
  bool FirstTimeAtThisEnd(const Execution& run, const std::string& outcome) override;
  void Done(bool done) override;
  uint64_t Bytes() const override;

  VisitedSet visited_;    // states: graph hashes with preemptions and last thread
  VisitedSet completed_;  // the ends counted so far
};

}  // namespace mc::internal
