// locked_map_split_load_or_store_concurrent_fuzzer: the concurrent linearizability target
// (fuzz/map_concurrent_fuzzer.h) on models::LockedMapSplitLoadOrStore<models::RealBackend>.
#include "fuzz/map_concurrent_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_CONCURRENT_FUZZER(models::LockedMapSplitLoadOrStore<models::RealBackend>)
