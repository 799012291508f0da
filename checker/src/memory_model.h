// A memory model is a consistency predicate over execution graphs. The explorer adds one event
// (or an RMW's two) at a time to a consistent graph and asks whether the result is still
// consistent; which writes a read may read from and where a write may go in mo are the candidates
// that pass. Adding a model: one class deriving from MemoryModel in its own file, one enumerator
// in mc::Model and its row in mc::kModels, naming the class's factory (docs/development.md).
#pragma once

#include <memory>

#include <vector>

#include "acyclic.h"
#include "execution_graph.h"
#include "mc/memory_order.h"
#include "plain_races.h"

namespace mc::internal {

// rmw ∩ (fr;mo) = ∅ for every RMW at `location`: each RMW write directly follows, in mo, the write
// its read half read from. Shared by all models.
bool RmwAtomicityHolds(const ExecutionGraph& g, uint32_t location);

class MemoryModel {
 public:
  virtual ~MemoryModel() = default;
  virtual Model kind() const = 0;
  // Whether every atomic access behaves as seq_cst (so every atomic rf edge synchronises).
  virtual bool AtomicsAreSeqCst() const = 0;
  // Whether `g` is consistent, given that it was before the events from `first_new` on were
  // added (and before a new write among them was placed in mo). Without `atomicity`, RMW
  // atomicity is not required of the new writes: the optimal search asks this of an RMW whose
  // read shares its source with another RMW, to revisit from its write (optimal_search.cc).
  bool IsConsistent(const ExecutionGraph& g, uint32_t first_new, bool atomicity = true) const {
    for (uint32_t id = first_new; atomicity && id < g.size(); ++id) {
      if (g[id].IsWrite() && !RmwAtomicityHolds(g, g[id].location)) return false;
    }
    return GoPlainReadsAllowed(g, first_new) && IsOrdered(g, first_new);
  }
  // Why `g` (consistent under another model) is not consistent under this one: a shortest cycle
  // of the relation this model requires to be acyclic, each edge named as herd7 names it; empty
  // when there is none. With `explained` false, the model cannot say (RC11's axioms are not one
  // acyclicity).
  virtual std::vector<CycleEdge> ShortestCycle(const ExecutionGraph& g, bool& explained) const {
    (void)g;
    explained = false;
    return {};
  }

 protected:
  // The model's own axioms beyond RMW atomicity, under the same assumption as IsConsistent.
  virtual bool IsOrdered(const ExecutionGraph& g, uint32_t first_new) const = 0;
};

// The model's row of mc::kModels builds it.
std::unique_ptr<MemoryModel> MakeMemoryModel(Model model);

// RC11's coherence (irreflexive hb;eco?) for pairs that involve an event from `first_new` on;
// Go-plain locations have none (their reads follow plain_races.h's GoPlainReadsAllowed).
bool CoherenceHolds(const ExecutionGraph& g, uint32_t first_new);

}  // namespace mc::internal
