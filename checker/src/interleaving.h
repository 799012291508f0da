// The interleaving mode of a run, taken by the stateful SC search (Strategy::kStatefulSC): every
// step is one event of an SC interleaving. A write is a decision like a read (appended last in
// mo), a read takes the latest write, so the order events are added in is the SC order; and the
// state after each step is summed up by a key (interleaving.cc says what it holds and why).
//
// Execution holds one of these when its run is an interleaving (Execution's constructor) and asks
// it in place of the memory model whether a step is consistent; the search asks for the keys.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "bitset.h"
#include "condvar_state.h"
#include "event.h"
#include "execution_graph.h"
#include "store_buffers.h"

namespace mc::internal {

class Interleaving {
 public:
  // What the key needs beside the graph: the run's observations, condition variables, a finding
  // it went on past (kind, a, b), and whether its code asked about the graph itself.
  struct RunState {
    const std::vector<std::pair<std::string, int64_t>>& observed;
    const std::map<uint32_t, CondvarState>& condvars;
    bool held = false;
    int held_kind = 0;
    uint64_t held_a = 0, held_b = 0;
    bool graph_dependent = false;
    const StoreBuffers* buffers = nullptr;  // the x86-TSO machine's (Strategy::kStatefulTSO)
  };

  // The mc object at `address` is `location`: a pointer to it is named by it in keys (the heap
  // differs from run to run, the object's canonical identity does not).
  void NameObject(uintptr_t address, uint32_t location) { objects_[address] = location; }

  // Whether the events from `first` on extend the interleaving: each read takes the latest
  // write, each write goes last.
  static bool Extends(const ExecutionGraph& g, uint32_t first);

  // What decides everything that can still happen: two states with equal keys have the same
  // futures (the same further events with the same values, the same races, the same outcomes).
  Hash128 StateKey(const ExecutionGraph& g, const RunState& run) const { return Key(g, run, true); }
  // At the end of a run: what tells one behaviour from another (the state key without the
  // happens-before views, which only decide what is still to come).
  Hash128 EndKey(const ExecutionGraph& g, const RunState& run) const { return Key(g, run, false); }

 private:
  Hash128 Key(const ExecutionGraph& g, const RunState& run, bool views) const;
  uint64_t CanonicalValue(const ExecutionGraph& g, uint32_t write) const;
  uint64_t EventTerm(const ExecutionGraph& g, uint32_t id) const;
  uint64_t ThreadHistory(const ExecutionGraph& g, uint32_t thread) const;
  // How much of `thread`'s program order `view` (happens-before predecessors) holds.
  static uint32_t ViewOf(const ExecutionGraph& g, const Bitset& view, uint32_t thread);
  static uint64_t ViewTerm(const ExecutionGraph& g, const Bitset& view, uint32_t self);
  // The TSO machine (interleaving_tso.cc): what a read of `write` acquires (its release heads
  // and all before them); the key's parts for memory and the buffers, and for what the threads'
  // future stores and acquire fences will release and acquire.
  static Bitset Acquirable(const ExecutionGraph& g, uint32_t write);
  uint64_t TsoLocationTerm(const ExecutionGraph& g, const StoreBuffers& b, uint32_t location,
                           bool views) const;
  uint64_t TsoThreadViews(const ExecutionGraph& g, uint32_t thread) const;

  // The address of each mc object -> its location (the arena frees nothing during a run, so an
  // address names one object).
  std::map<uintptr_t, uint32_t> objects_;
  // Per thread, the hash of its first n events (they never change once added).
  mutable std::vector<std::pair<uint32_t, uint64_t>> histories_;
  // Per thread, under C++'s happens-before (which the TSO machine's races are judged by): what
  // its latest release fence and its latest release store to each location saw (the heads its
  // later relaxed stores will carry), and what its atomic reads' sources released (what an
  // acquire fence will take); over its first `done` events.
  struct ReleaseViews {
    uint32_t done = 0;
    Bitset fence;
    std::map<uint32_t, Bitset> stores;
    Bitset reads;
  };
  mutable std::vector<ReleaseViews> release_views_;
};

}  // namespace mc::internal
