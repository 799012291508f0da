// rw_map_concurrent_fuzzer: the concurrent linearizability target (fuzz/map_concurrent_fuzzer.h)
// on models::RWMap<models::RealBackend, int64_t, int64_t>.
#include "fuzz/map_concurrent_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/fixes/rw_map.h"

MAPCHECK_CONCURRENT_FUZZER(models::RWMap<models::RealBackend, int64_t, int64_t>)
