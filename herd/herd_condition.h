// The part of a herd C litmus file after its threads: `locations [...]`, `filter` and the final
// condition (`exists`, `~exists` or `forall` over `N:reg` and locations under ~ /\ \/), read into
// the Program the thread parser (herd_parser.cc) has filled so far.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "herd/herd_program.h"
#include "herd/herd_token_cursor.h"

namespace herd::internal {

class ConditionParser {
 public:
  // `thread_registers`: the registers each thread declares, which a condition may name.
  ConditionParser(TokenCursor& in, Program& program,
                  const std::vector<std::set<std::string>>& thread_registers);
  // Parses to the end of the file; what is wrong is thrown as a Failure.
  void Run();

 private:
  bool HasLocation(std::string_view name) const;
  // "N:reg" (a register of thread N) or "loc" / "[loc]" (a location's final value).
  std::string ParseObservedName();
  void Observe(const std::string& name);  // adds it to Program::observed, once
  void ParseLocations();
  void ParseCondition();
  Prop ParseProp();
  Prop ParseConj();
  Prop ParseChain(std::string_view op, Prop::Kind kind, Prop (ConditionParser::*operand)());
  Prop ParseAtom();

  TokenCursor& in_;
  Program& p_;
  const std::vector<std::set<std::string>>& thread_registers_;
};

}  // namespace herd::internal
