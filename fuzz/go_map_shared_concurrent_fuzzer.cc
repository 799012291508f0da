// go_map_shared_concurrent_fuzzer: the concurrent target (fuzz/map_concurrent_fuzzer.h) on the
// bare GoMap shared by threads, the incident: it is expected to stop at once, by the map's own
// "fatal error: concurrent map writes" or by ThreadSanitizer. It has no corpus under ctest.
#include "fuzz/map_concurrent_fuzzer.h"
#include "models/backend/real_backend.h"
#include "models/mutants/mutants.h"

MAPCHECK_CONCURRENT_FUZZER(models::GoMapShared<models::RealBackend>)
