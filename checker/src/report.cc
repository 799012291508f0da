// Names and text forms of the report types.
#include "mc/report.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "mc/check.h"
#include "mc/memory_order.h"

namespace mc {

const ModelInfo& InfoOf(Model model) {
  for (const ModelInfo& m : kModels) {
    if (m.model == model) return m;
  }
  std::fprintf(stderr, "[mc internal error] memory model %d has no row in kModels\n",
               static_cast<int>(model));
  std::abort();
}

const ModelInfo* FindModel(std::string_view name) {
  for (const ModelInfo& m : kModels) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::string_view ModelName(Model model) { return InfoOf(model).name; }

std::string_view OrderName(memory_order order) {
  switch (order) {
    case std::memory_order_relaxed:
      return "relaxed";
    case std::memory_order_consume:
      return "consume";
    case std::memory_order_acquire:
      return "acquire";
    case std::memory_order_release:
      return "release";
    case std::memory_order_acq_rel:
      return "acq_rel";
    case std::memory_order_seq_cst:
      return "seq_cst";
  }
  return "?";
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kOk:
      return "ok";
    case Verdict::kAssertionFailed:
      return "assertion failed";
    case Verdict::kDataRace:
      return "data race";
    case Verdict::kDeadlock:
      return "deadlock";
    case Verdict::kLivelock:
      return "livelock";
    case Verdict::kGoMapFatal:
      return "go map fatal";
    case Verdict::kNondeterministic:
      return "nondeterministic";
    case Verdict::kBudgetExhausted:
      return "budget exhausted";
    case Verdict::kUsageError:
      return "usage error";
  }
  return "?";
}

std::string Counterexample::ToString() const {
  std::ostringstream out;
  for (int t = 0; t < threads; ++t) {
    out << "thread " << t << ":\n";
    for (const TraceEvent& e : events) {
      if (e.thread != t) continue;
      out << (e.highlighted ? " >> " : "    ") << "T" << e.thread << "." << e.index << "  " << e.op;
      if (e.op != e.kind && e.kind != "stop") out << " (" << e.kind << ")";
      if (!e.location.empty()) out << "  " << e.location;
      if (!e.order.empty()) out << "  " << e.order;
      const std::string value =
          !e.pointer.empty() ? e.pointer
          : e.read_value     ? std::to_string(*e.read_value)
          : e.written_value  ? std::to_string(*e.written_value)
                             : "";
      if (e.read_value) out << "  read " << value;
      if (!e.reads_from.empty()) out << " from " << e.reads_from;
      if (e.written_value) out << "  wrote " << value;
      if (e.mo_position >= 0) out << "  mo#" << e.mo_position;
      if (e.line > 0) out << "  at " << e.file << ":" << e.line;
      out << "\n";
    }
  }
  return out.str();
}

std::string Report::ToString() const {
  std::ostringstream out;
  out << "verdict: " << VerdictName(verdict) << "\n";
  if (!message.empty()) out << "  " << message << "\n";
  out << "executions: " << executions << "  blocked: " << blocked << "  states: " << states
      << "  runs: " << runs << "  time: " << seconds << " s" << (exhaustive ? "  (exhaustive)" : "")
      << "\n";
  if (!outcomes.empty()) {
    out << "outcomes:\n";
    for (const auto& [outcome, count] : outcomes) {
      out << "  " << (outcome.empty() ? "(none observed)" : outcome) << " : " << count << "\n";
    }
  }
  if (!races.empty()) {
    out << "races (recorded, executions went on):\n";
    for (const auto& [pair, count] : races) out << "  " << pair << " : " << count << "\n";
  }
  if (!replay_token.empty()) out << "replay: " << replay_token << "\n";
  // A replay of an execution without a finding carries its trace too.
  if (counterexample) {
    out << (ok() ? "execution:\n" : "counterexample:\n") << counterexample->ToString();
  }
  return out.str();
}

}  // namespace mc
