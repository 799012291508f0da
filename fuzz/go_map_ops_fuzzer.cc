// go_map_ops_fuzzer: the sequential differential target (fuzz/map_ops_fuzzer.h) on
// models::GoMap<models::RealBackend, int64_t, int64_t>.
#include "fuzz/map_ops_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/go_map/go_map.h"

MAPCHECK_OPS_FUZZER(models::GoMap<models::RealBackend, int64_t, int64_t>)
