#include "invariant.h"

#include <cstdio>
#include <cstdlib>

namespace mc::internal {

void InternalBug(const char* condition, const char* message, const char* file, int line) {
  std::fprintf(stderr,
               "[mc internal bug] %s (%s) at %s:%d\nPlease report it with the test that "
               "triggered it; no verdict of this run can be trusted.\n",
               message, condition, file, line);
  std::abort();
}

}  // namespace mc::internal
