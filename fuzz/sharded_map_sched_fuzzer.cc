// sharded_map_sched_fuzzer: the deterministic schedule target (fuzz/map_sched_fuzzer.h) on
// models::ShardedMap<models::ModelBackend, int64_t, int64_t, 2> (2 shards, as the
// checker proves it).
#include "fuzz/map_sched_fuzzer.h"
#include "models/backend/model_backend.h"
#include "models/fixes/sharded_map.h"

MAPCHECK_SCHED_FUZZER("sharded_map_sched_fuzzer", models::ShardedMap<models::ModelBackend, int64_t, int64_t, 2>)
