// locked_map_range_unlocked_concurrent_fuzzer: the concurrent linearizability target
// (fuzz/map_concurrent_fuzzer.h) on models::LockedMapRangeUnlocked<models::RealBackend>.
#include "fuzz/map_concurrent_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_CONCURRENT_FUZZER(models::LockedMapRangeUnlocked<models::RealBackend>)
