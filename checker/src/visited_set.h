// Sets of 128-bit state hashes: the states a bounded search (Strategy::kBounded) has seen, and
// the states of the stateful SC search (Strategy::kStatefulSC) with the sleep set each was
// explored under. Open addressing over 128-bit keys, 16 bytes a key (plus the value). A 128-bit
// hash makes a collision (which would silently skip a state) about as likely as a cosmic-ray bit
// flip: 2^-128 per pair. The exhaustive searches need no such set (canonical_search.h, optimal_search.h).
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "event.h"

namespace mc::internal {

template <class Value>
class StateMap {
 public:
  StateMap() = default;  // allocates on the first insert: an unused map costs nothing

  // Inserts `h` with `value` unless it is there; returns its value and whether it was new. The
  // pointer is valid until the next Insert.
  std::pair<Value*, bool> Insert(Hash128 h, Value value) {
    if (h.lo == 0 && h.hi == 0) h.lo = 1;  // (0, 0) marks an empty slot
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    return InsertInto(slots_, h, value);
  }
  size_t size() const { return size_; }
  size_t bytes() const { return slots_.size() * sizeof(Slot); }

 private:
  struct Slot {
    Hash128 key;
    [[no_unique_address]] Value value;
  };
  std::pair<Value*, bool> InsertInto(std::vector<Slot>& slots, Hash128 h, Value value) {
    const size_t mask = slots.size() - 1;
    for (size_t i = h.lo & mask;; i = (i + 1) & mask) {
      if (slots[i].key == h) return {&slots[i].value, false};
      if (slots[i].key.lo == 0 && slots[i].key.hi == 0) {
        slots[i] = Slot{h, value};
        ++size_;
        return {&slots[i].value, true};
      }
    }
  }
  void Grow() {
    std::vector<Slot> bigger(slots_.empty() ? 1024 : slots_.size() * 2);
    size_ = 0;
    for (const Slot& s : slots_) {
      if (s.key.lo != 0 || s.key.hi != 0) InsertInto(bigger, s.key, s.value);
    }
    slots_.swap(bigger);
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

class VisitedSet {
 public:
  // Inserts `h`; returns false if it was already there.
  bool Insert(Hash128 h) { return set_.Insert(h, {}).second; }
  size_t size() const { return set_.size(); }
  size_t bytes() const { return set_.bytes(); }

 private:
  struct Nothing {};
  StateMap<Nothing> set_;
};

}  // namespace mc::internal
