// Message passing (MP): a writer publishes data then a flag; a reader sees the flag, then reads
// the data. Seeing the flag but stale data is forbidden once release/acquire (or fences) connect
// the two. Where the data is plain (mc::var), the reader only touches it after seeing the flag,
// so a correct program has no race. Counts from docs/conformance.md.
#include "litmus/litmus.h"

namespace litmus {
namespace {

using mc::acquire;
using mc::relaxed;
using mc::release;

const std::vector<Clause> kFlagButStale = {{"1:r0", 1}, {"1:r1", 0}};

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

const Register kMpRlx({
    .name = "MP+rlx",
    .family = "message passing",
    .program = "x.store(1,rlx); y.store(1,rlx) || r0=y.load(rlx); r1=x.load(rlx)",
    .condition = kFlagButStale,
    .rc11 = {.allowed = true, .executions = 4},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { AtomicMessagePassing(relaxed, relaxed, relaxed, relaxed); },
});

const Register kMpRelAcq({
    .name = "MP+rel+acq",
    .family = "message passing",
    .program = "x.store(1,rlx); y.store(1,rel) || r0=y.load(acq); r1=x.load(rlx)",
    .condition = kFlagButStale,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { AtomicMessagePassing(relaxed, release, acquire, relaxed); },
});

const Register kMpRelAcqAll({
    .name = "MP+rel+acq(all)",
    .family = "message passing",
    .program = "x.store(1,rel); y.store(1,rel) || r0=y.load(acq); r1=x.load(acq)",
    .condition = kFlagButStale,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
    .body = [] { AtomicMessagePassing(release, release, acquire, acquire); },
});

const Register kMpNaRelAcq({
    .name = "MP+na+rel+acq",
    .family = "message passing",
    .program = "x.store(1,na); y.store(1,rel) || r0=y.load(acq); r1=-1; "
               "if (r0==1) { r1=x.load(na) }",
    .condition = kFlagButStale,
    .rc11 = {.allowed = false, .executions = 2},
    .sc = {.allowed = false, .executions = 2},
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

const Register kMpFences({
    .name = "MP+fences",
    .family = "message passing",
    .program = "x.store(1,na); fence(rel); y.store(1,rlx) || r0=y.load(rlx); fence(acq); r1=-1; "
               "if (r0==1) { r1=x.load(na) }",
    .condition = kFlagButStale,
    .rc11 = {.allowed = false, .executions = 2},
    .sc = {.allowed = false, .executions = 2},
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

const Register kMpRelAcqf({
    .name = "MP+rel+acqf",
    .family = "message passing",
    .program = "x.store(1,na); y.store(1,rel) || r0=y.load(rlx); if (r0) { fence(acq); "
               "r1=x.load(na) }",
    .condition = kFlagButStale,
    .rc11 = {.allowed = false, .executions = 2},
    .sc = {.allowed = false, .executions = 2},
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
const Register kMpRelsAcq({
    .name = "MP+rels+acq",
    .family = "message passing",
    .program = "x.store(1,na); y.store(0,rel); y.store(1,rlx) || r0=y.load(acq); "
               "if (r0) { r1=x.load(na) }",
    .condition = kFlagButStale,
    .rc11 = {.allowed = false, .executions = 3},
    .sc = {.allowed = false, .executions = 3},
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
