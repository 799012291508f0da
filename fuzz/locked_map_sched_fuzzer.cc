// locked_map_sched_fuzzer: the deterministic schedule target (fuzz/map_sched_fuzzer.h) on
// models::LockedMap<models::ModelBackend, int64_t, int64_t>.
#include "fuzz/map_sched_fuzzer.h"
#include "models/backend/model_backend.h"
#include "models/fixes/locked_map.h"

MAPCHECK_SCHED_FUZZER("locked_map_sched_fuzzer", models::LockedMap<models::ModelBackend, int64_t, int64_t>)
