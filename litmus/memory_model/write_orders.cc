// Shapes about the modification order of two locations: 2+2W (each thread writes both locations
// in opposite orders), R (a write-write chain observed by a read) and S (a read between two
// writes). RC11 lets mo disagree with po across locations unless SC orders it. The final value of
// a location is its mo-last write, read after both threads are joined.
// Counts from docs/conformance.md.
#include "litmus/litmus.h"

namespace litmus {
namespace {

using mc::relaxed;
using mc::release;
using mc::seq_cst;

void TwoPlusTwoW(mc::memory_order order, bool fences) {
  mc::atomic<int> x{0}, y{0};
  Threads(
      [&] {
        x.store(1, order);
        if (fences) mc::fence(seq_cst);
        y.store(2, order);
      },
      [&] {
        y.store(1, order);
        if (fences) mc::fence(seq_cst);
        x.store(2, order);
      });
  mc::observe("x", x.load(relaxed));
  mc::observe("y", y.load(relaxed));
}

const std::vector<Clause> kBothFirst = {{"x", 1}, {"y", 1}};

const Register k2p2wRel({
    .name = "2+2W+rel",
    .family = "write orders",
    .program = "x.store(1,rel); y.store(2,rel) || y.store(1,rel); x.store(2,rel)",
    .condition = kBothFirst,
    .rc11 = {.allowed = true, .executions = 4},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { TwoPlusTwoW(release, false); },
});

const Register k2p2wSc({
    .name = "2+2W+sc",
    .family = "write orders",
    .program = "x.store(1,sc); y.store(2,sc) || y.store(1,sc); x.store(2,sc)",
    .condition = kBothFirst,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { TwoPlusTwoW(seq_cst, false); },
});

const Register k2p2wScFences({
    .name = "2+2W+scfences",
    .family = "write orders",
    .program = "x.store(1,rlx); fence(sc); y.store(2,rlx) || "
               "y.store(1,rlx); fence(sc); x.store(2,rlx)",
    .condition = kBothFirst,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { TwoPlusTwoW(relaxed, true); },
});

void RShape(mc::memory_order order) {
  mc::atomic<int> x{0}, y{0};
  int r0 = -1;
  Threads(
      [&] {
        x.store(1, order);
        y.store(1, order);
      },
      [&] {
        y.store(2, order);
        r0 = x.load(order);
      });
  mc::observe("y", y.load(relaxed));
  mc::observe("1:r0", r0);
}

const Register kRRlx({
    .name = "R+rlx",
    .family = "write orders",
    .program = "x.store(1,rlx); y.store(1,rlx) || y.store(2,rlx); r0=x.load(rlx)",
    .condition = {{"y", 2}, {"1:r0", 0}},
    .rc11 = {.allowed = true, .executions = 4},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { RShape(relaxed); },
});

const Register kRSc({
    .name = "R+sc",
    .family = "write orders",
    .program = "x.store(1,sc); y.store(1,sc) || y.store(2,sc); r0=x.load(sc)",
    .condition = {{"y", 2}, {"1:r0", 0}},
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { RShape(seq_cst); },
});

const Register kSRlx({
    .name = "S+rlx",
    .family = "write orders",
    .program = "x.store(2,rlx); y.store(1,rlx) || r0=y.load(rlx); x.store(1,rlx)",
    .condition = {{"x", 2}, {"1:r0", 1}},
    .rc11 = {.allowed = true, .executions = 4},
    .sc = {.allowed = false, .executions = 3},
    .body =
        [] {
          mc::atomic<int> x{0}, y{0};
          int r0 = -1;
          Threads(
              [&] {
                x.store(2, relaxed);
                y.store(1, relaxed);
              },
              [&] {
                r0 = y.load(relaxed);
                x.store(1, relaxed);
              });
          mc::observe("x", x.load(relaxed));
          mc::observe("1:r0", r0);
        },
});

}  // namespace
}  // namespace litmus
