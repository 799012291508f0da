// Sharding the exhaustive search (Options::shard_index / shard_count): N shards, their reports
// added up (report_merge.h, what `mapcheck merge` is to do with their JSON), count exactly what
// one search counts: executions, blocked, runs and outcomes, on random programs (with and
// without threads stopped by mc::assume), on the DPOR benchmarks, with each shard on one thread
// or two. Bad shard options are usage errors.
//
// MC_SHARD_PROGRAMS (default 150) and MC_SHARD_SEED (default 20261203) set the run.
#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "bench/dpor_programs.h"
#include "mc/check_testing.h"
#include "mc/mc.h"
#include "random_program.h"
#include "report_merge.h"

namespace mc::testing {
namespace {

// The shards' reports added up.
Report Sharded(const std::function<void()>& body, Options options, uint32_t shards) {
  Report total;
  options.shard_count = shards;
  for (uint32_t i = 0; i < shards; ++i) {
    options.shard_index = i;
    internal::AddReport(total, mc::check(body, options));
  }
  return total;
}

::testing::AssertionResult SameCounts(const Report& merged, const Report& one) {
  if (merged.verdict == one.verdict && merged.executions == one.executions &&
      merged.blocked == one.blocked && merged.runs == one.runs &&
      Normalised(merged.outcomes) == Normalised(one.outcomes)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "merged: " << merged.executions << " executions, " << merged.blocked << " blocked, "
         << merged.runs << " runs (" << VerdictName(merged.verdict)
         << "); one search: " << one.executions << " executions, " << one.blocked << " blocked, "
         << one.runs << " runs (" << VerdictName(one.verdict) << ")";
}

TEST(Shards, MergedEqualOneSearchOnRandomPrograms) {
  const uint64_t programs = EnvOr("MC_SHARD_PROGRAMS", 150);
  std::mt19937_64 rng(EnvOr("MC_SHARD_SEED", 20261203));
  int failures = 0;
  uint64_t split = 0;  // programs big enough to be split at all
  for (uint64_t i = 0; i < programs && failures < 3; ++i) {
    const Program p = RandomProgram(rng, 3);
    StopProgram q = RandomStopProgram(rng);
    q.plain0 = false;  // no races: a finding would stop each shard at its own first one
    for (auto& thread : q.stops) {
      for (Stop& stop : thread) {
        if (stop.kind == Stop::Kind::kAssert) stop.kind = Stop::Kind::kAssume;
      }
    }
    const std::function<void()> plain = [&] { RunProgram(p); };
    const std::function<void()> stops = [&] { RunStopProgram(q); };
    for (Model model : AllModels()) {
      for (const std::function<void()>* body : {&plain, &stops}) {
        const Report one = mc::check(*body, {.model = model});
        split += one.executions + one.blocked > 16 * 3 ? 1 : 0;
        for (uint32_t shards : {2U, 3U, 7U}) {
          const ::testing::AssertionResult same =
              SameCounts(Sharded(*body, {.model = model}, shards), one);
          if (same) continue;
          ++failures;
          ADD_FAILURE() << "program #" << i << " under " << ModelName(model) << " in " << shards
                        << " shards: " << (body == &plain ? p.ToString() : q.ToString()) << "\n  "
                        << same.message();
        }
      }
    }
  }
  EXPECT_GT(split, programs / 4);  // the split was exercised, not only the whole-tree case
}

TEST(Shards, MergedEqualOneSearchOnTheDporBenchmarks) {
  const struct {
    void (*program)(int);
    int n;
    uint64_t executions;  // dpor_programs_test's counts (RC11)
  } cases[] = {{mapcheck::bench::Readers, 8, 256},
               {mapcheck::bench::FetchAdd, 5, 120},
               {mapcheck::bench::LastZero, 5, 64}};
  for (const auto& c : cases) {
    const int n = c.n;
    const std::function<void()> body = [&] { c.program(n); };
    const Report one = mc::check(body);
    ASSERT_EQ(one.executions, c.executions);
    for (uint32_t shards : {2U, 4U}) {
      EXPECT_TRUE(SameCounts(Sharded(body, {}, shards), one)) << n << " in " << shards;
      Options two_threads;
      two_threads.threads = 2;
      EXPECT_TRUE(SameCounts(Sharded(body, two_threads, shards), one))
          << n << " in " << shards << " shards of 2 threads";
    }
    // Each shard does part of the work: none explores everything.
    Options last;
    last.shard_count = 4;
    last.shard_index = 3;
    EXPECT_LT(mc::check(body, last).executions, one.executions) << n;
  }
}

TEST(Shards, BadShardOptionsAreUsageErrors) {
  const auto body = [] { mapcheck::bench::Readers(2); };
  Options beyond;
  beyond.shard_count = 2;
  beyond.shard_index = 2;
  EXPECT_TRUE(VerdictIs(mc::check(body, beyond), Verdict::kUsageError));
  Options none;
  none.shard_count = 0;
  EXPECT_TRUE(VerdictIs(mc::check(body, none), Verdict::kUsageError));
  Options sampled;
  sampled.strategy = Strategy::kRandom;
  sampled.shard_count = 2;
  EXPECT_TRUE(VerdictIs(mc::check(body, sampled), Verdict::kUsageError));
}

}  // namespace
}  // namespace mc::testing
