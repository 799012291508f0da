// sync_map_ops_fuzzer: the sequential differential target (fuzz/map_ops_fuzzer.h) on
// models::SyncMap<models::RealBackend, int64_t, int64_t>.
#include "fuzz/map_ops_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/fixes/sync_map.h"

MAPCHECK_OPS_FUZZER(models::SyncMap<models::RealBackend, int64_t, int64_t>)
