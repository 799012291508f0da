// Coherence: per location, every thread sees writes in one modification order, consistent with
// happens-before (CoRR, CoRW, CoWR, CoWW). Forbidden under every model. Counts from
// docs/conformance.md.
#include "litmus/litmus.h"

namespace litmus {
namespace {

using mc::acquire;
using mc::relaxed;
using mc::release;

const Register kCoRR({
    .name = "CoRR",
    .family = "coherence",
    .program = "x.store(1,rel); x.store(2,rel) || r0=x.load(acq); r1=x.load(acq)",
    .condition = {{"1:r0", 2}, {"1:r1", 1}},
    .rc11 = {.allowed = false, .executions = 6},
    .sc = {.allowed = false, .executions = 6},
    .body =
        [] {
          mc::atomic<int> x{0};
          int r0 = -1, r1 = -1;
          Threads(
              [&] {
                x.store(1, release);
                x.store(2, release);
              },
              [&] {
                r0 = x.load(acquire);
                r1 = x.load(acquire);
              });
          mc::observe("1:r0", r0);
          mc::observe("1:r1", r1);
        },
});

const Register kCoRW({
    .name = "CoRW",
    .family = "coherence",
    .program = "r0=x.load(acq); x.store(1,rel) || x.store(2,rel)",
    .condition = {{"0:r0", 2}, {"x", 2}},
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body =
        [] {
          mc::atomic<int> x{0};
          int r0 = -1;
          Threads(
              [&] {
                r0 = x.load(acquire);
                x.store(1, release);
              },
              [&] { x.store(2, release); });
          mc::observe("0:r0", r0);
          mc::observe("x", x.load(relaxed));
        },
});

const Register kCoWR({
    .name = "CoWR",
    .family = "coherence",
    .program = "x.store(1,rel); r0=x.load(acq) || x.store(2,rel)",
    .condition = {{"0:r0", 2}, {"x", 1}},
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body =
        [] {
          mc::atomic<int> x{0};
          int r0 = -1;
          Threads(
              [&] {
                x.store(1, release);
                r0 = x.load(acquire);
              },
              [&] { x.store(2, release); });
          mc::observe("0:r0", r0);
          mc::observe("x", x.load(relaxed));
        },
});

const Register kCoWW({
    .name = "CoWW",
    .family = "coherence",
    .program = "x.store(1,rlx); x.store(2,rlx)",
    .condition = {{"x", 1}},
    .rc11 = {.allowed = false, .executions = 1},
    .sc = {.allowed = false, .executions = 1},
    .body =
        [] {
          mc::atomic<int> x{0};
          Threads([&] {
            x.store(1, relaxed);
            x.store(2, relaxed);
          });
          mc::observe("x", x.load(relaxed));
        },
});

}  // namespace
}  // namespace litmus
