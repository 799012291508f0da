// Claims C7 to C10 (docs/incident-claims.md), about Go's sync.Map (the pre-1.24 read/dirty design,
// models/fixes/sync_map.h). C7 and C8 are model-checked (RC11, exhaustive, plain races recorded
// with coherent semantics and findings classified, since an iterating goroutine sets the inner
// map's iterator bits with Go's atomic Or8 while others check them plainly, as in Go's runtime);
// C9 and C10 count lock acquisitions, promotions and dirty rebuilds on one thread.
#include <cstdint>
#include <string>

#include "litmus/claims/claims.h"
#include "mc/check_testing.h"
#include "mc/mc.h"
#include "models/backend/model_backend.h"
#include "models/backend/real_backend.h"
#include "models/fixes/sync_map.h"

namespace claims {
namespace {

using ModelSync = models::SyncMap<models::ModelBackend, int64_t, int64_t>;
using RealSync = models::SyncMap<models::RealBackend, int64_t, int64_t>;

const mc::Options kOptions{.plain_races = mc::PlainRaces::kContinueCoherent,
                           .classify_findings = true};

// Executions whose outcome carries a finding (a fatal, a failed assertion).
uint64_t WithFindings(const mc::Report& r) {
  uint64_t n = 0;
  for (const auto& [outcome, count] : r.outcomes) {
    if (outcome.find("finding=") != std::string::npos) n += count;
  }
  return n;
}

const Register kC7({
    .id = "C7",
    .statement = "sync.Map does not support iteration.",
    .expected = "false",
    .test = "claims_test Claims/ClaimVerdict.ModelChecksReachTheStatedVerdict/C7",
    .decide =
        [] {
          // {1, 2} stored; one thread ranges while another stores 3. Keys present throughout
          // must be visited exactly once; 3 may or may not be.
          const mc::Report r = mc::check(
              [] {
                ModelSync m;
                m.Store(1, 1);
                m.Store(2, 2);
                int seen1 = 0, seen2 = 0, seen3 = 0;
                mc::thread ranger([&] {
                  m.Range([&](int64_t k, int64_t) {
                    seen1 += k == 1;
                    seen2 += k == 2;
                    seen3 += k == 3;
                    return true;
                  });
                });
                mc::thread writer([&] { m.Store(3, 3); });
                ranger.join();
                writer.join();
                mc::observe("seen1", seen1);
                mc::observe("seen2", seen2);
                mc::observe("seen3", seen3);
              },
              kOptions);
          const uint64_t good = mc::testing::CountMatching(r, "seen1=1 seen2=1 seen3=0") +
                                mc::testing::CountMatching(r, "seen1=1 seen2=1 seen3=1");
          const bool works = r.exhaustive && WithFindings(r) == 0 && good == r.executions;
          return Decision{works ? "false" : "undecided",
                          "Range exists (Go 1.9+); ranging while another goroutine stores: " +
                              std::to_string(r.executions) +
                              " executions, all visit each "
                              "present key exactly once, " +
                              std::to_string(WithFindings(r)) + " with a finding"};
        },
});

const Register kC8({
    .id = "C8",
    .statement = "Under very high concurrent write load, sync.Map also fails with \"concurrent "
                 "map writes\".",
    .expected = "false",
    .test = "claims_test Claims/ClaimVerdict.ModelChecksReachTheStatedVerdict/C8",
    .decide =
        [] {
          // Two writers of new keys (slow path, under mu) and two writers of one existing key
          // (fast path, CAS on the entry): no execution may end in a fatal.
          auto writers = [](int64_t k1, int64_t k2) {
            return mc::check(
                [k1, k2] {
                  ModelSync m;
                  m.Store(7, 0);
                  mc::thread a([&] { m.Store(k1, 1); });
                  mc::thread b([&] { m.Store(k2, 2); });
                  a.join();
                  b.join();
                },
                kOptions);
          };
          const mc::Report fresh = writers(1, 2);
          const mc::Report same = writers(7, 7);
          const uint64_t fatal = WithFindings(fresh) + WithFindings(same);
          const bool holds = fresh.exhaustive && same.exhaustive && fatal == 0;
          return Decision{
              holds ? "false" : "undecided",
              "two writers of new keys: " + std::to_string(fresh.executions) +
                  " executions; of one existing key: " + std::to_string(same.executions) +
                  "; fatal or other finding in " + std::to_string(fatal)};
        },
});

const Register kC9({
    .id = "C9",
    .statement = "sync.Map reads are lock-free on the read path; updating an existing key is an "
                 "atomic operation without the lock.",
    .expected = "partly true",
    .test = "claims_test Claims/ClaimVerdict.ModelChecksReachTheStatedVerdict/C9",
    .decide =
        [] {
          RealSync m;
          for (int64_t k = 0; k < 10; ++k) m.Store(k, k);
          int64_t v = 0;
          const uint64_t locks_fresh = m.stats().locks;
          for (int64_t k = 0; k < 10; ++k) (void)m.Load(k, &v);  // keys only in dirty yet
          const uint64_t dirty_reads = m.stats().locks - locks_fresh;
          const uint64_t before = m.stats().locks;
          for (int i = 0; i < 1000; ++i) {
            (void)m.Load(i % 10, &v);
            m.Store(i % 10, i);
          }
          const uint64_t promoted = m.stats().locks - before;
          return Decision{dirty_reads > 0 && promoted == 0 ? "partly true" : "undecided",
                          "after promotion, 1000 loads and 1000 updates of existing keys took " +
                              std::to_string(promoted) +
                              " locks; but the first 10 loads of keys "
                              "stored since the last promotion took " +
                              std::to_string(dirty_reads) + " (keys only in dirty need mu)"};
        },
});

const Register kC10({
    .id = "C10",
    .statement = "Store on a small set of existing keys (m.Store(keys[i%1000], i)) forces "
                 "sync.Map into repeated dirty promotion and rebuilds.",
    .expected = "false",
    .test = "claims_test Claims/ClaimVerdict.ModelChecksReachTheStatedVerdict/C10",
    .decide =
        [] {
          RealSync m;
          for (int64_t k = 0; k < 1000; ++k) m.Store(k, k);
          int64_t v = 0;
          for (int64_t k = 0; k < 1000; ++k) (void)m.Load(k, &v);  // promote once
          const models::SyncMapStats before = m.stats();
          for (int64_t i = 0; i < 100000; ++i) m.Store(i % 1000, i);
          const uint64_t promotions = m.stats().promotions - before.promotions;
          const uint64_t rebuilds = m.stats().rebuilds - before.rebuilds;
          return Decision{promotions == 0 && rebuilds == 0 ? "false" : "true",
                          "100,000 stores over 1,000 existing keys: " + std::to_string(promotions) +
                              " promotions, " + std::to_string(rebuilds) + " dirty rebuilds, " +
                              std::to_string(m.stats().locks - before.locks) +
                              " locks (each store is a CAS on its entry)"};
        },
});

}  // namespace
}  // namespace claims
