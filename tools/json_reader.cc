#include "json_reader.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

namespace mapcheck {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool Document(JsonValue& out) {
    if (!Value(out, 0)) return false;
    Space();
    return at_ == text_.size() || Fail("the end of the document");
  }
  const std::string& error() const { return error_; }

 private:
  static constexpr int kMaxDepth = 64;

  bool Fail(const std::string& expected) {
    if (error_.empty()) error_ = "at byte " + std::to_string(at_ + 1) + ": expected " + expected;
    return false;
  }
  void Space() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\r' || text_[at_] == '\t')) {
      ++at_;
    }
  }
  bool Word(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }
  bool Value(JsonValue& out, int depth) {
    if (depth > kMaxDepth) return Fail("at most 64 levels of nesting");
    Space();
    if (at_ >= text_.size()) return Fail("a value");
    const char c = text_[at_];
    if (c == '{') return Object(out, depth);
    if (c == '[') return Array(out, depth);
    if (c == '"') {
      out.kind = JsonValue::Kind::kString;
      return String(out.text);
    }
    if (Word("true") || Word("false")) {
      out.kind = JsonValue::Kind::kBool;
      out.boolean = c == 't';
      return true;
    }
    if (Word("null")) return true;
    return Number(out);
  }
  bool Number(JsonValue& out) {
    const size_t start = at_;
    if (at_ < text_.size() && text_[at_] == '-') ++at_;
    while (at_ < text_.size() &&
           (std::isdigit(static_cast<unsigned char>(text_[at_])) != 0 || text_[at_] == '.' ||
            text_[at_] == 'e' || text_[at_] == 'E' || text_[at_] == '+' || text_[at_] == '-')) {
      ++at_;
    }
    out.text = std::string(text_.substr(start, at_ - start));
    char* end = nullptr;
    out.number = std::strtod(out.text.c_str(), &end);
    if (out.text.empty() || end != out.text.c_str() + out.text.size()) {
      at_ = start;
      return Fail("a value");
    }
    out.kind = JsonValue::Kind::kNumber;
    return true;
  }
  bool String(std::string& out) {
    ++at_;  // the opening quote
    while (at_ < text_.size() && text_[at_] != '"') {
      char c = text_[at_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_ >= text_.size()) break;
      c = text_[at_++];
      switch (c) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          unsigned code = 0;
          const auto [p, ec] =
              std::from_chars(text_.data() + at_, text_.data() + at_ + 4, code, 16);
          if (ec != std::errc() || p != text_.data() + at_ + 4) return Fail("4 hex digits");
          at_ += 4;
          if (code < 0x80) {
            out += static_cast<char>(code);
          } else if (code < 0x800) {
            out += static_cast<char>(0xC0 | (code >> 6));
            out += static_cast<char>(0x80 | (code & 0x3F));
          } else {
            out += static_cast<char>(0xE0 | (code >> 12));
            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code & 0x3F));
          }
          break;
        }
        default:
          out += c;  // \" \\ \/
      }
    }
    if (at_ >= text_.size()) return Fail("the closing quote of a string");
    ++at_;
    return true;
  }
  bool Array(JsonValue& out, int depth) {
    out.kind = JsonValue::Kind::kArray;
    ++at_;
    Space();
    if (Word("]")) return true;
    while (true) {
      out.items.emplace_back();
      if (!Value(out.items.back(), depth + 1)) return false;
      Space();
      if (Word("]")) return true;
      if (!Word(",")) return Fail("',' or ']'");
    }
  }
  bool Object(JsonValue& out, int depth) {
    out.kind = JsonValue::Kind::kObject;
    ++at_;
    Space();
    if (Word("}")) return true;
    while (true) {
      Space();
      std::string key;
      if (at_ >= text_.size() || text_[at_] != '"' || !String(key)) return Fail("a member name");
      Space();
      if (!Word(":")) return Fail("':'");
      if (!Value(out.members[key], depth + 1)) return false;
      Space();
      if (Word("}")) return true;
      if (!Word(",")) return Fail("',' or '}'");
    }
  }

  std::string_view text_;
  size_t at_ = 0;
  std::string error_;
};

}  // namespace

const JsonValue* JsonValue::Find(std::string_view key) const {
  const auto it = members.find(std::string(key));
  return it == members.end() ? nullptr : &it->second;
}

std::optional<uint64_t> JsonValue::Unsigned() const {
  if (kind != Kind::kNumber) return std::nullopt;
  uint64_t value = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<JsonValue> ParseJson(std::string_view text, std::string& error) {
  Reader reader(text);
  JsonValue value;
  if (!reader.Document(value)) {
    error = reader.error();
    return std::nullopt;
  }
  return value;
}

}  // namespace mapcheck
