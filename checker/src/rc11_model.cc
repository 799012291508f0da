// RC11 (Lahav, Vafeiadis, Kang, Hur, Dreyer: "Repairing Sequential Consistency in C/C++11",
// PLDI 2017) as herd7's rc11.cat encodes it:
//
//   coherence:     irreflexive(hb ; eco?)
//   atomicity:     rmw ∩ (fr ; mo) = ∅
//   sc:            acyclic(psc)   psc = psc_base ∪ psc_f
//     psc_base = ([E_sc] ∪ [F_sc];hb?) ; scb ; ([E_sc] ∪ hb?;[F_sc])
//     psc_f    = [F_sc] ; (hb ∪ hb;eco;hb) ; [F_sc]
//     scb      = po ∪ po|≠loc;hb;po|≠loc ∪ hb|loc ∪ mo ∪ fr
//   no-thin-air:   acyclic(po ∪ rf)   (holds by construction: see execution_graph.h)
//
// Coherence and atomicity are checked for the pairs the new events take part in; psc, whose
// edges between old events can change when a write is inserted in mo, is recomputed whenever the
// graph has a seq_cst event.
#include <memory>
#include <vector>

#include "acyclic.h"
#include "bitset.h"
#include "memory_model.h"

namespace mc::internal {
namespace {

class Rc11Model final : public MemoryModel {
 public:
  Model kind() const override { return Model::kRC11; }
  bool AtomicsAreSeqCst() const override { return false; }

  bool IsConsistent(const ExecutionGraph& g, uint32_t first_new) const override {
    for (uint32_t id = first_new; id < g.size(); ++id) {
      if (g[id].IsWrite() && !RmwAtomicityHolds(g, g[id].location)) return false;
    }
    if (!CoherenceHolds(g, first_new)) return false;
    if (g.seq_cst_events() == 0) return true;
    return PscAcyclic(g);
  }

 private:
  static bool SameLocation(const ExecutionGraph& g, uint32_t a, uint32_t b) {
    return g[a].IsAccess() && g[b].IsAccess() && g[a].location == g[b].location;
  }

  static bool IsSc(const Event& e) {
    if (e.IsFence()) return e.order == seq_cst;
    return e.IsAccess() && e.atomic && e.kind != EventKind::kInit && e.order == seq_cst;
  }

  static bool PscAcyclic(const ExecutionGraph& g) {
    const uint32_t n = g.size();
    BitMatrix hb(n), po(n), po_neq_loc(n), mo(n), fr(n), rf(n);
    for (uint32_t b = 0; b < n; ++b) {
      g.HbPred(b).ForEach([&](uint32_t a) { hb.Set(a, b); });
    }
    for (uint32_t t = 0; t < g.thread_count(); ++t) {
      const auto& events = g.ThreadEvents(t);
      for (size_t i = 0; i < events.size(); ++i) {
        for (size_t j = i + 1; j < events.size(); ++j) {
          po.Set(events[i], events[j]);
          if (!SameLocation(g, events[i], events[j])) po_neq_loc.Set(events[i], events[j]);
        }
      }
    }
    for (uint32_t loc = 0; loc < g.location_count(); ++loc) {
      const auto& order = g.Mo(loc);
      for (size_t i = 0; i < order.size(); ++i) {
        for (size_t j = i + 1; j < order.size(); ++j) mo.Set(order[i], order[j]);
      }
      for (uint32_t r : g.LocationEvents(loc)) {
        if (!g[r].IsRead()) continue;
        rf.Set(g[r].rf, r);
        for (size_t j = g.MoPosition(g[r].rf) + 1; j < order.size(); ++j) fr.Set(r, order[j]);
      }
    }
    // scb = po ∪ po|≠loc;hb;po|≠loc ∪ hb|loc ∪ mo ∪ fr
    BitMatrix scb = po_neq_loc.Compose(hb).Compose(po_neq_loc);
    scb |= po;
    scb |= mo;
    scb |= fr;
    for (uint32_t a = 0; a < n; ++a) {
      hb.Row(a).ForEach([&](uint32_t b) {
        if (SameLocation(g, a, b)) scb.Set(a, b);
      });
    }
    // eco = rf ∪ mo ∪ fr ∪ mo;rf ∪ fr;rf
    BitMatrix eco = mo.Compose(rf);
    eco |= fr.Compose(rf);
    eco |= rf;
    eco |= mo;
    eco |= fr;

    std::vector<uint32_t> sc;
    for (uint32_t e = 0; e < n; ++e) {
      if (IsSc(g[e])) sc.push_back(e);
    }
    const auto m = static_cast<uint32_t>(sc.size());
    BitMatrix psc(m);
    for (uint32_t i = 0; i < m; ++i) {
      const uint32_t a = sc[i];
      // Left: a itself, and for an SC fence everything hb-after it.
      Bitset reach = scb.Row(a);
      if (g[a].IsFence()) hb.Row(a).ForEach([&](uint32_t x) { reach |= scb.Row(x); });
      // psc_f: hb ∪ hb;eco;hb from a fence.
      Bitset fence_reach;
      if (g[a].IsFence()) {
        fence_reach = hb.Row(a);
        Bitset eco_reach;
        hb.Row(a).ForEach([&](uint32_t x) { eco_reach |= eco.Row(x); });
        eco_reach.ForEach([&](uint32_t y) { fence_reach |= hb.Row(y); });
      }
      for (uint32_t j = 0; j < m; ++j) {
        const uint32_t b = sc[j];
        bool edge = reach.Test(b);
        // Right: b itself, and for an SC fence everything hb-before it.
        if (!edge && g[b].IsFence()) edge = reach.Intersects(g.HbPred(b));
        if (!edge && g[a].IsFence() && g[b].IsFence()) edge = fence_reach.Test(b);
        if (edge) psc.Set(i, j);
      }
    }
    return Acyclic(psc);
  }

  static bool Acyclic(const BitMatrix& rel) {
    return IsAcyclic(rel.size(), [&](uint32_t v, auto&& emit) { rel.Row(v).ForEach(emit); });
  }
};

}  // namespace

std::unique_ptr<MemoryModel> MakeRc11Model() { return std::make_unique<Rc11Model>(); }

}  // namespace mc::internal
