// GoogleTest glue for the map registry: MapList -> ::testing::Types, and test names from
// kMapName, so `TYPED_TEST_SUITE(Suite, AllMaps, MapNames)` runs a suite over every map.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "models/backend/real_backend.h"
#include "models/registry/registry.h"

namespace models::testing {

template <class... Lists>
struct Concat;
template <class... A>
struct Concat<MapList<A...>> {
  using type = MapList<A...>;
};
template <class... A, class... B, class... Rest>
struct Concat<MapList<A...>, MapList<B...>, Rest...> {
  using type = typename Concat<MapList<A..., B...>, Rest...>::type;
};

template <class L>
struct ToTypes;
template <class... M>
struct ToTypes<MapList<M...>> {
  using type = ::testing::Types<M...>;
};

struct MapNames {
  template <class M>
  static std::string GetName(int /*index*/) {
    return std::string(kMapName<M>);
  }
};

}  // namespace models::testing
