// Claim C13 (docs/incident-claims.md): "A 256-shard map with FNV-1a shard selection is safe, and has
// no cross-shard consistency issue." Verdict: partly true. Each single-key operation is atomic
// (one shard, one mutex), but Len and Range read the shards one after another.
//
// Configuration: ShardedMap<ModelBackend, int64, int64, 2> (two shards keep the state space
// small; the argument does not depend on the count). Key a lives in shard 0, key b in shard 1;
// the map starts as {a}. A writer deletes a, then stores b: the map's size goes 1, 0, 1. A reader
// calls Len, which sums shard 0 then shard 1. RC11, exhaustive. Executions: the reader takes
// each shard's lock before or after the writer (2 x 2, all feasible) and everything else is
// ordered by the locks: 4 executions, with Len = 1 (before, before), 2 (before, after),
// 0 (after, before), 1 (after, after). Len = 2 is a size the map never had.
#include <cstdint>
#include <string>

#include "litmus/claims/claims.h"
#include "mc/check_testing.h"
#include "mc/mc.h"
#include "models/backend/model_backend.h"
#include "models/fixes/sharded_map.h"

namespace claims {
namespace {

using Sharded = models::ShardedMap<models::ModelBackend, int64_t, int64_t, 2>;

int64_t KeyInShard(size_t shard) {
  for (int64_t k = 1;; ++k) {
    if (Sharded::ShardOf(k) == shard) return k;
  }
}

const Register kC13({
    .id = "C13",
    .statement = "A 256-shard map with FNV-1a shard selection is safe, and has no cross-shard "
                 "consistency issue.",
    .expected = "partly true",
    .test = "claims_test Claims/ClaimVerdict.ModelChecksReachTheStatedVerdict/C13",
    .decide =
        [] {
          const int64_t a = KeyInShard(0), b = KeyInShard(1);
          const mc::Report r = mc::check([a, b] {
            Sharded m;
            m.Store(a, 1);
            int64_t len = -1;
            mc::thread writer([&] {
              m.Delete(a);
              m.Store(b, 2);
            });
            mc::thread reader([&] { len = m.Len(); });
            writer.join();
            reader.join();
            mc::observe("len", len);
          });
          const uint64_t impossible = mc::testing::CountMatching(r, "len=2");
          const bool safe = r.verdict == mc::Verdict::kOk && r.exhaustive;
          std::string verdict = "undecided";
          if (safe && r.executions == 4 && impossible == 1) verdict = "partly true";
          return Decision{verdict,
                          "no race, no fatal in " + std::to_string(r.executions) +
                              " executions; Len returned 2, a size the map never had, in " +
                              std::to_string(impossible) + " of them"};
        },
});

}  // namespace
}  // namespace claims
