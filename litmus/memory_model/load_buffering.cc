// Load buffering (LB): each thread reads one location, then writes the other. Both reads seeing
// the other thread's later write needs po ∪ rf to be cyclic, which RC11 forbids (no out-of-thin-
// air), with or without dependencies. Counts from docs/conformance.md.
#include "litmus/litmus.h"

namespace litmus {
namespace {

using mc::acquire;
using mc::relaxed;
using mc::release;

const std::vector<Clause> kBothOne = {{"0:r0", 1}, {"1:r1", 1}};

void LoadBuffering(mc::memory_order read_order, mc::memory_order write_order) {
  mc::atomic<int> x{0}, y{0};
  int r0 = -1, r1 = -1;
  Threads(
      [&] {
        r0 = x.load(read_order);
        y.store(1, write_order);
      },
      [&] {
        r1 = y.load(read_order);
        x.store(1, write_order);
      });
  mc::observe("0:r0", r0);
  mc::observe("1:r1", r1);
}

const Register kLbRlx({
    .name = "LB+rlx",
    .family = "load buffering",
    .program = "r0=x.load(rlx); y.store(1,rlx) || r1=y.load(rlx); x.store(1,rlx)",
    .condition = kBothOne,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { LoadBuffering(relaxed, relaxed); },
});

const Register kLbAcqRel({
    .name = "LB+acq+rel",
    .family = "load buffering",
    .program = "r0=x.load(acq); y.store(1,rel) || r1=y.load(acq); x.store(1,rel)",
    .condition = kBothOne,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { LoadBuffering(acquire, release); },
});

const Register kLbRlxRel({
    .name = "LB+rlx+rel",
    .family = "load buffering",
    .program = "r0=x.load(rlx); y.store(1,rel) || r1=y.load(rlx); x.store(1,rel)",
    .condition = kBothOne,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { LoadBuffering(relaxed, release); },
});

const Register kLbCtrl({
    .name = "LB+ctrl",
    .family = "load buffering",
    .program = "r0=x.load(rlx); if (r0) { y.store(1,rlx) } || "
               "r1=y.load(rlx); if (r1) { x.store(1,rlx) }",
    .condition = kBothOne,
    .rc11 = {.allowed = false, .executions = 1},
    .sc = {.allowed = false, .executions = 1},
    .body =
        [] {
          mc::atomic<int> x{0}, y{0};
          int r0 = -1, r1 = -1;
          Threads(
              [&] {
                r0 = x.load(relaxed);
                if (r0 != 0) y.store(1, relaxed);
              },
              [&] {
                r1 = y.load(relaxed);
                if (r1 != 0) x.store(1, relaxed);
              });
          mc::observe("0:r0", r0);
          mc::observe("1:r1", r1);
        },
});

// Each thread writes what it read: a value other than 0 would come out of thin air.
const Register kLbData({
    .name = "LB+data",
    .family = "load buffering",
    .program = "r1=y.load(rlx); x.store(r1,rlx) || r4=x.load(rlx); y.store(r4,rlx)",
    .condition = {{"0:r1", 0, false}},
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body =
        [] {
          mc::atomic<int> x{0}, y{0};
          int r1 = -1, r4 = -1;
          Threads(
              [&] {
                r1 = y.load(relaxed);
                x.store(r1, relaxed);
              },
              [&] {
                r4 = x.load(relaxed);
                y.store(r4, relaxed);
              });
          mc::observe("0:r1", r1);
          mc::observe("1:r4", r4);
        },
});

}  // namespace
}  // namespace litmus
