#include "counterexample.h"

#include <algorithm>
#include <map>

#include "source_text.h"

namespace mc::internal {
namespace {

std::string EventName(const ExecutionGraph& g, uint32_t id) {
  const Event& e = g[id];
  if (e.kind == EventKind::kInit) return "init";
  return "T" + std::to_string(e.thread) + "." + std::to_string(e.index);
}

// Names pointer values by what they designate (TraceEvent::pointer), in event order.
class PointerNames {
 public:
  explicit PointerNames(const ExecutionGraph& g) : g_(g) {
    for (uint32_t loc = 0; loc < g.location_count(); ++loc) {
      if (g.Location(loc).address != 0) objects_.emplace(g.Location(loc).address, loc);
    }
  }
  std::string Name(uint64_t value) {
    if (value == 0) return "null";
    const auto object = objects_.find(value);
    if (object != objects_.end()) return "&" + g_.LocationLabel(object->second);
    const auto [it, added] = others_.emplace(value, others_.size() + 1);
    return "ptr#" + std::to_string(it->second);
  }

 private:
  const ExecutionGraph& g_;
  std::map<uint64_t, uint32_t> objects_;  // address -> location
  std::map<uint64_t, size_t> others_;     // address -> k, in order of first appearance
};

}  // namespace

Counterexample BuildCounterexample(const ExecutionGraph& g, const Finding& finding) {
  Counterexample cx;
  PointerNames pointers(g);
  cx.threads = static_cast<int>(g.thread_count());
  for (uint32_t id = 0; id < g.size(); ++id) {
    const Event& e = g[id];
    TraceEvent t;
    t.thread = static_cast<int>(e.thread);
    t.index = static_cast<int>(e.index);
    t.kind = EventKindName(e.kind);
    if (e.rmw) t.kind = "rmw-" + t.kind;
    t.op = e.op;
    if (e.location != kNone) {
      t.location = g.LocationLabel(e.location);
      t.object = static_cast<int>(e.location);
    }
    if (e.IsAccess() || e.IsFence()) {
      t.order = (e.IsAccess() && !e.atomic) ? "na" : std::string(OrderName(e.order));
    }
    if (e.IsRead() || e.kind == EventKind::kChoose) t.read_value = e.value;
    if (e.IsWrite()) t.written_value = e.value;
    if (e.location != kNone && g.Location(e.location).pointer && e.IsAccess()) {
      t.pointer = pointers.Name(e.value);
    }
    if (e.IsRead()) t.reads_from = EventName(g, e.rf);
    if (e.IsWrite() && g.MoPosition(id) != kNone)
      t.mo_position = static_cast<int>(g.MoPosition(id));
    if (e.where.file_name() != nullptr && e.where.line() != 0) {
      t.file = BaseName(e.where.file_name());
      t.line = static_cast<int>(e.where.line());
    }
    t.highlighted = std::find(finding.highlighted.begin(), finding.highlighted.end(), id) !=
                    finding.highlighted.end();
    cx.events.push_back(std::move(t));
  }
  for (const Finding::Stop& s : finding.stops) {
    TraceEvent stop;
    stop.thread = static_cast<int>(s.thread);
    stop.index = static_cast<int>(g.ThreadEvents(s.thread).size());
    stop.kind = "stop";
    stop.op = s.what;
    stop.file = BaseName(s.where.file_name());
    stop.line = static_cast<int>(s.where.line());
    stop.highlighted = true;
    cx.events.push_back(std::move(stop));
  }
  return cx;
}

}  // namespace mc::internal
