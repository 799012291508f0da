// sync_map_read_published_relaxed_sched_fuzzer: the deterministic schedule target (fuzz/map_sched_fuzzer.h) on the
// mutant models::SyncMapReadPublishedRelaxed<models::ModelBackend>.
#include "fuzz/map_sched_fuzzer.h"
#include "models/backend/model_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_SCHED_FUZZER("sync_map_read_published_relaxed_sched_fuzzer", models::SyncMapReadPublishedRelaxed<models::ModelBackend>)
