// Claim C11 (docs/incident-claims.md): "An RWMutex-protected map (RLock for reads, Lock for writes)
// is safe." Verdict: true over the bound checked, and the bound is where the claim would break:
// the mutant that writes under RLock is caught.
//
// Configuration: RWMap<ModelBackend, int64, int64> (GoMap behind Go's RWMutex algorithm) made
// with hint 1 and holding {1: 1}. RC11, exhaustive, races as findings. (a) A writer stores
// {2: 2} while a reader loads key 1, which it must find. (b) Two writers store keys 2 and 3;
// both must be there afterwards. (c) The same two writers under the read lock: some execution
// must race or trip Go's detection.
#include <cstdint>
#include <string>

#include "litmus/claims/claims.h"
#include "mc/check_testing.h"
#include "mc/mc.h"
#include "models/backend/model_backend.h"
#include "models/fixes/rw_map.h"

namespace claims {
namespace {

using RW = models::RWMap<models::ModelBackend, int64_t, int64_t>;

mc::Report Check(bool two_writers, bool writes_under_read_lock) {
  return mc::check([two_writers, writes_under_read_lock] {
    RW m(models::GoMapConfig{.hint = 1}, {.writes_under_read_lock = writes_under_read_lock});
    m.Store(1, 1);
    bool found = false;
    mc::thread a([&] { m.Store(2, 2); });
    mc::thread b([&] {
      if (two_writers) {
        m.Store(3, 3);
      } else {
        int64_t v = 0;
        found = m.Load(1, &v) && v == 1;
      }
    });
    a.join();
    b.join();
    int64_t v = 0;
    if (two_writers) {
      MC_ASSERT(m.Load(2, &v) && m.Load(3, &v));
    } else {
      MC_ASSERT(found);
    }
  });
}

const Register kC11({
    .id = "C11",
    .statement = "An RWMutex-protected map (RLock for reads, Lock for writes) is safe.",
    .expected = "true",
    .test = "claims_test Claims/ClaimVerdict.ModelChecksReachTheStatedVerdict/C11",
    .decide =
        [] {
          const mc::Report reader = Check(false, false);
          const mc::Report writers = Check(true, false);
          const mc::Report mutant = Check(true, true);
          const bool safe = reader.verdict == mc::Verdict::kOk && reader.exhaustive &&
                            writers.verdict == mc::Verdict::kOk && writers.exhaustive;
          const bool mutant_caught = mutant.verdict == mc::Verdict::kDataRace ||
                                     mutant.verdict == mc::Verdict::kGoMapFatal;
          return Decision{
              safe && mutant_caught ? "true" : "undecided",
              "writer + reader: " + std::to_string(reader.executions) + " executions, " +
                  std::string(mc::VerdictName(reader.verdict)) +
                  "; two writers: " + std::to_string(writers.executions) + " executions, " +
                  std::string(mc::VerdictName(writers.verdict)) +
                  "; writing under RLock: " + std::string(mc::VerdictName(mutant.verdict))};
        },
});

}  // namespace
}  // namespace claims
