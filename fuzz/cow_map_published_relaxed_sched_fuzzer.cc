// cow_map_published_relaxed_sched_fuzzer: the deterministic schedule target (fuzz/map_sched_fuzzer.h) on the
// mutant models::CowMapPublishedRelaxed<models::ModelBackend>.
#include "fuzz/map_sched_fuzzer.h"
#include "models/backend/model_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_SCHED_FUZZER("cow_map_published_relaxed_sched_fuzzer", models::CowMapPublishedRelaxed<models::ModelBackend>)
