// Sequential consistency: some interleaving of all events explains every read (Shasha and Snir):
//   acyclic(po ∪ sync ∪ rf ∪ mo ∪ fr)  and  rmw ∩ (fr;mo) = ∅
// where sync are the spawn -> start and end -> join edges. Every atomic access counts as seq_cst,
// so for race detection every atomic reads-from edge synchronises.
#include <memory>
#include <utility>
#include <vector>

#include "memory_model.h"

namespace mc::internal {
namespace {

class ScModel final : public MemoryModel {
 public:
  Model kind() const override { return Model::kSC; }
  bool AtomicsAreSeqCst() const override { return true; }

  bool IsOrdered(const ExecutionGraph& g, uint32_t first_new) const override {
    return NoCycleThroughNew(g, first_new);
  }

 private:
  // Successors in po ∪ sync ∪ rf ∪ mo ∪ fr; mo and fr through the next write only, which
  // preserves reachability since mo is a chain per location. Computed on demand from the graph.
  template <class F>
  static void ForEachSuccessor(const ExecutionGraph& g, uint32_t v, F&& f) {
    const Event& e = g[v];
    const auto& po = g.ThreadEvents(e.thread);
    if (e.index + 1 < po.size()) f(po[e.index + 1]);
    if (e.kind == EventKind::kSpawn && e.other_thread < g.thread_count()) {
      const auto& child = g.ThreadEvents(e.other_thread);
      if (!child.empty() && g[child[0]].sync == v) f(child[0]);
    }
    if (e.index + 1 == po.size()) {  // a join synchronises with the joined thread's last event
      for (uint32_t t = 0; t < g.thread_count(); ++t) {
        for (uint32_t w : g.ThreadEvents(t)) {
          if (g[w].kind == EventKind::kJoin && g[w].sync == v) f(w);
        }
      }
    }
    if (e.IsWrite() && g.MoPosition(v) != kNone) {
      for (uint32_t r : g.LocationEvents(e.location)) {
        if (g[r].IsRead() && g[r].rf == v) f(r);
      }
      const auto& mo = g.Mo(e.location);
      if (g.MoPosition(v) + 1 < mo.size()) f(mo[g.MoPosition(v) + 1]);
    }
    if (e.IsRead()) {
      const auto& mo = g.Mo(e.location);
      if (g.MoPosition(e.rf) + 1 < mo.size()) f(mo[g.MoPosition(e.rf) + 1]);
    }
  }

  // The graph was acyclic before the events from `first_new` on were added. Every edge between
  // two old events in the new graph was an edge before (inserting a write n into mo turns
  // w -> w' into w -> n -> w', and a read of w now has its fr edge to n), so a new cycle passes
  // through a new event, and a search from the new events finds it. The search visits what
  // the new events reach, usually a small part of the graph, rather than the whole graph.
  static bool NoCycleThroughNew(const ExecutionGraph& g, uint32_t first_new) {
    thread_local std::vector<uint8_t> state;  // 0 unvisited, 1 on the DFS stack, 2 finished
    thread_local std::vector<std::pair<uint32_t, std::vector<uint32_t>>> stack;
    thread_local std::vector<std::vector<uint32_t>> spare;  // successor buffers, reused
    state.assign(g.size(), 0);
    auto push = [&](uint32_t v) {
      std::vector<uint32_t> succ;
      if (!spare.empty()) {
        succ = std::move(spare.back());
        spare.pop_back();
      }
      succ.clear();
      ForEachSuccessor(g, v, [&](uint32_t w) { succ.push_back(w); });
      state[v] = 1;
      stack.emplace_back(v, std::move(succ));
    };
    for (uint32_t root = first_new; root < g.size(); ++root) {
      if (state[root] != 0) continue;
      push(root);
      while (!stack.empty()) {
        auto& [v, succ] = stack.back();
        if (succ.empty()) {
          state[v] = 2;
          spare.push_back(std::move(succ));
          stack.pop_back();
          continue;
        }
        const uint32_t w = succ.back();
        succ.pop_back();
        if (state[w] == 1) {
          while (!stack.empty()) {
            spare.push_back(std::move(stack.back().second));
            stack.pop_back();
          }
          return false;
        }
        if (state[w] == 0) push(w);
      }
    }
    return true;
  }
};

}  // namespace

std::unique_ptr<MemoryModel> MakeScModel() { return std::make_unique<ScModel>(); }

}  // namespace mc::internal
