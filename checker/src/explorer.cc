#include "explorer.h"

#include <chrono>
#include <string>

#include "bounded_search.h"
#include "canonical_search.h"
#include "optimal_runner.h"
#include "parallel_search.h"
#include "replay_run.h"
#include "sampling_search.h"
#include "stateful_search.h"

namespace mc::internal {
namespace {

// kExhaustive: the optimal search, or the canonical-order search when Options::optimal_search
// is off.
Report ExploreExhaustively(const std::function<void()>& test, const Options& options) {
  if (options.optimal_search) {
    if (options.threads != 1) return ParallelSearch(test, options).Run();
    return OptimalRunner(test, options).Run();
  }
  if (options.shard_count > 1 && options.shard_index != 0) {
    // The canonical-order search is not split: shard 0 runs it whole, the others report nothing.
    Report empty;
    empty.exhaustive = true;
    empty.explored_fraction = 1.0;
    empty.message = "shard " + std::to_string(options.shard_index + 1) + "/" +
                    std::to_string(options.shard_count) +
                    ": the canonical-order search runs whole in shard 1";
    return empty;
  }
  return CanonicalSearch(test, options).Run();
}

}  // namespace

Report Explore(const std::function<void()>& test, const Options& options) {
  switch (options.strategy) {
    case Strategy::kRandom:
      return SamplingSearch(test, options, MakeRandomPicker(options)).Run();
    case Strategy::kPct:
      return SamplingSearch(test, options, MakePctPicker(options)).Run();
    case Strategy::kGuided:
      return SamplingSearch(test, options, MakeGuidedPicker(options)).Run();
    case Strategy::kStatefulSC:
    case Strategy::kStatefulTSO:
      return StatefulSearch(test, options).Run();
    case Strategy::kBounded:
      return BoundedSearch(test, options).Run();
    case Strategy::kExhaustive:
      break;
  }
  return ExploreExhaustively(test, options);
}

Report Replay(const std::function<void()>& test, const ReplayToken& token,
              const Options& options) {
  // The exhaustive searches stop only the failing thread of a classified finding, and their
  // tokens go on with the other threads' steps.
  const bool stop_only_the_failing_thread =
      token.interleaved || options.strategy == Strategy::kExhaustive ||
      options.strategy == Strategy::kStatefulSC || options.strategy == Strategy::kStatefulTSO;
  Options with_model = options;
  with_model.model = token.model;
  return ReplayRun(test, with_model, token, stop_only_the_failing_thread).Run();
}

}  // namespace mc::internal
