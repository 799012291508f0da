// The benchmarks' per-thread generator: xorshift64*, seeded alike on every side (bench/go has
// the same one), so that the C++ and Go workloads draw the same keys.
#pragma once

#include <cstdint>

namespace bench {

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed * 0x9e3779b97f4a7c15ULL + 1) {}
  uint64_t Next() {
    s_ ^= s_ >> 12;
    s_ ^= s_ << 25;
    s_ ^= s_ >> 27;
    return s_ * 0x2545f4914f6cdd1dULL;
  }

 private:
  uint64_t s_;
};

}  // namespace bench
