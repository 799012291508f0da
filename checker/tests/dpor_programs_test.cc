// The standard DPOR benchmarks (bench/dpor_programs.h): their execution counts, and one run per
// execution under the optimal search. Where a count is derived, the derivation is beside it; the
// others are GenMC's own expected counts for the same programs (its tests/correct/synthetic/
// */expected.{rc11,sc}.mo.in, GenMC 0.11), and the canonical-order search, an independent
// algorithm, must agree with both.
#include "bench/dpor_programs.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "mc/check_testing.h"

namespace mc::testing {
namespace {

using namespace mapcheck::bench;

// Both searches give `want` executions; the optimal one in exactly that many runs.
// (`canonical`: the canonical-order search too; it starts 10^5 runs for indexer's one execution.)
void ExpectCount(void (*program)(int), int n, Model model, uint64_t want, bool canonical = true) {
  const Report optimal = mc::check([&] { program(n); }, {.model = model});
  EXPECT_TRUE(ExecutionsAre(optimal, want)) << ModelName(model) << " N=" << n;
  if (canonical) {
    const Report other = mc::check([&] { program(n); }, {.model = model, .optimal_search = false});
    EXPECT_TRUE(ExecutionsAre(other, want)) << ModelName(model) << " N=" << n;
  }
  EXPECT_EQ(optimal.runs, want) << ModelName(model) << " N=" << n;
}

TEST(DporPrograms, Readers) {
  // Each reader reads the initial value or the one store, independently: 2^N, under SC too
  // (each reader comes before or after the store).
  for (int n = 1; n <= 8; ++n) {
    for (Model m : {Model::kRC11, Model::kSC}) ExpectCount(Readers, n, m, uint64_t{1} << n);
  }
}

TEST(DporPrograms, FetchAdd) {
  // The RMWs form one chain in mo, in any order: N!.
  uint64_t factorial = 1;
  for (int n = 1; n <= 6; ++n) {
    factorial *= static_cast<uint64_t>(n);
    for (Model m : {Model::kRC11, Model::kSC}) ExpectCount(FetchAdd, n, m, factorial);
  }
}

TEST(DporPrograms, LockedCounter) {
  // The critical sections come in any of the N! lock orders, each increment reading the one
  // before it (the lock order is the mutex's mo; every other order of the plain accesses is
  // fixed by happens-before): N!, under SC too.
  uint64_t factorial = 1;
  for (int n = 1; n <= 5; ++n) {
    factorial *= static_cast<uint64_t>(n);
    for (Model m : {Model::kRC11, Model::kSC}) ExpectCount(LockedCounter, n, m, factorial);
  }
}

TEST(DporPrograms, Indexer) {
  // Up to 11 threads, the 4N keys w = 11 i + tid (i < 4, tid <= 11) are distinct and below 128,
  // and so are their cells 7 w mod 128 (7 is invertible mod 128): every CAS succeeds on a cell
  // no other thread touches, so there is one execution. From 12 threads on keys collide.
  for (int n : {1, 4, 8, 11}) {
    for (Model m : {Model::kRC11, Model::kSC}) ExpectCount(Indexer, n, m, 1, n == 1);
  }
  ExpectCount(Indexer, 12, Model::kRC11, 8, false);  // GenMC: expected.rc11.mo.in
}

TEST(DporPrograms, CasRot) {
  // GenMC's counts for N = 2..9, the same under RC11 and SC (every access is one location's).
  const uint64_t want[] = {2, 5, 14, 43, 144, 523, 2048, 8597};
  for (int n = 2; n <= 8; ++n) {
    for (Model m : {Model::kRC11, Model::kSC}) ExpectCount(CasRot, n, m, want[n - 2]);
  }
}

TEST(DporPrograms, LastZero) {
  // GenMC's count for N = 5 (RC11 and SC).
  for (Model m : {Model::kRC11, Model::kSC}) ExpectCount(LastZero, 5, m, 64);
}

TEST(DporPrograms, FibBench) {
  // N = 5 is 525,630 executions under RC11 and 218,243 under SC (GenMC's counts; the
  // benchmark checks them); N = 2 and 3 here, held to the canonical-order search.
  for (int n : {2, 3}) {
    for (Model m : {Model::kRC11, Model::kSC}) {
      const Report canonical =
          mc::check([&] { FibBench(n); }, {.model = m, .optimal_search = false});
      ExpectCount(FibBench, n, m, canonical.executions);
    }
  }
}

}  // namespace
}  // namespace mc::testing
