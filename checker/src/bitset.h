// A growable bitset: the happens-before predecessors of an event.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mc::internal {

class Bitset {
 public:
  Bitset() = default;
  explicit Bitset(uint32_t bits) : words_((bits + 63) / 64, 0) {}

  void Resize(uint32_t bits) { words_.resize((bits + 63) / 64, 0); }
  bool Test(uint32_t i) const {
    const uint32_t w = i / 64;
    return w < words_.size() && ((words_[w] >> (i % 64)) & 1U) != 0;
  }
  void Set(uint32_t i) {
    if (i / 64 >= words_.size()) words_.resize(i / 64 + 1, 0);
    words_[i / 64] |= uint64_t{1} << (i % 64);
  }
  void Reset(uint32_t i) {
    if (i / 64 < words_.size()) words_[i / 64] &= ~(uint64_t{1} << (i % 64));
  }
  Bitset& operator|=(const Bitset& other) {
    if (other.words_.size() > words_.size()) words_.resize(other.words_.size(), 0);
    for (size_t i = 0; i < other.words_.size(); ++i) words_[i] |= other.words_[i];
    return *this;
  }
  bool Intersects(const Bitset& other) const {
    const size_t n = std::min(words_.size(), other.words_.size());
    for (size_t i = 0; i < n; ++i) {
      if ((words_[i] & other.words_[i]) != 0) return true;
    }
    return false;
  }
  bool IntersectsWords(const uint64_t* other, size_t words) const {
    const size_t n = std::min(words_.size(), words);
    for (size_t i = 0; i < n; ++i) {
      if ((words_[i] & other[i]) != 0) return true;
    }
    return false;
  }
  bool Any() const {
    return std::any_of(words_.begin(), words_.end(), [](uint64_t w) { return w != 0; });
  }
  // Calls f(i) for every set bit, in increasing order.
  template <class F>
  void ForEach(F&& f) const {
    for (size_t w = 0; w < words_.size(); ++w) {
      uint64_t bits = words_[w];
      while (bits != 0) {
        const int b = __builtin_ctzll(bits);
        f(static_cast<uint32_t>(w * 64 + static_cast<size_t>(b)));
        bits &= bits - 1;
      }
    }
  }

 private:
  std::vector<uint64_t> words_;
};

}  // namespace mc::internal
