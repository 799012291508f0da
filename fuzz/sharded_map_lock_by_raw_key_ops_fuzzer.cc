// sharded_map_lock_by_raw_key_ops_fuzzer: the sequential differential target
// (fuzz/map_ops_fuzzer.h) on models::ShardedMapLockByRawKey<models::RealBackend>.
#include "fuzz/map_ops_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_OPS_FUZZER(models::ShardedMapLockByRawKey<models::RealBackend>)
