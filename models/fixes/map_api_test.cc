// One sequential suite for every map under RealBackend (the bare GoMap, the fixes and the
// mutants): each behaves exactly like std::unordered_map over long seeded random sequences of
// every API call, with the map's invariants checked after every operation where it has them.
// The mutants pass too, as they must: their bugs need a second thread, which is the point of
// model checking and fuzzing them.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <random>
#include <string>

#include "models/backend/real_backend.h"
#include "models/registry/registry.h"
#include "models/testing/random_ops.h"
#include "models/testing/typed_maps.h"

namespace models {
namespace {

using AllMaps = testing::ToTypes<
    typename testing::Concat<MapList<GoMap<RealBackend, int64_t, int64_t>>, Fixes<RealBackend>,
                             Mutants<RealBackend>>::type>::type;

template <class M>
class MapApi : public ::testing::Test {};
TYPED_TEST_SUITE(MapApi, AllMaps, testing::MapNames);

// Every call of the API, chosen at random; `keys` bounds the key space (larger spaces make the
// inner GoMaps grow), values are small so that CompareAndSwap and CompareAndDelete also succeed.
template <class M>
void RunRandomSequence(uint64_t seed, int64_t keys, int steps) {
  std::mt19937_64 rng(seed);
  M m;
  testing::ReferenceMap want;
  for (int step = 0; step < steps && !::testing::Test::HasFatalFailure(); ++step) {
    SCOPED_TRACE("seed " + std::to_string(seed) + " step " + std::to_string(step));
    testing::RandomOp(m, want, rng, 0, keys, testing::OpScope::kWholeMap);
  }
}

TYPED_TEST(MapApi, MatchesUnorderedMapOnFewKeys) {
  for (uint64_t seed = 1; seed <= 4; ++seed) RunRandomSequence<TypeParam>(seed, 8, 3000);
}

TYPED_TEST(MapApi, MatchesUnorderedMapWhileGrowing) {
  // 600 keys: the inner GoMaps grow to B = 7 (and through every smaller B) and shrink back by
  // Clear; the occasional Clear empties the map mid-sequence.
  RunRandomSequence<TypeParam>(42, 600, 12000);
}

TYPED_TEST(MapApi, DeleteAllThenReinsert) {
  TypeParam m;
  for (int round = 0; round < 3; ++round) {
    for (int64_t k = 0; k < 500; ++k) m.Store(k, k + round);
    ASSERT_EQ(m.Len(), 500);
    for (int64_t k = 0; k < 500; ++k) {
      int64_t v = -1;
      ASSERT_TRUE(m.LoadAndDelete(k, &v));
      ASSERT_EQ(v, k + round);
    }
    ASSERT_EQ(m.Len(), 0);
    int64_t calls = 0;
    m.Range([&](int64_t, int64_t) { return ++calls > 0; });
    ASSERT_EQ(calls, 0);
    ASSERT_EQ(testing::Invariants(m), "");
  }
}

TEST(MapRegistry, EveryMapImplementsTheApi) {
  []<class... M>(MapList<M...>) {
    static_assert((ConcurrentMap<M> && ...));
  }(typename testing::Concat<Fixes<RealBackend>, Mutants<RealBackend>>::type{});
  static_assert(ConcurrentMap<GoMap<RealBackend, int64_t, int64_t>>);
}

TEST(MapRegistry, MutantsAreNamedUniquelyAndDescribed) {
  const auto mutants = MutantInfos(Mutants<RealBackend>{});
  EXPECT_GE(mutants.size(), 8U);
  std::map<std::string_view, int> names;
  for (const MutantInfo& m : mutants) {
    EXPECT_EQ(++names[m.name], 1) << m.name;
    EXPECT_FALSE(m.bug.empty()) << m.name;
    EXPECT_TRUE(m.bug.ends_with(".")) << m.name << ": one sentence";
  }
}

TEST(MapRegistry, EveryMutantSiteIsMarkedOnceInItsFile) {
  // The kill tests (litmus/go_map/) check that a counterexample points at this line.
  for (const MutantInfo& m : MutantInfos(Mutants<RealBackend>{})) {
    if (m.file.empty()) continue;
    std::ifstream in(std::string(MAPCHECK_SOURCE_DIR) + "/" + std::string(m.file));
    ASSERT_TRUE(in) << m.file;
    const std::string marker = "mutant-site: " + std::string(m.name);
    int hits = 0;
    for (std::string line; std::getline(in, line);) {
      if (line.ends_with(marker)) ++hits;
    }
    EXPECT_EQ(hits, 1) << m.name << " in " << m.file;
  }
}

}  // namespace
}  // namespace models
