// Claim C5 (docs/incident-claims.md): "A reader checks the flag, so a read racing with a write either
// sees the fatal 'concurrent map read and map write' or a correct value." Verdict: false.
//
// Decided by the protocol case growing_writer_vs_reader (litmus/go_map/protocol.cc), every
// execution: GoMap<ModelBackend, int64, int64, 2 cells per bucket> made with hint 1 holding keys
// 1 and 2 (one full bucket); a writer stores key 100, which starts and finishes a growth
// (hashGrow, evacuation); a reader loads key 1 at the same time. RC11, plain races coherent,
// findings classified. The reader checks hashWriting once, at entry, then reads B, buckets,
// oldbuckets and the cells without further checks, so it can miss a key that was there all
// along, or read a cleared value, with no fatal; it can even pair the new B with the old bucket
// array and index past it (Go: a fault). The ledger cites a replayable witness.
// The same with Go's 8 cells (keys 1..8): 26,253 executions, about 55 s, too slow per commit;
// the reader misses the key in 25,820 and reads a wrong value in 64. Not an artefact of weak
// memory: under SC (1,614 executions, 17 s) it still misses the key in 1,305 executions and
// reads a wrong value in 5.
#include <cstdint>
#include <string>

#include "litmus/claims/claims.h"
#include "litmus/go_map/protocol.h"

namespace claims {
namespace {

const Register kC5({
    .id = "C5",
    .statement = "A reader checks the flag, so a read racing with a write either sees the fatal "
                 "\"concurrent map read and map write\" or a correct value.",
    .expected = "false",
    .test = "claims_test Claims/ClaimVerdict.ModelChecksReachTheStatedVerdict/C5",
    .decide =
        [] {
          const litmus::go_map::ProtocolResult r =
              litmus::go_map::RunProtocolCase("growing_writer_vs_reader");
          const uint64_t wrong = r.Count("wrong read");
          return Decision{
              wrong > 0 && r.report.exhaustive ? "false" : "undecided",
              "a reader beside a writer that grows the map (" + r.Explored() +
                  ", 2 cells per bucket): " + std::to_string(wrong) +
                  " miss the key or read a wrong value with no fatal (witness: `mapcheck replay " +
                  r.Witness("wrong read") + "`); " +
                  std::to_string(r.Count("fatal: concurrent map read and map write")) +
                  " end in the reader's fatal, " +
                  std::to_string(r.Count("fatal: unexpected fault address")) + " in a fault, " +
                  std::to_string(r.Count("correct")) + " read correctly"};
        },
});

}  // namespace
}  // namespace claims
