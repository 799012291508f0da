// cow_map_concurrent_fuzzer: the concurrent linearizability target (fuzz/map_concurrent_fuzzer.h)
// on models::CowMap<models::RealBackend, int64_t, int64_t>.
#include "fuzz/map_concurrent_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/fixes/cow_map.h"

MAPCHECK_CONCURRENT_FUZZER(models::CowMap<models::RealBackend, int64_t, int64_t>)
