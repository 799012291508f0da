// sync_map_read_published_relaxed_ops_fuzzer: the sequential differential target
// (fuzz/map_ops_fuzzer.h) on models::SyncMapReadPublishedRelaxed<models::RealBackend>.
#include "fuzz/map_ops_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_OPS_FUZZER(models::SyncMapReadPublishedRelaxed<models::RealBackend>)
