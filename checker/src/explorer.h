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
//
// Bounded search (Strategy::kBounded) is the same search over states extended by (preemptions
// used, last thread): a step by another thread while the last one could have gone on costs one
// preemption, and steps past the bound are cut. Since a graph can then be reached in several
// states, complete executions are counted through a second set of graph hashes, so they are
// still counted once each. The sampling strategies (kRandom, kPct, kGuided) run the test from
// scratch and pick one candidate per decision.
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

  // Strategy::kExhaustive and kBounded.
  Report Explore();
  // Strategy::kRandom, kPct and kGuided.
  Report ExploreBySampling();
  // Runs the execution `steps` leads to. `strict`: the token must lead to a finding.
  Report Replay(const ReplayToken& token);

 private:
  struct Step {
    Candidate candidate;
    uint32_t preemptions = 0;  // kBounded: preemptions used up to and including this step
  };
  struct PathStep {
    Candidate step;
    Hash128 before;            // the graph hash before the step, to detect divergence on replay
    uint32_t preemptions = 0;  // as in Step
  };
  struct Frame {
    size_t depth = 0;  // index in path_ of the step this frame chooses
    std::vector<Step> alternatives;
    size_t next = 0;
  };
  // Picks one of `candidates` for a sampling strategy.
  class Sampler;

  // The next steps from the run's current state that the search has not seen yet (kBounded:
  // within the bound; the others are counted in report_.cut).
  std::vector<Step> FreshSteps(Execution& run);
  // The estimated share of the search tree finished (see Report::explored_fraction).
  double ExploredFraction() const;
  void Progress(bool final);

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
  VisitedSet completed_;  // kBounded: the complete graphs counted so far
  std::vector<PathStep> path_;
  std::vector<Frame> frames_;
  Report report_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_progress_;
};

}  // namespace mc::internal
