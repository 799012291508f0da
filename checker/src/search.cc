#include "search.h"

#include <algorithm>
#include <atomic>
#include <sstream>

#include "counterexample.h"
#include "invariant.h"
#include "replay_run.h"

namespace mc::internal {
namespace {

uint64_t NextSerial() {
  static std::atomic<uint64_t> serial{1};
  return serial.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

Search::Search(const std::function<void()>& test, const Options& options, RunMode mode)
    : test_(test),
      options_(options),
      mode_(mode),
      model_(MakeMemoryModel(options.model)),
      stacks_(StackPoolFor(options.stack_size)),
      watchdog_(options.max_silent_seconds),
      start_(std::chrono::steady_clock::now()) {}

std::unique_ptr<Execution> Search::NewExecution(const Execution::Restore* restore) {
  ++report_.runs;
  auto run = std::make_unique<Execution>(options_, *model_, stacks_, watchdog_, test_,
                                         NextSerial(), mode_.interleaved, &spare_graph_, restore);
  if (mode_.stop_only_the_failing_thread) {
    run->StopOnlyTheFailingThread(options_.classify_findings);
  }
  return run;
}

ReplayToken Search::Token() const {
  ReplayToken token;
  token.model = options_.model;
  token.interleaved = mode_.interleaved;
  token.steps = TakenSteps();
  return token;
}

bool Search::BudgetExhausted() {
  const uint64_t executions = ExecutionsSoFar();
  if (options_.stop != nullptr && options_.stop->load(std::memory_order_relaxed)) {
    report_.verdict = Verdict::kBudgetExhausted;
    report_.message = "interrupted after " + std::to_string(executions) +
                      " executions (Options::stop); nothing beyond them is verified";
    return true;
  }
  if (options_.max_executions != 0 && executions >= options_.max_executions) {
    report_.verdict = Verdict::kBudgetExhausted;
    report_.message = "stopped after " + std::to_string(executions) +
                      " executions (Options::max_executions); nothing beyond them is verified";
    return true;
  }
  if (options_.max_seconds > 0) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    if (elapsed.count() >= options_.max_seconds) {
      report_.verdict = Verdict::kBudgetExhausted;
      report_.message = "stopped after " + std::to_string(elapsed.count()) + " s and " +
                        std::to_string(executions) +
                        " executions (Options::max_seconds); nothing beyond them is verified";
      return true;
    }
  }
  return false;
}

void Search::RecordFinding(Execution& run) {
  const Finding& f = run.finding();
  report_.verdict = f.verdict;
  report_.message = f.message;
  report_.counterexample = BuildCounterexample(run.graph(), f);
  report_.replay_token = EncodeToken(Token());
}

void Search::NoteMemory(uint64_t more) {
  report_.state_bytes = std::max(report_.state_bytes, more + Bytes());
}

std::string Search::Unexplored() const {
  return "about " + std::to_string(static_cast<int>(100 * report_.explored_fraction)) +
         "% of the search tree was explored (estimate)";
}

Report Search::FinishSearch(bool done) {
  report_.explored_fraction = done ? 1.0 : ExploredFraction();
  if (!done && report_.verdict == Verdict::kBudgetExhausted) {
    report_.message += "; " + Unexplored();
  }
  report_.exhaustive = done && report_.verdict == Verdict::kOk;
  Progress(true);
  Finish();
  return report_;
}

void Search::Progress(bool final) {
  if (!options_.progress) return;
  const auto now = std::chrono::steady_clock::now();
  const bool reported = last_progress_ != std::chrono::steady_clock::time_point{};
  if (!final && now - (reported ? last_progress_ : start_) < std::chrono::seconds(1)) return;
  if (final && !reported) return;  // a search shorter than a second reports nothing
  last_progress_ = now;
  const std::chrono::duration<double> elapsed = now - start_;
  std::ostringstream line;
  // The stateful searches count behaviours (end states), not executions.
  line << report_.executions << (mode_.interleaved ? " behaviours, " : " executions, ")
       << report_.states << " states ("
       << report_.state_bytes / 1024 << " KiB), " << report_.runs << " runs, "
       << static_cast<uint64_t>(static_cast<double>(report_.runs) / elapsed.count()) << " runs/s, "
       << static_cast<int>(elapsed.count()) << " s";
  ProgressDetail(line, final, elapsed.count());
  if (final) line << ": done";
  options_.progress(line.str(), final);
}

Search::RunEnd Search::Conclude(Execution& run, Execution::Status status) {
  switch (status) {
    case Execution::Status::kDecision:
      return RunEnd::kGoOn;
    case Execution::Status::kComplete:
      CountExecution(run, "");
      return RunEnd::kEnded;
    case Execution::Status::kBlocked:
      // As CountExecution: a stateful search may reach one blocked end from several states.
      if (FirstTimeAtThisEnd(run, "")) ++report_.blocked;
      return RunEnd::kEnded;
    case Execution::Status::kFinding:
      break;
  }
  if (!Classifiable(run.finding().verdict)) {
    RecordFinding(run);
    return RunEnd::kFound;
  }
  // The finding ends this execution only: count it with the finding in its outcome, keeping the
  // first one's counterexample and token.
  if (report_.replay_token.empty()) {
    RecordFinding(run);
    report_.verdict = Verdict::kOk;
    report_.message.clear();
  }
  CountExecution(run, "finding=" + std::string(VerdictName(run.finding().verdict)) + ": " +
                          run.finding().message);
  return RunEnd::kEnded;
}

bool Search::Classifiable(Verdict verdict) const {
  if (!options_.classify_findings) return false;
  return verdict == Verdict::kAssertionFailed || verdict == Verdict::kGoMapFatal ||
         verdict == Verdict::kDataRace || verdict == Verdict::kDeadlock ||
         verdict == Verdict::kLivelock;
}

bool Search::FirstTimeAtThisEnd(const Execution&, const std::string&) { return true; }

void Search::CountExecution(const Execution& run, const std::string& finding) {
  std::string outcome = run.Outcome();
  if (!finding.empty()) outcome += (outcome.empty() ? "" : " ") + finding;
  if (!FirstTimeAtThisEnd(run, outcome)) return;
  ++report_.executions;
  if (++report_.outcomes[outcome] == 1) report_.outcome_tokens[outcome] = EncodeToken(Token());
  if (!count_races_at_ends_) return;
  for (const std::string& race : run.races()) ++report_.races[race];
}

void Search::RecheckFinding() {
  if (!options_.recheck_findings) return;
  std::string error;
  const auto token = DecodeToken(report_.replay_token, error);
  MC_INVARIANT(token.has_value(), "a replay token the checker wrote does not decode");
  Options once = options_;
  once.recheck_findings = false;
  ReplayRun again(test_, once, *token, mode_.stop_only_the_failing_thread);
  const Report replayed = again.Run();
  if (replayed.verdict != report_.verdict || replayed.message != report_.message) {
    const std::string original = std::string(VerdictName(report_.verdict)) + ": " + report_.message;
    report_.verdict = Verdict::kNondeterministic;
    report_.message = "re-running the failing execution gave \"" +
                      std::string(VerdictName(replayed.verdict)) + ": " + replayed.message +
                      "\" instead of \"" + original +
                      "\"; the test depends on something outside the checker";
  }
}

void Search::Finish() {
  NoteMemory();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  report_.seconds = elapsed.count();
}

}  // namespace mc::internal
