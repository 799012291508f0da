// map_ops_seeds OUTDIR: writes the hand-made seed inputs of the map ops targets (fuzz/
// map_ops_codec.h) into OUTDIR, each named by the SHA-1 of its content. scripts/seed-corpus
// copies them into corpus/<target>/ for every ops target.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fuzz/map_ops_codec.h"
#include "fuzz/sha1.h"

namespace {

using fuzz::Command;
using fuzz::OpKind;

Command C(OpKind kind, int key_index, int value = 0) {
  return Command{kind, 0, static_cast<uint8_t>(key_index), static_cast<uint8_t>(value)};
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

// Seeds of the concurrent targets: a first byte choosing the thread count, then commands whose
// lanes spread them over the threads.
std::vector<std::vector<uint8_t>> ConcurrentSeeds() {
  auto lane = [](Command c, int l) {
    c.lane = static_cast<uint8_t>(l);
    return c;
  };
  std::vector<std::vector<uint8_t>> seeds;
  auto add = [&](uint8_t threads, const std::vector<Command>& commands) {
    std::vector<uint8_t> bytes = {threads};
    const std::vector<uint8_t> body = fuzz::Encode(commands);
    bytes.insert(bytes.end(), body.begin(), body.end());
    seeds.push_back(bytes);
  };
  // Two writers of different keys, then each loads the other's.
  add(0, {lane(C(OpKind::kStore, 1, 1), 0), lane(C(OpKind::kStore, 2, 2), 1),
          lane(C(OpKind::kLoad, 2), 0), lane(C(OpKind::kLoad, 1), 1)});
  // Three LoadOrStores of one key: one wins.
  add(1, {lane(C(OpKind::kLoadOrStore, 5, 1), 0), lane(C(OpKind::kLoadOrStore, 5, 2), 1),
          lane(C(OpKind::kLoadOrStore, 5, 3), 2)});
  // Compare-and-swap chains from two threads.
  std::vector<Command> cas = {C(OpKind::kStore, 7, 0)};
  for (int i = 0; i < 8; ++i) cas.push_back(lane(C(OpKind::kCompareAndSwap, 7, i % 4), i % 2));
  add(0, cas);
  // Growth from two threads while a third ranges and counts.
  std::vector<Command> grow;
  for (int k = 0; k < 40; ++k) grow.push_back(lane(C(OpKind::kStore, k, 1), k % 2));
  for (int i = 0; i < 4; ++i) {
    grow.push_back(lane(C(OpKind::kRange, 0), 2));
    grow.push_back(lane(C(OpKind::kLen, 0), 2));
  }
  add(1, grow);
  // Deletes, swaps and a clear against loads, four threads.
  std::vector<Command> churn;
  for (int k = 0; k < 12; ++k) {
    churn.push_back(lane(C(OpKind::kSwap, k, 1), 0));
    churn.push_back(lane(C(OpKind::kLoadAndDelete, k), 1));
    churn.push_back(lane(C(OpKind::kCompareAndDelete, k, 1), 2));
    churn.push_back(lane(C(OpKind::kLoad, k), 3));
  }
  churn.push_back(lane(C(OpKind::kClear, 0), 1));
  add(2, churn);
  return seeds;
}

// Writes each seed into `dir`, named by its SHA-1.
void WriteAll(const std::filesystem::path& dir, const std::vector<std::vector<uint8_t>>& seeds) {
  std::filesystem::create_directories(dir);
  for (const auto& bytes : seeds) {
    std::ofstream(dir / fuzz::Sha1Hex(bytes), std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 3 && std::string(argv[1]) == "--concurrent")) {
    std::fprintf(stderr, "usage: %s [--concurrent] OUTDIR\n", argv[0]);
    return 2;
  }
  if (argc == 3) {
    const auto seeds = ConcurrentSeeds();
    WriteAll(argv[2], seeds);
    std::printf("wrote %zu concurrent seeds to %s\n", seeds.size(), argv[2]);
    return 0;
  }
  std::vector<std::vector<uint8_t>> seeds;
  for (const auto& seed : Seeds()) {
    seeds.push_back(fuzz::Encode(seed));
    // The codec round-trips: the target sees exactly these commands.
    const std::vector<uint8_t>& bytes = seeds.back();
    if (fuzz::Encode(fuzz::Decode(bytes.data(), bytes.size())) != bytes) {
      std::fprintf(stderr, "map_ops_seeds: seed %zu does not round-trip\n", seeds.size() - 1);
      return 1;
    }
  }
  WriteAll(argv[1], seeds);
  std::printf("wrote %zu seeds to %s\n", seeds.size(), argv[1]);
  return 0;
}
