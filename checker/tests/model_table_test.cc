// The memory models' table (mc::kModels, mc/memory_order.h) is the one list of models: every
// row is reachable by name, names itself, builds its model, and survives a replay token; every
// enumerator has a row.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "mc/mc.h"
#include "memory_model.h"
#include "replay_token.h"

namespace mc::internal {
namespace {

TEST(ModelTable, EveryRowIsNamedParsedBuiltAndEncoded) {
  std::set<std::string_view> names;
  for (const ModelInfo& m : kModels) {
    EXPECT_TRUE(names.insert(m.name).second) << "two rows named " << m.name;
    EXPECT_EQ(ModelName(m.model), m.name);
    ASSERT_NE(FindModel(m.name), nullptr) << m.name;
    EXPECT_EQ(FindModel(m.name)->model, m.model) << m.name;
    EXPECT_EQ(&InfoOf(m.model), &m) << m.name;
    EXPECT_EQ(MakeMemoryModel(m.model)->kind(), m.model) << m.name;
    EXPECT_FALSE(m.summary.empty()) << m.name;
    for (bool interleaved : {false, true}) {
      ReplayToken token;
      token.model = m.model;
      token.interleaved = interleaved;
      token.steps = {{1, 2}, {0, 300}};
      const std::string text = EncodeToken(token);
      EXPECT_NE(text.find(std::string(m.name)), std::string::npos) << text;
      std::string error;
      const auto back = DecodeToken(text, error);
      ASSERT_TRUE(back.has_value()) << text << ": " << error;
      EXPECT_EQ(back->model, m.model) << text;
      EXPECT_EQ(back->interleaved, interleaved) << text;
      ASSERT_EQ(back->steps.size(), 2u) << text;
      EXPECT_EQ(back->steps[1].choice, 300u) << text;
    }
  }
  EXPECT_EQ(FindModel("arm"), nullptr);
}

TEST(ModelTable, EveryEnumeratorHasARow) {
  // The enumerators, written out once here: a model added to the enum without a row fails.
  for (Model model : {Model::kSC, Model::kRC11}) {
    bool found = false;
    for (const ModelInfo& m : kModels) found = found || m.model == model;
    EXPECT_TRUE(found) << static_cast<int>(model);
  }
}

TEST(ModelTable, ATokenOfAnUnknownModelNamesTheKnownOnes) {
  std::string error;
  EXPECT_FALSE(DecodeToken("mc1-arm-AAE", error).has_value());
  for (const ModelInfo& m : kModels) {
    EXPECT_NE(error.find("\"" + std::string(m.name) + "\""), std::string::npos) << error;
  }
}

}  // namespace
}  // namespace mc::internal
