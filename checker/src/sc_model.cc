// Sequential consistency: some interleaving of all events explains every read (Shasha and Snir):
//   acyclic(po ∪ sync ∪ rf ∪ mo ∪ fr)  and  rmw ∩ (fr;mo) = ∅
// where sync are the spawn -> start and end -> join edges. Every atomic access counts as seq_cst,
// so for race detection every atomic reads-from edge synchronises.
#include <memory>
#include <utility>
#include <vector>

#include "acyclic.h"
#include "graph_edges.h"
#include "memory_model.h"

namespace mc::internal {
namespace {

class ScModel final : public MemoryModel {
 public:
  Model kind() const override { return Model::kSC; }
  bool AtomicsAreSeqCst() const override { return true; }

  bool IsOrdered(const ExecutionGraph& g, uint32_t first_new) const override {
    // Inserting a write n into mo turns w -> w' into w -> n -> w', and a read of w now has its
    // fr edge to n: every old edge is still implied, so a new cycle passes through a new event.
    return NoCycleThroughNew(g.size(), first_new, [&](uint32_t v, auto&& emit) {
      ForEachSuccessor(g, v, [&](uint32_t w, const char*) { emit(w); });
    });
  }

  std::vector<CycleEdge> ShortestCycle(const ExecutionGraph& g, bool& explained) const override {
    explained = true;
    return internal::ShortestCycle(g.size(), [&](uint32_t v, auto&& emit) {
      ForEachSuccessor(g, v, emit);
    });
  }

 private:
  // Successors in po ∪ sync ∪ rf ∪ mo ∪ fr (graph_edges.h), po to the next event only.
  // (A note that ends its thread keeps the po edge into it: a join's sync edge leaves from it.)
  template <class F>
  static void ForEachSuccessor(const ExecutionGraph& g, uint32_t v, F&& f) {
    const Event& e = g[v];
    const auto& po = g.ThreadEvents(e.thread);
    // (Past notes, which have no other edge: the cycle an explanation prints skips them.)
    size_t next = e.index + 1;
    while (next + 1 < po.size() && g[po[next]].kind == EventKind::kNote) ++next;
    if (next < po.size()) f(po[next], "po");
    ForEachSyncSuccessor(g, v, f);
    ForEachComSuccessor(g, v, /*external_rf_only=*/false, f);
  }
};

}  // namespace

std::unique_ptr<MemoryModel> MakeScModel() { return std::make_unique<ScModel>(); }

}  // namespace mc::internal
