// sync_map_concurrent_fuzzer: the concurrent linearizability target (fuzz/map_concurrent_fuzzer.h)
// on models::SyncMap<models::RealBackend, int64_t, int64_t>.
#include "fuzz/map_concurrent_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/fixes/sync_map.h"

MAPCHECK_CONCURRENT_FUZZER(models::SyncMap<models::RealBackend, int64_t, int64_t>)
