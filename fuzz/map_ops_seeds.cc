// map_ops_seeds OUTDIR: writes the hand-made seed inputs of the map ops targets (fuzz/
// map_ops_codec.h) into OUTDIR, each named by the SHA-1 of its content. scripts/seed-corpus
// copies them into corpus/<target>/ for every ops target.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fuzz/map_ops_codec.h"
#include "fuzz/map_sched_fuzzer.h"
#include "fuzz/sha1.h"
#include "litmus/go_map/map_scenarios.h"

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
  // Many operations on one key (the checker once gave up past 62 a key, a false alarm): 200
  // loads and stores of key 1 from four threads.
  std::vector<Command> one_key;
  for (int i = 0; i < 200; ++i) {
    one_key.push_back(lane(i % 5 == 0 ? C(OpKind::kStore, 1, i % 4) : C(OpKind::kLoad, 1), i % 4));
  }
  add(2, one_key);
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

// The schedule targets: every map scenario that fits their input (2 or 3 threads, at most 3
// operations per thread and 6 in all, keys 1 to 3, starting empty), each with a few schedules:
// none (every decision takes the first candidate), and byte patterns that switch threads and
// read-from sources early and late.
std::vector<std::vector<uint8_t>> SchedSeeds() {
  std::vector<const map_scenario::Scenario*> scenarios;
  for (const auto& s : litmus::go_map::FixScenarios()) scenarios.push_back(&s);
  for (const auto& k : litmus::go_map::MutantKills()) scenarios.push_back(&k.scenario);
  const std::vector<std::vector<uint8_t>> guides = {
      {}, std::vector<uint8_t>(48, 1), {0, 1, 1, 0, 2, 1, 1, 0, 2, 2, 1, 0, 1, 1, 2, 1, 0, 1}};
  std::vector<std::vector<uint8_t>> out;
  for (const map_scenario::Scenario* s : scenarios) {
    bool fits = s->initial.empty() && s->threads.size() >= 2 && s->threads.size() <= 3 &&
                static_cast<size_t>(s->Operations()) <= fuzz::kSchedMaxCommands;
    for (const auto& t : s->threads) {
      fits = fits && t.size() <= fuzz::kSchedMaxPerThread;
      for (const auto& step : t) fits = fits && step.key >= 1 && step.key <= 3;
    }
    if (!fits) continue;
    for (const auto& guide : guides) out.push_back(fuzz::EncodeSched(*s, guide));
  }
  return out;
}

// libFuzzer dictionaries (one per fuzz kind; the build gives each target its kind's): one entry per
// API call as a whole command on a boundary key (the key table's tail) and on a small key, each
// lane for the concurrent and schedule targets; the schedule targets add their 2-byte headers.
std::string Dictionary(const std::string& kind) {
  std::string out = "# Generated by map_ops_seeds --dict " + kind +
                    " (at build time): whole commands of fuzz/map_ops_codec.h.\n";
  const auto hex = [](int b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\x%02x", b & 0xff);
    return std::string(buf);
  };
  const int lanes = kind == "ops" ? 1 : (kind == "concurrent" ? 4 : 3);
  for (int op = 0; op < fuzz::kOpKinds; ++op) {
    const std::string name = models::testing::OpName(static_cast<fuzz::OpKind>(op));
    for (int lane = 0; lane < lanes; ++lane) {
      const int key = kind == "sched" ? 1 : 48 + (op % 16);  // sched keys are 1..3
      out += name + "_t" + std::to_string(lane) + "=\"" + hex(op | lane << 4) + hex(key) + hex(1) +
             "\"\n";
    }
  }
  if (kind == "sched") {
    for (int threads = 0; threads < 2; ++threads) {
      out +=
          "header_" + std::to_string(2 + threads) + "_threads=\"" + hex(threads) + hex(5) + "\"\n";
    }
  } else {
    for (int k = 48; k < fuzz::kKeys; ++k) {
      const int64_t key = fuzz::KeyTable()[static_cast<size_t>(k)];
      out += "# key " + std::to_string(key) + "\nboundary_key_" + std::to_string(k) + "=\"" +
             hex(k) + "\"\n";
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if ((argc == 3 || argc == 4) && std::string(argv[1]) == "--dict") {
    const std::string kind = argv[2];
    if (kind != "ops" && kind != "concurrent" && kind != "sched") {
      std::fprintf(stderr, "map_ops_seeds: --dict takes ops, concurrent or sched\n");
      return 2;
    }
    // To standard output, or to FILE (as the build writes the targets' dictionaries).
    FILE* out = argc == 4 ? std::fopen(argv[3], "w") : stdout;
    if (out == nullptr) {
      std::fprintf(stderr, "map_ops_seeds: cannot write the dictionary '%s'\n", argv[3]);
      return 1;
    }
    const std::string text = Dictionary(kind);
    const bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    if ((out != stdout && std::fclose(out) != 0) || !written) {
      std::fprintf(stderr, "map_ops_seeds: writing the dictionary failed\n");
      return 1;
    }
    return 0;
  }
  const std::string mode = argc == 3 ? argv[1] : "";
  if (argc != 2 && !(argc == 3 && (mode == "--concurrent" || mode == "--sched"))) {
    std::fprintf(stderr,
                 "usage: %s [--concurrent|--sched] OUTDIR | --dict ops|concurrent|sched [FILE]\n",
                 argv[0]);
    return 2;
  }
  if (mode == "--sched") {
    const auto seeds = SchedSeeds();
    for (const auto& bytes : seeds) {
      // The decoder must see exactly the encoded scenario.
      const fuzz::SchedInput in = fuzz::DecodeSched(bytes.data(), bytes.size());
      if (fuzz::EncodeSched(in.scenario, in.guide) != bytes) {
        std::fprintf(stderr, "map_ops_seeds: a schedule seed does not round-trip\n");
        return 1;
      }
    }
    WriteAll(argv[2], seeds);
    std::printf("wrote %zu schedule seeds to %s\n", seeds.size(), argv[2]);
    return 0;
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
