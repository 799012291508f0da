// What a check returns: the verdict, the counts, the outcome histogram and, for a finding, the
// counterexample and its replay token.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mc {

enum class Verdict {
  kOk,                // every execution within the bound explored, nothing found
  kAssertionFailed,   // MC_ASSERT failed
  kDataRace,          // two conflicting plain accesses unordered by happens-before
  kDeadlock,          // every unfinished thread is blocked
  kLivelock,          // a spin loop that can never make progress
  kGoMapFatal,        // the modelled Go runtime called fatal(...)
  kNondeterministic,  // a re-execution diverged from the recorded one
  kBudgetExhausted,   // max executions or wall time reached first: nothing is verified
  kUsageError,        // the test misuses the API
};

std::string_view VerdictName(Verdict verdict);

// One event of a counterexample, as a reader needs it.
struct TraceEvent {
  int thread = 0;    // thread number in creation order; 0 runs the test closure
  int index = 0;     // position in the thread (program order)
  std::string kind;  // init, read, write, rmw, fence, spawn, join, start, end, choose, ...
  std::string op;    // the API call: load, store, fetch_add, compare_exchange_weak, ...
  // The object, named by where it was constructed ("atomic@file.cc:12"), with "#k" for the k-th
  // (k >= 2) object from one line; empty for fences.
  std::string location;
  // The object's number in this execution (creation order), -1 for none: objects of one name
  // (each map's "var hmap.count") are different objects with different modification orders.
  int object = -1;
  std::string order;  // relaxed ... seq_cst, or "na" for plain accesses
  std::optional<uint64_t> read_value;
  std::optional<uint64_t> written_value;
  // For an object that holds a pointer, the value read or written as what it designates, the
  // same in every replay (addresses are not): "null", "&" and the object's name for a pointer to
  // an mc object, else "ptr#k", the k-th distinct such pointer of the counterexample. Empty for
  // other objects. Printers show it in place of the number.
  std::string pointer;
  std::string reads_from;  // "T1.2" (thread 1, event 2), or "init"
  int mo_position = -1;    // position of a write in its location's modification order
  std::string file;
  int line = 0;
  bool highlighted = false;  // part of the finding (the failing assertion, both racing accesses)
};

struct Counterexample {
  std::vector<TraceEvent> events;  // in the order the explorer added them
  int threads = 0;
  // Per-thread listing with values, orders, rf sources, mo positions and file:line.
  std::string ToString() const;
};

struct Report {
  Verdict verdict = Verdict::kOk;
  std::string message;      // what was found, where, and a hint
  uint64_t executions = 0;  // distinct consistent complete executions
  uint64_t blocked = 0;     // executions stopped by mc::assume or a spin loop cut short
  uint64_t states = 0;      // steps the search took (nodes of its search tree)
  uint64_t runs = 0;        // re-executions of the test closure
  // Peak memory of the search itself: the current path and the untried alternatives per
  // decision (kExhaustive needs nothing more), plus kBounded's visited-state sets.
  uint64_t state_bytes = 0;
  double seconds = 0;
  bool exhaustive = false;  // the whole state space was explored
  uint64_t cut = 0;  // kBounded: steps the preemption bound cut (0: the search was exhaustive)
  // Exhaustive strategies: the estimated share of the search tree explored when the search
  // ended (1 when complete; below 1 when a budget stopped it). Each decision splits its
  // parent's share evenly among its alternatives; a rough guide to how far a long run got.
  double explored_fraction = 0;
  std::map<std::string, uint64_t> outcomes;  // mc::observe outcome -> executions
  // Outcome -> the replay token of the first execution counted with it: a witness of every
  // outcome, which mc::replay (and `mapcheck replay`) prints in full.
  std::map<std::string, std::string> outcome_tokens;
  // Unless Options::plain_races is kStop: each racing pair ("var@f:1: write f:2 (T1) / read f:3
  // (T2)") -> executions in which it raced. Under Strategy::kStatefulSC, which explores a
  // behaviour along one of its interleavings and stops others where they meet a state seen
  // before, every racing pair is found, and the number is the search's runs in which it raced.
  std::map<std::string, uint64_t> races;
  std::optional<Counterexample> counterexample;
  // mc::replay with Options::why_not: why the execution is not consistent under that model (a
  // cycle, one edge a line), or that it is.
  std::string why_not;
  // mc::replay(test, token) re-runs the finding. (A replay fills counterexample with the
  // execution's trace whether or not it ends in a finding.)
  std::string replay_token;

  bool ok() const { return verdict == Verdict::kOk; }
  // A short summary: verdict, counts, and for a finding the message, token and trace.
  std::string ToString() const;
};

}  // namespace mc
