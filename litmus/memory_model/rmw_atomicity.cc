// Atomicity of read-modify-writes: no write may come between an RMW's read and its write in the
// modification order (rmw ∩ (fr;mo) = ∅), so two increments never both read 0, and an exchange
// or successful compare-exchange that read the initial value cannot end up mo-after a store it
// did not see. Counts from docs/conformance.md.
#include "litmus/litmus.h"

namespace litmus {
namespace {

using mc::relaxed;
using mc::seq_cst;

const Register k2xFai({
    .name = "2xFAI",
    .family = "rmw atomicity",
    .program = "r0=y.fetch_add(1,rlx) || r1=y.fetch_add(1,rlx)",
    .condition = {{"y", 1}},
    .rc11 = {.allowed = false, .executions = 2},
    .sc = {.allowed = false, .executions = 2},
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

const Register kXchgAtomicity({
    .name = "XCHG-atomicity",
    .family = "rmw atomicity",
    .program = "y.store(1,rlx) || r1=y.exchange(2,rlx)",
    .condition = {{"1:r1", 0}, {"y", 2}},
    .rc11 = {.allowed = false, .executions = 2},
    .sc = {.allowed = false, .executions = 2},
    .body =
        [] {
          mc::atomic<int> y{0};
          int r1 = -1;
          Threads([&] { y.store(1, relaxed); }, [&] { r1 = y.exchange(2, relaxed); });
          mc::observe("1:r1", r1);
          mc::observe("y", y.load(relaxed));
        },
});

const Register kCasAtomicity({
    .name = "CAS-atomicity",
    .family = "rmw atomicity",
    .program = "y.store(1,rlx) || r1=y.cas(0,2,sc,sc)",
    .condition = {{"1:r1", 0}, {"y", 2}},
    .rc11 = {.allowed = false, .executions = 2},
    .sc = {.allowed = false, .executions = 2},
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

const Register kCii({
    .name = "cii",
    .family = "rmw atomicity",
    .program = "r0=x.cas(1,2,rlx,rlx) || r1=x.fetch_add(1,rlx) || r2=x.fetch_add(1,rlx)",
    .condition = {{"1:r1", 0}, {"2:r2", 0}},
    .rc11 = {.allowed = false, .executions = 6},
    .sc = {.allowed = false, .executions = 6},
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
