// The state key of a run of the x86-TSO machine (Strategy::kStatefulTSO; store_buffers.h), the
// parts that differ from an SC interleaving's (interleaving.cc).
//
// Beside each thread's events with their values, the future of the machine depends on:
//   - memory: the latest write in memory to each location (the last of mo's flushed prefix), which
//     every read without a buffered store of its own takes;
//   - the buffers: which stores are still buffered, and in which order each location's will
//     reach memory (their places in mo). A buffered store is named by its thread and its place
//     in that thread's program order; its value is in its thread's events;
//   - what happens-before will relate. Races are judged by C++'s happens-before, in which only
//     release stores and fences release and only acquire reads and fences acquire, so beside
//     each thread's view (interleaving.cc) the key holds what a read of each write that can
//     still be read (memory's latest, each buffered one) would acquire, and per thread what its
//     later relaxed stores will release (its latest release fence's view, its latest release
//     store's to each location: ExecutionGraph::AddReleaseHeads) and what an acquire fence
//     would take from the reads it has done.
#include "interleaving.h"

namespace mc::internal {

Bitset Interleaving::Acquirable(const ExecutionGraph& g, uint32_t write) {
  Bitset heads;
  Bitset out;
  g.AddReleaseHeads(write, heads);
  heads.ForEach([&](uint32_t h) {
    out |= g.HbPred(h);
    out.Set(h);
  });
  return out;
}

uint64_t Interleaving::TsoLocationTerm(const ExecutionGraph& g, const StoreBuffers& b,
                                       uint32_t location, bool views) const {
  const std::vector<uint32_t>& mo = g.Mo(location);
  const uint32_t memory = b.Flushed(location);
  const uint32_t latest = mo[memory - 1];
  uint64_t h = Combine(g.Location(location).canonical, CanonicalValue(g, latest));
  if (views && g[latest].atomic) h = Combine(h, ViewTerm(g, Acquirable(g, latest), kNone));
  for (size_t p = memory; p < mo.size(); ++p) {  // the buffered stores, in their flush order
    const Event& w = g[mo[p]];
    h = Combine(Combine(h, g.ThreadCanonical(w.thread)), w.index);
    if (views && w.atomic) h = Combine(h, ViewTerm(g, Acquirable(g, mo[p]), kNone));
  }
  return h;
}

uint64_t Interleaving::TsoThreadViews(const ExecutionGraph& g, uint32_t thread) const {
  if (release_views_.size() <= thread) release_views_.resize(thread + 1);
  ReleaseViews& r = release_views_[thread];
  const std::vector<uint32_t>& events = g.ThreadEvents(thread);
  for (; r.done < events.size(); ++r.done) {
    const uint32_t id = events[r.done];
    const Event& e = g[id];
    Bitset seen = g.HbPred(id);
    seen.Set(id);
    if (e.IsFence() && IsRelease(e.order)) r.fence = seen;
    if (e.kind == EventKind::kWrite && e.atomic && IsRelease(e.order)) r.stores[e.location] = seen;
    if (e.IsRead() && e.atomic) r.reads |= Acquirable(g, e.rf);
  }
  uint64_t stores = 0;  // a sum: independent of the order locations were created in
  for (const auto& [loc, view] : r.stores) {
    stores += Mix(Combine(g.Location(loc).canonical, ViewTerm(g, view, kNone)));
  }
  return Combine(Combine(Combine(0x72656c56ULL, ViewTerm(g, r.fence, kNone)), stores),
                 ViewTerm(g, r.reads, kNone));
}

}  // namespace mc::internal
