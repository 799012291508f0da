// sync_map_read_published_relaxed_concurrent_fuzzer: the concurrent linearizability target
// (fuzz/map_concurrent_fuzzer.h) on models::SyncMapReadPublishedRelaxed<models::RealBackend>.
#include "fuzz/map_concurrent_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_CONCURRENT_FUZZER(models::SyncMapReadPublishedRelaxed<models::RealBackend>)
