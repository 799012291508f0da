// Shapes about the modification order of two locations: 2+2W (each thread writes both locations
// in opposite orders), R (a write-write chain observed by a read) and S (a read between two
// writes). RC11 lets mo disagree with po across locations unless SC orders it. The final value of
// a location is its mo-last write, read after both threads are joined.
//
//
// C++ twins of litmus/conformance/ files: the same programs written directly against mc::atomic
// and mc::var, a deliberate cross-check of the herd front end (parser and interpreter) that
// reads the files. The files state the expectations; conformance_test holds each twin to them.
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

const RegisterTwin k2p2wRel({
    .name = "2+2W+rel",
    .body = [] { TwoPlusTwoW(release, false); },
});

const RegisterTwin k2p2wSc({
    .name = "2+2W+sc",
    .body = [] { TwoPlusTwoW(seq_cst, false); },
});

const RegisterTwin k2p2wScFences({
    .name = "2+2W+scfences",
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

const RegisterTwin kRRlx({
    .name = "R+rlx",
    .body = [] { RShape(relaxed); },
});

const RegisterTwin kRSc({
    .name = "R+sc",
    .body = [] { RShape(seq_cst); },
});

const RegisterTwin kSRlx({
    .name = "S+rlx",
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
