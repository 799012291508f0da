// A square bit matrix in one flat buffer that keeps its capacity between uses: the memory
// models recompute relations for every candidate step, and allocation would dominate.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mc::internal {

class FlatMatrix {
 public:
  // Resizes to n×n and clears, reusing the buffer.
  void Reset(uint32_t n) {
    n_ = n;
    words_ = (n + 63) / 64;
    bits_.assign(static_cast<size_t>(n_) * words_, 0);
  }
  uint32_t size() const { return n_; }
  uint32_t words() const { return words_; }
  uint64_t* Row(uint32_t a) { return bits_.data() + static_cast<size_t>(a) * words_; }
  const uint64_t* Row(uint32_t a) const { return bits_.data() + static_cast<size_t>(a) * words_; }
  bool Test(uint32_t a, uint32_t b) const { return ((Row(a)[b / 64] >> (b % 64)) & 1U) != 0; }
  void Set(uint32_t a, uint32_t b) { Row(a)[b / 64] |= uint64_t{1} << (b % 64); }
  // dst |= row
  void OrInto(uint64_t* dst, uint32_t a) const {
    const uint64_t* src = Row(a);
    for (uint32_t w = 0; w < words_; ++w) dst[w] |= src[w];
  }
  template <class F>
  void ForEachInRow(uint32_t a, F&& f) const {
    ForEachBit(Row(a), words_, f);
  }
  template <class F>
  static void ForEachBit(const uint64_t* row, uint32_t words, F&& f) {
    for (uint32_t w = 0; w < words; ++w) {
      uint64_t bits = row[w];
      while (bits != 0) {
        f(w * 64 + static_cast<uint32_t>(__builtin_ctzll(bits)));
        bits &= bits - 1;
      }
    }
  }

 private:
  uint32_t n_ = 0;
  uint32_t words_ = 0;
  std::vector<uint64_t> bits_;
};

}  // namespace mc::internal
