#include "scenario/scenario.h"

#include <sstream>

namespace map_scenario {

std::string Scenario::Program() const {
  std::ostringstream out;
  for (size_t t = 0; t < threads.size(); ++t) {
    out << (t == 0 ? "" : " | ") << "T" << t + 1 << ":";  // as the trace numbers them
    for (size_t i = 0; i < threads[t].size(); ++i) {
      const Step& s = threads[t][i];
      out << (i == 0 ? " " : "; ") << models::testing::OpName(s.kind);
      switch (s.kind) {
        case OpKind::kRange:
        case OpKind::kLen:
        case OpKind::kClear:
          out << "()";
          break;
        case OpKind::kLoad:
        case OpKind::kLoadAndDelete:
        case OpKind::kDelete:
          out << "(" << s.key << ")";
          break;
        case OpKind::kCompareAndSwap:
          out << "(" << s.key << "," << s.value << "," << s.new_value << ")";
          break;
        default:
          out << "(" << s.key << "," << s.value << ")";
      }
    }
  }
  return out.str();
}

}  // namespace map_scenario
