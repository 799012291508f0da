#include "memory_model.h"

#include "invariant.h"

namespace mc::internal {

std::unique_ptr<MemoryModel> MakeMemoryModel(Model model) {
  std::unique_ptr<MemoryModel> made = InfoOf(model).make();
  MC_INVARIANT(made != nullptr && made->kind() == model, "a model's factory builds another model");
  return made;
}

bool RmwAtomicityHolds(const ExecutionGraph& g, uint32_t location) {
  if (g.GoPlain(location)) return true;  // Go-plain writes have no meaningful mo
  const auto& mo = g.Mo(location);
  for (uint32_t pos = 0; pos < mo.size(); ++pos) {
    const Event& w = g[mo[pos]];
    if (!w.rmw) continue;
    const Event& r = g[g.ThreadEvents(w.thread)[w.index - 1]];
    if (pos == 0 || mo[pos - 1] != r.rf) return false;
  }
  return true;
}

namespace {

// The write a same-location event "stands at" in mo: a write itself, a read its rf source.
uint32_t CoherencePoint(const ExecutionGraph& g, uint32_t id) {
  const Event& e = g[id];
  return e.IsRead() ? g.MoPosition(e.rf) : g.MoPosition(id);
}

}  // namespace

// For a hb b at one location, irreflexive(hb;eco?) requires (CoWW, CoWR, CoRW, CoRR):
//   W a, W b: mo(a) < mo(b)          W a, R b: mo(a) <= mo(rf(b))
//   R a, W b: mo(rf(a)) < mo(b)      R a, R b: mo(rf(a)) <= mo(rf(b))
bool CoherenceHolds(const ExecutionGraph& g, uint32_t first_new) {
  for (uint32_t b = first_new; b < g.size(); ++b) {
    const Event& eb = g[b];
    if (!eb.IsAccess()) continue;
    if (g.GoPlain(eb.location)) continue;  // no coherence order: plain_races.h
    if (eb.IsWrite() && g.MoPosition(b) == kNone) continue;  // not placed yet
    const uint32_t pb = CoherencePoint(g, b);
    for (uint32_t a : g.LocationEvents(eb.location)) {
      if (a == b) continue;
      const Event& ea = g[a];
      if (ea.IsWrite() && g.MoPosition(a) == kNone) continue;
      const uint32_t pa = CoherencePoint(g, a);
      if (g.Hb(a, b)) {
        const bool strict = eb.IsWrite();
        if (strict ? !(pa < pb) : !(pa <= pb)) return false;
      } else if (g.Hb(b, a)) {
        const bool strict = ea.IsWrite();
        if (strict ? !(pb < pa) : !(pb <= pa)) return false;
      }
    }
  }
  return true;
}

}  // namespace mc::internal
