// locked_map_range_unlocked_sched_fuzzer: the deterministic schedule target (fuzz/map_sched_fuzzer.h) on the
// mutant models::LockedMapRangeUnlocked<models::ModelBackend>.
#include "fuzz/map_sched_fuzzer.h"
#include "models/backend/model_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_SCHED_FUZZER("locked_map_range_unlocked_sched_fuzzer", models::LockedMapRangeUnlocked<models::ModelBackend>)
