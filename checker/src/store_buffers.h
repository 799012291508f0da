// x86-TSO's store buffers: the state the stateful TSO search (Strategy::kStatefulTSO) keeps
// beside the graph of its run (Execution's interleaving mode under Model::kTSO).
//
// The operational x86-TSO machine (Owens, Sarkar, Sewell: "A Better x86 Memory Model: x86-TSO",
// TPHOLs 2009): a thread's stores wait in its FIFO buffer; a load takes the thread's own latest
// buffered store to its location, or else memory's value; the oldest buffered store of a thread
// reaches memory at a step of its own (a flush); a locked instruction or an mfence waits until
// its thread's buffer has drained.
//
// In the graph a store is added when its thread executes it, and its place in mo is chosen then,
// among the writes to its location not yet in memory: the place its flush will take. Memory is
// then a prefix of each location's mo (the writes flushed), a flush is allowed only to the
// oldest store of a buffer that is also the first write past that prefix, and each run of the
// machine is taken by exactly one sequence of choices. A choice that no order of flushes could
// honour closes a cycle of ppo (store to store) and mo, which the x86-TSO axioms reject at once,
// so no run is left stuck with stores it cannot flush.
//
// Init events are in memory from the start: no other thread can reach an object before its
// address is published, by a store that flushes after them.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "execution_graph.h"

namespace mc::internal {

class StoreBuffers {
 public:
  bool Empty(uint32_t thread) const {
    return thread >= pending_.size() || pending_[thread].empty();
  }
  bool AllEmpty() const {
    for (const auto& p : pending_) {
      if (!p.empty()) return false;
    }
    return true;
  }
  // `thread`'s buffered stores, oldest first (event ids).
  const std::deque<uint32_t>& Pending(uint32_t thread) const {
    static const std::deque<uint32_t> kEmpty;
    return thread < pending_.size() ? pending_[thread] : kEmpty;
  }
  // How many of `location`'s writes, a prefix of its mo, are in memory.
  uint32_t Flushed(uint32_t location) const {
    return location < flushed_.size() ? flushed_[location] : 1;  // the init
  }
  // The oldest store of `thread`'s buffer when memory takes it next, else kNone.
  uint32_t Flushable(const ExecutionGraph& g, uint32_t thread) const {
    if (Empty(thread)) return kNone;
    const uint32_t w = pending_[thread].front();
    const std::vector<uint32_t>& mo = g.Mo(g[w].location);
    const uint32_t f = Flushed(g[w].location);
    return f < mo.size() && mo[f] == w ? w : kNone;
  }
  // The latest store of `thread` to `location` still in its buffer, else kNone.
  uint32_t LatestPending(const ExecutionGraph& g, uint32_t thread, uint32_t location) const {
    if (Empty(thread)) return kNone;
    for (auto it = pending_[thread].rbegin(); it != pending_[thread].rend(); ++it) {
      if (g[*it].location == location) return *it;
    }
    return kNone;
  }

  // `write`, just added, waits in its thread's buffer.
  void Buffer(uint32_t thread, uint32_t write) {
    if (pending_.size() <= thread) pending_.resize(thread + 1);
    pending_[thread].push_back(write);
  }
  // The oldest store of `thread`'s buffer reaches memory (Flushable was it).
  void Flush(const ExecutionGraph& g, uint32_t thread) {
    const uint32_t w = pending_[thread].front();
    pending_[thread].pop_front();
    ++FlushedRef(g[w].location);
  }
  // A locked write, added just past memory's prefix, is in memory at once.
  void Locked(uint32_t location) { ++FlushedRef(location); }

 private:
  uint32_t& FlushedRef(uint32_t location) {
    if (flushed_.size() <= location) flushed_.resize(location + 1, 1);
    return flushed_[location];
  }

  std::vector<std::deque<uint32_t>> pending_;  // per thread
  std::vector<uint32_t> flushed_;              // per location; 1 (the init) when not listed
};

}  // namespace mc::internal
