#include "herd/herd_condition.h"

#include <algorithm>
#include <utility>

namespace herd::internal {

ConditionParser::ConditionParser(TokenCursor& in, Program& program,
                                 const std::vector<std::set<std::string>>& thread_registers)
    : in_(in), p_(program), thread_registers_(thread_registers) {}

void ConditionParser::Run() {
  if (in_.PeekIdent("locations")) ParseLocations();
  if (in_.PeekIdent("filter")) {
    in_.Next();
    p_.filter = ParseProp();
  }
  ParseCondition();
  if (in_.Peek().kind != Tok::kEnd) {
    Fail(in_.Peek().pos, "unexpected '" + in_.Peek().text + "' after the condition");
  }
}

bool ConditionParser::HasLocation(std::string_view name) const {
  return std::any_of(p_.locations.begin(), p_.locations.end(),
                     [&](const Location& l) { return l.name == name; });
}

std::string ConditionParser::ParseObservedName() {
  if (in_.Peek().kind == Tok::kNumber && in_.PeekPunct(":", 1)) {
    const Token& thread = in_.Next();
    in_.Next();
    const Token& reg = in_.ExpectIdent("a register name");
    if (thread.value >= static_cast<int64_t>(p_.threads.size())) {
      Fail(thread.pos, "there is no thread P" + std::to_string(thread.value));
    }
    if (!thread_registers_[static_cast<size_t>(thread.value)].contains(reg.text)) {
      Fail(reg.pos, "P" + std::to_string(thread.value) + " has no register '" + reg.text + "'");
    }
    return std::to_string(thread.value) + ":" + reg.text;
  }
  const bool bracket = in_.PeekPunct("[");
  if (bracket) in_.Next();
  const Token& loc = in_.ExpectIdent("a register 'N:r' or a location");
  if (!HasLocation(loc.text)) Fail(loc.pos, "unknown location '" + loc.text + "'");
  if (bracket) in_.Expect("]", "after '[location'");
  return loc.text;
}

void ConditionParser::Observe(const std::string& name) {
  if (std::find(p_.observed.begin(), p_.observed.end(), name) == p_.observed.end()) {
    p_.observed.push_back(name);
  }
}

void ConditionParser::ParseLocations() {
  in_.Next();
  in_.Expect("[", "after 'locations'");
  while (!in_.PeekPunct("]")) {
    Observe(ParseObservedName());
    if (!in_.PeekPunct("]")) in_.Expect(";", "between locations");
  }
  in_.Next();
}

void ConditionParser::ParseCondition() {
  if (in_.PeekPunct("~")) {
    in_.Next();
    if (!in_.PeekIdent("exists")) Fail(in_.Peek().pos, "expected 'exists' after '~'");
    in_.Next();
    p_.quantifier = Quantifier::kNotExists;
  } else if (in_.PeekIdent("exists")) {
    in_.Next();
    p_.quantifier = Quantifier::kExists;
  } else if (in_.PeekIdent("forall")) {
    in_.Next();
    p_.quantifier = Quantifier::kForall;
  } else {
    Fail(in_.Peek().pos, "expected the final condition: 'exists', '~exists' or 'forall', got " +
                             TokenCursor::Describe(in_.Peek()));
  }
  p_.condition = ParseProp();
}

// or := and ('\/' and)*    and := atom ('/\' atom)*
Prop ConditionParser::ParseProp() {
  return ParseChain("\\/", Prop::Kind::kOr, &ConditionParser::ParseConj);
}
Prop ConditionParser::ParseConj() {
  return ParseChain("/\\", Prop::Kind::kAnd, &ConditionParser::ParseAtom);
}

Prop ConditionParser::ParseChain(std::string_view op, Prop::Kind kind,
                                 Prop (ConditionParser::*operand)()) {
  Prop left = (this->*operand)();
  if (!in_.PeekPunct(op)) return left;
  Prop p;
  p.kind = kind;
  p.args.push_back(std::move(left));
  while (in_.PeekPunct(op)) {
    in_.Next();
    p.args.push_back((this->*operand)());
  }
  return p;
}

Prop ConditionParser::ParseAtom() {
  Prop p;
  if (in_.PeekPunct("~") || in_.PeekIdent("not")) {
    in_.Next();
    p.kind = Prop::Kind::kNot;
    p.args.push_back(ParseAtom());
    return p;
  }
  if (in_.PeekPunct("(")) {
    in_.Next();
    p = ParseProp();
    in_.Expect(")", "to close the condition's parenthesis");
    return p;
  }
  if (in_.PeekIdent("true") || in_.PeekIdent("false")) {
    p.kind = in_.Next().text == "true" ? Prop::Kind::kTrue : Prop::Kind::kFalse;
    return p;
  }
  p.kind = Prop::Kind::kEquals;
  p.name = ParseObservedName();
  Observe(p.name);
  bool negated = false;
  if (in_.PeekPunct("!=")) {
    negated = true;
    in_.Next();
  } else if (in_.PeekPunct("=") || in_.PeekPunct("==")) {
    in_.Next();
  } else {
    Fail(in_.Peek().pos,
         "expected '=' or '!=' after '" + p.name + "', got " + TokenCursor::Describe(in_.Peek()));
  }
  p.value = in_.ExpectValue("a value");
  if (!negated) return p;
  Prop n;
  n.kind = Prop::Kind::kNot;
  n.args.push_back(std::move(p));
  return n;
}

}  // namespace herd::internal
