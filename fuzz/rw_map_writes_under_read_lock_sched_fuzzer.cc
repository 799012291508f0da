// rw_map_writes_under_read_lock_sched_fuzzer: the deterministic schedule target (fuzz/map_sched_fuzzer.h) on the
// mutant models::RWMapWritesUnderReadLock<models::ModelBackend>.
#include "fuzz/map_sched_fuzzer.h"
#include "models/backend/model_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_SCHED_FUZZER("rw_map_writes_under_read_lock_sched_fuzzer", models::RWMapWritesUnderReadLock<models::ModelBackend>)
