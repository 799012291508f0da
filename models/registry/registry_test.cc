// The map registry (maps.def) read two ways, by C++ (registry.h) and by CMake
// (cmake/MapRegistry.cmake, which generates the fuzz targets): both must see the same rows, and
// every list derived from the rows must hold each row of its role once, in order, named as the
// row says.
#include "models/registry/registry.h"

#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "models/backend/model_backend.h"

namespace models {
namespace {

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, separator);) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// The labels of a list's maps, and the rows of `role` with the label `form` picks.
template <class... M>
std::vector<std::string> Labels(MapList<M...> /*unused*/) {
  return {std::string(kMapName<M>)...};
}
template <class Form>
std::vector<std::string> RowLabels(MapRole role, Form form) {
  std::vector<std::string> out;
  for (const MapRow& row : kMapRows) {
    if (row.role == role) out.emplace_back(form(row));
  }
  return out;
}

TEST(MapRegistry, CMakeGeneratesTheFuzzTargetsTheRowsAskFor) {
  EXPECT_EQ(FuzzTargetNames(), Split(MAPCHECK_CMAKE_FUZZ_TARGETS, ','));
  EXPECT_GE(FuzzTargetNames().size(), 40u);
}

TEST(MapRegistry, RowsAreNamedOnceAndDescribed) {
  std::set<std::string_view> names;
  for (const MapRow& row : kMapRows) {
    EXPECT_TRUE(names.insert(row.name).second) << "two rows named " << row.name;
    if (row.fuzzed_label != row.name) {
      EXPECT_TRUE(names.insert(row.fuzzed_label).second) << row.fuzzed_label;
    }
    if (row.checked_label != row.name && row.checked_label != row.fuzzed_label) {
      EXPECT_TRUE(names.insert(row.checked_label).second) << row.checked_label;
    }
    EXPECT_NE(row.fuzz_kinds & kOps, 0u) << row.name << ": every map has a sequential target";
    EXPECT_FALSE(row.summary.empty()) << row.name;
    EXPECT_EQ(FindMapRow(row.name), &row);
    EXPECT_EQ(FindMapRow(row.checked_label), &row);
  }
  EXPECT_EQ(FindMapRow("no_such_map"), nullptr);
}

TEST(MapRegistry, TheTypeListsHoldEachRowOfTheirRoleInOrder) {
  EXPECT_EQ(Labels(Fixes<RealBackend>{}),
            RowLabels(MapRole::kFix, [](const MapRow& r) { return r.fuzzed_label; }));
  EXPECT_EQ(Labels(CheckedFixes<ModelBackend>{}),
            RowLabels(MapRole::kFix, [](const MapRow& r) { return r.checked_label; }));
  EXPECT_EQ(Labels(Mutants<RealBackend>{}),
            RowLabels(MapRole::kMutant, [](const MapRow& r) { return r.name; }));
  EXPECT_EQ((kMapName<ShardedMap2<ModelBackend, int64_t, int64_t>>), "sharded_map_2");
  EXPECT_EQ((kMapName<ShardedMap16<RealBackend, int64_t, int64_t>>), "sharded_map_16");
}

TEST(MapRegistry, EveryMutantBreaksAFixOfTheRegistry) {
  for (const MutantInfo& m : MutantInfos(Mutants<RealBackend>{})) {
    const MapRow* fix = FindMapRow(m.fix);
    ASSERT_NE(fix, nullptr) << m.name << " breaks unknown map " << m.fix;
    EXPECT_EQ(fix->role, MapRole::kFix) << m.name;
    EXPECT_EQ(fix->name, m.fix) << m.name << ": name the fix's row, not one of its forms";
  }
}

}  // namespace
}  // namespace models
