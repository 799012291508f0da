#include "why_not.h"

#include <sstream>

#include "memory_model.h"

namespace mc::internal {
namespace {

// "T1.3 write (store) atomic x = 1 [relaxed] at file.cc:12": the event as the counterexample
// lists it (pointers named by what they designate, as there).
std::string Describe(const TraceEvent& t) {
  std::ostringstream out;
  if (t.kind == "init") {
    out << "init";
  } else {
    out << "T" << t.thread << "." << t.index;
  }
  out << " " << t.kind;
  if (!t.op.empty() && t.kind != "init") out << " (" << t.op << ")";
  if (!t.location.empty()) out << " " << t.location;
  const auto value = t.read_value ? t.read_value : t.written_value;
  if (value) {
    out << (t.read_value ? " -> " : " = ");
    if (t.pointer.empty()) {
      out << *value;
    } else {
      out << t.pointer;
    }
  }
  if (!t.order.empty()) out << " [" << t.order << "]";
  if (!t.file.empty()) out << " at " << t.file << ":" << t.line;
  return out.str();
}

}  // namespace

std::string WhyNot(const ExecutionGraph& g, const Counterexample& trace, Model model) {
  const std::unique_ptr<MemoryModel> m = MakeMemoryModel(model);
  bool explained = false;
  const std::vector<CycleEdge> cycle = m->ShortestCycle(g, explained);
  if (!explained) return "";
  std::ostringstream out;
  const std::string_view name = ModelName(model);
  if (cycle.empty()) {
    out << "consistent under " << name
        << ": the relation the model requires to be acyclic has no cycle in this execution\n";
    return out.str();
  }
  out << "not " << name << ": a cycle of " << cycle.size() << " edges";
  if (model == Model::kTSO) {
    out << " (po is x86's preserved program order: a store before a later load is not in it,"
           " and a read of its own thread's store is rfi, not rfe)";
  }
  out << "\n";
  for (const CycleEdge& e : cycle) {
    out << "  " << Describe(trace.events[e.from]) << "\n    -" << e.name << "->\n";
  }
  out << "  " << Describe(trace.events[cycle.front().from]) << "\n";
  return out.str();
}

}  // namespace mc::internal
