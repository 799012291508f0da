#include "explorer.h"

#include <atomic>
#include <random>
#include <sstream>

#include "counterexample.h"
#include "invariant.h"

namespace mc::internal {
namespace {

uint64_t NextSerial() {
  static std::atomic<uint64_t> serial{1};
  return serial.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

Explorer::Explorer(const std::function<void()>& test, const Options& options)
    : test_(test),
      options_(options),
      model_(MakeMemoryModel(options.model)),
      stacks_(StackPoolFor(options.stack_size)),
      watchdog_(options.max_silent_seconds),
      start_(std::chrono::steady_clock::now()) {}

std::unique_ptr<Execution> Explorer::NewExecution() {
  ++report_.runs;
  return std::make_unique<Execution>(options_, *model_, stacks_, watchdog_, test_, NextSerial());
}

ReplayToken Explorer::Token() const {
  ReplayToken token;
  token.model = options_.model;
  for (const PathStep& p : path_) token.steps.push_back({p.step.thread, p.step.choice});
  return token;
}

bool Explorer::ReplayPath(Execution& run) {
  for (size_t i = 0; i < path_.size(); ++i) {
    const auto status = run.Advance();
    const bool diverged = status != Execution::Status::kDecision ||
                          !(run.hash() == path_[i].before) ||
                          !run.Apply(path_[i].step.thread, path_[i].step.choice) ||
                          !(run.hash() == path_[i].step.hash);
    if (diverged) {
      report_.verdict = Verdict::kNondeterministic;
      std::ostringstream msg;
      msg << "replay diverged at step " << i + 1 << " of " << path_.size()
          << ": the test behaved differently when re-run with the same choices. Is it "
             "deterministic? Its behaviour may depend only on values mc:: objects return (no "
             "clocks, randomness, addresses or state kept between executions).";
      report_.message = msg.str();
      return false;
    }
  }
  return true;
}

bool Explorer::BudgetExhausted() {
  if (options_.max_executions != 0 && report_.executions >= options_.max_executions) {
    report_.verdict = Verdict::kBudgetExhausted;
    report_.message = "stopped after " + std::to_string(report_.executions) +
                      " executions (Options::max_executions); nothing beyond them is verified";
    return true;
  }
  if (options_.max_seconds > 0) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    if (elapsed.count() >= options_.max_seconds) {
      report_.verdict = Verdict::kBudgetExhausted;
      report_.message = "stopped after " + std::to_string(elapsed.count()) + " s and " +
                        std::to_string(report_.executions) +
                        " executions (Options::max_seconds); nothing beyond them is verified";
      return true;
    }
  }
  return false;
}

void Explorer::RecordFinding(Execution& run) {
  const Finding& f = run.finding();
  report_.verdict = f.verdict;
  report_.message = f.message;
  report_.counterexample = BuildCounterexample(run.graph(), f);
  report_.replay_token = EncodeToken(Token());
}

Report Explorer::Explore() {
  bool done = false;
  while (!done) {
    if (BudgetExhausted()) break;
    auto run = NewExecution();
    if (!ReplayPath(*run)) break;
    bool found = false;
    while (true) {
      const RunEnd end = Conclude(*run, run->Advance());
      if (end == RunEnd::kFound) found = true;
      if (end != RunEnd::kGoOn) break;
      const Hash128 before = run->hash();
      std::vector<Candidate> fresh;
      for (const Candidate& c : run->Candidates()) {
        if (visited_.Insert(c.hash)) fresh.push_back(c);
      }
      if (fresh.empty()) break;  // every successor was explored from elsewhere
      if (fresh.size() > 1) frames_.push_back(Frame{path_.size(), fresh, 1});
      path_.push_back(PathStep{fresh.front(), before});
      MC_INVARIANT(run->Apply(fresh.front().thread, fresh.front().choice),
                   "a consistent candidate could not be applied");
      MC_INVARIANT(run->hash() == fresh.front().hash, "the graph hash of a step changed");
    }
    if (found) {
      run.reset();
      RecheckFinding();
      break;
    }
    // Backtrack to the deepest decision with an untried alternative.
    while (!frames_.empty() && frames_.back().next == frames_.back().alternatives.size()) {
      frames_.pop_back();
    }
    if (frames_.empty()) {
      done = true;
      break;
    }
    Frame& f = frames_.back();
    const Hash128 before = path_[f.depth].before;
    path_.resize(f.depth);
    path_.push_back(PathStep{f.alternatives[f.next++], before});
  }
  report_.exhaustive = done && report_.verdict == Verdict::kOk;
  Finish();
  return report_;
}

Explorer::RunEnd Explorer::Conclude(Execution& run, Execution::Status status) {
  switch (status) {
    case Execution::Status::kDecision:
      return RunEnd::kGoOn;
    case Execution::Status::kComplete:
      CountExecution(run, "");
      return RunEnd::kEnded;
    case Execution::Status::kBlocked:
      ++report_.blocked;
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

bool Explorer::Classifiable(Verdict verdict) const {
  if (!options_.classify_findings) return false;
  return verdict == Verdict::kAssertionFailed || verdict == Verdict::kGoMapFatal ||
         verdict == Verdict::kDataRace || verdict == Verdict::kDeadlock ||
         verdict == Verdict::kLivelock;
}

void Explorer::CountExecution(const Execution& run, const std::string& finding) {
  ++report_.executions;
  std::string outcome = run.Outcome();
  if (!finding.empty()) outcome += (outcome.empty() ? "" : " ") + finding;
  ++report_.outcomes[outcome];
  for (const std::string& race : run.races()) ++report_.races[race];
}

Report Explorer::ExploreRandomly() {
  std::mt19937_64 rng(options_.seed);
  const uint64_t runs = options_.max_executions == 0 ? 1000 : options_.max_executions;
  bool found = false;
  for (uint64_t i = 0; i < runs && !found; ++i) {
    if (options_.max_seconds > 0 && BudgetExhausted()) break;
    path_.clear();
    auto run = NewExecution();
    while (true) {
      const RunEnd end = Conclude(*run, run->Advance());
      if (end == RunEnd::kFound) found = true;
      if (end != RunEnd::kGoOn) break;
      const Hash128 before = run->hash();
      const std::vector<Candidate> candidates = run->Candidates();
      MC_INVARIANT(!candidates.empty(), "a decision without a consistent step");
      const Candidate& pick = candidates[rng() % candidates.size()];
      visited_.Insert(pick.hash);
      path_.push_back(PathStep{pick, before});
      MC_INVARIANT(run->Apply(pick.thread, pick.choice), "a consistent step could not be applied");
    }
    if (found) {
      run.reset();
      RecheckFinding();
    }
  }
  if (!found && report_.verdict == Verdict::kOk) {
    report_.verdict = Verdict::kBudgetExhausted;
    report_.message = "random walk (seed " + std::to_string(options_.seed) +
                      "): " + std::to_string(report_.runs) + " runs, " +
                      std::to_string(report_.executions) +
                      " complete executions (possibly repeated), no finding; a random walk is "
                      "not exhaustive, so nothing is verified";
  }
  Finish();
  return report_;
}

void Explorer::RecheckFinding() {
  if (!options_.recheck_findings) return;
  std::string error;
  const auto token = DecodeToken(report_.replay_token, error);
  MC_INVARIANT(token.has_value(), "a replay token the checker wrote does not decode");
  Options once = options_;
  once.recheck_findings = false;
  Explorer again(test_, once);
  const Report replayed = again.Replay(*token);
  if (replayed.verdict != report_.verdict || replayed.message != report_.message) {
    const std::string original = std::string(VerdictName(report_.verdict)) + ": " + report_.message;
    report_.verdict = Verdict::kNondeterministic;
    report_.message = "re-running the failing execution gave \"" +
                      std::string(VerdictName(replayed.verdict)) + ": " + replayed.message +
                      "\" instead of \"" + original +
                      "\"; the test depends on something outside the checker";
  }
}

Report Explorer::Replay(const ReplayToken& token) {
  auto run = NewExecution();
  for (size_t i = 0; i <= token.steps.size(); ++i) {
    const auto status = run->Advance();
    if (status == Execution::Status::kFinding) {
      RecordFinding(*run);
      break;
    }
    if (status != Execution::Status::kDecision) {
      if (i < token.steps.size()) {
        report_.verdict = Verdict::kUsageError;
        report_.message = "the execution ended after " + std::to_string(i) + " of the token's " +
                          std::to_string(token.steps.size()) +
                          " steps: the token belongs to another test or another version of it";
      } else {
        report_.executions = status == Execution::Status::kComplete ? 1 : 0;
        report_.blocked = status == Execution::Status::kBlocked ? 1 : 0;
        if (status == Execution::Status::kComplete) ++report_.outcomes[run->Outcome()];
      }
      break;
    }
    if (i == token.steps.size()) {
      report_.verdict = Verdict::kUsageError;
      report_.message =
          "the token ends before the execution does: it is not a token mc wrote "
          "for this test";
      break;
    }
    const PathStep step{Candidate{token.steps[i].thread, token.steps[i].choice, {}}, run->hash()};
    if (!run->Apply(step.step.thread, step.step.choice)) {
      report_.verdict = Verdict::kUsageError;
      report_.message = "step " + std::to_string(i + 1) + " of the replay token (thread " +
                        std::to_string(step.step.thread) + ", choice " +
                        std::to_string(step.step.choice) +
                        ") is not possible in this test: the token belongs to another test or "
                        "another version of it";
      break;
    }
    path_.push_back(
        PathStep{Candidate{step.step.thread, step.step.choice, run->hash()}, step.before});
  }
  Finish();
  return report_;
}

void Explorer::Finish() {
  report_.states = visited_.size();
  report_.state_bytes = visited_.bytes();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  report_.seconds = elapsed.count();
}

}  // namespace mc::internal
