// Sequential consistency: some interleaving of all events explains every read (Shasha and Snir):
//   acyclic(po ∪ sync ∪ rf ∪ mo ∪ fr)  and  rmw ∩ (fr;mo) = ∅
// where sync are the spawn -> start and end -> join edges. Every atomic access counts as seq_cst,
// so for race detection every atomic reads-from edge synchronises.
#include <memory>
#include <vector>

#include "acyclic.h"
#include "memory_model.h"

namespace mc::internal {
namespace {

class ScModel final : public MemoryModel {
 public:
  Model kind() const override { return Model::kSC; }
  bool AtomicsAreSeqCst() const override { return true; }

  bool IsConsistent(const ExecutionGraph& g, uint32_t first_new) const override {
    for (uint32_t id = first_new; id < g.size(); ++id) {
      if (g[id].IsWrite() && !RmwAtomicityHolds(g, g[id].location)) return false;
    }
    return Acyclic(g);
  }

 private:
  // Successors in po ∪ sync ∪ rf ∪ mo ∪ fr; mo and fr through the next write only, which
  // preserves reachability since mo is a chain per location.
  template <class F>
  static void ForEachSuccessor(const ExecutionGraph& g, const std::vector<uint32_t>& readers_head,
                               const std::vector<uint32_t>& readers_next,
                               const std::vector<uint32_t>& sync_out, uint32_t v, F&& f) {
    const Event& e = g[v];
    const auto& po = g.ThreadEvents(e.thread);
    if (e.index + 1 < po.size()) f(po[e.index + 1]);
    if (sync_out[v] != kNone) f(sync_out[v]);
    if (e.IsWrite() && g.MoPosition(v) != kNone) {
      for (uint32_t r = readers_head[v]; r != kNone; r = readers_next[r]) f(r);
      const auto& mo = g.Mo(e.location);
      if (g.MoPosition(v) + 1 < mo.size()) f(mo[g.MoPosition(v) + 1]);
    }
    if (e.IsRead()) {
      const auto& mo = g.Mo(e.location);
      if (g.MoPosition(e.rf) + 1 < mo.size()) f(mo[g.MoPosition(e.rf) + 1]);
    }
  }

  static bool Acyclic(const ExecutionGraph& g) {
    const uint32_t n = g.size();
    std::vector<uint32_t> readers_head(n, kNone), readers_next(n, kNone), sync_out(n, kNone);
    for (uint32_t v = 0; v < n; ++v) {
      const Event& e = g[v];
      if (e.IsRead()) {
        readers_next[v] = readers_head[e.rf];
        readers_head[e.rf] = v;
      }
      if (e.sync != kNone) sync_out[e.sync] = v;
    }
    return IsAcyclic(n, [&](uint32_t v, auto&& emit) {
      ForEachSuccessor(g, readers_head, readers_next, sync_out, v, emit);
    });
  }
};

}  // namespace

std::unique_ptr<MemoryModel> MakeScModel() { return std::make_unique<ScModel>(); }

}  // namespace mc::internal
