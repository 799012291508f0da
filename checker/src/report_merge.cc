#include "report_merge.h"

namespace mc::internal {

void AddReport(Report& total, const Report& part) {
  total.executions += part.executions;
  total.blocked += part.blocked;
  total.states += part.states;
  total.runs += part.runs;
  total.state_bytes += part.state_bytes;
  total.cut += part.cut;
  for (const auto& [outcome, count] : part.outcomes) total.outcomes[outcome] += count;
  for (const auto& [outcome, token] : part.outcome_tokens) {
    total.outcome_tokens.try_emplace(outcome, token);
  }
  for (const auto& [race, count] : part.races) total.races[race] += count;
  if (total.verdict == Verdict::kOk && part.verdict != Verdict::kOk) {
    total.verdict = part.verdict;
    total.message = part.message;
    total.counterexample = part.counterexample;
    total.replay_token = part.replay_token;
  } else if (total.verdict == Verdict::kOk && part.verdict == Verdict::kOk &&
             total.replay_token.empty() && !part.replay_token.empty()) {
    // Options::classify_findings: a part's first classified finding, kept as a witness.
    total.counterexample = part.counterexample;
    total.replay_token = part.replay_token;
  }
}

}  // namespace mc::internal
