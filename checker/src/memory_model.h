// A memory model is a consistency predicate over execution graphs. The explorer adds one event
// (or an RMW's two) at a time to a consistent graph and asks whether the result is still
// consistent; which writes a read may read from and where a write may go in mo are the candidates
// that pass. Adding a model: one class here, one enumerator in mc::Model, one line in
// MakeMemoryModel (docs/development.md).
#pragma once

#include <memory>

#include "execution_graph.h"
#include "mc/memory_order.h"

namespace mc::internal {

class MemoryModel {
 public:
  virtual ~MemoryModel() = default;
  virtual Model kind() const = 0;
  // Whether every atomic access behaves as seq_cst (so every atomic rf edge synchronises).
  virtual bool AtomicsAreSeqCst() const = 0;
  // Whether `g` is consistent, given that it was before the events from `first_new` on were
  // added (and before a new write among them was placed in mo).
  virtual bool IsConsistent(const ExecutionGraph& g, uint32_t first_new) const = 0;
};

std::unique_ptr<MemoryModel> MakeMemoryModel(Model model);
std::unique_ptr<MemoryModel> MakeScModel();
std::unique_ptr<MemoryModel> MakeRc11Model();

// rmw ∩ (fr;mo) = ∅ for every RMW at `location`: each RMW write directly follows, in mo, the write
// its read half read from. Shared by all models.
bool RmwAtomicityHolds(const ExecutionGraph& g, uint32_t location);

// Go's rule for a read of Go-plain memory: no write hidden from it by happens-before.
bool GoReadAllowed(const ExecutionGraph& g, uint32_t read);

// RC11's coherence (irreflexive hb;eco?) for pairs that involve an event from `first_new` on;
// Go-plain locations follow GoReadAllowed instead.
bool CoherenceHolds(const ExecutionGraph& g, uint32_t first_new);

}  // namespace mc::internal
