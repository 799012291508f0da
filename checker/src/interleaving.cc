// The interleaving mode of a run (interleaving.h): its consistency and its state key.
//
// In an SC interleaving the future of a run depends on:
//   - each thread's state, which its code computes from its own events: what it read, what it
//     was told; so the sequence of its events with their values stands for it;
//   - memory: the latest write to each location (the one every read takes from now on);
//   - what happens-before will relate: each thread's view (how much of every other thread
//     happens-before its last event) and, for a location whose latest write is atomic, the view a
//     read of it acquires. With the same events on both sides, these decide every race to come;
//   - the order of mc::observe calls so far (part of the outcome) and the waiters of each
//     condition variable (a notify picks among them in order).
// Two runs that agree on all of these have the same futures, event for event, however their
// pasts were interleaved. At the end of a run there is no future, and the key of an end state
// (a behaviour) leaves the views out: the threads' events with their values, the final memory,
// the observations. Code that asked the checker about the graph itself (positions,
// happens-before, spin-loop progress) may depend on more, so from then on the key includes the
// graph's own hash.
//
// Every part is named independently of the order events were added in: threads and locations by
// their canonical identities, values as written, except addresses (the heap differs from run to
// run): a pointer to an mc object is named by that object, any other pointer by the write that
// stored it (which stores the same thing in every run with the same past of its thread).
#include "interleaving.h"

#include <algorithm>
#include <functional>

namespace mc::internal {
namespace {

constexpr uint64_t kPointerToObject = 0x6f626a656374ULL;
constexpr uint64_t kPointerFromWrite = 0x77726974652070ULL;

}  // namespace

uint64_t Interleaving::CanonicalValue(const ExecutionGraph& g, uint32_t write) const {
  const Event& w = g[write];
  if (!g.Location(w.location).pointer || w.value == 0) return w.value;
  const auto object = objects_.find(w.value);
  if (object != objects_.end()) {
    return Combine(kPointerToObject, g.Location(object->second).canonical);
  }
  return Combine(kPointerFromWrite, w.canonical);
}

uint64_t Interleaving::EventTerm(const ExecutionGraph& g, uint32_t id) const {
  const Event& e = g[id];
  uint64_t h = Combine(static_cast<uint64_t>(e.kind), (e.rmw ? 1U : 0U) | (e.atomic ? 2U : 0U));
  if (e.location != kNone) h = Combine(h, g.Location(e.location).canonical);
  if (e.IsRead()) h = Combine(h, CanonicalValue(g, e.rf));
  if (e.IsWrite()) h = Combine(h, CanonicalValue(g, id));
  if (e.kind == EventKind::kChoose) h = Combine(h, e.value);
  if (e.other_thread != kNone) h = Combine(h, g.ThreadCanonical(e.other_thread));
  return h;
}

uint64_t Interleaving::ThreadHistory(const ExecutionGraph& g, uint32_t thread) const {
  if (histories_.size() <= thread) histories_.resize(thread + 1, {0, g.ThreadCanonical(thread)});
  auto& [done, hash] = histories_[thread];
  const std::vector<uint32_t>& events = g.ThreadEvents(thread);
  for (; done < events.size(); ++done) hash = Combine(hash, EventTerm(g, events[done]));
  return hash;
}

uint32_t Interleaving::ViewOf(const ExecutionGraph& g, const Bitset& view, uint32_t thread) {
  // Happens-before is closed under program order, so the view holds a prefix of the thread.
  const std::vector<uint32_t>& events = g.ThreadEvents(thread);
  const auto first_out = std::partition_point(events.begin(), events.end(),
                                              [&](uint32_t id) { return view.Test(id); });
  return static_cast<uint32_t>(first_out - events.begin());
}

uint64_t Interleaving::ViewTerm(const ExecutionGraph& g, const Bitset& view, uint32_t self) {
  uint64_t h = 0;
  for (uint32_t t = 0; t < g.thread_count(); ++t) {
    if (t != self) h += Mix(Combine(g.ThreadCanonical(t), ViewOf(g, view, t)));
  }
  return h;
}

Hash128 Interleaving::Key(const ExecutionGraph& g, const RunState& run, bool views) const {
  uint64_t sum = 0;   // of Mix(part): independent of the order of threads and locations
  uint64_t sum2 = 0;  // of a second mix of each part, for a 128-bit key
  const auto add = [&](uint64_t part) {
    sum += Mix(part);
    sum2 += Mix(part ^ 0x5bd1e9955bd1e995ULL);
  };
  for (uint32_t t = 0; t < g.thread_count(); ++t) {
    uint64_t h = ThreadHistory(g, t);
    const std::vector<uint32_t>& events = g.ThreadEvents(t);
    if (views && !events.empty()) h = Combine(h, ViewTerm(g, g.HbPred(events.back()), t));
    if (views && run.buffers != nullptr) h = Combine(h, TsoThreadViews(g, t));
    add(h);
  }
  for (uint32_t loc = 0; loc < g.location_count(); ++loc) {
    const std::vector<uint32_t>& mo = g.Mo(loc);
    if (mo.empty()) continue;
    if (run.buffers != nullptr) {
      add(TsoLocationTerm(g, *run.buffers, loc, views) ^ 0x6c6f636174696f6eULL);
      continue;
    }
    const uint32_t latest = mo.back();
    uint64_t h = Combine(g.Location(loc).canonical, CanonicalValue(g, latest));
    if (views && g[latest].atomic) {
      Bitset acquired = g.HbPred(latest);  // under SC every atomic write releases
      acquired.Set(latest);
      h = Combine(h, ViewTerm(g, acquired, kNone));
    }
    add(h ^ 0x6c6f636174696f6eULL);
  }
  uint64_t observed = 0x6f6273ULL;
  for (const auto& [name, value] : run.observed) {
    observed =
        Combine(Combine(observed, std::hash<std::string>{}(name)), static_cast<uint64_t>(value));
  }
  add(observed);
  for (const auto& [loc, cv] : run.condvars) {
    uint64_t h = Combine(0x6376ULL, g.Location(loc).canonical);
    for (uint32_t t : cv.waiting()) h = Combine(h, g.ThreadCanonical(t));
    h = Combine(h, 0x2f);
    for (uint32_t t : cv.notified()) h = Combine(h, g.ThreadCanonical(t));
    add(h);
  }
  if (run.held) {  // a finding the run went on past (a race is not in the histories)
    const uint64_t kind = run.held_kind == 0 ? uint64_t{0x68656c64} : uint64_t{0x68656c65};
    add(Combine(Combine(kind, run.held_a), run.held_b));
  }
  Hash128 key{Mix(sum), Mix(sum2)};
  if (run.graph_dependent) {
    key.lo = Combine(key.lo, g.hash().lo);
    key.hi = Combine(key.hi, g.hash().hi);
  }
  return key;
}

bool Interleaving::Extends(const ExecutionGraph& g, uint32_t first) {
  // The order events were added in is an SC total order when every read takes the latest write
  // and every write goes last: then po, rf, mo and fr all point forward in it. (A replay token
  // can ask for any choice; the search's own choices satisfy this by construction.)
  for (uint32_t id = first; id < g.size(); ++id) {
    const Event& e = g[id];
    if (e.location == kNone || !e.IsAccess()) continue;
    const std::vector<uint32_t>& mo = g.Mo(e.location);
    if (e.IsWrite() && g.MoPosition(id) + 1 != mo.size()) return false;
    if (e.IsRead()) {
      // Only this step's own write (an RMW's) may follow the source in mo.
      for (size_t p = g.MoPosition(e.rf) + 1; p < mo.size(); ++p) {
        if (mo[p] < first) return false;
      }
    }
  }
  return true;
}

}  // namespace mc::internal
