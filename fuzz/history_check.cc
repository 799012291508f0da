#include "fuzz/history_check.h"

namespace fuzz {

std::string CheckHistory(const std::vector<models::testing::Operation>& history,
                         std::string* undecided) {
  return models::testing::CheckLinearizable(history, {}, undecided);
}

}  // namespace fuzz
