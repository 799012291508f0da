// cow_map_read_relaxed_sched_fuzzer: the deterministic schedule target (fuzz/map_sched_fuzzer.h) on the
// mutant models::CowMapReadRelaxed<models::ModelBackend>.
#include "fuzz/map_sched_fuzzer.h"
#include "models/backend/model_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_SCHED_FUZZER("cow_map_read_relaxed_sched_fuzzer", models::CowMapReadRelaxed<models::ModelBackend>)
