// rw_map_sched_fuzzer: the deterministic schedule target (fuzz/map_sched_fuzzer.h) on
// models::RWMap<models::ModelBackend, int64_t, int64_t>.
#include "fuzz/map_sched_fuzzer.h"
#include "models/backend/model_backend.h"
#include "models/fixes/rw_map.h"

MAPCHECK_SCHED_FUZZER("rw_map_sched_fuzzer", models::RWMap<models::ModelBackend, int64_t, int64_t>)
