// Store buffering (SB): each thread writes one location and reads the other. Both reads seeing
// the initial value is the weak outcome: RC11 allows it unless SC accesses or SC fences order the
// write before the read on both sides. Counts from docs/conformance.md.
#include "litmus/litmus.h"

namespace litmus {
namespace {

using mc::acquire;
using mc::relaxed;
using mc::release;
using mc::seq_cst;

// The SB shape with the orders and fences given.
void StoreBuffering(mc::memory_order w0, mc::memory_order r0_order, bool fence0,
                    mc::memory_order w1, mc::memory_order r1_order, bool fence1) {
  mc::atomic<int> x{0}, y{0};
  int r0 = -1, r1 = -1;
  Threads(
      [&] {
        x.store(1, w0);
        if (fence0) mc::fence(seq_cst);
        r0 = y.load(r0_order);
      },
      [&] {
        y.store(1, w1);
        if (fence1) mc::fence(seq_cst);
        r1 = x.load(r1_order);
      });
  mc::observe("0:r0", r0);
  mc::observe("1:r1", r1);
}

const std::vector<Clause> kBothZero = {{"0:r0", 0}, {"1:r1", 0}};

const Register kSbRlx({
    .name = "SB+rlx",
    .family = "store buffering",
    .program = "x.store(1,rlx); r0=y.load(rlx) || y.store(1,rlx); r1=x.load(rlx)",
    .condition = kBothZero,
    .rc11 = {.allowed = true, .executions = 4},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { StoreBuffering(relaxed, relaxed, false, relaxed, relaxed, false); },
});

const Register kSbRelAcq({
    .name = "SB+rel+acq",
    .family = "store buffering",
    .program = "x.store(1,rel); r0=y.load(acq) || y.store(1,rel); r1=x.load(acq)",
    .condition = kBothZero,
    .rc11 = {.allowed = true, .executions = 4},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { StoreBuffering(release, acquire, false, release, acquire, false); },
});

const Register kSbSc({
    .name = "SB+sc",
    .family = "store buffering",
    .program = "x.store(1,sc); r0=y.load(sc) || y.store(1,sc); r1=x.load(sc)",
    .condition = kBothZero,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { StoreBuffering(seq_cst, seq_cst, false, seq_cst, seq_cst, false); },
});

const Register kSbScFences({
    .name = "SB+scfences",
    .family = "store buffering",
    .program = "x.store(1,rlx); fence(sc); r0=y.load(rlx) || "
               "y.store(1,rlx); fence(sc); r1=x.load(rlx)",
    .condition = kBothZero,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { StoreBuffering(relaxed, relaxed, true, relaxed, relaxed, true); },
});

const Register kSbScScf({
    .name = "SB+sc+scf",
    .family = "store buffering",
    .program = "x.store(1,sc); r0=y.load(sc) || y.store(1,rlx); fence(sc); r1=x.load(rlx)",
    .condition = kBothZero,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { StoreBuffering(seq_cst, seq_cst, false, relaxed, relaxed, true); },
});

const Register kSb3ScAcq({
    .name = "SB+3sc+acq",
    .family = "store buffering",
    .program = "x.store(1,sc); r0=y.load(sc) || y.store(1,sc); r1=x.load(acq)",
    .condition = kBothZero,
    .rc11 = {.allowed = true, .executions = 4},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { StoreBuffering(seq_cst, seq_cst, false, seq_cst, acquire, false); },
});

const Register kSb1ScFence({
    .name = "SB+1scfence",
    .family = "store buffering",
    .program = "x.store(1,rlx); fence(sc); r0=y.load(rlx) || y.store(1,rlx); r1=x.load(rlx)",
    .condition = kBothZero,
    .rc11 = {.allowed = true, .executions = 4},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { StoreBuffering(relaxed, relaxed, true, relaxed, relaxed, false); },
});

// Each thread first reads its own write back (an internal rf), then the other location.
const Register kSbRfis({
    .name = "SB+rfis",
    .family = "store buffering",
    .program = "x.store(1,rel); r0=x.load(sc); r1=y.load(sc) || "
               "y.store(1,rel); r2=y.load(sc); r3=x.load(sc)",
    .condition = {{"0:r0", 1}, {"0:r1", 0}, {"1:r2", 1}, {"1:r3", 0}},
    .rc11 = {.allowed = true, .executions = 4},
    .sc = {.allowed = false, .executions = 3},
    .body =
        [] {
          mc::atomic<int> x{0}, y{0};
          int r0 = -1, r1 = -1, r2 = -1, r3 = -1;
          Threads(
              [&] {
                x.store(1, release);
                r0 = x.load(seq_cst);
                r1 = y.load(seq_cst);
              },
              [&] {
                y.store(1, release);
                r2 = y.load(seq_cst);
                r3 = x.load(seq_cst);
              });
          mc::observe("0:r0", r0);
          mc::observe("0:r1", r1);
          mc::observe("1:r2", r2);
          mc::observe("1:r3", r3);
        },
});

}  // namespace
}  // namespace litmus
