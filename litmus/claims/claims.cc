#include "litmus/claims/claims.h"

namespace claims {

std::vector<Claim>& Registry() {
  static std::vector<Claim> registry;
  return registry;
}

}  // namespace claims
