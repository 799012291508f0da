// Independent reads of independent writes (IRIW): two readers disagree on the order of two
// independent writes. RC11 allows it for acquire loads (no multi-copy atomicity) and forbids it
// when the reads are SC or separated by SC fences.
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

const RegisterTwin kIriwRlx({
    .name = "IRIW+rlx",
    .body = [] { Iriw(relaxed, relaxed, relaxed, false); },
});

const RegisterTwin kIriwRelAcq({
    .name = "IRIW+rel+acq",
    .body = [] { Iriw(release, acquire, acquire, false); },
});

const RegisterTwin kIriwSc({
    .name = "IRIW+sc",
    .body = [] { Iriw(seq_cst, seq_cst, seq_cst, false); },
});

const RegisterTwin kIriwAcqScFences({
    .name = "IRIW+acq+scfences",
    .body = [] { Iriw(release, acquire, acquire, true); },
});

// The first read of each reader is only acquire, so nothing orders it in psc before the second.
const RegisterTwin kIriwScWritesAcqScReads({
    .name = "IRIW+sc-writes+acq-sc-reads",
    .body = [] { Iriw(seq_cst, acquire, seq_cst, false); },
});

}  // namespace
}  // namespace litmus
