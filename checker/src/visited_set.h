// The set of graph hashes a bounded search (Strategy::kBounded) has seen: open addressing over
// 128-bit keys, 16 bytes a state. A 128-bit canonical hash makes a collision (which would
// silently skip a state) about as likely as a cosmic-ray bit flip: 2^-128 per pair. The
// exhaustive search needs no such set (explorer.h).
#pragma once

#include <cstdint>
#include <vector>

#include "event.h"

namespace mc::internal {

class VisitedSet {
 public:
  VisitedSet() = default;  // allocates on the first insert: an unused set costs nothing

  // Inserts `h`; returns false if it was already there.
  bool Insert(Hash128 h) {
    if (h.lo == 0 && h.hi == 0) h.lo = 1;  // (0, 0) marks an empty slot
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    return InsertInto(slots_, h);
  }
  size_t size() const { return size_; }
  size_t bytes() const { return slots_.size() * sizeof(Hash128); }

 private:
  bool InsertInto(std::vector<Hash128>& slots, Hash128 h) {
    const size_t mask = slots.size() - 1;
    for (size_t i = h.lo & mask;; i = (i + 1) & mask) {
      if (slots[i] == h) return false;
      if (slots[i].lo == 0 && slots[i].hi == 0) {
        slots[i] = h;
        ++size_;
        return true;
      }
    }
  }
  void Grow() {
    std::vector<Hash128> bigger(slots_.empty() ? 1024 : slots_.size() * 2);
    size_ = 0;
    for (const Hash128& h : slots_) {
      if (h.lo != 0 || h.hi != 0) InsertInto(bigger, h);
    }
    slots_.swap(bigger);
  }

  std::vector<Hash128> slots_;
  size_t size_ = 0;
};

}  // namespace mc::internal
