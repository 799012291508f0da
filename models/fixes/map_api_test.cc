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
#include <unordered_map>

#include "models/backend/real_backend.h"
#include "models/fixes/fixes.h"
#include "models/mutants/mutants.h"
#include "models/testing/typed_maps.h"

namespace models {
namespace {

using AllMaps = testing::ToTypes<
    typename testing::Concat<MapList<GoMap<RealBackend, int64_t, int64_t>>, Fixes<RealBackend>,
                             Mutants<RealBackend>>::type>::type;

// The sequential specification of the API, on std::unordered_map.
class Reference {
 public:
  bool Load(int64_t k, int64_t* v) const {
    auto it = m_.find(k);
    if (it == m_.end()) return false;
    *v = it->second;
    return true;
  }
  void Store(int64_t k, int64_t v) { m_[k] = v; }
  bool LoadOrStore(int64_t k, int64_t v, int64_t* actual) {
    auto [it, inserted] = m_.emplace(k, v);
    *actual = it->second;
    return !inserted;
  }
  bool LoadAndDelete(int64_t k, int64_t* v) {
    if (!Load(k, v)) return false;
    m_.erase(k);
    return true;
  }
  void Delete(int64_t k) { m_.erase(k); }
  bool Swap(int64_t k, int64_t v, int64_t* previous) {
    const bool loaded = Load(k, previous);
    m_[k] = v;
    return loaded;
  }
  bool CompareAndSwap(int64_t k, int64_t old_value, int64_t new_value) {
    auto it = m_.find(k);
    if (it == m_.end() || it->second != old_value) return false;
    it->second = new_value;
    return true;
  }
  bool CompareAndDelete(int64_t k, int64_t old_value) {
    auto it = m_.find(k);
    if (it == m_.end() || it->second != old_value) return false;
    m_.erase(it);
    return true;
  }
  int64_t Len() const { return static_cast<int64_t>(m_.size()); }
  void Clear() { m_.clear(); }
  std::map<int64_t, int64_t> Sorted() const { return {m_.begin(), m_.end()}; }

 private:
  std::unordered_map<int64_t, int64_t> m_;
};

template <class M>
class MapApi : public ::testing::Test {};
TYPED_TEST_SUITE(MapApi, AllMaps, testing::MapNames);

template <class M>
std::string Invariants(M& m) {
  if constexpr (requires { m.CheckInvariants(); }) {
    return m.CheckInvariants();
  } else {
    return "";
  }
}

// Every call of the API, chosen at random; `keys` bounds the key space (larger spaces make the
// inner GoMaps grow), values are small so that CompareAndSwap and CompareAndDelete also succeed.
template <class M>
void RunRandomSequence(uint64_t seed, int64_t keys, int steps) {
  std::mt19937_64 rng(seed);
  M m;
  Reference want;
  for (int step = 0; step < steps; ++step) {
    const int64_t k = static_cast<int64_t>(rng() % static_cast<uint64_t>(keys));
    const auto v = static_cast<int64_t>(rng() % 4);
    const auto v2 = static_cast<int64_t>(rng() % 4);
    int64_t got = -1, expected = -1;
    const int op = static_cast<int>(rng() % 100);
    SCOPED_TRACE("seed " + std::to_string(seed) + " step " + std::to_string(step) + " op " +
                 std::to_string(op) + " key " + std::to_string(k));
    if (op < 20) {
      ASSERT_EQ(m.Load(k, &got), want.Load(k, &expected));
      ASSERT_EQ(got, expected);
    } else if (op < 40) {
      m.Store(k, v);
      want.Store(k, v);
    } else if (op < 50) {
      ASSERT_EQ(m.LoadOrStore(k, v, &got), want.LoadOrStore(k, v, &expected));
      ASSERT_EQ(got, expected);
    } else if (op < 58) {
      ASSERT_EQ(m.LoadAndDelete(k, &got), want.LoadAndDelete(k, &expected));
      ASSERT_EQ(got, expected);
    } else if (op < 66) {
      m.Delete(k);
      want.Delete(k);
    } else if (op < 74) {
      ASSERT_EQ(m.Swap(k, v, &got), want.Swap(k, v, &expected));
      ASSERT_EQ(got, expected);
    } else if (op < 82) {
      ASSERT_EQ(m.CompareAndSwap(k, v, v2), want.CompareAndSwap(k, v, v2));
    } else if (op < 90) {
      ASSERT_EQ(m.CompareAndDelete(k, v), want.CompareAndDelete(k, v));
    } else if (op < 93) {
      // Out-parameters may be null.
      int64_t ignored = 0;
      ASSERT_EQ(m.Load(k, nullptr), want.Load(k, &ignored));
      ASSERT_EQ(m.Swap(k, v, nullptr), want.Swap(k, v, &ignored));
    } else if (op < 96) {
      std::map<int64_t, int64_t> seen;
      m.Range([&](int64_t key, int64_t value) {
        EXPECT_TRUE(seen.emplace(key, value).second) << "key " << key << " visited twice";
        return true;
      });
      ASSERT_EQ(seen, want.Sorted());
    } else if (op < 98) {
      // Range stops when f returns false: exactly min(stop, len) calls.
      const int64_t stop = 1 + k % 5;
      int64_t calls = 0;
      m.Range([&](int64_t, int64_t) { return ++calls < stop; });
      ASSERT_EQ(calls, std::min(stop, want.Len()));
    } else if (op < 99 || rng() % 10 != 0) {
      ASSERT_EQ(m.Len(), want.Len());
    } else {
      m.Clear();
      want.Clear();
    }
    ASSERT_EQ(m.Len(), want.Len());
    ASSERT_EQ(Invariants(m), "");
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
    ASSERT_EQ(Invariants(m), "");
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
    bool fix_known = false;
    for (const MapInfo& fix : kMaps) fix_known = fix_known || fix.name == m.fix;
    EXPECT_TRUE(fix_known) << m.name << " breaks unknown map " << m.fix;
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
