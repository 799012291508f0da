// The fuzz input format of the map targets: a stream of 3-byte commands, decoded in the manner of
// Go's own map fuzzing: op byte (low nibble: the API call; high nibble: the lane, i.e. which
// thread runs it in the concurrent targets), key byte, value byte; an op outside the API is
// skipped, a trailing partial command ignored. Keys come from a table of
// small keys (so operations meet) and boundary keys; values are small (so CompareAndSwap and
// CompareAndDelete succeed). Encode is the inverse, for seed generation and its round-trip test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "models/testing/linearizability.h"

namespace fuzz {

using models::testing::OpKind;

struct Command {
  OpKind kind = OpKind::kLoad;
  uint8_t lane = 0;       // the op byte's high nibble: which thread runs it (concurrent targets)
  uint8_t key_index = 0;  // into KeyTable()
  uint8_t value = 0;      // 0..3; CompareAndSwap's new value is (value + 1) % 4
  int64_t Key() const;
  int64_t Value() const { return value; }
  int64_t NewValue() const { return (value + 1) % 4; }
};

inline constexpr int kOpKinds = 11;  // OpKind's values; op bytes % 16 beyond them are skipped
inline constexpr int kKeys = 64;

// 0..47, then boundary keys: negatives, the int64 extremes, powers of two, and keys that share
// the low bits of small keys (same bucket at small B under the default hasher's low bits).
inline const std::vector<int64_t>& KeyTable() {
  static const std::vector<int64_t> keys = [] {
    std::vector<int64_t> k;
    for (int64_t i = 0; i < 48; ++i) k.push_back(i);
    for (int64_t v : {int64_t{-1}, int64_t{-2}, std::numeric_limits<int64_t>::min(),
                      std::numeric_limits<int64_t>::max(), int64_t{1} << 32, int64_t{1} << 62,
                      int64_t{255}, int64_t{256}, int64_t{65535}, int64_t{65536},
                      (int64_t{1} << 56) | 1, (int64_t{2} << 56) | 1, (int64_t{3} << 56) | 1,
                      int64_t{1000003}, int64_t{-1000003}, int64_t{123456789}}) {
      k.push_back(v);
    }
    return k;
  }();
  return keys;
}

inline int64_t Command::Key() const { return KeyTable()[key_index % kKeys]; }

inline std::vector<Command> Decode(const uint8_t* data, size_t size) {
  std::vector<Command> out;
  for (size_t i = 0; i + 3 <= size; i += 3) {
    const int op = data[i] % 16;
    if (op >= kOpKinds) continue;  // not an API call
    out.push_back(Command{static_cast<OpKind>(op), static_cast<uint8_t>(data[i] >> 4),
                          static_cast<uint8_t>(data[i + 1] % kKeys),
                          static_cast<uint8_t>(data[i + 2] % 4)});
  }
  return out;
}

inline std::vector<uint8_t> Encode(const std::vector<Command>& commands) {
  std::vector<uint8_t> out;
  for (const Command& c : commands) {
    out.push_back(static_cast<uint8_t>(static_cast<int>(c.kind) | (c.lane & 0xf) << 4));
    out.push_back(c.key_index);
    out.push_back(c.value);
  }
  return out;
}

}  // namespace fuzz
