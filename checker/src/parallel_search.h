// The optimal search on Options::threads OS threads (shared_work.h). Each worker is an
// OptimalRunner of its own (its own runs, fibers, stacks and report) on the work it shares;
// their reports are added up. Without a finding the counts are exactly those of one thread:
// every graph is explored once whichever worker explores it. With one, the search stops at the
// first finding any worker makes, so which of several findings is reported may differ from run
// to run (each is a real one, with its own replay token).
#pragma once

#include <vector>

#include "search.h"

namespace mc::internal {

class ParallelSearch : public Search {
 public:
  ParallelSearch(const std::function<void()>& test, const Options& options);

  Report Run() override;

 private:
  std::vector<TokenStep> TakenSteps() const override { return {}; }  // the workers' own
};

}  // namespace mc::internal
