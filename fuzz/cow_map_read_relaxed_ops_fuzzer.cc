// cow_map_read_relaxed_ops_fuzzer: the sequential differential target (fuzz/map_ops_fuzzer.h) on
// models::CowMapReadRelaxed<models::RealBackend>.
#include "fuzz/map_ops_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_OPS_FUZZER(models::CowMapReadRelaxed<models::RealBackend>)
