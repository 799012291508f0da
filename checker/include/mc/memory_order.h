// Memory orders and memory models as the checker names them.
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <string_view>

namespace mc {
namespace internal {
class MemoryModel;  // checker/src/memory_model.h
std::unique_ptr<MemoryModel> MakeRc11Model();
std::unique_ptr<MemoryModel> MakeScModel();
std::unique_ptr<MemoryModel> MakeTsoModel();
}  // namespace internal

using memory_order = std::memory_order;
inline constexpr memory_order relaxed = std::memory_order_relaxed;
inline constexpr memory_order consume = std::memory_order_consume;  // explored as acquire
inline constexpr memory_order acquire = std::memory_order_acquire;
inline constexpr memory_order release = std::memory_order_release;
inline constexpr memory_order acq_rel = std::memory_order_acq_rel;
inline constexpr memory_order seq_cst = std::memory_order_seq_cst;

// The memory model an exploration is checked against. Adding a model is one enumerator here,
// one row of kModels, one class behind checker/src/memory_model.h (whose factory the row names)
// and its litmus expectations (see docs/development.md).
enum class Model {
  kSC,    // sequential consistency: acyclic(po | rf | mo | fr)
  kRC11,  // Lahav et al., PLDI 2017, as herd7's rc11.cat encodes it
  kTSO,   // x86-TSO (Owens, Sarkar, Sewell, TPHOLs 2009), as herd7's x86tso.cat encodes it
};

// The models, one row each: what names, parses, encodes, builds or iterates over models reads
// this list (ModelName, replay tokens, mapcheck's --model, the checker's factory, the tests that
// loop over models), so a model added here is everywhere at once.
struct ModelInfo {
  Model model;
  // ModelName, the spelling of --model and the model's tag in a replay token.
  std::string_view name;
  std::string_view summary;
  // Builds the model's consistency predicate (the class defines it in its own file).
  std::unique_ptr<internal::MemoryModel> (*make)();
};
inline constexpr std::array<ModelInfo, 3> kModels = {{
    {Model::kRC11, "rc11", "RC11 (Lahav et al., PLDI 2017), as herd7's rc11.cat",
     internal::MakeRc11Model},
    {Model::kSC, "sc", "sequential consistency", internal::MakeScModel},
    {Model::kTSO, "tso", "x86-TSO, as herd7's x86tso.cat, C++ compiled as GCC and clang do",
     internal::MakeTsoModel},
}};
// The row of `model` (every enumerator has one: model_table_test).
const ModelInfo& InfoOf(Model model);
// The row named `name`, or nullptr.
const ModelInfo* FindModel(std::string_view name);

std::string_view ModelName(Model model);
std::string_view OrderName(memory_order order);

}  // namespace mc
