#include "replay_token.h"

namespace mc::internal {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

void PutVarint(std::vector<uint8_t>& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<uint8_t>(v));
}

std::string Base64Url(const std::vector<uint8_t>& bytes) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (uint8_t b : bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(acc >> bits) & 63U]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 63U]);
  return out;
}

std::optional<std::vector<uint8_t>> FromBase64Url(std::string_view text) {
  std::vector<uint8_t> out;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    const size_t v = kAlphabet.find(c);
    if (v == std::string_view::npos) return std::nullopt;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<uint8_t>((acc >> bits) & 0xFFU));
    }
  }
  return out;
}

}  // namespace

std::string EncodeToken(const ReplayToken& token) {
  std::vector<uint8_t> bytes;
  for (const TokenStep& s : token.steps) {
    PutVarint(bytes, s.thread);
    PutVarint(bytes, s.choice);
  }
  // The model's name from kModels, and "i" for the steps of an interleaving.
  return std::string("mc1-") + std::string(ModelName(token.model)) +
         (token.interleaved ? "i" : "") + "-" + Base64Url(bytes);
}

std::optional<ReplayToken> DecodeToken(std::string_view text, std::string& error) {
  ReplayToken token;
  if (!text.starts_with("mc1-")) {
    error = "does not start with \"mc1-\" (not a replay token, or one of another version)";
    return std::nullopt;
  }
  const std::string_view whole = text;
  text.remove_prefix(4);
  const size_t dash = text.find('-');
  const std::string_view tag = text.substr(0, dash);
  const ModelInfo* model = dash == std::string_view::npos ? nullptr : FindModel(tag);
  if (model == nullptr && tag.ends_with('i')) {  // the steps of an interleaving
    model = FindModel(tag.substr(0, tag.size() - 1));
    token.interleaved = model != nullptr;
  }
  if (model == nullptr) {
    error = "unknown memory model '" + std::string(tag) + "' after \"mc1-\" (expected";
    for (const ModelInfo& m : kModels) {
      error += std::string(m.model == kModels.front().model ? " \"" : ", \"") +
               std::string(m.name) + "\"";
    }
    error += ", with \"i\" after it for the steps of an interleaving)";
    return std::nullopt;
  }
  token.model = model->model;
  text.remove_prefix(dash + 1);
  const auto bytes = FromBase64Url(text);
  if (!bytes) {
    const size_t bad = text.find_first_not_of(kAlphabet);
    error = "character " + std::to_string(whole.size() - text.size() + bad + 1) + " ('" +
            std::string(1, text[bad]) + "') is not base64url";
    return std::nullopt;
  }
  std::vector<uint64_t> values;
  uint64_t v = 0;
  int shift = 0;
  for (uint8_t b : *bytes) {
    if (shift > 63) {
      error = "step " + std::to_string(values.size() / 2 + 1) + " holds a number too large";
      return std::nullopt;
    }
    v |= static_cast<uint64_t>(b & 0x7FU) << shift;
    if ((b & 0x80U) != 0) {
      shift += 7;
      continue;
    }
    values.push_back(v);
    v = 0;
    shift = 0;
  }
  if (shift != 0 || values.size() % 2 != 0) {
    error = "ends in the middle of a step (truncated?)";
    return std::nullopt;
  }
  for (size_t i = 0; i < values.size(); i += 2) {
    if (values[i] > UINT32_MAX) {
      error = "step " + std::to_string(i / 2 + 1) + " names an impossible thread";
      return std::nullopt;
    }
    token.steps.push_back(TokenStep{static_cast<uint32_t>(values[i]), values[i + 1]});
  }
  return token;
}

}  // namespace mc::internal
