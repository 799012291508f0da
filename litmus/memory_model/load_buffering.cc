// Load buffering (LB): each thread reads one location, then writes the other. Both reads seeing
// the other thread's later write needs po ∪ rf to be cyclic, which RC11 forbids (no out-of-thin-
// air), with or without dependencies.
//
// C++ twins of litmus/conformance/ files: the same programs written directly against mc::atomic
// and mc::var, a deliberate cross-check of the herd front end (parser and interpreter) that
// reads the files. The files state the expectations; conformance_test holds each twin to them.
#include "litmus/litmus.h"

namespace litmus {
namespace {

using mc::acquire;
using mc::relaxed;
using mc::release;

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

const RegisterTwin kLbRlx({
    .name = "LB+rlx",
    .body = [] { LoadBuffering(relaxed, relaxed); },
});

const RegisterTwin kLbAcqRel({
    .name = "LB+acq+rel",
    .body = [] { LoadBuffering(acquire, release); },
});

const RegisterTwin kLbRlxRel({
    .name = "LB+rlx+rel",
    .body = [] { LoadBuffering(relaxed, release); },
});

const RegisterTwin kLbCtrl({
    .name = "LB+ctrl",
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
const RegisterTwin kLbData({
    .name = "LB+data",
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
