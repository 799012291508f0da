// sharded_map_concurrent_fuzzer: the concurrent linearizability target
// (fuzz/map_concurrent_fuzzer.h) on models::ShardedMap<models::RealBackend, int64_t, int64_t, 16>.
#include "fuzz/map_concurrent_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/fixes/sharded_map.h"

MAPCHECK_CONCURRENT_FUZZER(models::ShardedMap<models::RealBackend, int64_t, int64_t, 16>)
