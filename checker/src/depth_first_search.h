// The loop of the stateless depth-first strategies (canonical order, bounded, stateful SC): run
// the test along the path, then step by step take the first fresh step, keeping the others as a
// branch; at the run's end backtrack to the deepest branch with an alternative left. What is
// fresh, and what a strategy notes on the way, are its hooks.
#pragma once

#include <string>
#include <vector>

#include "invariant.h"
#include "search.h"
#include "search_path.h"

namespace mc::internal {

template <typename Alt, typename BranchData = NoBranchData>
class DepthFirstSearch : public Search {
 public:
  using Search::Search;

  Report Run() override {
    bool done = false;
    while (!done) {
      if (BudgetExhausted()) break;
      auto run = NewExecution();
      StartRun();
      std::string error;
      if (!path_.Replay(
              *run, [&](size_t depth) { Replayed(*run, depth); }, error)) {
        report_.verdict = Verdict::kNondeterministic;
        report_.message = error;
        break;
      }
      bool found = false;
      while (true) {
        const Execution::Status status = run->Advance();
        if (!Advanced(*run, status)) break;
        const RunEnd end = Conclude(*run, status);
        if (end == RunEnd::kFound) found = true;
        if (end != RunEnd::kGoOn) break;
        const Hash128 before = run->hash();
        std::vector<Alt> fresh = Fresh(*run);
        // No step left: every successor is reached along another path, or was explored from
        // elsewhere, or cut.
        if (fresh.empty()) break;
        const auto make_data = [&](const std::vector<Alt>& alternatives) {
          return NewBranch(alternatives);
        };
        const Candidate first = fresh.front().candidate;
        path_.Take(*run, before, std::move(fresh), make_data);
        Taken(*run);
        ++report_.states;
        NoteMemory();
        MC_INVARIANT(run->Apply(first.thread, first.choice),
                     "a consistent candidate could not be applied");
        MC_INVARIANT(run->hash() == first.hash, "the graph hash of a step changed");
      }
      RunOver(*run);
      Progress(false);
      if (found) {
        run.reset();
        RecheckFinding();
        break;
      }
      if (!path_.Backtrack()) {
        done = true;
        break;
      }
      Backtracked();
    }
    Done(done);
    return FinishSearch(done);
  }

 protected:
  using Path = SearchPath<Alt, BranchData>;

  // A run is about to replay the path.
  virtual void StartRun() {}
  // The replay is about to re-take the step at `depth`.
  virtual void Replayed(const Execution& /*run*/, size_t /*depth*/) {}
  // After each Advance: false ends the run here, uncounted.
  virtual bool Advanced(const Execution& /*run*/, Execution::Status /*status*/) { return true; }
  // The steps from the run's current state that the search takes; the first now.
  virtual std::vector<Alt> Fresh(Execution& run) = 0;
  // What a branch of these alternatives keeps beside them.
  virtual BranchData NewBranch(const std::vector<Alt>& /*alternatives*/) { return BranchData{}; }
  // The last step on the path was taken from the run's current state (not yet applied).
  virtual void Taken(const Execution& /*run*/) {}
  // The run ended (or stopped).
  virtual void RunOver(const Execution& /*run*/) {}
  // Backtracking reached a branch with an alternative left: take it (the default) and note it.
  virtual void Backtracked() { path_.TakeNextAlternative(); ++report_.states; }
  // The search is over, `done` or stopped.
  virtual void Done(bool /*done*/) {}

  std::vector<TokenStep> TakenSteps() const override { return path_.TokenSteps(); }
  double ExploredFraction() const override { return path_.ExploredFraction(); }
  uint64_t Bytes() const override { return path_.bytes(); }
  void ProgressDetail(std::ostream& line, bool final, double elapsed) const override {
    const double fraction = final ? report_.explored_fraction : ExploredFraction();
    line << ", ~" << static_cast<int>(100 * fraction) << "% of the search tree";
    if (!final && fraction > 0.001) {
      line << " (~" << static_cast<int>(elapsed / fraction - elapsed)
           << " s to go, a rough estimate)";
    }
  }

  Path path_;
};

}  // namespace mc::internal
