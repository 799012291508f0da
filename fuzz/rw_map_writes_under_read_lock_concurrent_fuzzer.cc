// rw_map_writes_under_read_lock_concurrent_fuzzer: the concurrent linearizability target
// (fuzz/map_concurrent_fuzzer.h) on models::RWMapWritesUnderReadLock<models::RealBackend>.
#include "fuzz/map_concurrent_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_CONCURRENT_FUZZER(models::RWMapWritesUnderReadLock<models::RealBackend>)
