// cow_map_published_relaxed_concurrent_fuzzer: the concurrent linearizability target
// (fuzz/map_concurrent_fuzzer.h) on models::CowMapPublishedRelaxed<models::RealBackend>.
#include "fuzz/map_concurrent_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_CONCURRENT_FUZZER(models::CowMapPublishedRelaxed<models::RealBackend>)
