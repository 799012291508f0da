// A growable bitset: the happens-before predecessors of an event. The first 256 bits live inline,
// so a graph of up to 256 events computes and stores happens-before without allocating (every
// event has one; allocating each was a fifth of the allocations of a run).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mc::internal {

class Bitset {
 public:
  Bitset() = default;
  explicit Bitset(uint32_t bits) { Grow((bits + 63) / 64); }

  void Resize(uint32_t bits) {
    const uint32_t words = (bits + 63) / 64;
    if (words > words_) {
      Grow(words);
      return;
    }
    for (uint32_t w = words; w < std::min(words_, kInline); ++w) inline_[w] = 0;
    more_.resize(words > kInline ? words - kInline : 0);
    words_ = words;
  }
  bool Test(uint32_t i) const {
    const uint32_t w = i / 64;
    return w < words_ && ((Word(w) >> (i % 64)) & 1U) != 0;
  }
  void Set(uint32_t i) {
    if (i / 64 >= words_) Grow(i / 64 + 1);
    WordRef(i / 64) |= uint64_t{1} << (i % 64);
  }
  void Reset(uint32_t i) {
    if (i / 64 < words_) WordRef(i / 64) &= ~(uint64_t{1} << (i % 64));
  }
  Bitset& operator|=(const Bitset& other) {
    if (other.words_ > words_) Grow(other.words_);
    const uint32_t n = std::min(other.words_, kInline);
    for (uint32_t i = 0; i < n; ++i) inline_[i] |= other.inline_[i];
    for (size_t i = 0; i < other.more_.size(); ++i) more_[i] |= other.more_[i];
    return *this;
  }
  bool Intersects(const Bitset& other) const {
    const uint32_t n = std::min(words_, other.words_);
    for (uint32_t i = 0; i < n; ++i) {
      if ((Word(i) & other.Word(i)) != 0) return true;
    }
    return false;
  }
  bool IntersectsWords(const uint64_t* other, size_t words) const {
    const size_t n = std::min<size_t>(words_, words);
    for (size_t i = 0; i < n; ++i) {
      if ((Word(static_cast<uint32_t>(i)) & other[i]) != 0) return true;
    }
    return false;
  }
  bool Any() const {
    for (uint32_t i = 0; i < words_; ++i) {
      if (Word(i) != 0) return true;
    }
    return false;
  }
  // Calls f(i) for every set bit, in increasing order.
  template <class F>
  void ForEach(F&& f) const {
    for (uint32_t w = 0; w < words_; ++w) {
      uint64_t bits = Word(w);
      while (bits != 0) {
        const int b = __builtin_ctzll(bits);
        f(w * 64 + static_cast<uint32_t>(b));
        bits &= bits - 1;
      }
    }
  }

 private:
  static constexpr uint32_t kInline = 4;

  uint64_t Word(uint32_t w) const { return w < kInline ? inline_[w] : more_[w - kInline]; }
  uint64_t& WordRef(uint32_t w) { return w < kInline ? inline_[w] : more_[w - kInline]; }
  void Grow(uint32_t words) {  // the new words are zero
    if (words > kInline) more_.resize(words - kInline, 0);
    words_ = words;
  }

  uint32_t words_ = 0;
  uint64_t inline_[kInline] = {};  // zero from words_ on
  std::vector<uint64_t> more_;     // words kInline and up
};

}  // namespace mc::internal
