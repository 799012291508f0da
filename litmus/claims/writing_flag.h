// Claims C1 and C2 share one configuration: two goroutines store distinct keys into one bucket
// of a Go map, every execution explored and classified.
#pragma once

#include <cstdint>

#include "mc/report.h"

namespace claims {

// GoMap<ModelBackend, int64, int64> (Go 1.22's classic hmap), make(map, 1) so B = 0 and one
// bucket, key 100 stored before the threads start; two threads store keys 1 and 2. RC11; the
// map's plain fields race with coherent word-sized semantics (PlainRaces::kContinueCoherent);
// findings classified; exhaustive. `atomic_flag` selects the atomic test-and-set variant.
// `gosched`: each writer calls runtime.Gosched() (a scheduling hint: mc::yield) before storing.
mc::Report TwoWritersOneBucket(bool atomic_flag, bool gosched = false);

struct WriteClasses {
  uint64_t fatal = 0;           // ended in "concurrent map writes"
  uint64_t lost = 0;            // a stored key is missing, no fatal
  uint64_t corrupt = 0;         // both keys present, count or cells inconsistent, no fatal
  uint64_t correct = 0;         // both keys present, len 3, invariants intact
  uint64_t other_findings = 0;  // any finding but that fatal (there should be none)
};
WriteClasses Classify(const mc::Report& report);

}  // namespace claims
