// Execution, continued: the steps of a decision. Which choices a waiting thread's request has
// (ChoiceRange), which of them are consistent (Candidates: each is built, checked and removed
// again), what a step is (Describe), and adding and removing its events (Build, Unbuild).
#include <algorithm>

#include "execution.h"
#include "invariant.h"

namespace mc::internal {
namespace {

// Candidate::response of a read of an address: tags the source's identity, so that it cannot
// equal a response that carries a value.
constexpr uint64_t kPointerResponse = 0x706f696e746572ULL;

}  // namespace

std::vector<uint64_t> Execution::ChoiceRange(uint32_t thread) const {
  const Request& rq = threads_[thread].request;
  std::vector<uint64_t> range;
  const auto writes = rq.location == kNone ? uint64_t{0} : uint64_t{graph_.Mo(rq.location).size()};
  if (buffers_) {  // the x86-TSO machine
    if (TsoBlocked(thread)) return {};
    if (rq.location != kNone) return TsoChoiceRange(thread);
  } else if (interleaving_) {  // an SC interleaving: read the latest write, write after it
    switch (rq.kind) {
      case RequestKind::kRead:
      case RequestKind::kRmw:
      case RequestKind::kTryLock:
        return {writes - 1};
      case RequestKind::kCas:
        return {2 * (writes - 1), 2 * (writes - 1) + 1};
      case RequestKind::kWrite:
        return {writes};
      default:
        break;  // the rest reads no memory, or a condvar's latest state (below)
    }
  }
  switch (rq.kind) {
    case RequestKind::kRead:
    case RequestKind::kRmw:
      for (uint64_t p = 0; p < writes; ++p) range.push_back(p);
      break;
    case RequestKind::kCas:
      for (uint64_t p = 0; p < 2 * writes; ++p) range.push_back(p);
      break;
    case RequestKind::kWrite:
      if (graph_.GoPlain(rq.location)) {
        range.push_back(writes);  // Go-plain memory has no coherence order to choose
        break;
      }
      for (uint64_t p = 1; p <= writes; ++p) range.push_back(p);
      break;
    case RequestKind::kChoose:
      for (uint64_t v = 0; v < rq.choices; ++v) range.push_back(v);
      break;
    case RequestKind::kJoin:
      range.push_back(0);
      break;
    case RequestKind::kLock:  // takes the latest state (Build), or an earlier one as a moot step
    case RequestKind::kTryLock:  // succeeds on the latest state, or fails on a held one
      for (uint64_t p = 0; p < writes; ++p) range.push_back(p);
      break;
    case RequestKind::kCvWait:
    case RequestKind::kCvWake:
    case RequestKind::kCvNotify:  // each state (an RMW: the latest, or a moot step), each outcome
      for (uint64_t p = interleaving_ ? writes - 1 : 0; p < writes; ++p) {
        for (uint64_t o : CondvarOutcomes(thread, p)) range.push_back(p * kCondvarSubChoices + o);
      }
      break;
    case RequestKind::kNothing:
      break;
  }
  return range;
}

std::vector<Candidate> Execution::Candidates() {
  std::vector<Candidate> out;
  for (uint32_t t : Eligible()) {
    for (uint64_t c : ChoiceRange(t)) {
      const uint32_t first = graph_.size();
      if (Build(t, c)) out.push_back(Describe(t, c, first));
      Unbuild(first);
    }
  }
  if (buffers_) TsoFlushCandidates(out);
  return out;
}

std::vector<Candidate> Execution::CandidatesOf(uint32_t thread, std::vector<Candidate>* moot) {
  std::vector<Candidate> out;
  const Request& rq = threads_[thread].request;
  for (uint64_t c : ChoiceRange(thread)) {
    const uint32_t first = graph_.size();
    if (Build(thread, c)) {
      out.push_back(Describe(thread, c, first));
    } else if (moot != nullptr &&
               (rq.kind == RequestKind::kRmw || rq.kind == RequestKind::kLock ||
                rq.kind == RequestKind::kTryLock || rq.kind == RequestKind::kCvWait ||
                rq.kind == RequestKind::kCvWake || rq.kind == RequestKind::kCvNotify ||
                (rq.kind == RequestKind::kCas && c % 2 == 0))) {
      Unbuild(first);
      skip_atomicity_ = true;
      if (Build(thread, c)) moot->push_back(Describe(thread, c, first));
      skip_atomicity_ = false;
    }
    Unbuild(first);
  }
  return out;
}

uint32_t Execution::AddMoot(uint32_t thread, uint64_t choice) {
  const uint32_t first = graph_.size();
  skip_atomicity_ = true;
  const bool built = Build(thread, choice);
  skip_atomicity_ = false;
  MC_INVARIANT(built, "a moot step could not be added again");
  return first;
}

Execution::Pending Execution::PendingOf(uint32_t thread) const {
  const Request& rq = threads_[thread].request;
  Pending p;
  p.location = rq.location;
  p.expected = rq.expected;
  p.weak = rq.weak;
  p.order = rq.order;
  p.failure_order = rq.failure_order;
  p.hold = rq.hold;
  p.request = static_cast<uint8_t>(rq.kind);
  p.all = rq.all;
  switch (rq.kind) {
    case RequestKind::kNothing:
      p.kind = StepKind::kNothing;
      break;
    case RequestKind::kRead:
      p.kind = StepKind::kRead;
      break;
    case RequestKind::kWrite:
      p.kind = StepKind::kWrite;
      break;
    case RequestKind::kRmw:
      p.kind = StepKind::kRmw;
      break;
    case RequestKind::kCas:
      p.kind = StepKind::kCas;
      break;
    case RequestKind::kChoose:
      p.kind = StepKind::kChoose;
      break;
    case RequestKind::kJoin:
      p.kind = StepKind::kJoin;
      break;
    case RequestKind::kLock:
      p.kind = StepKind::kLock;
      break;
    case RequestKind::kTryLock:
      p.kind = StepKind::kTryLock;
      break;
    case RequestKind::kCvWait:
    case RequestKind::kCvNotify:
      p.kind = StepKind::kCondvar;
      break;
    case RequestKind::kCvWake:
      p.kind = StepKind::kWake;
      break;
  }
  return p;
}

bool Execution::Maximal(uint32_t thread, uint64_t choice) const {
  const Request& rq = threads_[thread].request;
  const uint64_t writes = rq.location == kNone ? 0 : graph_.Mo(rq.location).size();
  switch (rq.kind) {
    case RequestKind::kRead:
    case RequestKind::kRmw:
    case RequestKind::kLock:
    case RequestKind::kTryLock:
      return choice + 1 == writes;
    case RequestKind::kCas: {  // the latest write, and no spurious failure
      if (choice / 2 + 1 != writes) return false;
      return choice % 2 == 0 || graph_[graph_.Mo(rq.location).back()].value != rq.expected;
    }
    case RequestKind::kWrite:
      return choice == writes;
    case RequestKind::kChoose:
      return choice == 0;
    case RequestKind::kCvWait:  // the latest state, and its first outcome (a notified wake)
    case RequestKind::kCvWake:
    case RequestKind::kCvNotify:
      return choice / kCondvarSubChoices + 1 == writes && choice % kCondvarSubChoices == 0;
    default:
      return true;
  }
}

uint32_t Execution::ThreadWithIdentity(uint64_t canonical) const {
  // The threads of this run (a restored graph may hold some not spawned again yet).
  for (uint32_t t = 0; t < threads_.size(); ++t) {
    if (graph_.ThreadCanonical(t) == canonical) return t;
  }
  return kNone;
}

bool Execution::Spinning() const {
  for (const auto& ts : threads_) {
    if (ts.status == ThreadStatus::kSpinBlocked) return true;
  }
  return false;
}

Candidate Execution::Describe(uint32_t thread, uint64_t choice, uint32_t first) const {
  Candidate c;
  c.thread = thread;
  c.choice = choice;
  c.hash = graph_.hash();
  uint64_t result = 0;
  for (uint32_t id = first; id < graph_.size(); ++id) {
    const Event& e = graph_[id];
    if (e.IsRead() && c.source == kNone) c.source = e.rf;
    if (e.IsRead() && graph_.Location(e.location).pointer) {
      // An address is summarised by the write it came from, as in the graph hash: that write
      // stores the same object in every run, at an address that can differ from run to run
      // (the allocator's state), and a response must compare equal across runs.
      result = Combine(kPointerResponse, graph_[e.rf].canonical);
    } else if (e.IsRead() || e.kind == EventKind::kChoose) {
      result = e.value;
    }
  }
  // What the thread is told (Respond): the value, and whether a CAS or a lock succeeded. A
  // condition variable's response also depends on its waiters, so it is not summarised.
  const Request& rq = threads_[thread].request;
  switch (rq.kind) {
    case RequestKind::kRead:
    case RequestKind::kRmw:
    case RequestKind::kChoose:
      c.response = Combine(static_cast<uint64_t>(rq.kind), result);
      break;
    case RequestKind::kCas:
      c.response = Combine(Combine(static_cast<uint64_t>(rq.kind), result), choice % 2);
      break;
    case RequestKind::kLock:
    case RequestKind::kTryLock:
      c.response =
          Combine(static_cast<uint64_t>(rq.kind), graph_[graph_.size() - 1].IsWrite() ? 1 : 0);
      break;
    default:
      break;
  }
  c.races = RacesStopTheRun(options_.plain_races) && RaceDetector::AnyFrom(graph_, first);
  switch (rq.kind) {
    case RequestKind::kRead:
      c.location = rq.location;
      break;
    case RequestKind::kWrite:
    case RequestKind::kRmw:
    case RequestKind::kCas:
    case RequestKind::kLock:
    case RequestKind::kTryLock:
      c.location = rq.location;
      c.writes = true;
      break;
    default:  // none, or several (a condition variable's wait also unlocks its mutex)
      break;
  }
  return c;
}

bool Execution::Build(uint32_t thread, uint64_t choice) {
  const Request& rq = threads_[thread].request;
  const uint32_t first = graph_.size();
  Event e;
  e.thread = thread;
  e.location = rq.location;
  e.order = rq.order;
  e.op = rq.op;
  e.where = rq.where;
  if (rq.location != kNone) e.atomic = graph_.Location(rq.location).atomic || rq.atomic_access;
  static const std::vector<uint32_t> kNoWrites;
  // (Not `cond ? std::vector<uint32_t>{} : Mo(...)`: that copies the mo into a temporary.)
  const std::vector<uint32_t>& mo = rq.location == kNone ? kNoWrites : graph_.Mo(rq.location);

  auto add_read = [&](uint64_t position, bool rmw, memory_order order) {
    if (position >= mo.size()) return false;
    Event r = e;
    r.kind = EventKind::kRead;
    r.rmw = rmw;
    r.order = order;
    r.rf = mo[position];
    r.value = graph_[r.rf].value;
    graph_.Append(r);
    return true;
  };
  auto add_rmw = [&](uint64_t position, uint64_t new_value, uint32_t concerns = kNone) {
    if (!add_read(position, true, rq.order)) return false;
    Event w = e;
    w.kind = EventKind::kWrite;
    w.rmw = true;
    w.value = new_value;
    w.other_thread = concerns;
    const uint32_t id = graph_.Append(w);
    graph_.InsertMo(id, static_cast<uint32_t>(position + 1));
    return true;
  };

  bool added = false;
  switch (rq.kind) {
    case RequestKind::kRead:
      added = add_read(choice, false, rq.order);
      break;
    case RequestKind::kWrite: {
      if (choice == 0 || choice > mo.size()) break;
      e.kind = EventKind::kWrite;
      e.value = rq.value;
      const uint32_t id = graph_.Append(e);
      graph_.InsertMo(id, static_cast<uint32_t>(choice));
      added = true;
      break;
    }
    case RequestKind::kRmw:
      if (choice < mo.size()) added = add_rmw(choice, rq.fn(graph_[mo[choice]].value, rq.value));
      break;
    case RequestKind::kCas: {
      const uint64_t position = choice / 2;
      const bool fail = choice % 2 == 1;
      if (position >= mo.size()) break;
      const bool matches = graph_[mo[position]].value == rq.expected;
      if (!fail && matches) added = add_rmw(position, rq.value);
      if (fail && (!matches || rq.weak)) added = add_read(position, false, rq.failure_order);
      break;
    }
    case RequestKind::kChoose:
      if (choice >= rq.choices) break;
      e.kind = EventKind::kChoose;
      e.value = choice;
      graph_.Append(e);
      added = true;
      break;
    case RequestKind::kJoin: {
      if (choice != 0 || threads_[rq.target].status != ThreadStatus::kFinished) break;
      e.kind = EventKind::kJoin;
      e.other_thread = rq.target;
      e.sync = graph_.ThreadEvents(rq.target).back();
      graph_.Append(e);
      added = true;
      break;
    }
    case RequestKind::kLock:
    case RequestKind::kTryLock: {
      // Taking the lock reads the latest state (an RMW after any other write would break the
      // atomicity of the lock that read it), but for a moot step of the optimal search, whose
      // atomicity is not checked. A failing try_lock reads any state that holds the mutex, as
      // coherence allows; it never fails spuriously.
      if (choice >= mo.size()) break;
      const uint64_t state = graph_[mo[choice]].value;
      if (Available(state, rq.hold)) {
        if (choice + 1 == mo.size() || skip_atomicity_) {
          added = add_rmw(choice, Taken(state, rq.hold));
        }
      } else if (rq.kind == RequestKind::kTryLock) {
        added = add_read(choice, false, relaxed);
      }
      break;
    }
    case RequestKind::kCvWait:
    case RequestKind::kCvWake:
    case RequestKind::kCvNotify:  // a relaxed RMW recording what it did, and to whom
      if (const auto w = CondvarWrite(thread, choice)) {
        added = add_rmw(choice / kCondvarSubChoices, w->value, w->concerns);
      }
      break;
    case RequestKind::kNothing:
      break;
  }
  if (!added || known_consistent_) return added;
  // The TSO machine's choices are x86-TSO's by construction, but for a store placed in mo
  // where no order of flushes can take it (store_buffers.h). (A teardown's own steps, which
  // keep no buffers, only let the threads finish.)
  if (buffers_) return aborting_ || TsoFlushesPossible(thread, first);
  return interleaving_ ? Interleaving::Extends(graph_, first)
                       : model_.IsConsistent(graph_, first, !skip_atomicity_);
}

void Execution::Unbuild(uint32_t first) {
  while (graph_.size() > first) {
    const uint32_t last = graph_.size() - 1;
    if (graph_[last].kind == EventKind::kWrite && graph_.MoPosition(last) != kNone) {
      graph_.RemoveMo(last);
    }
    graph_.PopBack();
  }
}

}  // namespace mc::internal
