// The fuzz input codec round-trips, skips what is not an API call, and the corpus file names
// (SHA-1) match the standard test vectors.
#include "fuzz/map_ops_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fuzz/sha1.h"

namespace fuzz {
namespace {

TEST(MapOpsCodec, EncodeThenDecodeIsTheIdentity) {
  std::vector<Command> commands;
  for (int op = 0; op < kOpKinds; ++op) {
    for (int k = 0; k < kKeys; k += 7) {
      commands.push_back(Command{static_cast<OpKind>(op), static_cast<uint8_t>(k % 16),
                                 static_cast<uint8_t>(k), static_cast<uint8_t>((op + k) % 4)});
    }
  }
  const std::vector<uint8_t> bytes = Encode(commands);
  const std::vector<Command> back = Decode(bytes.data(), bytes.size());
  ASSERT_EQ(back.size(), commands.size());
  EXPECT_EQ(Encode(back), bytes);
}

TEST(MapOpsCodec, UnknownOpsAndATrailingPartialCommandAreSkipped) {
  const std::vector<uint8_t> bytes = {0x0b, 1,  1,  // op 11: not an API call
                                      0x01, 2,  3,  // Store(key 2, 3)
                                      0x1f, 0,  0,  // op 15
                                      0x10, 70, 6,  // op 0 (Load), key 70 % 64 = 6
                                      0x01, 1};     // partial
  const std::vector<Command> c = Decode(bytes.data(), bytes.size());
  ASSERT_EQ(c.size(), 2U);
  EXPECT_EQ(c[0].kind, OpKind::kStore);
  EXPECT_EQ(c[0].Key(), 2);
  EXPECT_EQ(c[0].Value(), 3);
  EXPECT_EQ(c[1].kind, OpKind::kLoad);
  EXPECT_EQ(c[1].Key(), 6);
  EXPECT_EQ(c[1].Value(), 2);  // 6 % 4
  EXPECT_EQ(c[1].lane, 1);     // 0x10's high nibble
}

TEST(MapOpsCodec, KeyTableHasDistinctKeys) {
  const auto& keys = KeyTable();
  ASSERT_EQ(keys.size(), static_cast<size_t>(kKeys));
  for (size_t i = 0; i < keys.size(); ++i) {
    for (size_t j = i + 1; j < keys.size(); ++j) EXPECT_NE(keys[i], keys[j]) << i << " " << j;
  }
}

TEST(Sha1, MatchesTheStandardVectors) {
  auto hex = [](const std::string& s) { return Sha1Hex(std::vector<uint8_t>(s.begin(), s.end())); };
  EXPECT_EQ(hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
}

}  // namespace
}  // namespace fuzz
