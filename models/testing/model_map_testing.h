// Helpers for checking the map models under the checker (ModelBackend).
#pragma once

#include <cstdint>

#include "mc/mc.h"

namespace models::testing {

// Two threads store (k1, 1) and (k2, 2) into a map made by `make` (after `preload`, if any, has
// stored (preload, 0)); afterwards both keys hold their values and Len counts exactly them. Races
// on plain memory are findings (the default), so a passing report also means no race and no Go
// fatal.
template <class MakeMap>
mc::Report CheckTwoWriters(MakeMap make, int64_t k1, int64_t k2, int64_t preload = -1) {
  return mc::check([make, k1, k2, preload] {
    auto m = make();
    if (preload >= 0) m->Store(preload, 0);
    mc::thread a([&] { m->Store(k1, 1); });
    mc::thread b([&] { m->Store(k2, 2); });
    a.join();
    b.join();
    int64_t v = 0;
    MC_ASSERT(m->Load(k1, &v) && v == 1);
    MC_ASSERT(m->Load(k2, &v) && v == 2);
    MC_ASSERT(m->Len() == (k1 == k2 ? 1 : 2) + (preload >= 0 ? 1 : 0));
  });
}

}  // namespace models::testing
