// One call of the map API by kind, recording its arguments and results in an Operation (the
// linearizability checker's history entry). Shared by the model-checked scenarios and the fuzz
// targets.
#pragma once

#include <cstdint>

#include "models/testing/linearizability.h"

namespace models::testing {

template <class Map>
void Perform(Map& m, OpKind kind, int64_t key, int64_t value, int64_t new_value, Operation& op) {
  op.kind = kind;
  op.key = key;
  op.value = value;
  op.new_value = new_value;
  switch (kind) {
    case OpKind::kLoad:
      op.ok = m.Load(key, &op.out);
      break;
    case OpKind::kStore:
      m.Store(key, value);
      break;
    case OpKind::kLoadOrStore:
      op.ok = m.LoadOrStore(key, value, &op.out);
      break;
    case OpKind::kLoadAndDelete:
      op.ok = m.LoadAndDelete(key, &op.out);
      break;
    case OpKind::kDelete:
      m.Delete(key);
      break;
    case OpKind::kSwap:
      op.ok = m.Swap(key, value, &op.out);
      break;
    case OpKind::kCompareAndSwap:
      op.ok = m.CompareAndSwap(key, value, new_value);
      break;
    case OpKind::kCompareAndDelete:
      op.ok = m.CompareAndDelete(key, value);
      break;
    case OpKind::kRange:
      m.Range([&op](int64_t k, int64_t v) {
        op.visited.emplace_back(k, v);
        return true;
      });
      break;
    case OpKind::kLen:
      op.length = m.Len();
      break;
    case OpKind::kClear:
      m.Clear();
      break;
  }
}

}  // namespace models::testing
