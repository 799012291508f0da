// map_ops_seeds OUTDIR: writes the hand-made seed inputs of the map ops targets (fuzz/
// map_ops_codec.h) into OUTDIR, each named by the SHA-1 of its content. scripts/seed-corpus
// copies them into corpus/<target>/ for every ops target.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

#include "fuzz/map_ops_codec.h"
#include "fuzz/sha1.h"

namespace {

using fuzz::Command;
using fuzz::OpKind;

Command C(OpKind kind, int key_index, int value = 0) {
  return Command{kind, static_cast<uint8_t>(key_index), static_cast<uint8_t>(value)};
}

std::vector<std::vector<Command>> Seeds() {
  std::vector<std::vector<Command>> seeds;
  // Every API call, on three keys.
  std::vector<Command> every;
  for (int k = 0; k < 3; ++k) {
    for (int op = 0; op < fuzz::kOpKinds; ++op) every.push_back(C(static_cast<OpKind>(op), k, 1));
  }
  seeds.push_back(every);
  // Enough distinct keys to grow the map several times, then read them back.
  std::vector<Command> grow;
  for (int k = 0; k < 48; ++k) grow.push_back(C(OpKind::kStore, k, k % 4));
  for (int k = 0; k < 48; ++k) grow.push_back(C(OpKind::kLoad, k));
  grow.push_back(C(OpKind::kLen, 0));
  seeds.push_back(grow);
  // Iterations between growth steps (a growth in progress while Range runs).
  std::vector<Command> iterate;
  for (int k = 0; k < 9; ++k) iterate.push_back(C(OpKind::kStore, k, 1));
  iterate.push_back(C(OpKind::kRange, 0));
  for (int k = 9; k < 30; ++k) {
    iterate.push_back(C(OpKind::kStore, k, 2));
    iterate.push_back(C(OpKind::kRange, 0));
  }
  seeds.push_back(iterate);
  // The boundary and colliding keys.
  std::vector<Command> boundary;
  for (int k = 48; k < fuzz::kKeys; ++k) {
    boundary.push_back(C(OpKind::kStore, k, 3));
    boundary.push_back(C(OpKind::kLoad, k));
  }
  for (int k = 48; k < fuzz::kKeys; k += 2) boundary.push_back(C(OpKind::kDelete, k));
  boundary.push_back(C(OpKind::kRange, 0));
  seeds.push_back(boundary);
  // Delete everything, re-insert, and clear in the middle.
  std::vector<Command> churn;
  for (int round = 0; round < 2; ++round) {
    for (int k = 0; k < 20; ++k) churn.push_back(C(OpKind::kStore, k, round));
    for (int k = 0; k < 20; ++k) churn.push_back(C(OpKind::kLoadAndDelete, k));
    churn.push_back(C(OpKind::kLen, 0));
  }
  for (int k = 0; k < 10; ++k) churn.push_back(C(OpKind::kStore, k, 1));
  churn.push_back(C(OpKind::kClear, 0));
  churn.push_back(C(OpKind::kRange, 0));
  seeds.push_back(churn);
  // Compare-and-swap and compare-and-delete, succeeding and failing.
  seeds.push_back({C(OpKind::kStore, 1, 0), C(OpKind::kCompareAndSwap, 1, 0),
                   C(OpKind::kCompareAndSwap, 1, 0), C(OpKind::kCompareAndDelete, 1, 2),
                   C(OpKind::kCompareAndDelete, 1, 1), C(OpKind::kLoadOrStore, 1, 3),
                   C(OpKind::kLoadOrStore, 1, 2), C(OpKind::kSwap, 1, 0)});
  return seeds;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
    return 2;
  }
  std::filesystem::create_directories(argv[1]);
  int n = 0;
  for (const auto& seed : Seeds()) {
    const std::vector<uint8_t> bytes = fuzz::Encode(seed);
    // The codec round-trips: the target sees exactly these commands.
    if (fuzz::Encode(fuzz::Decode(bytes.data(), bytes.size())) != bytes) {
      std::fprintf(stderr, "map_ops_seeds: seed %d does not round-trip\n", n);
      return 1;
    }
    std::ofstream(std::filesystem::path(argv[1]) / fuzz::Sha1Hex(bytes), std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
    ++n;
  }
  std::printf("wrote %d seeds to %s\n", n, argv[1]);
  return 0;
}
