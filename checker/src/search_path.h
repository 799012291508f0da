// The path of a depth-first search: the steps the current run takes, and at each decision with
// more than one step the alternatives left (a branch), as loom's Path keeps them.
//
// Fibers cannot be copied, so a state is re-created by re-running the test with the recorded
// choices; on backtracking the search replays the path up to the deepest branch with an
// alternative left, and takes that alternative. The replay compares the graph hash at each step
// with the recorded one: a divergence means the test depends on something outside the checker.
//
// `Alt` is what a strategy records of a step it takes (its Candidate `candidate`, and for example
// the preemptions used so far); `BranchData` what it keeps per branch beside the alternatives
// (for example what followed each alternative once explored).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "execution.h"
#include "replay_token.h"

namespace mc::internal {

struct NoBranchData {};

template <typename Alt, typename BranchData = NoBranchData>
class SearchPath {
 public:
  struct Step {
    Alt taken;
    Hash128 before;            // the graph hash before the step, to detect divergence on replay
    uint32_t first_event = 0;  // the graph size before the step
    uint32_t threads = 0;      // the threads before the step
    size_t observations = 0;   // mc::observe calls before the step
  };
  struct Branch {
    size_t depth = 0;  // index in the path of the step this branch chooses
    std::vector<Alt> alternatives;
    size_t next = 1;  // the alternative to take next (the first is taken when it is made)
    BranchData data;
  };

  const std::vector<Step>& steps() const { return steps_; }
  std::vector<Branch>& branches() { return branches_; }
  const std::vector<Branch>& branches() const { return branches_; }
  size_t size() const { return steps_.size(); }
  bool empty() const { return steps_.empty(); }
  const Step& back() const { return steps_.back(); }
  // Whether the last step on the path is a branch's alternative just taken.
  bool AtBranch() const {
    return !branches_.empty() && !steps_.empty() && branches_.back().depth + 1 == steps_.size();
  }

  // Takes the first of `alternatives` from the run's current state (its hash `before`); with
  // more than one, the others become a branch, with the data `make_data(alternatives)` gives.
  template <typename MakeData>
  const Alt& Take(const Execution& run, const Hash128& before, std::vector<Alt> alternatives,
                  MakeData make_data) {
    steps_.push_back(Step{alternatives.front(), before, run.graph().size(),
                          run.graph().thread_count(), run.Observations()});
    if (alternatives.size() > 1) {
      branch_bytes_ += alternatives.size() * (sizeof(Alt) + 1);
      BranchData data = make_data(alternatives);
      branches_.push_back(Branch{steps_.size() - 1, std::move(alternatives), 1, std::move(data)});
    }
    return steps_.back().taken;
  }

  // Pops the branches with no alternative left; false when none is left (the search is done).
  bool Backtrack() {
    while (!branches_.empty() && branches_.back().next == branches_.back().alternatives.size()) {
      branch_bytes_ -= branches_.back().alternatives.size() * (sizeof(Alt) + 1);
      branches_.pop_back();
    }
    return !branches_.empty();
  }

  // Puts the last branch's next alternative in place of its step (for the next replay).
  const Alt& TakeNextAlternative() {
    Branch& b = branches_.back();
    Step step = steps_[b.depth];  // what was there before the step stays
    steps_.resize(b.depth);
    step.taken = b.alternatives[b.next++];
    steps_.push_back(step);
    return steps_.back().taken;
  }

  // Re-runs the path in a fresh `run`, calling `before_step(depth)` before each step is applied;
  // false, with `error` set, if the run diverged.
  template <typename BeforeStep>
  bool Replay(Execution& run, BeforeStep before_step, std::string& error) const {
    for (size_t i = 0; i < steps_.size(); ++i) {
      const auto status = run.Advance();
      bool diverged = status != Execution::Status::kDecision || !(run.hash() == steps_[i].before);
      if (!diverged) {
        const Candidate& c = steps_[i].taken.candidate;
        before_step(i);
        diverged = !run.Apply(c.thread, c.choice) || !(run.hash() == c.hash);
      }
      if (diverged) {
        error = "replay diverged at step " + std::to_string(i + 1) + " of " +
                std::to_string(steps_.size()) +
                ": the test behaved differently when re-run with the same choices. Is it "
                "deterministic? Its behaviour may depend only on values mc:: objects return (no "
                "clocks, randomness, addresses or state kept between executions).";
        return false;
      }
    }
    return true;
  }

  std::vector<TokenStep> TokenSteps() const {
    std::vector<TokenStep> out;
    out.reserve(steps_.size());
    for (const Step& s : steps_) out.push_back({s.taken.candidate.thread, s.taken.candidate.choice});
    return out;
  }

  // The finished share of the search tree: a branch at depth i has explored alternatives
  // [0, next - 1) completely and is inside alternative next - 1; each alternative carries an
  // equal share of its branch's own share.
  double ExploredFraction() const {
    double done = 0;
    double share = 1;
    for (const Branch& b : branches_) {
      const double n = static_cast<double>(b.alternatives.size());
      done += share * static_cast<double>(b.next - 1) / n;
      share /= n;
    }
    return done;
  }

  uint64_t bytes() const {
    return steps_.capacity() * sizeof(Step) + branches_.capacity() * sizeof(Branch) +
           branch_bytes_;
  }

 private:
  std::vector<Step> steps_;
  std::vector<Branch> branches_;
  size_t branch_bytes_ = 0;  // the alternatives held by branches_
};

}  // namespace mc::internal
