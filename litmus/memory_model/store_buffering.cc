// Store buffering (SB): each thread writes one location and reads the other. Both reads seeing
// the initial value is the weak outcome: RC11 allows it unless SC accesses or SC fences order the
// write before the read on both sides.
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

const RegisterTwin kSbRlx({
    .name = "SB+rlx",
    .body = [] { StoreBuffering(relaxed, relaxed, false, relaxed, relaxed, false); },
});

const RegisterTwin kSbRelAcq({
    .name = "SB+rel+acq",
    .body = [] { StoreBuffering(release, acquire, false, release, acquire, false); },
});

const RegisterTwin kSbSc({
    .name = "SB+sc",
    .body = [] { StoreBuffering(seq_cst, seq_cst, false, seq_cst, seq_cst, false); },
});

const RegisterTwin kSbScFences({
    .name = "SB+scfences",
    .body = [] { StoreBuffering(relaxed, relaxed, true, relaxed, relaxed, true); },
});

const RegisterTwin kSbScScf({
    .name = "SB+sc+scf",
    .body = [] { StoreBuffering(seq_cst, seq_cst, false, relaxed, relaxed, true); },
});

const RegisterTwin kSb3ScAcq({
    .name = "SB+3sc+acq",
    .body = [] { StoreBuffering(seq_cst, seq_cst, false, seq_cst, acquire, false); },
});

const RegisterTwin kSb1ScFence({
    .name = "SB+1scfence",
    .body = [] { StoreBuffering(relaxed, relaxed, true, relaxed, relaxed, false); },
});

// Each thread first reads its own write back (an internal rf), then the other location.
const RegisterTwin kSbRfis({
    .name = "SB+rfis",
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
