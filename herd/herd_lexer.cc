#include "herd/herd_lexer.h"

#include <cctype>
#include <charconv>
#include <sstream>
#include <utility>

namespace herd::internal {

void Fail(Pos pos, std::string message) { throw Failure{pos, std::move(message)}; }

namespace {

class Lexer {
 public:
  // Lexes text[start...]; positions count from the start of `text`.
  Lexer(std::string_view text, size_t start) : text_(text) {
    while (at_ < start) Advance();
  }

  std::vector<Token> Run() {
    std::vector<Token> out;
    for (;;) {
      SkipSpaceAndComments();
      Token t;
      t.pos = Here();
      t.begin = at_;
      if (at_ == text_.size()) {
        t.end = at_;
        out.push_back(t);
        return out;
      }
      const char c = text_[at_];
      if (std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_') {
        t.kind = Tok::kIdent;
        while (at_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[at_])) != 0 || text_[at_] == '_')) {
          Advance();
        }
        t.text = std::string(text_.substr(t.begin, at_ - t.begin));
      } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
        t.kind = Tok::kNumber;
        LexNumber(t);
      } else if (c == '"') {
        t.kind = Tok::kString;
        Advance();
        while (at_ < text_.size() && text_[at_] != '"') Advance();
        if (at_ == text_.size()) Fail(t.pos, "unterminated string");
        Advance();
      } else {
        t.kind = Tok::kPunct;
        static constexpr std::string_view kTwo[] = {
            "/\\", "\\/", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>"};
        for (std::string_view two : kTwo) {
          if (text_.substr(at_, 2) == two) t.text = two;
        }
        if (t.text.empty()) {
          static constexpr std::string_view kOne = "(){}[];,=<>+-*&|^!~:%/";
          if (kOne.find(c) == std::string_view::npos) {
            Fail(t.pos, std::string("unexpected character '") + Printable(c) + "'");
          }
          t.text = std::string(1, c);
        }
        for (size_t i = 0; i < t.text.size(); ++i) Advance();
      }
      t.end = at_;
      out.push_back(std::move(t));
    }
  }

 private:
  static std::string Printable(char c) {
    if (std::isprint(static_cast<unsigned char>(c)) != 0) return std::string(1, c);
    std::ostringstream out;
    out << "\\x" << std::hex << (static_cast<unsigned>(c) & 0xffU);
    return out.str();
  }

  Pos Here() const { return Pos{line_, col_}; }

  void Advance() {
    if (text_[at_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++at_;
  }

  void LexNumber(Token& t) {
    int base = 10;
    if (text_.substr(at_, 2) == "0x" || text_.substr(at_, 2) == "0X") {
      base = 16;
      Advance();
      Advance();
    }
    const size_t digits = at_;
    while (at_ < text_.size() && std::isalnum(static_cast<unsigned char>(text_[at_])) != 0) {
      Advance();
    }
    const std::string_view d = text_.substr(digits, at_ - digits);
    uint64_t v = 0;
    const auto [end, ec] = std::from_chars(d.data(), d.data() + d.size(), v, base);
    if (d.empty() || ec != std::errc() || end != d.data() + d.size() ||
        v > static_cast<uint64_t>(INT64_MAX)) {
      Fail(t.pos, "bad number '" + std::string(text_.substr(t.begin, at_ - t.begin)) + "'");
    }
    t.value = static_cast<int64_t>(v);
    t.text = std::string(text_.substr(t.begin, at_ - t.begin));
  }

  void SkipSpaceAndComments() {
    for (;;) {
      while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_])) != 0) {
        Advance();
      }
      if (text_.substr(at_, 2) == "//") {
        while (at_ < text_.size() && text_[at_] != '\n') Advance();
      } else if (text_.substr(at_, 2) == "/*") {
        const Pos start = Here();
        while (at_ < text_.size() && text_.substr(at_, 2) != "*/") Advance();
        if (at_ == text_.size()) Fail(start, "unterminated comment '/*'");
        Advance();
        Advance();
      } else if (IsOcamlCommentStart()) {
        // herd's (* ... *), nested as in OCaml. "(*x)" is C, not a comment.
        const Pos start = Here();
        int depth = 0;
        do {
          if (at_ == text_.size()) Fail(start, "unterminated comment '(*'");
          if (IsOcamlCommentStart()) {
            ++depth;
            Advance();
          } else if (text_.substr(at_, 2) == "*)") {
            --depth;
            Advance();
          }
          Advance();
        } while (depth > 0);
      } else {
        return;
      }
    }
  }

  bool IsOcamlCommentStart() const {
    if (text_.substr(at_, 2) != "(*") return false;
    if (at_ + 2 >= text_.size()) return true;
    const char next = text_[at_ + 2];
    return std::isalnum(static_cast<unsigned char>(next)) == 0 && next != '_';
  }

  std::string_view text_;
  size_t at_ = 0;
  int line_ = 1;
  int col_ = 1;
};

}  // namespace

std::vector<Token> Lex(std::string_view text, size_t start) { return Lexer(text, start).Run(); }

}  // namespace herd::internal
