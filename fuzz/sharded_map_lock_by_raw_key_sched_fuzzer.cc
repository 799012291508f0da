// sharded_map_lock_by_raw_key_sched_fuzzer: the deterministic schedule target (fuzz/map_sched_fuzzer.h) on the
// mutant models::ShardedMapLockByRawKey<models::ModelBackend>.
#include "fuzz/map_sched_fuzzer.h"
#include "models/backend/model_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_SCHED_FUZZER("sharded_map_lock_by_raw_key_sched_fuzzer", models::ShardedMapLockByRawKey<models::ModelBackend>)
