// A brute-force axiomatic enumerator for straight-line programs, written independently of the
// engine so that the differential test checks the explorer *and* the memory models: it lists
// every candidate execution (each CAS outcome, every reads-from map, every modification order),
// keeps those that satisfy the model's axioms, evaluated naively as relations (rc11.cat for
// RC11; x86tso.cat for TSO; acyclic(po ∪ rf ∪ mo ∪ fr) with RMW atomicity for SC), and counts
// their outcomes.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "mc/memory_order.h"
#include "random_program.h"

namespace mc::testing {

// Outcome string (as random_program.h's Run observes it) -> number of consistent executions.
std::map<std::string, uint64_t> BruteForceOutcomes(const Program& program, Model model);

// An upper bound on the candidate executions BruteForceOutcomes walks: each CAS outcome, times
// a source per read among its location's writes, times the modification orders after init. Its
// time grows with it (a program of 5.6e11 ran for most of an hour).
double BruteForceCandidates(const Program& program);

}  // namespace mc::testing
