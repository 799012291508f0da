// Options::plain_races: a race on mc::var stops the check (kStop), or is recorded while the
// execution goes on with coherent (kContinueCoherent) or Go (kContinueGo) semantics.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "mc/check_testing.h"
#include "mc/mc.h"

namespace {

using mc::testing::Allowed;
using mc::testing::ExecutionsAre;
using mc::testing::Forbidden;
using mc::testing::VerdictIs;

// Two unsynchronised increments of a plain counter; optionally asserts that none was lost.
void Increments(bool assert_none_lost) {
  mc::var<int> x{0};
  auto increment = [&] { x.store(x.load() + 1); };
  mc::thread a(increment);
  mc::thread b(increment);
  a.join();
  b.join();
  const int final_value = x.load();
  mc::observe("x", final_value);
  if (assert_none_lost) MC_ASSERT(final_value == 2);
}

void LostUpdate() { Increments(false); }

TEST(PlainRaces, StopIsTheDefault) {
  EXPECT_TRUE(VerdictIs(mc::check(LostUpdate), mc::Verdict::kDataRace));
}

TEST(PlainRaces, ContinueCoherentShowsTheLostUpdate) {
  // Reads: a reads init or b's write, b reads init or a's write, not both of the other (po ∪ rf
  // would be cyclic): 3 choices. Both writes are then placed in mo (2 orders), each consistent
  // with coherence only one way when one increment read the other's write, both ways when both
  // read init: 2 + 1 + 1 = 4 executions; the final read after the joins reads the mo-last write.
  // x=1 (lost update) when both read init, in both mo orders.
  const mc::Report r = mc::check(LostUpdate, {.plain_races = mc::PlainRaces::kContinueCoherent});
  EXPECT_TRUE(ExecutionsAre(r, 4));
  EXPECT_EQ(mc::testing::CountMatching(r, "x=1"), 2u);
  EXPECT_EQ(mc::testing::CountMatching(r, "x=2"), 2u);
  EXPECT_FALSE(r.races.empty());
}

TEST(PlainRaces, ContinueGoLetsTheFinalReadSeeEitherRacingWrite) {
  // Go semantics: writes are not ordered by a coherence order; the same 3 read choices, and the
  // final read after the joins sees either write, as neither happens-before hides the other:
  // 3 x 2 = 6 executions. x=1 whenever the final read sees a write of value 1: both writes of
  // the first choice, one write in each of the others: 2 + 1 + 1 = 4.
  const mc::Report r = mc::check(LostUpdate, {.plain_races = mc::PlainRaces::kContinueGo});
  EXPECT_TRUE(ExecutionsAre(r, 6));
  EXPECT_EQ(r.runs, 6u);  // the optimal search takes Go's rule: one run per execution
  EXPECT_EQ(mc::testing::CountMatching(r, "x=1"), 4u);
  EXPECT_EQ(mc::testing::CountMatching(r, "x=2"), 2u);
}

// A reader reads a plain variable twice while a writer writes 1 then 2.
void TwoReads() {
  mc::var<int> x{0};
  int a = -1, b = -1;
  mc::thread writer([&] {
    x.store(1);
    x.store(2);
  });
  mc::thread reader([&] {
    a = x.load();
    b = x.load();
  });
  writer.join();
  reader.join();
  mc::observe("a", a);
  mc::observe("b", b);
}

TEST(PlainRaces, GoSemanticsHasNoPerLocationCoherence) {
  // Go's rule allows the second read to return an older write than the first (coherence forbids
  // it).
  EXPECT_TRUE(
      Allowed(mc::check(TwoReads, {.plain_races = mc::PlainRaces::kContinueGo}), "a=2 b=1"));
  EXPECT_TRUE(Forbidden(mc::check(TwoReads, {.plain_races = mc::PlainRaces::kContinueCoherent}),
                        "a=2 b=1"));
}

TEST(PlainRaces, GoSemanticsHidesWritesOverwrittenBeforeTheRead) {
  // After acquiring the flag, the reader is hb-after both writes; x=1 is overwritten by x=2
  // hb-before the read, so only 2 (or, if the flag was not seen, anything) can be read.
  const mc::Report r = mc::check(
      [] {
        mc::var<int> x{0};
        mc::atomic<int> flag{0};
        int seen = -1, value = -1;
        mc::thread writer([&] {
          x.store(1);
          x.store(2);
          flag.store(1, mc::release);
        });
        mc::thread reader([&] {
          seen = flag.load(mc::acquire);
          value = x.load();
        });
        writer.join();
        reader.join();
        mc::observe("seen", seen);
        mc::observe("value", value);
      },
      {.plain_races = mc::PlainRaces::kContinueGo});
  EXPECT_TRUE(Forbidden(r, "seen=1 value=1"));
  EXPECT_TRUE(Forbidden(r, "seen=1 value=0"));
  EXPECT_TRUE(Allowed(r, "seen=1 value=2"));
  EXPECT_TRUE(Allowed(r, "seen=0 value=1"));
}

TEST(ClassifyFindings, FindingsEndOnlyTheirExecution) {
  // The assertion fails in the executions where the increments lose an update (both read init:
  // 2 of the 4 under coherent races); the exploration still visits all 4.
  const mc::Report r =
      mc::check([] { Increments(true); },
                {.plain_races = mc::PlainRaces::kContinueCoherent, .classify_findings = true});
  EXPECT_TRUE(ExecutionsAre(r, 4));
  EXPECT_EQ(mc::testing::CountMatching(r, "finding=assertion"), 2u) << r.ToString();
  EXPECT_FALSE(r.replay_token.empty());  // the first failing execution's token
}

}  // namespace

namespace {

// Atomic accesses to plain memory (Go's atomic.Or8 on a map's flags, and the model's relaxed
// loads of them): they race with plain accesses, never with each other.
void OrBesideRead(bool atomic_read) {
  mc::var<uint8_t> flags{0};
  uint8_t seen = 0;
  mc::thread iterator([&] { (void)flags.atomic_fetch_or(4); });
  mc::thread reader([&] { seen = atomic_read ? flags.atomic_load() : flags.load(); });
  iterator.join();
  reader.join();
  mc::observe("seen", seen);
}

TEST(AtomicAccessToPlainMemory, AtomicLoadBesideAtomicOrIsNoRace) {
  // The load reads init or the Or's write: 2 executions, both outcomes, no race.
  const mc::Report r = mc::check([] { OrBesideRead(true); });
  EXPECT_TRUE(ExecutionsAre(r, 2));
  EXPECT_TRUE(Allowed(r, "seen=0"));
  EXPECT_TRUE(Allowed(r, "seen=4"));
  EXPECT_TRUE(r.races.empty());
}

TEST(AtomicAccessToPlainMemory, PlainLoadBesideAtomicOrIsARace) {
  const mc::Report r = mc::check([] { OrBesideRead(false); });
  EXPECT_TRUE(VerdictIs(r, mc::Verdict::kDataRace));
  EXPECT_NE(r.message.find("plain_races_test.cc"), std::string::npos) << r.message;
}

TEST(AtomicAccessToPlainMemory, AtomicLoadBesidePlainWriteIsARace) {
  const mc::Report r = mc::check([] {
    mc::var<uint8_t> flags{0};
    mc::thread writer([&] { flags.store(1); });
    mc::thread reader([&] { (void)flags.atomic_load(); });
    writer.join();
    reader.join();
  });
  EXPECT_TRUE(VerdictIs(r, mc::Verdict::kDataRace));
}

}  // namespace
