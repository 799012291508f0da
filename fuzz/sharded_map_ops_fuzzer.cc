// sharded_map_ops_fuzzer: the sequential differential target (fuzz/map_ops_fuzzer.h) on
// models::ShardedMap<models::RealBackend, int64_t, int64_t, 16>.
#include "fuzz/map_ops_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/fixes/sharded_map.h"

MAPCHECK_OPS_FUZZER(models::ShardedMap<models::RealBackend, int64_t, int64_t, 16>)
