// Atomicity of read-modify-writes: no write may come between an RMW's read and its write in the
// modification order (rmw ∩ (fr;mo) = ∅), so two increments never both read 0, and an exchange
// or successful compare-exchange that read the initial value cannot end up mo-after a store it
// did not see.
//
// C++ twins of litmus/conformance/ files: the same programs written directly against mc::atomic
// and mc::var, a deliberate cross-check of the herd front end (parser and interpreter) that
// reads the files. The files state the expectations; conformance_test holds each twin to them.
#include "litmus/litmus.h"

namespace litmus {
namespace {

using mc::relaxed;
using mc::seq_cst;

const RegisterTwin k2xFai({
    .name = "2xFAI",
    .body =
        [] {
          mc::atomic<int> y{0};
          int r0 = -1, r1 = -1;
          Threads([&] { r0 = y.fetch_add(1, relaxed); }, [&] { r1 = y.fetch_add(1, relaxed); });
          mc::observe("0:r0", r0);
          mc::observe("1:r1", r1);
          mc::observe("y", y.load(relaxed));
        },
});

const RegisterTwin kXchgAtomicity({
    .name = "XCHG-atomicity",
    .body =
        [] {
          mc::atomic<int> y{0};
          int r1 = -1;
          Threads([&] { y.store(1, relaxed); }, [&] { r1 = y.exchange(2, relaxed); });
          mc::observe("1:r1", r1);
          mc::observe("y", y.load(relaxed));
        },
});

const RegisterTwin kCasAtomicity({
    .name = "CAS-atomicity",
    .body =
        [] {
          mc::atomic<int> y{0};
          int r1 = -1;
          Threads([&] { y.store(1, relaxed); },
                  [&] {
                    int expected = 0;
                    y.compare_exchange_strong(expected, 2, seq_cst, seq_cst);
                    r1 = expected;  // the value read: 0 on success, the current value otherwise
                  });
          mc::observe("1:r1", r1);
          mc::observe("y", y.load(relaxed));
        },
});

const RegisterTwin kCii({
    .name = "cii",
    .body =
        [] {
          mc::atomic<int> x{0};
          int r0 = -1, r1 = -1, r2 = -1;
          Threads(
              [&] {
                int expected = 1;
                x.compare_exchange_strong(expected, 2, relaxed, relaxed);
                r0 = expected;
              },
              [&] { r1 = x.fetch_add(1, relaxed); }, [&] { r2 = x.fetch_add(1, relaxed); });
          mc::observe("0:r0", r0);
          mc::observe("1:r1", r1);
          mc::observe("2:r2", r2);
        },
});

}  // namespace
}  // namespace litmus
