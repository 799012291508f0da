#include "execution_graph.h"

#include "invariant.h"
#include "source_text.h"

namespace mc::internal {

const char* EventKindName(EventKind kind) {
  switch (kind) {
    case EventKind::kInit:
      return "init";
    case EventKind::kRead:
      return "read";
    case EventKind::kWrite:
      return "write";
    case EventKind::kFence:
      return "fence";
    case EventKind::kThreadStart:
      return "start";
    case EventKind::kThreadEnd:
      return "end";
    case EventKind::kSpawn:
      return "spawn";
    case EventKind::kJoin:
      return "join";
    case EventKind::kNote:
      return "note";
    case EventKind::kChoose:
      return "choose";
  }
  return "?";
}

void ExecutionGraph::Clear(bool atomics_are_seq_cst, bool go_plain) {
  sc_atomics_ = atomics_are_seq_cst;
  go_plain_ = go_plain;
  events_.clear();
  hb_pred_.clear();
  mo_pos_.clear();
  thread_count_ = 0;
  location_count_ = 0;
  seq_cst_events_ = 0;
  seq_cst_fences_ = 0;
  hash_ = Hash128{};
}

void ExecutionGraph::TruncateTo(uint32_t events, uint32_t threads, uint32_t locations) {
  MC_INVARIANT(events <= size() && threads <= thread_count_ && locations <= location_count_,
               "a graph truncated to more than it holds");
  while (size() > events) {
    const uint32_t last = size() - 1;
    if (events_[last].kind == EventKind::kWrite && mo_pos_[last] != kNone) RemoveMo(last);
    PopBack();
  }
  for (uint32_t t = threads; t < thread_count_; ++t) {
    MC_INVARIANT(threads_[t].events.empty(), "a truncated thread keeps events");
  }
  for (uint32_t l = locations; l < location_count_; ++l) {
    MC_INVARIANT(loc_events_[l].empty(), "a truncated location keeps events");
  }
  thread_count_ = threads;
  location_count_ = locations;
}

uint32_t ExecutionGraph::AddThread(uint64_t canonical) {
  if (thread_count_ == threads_.size()) threads_.emplace_back();
  ThreadInfo& thread = threads_[thread_count_];
  thread.canonical = canonical;
  thread.events.clear();
  return thread_count_++;
}

uint32_t ExecutionGraph::AddLocation(bool atomic, bool mutex, bool pointer) {
  if (location_count_ == locations_.size()) {
    locations_.emplace_back();
    loc_events_.emplace_back();
    mo_.emplace_back();
  }
  locations_[location_count_] = LocationInfo{atomic, mutex, pointer, kNone, 0};
  loc_events_[location_count_].clear();
  mo_[location_count_].clear();
  return location_count_++;
}

bool ExecutionGraph::IsSeqCst(const Event& e) const {
  if (e.IsFence()) return e.order == seq_cst;
  return e.IsAccess() && e.atomic && e.kind != EventKind::kInit && e.order == seq_cst;
}

uint32_t ExecutionGraph::Append(Event e) {
  const auto id = static_cast<uint32_t>(events_.size());
  auto& thread = threads_[e.thread];
  e.index = static_cast<uint32_t>(thread.events.size());
  e.canonical = Combine(thread.canonical, e.index);
  if (e.IsRead()) MC_INVARIANT(e.rf != kNone && e.rf < id, "a read without an earlier rf source");
  events_.push_back(e);
  thread.events.push_back(id);
  mo_pos_.push_back(kNone);
  if (e.IsAccess()) loc_events_[e.location].push_back(id);
  if (e.kind == EventKind::kInit) {
    auto& loc = locations_[e.location];
    MC_INVARIANT(loc.init_event == kNone, "a location initialised twice");
    loc.init_event = id;
    loc.canonical = e.canonical;
  }
  if (IsSeqCst(e)) ++seq_cst_events_;
  if (IsSeqCst(e) && e.IsFence()) ++seq_cst_fences_;
  hb_pred_.push_back(ComputeHbPred(id));
  if (e.kind == EventKind::kInit) {
    InsertMo(id, 0);
  } else if (!e.IsWrite()) {
    AddTerm(id);
  }
  return id;
}

void ExecutionGraph::SetPointerValue(uint32_t id, uint64_t value) {
  MC_INVARIANT(events_[id].location != kNone && locations_[events_[id].location].pointer,
               "SetPointerValue on an event that is not on a pointer location");
  events_[id].value = value;
}

void ExecutionGraph::PopBack() {
  MC_INVARIANT(!events_.empty(), "PopBack on an empty graph");
  const auto id = static_cast<uint32_t>(events_.size() - 1);
  const Event& e = events_[id];
  if (e.kind == EventKind::kInit) {
    RemoveMo(id);
    locations_[e.location].init_event = kNone;
  } else if (e.IsWrite()) {
    MC_INVARIANT(mo_pos_[id] == kNone, "PopBack of a write still in mo");
  } else {
    SubTerm(id);
  }
  if (IsSeqCst(e)) --seq_cst_events_;
  if (IsSeqCst(e) && e.IsFence()) --seq_cst_fences_;
  if (e.IsAccess()) loc_events_[e.location].pop_back();
  threads_[e.thread].events.pop_back();
  hb_pred_.pop_back();
  mo_pos_.pop_back();
  events_.pop_back();
}

void ExecutionGraph::InsertMo(uint32_t write, uint32_t position) {
  auto& mo = mo_[events_[write].location];
  MC_INVARIANT(position <= mo.size(), "mo position out of range");
  MC_INVARIANT(position > 0 || mo.empty(), "a write placed before its location's init");
  for (uint32_t i = position; i < mo.size(); ++i) SubTerm(mo[i]);
  mo.insert(mo.begin() + position, write);
  for (uint32_t i = position; i < mo.size(); ++i) {
    mo_pos_[mo[i]] = i;
    AddTerm(mo[i]);
  }
}

void ExecutionGraph::RemoveMo(uint32_t write) {
  auto& mo = mo_[events_[write].location];
  const uint32_t position = mo_pos_[write];
  MC_INVARIANT(position < mo.size() && mo[position] == write, "mo bookkeeping out of sync");
  for (uint32_t i = position; i < mo.size(); ++i) SubTerm(mo[i]);
  mo.erase(mo.begin() + position);
  mo_pos_[write] = kNone;
  for (uint32_t i = position; i < mo.size(); ++i) {
    mo_pos_[mo[i]] = i;
    AddTerm(mo[i]);
  }
}

// hb = (po ∪ sw ∪ thread sync)+, where sw follows rc11.cat:
//   [REL];([F];po)?;rs;rf;[R ∩ atomic];(po;[F])?;[ACQ]
//   rs = [W];(po ∩ loc)?;[W ∩ atomic];(rf;rmw)*
Bitset ExecutionGraph::ComputeHbPred(uint32_t id) const {
  const Event& e = events_[id];
  Bitset pred(id);
  auto add = [&](uint32_t from) {
    pred |= hb_pred_[from];
    pred.Set(from);
  };
  if (e.index > 0) add(threads_[e.thread].events[e.index - 1]);
  if (e.sync != kNone) add(e.sync);
  Bitset heads;
  if (e.IsRead() && e.atomic && (IsAcquire(e.order) || sc_atomics_)) {
    AddReleaseHeads(e.rf, heads);
  } else if (e.IsFence() && IsAcquire(e.order)) {
    for (uint32_t i = 0; i < e.index; ++i) {
      const Event& before = events_[threads_[e.thread].events[i]];
      if (before.IsRead() && before.atomic) AddReleaseHeads(before.rf, heads);
    }
  }
  heads.ForEach(add);
  return pred;
}

void ExecutionGraph::AddReleaseHeads(uint32_t write, Bitset& into) const {
  uint32_t c = write;
  while (true) {
    const Event& w = events_[c];
    if (!w.atomic) return;  // rs needs an atomic write
    // The latest release fence before c, or release write to c's location at or before c, in
    // c's thread: everything earlier is hb-before it anyway.
    const auto& po = threads_[w.thread].events;
    for (uint32_t i = w.index + 1; i-- > 0;) {
      const Event& x = events_[po[i]];
      const bool release_fence = x.IsFence() && IsRelease(x.order) && i < w.index;
      const bool release_write = x.IsWrite() && x.location == w.location && x.atomic &&
                                 x.kind != EventKind::kInit && (IsRelease(x.order) || sc_atomics_);
      if (release_fence || release_write) {
        into.Set(po[i]);
        break;
      }
    }
    if (!(w.rmw && w.IsWrite())) return;
    c = events_[po[w.index - 1]].rf;  // continue along rf;rmw backwards
  }
}

Hash128 ExecutionGraph::Term(uint32_t id) const {
  // Every part of the event that tells two graphs apart, folded by one mixing step each (the
  // term is computed about once per event added, so it is kept short).
  const Event& e = events_[id];
  // Half of an RMW or a plain access: a successful CAS (read and write) and a failed one followed
  // by a store of the same value are otherwise the same events, at different points of the
  // program. Go-plain writes have no coherence order: where they sit in mo is only the order
  // they were added in, and must not tell two graphs apart.
  const bool in_mo = mo_pos_[id] != kNone && !(e.IsWrite() && GoPlain(e.location));
  const uint64_t shape = static_cast<uint64_t>(e.kind) | (static_cast<uint64_t>(e.order) << 8) |
                         (e.rmw ? 1ULL << 16 : 0) | (e.atomic ? 1ULL << 17 : 0) |
                         (in_mo ? (static_cast<uint64_t>(mo_pos_[id]) + 1) << 32 : 0);
  uint64_t h = Mix(e.canonical ^ Mix(shape));
  // An address may differ between two runs of the same execution (the heap is not replayed):
  // pointer values do not take part; what a read returns is still pinned by its rf source.
  if (e.location == kNone || !locations_[e.location].pointer) h = Mix(h ^ e.value);
  if (e.location != kNone) h = Mix(h ^ locations_[e.location].canonical);
  if (e.rf != kNone) h = Mix(h ^ (events_[e.rf].canonical + 0x7266));
  return Hash128{h, Mix(h ^ 0x5bd1e9955bd1e995ULL)};
}

void ExecutionGraph::AddTerm(uint32_t id) {
  const Hash128 t = Term(id);
  hash_.lo += t.lo;
  hash_.hi += t.hi;
}

void ExecutionGraph::SubTerm(uint32_t id) {
  const Hash128 t = Term(id);
  hash_.lo -= t.lo;
  hash_.hi -= t.hi;
}

std::string ExecutionGraph::LocationLabel(uint32_t loc) const {
  const LocationInfo& info = locations_[loc];
  const char* kind = info.mutex ? "mutex" : (info.atomic ? "atomic" : "var");
  if (info.name != nullptr && info.name[0] != '\0') return std::string(kind) + " " + info.name;
  const std::source_location& where = events_[info.init_event].where;
  int ordinal = 1;
  for (uint32_t l = 0; l < loc; ++l) {
    const std::source_location& other = events_[locations_[l].init_event].where;
    if (other.line() == where.line() && other.column() == where.column() &&
        std::string_view(other.file_name()) == std::string_view(where.file_name())) {
      ++ordinal;
    }
  }
  std::string label = std::string(kind) + "@" + SourceText(where);
  if (ordinal > 1) label += "#" + std::to_string(ordinal);
  return label;
}

}  // namespace mc::internal
