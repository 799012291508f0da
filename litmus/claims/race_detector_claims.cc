// Claim C14 (docs/incident-claims.md): "The race detector misses a mix of atomic writes and plain
// reads of the same variable." Verdict: false. mapcheck's checker reports that mix as a data
// race naming both lines (below), and ThreadSanitizer, whose runtime Go's -race detector uses,
// reports it too (ctest C14.ThreadSanitizerReportsAtomicWriteVersusPlainRead runs
// claims/tsan_mixed_access.cc built with -fsanitize=thread).
//
// Program: one goroutine sets a word with an atomic OR (Go: atomic.Or8), another reads the same
// word plainly, with no other synchronisation. RC11, exhaustive, races as findings.
#include <cstdint>
#include <string>

#include "litmus/claims/claims.h"
#include "mc/mc.h"

namespace claims {
namespace {

const Register kC14({
    .id = "C14",
    .statement = "The race detector misses a mix of atomic writes and plain reads of the same "
                 "variable.",
    .expected = "false",
    .test = "claims_test Claims/ClaimVerdict.ModelChecksReachTheStatedVerdict/C14",
    .decide =
        [] {
          const mc::Report r = mc::check([] {
            mc::var<uint8_t> word{0};
            mc::thread writer([&] { (void)word.atomic_fetch_or(4); });
            mc::thread reader([&] { (void)word.load(); });
            writer.join();
            reader.join();
          });
          const bool reported = r.verdict == mc::Verdict::kDataRace &&
                                r.message.find("race_detector_claims.cc") != std::string::npos;
          return Decision{
              reported ? "false" : "undecided",
              "mapcheck's checker: " + std::string(mc::VerdictName(r.verdict)) + ": " + r.message};
        },
});

}  // namespace
}  // namespace claims
