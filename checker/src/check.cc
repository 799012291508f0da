// mc::check and mc::replay.
#include "mc/check.h"

#include <stdexcept>
#include <string>

#include "explorer.h"
#include "replay_token.h"
#include "runtime.h"

namespace mc {

Report check(const std::function<void()>& test, const Options& options) {
  internal::CheckScope scope;
  if (options.strategy == Strategy::kPct && options.pct_depth == 0) {
    Report report;
    report.verdict = Verdict::kUsageError;
    report.message = "Options::pct_depth: must be at least 1 (a bug of depth 1 needs no ordering)";
    return report;
  }
  // A stateful search runs one model's machine.
  const bool stateful_sc = options.strategy == Strategy::kStatefulSC;
  if ((stateful_sc && options.model != Model::kSC) ||
      (options.strategy == Strategy::kStatefulTSO && options.model != Model::kTSO)) {
    Report report;
    report.verdict = Verdict::kUsageError;
    report.message =
        stateful_sc ? "Options::model: Strategy::kStatefulSC explores sequentially consistent "
                      "interleavings: it needs Model::kSC"
                    : "Options::model: Strategy::kStatefulTSO explores the runs of the x86-TSO "
                      "machine: it needs Model::kTSO";
    return report;
  }
  if (options.shard_count == 0 || options.shard_index >= options.shard_count) {
    Report report;
    report.verdict = Verdict::kUsageError;
    report.message = "Options::shard_index: " + std::to_string(options.shard_index) +
                     " must be below Options::shard_count (" +
                     std::to_string(options.shard_count) + "), which must be at least 1";
    return report;
  }
  if (options.shard_count > 1 && options.strategy != Strategy::kExhaustive) {
    Report report;
    report.verdict = Verdict::kUsageError;
    report.message = "Options::shard_count: only Strategy::kExhaustive can be sharded";
    return report;
  }
  return internal::Explore(test, options);
}

std::optional<std::string> ReplayTokenError(std::string_view token) {
  std::string error;
  if (internal::DecodeToken(token, error)) return std::nullopt;
  return error;
}

Report replay(const std::function<void()>& test, std::string_view token, const Options& options) {
  internal::CheckScope scope;
  if (const auto error = ReplayTokenError(token)) {
    Report report;
    report.verdict = Verdict::kUsageError;
    report.message = "replay token \"" + std::string(token) + "\": " + *error;
    return report;
  }
  if (options.why_not && *options.why_not != Model::kSC && *options.why_not != Model::kTSO) {
    Report report;
    report.verdict = Verdict::kUsageError;
    report.message = "Options::why_not: " + std::string(ModelName(*options.why_not)) +
                     " is not explained (its axioms are not one acyclicity); sc and tso are";
    return report;
  }
  std::string error;
  const auto decoded = internal::DecodeToken(token, error);
  return internal::Replay(test, *decoded, options);
}

}  // namespace mc
