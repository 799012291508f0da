// x86-TSO (Owens, Sarkar, Sewell: "A Better x86 Memory Model: x86-TSO", TPHOLs 2009), as herd7's
// x86tso.cat encodes it:
//
//   uniproc:   acyclic(po-loc ∪ rf ∪ mo ∪ fr)
//   atomicity: rmw ∩ (fr ; mo) = ∅            (checked for every model: memory_model.h)
//   tso:       acyclic(ppo ∪ mfence ∪ implied ∪ rfe ∪ mo ∪ fr ∪ sync)
//     ppo      = po \ (W × R)    a store waits in its thread's FIFO buffer past later loads
//     mfence   = po ; [MFENCE] ; po
//     implied  = po ; [LOCKED] ; po   a locked instruction drains the buffer: a full barrier
//
// How a C++ program meets it (the usual x86-64 mapping, as GCC and clang compile it): every load
// is a plain MOV, whatever its order; a relaxed or release store is a MOV, a seq_cst store an
// XCHG (locked); every RMW is LOCK-prefixed, and so is a compare-exchange, also when it fails
// (LOCK CMPXCHG); a seq_cst fence is MFENCE and the other fences emit nothing; plain (mc::var)
// accesses are MOVs. Mutex, semaphore and condition-variable operations are locked instructions
// (glibc's lock and unlock are LOCK CMPXCHG and LOCK DEC/XCHG), and thread creation, start, end
// and join are full barriers (system calls). The model describes the hardware only: a compiler
// may still reorder plain accesses, and a data race is still C++ undefined behaviour, so races
// are detected under C++'s happens-before (AtomicsAreSeqCst is false), as under RC11.
//
// For the cycle search, po is given by its first steps: from a load or a barrier, the next load,
// the next store and the next barrier of the thread; from a store, the next store and the next
// barrier (never a later load, unless a barrier comes between). Every ppo, mfence and implied
// edge is a path of those.
#include <memory>

#include "acyclic.h"
#include "graph_edges.h"
#include "memory_model.h"

namespace mc::internal {
namespace {

class TsoModel final : public MemoryModel {
 public:
  Model kind() const override { return Model::kTSO; }
  bool AtomicsAreSeqCst() const override { return false; }

  bool IsOrdered(const ExecutionGraph& g, uint32_t first_new) const override {
    // As for SC (sc_model.cc): every old edge is still implied after the new events are added
    // and a new write is placed in mo, so a new cycle passes through a new event.
    const auto plain = [](auto&& emit) { return [&](uint32_t w, const char*) { emit(w); }; };
    return NoCycleThroughNew(g.size(), first_new,
                             [&](uint32_t v, auto&& emit) { Uniproc(g, v, plain(emit)); }) &&
           NoCycleThroughNew(g.size(), first_new,
                             [&](uint32_t v, auto&& emit) { Ghb(g, v, plain(emit)); });
  }

  // A uniproc cycle (a coherence violation) if there is one, else a cycle of the global order.
  std::vector<CycleEdge> ShortestCycle(const ExecutionGraph& g, bool& explained) const override {
    explained = true;
    std::vector<CycleEdge> cycle = internal::ShortestCycle(
        g.size(), [&](uint32_t v, auto&& emit) { Uniproc(g, v, emit); });
    if (!cycle.empty()) return cycle;
    return internal::ShortestCycle(g.size(), [&](uint32_t v, auto&& emit) { Ghb(g, v, emit); });
  }

 private:
  // uniproc: po-loc (the next access of the same location in the thread), rf, mo, fr.
  template <class F>
  static void Uniproc(const ExecutionGraph& g, uint32_t v, F&& f) {
    const Event& e = g[v];
    if (e.IsAccess()) {
      const auto& po = g.ThreadEvents(e.thread);
      for (size_t i = e.index + 1; i < po.size(); ++i) {
        const Event& next = g[po[i]];
        if (next.IsAccess() && next.location == e.location) {
          f(po[i], "po-loc");
          break;
        }
      }
    }
    ForEachComSuccessor(g, v, /*external_rf_only=*/false, f);
  }
  // The global order: ppo, mfence and implied (as po's first steps), sync, rfe, mo, fr.
  template <class F>
  static void Ghb(const ExecutionGraph& g, uint32_t v, F&& f) {
    ForEachPpoSuccessor(g, v, f);
    ForEachSyncSuccessor(g, v, f);
    ForEachComSuccessor(g, v, /*external_rf_only=*/true, f);
  }

  enum class Class : uint8_t { kNone, kLoad, kStore, kBarrier };

  static Class ClassOf(const ExecutionGraph& g, uint32_t id) {
    const Event& e = g[id];
    switch (e.kind) {
      case EventKind::kFence:
        return e.order == seq_cst ? Class::kBarrier : Class::kNone;
      case EventKind::kThreadStart:
      case EventKind::kThreadEnd:
      case EventKind::kSpawn:
      case EventKind::kJoin:
        return Class::kBarrier;
      case EventKind::kChoose:
      case EventKind::kNote:
        return Class::kNone;
      case EventKind::kInit:
        return Class::kStore;
      case EventKind::kRead:
      case EventKind::kWrite:
        break;
    }
    if (e.rmw || g.Location(e.location).mutex) return Class::kBarrier;
    if (e.IsRead()) {
      // A compare-exchange that failed is a read alone in the graph, but LOCK CMPXCHG all the
      // same.
      const std::string_view op(e.op);
      return op.starts_with("compare_exchange") ? Class::kBarrier : Class::kLoad;
    }
    return e.atomic && e.order == seq_cst ? Class::kBarrier : Class::kStore;
  }

  template <class F>
  static void ForEachPpoSuccessor(const ExecutionGraph& g, uint32_t v, F&& f) {
    const Class from = ClassOf(g, v);
    if (from == Class::kNone) return;
    bool want_load = from != Class::kStore;
    bool want_store = true;
    const auto& po = g.ThreadEvents(g[v].thread);
    for (size_t i = g[v].index + 1; i < po.size(); ++i) {
      const Class c = ClassOf(g, po[i]);
      if (c == Class::kBarrier) {  // what follows it is reached through it
        f(po[i], "po");
        return;
      }
      if ((c == Class::kLoad && want_load) || (c == Class::kStore && want_store)) {
        f(po[i], "po");
        (c == Class::kLoad ? want_load : want_store) = false;
      }
    }
  }
};

}  // namespace

std::unique_ptr<MemoryModel> MakeTsoModel() { return std::make_unique<TsoModel>(); }

}  // namespace mc::internal
