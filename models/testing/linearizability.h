// A linearizability checker for histories of the map API, per key (Wing & Gong's search on each
// key's operations), with the documented weaker guarantees of Range and Len.
//
// A history is the operations of one run with their call and return marks, and a precedence
// test on marks: op A precedes op B (real-time order) iff Precedes(A.ret, B.call). On real
// threads the marks are stamps of a shared atomic counter, A precedes B iff A.ret < B.call, and
// each key is decided by Wing & Gong's search with Lowe's memoisation over the marks in order
// (StampSearch: no limit on the number of operations, a step budget past which the key is
// "undecided", never a false alarm). Under the model checker the marks are mc::positions and
// Precedes is mc::happens_before (in a weak memory model, happens-before is the real-time
// order), decided by a search over sets of operations (at most 62 a key).
//
// Per key: every operation on one key touches only that key, so a map is linearizable on such
// operations iff each key's sub-history is (linearizability is local, Herlihy & Wing 1990).
// Clear counts as a Delete of every key at some point inside its interval.
// Range: Go's sync.Map contract, which every map here meets: no key is visited twice, and a
// visited key's value (or a key's absence) is what the key held at some point during the call.
// So each Range becomes, per key of the history, a Load linearized inside the Range's interval.
// Len: at least the number of keys that were present throughout its interval, at most the
// number present at some point in it (each key decided separately). For maps whose Len is a
// snapshot (LockedMap, RWMap, CowMap) this is weaker than what they promise; the tests say so.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace models::testing {

enum class OpKind {
  kLoad,
  kStore,
  kLoadOrStore,
  kLoadAndDelete,
  kDelete,
  kSwap,
  kCompareAndSwap,
  kCompareAndDelete,
  kRange,
  kLen,
  kClear,
};

inline const char* OpName(OpKind k) {
  switch (k) {
    case OpKind::kLoad:
      return "Load";
    case OpKind::kStore:
      return "Store";
    case OpKind::kLoadOrStore:
      return "LoadOrStore";
    case OpKind::kLoadAndDelete:
      return "LoadAndDelete";
    case OpKind::kDelete:
      return "Delete";
    case OpKind::kSwap:
      return "Swap";
    case OpKind::kCompareAndSwap:
      return "CompareAndSwap";
    case OpKind::kCompareAndDelete:
      return "CompareAndDelete";
    case OpKind::kRange:
      return "Range";
    case OpKind::kLen:
      return "Len";
    case OpKind::kClear:
      return "Clear";
  }
  return "?";
}

struct Operation {
  int thread = 0;
  OpKind kind = OpKind::kLoad;
  int64_t key = 0;
  int64_t value = 0;      // Store/LoadOrStore/Swap: the value; CAS/CAD: the old value
  int64_t new_value = 0;  // CompareAndSwap
  // Results.
  bool ok = false;     // found / loaded / swapped / deleted
  int64_t out = 0;     // the value returned (Load, LoadOrStore's actual, Swap's previous, ...)
  int64_t length = 0;  // Len
  std::vector<std::pair<int64_t, int64_t>> visited;  // Range, in visiting order
  uint64_t call = 0, ret = 0;

  std::string ToString() const {
    std::ostringstream s;
    s << "T" << thread << " " << OpName(kind);
    switch (kind) {
      case OpKind::kRange:
        s << " -> {";
        for (const auto& [k, v] : visited) s << " " << k << ":" << v;
        s << " }";
        break;
      case OpKind::kLen:
        s << " -> " << length;
        break;
      case OpKind::kClear:
        break;
      default:
        s << "(" << key;
        if (kind == OpKind::kStore || kind == OpKind::kLoadOrStore || kind == OpKind::kSwap ||
            kind == OpKind::kCompareAndSwap || kind == OpKind::kCompareAndDelete) {
          s << ", " << value;
        }
        if (kind == OpKind::kCompareAndSwap) s << ", " << new_value;
        s << ") -> " << (ok ? "true" : "false");
        if (kind == OpKind::kLoad || kind == OpKind::kLoadOrStore ||
            kind == OpKind::kLoadAndDelete || kind == OpKind::kSwap) {
          s << ", " << out;
        }
    }
    s << "  [" << call << ", " << ret << "]";
    return s.str();
  }
};

// Whether the operation that returned at mark `ret` precedes the one called at mark `call`.
using Precedes = std::function<bool(uint64_t ret, uint64_t call)>;
inline bool ByStamps(uint64_t ret, uint64_t call) { return ret < call; }

namespace lin_detail {

// One key's view of an operation: how it changes the key's state and whether its result fits.
struct KeyOp {
  enum Kind {
    kLoad,
    kLoadPresent,
    kStore,
    kLoadOrStore,
    kLoadAndDelete,
    kDelete,
    kSwap,
    kCas,
    kCad
  };
  Kind kind = kLoad;
  int64_t value = 0, new_value = 0;
  bool ok = false;
  int64_t out = 0;
  uint64_t call = 0, ret = 0;
  const Operation* source = nullptr;
};

using State = std::optional<int64_t>;  // the key's value, or absent

// Applies `op` to `s`; false if its recorded result cannot come from state `s`.
inline bool Apply(const KeyOp& op, State& s) {
  const bool present = s.has_value();
  switch (op.kind) {
    case KeyOp::kLoad:
      return op.ok == present && (!present || op.out == *s);
    case KeyOp::kLoadPresent:
      return present;
    case KeyOp::kStore:
      s = op.value;
      return true;
    case KeyOp::kLoadOrStore:
      if (present) return op.ok && op.out == *s;
      if (op.ok || op.out != op.value) return false;
      s = op.value;
      return true;
    case KeyOp::kLoadAndDelete:
      if (op.ok != present || (present && op.out != *s)) return false;
      s.reset();
      return true;
    case KeyOp::kDelete:
      s.reset();
      return true;
    case KeyOp::kSwap:
      if (op.ok != present || (present && op.out != *s)) return false;
      s = op.value;
      return true;
    case KeyOp::kCas: {
      const bool match = present && *s == op.value;
      if (op.ok != match) return false;
      if (match) s = op.new_value;
      return true;
    }
    case KeyOp::kCad: {
      const bool match = present && *s == op.value;
      if (op.ok != match) return false;
      if (match) s.reset();
      return true;
    }
  }
  return false;
}

// Wing & Gong: is there an order of `ops` that respects `before` (before[i] has bit j when op j
// precedes op i) and their results, starting from `s`? `done`: the operations already placed.
inline bool Search(const std::vector<KeyOp>& ops, const std::vector<uint64_t>& before,
                   uint64_t done, State s, std::set<std::pair<uint64_t, State>>& failed) {
  if (done == (uint64_t{1} << ops.size()) - 1) return true;
  if (failed.count({done, s}) != 0) return false;
  for (size_t i = 0; i < ops.size(); ++i) {
    if ((done >> i & 1) != 0 || (before[i] & ~done) != 0) continue;  // another must go first
    State next = s;
    if (Apply(ops[i], next) && Search(ops, before, done | uint64_t{1} << i, next, failed)) {
      return true;
    }
  }
  failed.insert({done, s});
  return false;
}

// What a per-key search concluded; kUndecided when it gave up (StampSearch's step budget).
enum class Found { kYes, kNo, kUndecided };

// Wing & Gong with Lowe's memoisation over a total order of marks (stamps: call and return
// marks all distinct, as a shared counter gives them), as Porcupine does: the calls and returns
// in mark order form a list; at a call, the operation is linearized next if its result fits the
// state and the (linearized set, state) pair is new, and its call and return are lifted out of
// the list; reaching a return whose call is still in the list means the last choice was wrong,
// so it is undone. Its cost grows with how many operations overlap, not with how many there
// are: thousands of operations on one key are decided in milliseconds. Gives up
// (kUndecided) after `budget` steps.
inline Found StampSearch(const std::vector<KeyOp>& ops, State s, uint64_t budget = 20000000) {
  const size_t n = ops.size();
  // Entries 0..n-1 are calls, n..2n-1 returns; a doubly linked list in mark order, head = 2n.
  std::vector<size_t> order(2 * n);
  for (size_t i = 0; i < 2 * n; ++i) order[i] = i;
  auto mark = [&](size_t e) { return e < n ? ops[e].call : ops[e - n].ret; };
  // At one mark, calls before returns: A precedes B only when A.ret < B.call.
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return mark(a) != mark(b) ? mark(a) < mark(b) : a < n && b >= n;
  });
  const size_t head = 2 * n;
  constexpr size_t kEnd = static_cast<size_t>(-1);
  std::vector<size_t> next(2 * n + 1, kEnd), prev(2 * n + 1, kEnd);
  size_t last = head;
  for (size_t e : order) {
    next[last] = e;
    prev[e] = last;
    last = e;
  }
  auto unlink = [&](size_t e) {
    next[prev[e]] = next[e];
    if (next[e] != kEnd) prev[next[e]] = prev[e];
  };
  auto relink = [&](size_t e) {  // the reverse of unlink, in the reverse order of unlinking
    next[prev[e]] = e;
    if (next[e] != kEnd) prev[next[e]] = e;
  };
  std::vector<uint64_t> done((n + 63) / 64, 0);
  auto flip = [&](size_t i) { done[i / 64] ^= uint64_t{1} << (i % 64); };
  // Lowe's cache: the (linearized set, state) pairs already explored, bucketed by a hash.
  std::map<uint64_t, std::vector<std::pair<std::vector<uint64_t>, State>>> seen;
  auto remember = [&](const State& st) {
    uint64_t h = st.has_value() ? static_cast<uint64_t>(*st) * 0x9e3779b97f4a7c15ULL + 1 : 0;
    for (uint64_t w : done) h = (h ^ w) * 0x100000001b3ULL + (h >> 29);
    std::vector<std::pair<std::vector<uint64_t>, State>>& bucket = seen[h];
    for (const auto& [set, state] : bucket) {
      if (state == st && set == done) return false;
    }
    bucket.emplace_back(done, st);
    return true;
  };
  std::vector<std::pair<size_t, State>> stack;  // a linearized call, and the state before it
  size_t e = next[head];
  for (uint64_t steps = 0; next[head] != kEnd; ++steps) {
    if (steps > budget) return Found::kUndecided;
    if (e < n) {  // a call: try to linearize its operation here
      State after = s;
      if (Apply(ops[e], after)) {
        flip(e);
        if (remember(after)) {
          stack.emplace_back(e, s);
          s = after;
          unlink(e);
          unlink(e + n);
          e = next[head];
          continue;
        }
        flip(e);
      }
      e = next[e];
    } else {  // a return whose call is still there: undo the last choice
      if (stack.empty()) return Found::kNo;
      const auto [call, before] = stack.back();
      stack.pop_back();
      s = before;
      flip(call);
      relink(call + n);
      relink(call);
      e = next[call];
    }
  }
  return Found::kYes;
}

inline bool Linearizable(const std::vector<KeyOp>& ops, State initial, const Precedes& precedes) {
  std::vector<uint64_t> before(ops.size(), 0);
  for (size_t i = 0; i < ops.size(); ++i) {
    for (size_t j = 0; j < ops.size(); ++j) {
      if (i != j && precedes(ops[j].ret, ops[i].call)) before[i] |= uint64_t{1} << j;
    }
  }
  std::set<std::pair<uint64_t, State>> failed;
  return Search(ops, before, 0, initial, failed);
}

// One key decided: over stamps (StampSearch, no limit but its budget) or over a precedence
// test (Search: at most 62 operations, else undecided).
inline Found Decide(const std::vector<KeyOp>& ops, State initial, const Precedes* precedes) {
  if (precedes == nullptr) return StampSearch(ops, initial);
  if (ops.size() > 62) return Found::kUndecided;
  return Linearizable(ops, initial, *precedes) ? Found::kYes : Found::kNo;
}

// What `op` leaves that another operation can observe: a value, the key absent (nullopt), or
// nothing (a read, or a write that did not happen).
inline std::optional<State> Writes(const KeyOp& op) {
  switch (op.kind) {
    case KeyOp::kStore:
    case KeyOp::kSwap:
      return State{op.value};
    case KeyOp::kLoadOrStore:
      return op.ok ? std::nullopt : std::optional<State>(State{op.value});
    case KeyOp::kCas:
      return op.ok ? std::optional<State>(State{op.new_value}) : std::nullopt;
    case KeyOp::kDelete:
      return State{};
    case KeyOp::kLoadAndDelete:
    case KeyOp::kCad:
      return op.ok ? std::optional<State>(State{}) : std::nullopt;
    default:
      return std::nullopt;
  }
}

// Whether `op` reports having seen state `s`: a read of that value (or of the key absent), a
// presence probe of any value.
inline bool Observes(const KeyOp& op, const State& s) {
  switch (op.kind) {
    case KeyOp::kLoad:
    case KeyOp::kLoadAndDelete:
    case KeyOp::kSwap:
      return op.ok ? s == State{op.out} : !s.has_value();
    case KeyOp::kLoadOrStore:
      return op.ok && s == State{op.out};
    case KeyOp::kLoadPresent:
      return s.has_value();
    case KeyOp::kCas:
    case KeyOp::kCad:
      return op.ok && s == State{op.value};
    default:
      return false;
  }
}

// A smallest part of `ops` (which has no linearization) that has none either: operations are
// taken away one at a time while the rest stays without one, except a write whose value (or
// deletion) some remaining operation reports seeing, since without it that read would fail for
// want of any write, not for the order. What is left is what to read first.
inline std::vector<KeyOp> Core(std::vector<KeyOp> ops, State initial, const Precedes* precedes) {
  for (bool shrunk = true; shrunk;) {
    shrunk = false;
    for (size_t i = 0; i < ops.size(); ++i) {
      const std::optional<State> w = Writes(ops[i]);
      bool needed = false;
      for (size_t j = 0; w && j < ops.size() && !needed; ++j) {
        needed = j != i && Observes(ops[j], *w);
      }
      if (needed) continue;
      std::vector<KeyOp> rest = ops;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(i));
      if (Decide(rest, initial, precedes) != Found::kNo) continue;
      ops = std::move(rest);
      shrunk = true;
      --i;
    }
  }
  return ops;
}

// CheckLinearizable's body; `precedes` null: the marks are stamps.
inline std::string Check(const std::vector<Operation>& history,
                         const std::map<int64_t, int64_t>& initial, const Precedes* precedes,
                         std::string* undecided);

}  // namespace lin_detail

// "" if `history` (starting from `initial`, key -> value) meets the contract above; otherwise
// what fails and the history. The marks are stamps of one counter (real threads). Where the
// search gives up on a key (its step budget) the key is not judged: "" for it, and `undecided`,
// when given, says which key.
inline std::string CheckLinearizable(const std::vector<Operation>& history,
                                     const std::map<int64_t, int64_t>& initial = {},
                                     std::string* undecided = nullptr) {
  return lin_detail::Check(history, initial, nullptr, undecided);
}

// The same, with real-time order given by `precedes` (under the model checker: happens-before
// of mc::positions). A key with more than 62 operations is undecided.
inline std::string CheckLinearizable(const std::vector<Operation>& history,
                                     const std::map<int64_t, int64_t>& initial,
                                     const Precedes& precedes, std::string* undecided = nullptr) {
  return lin_detail::Check(history, initial, &precedes, undecided);
}

inline std::string lin_detail::Check(const std::vector<Operation>& history,
                                     const std::map<int64_t, int64_t>& initial,
                                     const Precedes* precedes, std::string* undecided) {
  using lin_detail::KeyOp;
  std::set<int64_t> keys;
  for (const auto& [k, v] : initial) keys.insert(k);
  for (const Operation& op : history) {
    if (op.kind != OpKind::kRange && op.kind != OpKind::kLen && op.kind != OpKind::kClear) {
      keys.insert(op.key);
    }
    for (const auto& [k, v] : op.visited) keys.insert(k);
  }
  auto dump = [&] {
    std::string s;
    for (const Operation& op : history) s += "\n  " + op.ToString();
    return s;
  };
  std::map<int64_t, std::vector<KeyOp>> per_key;
  for (const Operation& op : history) {
    auto base = [&op](KeyOp::Kind kind) {
      KeyOp k;
      k.kind = kind;
      k.value = op.value;
      k.new_value = op.new_value;
      k.ok = op.ok;
      k.out = op.out;
      k.call = op.call;
      k.ret = op.ret;
      k.source = &op;
      return k;
    };
    switch (op.kind) {
      case OpKind::kLoad:
        per_key[op.key].push_back(base(KeyOp::kLoad));
        break;
      case OpKind::kStore:
        per_key[op.key].push_back(base(KeyOp::kStore));
        break;
      case OpKind::kLoadOrStore:
        per_key[op.key].push_back(base(KeyOp::kLoadOrStore));
        break;
      case OpKind::kLoadAndDelete:
        per_key[op.key].push_back(base(KeyOp::kLoadAndDelete));
        break;
      case OpKind::kDelete:
        per_key[op.key].push_back(base(KeyOp::kDelete));
        break;
      case OpKind::kSwap:
        per_key[op.key].push_back(base(KeyOp::kSwap));
        break;
      case OpKind::kCompareAndSwap:
        per_key[op.key].push_back(base(KeyOp::kCas));
        break;
      case OpKind::kCompareAndDelete:
        per_key[op.key].push_back(base(KeyOp::kCad));
        break;
      case OpKind::kClear:
        for (int64_t k : keys) per_key[k].push_back(base(KeyOp::kDelete));
        break;
      case OpKind::kRange: {
        std::map<int64_t, int64_t> seen;
        for (const auto& [k, v] : op.visited) {
          if (!seen.emplace(k, v).second) {
            return "Range visited key " + std::to_string(k) + " twice:" + dump();
          }
        }
        for (int64_t k : keys) {
          KeyOp load = base(KeyOp::kLoad);
          load.ok = seen.count(k) != 0;
          load.out = load.ok ? seen[k] : 0;
          per_key[k].push_back(load);
        }
        break;
      }
      case OpKind::kLen:
        break;  // below
    }
  }
  auto initial_state = [&initial](int64_t k) {
    const auto it = initial.find(k);
    return it == initial.end() ? lin_detail::State{} : lin_detail::State{it->second};
  };
  auto give_up = [&](int64_t k) {
    if (undecided != nullptr && undecided->empty()) {
      *undecided = "key " + std::to_string(k) + " (" + std::to_string(per_key[k].size()) +
                   " operations): the search gave up";
    }
  };
  for (const auto& [k, ops] : per_key) {
    const lin_detail::Found found = lin_detail::Decide(ops, initial_state(k), precedes);
    if (found == lin_detail::Found::kUndecided) give_up(k);
    if (found == lin_detail::Found::kNo) {
      std::string core;
      std::set<const Operation*> shown;  // (a Range or Clear is one operation of several keys)
      for (const KeyOp& op : lin_detail::Core(ops, initial_state(k), precedes)) {
        if (shown.insert(op.source).second) core += "\n  " + op.source->ToString();
      }
      return "the operations on key " + std::to_string(k) +
             " (Range and Clear included) have no linearization:" + dump() +
             "\nthese alone have none (take any one away and the rest have one, or a read loses "
             "the write it saw):" +
             core;
    }
  }
  for (const Operation& op : history) {
    if (op.kind != OpKind::kLen) continue;
    int64_t must = 0, may = 0;
    for (int64_t k : keys) {
      auto with = [&](KeyOp::Kind kind, bool found) {
        std::vector<KeyOp> ops = per_key[k];
        KeyOp probe;
        probe.kind = kind;
        probe.ok = found;
        probe.call = op.call;
        probe.ret = op.ret;
        ops.push_back(probe);
        const lin_detail::Found verdict = lin_detail::Decide(ops, initial_state(k), precedes);
        if (verdict == lin_detail::Found::kUndecided) give_up(k);
        return verdict;
      };
      // An undecided key may be present, and need not be (it judges nothing).
      if (with(KeyOp::kLoadPresent, true) != lin_detail::Found::kNo) ++may;
      if (with(KeyOp::kLoad, false) == lin_detail::Found::kNo) ++must;
    }
    if (op.length < must || op.length > may) {
      return "Len returned " + std::to_string(op.length) + " but between " + std::to_string(must) +
             " and " + std::to_string(may) + " keys were present during its call:" + dump();
    }
  }
  return "";
}

}  // namespace models::testing
