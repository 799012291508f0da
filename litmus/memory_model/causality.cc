// Causality chains across three threads: write-to-read causality (WRC), where release/acquire is
// transitive through a middle thread, and read-to-write causality (RWC) with SC fences.
// Counts from docs/conformance.md.
#include "litmus/litmus.h"

namespace litmus {
namespace {

using mc::acquire;
using mc::relaxed;
using mc::release;
using mc::seq_cst;

const Register kWrcRelAcq({
    .name = "WRC+rel+acq",
    .family = "causality",
    .program = "x.store(1,rel) || r0=x.load(acq); y.store(1,rel) || r1=y.load(acq); "
               "r2=x.load(rlx)",
    .condition = {{"1:r0", 1}, {"2:r1", 1}, {"2:r2", 0}},
    .rc11 = {.allowed = false, .executions = 7},
    .sc = {.allowed = false, .executions = 7},
    .body =
        [] {
          mc::atomic<int> x{0}, y{0};
          int r0 = -1, r1 = -1, r2 = -1;
          Threads([&] { x.store(1, release); },
                  [&] {
                    r0 = x.load(acquire);
                    y.store(1, release);
                  },
                  [&] {
                    r1 = y.load(acquire);
                    r2 = x.load(relaxed);
                  });
          mc::observe("1:r0", r0);
          mc::observe("2:r1", r1);
          mc::observe("2:r2", r2);
        },
});

const Register kRwcScFences({
    .name = "RWC+scfences",
    .family = "causality",
    .program = "x.store(1,rlx) || r0=x.load(rlx); fence(sc); r1=y.load(rlx) || "
               "y.store(1,rlx); fence(sc); r2=x.load(rlx)",
    .condition = {{"1:r0", 1}, {"1:r1", 0}, {"2:r2", 0}},
    .rc11 = {.allowed = false, .executions = 7},
    .sc = {.allowed = false, .executions = 7},
    .body =
        [] {
          mc::atomic<int> x{0}, y{0};
          int r0 = -1, r1 = -1, r2 = -1;
          Threads([&] { x.store(1, relaxed); },
                  [&] {
                    r0 = x.load(relaxed);
                    mc::fence(seq_cst);
                    r1 = y.load(relaxed);
                  },
                  [&] {
                    y.store(1, relaxed);
                    mc::fence(seq_cst);
                    r2 = x.load(relaxed);
                  });
          mc::observe("1:r0", r0);
          mc::observe("1:r1", r1);
          mc::observe("2:r2", r2);
        },
});

}  // namespace
}  // namespace litmus
