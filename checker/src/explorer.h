// The search strategies, and the factory that picks one by Options::strategy (the only code
// that looks at it). Each strategy is a Search (search.h) with only its own state:
//
//   optimal_runner.h    kExhaustive: the optimal search (optimal_search.h), one run per graph,
//                       sharded or (parallel_search.h) on several OS threads
//   canonical_search.h  kExhaustive where the optimal search does not take the program: the
//                       canonical-order search, exact and stateless
//   bounded_search.h    kBounded: every execution within a preemption bound
//   stateful_search.h   kStatefulSC: SC interleavings with states remembered, and sleep sets
//   sampling_search.h   kRandom, kPct, kGuided: one candidate per decision, from scratch
//   replay_run.h        one run along a replay token
//
// The depth-first ones share their loop and their path (depth_first_search.h, search_path.h).
#pragma once

#include <functional>

#include "mc/check.h"
#include "mc/report.h"
#include "replay_token.h"

namespace mc::internal {

// The search Options::strategy names, on `test` (options already validated by mc::check).
Report Explore(const std::function<void()>& test, const Options& options);

// One run along `token`'s steps, run as the strategy that wrote it ran them: `options.strategy`
// for a token of the graph search (an interleaving token is the stateful SC search's).
Report Replay(const std::function<void()>& test, const ReplayToken& token, const Options& options);

}  // namespace mc::internal
