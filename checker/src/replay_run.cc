#include "replay_run.h"

#include <string>

#include "counterexample.h"
#include "why_not.h"

namespace mc::internal {

ReplayRun::ReplayRun(const std::function<void()>& test, const Options& options,
                     const ReplayToken& token, bool stop_only_the_failing_thread)
    : Search(test, options, RunMode{token.interleaved, stop_only_the_failing_thread}),
      token_(token) {}

Report ReplayRun::Run() {
  auto run = NewExecution();
  const std::vector<TokenStep>& steps = token_.steps;
  for (size_t i = 0; i <= steps.size(); ++i) {
    const auto status = run->Advance();
    if (status == Execution::Status::kFinding) {
      RecordFinding(*run);
      report_.executions = 1;  // the one execution replayed, which the finding ended
      break;
    }
    if (status != Execution::Status::kDecision) {
      if (i < steps.size()) {
        report_.verdict = Verdict::kUsageError;
        report_.message = "the execution ended after " + std::to_string(i) + " of the token's " +
                          std::to_string(steps.size()) +
                          " steps: the token belongs to another test or another version of it";
      } else {
        report_.executions = status == Execution::Status::kComplete ? 1 : 0;
        report_.blocked = status == Execution::Status::kBlocked ? 1 : 0;
        if (status == Execution::Status::kComplete) {
          ++report_.outcomes[run->Outcome()];
          report_.outcome_tokens[run->Outcome()] = EncodeToken(Token());
        }
        // The trace of what was replayed, finding or not: a witness token is for reading it.
        report_.counterexample = BuildCounterexample(run->graph(), run->finding());
      }
      break;
    }
    if (i == steps.size()) {
      report_.verdict = Verdict::kUsageError;
      report_.message =
          "the token ends before the execution does: it is not a token mc wrote "
          "for this test";
      break;
    }
    if (!run->Apply(steps[i].thread, steps[i].choice)) {
      report_.verdict = Verdict::kUsageError;
      report_.message = "step " + std::to_string(i + 1) + " of the replay token (thread " +
                        std::to_string(steps[i].thread) + ", choice " +
                        std::to_string(steps[i].choice) +
                        ") is not possible in this test: the token belongs to another test or "
                        "another version of it";
      break;
    }
    taken_.push_back(steps[i]);
  }
  if (options_.why_not && report_.counterexample) {
    report_.why_not = WhyNot(run->graph(), *report_.counterexample, *options_.why_not);
  }
  Finish();
  return report_;
}

}  // namespace mc::internal
