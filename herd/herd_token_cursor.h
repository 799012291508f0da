// A cursor over the tokens of a herd C litmus file (herd_lexer.h), with the expectations the
// parsers state ("expected ';' after ..., got 'x'"); what it rejects it throws as a Failure.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "herd/herd_lexer.h"

namespace herd::internal {

class TokenCursor {
 public:
  explicit TokenCursor(std::vector<Token> tokens) : toks_(std::move(tokens)) {}

  const Token& Peek(size_t ahead = 0) const {
    return toks_[std::min(at_ + ahead, toks_.size() - 1)];
  }
  const Token& Next() {
    const Token& t = Peek();
    if (at_ < toks_.size() - 1) ++at_;
    return t;
  }
  bool PeekPunct(std::string_view p, size_t ahead = 0) const {
    return Peek(ahead).kind == Tok::kPunct && Peek(ahead).text == p;
  }
  bool PeekIdent(std::string_view name) const {
    return Peek().kind == Tok::kIdent && Peek().text == name;
  }
  // The index of the next token, and the token at an index (for quoting source text).
  size_t position() const { return at_; }
  const Token& At(size_t index) const { return toks_[index]; }

  static std::string Describe(const Token& t) {
    if (t.kind == Tok::kEnd) return "the end of the file";
    if (t.kind == Tok::kString) return "a string";
    return "'" + t.text + "'";
  }
  const Token& Expect(std::string_view punct, std::string_view what) {
    if (!PeekPunct(punct)) {
      Fail(Peek().pos, "expected '" + std::string(punct) + "' " + std::string(what) + ", got " +
                           Describe(Peek()));
    }
    return Next();
  }
  const Token& ExpectIdent(std::string_view what) {
    if (Peek().kind != Tok::kIdent) {
      Fail(Peek().pos, "expected " + std::string(what) + ", got " + Describe(Peek()));
    }
    return Next();
  }
  int64_t ExpectValue(std::string_view what) {
    const bool negative = PeekPunct("-");
    if (negative) Next();
    if (Peek().kind == Tok::kIdent && !negative) {
      Fail(Peek().pos,
           "'" + Peek().text + "' is not a number: pointer-valued locations are not supported");
    }
    if (Peek().kind != Tok::kNumber) {
      Fail(Peek().pos, "expected " + std::string(what) + ", got " + Describe(Peek()));
    }
    const int64_t v = Next().value;
    return negative ? -v : v;
  }

 private:
  std::vector<Token> toks_;
  size_t at_ = 0;
};

}  // namespace herd::internal
