// locked_map_range_unlocked_ops_fuzzer: the sequential differential target (fuzz/map_ops_fuzzer.h)
// on models::LockedMapRangeUnlocked<models::RealBackend>.
#include "fuzz/map_ops_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_OPS_FUZZER(models::LockedMapRangeUnlocked<models::RealBackend>)
