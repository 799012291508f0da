// The search over execution graphs (stateful, exact).
//
// A state is a partial execution graph; since threads are deterministic given the values their
// reads return, the graph determines every thread's state. From a state the explorer takes one
// step (Execution::Candidates) and never enters a graph twice: every graph's canonical 128-bit
// hash goes into a visited set. Every consistent complete graph is reached, because events can be
// added in any order compatible with po ∪ rf, which RC11 and SC keep acyclic, and the prefix of a
// consistent graph is consistent. So Report::executions counts each consistent complete graph
// exactly once, as GenMC counts them (rf and mo distinguished).
//
// Fibers cannot be copied, so a state is re-created by re-running the test with the recorded
// choices (the path); the depth-first search keeps the untried alternatives per decision (frames)
// and, on backtracking, replays the path up to the deepest frame with an alternative left. The
// replay compares the graph hash at each step with the recorded one: a divergence means the test
// depends on something outside the checker and is reported as kNondeterministic.
//
// Memory: 16 bytes per distinct state, plus the current path.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

#include "execution.h"
#include "fiber.h"
#include "mc/check.h"
#include "mc/report.h"
#include "memory_model.h"
#include "replay_token.h"
#include "visited_set.h"
#include "watchdog.h"

namespace mc::internal {

class Explorer {
 public:
  Explorer(const std::function<void()>& test, const Options& options);

  Report Explore();
  // Strategy::kRandom.
  Report ExploreRandomly();
  // Runs the execution `steps` leads to. `strict`: the token must lead to a finding.
  Report Replay(const ReplayToken& token);

 private:
  struct PathStep {
    Candidate step;
    Hash128 before;  // the graph hash before the step, to detect divergence on replay
  };
  struct Frame {
    size_t depth = 0;  // index in path_ of the step this frame chooses
    std::vector<Candidate> alternatives;
    size_t next = 0;
  };

  std::unique_ptr<Execution> NewExecution();
  // Runs a fresh execution along path_; false (with report_ filled) if the replay diverged.
  bool ReplayPath(Execution& run);
  void RecordFinding(Execution& run);
  // What the run's status means for the search: go on deciding, the run ended (counted), or a
  // finding that stops the search.
  enum class RunEnd { kGoOn, kEnded, kFound };
  RunEnd Conclude(Execution& run, Execution::Status status);
  // Under Options::classify_findings: whether this finding only ends its execution.
  bool Classifiable(Verdict verdict) const;
  void CountExecution(const Execution& run, const std::string& finding);
  void RecheckFinding();
  bool BudgetExhausted();
  ReplayToken Token() const;
  void Finish();

  const std::function<void()>& test_;
  Options options_;
  std::unique_ptr<MemoryModel> model_;
  StackPool& stacks_;
  Watchdog watchdog_;
  VisitedSet visited_;
  std::vector<PathStep> path_;
  std::vector<Frame> frames_;
  Report report_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace mc::internal
