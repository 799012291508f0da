// The tokens of a herd C litmus file: identifiers, numbers, punctuation and strings, with their
// positions; comments (herd's nested (* *), C's // and /* */) are skipped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "herd/herd_program.h"

namespace herd::internal {

enum class Tok { kIdent, kNumber, kPunct, kString, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;
  int64_t value = 0;
  Pos pos;
  size_t begin = 0;  // byte offsets into the text, for quoting a statement as written
  size_t end = 0;
};

// A malformed input, thrown inside the lexer and parser only; Parse() turns it into a ParseError.
struct Failure {
  Pos pos;
  std::string message;
};

[[noreturn]] void Fail(Pos pos, std::string message);

// Lexes text[start...] (positions count from the start of `text`); the last token is kEnd.
// Throws Failure on a character outside the language, a bad number or an unterminated comment.
std::vector<Token> Lex(std::string_view text, size_t start);

}  // namespace herd::internal
