// Uses the installed checker and map models the way a user's project does, and fails (exit 1)
// unless each result is the one derived here.
#include <cstdio>
#include <cstdlib>

#include "mc/mc.h"
#include "models/backend/model_backend.h"
#include "models/fixes/locked_map.h"

namespace {

int failures = 0;

void Expect(bool ok, const char* what, const mc::Report& r) {
  if (ok) return;
  ++failures;
  std::printf("FAILED: %s\n%s\n", what, r.ToString().c_str());
}

}  // namespace

int main() {
  // Store buffering with relaxed atomics under RC11: each load reads 0 or 1, 4 executions, and
  // the outcome both 0 is allowed.
  const mc::Report sb = mc::check([] {
    mc::atomic<int> x{0}, y{0};
    int r0 = -1, r1 = -1;
    mc::thread a([&] {
      x.store(1, mc::relaxed);
      r0 = y.load(mc::relaxed);
    });
    mc::thread b([&] {
      y.store(1, mc::relaxed);
      r1 = x.load(mc::relaxed);
    });
    a.join();
    b.join();
    mc::observe("r0", r0);
    mc::observe("r1", r1);
  });
  Expect(sb.ok() && sb.exhaustive && sb.executions == 4 && sb.outcomes.count("r0=0 r1=0") == 1,
         "store buffering: 4 executions, r0=0 r1=0 among them", sb);
  // The locked map fix with two writers of one key: each takes the mutex first in one execution
  // (the stores and the final load, under the mutex or after the joins, have no other choice),
  // so 2 executions, each correct.
  const mc::Report locked = mc::check([] {
    models::LockedMap<models::ModelBackend, int, int> m;
    mc::thread a([&] { m.Store(1, 1); });
    mc::thread b([&] { m.Store(1, 2); });
    a.join();
    b.join();
    int v = 0;
    MC_ASSERT(m.Load(1, &v) && (v == 1 || v == 2));
  });
  Expect(locked.ok() && locked.exhaustive && locked.executions == 2,
         "the locked map: no finding in every execution of two writers", locked);
  if (failures == 0) std::printf("consumer: %llu + %llu executions, as derived\n",
                                 static_cast<unsigned long long>(sb.executions),
                                 static_cast<unsigned long long>(locked.executions));
  return failures == 0 ? 0 : 1;
}
