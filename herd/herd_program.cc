#include "herd/herd_program.h"

#include <algorithm>
#include <sstream>

namespace herd {

bool Holds(const Prop& p, const std::map<std::string, int64_t>& state) {
  switch (p.kind) {
    case Prop::Kind::kTrue:
      return true;
    case Prop::Kind::kFalse:
      return false;
    case Prop::Kind::kEquals: {
      const auto it = state.find(p.name);
      return (it == state.end() ? 0 : it->second) == p.value;
    }
    case Prop::Kind::kNot:
      return !Holds(p.args[0], state);
    case Prop::Kind::kAnd:
      return std::all_of(p.args.begin(), p.args.end(),
                         [&](const Prop& a) { return Holds(a, state); });
    case Prop::Kind::kOr:
      return std::any_of(p.args.begin(), p.args.end(),
                         [&](const Prop& a) { return Holds(a, state); });
  }
  return false;
}

std::map<std::string, int64_t> ParseState(const std::string& outcome) {
  std::map<std::string, int64_t> values;
  std::istringstream in(outcome);
  for (std::string item; in >> item;) {
    const auto eq = item.rfind('=');
    if (eq != std::string::npos) values[item.substr(0, eq)] = std::stoll(item.substr(eq + 1));
  }
  return values;
}

void PropNames(const Prop& p, std::set<std::string>* names) {
  if (p.kind == Prop::Kind::kEquals) names->insert(p.name);
  for (const Prop& a : p.args) PropNames(a, names);
}

std::string PropText(const Prop& p) {
  switch (p.kind) {
    case Prop::Kind::kTrue:
      return "true";
    case Prop::Kind::kFalse:
      return "false";
    case Prop::Kind::kEquals:
      return p.name + "=" + std::to_string(p.value);
    case Prop::Kind::kNot:
      return "~(" + PropText(p.args[0]) + ")";
    case Prop::Kind::kAnd:
    case Prop::Kind::kOr: {
      std::string out;
      for (const Prop& a : p.args) {
        if (!out.empty()) out += p.kind == Prop::Kind::kAnd ? " /\\ " : " \\/ ";
        const bool wrap = a.kind == Prop::Kind::kAnd || a.kind == Prop::Kind::kOr;
        out += wrap ? "(" + PropText(a) + ")" : PropText(a);
      }
      return out;
    }
  }
  return "?";
}

}  // namespace herd
