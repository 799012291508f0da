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
#include "flat_matrix.h"
#include "memory_model.h"

namespace mc::internal {
namespace {

class Rc11Model final : public MemoryModel {
 public:
  Model kind() const override { return Model::kRC11; }
  bool AtomicsAreSeqCst() const override { return false; }

  bool IsOrdered(const ExecutionGraph& g, uint32_t first_new) const override {
    if (!CoherenceHolds(g, first_new)) return false;
    if (g.seq_cst_events() == 0) return true;
    // New events that are not seq_cst can only add psc edges through an SC fence
    // happens-before them (they have no successors yet, and every other psc path through them
    // needs one); without SC fences, psc is unchanged and was acyclic.
    bool affects_psc = g.seq_cst_fences() > 0;
    for (uint32_t id = first_new; id < g.size() && !affects_psc; ++id) {
      affects_psc = g.IsSeqCst(id);
    }
    return !affects_psc || PscAcyclic(g);
  }

 private:
  static bool SameLocation(const ExecutionGraph& g, uint32_t a, uint32_t b) {
    return g[a].IsAccess() && g[b].IsAccess() && g[a].location == g[b].location;
  }

  static bool IsSc(const Event& e) {
    if (e.IsFence()) return e.order == seq_cst;
    return e.IsAccess() && e.atomic && e.kind != EventKind::kInit && e.order == seq_cst;
  }

  // psc over the SC events. Relations are rows of successors in reused flat buffers; scb rows
  // are only computed for events that can start a psc_base edge.
  bool PscAcyclic(const ExecutionGraph& g) const {
    const uint32_t n = g.size();
    hb_.Reset(n);
    po_neq_loc_.Reset(n);
    eco_.Reset(n);
    for (uint32_t b = 0; b < n; ++b) {
      g.HbPred(b).ForEach([&](uint32_t a) { hb_.Set(a, b); });
    }
    for (uint32_t t = 0; t < g.thread_count(); ++t) {
      const auto& events = g.ThreadEvents(t);
      for (size_t i = 0; i < events.size(); ++i) {
        for (size_t j = i + 1; j < events.size(); ++j) {
          if (!SameLocation(g, events[i], events[j])) po_neq_loc_.Set(events[i], events[j]);
        }
      }
    }
    // eco = rf ∪ mo ∪ fr ∪ mo;rf ∪ fr;rf: from a write, every later write and every read of it or
    // of a later write; from a read, the same from the first write after its source.
    for (uint32_t loc = 0; loc < g.location_count(); ++loc) {
      if (g.GoPlain(loc)) continue;  // no coherence order to speak of
      const auto& order = g.Mo(loc);
      for (uint32_t e : g.LocationEvents(loc)) {
        const Event& ev = g[e];
        if (ev.IsWrite() && g.MoPosition(e) == kNone) continue;
        const uint32_t from = ev.IsRead() ? g.MoPosition(ev.rf) + 1 : g.MoPosition(e);
        for (uint32_t r : g.LocationEvents(loc)) {
          const Event& er = g[r];
          if (er.IsRead() && g.MoPosition(er.rf) >= from && r != e) eco_.Set(e, r);
        }
        for (size_t j = from + (ev.IsRead() ? 0 : 1); j < order.size(); ++j) eco_.Set(e, order[j]);
      }
    }
    sc_.clear();
    for (uint32_t e = 0; e < n; ++e) {
      if (IsSc(g[e])) sc_.push_back(e);
    }
    const auto m = static_cast<uint32_t>(sc_.size());
    const uint32_t words = hb_.words();
    std::vector<uint64_t>& reach = scratch_a_;
    std::vector<uint64_t>& tmp = scratch_b_;
    psc_.Reset(m);
    for (uint32_t i = 0; i < m; ++i) {
      const uint32_t a = sc_[i];
      // reach = scb row of a, and of everything hb-after a when a is an SC fence.
      reach.assign(words, 0);
      AddScbRow(g, a, reach);
      if (g[a].IsFence()) hb_.ForEachInRow(a, [&](uint32_t x) { AddScbRow(g, x, reach); });
      // psc_f: from an SC fence, hb ∪ hb;eco;hb.
      tmp.assign(words, 0);
      if (g[a].IsFence()) {
        hb_.OrInto(tmp.data(), a);
        std::vector<uint64_t> eco_reach(words, 0);
        hb_.ForEachInRow(a, [&](uint32_t x) { eco_.OrInto(eco_reach.data(), x); });
        FlatMatrix::ForEachBit(eco_reach.data(), words,
                               [&](uint32_t y) { hb_.OrInto(tmp.data(), y); });
      }
      for (uint32_t j = 0; j < m; ++j) {
        const uint32_t b = sc_[j];
        bool edge = Has(reach, b);
        if (!edge && g[b].IsFence()) edge = g.HbPred(b).IntersectsWords(reach.data(), words);
        if (!edge && g[a].IsFence() && g[b].IsFence()) edge = Has(tmp, b);
        if (edge) psc_.Set(i, j);
      }
    }
    return IsAcyclic(m, [&](uint32_t v, auto&& emit) { psc_.ForEachInRow(v, emit); });
  }

  static bool Has(const std::vector<uint64_t>& row, uint32_t b) {
    return ((row[b / 64] >> (b % 64)) & 1U) != 0;
  }

  // row |= scb(x, _) = po ∪ po|≠loc;hb;po|≠loc ∪ hb|loc ∪ mo ∪ fr
  void AddScbRow(const ExecutionGraph& g, uint32_t x, std::vector<uint64_t>& row) const {
    const Event& e = g[x];
    const auto& po = g.ThreadEvents(e.thread);
    for (size_t i = e.index + 1; i < po.size(); ++i) row[po[i] / 64] |= uint64_t{1} << (po[i] % 64);
    std::vector<uint64_t>& mid = scratch_c_;
    mid.assign(hb_.words(), 0);
    po_neq_loc_.ForEachInRow(x, [&](uint32_t x2) { hb_.OrInto(mid.data(), x2); });
    FlatMatrix::ForEachBit(mid.data(), hb_.words(),
                           [&](uint32_t y2) { po_neq_loc_.OrInto(row.data(), y2); });
    if (e.IsAccess() && !g.GoPlain(e.location)) {
      hb_.ForEachInRow(x, [&](uint32_t y) {
        if (SameLocation(g, x, y)) row[y / 64] |= uint64_t{1} << (y % 64);
      });
      const auto& order = g.Mo(e.location);
      if (e.IsWrite() && g.MoPosition(x) != kNone) {
        for (size_t j = g.MoPosition(x) + 1; j < order.size(); ++j) {
          row[order[j] / 64] |= uint64_t{1} << (order[j] % 64);
        }
      } else if (e.IsRead()) {
        for (size_t j = g.MoPosition(e.rf) + 1; j < order.size(); ++j) {
          row[order[j] / 64] |= uint64_t{1} << (order[j] % 64);
        }
      }
    }
  }

  mutable FlatMatrix hb_, po_neq_loc_, eco_, psc_;
  mutable std::vector<uint32_t> sc_;
  mutable std::vector<uint64_t> scratch_a_, scratch_b_, scratch_c_;
};

}  // namespace

std::unique_ptr<MemoryModel> MakeRc11Model() { return std::make_unique<Rc11Model>(); }

}  // namespace mc::internal
