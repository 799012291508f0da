// The map registry: the rows of models/registry/maps.def as C++. From the one list of rows it
// derives the type lists a typed test, fuzz target or tool iterates (Fixes, CheckedFixes,
// Mutants), each configuration's name (kMapName) and the table of rows (kMapRows) that `mapcheck
// list` prints. A map joins by implementing the API (ConcurrentMap) and adding its row to
// maps.def; docs/development.md has the recipe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "models/backend/real_backend.h"
#include "models/fixes/fixes.h"
#include "models/mutants/mutants.h"

namespace models {

// ShardedMap's two configurations (maps.def says why the checked one has 2 shards).
template <class B, class K, class V>
using ShardedMap16 = ShardedMap<B, K, V, 16>;
template <class B, class K, class V>
using ShardedMap2 = ShardedMap<B, K, V, 2>;

enum class MapRole { kBaseline, kFix, kMutant };

// The fuzz kinds a row asks for, as bits; kFuzzKinds names them in the order a fuzz burst runs
// them. A target is named `<row name>_<kind name>_fuzzer`.
enum FuzzKindBit : unsigned { kOps = 1, kConcurrent = 2, kSched = 4 };
struct FuzzKind {
  FuzzKindBit bit;
  std::string_view name;
};
inline constexpr FuzzKind kFuzzKinds[] = {
    {kOps, "ops"}, {kSched, "sched"}, {kConcurrent, "concurrent"}};

struct MapRow {
  std::string_view name;  // the map; its fuzz targets and corpus folders are named after it
  unsigned fuzz_kinds;    // FuzzKindBit, or-ed
  MapRole role;
  std::string_view fuzzed_label;   // kMapName of the form run on real threads
  std::string_view checked_label;  // kMapName of the form the checker explores
  std::string_view file;           // where the map (for a mutant, its mutant-site) is
  std::string_view summary;        // one line; for a mutant, the bug it carries
};

// One struct per row, in namespace map_rows under the row's name: its two forms as alias
// templates (Fuzzed for real threads, Checked for the model checker) and its MapRow.
namespace map_rows {
#define MAPCHECK_ROW_FORMS(F, C)                           \
  template <class B, class K = int64_t, class V = int64_t> \
  using Fuzzed = F<B, K, V>;                               \
  template <class B, class K = int64_t, class V = int64_t> \
  using Checked = C<B, K, V>;
#define MAPCHECK_MAP(name_, kinds_, role_, Type, file_, summary_) \
  MAPCHECK_MAP_CONFIGURED(name_, kinds_, role_, Type, name_, Type, name_, file_, summary_)
#define MAPCHECK_MAP_CONFIGURED(name_, kinds_, role_, F, f_label, C, c_label, file_, summary_) \
  struct name_ {                                                                               \
    MAPCHECK_ROW_FORMS(F, C)                                                                   \
    static constexpr MapRow kRow{.name = #name_,                                               \
                                 .fuzz_kinds = kinds_,                                         \
                                 .role = MapRole::role_,                                       \
                                 .fuzzed_label = #f_label,                                     \
                                 .checked_label = #c_label,                                    \
                                 .file = file_,                                                \
                                 .summary = summary_};                                         \
  };
#define MAPCHECK_MUTANT(name_, kinds_, Type)                                                      \
  struct name_ {                                                                                  \
    MAPCHECK_ROW_FORMS(Type, Type)                                                                \
    static constexpr const MutantInfo& kMutant = Type<RealBackend>::kMutant;                      \
    static_assert(kMutant.name == #name_, "a mutant's row and its kMutant disagree on its name"); \
    static constexpr MapRow kRow{.name = #name_,                                                  \
                                 .fuzz_kinds = kinds_,                                            \
                                 .role = MapRole::kMutant,                                        \
                                 .fuzzed_label = #name_,                                          \
                                 .checked_label = #name_,                                         \
                                 .file = kMutant.file,                                            \
                                 .summary = kMutant.bug};                                         \
  };
#include "models/registry/maps.def"
#undef MAPCHECK_MAP
#undef MAPCHECK_MAP_CONFIGURED
#undef MAPCHECK_MUTANT
#undef MAPCHECK_ROW_FORMS
struct End {};  // terminates AllRows
}  // namespace map_rows

// Every row, in maps.def's order, as a type list ending in map_rows::End.
template <class... Rows>
struct RowList {};
#define MAPCHECK_MAP(name_, ...) map_rows::name_,
#define MAPCHECK_MAP_CONFIGURED(name_, ...) map_rows::name_,
#define MAPCHECK_MUTANT(name_, ...) map_rows::name_,
using AllRows = RowList<
#include "models/registry/maps.def"
    map_rows::End>;
#undef MAPCHECK_MAP
#undef MAPCHECK_MAP_CONFIGURED
#undef MAPCHECK_MUTANT

// The rows as data, in maps.def's order.
#define MAPCHECK_MAP(name_, ...) map_rows::name_::kRow,
#define MAPCHECK_MAP_CONFIGURED(name_, ...) map_rows::name_::kRow,
#define MAPCHECK_MUTANT(name_, ...) map_rows::name_::kRow,
inline constexpr MapRow kMapRows[] = {
#include "models/registry/maps.def"
};
#undef MAPCHECK_MAP
#undef MAPCHECK_MAP_CONFIGURED
#undef MAPCHECK_MUTANT

// The row named `name`, or whose fuzzed or checked form is labelled `name`, or nullptr.
constexpr const MapRow* FindMapRow(std::string_view name) {
  for (const MapRow& row : kMapRows) {
    if (row.name == name || row.fuzzed_label == name || row.checked_label == name) return &row;
  }
  return nullptr;
}

// The fuzz targets the rows ask for, `<row name>_<kind name>_fuzzer`, in row order (the
// targets fuzz/CMakeLists.txt generates from the same rows).
inline std::string FuzzTargetName(const MapRow& row, const FuzzKind& kind) {
  return std::string(row.name) + "_" + std::string(kind.name) + "_fuzzer";
}
inline std::vector<std::string> FuzzTargetNames() {
  std::vector<std::string> out;
  for (const MapRow& row : kMapRows) {
    for (const FuzzKind& kind : kFuzzKinds) {
      if ((row.fuzz_kinds & kind.bit) != 0) out.push_back(FuzzTargetName(row, kind));
    }
  }
  return out;
}

namespace registry_detail {

template <class M, class List>
struct Prepend;
template <class M, class... Maps>
struct Prepend<M, MapList<Maps...>> {
  using type = MapList<M, Maps...>;
};

// The rows of `role`, each in its checked or fuzzed form on backend B.
template <MapRole R, bool kChecked, class B, class K, class V, class... Rows>
struct Select;
template <MapRole R, bool kChecked, class B, class K, class V>
struct Select<R, kChecked, B, K, V, map_rows::End> {
  using type = MapList<>;
};
template <MapRole R, bool kChecked, class B, class K, class V, class Row, class... Rest>
struct Select<R, kChecked, B, K, V, Row, Rest...> {
  using Tail = typename Select<R, kChecked, B, K, V, Rest...>::type;
  using Map = std::conditional_t<kChecked, typename Row::template Checked<B, K, V>,
                                 typename Row::template Fuzzed<B, K, V>>;
  using type = std::conditional_t<Row::kRow.role == R, typename Prepend<Map, Tail>::type, Tail>;
};

template <MapRole R, bool kChecked, class B, class K, class V, class Rows>
struct SelectFrom;
template <MapRole R, bool kChecked, class B, class K, class V, class... Rows>
struct SelectFrom<R, kChecked, B, K, V, RowList<Rows...>> {
  using type = typename Select<R, kChecked, B, K, V, Rows...>::type;
};

template <MapRole R, bool kChecked, class B, class K, class V>
using Selected = typename SelectFrom<R, kChecked, B, K, V, AllRows>::type;

// A map configuration's name: specialised below for both forms of every row; a type without
// one (a map missing from maps.def) fails to compile where its name is asked for.
template <class M>
struct Label;

}  // namespace registry_detail

// The fixes as they run on real threads, and as the model checker explores them.
template <class B, class K = int64_t, class V = int64_t>
using Fixes = registry_detail::Selected<MapRole::kFix, false, B, K, V>;
template <class B, class K = int64_t, class V = int64_t>
using CheckedFixes = registry_detail::Selected<MapRole::kFix, true, B, K, V>;
// The mutants (their two forms are one).
template <class B, class K = int64_t, class V = int64_t>
using Mutants = registry_detail::Selected<MapRole::kMutant, true, B, K, V>;

// A map configuration's name in reports, test names and the command line.
template <class M>
constexpr std::string_view kMapName = registry_detail::Label<M>::value;

namespace registry_detail {
#define MAPCHECK_LABEL(Type, label)                   \
  template <class B, class K, class V>                \
  struct Label<Type<B, K, V>> {                       \
    static constexpr std::string_view value = #label; \
  };
#define MAPCHECK_MAP(name_, kinds_, role_, Type, ...) MAPCHECK_LABEL(Type, name_)
#define MAPCHECK_MAP_CONFIGURED(name_, kinds_, role_, F, f_label, C, c_label, ...) \
  MAPCHECK_LABEL(F, f_label) MAPCHECK_LABEL(C, c_label)
#define MAPCHECK_MUTANT(name_, kinds_, Type) MAPCHECK_LABEL(Type, name_)
#include "models/registry/maps.def"
#undef MAPCHECK_MAP
#undef MAPCHECK_MAP_CONFIGURED
#undef MAPCHECK_MUTANT
#undef MAPCHECK_LABEL
}  // namespace registry_detail

// Every mutant's description, in registry order (for `mapcheck list` and generated tables).
template <class... M>
constexpr auto MutantInfos(MapList<M...> /*unused*/) {
  return std::array<MutantInfo, sizeof...(M)>{M::kMutant...};
}

}  // namespace models
