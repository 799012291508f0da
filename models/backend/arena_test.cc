// The arena behind the models' bucket arrays: bounds are judged against the array a pointer
// designates, so a model's "index past the array" fault does not depend on what the allocator
// placed next to it.
#include "models/backend/arena.h"

#include <gtest/gtest.h>

namespace models {
namespace {

TEST(Arena, ArrayBytesAnswersForTheArrayAPointerStarts) {
  Arena arena;
  int* four = arena.NewArray<int>(4);
  int* two = arena.NewArray<int>(2);
  EXPECT_EQ(arena.ArrayBytes(four), 4 * sizeof(int));
  EXPECT_EQ(arena.ArrayBytes(two), 2 * sizeof(int));
  // Not the start of an array: inside one, outside the arena, a single object, null.
  EXPECT_EQ(arena.ArrayBytes(four + 1), 0U);
  int outside = 0;
  EXPECT_EQ(arena.ArrayBytes(&outside), 0U);
  EXPECT_EQ(arena.ArrayBytes(arena.New<int>(3)), 0U);
  EXPECT_EQ(arena.ArrayBytes(nullptr), 0U);
}

TEST(Arena, ArraysStayValidUntilTheArenaGoes) {
  Arena arena;
  int* first = arena.NewArray<int>(3);
  first[2] = 42;
  for (int i = 0; i < 100; ++i) arena.NewArray<int>(3)[0] = i;
  EXPECT_EQ(first[2], 42);
  size_t arrays = 0;
  arena.ForEachArray([&](const void*, size_t bytes) {
    ++arrays;
    EXPECT_EQ(bytes, 3 * sizeof(int));
  });
  EXPECT_EQ(arrays, 101U);
}

}  // namespace
}  // namespace models
