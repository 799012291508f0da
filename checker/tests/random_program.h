// Straight-line concurrent programs over a few atomic locations, generated at random, for the
// differential test of the explorer against the brute-force enumerator. A program runs under the
// checker (Run) and is enumerated axiomatically (brute_force.h); both describe an execution's
// outcome with the same string.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "mc/memory_order.h"

namespace mc::testing {

struct Op {
  enum class Kind { kLoad, kStore, kFetchAdd, kExchange, kCasStrong, kCasWeak, kFence };
  Kind kind = Kind::kLoad;
  int location = 0;
  int value = 0;     // store / exchange value, fetch_add operand, CAS desired
  int expected = 0;  // CAS
  memory_order order = relaxed;
  memory_order failure = relaxed;  // CAS

  bool Reads() const { return kind != Kind::kStore && kind != Kind::kFence; }
  bool IsCas() const { return kind == Kind::kCasStrong || kind == Kind::kCasWeak; }
};

struct Program {
  int locations = 2;
  std::vector<std::vector<Op>> threads;
  std::string ToString() const;
};

// 2-4 threads, 1-4 operations each, 1-3 locations, mixed orders, fences and RMWs; at most
// `max_writes_per_location` writes to any location keeps brute force affordable.
Program RandomProgram(std::mt19937_64& rng, int max_writes_per_location = 4);

// Runs the program once (call inside mc::check): spawns its threads, then observes, in order,
// every read's value ("t:i"), every CAS's success ("t:iok") and every location's final value
// ("x0", ...).
void RunProgram(const Program& program);

// The value an RMW writes, given the value it read.
int RmwResult(const Op& op, int read_value);

}  // namespace mc::testing
