// Coherence: per location, every thread sees writes in one modification order, consistent with
// happens-before (CoRR, CoRW, CoWR, CoWW). Forbidden under every model.
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

const RegisterTwin kCoRR({
    .name = "CoRR",
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

const RegisterTwin kCoRW({
    .name = "CoRW",
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

const RegisterTwin kCoWR({
    .name = "CoWR",
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

const RegisterTwin kCoWW({
    .name = "CoWW",
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
