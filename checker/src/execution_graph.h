// The execution graph: events per thread in program order, reads-from for every read, a
// modification order per location, and happens-before. It is built one event at a time in an
// order compatible with po ∪ rf (a read is only ever added after the write it reads from), which
// makes po ∪ rf acyclic by construction and lets happens-before be computed once per event.
//
// The graph also keeps a canonical hash: a sum of per-event terms that name events by
// (thread identity, index) rather than by the order they were added in, so two paths that build
// the same graph get the same hash. That hash is the explorer's notion of a state.
#pragma once

#include <cstdint>
#include <source_location>
#include <string>
#include <vector>

#include "bitset.h"
#include "event.h"

namespace mc::internal {

struct LocationInfo {
  bool atomic = false;
  bool mutex = false;
  bool pointer = false;  // holds addresses: values are not part of the canonical hash
  uint32_t init_event = kNone;
  uint64_t canonical = 0;
  const char* name = nullptr;  // given by the test (mc::var's named constructor), or null
  uintptr_t address = 0;       // the mc object's address, for counterexamples to name pointers
};

class ExecutionGraph {
 public:
  // All-atomics-synchronise mode: under SC every atomic access is seq_cst, so every atomic
  // reads-from edge is a synchronisation edge.
  // Go-plain mode: plain (non-atomic) locations follow Go's rule for racy word reads instead of
  // per-location coherence (PlainRaces::kContinueGo; plain_races.h).
  ExecutionGraph(bool atomics_are_seq_cst, bool go_plain)
      : sc_atomics_(atomics_are_seq_cst), go_plain_(go_plain) {}
  // Empties the graph for another run, keeping every buffer: a search that re-runs the test
  // builds each graph in the storage of the one before, without allocating once warm.
  void Clear(bool atomics_are_seq_cst, bool go_plain);
  // Cuts the graph back to its first `events` events, `threads` threads and `locations`
  // locations: the graph as it was when it had that many (events are only ever appended).
  void TruncateTo(uint32_t events, uint32_t threads, uint32_t locations);

  uint32_t size() const { return static_cast<uint32_t>(events_.size()); }
  const Event& operator[](uint32_t id) const { return events_[id]; }

  uint32_t AddThread(uint64_t canonical);
  uint32_t thread_count() const { return thread_count_; }
  const std::vector<uint32_t>& ThreadEvents(uint32_t thread) const {
    return threads_[thread].events;
  }
  uint64_t ThreadCanonical(uint32_t thread) const { return threads_[thread].canonical; }

  uint32_t AddLocation(bool atomic, bool mutex = false, bool pointer = false);
  uint32_t location_count() const { return location_count_; }
  const LocationInfo& Location(uint32_t loc) const { return locations_[loc]; }
  // How traces and messages name a location: "var hmap.flags" when the test named it, else
  // "atomic@file.cc:12" by where it was constructed, with "#k" for the k-th (k >= 2) object
  // constructed on that same line in this execution.
  std::string LocationLabel(uint32_t loc) const;
  void SetLocationName(uint32_t loc, const char* name) { locations_[loc].name = name; }
  void SetLocationAddress(uint32_t loc, uintptr_t address) { locations_[loc].address = address; }
  const std::vector<uint32_t>& LocationEvents(uint32_t loc) const { return loc_events_[loc]; }
  const std::vector<uint32_t>& Mo(uint32_t loc) const { return mo_[loc]; }
  uint32_t MoPosition(uint32_t write) const { return mo_pos_[write]; }

  // Appends `e` to its thread (setting index and canonical identity) and computes its
  // happens-before predecessors. A read must have its rf set; a write is not in mo until
  // InsertMo. An init event is placed mo-first at once.
  uint32_t Append(Event e);
  // Sets the value of an event on a pointer location (whose values are not part of the hash):
  // a restored graph takes the addresses of the run that redoes it.
  void SetPointerValue(uint32_t id, uint64_t value);
  // Removes the last event (which must not be in mo).
  void PopBack();
  // Places `write` at `position` of its location's modification order (1 = just after init).
  void InsertMo(uint32_t write, uint32_t position);
  void RemoveMo(uint32_t write);

  // Events that happen before `id` (strictly).
  const Bitset& HbPred(uint32_t id) const { return hb_pred_[id]; }
  // The events whose release a read of `write` acquires (the heads of its release sequence).
  void AddReleaseHeads(uint32_t write, Bitset& into) const;
  bool Hb(uint32_t a, uint32_t b) const { return hb_pred_[b].Test(a); }
  bool sc_atomics() const { return sc_atomics_; }
  bool go_plain() const { return go_plain_; }
  // Whether `location` is plain memory under Go's semantics.
  bool GoPlain(uint32_t location) const { return go_plain_ && !locations_[location].atomic; }
  uint32_t seq_cst_events() const { return seq_cst_events_; }
  uint32_t seq_cst_fences() const { return seq_cst_fences_; }
  bool IsSeqCst(uint32_t id) const { return IsSeqCst(events_[id]); }

  Hash128 hash() const { return hash_; }

 private:
  struct ThreadInfo {
    uint64_t canonical = 0;
    std::vector<uint32_t> events;
  };

  Bitset ComputeHbPred(uint32_t id) const;
  Hash128 Term(uint32_t id) const;
  void AddTerm(uint32_t id);
  void SubTerm(uint32_t id);
  bool IsSeqCst(const Event& e) const;

  bool sc_atomics_;
  bool go_plain_;
  std::vector<Event> events_;
  std::vector<Bitset> hb_pred_;
  std::vector<uint32_t> mo_pos_;  // per event; kNone when not a write in mo
  // Per thread and per location; entries from thread_count_ and location_count_ on are spare
  // storage kept from an earlier run (Clear).
  std::vector<ThreadInfo> threads_;
  std::vector<LocationInfo> locations_;
  std::vector<std::vector<uint32_t>> loc_events_;
  std::vector<std::vector<uint32_t>> mo_;
  uint32_t thread_count_ = 0;
  uint32_t location_count_ = 0;
  uint32_t seq_cst_events_ = 0;
  uint32_t seq_cst_fences_ = 0;
  Hash128 hash_;
};

}  // namespace mc::internal
