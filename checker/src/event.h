// An event of an execution graph, and the small vocabulary around it.
#pragma once

#include <cstdint>
#include <limits>
#include <source_location>

#include "mc/memory_order.h"

namespace mc::internal {

inline constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

enum class EventKind : uint8_t {
  kInit,         // construction of a shared object: its first write, mo-first
  kRead,         // load, plain read, the read of an RMW, a compare-exchange's read
  kWrite,        // store, plain write, the write of an RMW
  kFence,        // atomic_thread_fence
  kThreadStart,  // first event of a thread; synchronises with its spawn
  kThreadEnd,    // last event of a thread; synchronises with its join
  kSpawn,        // creates a thread
  kJoin,         // waits for a thread's end
  kChoose,       // mc::choose: a nondeterministic value
  kNote,         // mc::note: a line the trace should show; no effect on memory
};

const char* EventKindName(EventKind kind);

struct Event {
  EventKind kind = EventKind::kFence;
  uint32_t thread = 0;
  uint32_t index = 0;  // position in its thread (program order)
  uint32_t location = kNone;
  memory_order order = relaxed;
  bool atomic = false;    // an access to an atomic location (plain mc::var accesses are not)
  bool rmw = false;       // the read or the write half of a read-modify-write
  uint64_t value = 0;     // read: value read; write/init: value written; choose: value chosen
  uint32_t rf = kNone;    // read: the write it reads from
  uint32_t sync = kNone;  // start: the spawn; join: the joined thread's end
  uint32_t other_thread = kNone;  // spawn/join: the thread spawned or joined
  const char* op = "";
  std::source_location where;
  uint64_t canonical = 0;  // identity independent of the order events were added in

  bool IsRead() const { return kind == EventKind::kRead; }
  bool IsWrite() const { return kind == EventKind::kWrite || kind == EventKind::kInit; }
  bool IsAccess() const { return IsRead() || IsWrite(); }
  bool IsFence() const { return kind == EventKind::kFence; }
};

inline bool IsAcquire(memory_order o) {
  return o == acquire || o == consume || o == acq_rel || o == seq_cst;
}
inline bool IsRelease(memory_order o) { return o == release || o == acq_rel || o == seq_cst; }

// A 64-bit mixer (splitmix64's finaliser): the building block of canonical hashes.
inline uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
inline uint64_t Combine(uint64_t seed, uint64_t value) { return Mix(seed ^ Mix(value)); }

struct Hash128 {
  uint64_t lo = 0;
  uint64_t hi = 0;
  friend bool operator==(const Hash128&, const Hash128&) = default;
};

}  // namespace mc::internal
