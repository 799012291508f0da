// A checker report as JSON, counterexample included, for `--json`.
#pragma once

#include <string>

#include "json.h"
#include "mc/report.h"

namespace mapcheck {

inline std::string CounterexampleJson(const mc::Counterexample& cx) {
  std::vector<std::string> events;
  for (const mc::TraceEvent& e : cx.events) {
    JsonObject o;
    o.Add("thread", e.thread).Add("index", e.index).Add("kind", e.kind).Add("op", e.op);
    if (!e.location.empty()) o.Add("location", e.location).Add("object", e.object);
    if (!e.order.empty()) o.Add("order", e.order);
    // A pointer's address differs from run to run: what it designates stands for it.
    if (!e.pointer.empty()) {
      o.Add(e.read_value ? "read_pointer" : "wrote_pointer", e.pointer);
    } else {
      if (e.read_value) o.Add("read", *e.read_value);
      if (e.written_value) o.Add("wrote", *e.written_value);
    }
    if (!e.reads_from.empty()) o.Add("reads_from", e.reads_from);
    if (e.mo_position >= 0) o.Add("mo", e.mo_position);
    if (!e.file.empty()) o.Add("file", e.file).Add("line", e.line);
    if (e.highlighted) o.Add("highlighted", true);
    events.push_back(o.ToString());
  }
  return JsonObject().Add("threads", cx.threads).Raw("events", JsonArray(events, true)).ToString();
}

// `replay` is the qualified token (TEST@TOKEN), or empty.
inline std::string ReportJson(const mc::Report& r, const std::string& replay) {
  JsonObject o;
  o.Add("verdict", mc::VerdictName(r.verdict))
      .Add("message", r.message)
      .Add("executions", r.executions)
      .Add("blocked", r.blocked)
      .Add("runs", r.runs)
      .Add("exhaustive", r.exhaustive)
      .Add("seconds", r.seconds);
  if (!replay.empty()) o.Add("replay", replay);
  if (r.counterexample) o.Raw("counterexample", CounterexampleJson(*r.counterexample));
  return o.ToString();
}

}  // namespace mapcheck
