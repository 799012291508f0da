// go_map_shared_sched_fuzzer: the deterministic schedule target (fuzz/map_sched_fuzzer.h) on the
// mutant models::GoMapShared<models::ModelBackend>.
#include "fuzz/map_sched_fuzzer.h"
#include "models/backend/model_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_SCHED_FUZZER("go_map_shared_sched_fuzzer", models::GoMapShared<models::ModelBackend>)
