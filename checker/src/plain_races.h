// The plain-races policy (Options::plain_races): what a data race on plain memory does to a run,
// and which rule a read of plain memory follows once races are allowed to go on.
//
//   kStop              a race is the run's finding (RaceDetector finds it; C++: undefined)
//   kContinueCoherent  recorded, the run goes on; plain locations keep per-location coherence
//   kContinueGo        recorded, the run goes on; under RC11 plain locations have no coherence
//                      order and their reads follow Go's rule for racy word reads (below)
//
// The memory models know nothing of Go: a Go-plain location (ExecutionGraph::GoPlain) is left out
// of their coherence and psc, and MemoryModel::IsConsistent asks GoPlainReadsAllowed instead.
#pragma once

#include <cstdint>

#include "execution_graph.h"
#include "mc/check.h"
#include "mc/memory_order.h"

namespace mc::internal {

// Whether a race ends the run (as a kDataRace finding) rather than being recorded.
inline bool RacesStopTheRun(PlainRaces policy) { return policy == PlainRaces::kStop; }

// Whether plain locations are Go-plain under `policy` and `model` (the graph's Go-plain mode).
// Under SC every interleaving is coherent already, so Go's rule only weakens RC11.
inline bool GoPlainMemory(PlainRaces policy, Model model) {
  return policy == PlainRaces::kContinueGo && model == Model::kRC11;
}

// Go's memory model for a racy word read r of w: no write w' to the location with
// w hb w' hb r (r hb w cannot hold: w was added before r).
bool GoReadAllowed(const ExecutionGraph& g, uint32_t read);

// Whether every read of Go-plain memory among the events from `first_new` on is allowed.
bool GoPlainReadsAllowed(const ExecutionGraph& g, uint32_t first_new);

}  // namespace mc::internal
