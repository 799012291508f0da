// map_memory: bytes per entry of GoMap<RealBackend, int64_t, int64_t> against Go's own layout
// for map[int64]int64, at sizes across several growths. Prints a table; no timing involved.
//
// Go's layout (runtime/map.go, Go 1.22, amd64): a bucket is 8 tophash bytes + 8 keys + 8 elems
// + an overflow pointer = 8 + 64 + 64 + 8 = 144 bytes; the hmap header is 48 bytes; makeBucketArray
// preallocates 2^(B-4) overflow buckets once B >= 4. The model has the same bucket (measured
// here by sizeof), the same growth rules and an exact overflow count, but preallocates nothing.
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <random>

#include "models/backend/real_backend.h"
#include "models/go_map/go_map.h"

namespace {

using Map = models::GoMap<models::RealBackend, int64_t, int64_t>;

// Go's bytes for the same B and overflow count: header, array, and the overflow buckets beyond
// what Go would have preallocated (a preallocated one is used before a new one is made).
double GoBytes(uint8_t b, uint16_t noverflow) {
  const double buckets = static_cast<double>(uintptr_t{1} << b);
  const double prealloc = b >= 4 ? static_cast<double>(uintptr_t{1} << (b - 4)) : 0.0;
  const double overflow = noverflow > prealloc ? noverflow : prealloc;
  return 48.0 + 144.0 * (buckets + overflow);
}

}  // namespace

int main() {
  std::printf("sizeof(Bucket<RealBackend, int64, int64>) = %zu bytes (Go: 144)\n\n",
              sizeof(Map::Bucket));
  std::printf("%10s %3s %9s %8s %12s %10s %12s %10s\n", "entries", "B", "overflow", "growing",
              "model bytes", "per entry", "Go bytes", "per entry");
  std::mt19937_64 rng(1);
  for (const int64_t n : {8, 9, 100, 1000, 1664, 1665, 10000, 100000, 1000000}) {
    Map m;
    for (int64_t i = 0; i < n; ++i) m.Store(static_cast<int64_t>(rng()), i);
    const double model = static_cast<double>(m.LiveBytes());
    const double go = GoBytes(m.BucketsLog2(), m.OverflowBuckets());
    std::printf("%10" PRId64 " %3d %9d %8s %12.0f %10.1f %12.0f %10.1f\n", n, int{m.BucketsLog2()},
                int{m.OverflowBuckets()}, m.Growing() ? "yes" : "no", model,
                model / static_cast<double>(n), go, go / static_cast<double>(n));
  }
  std::printf(
      "\nWhile a growth is in progress the old array is live too (model bytes count it; the Go\n"
      "column does not). Random keys, default hasher; run: build/default/bench/map_memory\n");
  return 0;
}
