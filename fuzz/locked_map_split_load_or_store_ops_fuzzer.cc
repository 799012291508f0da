// locked_map_split_load_or_store_ops_fuzzer: the sequential differential target
// (fuzz/map_ops_fuzzer.h) on models::LockedMapSplitLoadOrStore<models::RealBackend>.
#include "fuzz/map_ops_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_OPS_FUZZER(models::LockedMapSplitLoadOrStore<models::RealBackend>)
