// One run along a replay token's steps (mc::replay, and the re-check of a finding): its finding,
// or the trace of what it replayed.
#pragma once

#include <vector>

#include "search.h"

namespace mc::internal {

class ReplayRun : public Search {
 public:
  // `stop_only_the_failing_thread`: as the search that wrote the token ran (a classified finding
  // of an exhaustive search stopped only its thread, and the token goes on with the others'
  // steps; the sampling and bounded strategies stop the run, and their tokens end there).
  ReplayRun(const std::function<void()>& test, const Options& options, const ReplayToken& token,
            bool stop_only_the_failing_thread);

  Report Run() override;

 private:
  std::vector<TokenStep> TakenSteps() const override { return taken_; }
  uint64_t Bytes() const override { return taken_.capacity() * sizeof(TokenStep); }

  const ReplayToken token_;
  std::vector<TokenStep> taken_;  // the token's steps replayed so far
};

}  // namespace mc::internal
