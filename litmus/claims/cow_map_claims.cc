// Claim C12 (docs/incident-claims.md): "A copy-on-write map published through an atomic pointer gives
// lock-free reads; the read lock on the read path is redundant." Verdict: true, given release/
// acquire publication and a lock among writers; both conditions are needed.
//
// Configuration: CowMap<ModelBackend, int64, int64> starting as {1: 1}. RC11, exhaustive; plain
// races are recorded and the execution goes on (the writer's copy iterates the old snapshot,
// setting its iterator flags with Go's atomic Or8, while a reader checks those flags with a plain
// load: a race Go's own runtime has too, harmless here); findings are classified.
// - reader vs writer: the writer stores {2: 2}; the reader, with no lock, loads keys 1 and 2.
//   Every execution must find 1 -> 1, and 2 either absent or 2.
// - two writers without the writer lock (a mutant): they store 2 and 3; some execution must
//   lose one of them.
// - publication relaxed (a mutant): some execution must let the reader miss key 1.
#include <cstdint>
#include <string>

#include "litmus/claims/claims.h"
#include "mc/check_testing.h"
#include "mc/mc.h"
#include "models/backend/model_backend.h"
#include "models/fixes/cow_map.h"

namespace claims {
namespace {

using Cow = models::CowMap<models::ModelBackend, int64_t, int64_t>;

const mc::Options kOptions{.plain_races = mc::PlainRaces::kContinueCoherent,
                           .classify_findings = true};

mc::Report ReaderAndWriter(models::CowMapOptions cow) {
  return mc::check(
      [cow] {
        Cow m({}, cow);
        m.Store(1, 1);
        int64_t v1 = -1, v2 = -1;
        bool has1 = false, has2 = false;
        mc::thread writer([&] { m.Store(2, 2); });
        mc::thread reader([&] {
          has1 = m.Load(1, &v1);
          has2 = m.Load(2, &v2);
        });
        writer.join();
        reader.join();
        mc::observe("has1", has1 ? 1 : 0);
        mc::observe("v1", has1 ? v1 : -1);
        mc::observe("has2", has2 ? 1 : 0);
        mc::observe("v2", has2 ? v2 : -1);
      },
      kOptions);
}

mc::Report TwoWriters(models::CowMapOptions cow) {
  return mc::check(
      [cow] {
        Cow m({}, cow);
        m.Store(1, 1);
        mc::thread a([&] { m.Store(2, 2); });
        mc::thread b([&] { m.Store(3, 3); });
        a.join();
        b.join();
        int64_t v = 0;
        mc::observe("has2", m.Load(2, &v) ? 1 : 0);
        mc::observe("has3", m.Load(3, &v) ? 1 : 0);
      },
      kOptions);
}

const Register kC12({
    .id = "C12",
    .statement = "A copy-on-write map published through an atomic pointer gives lock-free "
                 "reads; the read lock on the read path is redundant.",
    .expected = "true",
    .test = "claims_test Claims/ClaimVerdict.ModelChecksReachTheStatedVerdict/C12",
    .decide =
        [] {
          const mc::Report ok = ReaderAndWriter({});
          uint64_t bad_reads = 0, findings = 0;
          for (const auto& [outcome, count] : ok.outcomes) {
            if (outcome.find("finding=") != std::string::npos) findings += count;
            const bool good = mc::testing::OutcomeMatches(outcome, "has1=1 v1=1") &&
                              (mc::testing::OutcomeMatches(outcome, "has2=0 v2=-1") ||
                               mc::testing::OutcomeMatches(outcome, "has2=1 v2=2"));
            if (!good) bad_reads += count;
          }
          const mc::Report unlocked = TwoWriters({.lock_writers = false});
          const uint64_t lost = mc::testing::CountMatching(unlocked, "has2=0") +
                                mc::testing::CountMatching(unlocked, "has3=0");
          const mc::Report relaxed = ReaderAndWriter({.publish = mc::relaxed, .read = mc::relaxed});
          const uint64_t missed = mc::testing::CountMatching(relaxed, "has1=0");
          const bool holds = ok.exhaustive && bad_reads == 0 && findings == 0;
          const bool conditions_needed = lost > 0 && missed > 0;
          return Decision{
              holds && conditions_needed ? "true" : "undecided",
              "lock-free reader vs writer: " + std::to_string(ok.executions) + " executions, " +
                  std::to_string(bad_reads) + " wrong reads; without the writer lock: " +
                  std::to_string(lost) + " of " + std::to_string(unlocked.executions) +
                  " executions lose an update; published relaxed: " + std::to_string(missed) +
                  " of " + std::to_string(relaxed.executions) + " miss a key"};
        },
});

}  // namespace
}  // namespace claims
