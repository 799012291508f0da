// Replay tokens: the choices that lead to one execution, as short copy-pasteable text.
//
//   mc1-<model>-<payload>     model: its name in kModels ("sc", "rc11"), with "i" after it for
//                             the steps of an interleaving ("sci": Strategy::kStatefulSC)
//   payload: base64url of LEB128 varints: thread, choice, thread, choice, ...
//
// The format is versioned ("mc1"); a token from another version or a damaged one is rejected
// with a message, never misread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mc/memory_order.h"

namespace mc::internal {

struct TokenStep {
  uint32_t thread = 0;
  uint64_t choice = 0;
};

struct ReplayToken {
  Model model = Model::kRC11;
  bool interleaved = false;  // the steps are events of an SC interleaving (model is kSC)
  std::vector<TokenStep> steps;
};

std::string EncodeToken(const ReplayToken& token);
// On failure returns nullopt and sets `error` to what is wrong, naming the character or step it
// is at.
std::optional<ReplayToken> DecodeToken(std::string_view text, std::string& error);

}  // namespace mc::internal
