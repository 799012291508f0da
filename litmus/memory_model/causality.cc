// Causality chains across three threads: write-to-read causality (WRC), where release/acquire is
// transitive through a middle thread, and read-to-write causality (RWC) with SC fences.
//
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

const RegisterTwin kWrcRelAcq({
    .name = "WRC+rel+acq",
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

const RegisterTwin kRwcScFences({
    .name = "RWC+scfences",
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
