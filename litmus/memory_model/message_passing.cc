// Message passing (MP): a writer publishes data then a flag; a reader sees the flag, then reads
// the data. Seeing the flag but stale data is forbidden once release/acquire (or fences) connect
// the two. Where the data is plain (mc::var), the reader only touches it after seeing the flag,
// so a correct program has no race.
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

void AtomicMessagePassing(mc::memory_order data_w, mc::memory_order flag_w, mc::memory_order flag_r,
                          mc::memory_order data_r) {
  mc::atomic<int> x{0}, y{0};
  int r0 = -1, r1 = -1;
  Threads(
      [&] {
        x.store(1, data_w);
        y.store(1, flag_w);
      },
      [&] {
        r0 = y.load(flag_r);
        r1 = x.load(data_r);
      });
  mc::observe("1:r0", r0);
  mc::observe("1:r1", r1);
}

const RegisterTwin kMpRlx({
    .name = "MP+rlx",
    .body = [] { AtomicMessagePassing(relaxed, relaxed, relaxed, relaxed); },
});

const RegisterTwin kMpRelAcq({
    .name = "MP+rel+acq",
    .body = [] { AtomicMessagePassing(relaxed, release, acquire, relaxed); },
});

const RegisterTwin kMpRelAcqAll({
    .name = "MP+rel+acq(all)",
    .body = [] { AtomicMessagePassing(release, release, acquire, acquire); },
});

const RegisterTwin kMpNaRelAcq({
    .name = "MP+na+rel+acq",
    .body =
        [] {
          mc::var<int> x{0};
          mc::atomic<int> y{0};
          int r0 = -1, r1 = -1;
          Threads(
              [&] {
                x.store(1);
                y.store(1, release);
              },
              [&] {
                r0 = y.load(acquire);
                if (r0 == 1) r1 = x.load();
              });
          mc::observe("1:r0", r0);
          mc::observe("1:r1", r1);
        },
});

const RegisterTwin kMpFences({
    .name = "MP+fences",
    .body =
        [] {
          mc::var<int> x{0};
          mc::atomic<int> y{0};
          int r0 = -1, r1 = -1;
          Threads(
              [&] {
                x.store(1);
                mc::fence(release);
                y.store(1, relaxed);
              },
              [&] {
                r0 = y.load(relaxed);
                mc::fence(acquire);
                if (r0 == 1) r1 = x.load();
              });
          mc::observe("1:r0", r0);
          mc::observe("1:r1", r1);
        },
});

const RegisterTwin kMpRelAcqf({
    .name = "MP+rel+acqf",
    .body =
        [] {
          mc::var<int> x{0};
          mc::atomic<int> y{0};
          int r0 = -1, r1 = -1;
          Threads(
              [&] {
                x.store(1);
                y.store(1, release);
              },
              [&] {
                r0 = y.load(relaxed);
                if (r0 != 0) {
                  mc::fence(acquire);
                  r1 = x.load();
                }
              });
          mc::observe("1:r0", r0);
          mc::observe("1:r1", r1);
        },
});

// The release sequence headed by the release store of 0 continues through the later relaxed
// store of 1 by the same thread (rc11.cat's [W];(po∩loc)?;[W] step), so acquiring 1 synchronises.
const RegisterTwin kMpRelsAcq({
    .name = "MP+rels+acq",
    .body =
        [] {
          mc::var<int> x{0};
          mc::atomic<int> y{0};
          int r0 = -1, r1 = -1;
          Threads(
              [&] {
                x.store(1);
                y.store(0, release);
                y.store(1, relaxed);
              },
              [&] {
                r0 = y.load(acquire);
                if (r0 != 0) r1 = x.load();
              });
          mc::observe("1:r0", r0);
          mc::observe("1:r1", r1);
        },
});

}  // namespace
}  // namespace litmus
