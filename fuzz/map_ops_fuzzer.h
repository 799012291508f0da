// The sequential differential target for any map: decode the input into commands, apply each to
// the map and to the sequential specification (models/testing/reference_map.h), and stop the
// process with the command and both answers when they differ or the map's invariants break.
// Each `<map>_ops_fuzzer` (generated from the map registry) instantiates it for one map;
// replay_main.cc runs it over a corpus when the build has no libFuzzer.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "fuzz/map_ops_codec.h"
#include "models/testing/reference_map.h"

namespace fuzz {

[[noreturn]] inline void Fail(size_t index, const Command& c, const std::string& what) {
  std::fprintf(stderr, "map_ops_fuzzer: command %zu (%s key %lld value %d): %s\n", index,
               models::testing::OpName(c.kind), static_cast<long long>(c.Key()), c.value,
               what.c_str());
  std::abort();
}

template <class Map>
int RunOps(const uint8_t* data, size_t size) {
  Map m;
  models::testing::ReferenceMap want;
  const std::vector<Command> commands = Decode(data, size);
  for (size_t i = 0; i < commands.size(); ++i) {
    const Command& c = commands[i];
    const int64_t k = c.Key();
    int64_t got = -1, expected = -1;
    auto same = [&](bool a, bool b, bool compare_values) {
      if (a != b || (compare_values && a && got != expected)) {
        Fail(i, c,
             "map returned " + std::to_string(a) + "/" + std::to_string(got) +
                 ", the specification " + std::to_string(b) + "/" + std::to_string(expected));
      }
    };
    switch (c.kind) {
      case OpKind::kLoad:
        same(m.Load(k, &got), want.Load(k, &expected), true);
        break;
      case OpKind::kStore:
        m.Store(k, c.Value());
        want.Store(k, c.Value());
        break;
      case OpKind::kLoadOrStore:
        same(m.LoadOrStore(k, c.Value(), &got), want.LoadOrStore(k, c.Value(), &expected), true);
        break;
      case OpKind::kLoadAndDelete:
        same(m.LoadAndDelete(k, &got), want.LoadAndDelete(k, &expected), true);
        break;
      case OpKind::kDelete:
        m.Delete(k);
        want.Delete(k);
        break;
      case OpKind::kSwap:
        same(m.Swap(k, c.Value(), &got), want.Swap(k, c.Value(), &expected), true);
        break;
      case OpKind::kCompareAndSwap:
        same(m.CompareAndSwap(k, c.Value(), c.NewValue()),
             want.CompareAndSwap(k, c.Value(), c.NewValue()), false);
        break;
      case OpKind::kCompareAndDelete:
        same(m.CompareAndDelete(k, c.Value()), want.CompareAndDelete(k, c.Value()), false);
        break;
      case OpKind::kRange: {
        std::map<int64_t, int64_t> seen;
        m.Range([&](int64_t key, int64_t value) {
          if (!seen.emplace(key, value).second) Fail(i, c, "Range visited a key twice");
          return true;
        });
        if (seen != want.Sorted()) Fail(i, c, "Range's pairs differ from the specification's");
        break;
      }
      case OpKind::kLen:
        if (m.Len() != want.Len()) Fail(i, c, "Len differs");
        break;
      case OpKind::kClear:
        m.Clear();
        want.Clear();
        break;
    }
    if constexpr (requires { m.CheckInvariants(); }) {
      if (const std::string e = m.CheckInvariants(); !e.empty()) Fail(i, c, "invariant: " + e);
    }
  }
  return 0;
}

}  // namespace fuzz

// A target's whole source: MAPCHECK_OPS_FUZZER(the map type).
#define MAPCHECK_OPS_FUZZER(...)                                            \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);  \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) { \
    return ::fuzz::RunOps<__VA_ARGS__>(data, size);                         \
  }
