#include "litmus/claims/writing_flag.h"

#include <string>

#include "litmus/claims/claims.h"
#include "mc/check_testing.h"
#include "mc/mc.h"
#include "models/backend/model_backend.h"
#include "models/go_map/go_map.h"

namespace claims {

mc::Report TwoWritersOneBucket(bool atomic_flag, bool gosched) {
  using Map = models::GoMap<models::ModelBackend, int64_t, int64_t>;
  return mc::check(
      [atomic_flag, gosched] {
        Map m(models::GoMapConfig{.hint = 1, .atomic_writing_flag = atomic_flag});
        m.Store(100, 0);
        mc::thread a([&] {
          if (gosched) mc::yield();
          m.Store(1, 1);
        });
        mc::thread b([&] {
          if (gosched) mc::yield();
          m.Store(2, 2);
        });
        a.join();
        b.join();
        int64_t v = 0;
        mc::observe("has1", m.Load(1, &v) ? 1 : 0);
        mc::observe("has2", m.Load(2, &v) ? 1 : 0);
        mc::observe("len", m.Len());
        mc::observe("intact", m.CheckInvariants().empty() ? 1 : 0);
      },
      {.plain_races = mc::PlainRaces::kContinueCoherent, .classify_findings = true});
}

WriteClasses Classify(const mc::Report& report) {
  WriteClasses c;
  for (const auto& [outcome, count] : report.outcomes) {
    if (outcome.find("finding=go map fatal: concurrent map writes") != std::string::npos) {
      c.fatal += count;
    } else if (outcome.find("finding=") != std::string::npos) {
      c.other_findings += count;
    } else if (mc::testing::OutcomeMatches(outcome, "has1=1 has2=1 len=3 intact=1")) {
      c.correct += count;
    } else if (!mc::testing::OutcomeMatches(outcome, "has1=1 has2=1")) {
      c.lost += count;
    } else {
      c.corrupt += count;
    }
  }
  return c;
}

namespace {

std::string Describe(const mc::Report& r, const WriteClasses& c) {
  return std::to_string(r.executions) + " executions" + (r.exhaustive ? "" : " (NOT exhaustive)") +
         ": " + std::to_string(c.fatal) + " fatal, " + std::to_string(c.lost) +
         " lose an update without fatal, " + std::to_string(c.corrupt) + " corrupt, " +
         std::to_string(c.correct) + " correct";
}

const Register kC1({
    .id = "C1",
    .statement = "The runtime has zero tolerance: concurrent map writes always end in the fatal "
                 "\"concurrent map writes\".",
    .expected = "false",
    .test = "claims_test C1.ConcurrentMapWritesAreDetectedOnlySometimes",
    .decide =
        [] {
          const mc::Report r = TwoWritersOneBucket(false);
          const WriteClasses c = Classify(r);
          const bool refuted = r.exhaustive && c.lost + c.corrupt > 0;
          return Decision{refuted ? "false" : "true", "two writers, one bucket: " + Describe(r, c)};
        },
});

const Register kC2({
    .id = "C2",
    .statement = "The hashWriting flag is set with an atomic OR, and the lock-free check is safe "
                 "because it relies on CPU memory ordering.",
    .expected = "false",
    .test = "claims_test C2.AnAtomicTestAndSetFlagWouldCatchEveryOverlapOfTwoWriters",
    .decide =
        [] {
          const mc::Report plain = TwoWritersOneBucket(false);
          const WriteClasses p = Classify(plain);
          const mc::Report atomic = TwoWritersOneBucket(true);
          const WriteClasses a = Classify(atomic);
          // Go sets the flag with a plain XOR (map.go:602); the check is unsafe if it misses
          // overlaps, which an atomic test-and-set would not.
          const bool plain_misses = p.lost + p.corrupt > 0;
          const bool atomic_catches = atomic.exhaustive && a.lost + a.corrupt == 0;
          return Decision{plain_misses && atomic_catches ? "false" : "undecided",
                          "Go's plain XOR flag: " + Describe(plain, p) +
                              "; an atomic test-and-set flag: " + Describe(atomic, a)};
        },
});

const Register kC6({
    .id = "C6",
    .statement = "Inserting runtime.Gosched() before each map write mitigates the problem.",
    .expected = "false",
    .test = "claims_test Claims/ClaimVerdict.ModelChecksReachTheStatedVerdict/C6",
    .decide =
        [] {
          // Gosched only hints the scheduler; it orders nothing. With it, the checker explores
          // the same executions and finds the same outcomes as C1.
          const mc::Report plain = TwoWritersOneBucket(false, false);
          const mc::Report yielding = TwoWritersOneBucket(false, true);
          const WriteClasses p = Classify(plain);
          const WriteClasses y = Classify(yielding);
          const bool same = plain.outcomes == yielding.outcomes && y.lost > 0;
          return Decision{same ? "false" : "undecided",
                          "with Gosched before each write: " + Describe(yielding, y) +
                              "; identical to without it (" + std::to_string(p.lost) +
                              " lost updates)"};
        },
});

}  // namespace
}  // namespace claims
