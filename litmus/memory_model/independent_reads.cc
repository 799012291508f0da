// Independent reads of independent writes (IRIW): two readers disagree on the order of two
// independent writes. RC11 allows it for acquire loads (no multi-copy atomicity) and forbids it
// when the reads are SC or separated by SC fences. Counts from docs/conformance.md.
#include "litmus/litmus.h"

namespace litmus {
namespace {

using mc::acquire;
using mc::relaxed;
using mc::release;
using mc::seq_cst;

const std::vector<Clause> kDisagree = {{"2:r0", 1}, {"2:r1", 0}, {"3:r2", 1}, {"3:r3", 0}};

void Iriw(mc::memory_order w, mc::memory_order first_read, mc::memory_order second_read,
          bool fences) {
  mc::atomic<int> x{0}, y{0};
  int r0 = -1, r1 = -1, r2 = -1, r3 = -1;
  Threads([&] { x.store(1, w); }, [&] { y.store(1, w); },
          [&] {
            r0 = x.load(first_read);
            if (fences) mc::fence(seq_cst);
            r1 = y.load(second_read);
          },
          [&] {
            r2 = y.load(first_read);
            if (fences) mc::fence(seq_cst);
            r3 = x.load(second_read);
          });
  mc::observe("2:r0", r0);
  mc::observe("2:r1", r1);
  mc::observe("3:r2", r2);
  mc::observe("3:r3", r3);
}

const Register kIriwRlx({
    .name = "IRIW+rlx",
    .family = "independent reads",
    .program = "x.store(1,rlx) || y.store(1,rlx) || r0=x.load(rlx); r1=y.load(rlx) || "
               "r2=y.load(rlx); r3=x.load(rlx)",
    .condition = kDisagree,
    .rc11 = {.allowed = true, .executions = 16},
    .sc = {.allowed = false, .executions = 15},
    .body = [] { Iriw(relaxed, relaxed, relaxed, false); },
});

const Register kIriwRelAcq({
    .name = "IRIW+rel+acq",
    .family = "independent reads",
    .program = "x.store(1,rel) || y.store(1,rel) || r0=x.load(acq); r1=y.load(acq) || "
               "r2=y.load(acq); r3=x.load(acq)",
    .condition = kDisagree,
    .rc11 = {.allowed = true, .executions = 16},
    .sc = {.allowed = false, .executions = 15},
    .body = [] { Iriw(release, acquire, acquire, false); },
});

const Register kIriwSc({
    .name = "IRIW+sc",
    .family = "independent reads",
    .program = "x.store(1,sc) || y.store(1,sc) || r0=x.load(sc); r1=y.load(sc) || "
               "r2=y.load(sc); r3=x.load(sc)",
    .condition = kDisagree,
    .rc11 = {.allowed = false, .executions = 15},
    .sc = {.allowed = false, .executions = 15},
    .body = [] { Iriw(seq_cst, seq_cst, seq_cst, false); },
});

const Register kIriwAcqScFences({
    .name = "IRIW+acq+scfences",
    .family = "independent reads",
    .program = "x.store(1,rel) || y.store(1,rel) || r0=x.load(acq); fence(sc); r1=y.load(acq) || "
               "r2=y.load(acq); fence(sc); r3=x.load(acq)",
    .condition = kDisagree,
    .rc11 = {.allowed = false, .executions = 15},
    .sc = {.allowed = false, .executions = 15},
    .body = [] { Iriw(release, acquire, acquire, true); },
});

// The first read of each reader is only acquire, so nothing orders it in psc before the second.
const Register kIriwScWritesAcqScReads({
    .name = "IRIW+sc-writes+acq-sc-reads",
    .family = "independent reads",
    .program = "x.store(1,sc) || y.store(1,sc) || r0=x.load(acq); r1=y.load(sc) || "
               "r2=y.load(acq); r3=x.load(sc)",
    .condition = kDisagree,
    .rc11 = {.allowed = true, .executions = 16},
    .sc = {.allowed = false, .executions = 15},
    .body = [] { Iriw(seq_cst, acquire, seq_cst, false); },
});

}  // namespace
}  // namespace litmus
