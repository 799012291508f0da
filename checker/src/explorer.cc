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

// kExhaustive: the optimal search where it takes the program, else the canonical-order search
// (started again if the optimal search gives up at run time, with the runs it spent counted).
Report ExploreExhaustively(const std::function<void()>& test, const Options& options) {
  uint64_t runs_spent = 0;
  auto start = std::chrono::steady_clock::now();
  if (OptimalRunner::Supports(options)) {
    if (options.threads != 1) {
      ParallelSearch parallel(test, options);
      const Report report = parallel.Run();
      if (!parallel.unsupported()) return report;
      runs_spent = report.runs;
      start = parallel.started();
    } else {
      OptimalRunner optimal(test, options);
      const Report report = optimal.Run();
      if (!optimal.unsupported()) return report;
      runs_spent = report.runs;
      start = optimal.started();
    }
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
  CanonicalSearch canonical(test, options);
  if (runs_spent > 0) canonical.Continue(runs_spent, start);
  return canonical.Run();
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
      options.strategy == Strategy::kStatefulSC;
  Options with_model = options;
  with_model.model = token.model;
  return ReplayRun(test, with_model, token, stop_only_the_failing_thread).Run();
}

}  // namespace mc::internal
