// What every search strategy shares: its runs of the test, the budget, how a run's end is counted,
// findings (with their counterexample, replay token and re-check), progress lines and the
// report. A strategy (explorer.h lists them) derives from Search and decides only which runs to
// make and which step each takes; the factory in explorer.cc picks one by Options::strategy, and
// no other code looks at that field.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "execution.h"
#include "fiber.h"
#include "mc/check.h"
#include "mc/report.h"
#include "memory_model.h"
#include "replay_token.h"
#include "watchdog.h"

namespace mc::internal {

// How a strategy's runs go.
struct RunMode {
  // The runs take the steps of interleavings, one event or flush each (Execution's interleaving
  // mode: the stateful SC and TSO searches and their tokens).
  bool interleaved = false;
  // A failed mc::assume, and under Options::classify_findings a finding, stops only its thread
  // (Execution::StopOnlyTheFailingThread): the exhaustive searches, which count such ends.
  bool stop_only_the_failing_thread = false;
};

class Search {
 public:
  Search(const std::function<void()>& test, const Options& options, RunMode mode);
  virtual ~Search() = default;
  Search(const Search&) = delete;
  Search& operator=(const Search&) = delete;

  virtual Report Run() = 0;


 protected:
  // What the run's status means for the search: go on deciding, the run ended (counted), or a
  // finding that stops the search.
  enum class RunEnd { kGoOn, kEnded, kFound };

  // A run; with `restore`, starting from that part of the last run's graph (Execution::Restore).
  std::unique_ptr<Execution> NewExecution(const Execution::Restore* restore = nullptr);
  RunEnd Conclude(Execution& run, Execution::Status status);
  void RecordFinding(Execution& run);
  // Re-runs the recorded finding from its token (Options::recheck_findings): a different result
  // means the test depends on something outside the checker.
  void RecheckFinding();
  bool BudgetExhausted();
  // The report of a search, `done` or stopped by a budget.
  Report FinishSearch(bool done);
  void Progress(bool final);
  // The search's own memory now (what Bytes() counts, and `more` held elsewhere);
  // report_.state_bytes keeps the peak.
  void NoteMemory(uint64_t more = 0);
  void Finish();
  ReplayToken Token() const;

  // The steps of the current run, for its replay token.
  virtual std::vector<TokenStep> TakenSteps() const = 0;
  // Whether the search reaches this end (complete, blocked, or cut short with `outcome`) for the
  // first time; a stateful search may reach one end from several states.
  virtual bool FirstTimeAtThisEnd(const Execution& run, const std::string& outcome);
  // The estimated share of the search tree finished (see Report::explored_fraction).
  virtual double ExploredFraction() const { return 0; }
  // What a search stopped by its budget adds to the message about what it left.
  virtual std::string Unexplored() const;
  // The strategy's part of a progress line.
  virtual void ProgressDetail(std::ostream&, bool /*final*/, double /*elapsed*/) const {}
  virtual uint64_t Bytes() const { return 0; }
  // Executions counted so far, by every worker of a parallel search.
  virtual uint64_t ExecutionsSoFar() const { return report_.executions; }

  const std::function<void()>& test_;
  Options options_;
  const RunMode mode_;
  // false for the stateful SC search, which counts a run's races whether or not it ends one.
  bool count_races_at_ends_ = true;
  std::unique_ptr<MemoryModel> model_;
  StackPool& stacks_;
  Watchdog watchdog_;
  ExecutionGraph spare_graph_{false, false};  // the buffers each run builds its graph in
  Report report_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_progress_;

 private:
  // Under Options::classify_findings: whether this finding only ends its execution.
  bool Classifiable(Verdict verdict) const;
  void CountExecution(const Execution& run, const std::string& finding);
};

}  // namespace mc::internal
