#include "explorer.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <sstream>

#include "counterexample.h"
#include "invariant.h"
#include "shared_work.h"

namespace mc::internal {
namespace {

uint64_t NextSerial() {
  static std::atomic<uint64_t> serial{1};
  return serial.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace

Explorer::Explorer(const std::function<void()>& test, const Options& options)
    : test_(test),
      options_(options),
      model_(MakeMemoryModel(options.model)),
      stacks_(StackPoolFor(options.stack_size)),
      watchdog_(options.max_silent_seconds),
      start_(std::chrono::steady_clock::now()) {}

std::unique_ptr<Execution> Explorer::NewExecution(const Execution::Restore* restore) {
  ++report_.runs;
  return std::make_unique<Execution>(options_, *model_, stacks_, watchdog_, test_, NextSerial(),
                                     &spare_graph_, restore);
}

ReplayToken Explorer::Token() const {
  ReplayToken token;
  token.model = options_.model;
  token.interleaved = options_.strategy == Strategy::kStatefulSC;
  if (optimal_ != nullptr) {  // the optimal search keeps its run's steps itself
    for (const OptimalSearch::Taken& t : optimal_->taken()) {
      token.steps.push_back({t.thread, t.choice});
    }
  } else {
    for (const PathStep& p : path_) token.steps.push_back({p.step.thread, p.step.choice});
  }
  return token;
}

bool Explorer::ReplayPath(Execution& run) {
  passed_.clear();
  for (size_t i = 0; i < path_.size(); ++i) {
    const auto status = run.Advance();
    bool diverged = status != Execution::Status::kDecision || !(run.hash() == path_[i].before);
    if (!diverged) {
      NoteStep(run, path_[i].step.thread, i);
      diverged = !run.Apply(path_[i].step.thread, path_[i].step.choice) ||
                 !(run.hash() == path_[i].step.hash);
    }
    if (diverged) {
      report_.verdict = Verdict::kNondeterministic;
      std::ostringstream msg;
      msg << "replay diverged at step " << i + 1 << " of " << path_.size()
          << ": the test behaved differently when re-run with the same choices. Is it "
             "deterministic? Its behaviour may depend only on values mc:: objects return (no "
             "clocks, randomness, addresses or state kept between executions).";
      report_.message = msg.str();
      return false;
    }
  }
  return true;
}

bool Explorer::BudgetExhausted() {
  // A worker of a parallel search counts every worker's executions.
  const uint64_t executions = shared_ != nullptr ? shared_->executions.load() : report_.executions;
  if (options_.stop != nullptr && options_.stop->load(std::memory_order_relaxed)) {
    report_.verdict = Verdict::kBudgetExhausted;
    report_.message = "interrupted after " + std::to_string(executions) +
                      " executions (Options::stop); nothing beyond them is verified";
    return true;
  }
  if (options_.max_executions != 0 && executions >= options_.max_executions) {
    report_.verdict = Verdict::kBudgetExhausted;
    report_.message = "stopped after " + std::to_string(executions) +
                      " executions (Options::max_executions); nothing beyond them is verified";
    return true;
  }
  if (options_.max_seconds > 0) {
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
    if (elapsed.count() >= options_.max_seconds) {
      report_.verdict = Verdict::kBudgetExhausted;
      report_.message = "stopped after " + std::to_string(elapsed.count()) + " s and " +
                        std::to_string(executions) +
                        " executions (Options::max_seconds); nothing beyond them is verified";
      return true;
    }
  }
  return false;
}

void Explorer::RecordFinding(Execution& run) {
  const Finding& f = run.finding();
  report_.verdict = f.verdict;
  report_.message = f.message;
  report_.counterexample = BuildCounterexample(run.graph(), f);
  report_.replay_token = EncodeToken(Token());
}

void Explorer::NoteStep(const Execution& run, uint32_t thread, size_t depth) {
  if (options_.strategy != Strategy::kExhaustive) return;
  const std::vector<uint32_t> eligible = run.Eligible();  // sorted; one thread when forced
  const Passover now{run.graph().size(), static_cast<uint32_t>(depth)};
  for (uint32_t t : eligible) {
    if (t >= thread) break;
    if (passed_.size() <= t) passed_.resize(t + 1);
    passed_[t].push_back(now);
  }
  if (thread < passed_.size()) passed_[thread].clear();
}

bool Explorer::MayEndTheRun(const Execution& run, const Candidate& c) const {
  if (c.races || !c.response.has_value()) return true;
  // The first passing-over with the source present (a step that reads nothing: the first one).
  const std::vector<Passover>& passes = passed_[c.thread];
  const uint32_t source = c.source == kNone ? 0 : c.source;
  const auto pass = std::find_if(passes.begin(), passes.end(),
                                 [&](const Passover& p) { return p.size > source; });
  MC_INVARIANT(pass != passes.end(), "a step outside canonical order was never passed over");
  const auto frame =
      std::lower_bound(frames_.begin(), frames_.end(), pass->depth,
                       [](const Frame& f, uint32_t depth) { return f.depth < depth; });
  if (frame == frames_.end() || frame->depth != pass->depth) return true;
  for (size_t k = 0; k + 1 < frame->next; ++k) {
    const Candidate& sibling = frame->alternatives[k].candidate;
    if (sibling.thread == c.thread && sibling.response == c.response) {
      if (!frame->went_on[k]) return true;
      // Its end would let a thread that waits to join it run here.
      if (frame->ended[k] && run.WaitsToJoin(c.thread)) return true;
      // Its plain accesses raced with nothing there; here they can only race with an access
      // added since (the thread's own happens-before predecessors are the same).
      for (uint32_t id = pass->size; id < run.graph().size(); ++id) {
        const Event& e = run.graph()[id];
        if (!e.IsAccess()) continue;
        for (uint32_t location : frame->plain[k]) {
          if (e.location == location) return true;
        }
      }
      return false;
    }
  }
  return true;
}

void Explorer::NoteWhatFollowed(const Execution& run, Execution::Status status) {
  const bool alternative_just_taken =
      !frames_.empty() && !path_.empty() && frames_.back().depth + 1 == path_.size();
  if (alternative_just_taken && !following_) {
    const Frame& f = frames_.back();
    following_ = Following{frames_.size() - 1, f.next - 1, path_.back().first_event,
                           path_.back().threads, false};
  }
  if (!following_) return;
  following_->read_the_graph = following_->read_the_graph || run.ReadTheGraph();
  if (status == Execution::Status::kDecision && run.Forced()) return;  // the chain goes on
  const Following f = *following_;
  following_.reset();
  bool went_on =
      status == Execution::Status::kDecision && !run.StoppedByThread() && !f.read_the_graph;
  const uint32_t thread = frames_[f.frame].alternatives[f.alternative].candidate.thread;
  const bool races_stop = options_.plain_races == PlainRaces::kStop;
  bool ended = false;
  std::vector<uint32_t> plain;
  for (uint32_t id = f.first_event; went_on && id < run.graph().size(); ++id) {
    const Event& e = run.graph()[id];
    ended = ended || (e.thread == thread && e.kind == EventKind::kThreadEnd);
    went_on = e.thread == thread || e.thread >= f.threads;
    if (races_stop && e.IsAccess() && !run.graph().Location(e.location).atomic) {
      plain.push_back(e.location);
    }
  }
  frames_[f.frame].went_on[f.alternative] = went_on;
  frames_[f.frame].ended[f.alternative] = ended;
  frames_[f.frame].plain[f.alternative] = std::move(plain);
}

void Explorer::NoteMemory(uint64_t more) {
  const uint64_t bytes = more + path_.capacity() * sizeof(PathStep) +
                         frames_.capacity() * sizeof(Frame) + frame_bytes_ +
                         passed_.capacity() * sizeof(std::vector<Passover>) + visited_.bytes() +
                         completed_.bytes() + raced_ends_.bytes() + asleep_.bytes();
  report_.state_bytes = std::max(report_.state_bytes, bytes);
}

std::vector<Explorer::Step> Explorer::FreshSteps(Execution& run) {
  std::vector<Step> fresh;
  if (options_.strategy == Strategy::kExhaustive) {
    for (const Candidate& c : run.Candidates()) {
      // Canonical order: a thread passed over at graph size n must now read a write added since
      // (a step that reads nothing, a choose, could have been taken then).
      const bool passed = c.thread < passed_.size() && !passed_[c.thread].empty();
      const uint32_t need = passed ? passed_[c.thread].back().size : 0;
      const bool canonical = !passed || (c.source != kNone && c.source >= need);
      // In the forced steps after a step outside canonical order, every step is kept as such.
      const bool tail = !path_.empty() && path_.back().must_end;
      if (tail || canonical || MayEndTheRun(run, c))
        fresh.push_back(Step{c, 0, tail || !canonical});
    }
    return fresh;
  }
  const bool bounded = options_.strategy == Strategy::kBounded;
  const uint32_t used = path_.empty() ? 0 : path_.back().preemptions;
  const uint32_t last = path_.empty() ? kNone : path_.back().step.thread;
  bool last_can_go_on = false;
  if (bounded && last != kNone) {
    for (uint32_t t : run.Eligible()) last_can_go_on = last_can_go_on || t == last;
  }
  for (const Candidate& c : run.Candidates()) {
    uint32_t preemptions = used;
    Hash128 key = c.hash;
    if (bounded) {
      if (last_can_go_on && c.thread != last) ++preemptions;
      if (preemptions > options_.preemption_bound) {
        ++report_.cut;
        continue;
      }
      key.lo = Combine(key.lo, preemptions);
      key.hi = Combine(key.hi, c.thread);
    }
    if (visited_.Insert(key)) fresh.push_back(Step{c, preemptions});
  }
  return fresh;
}

Report Explorer::Explore() {
  bool done = false;
  while (!done) {
    if (BudgetExhausted()) break;
    auto run = NewExecution();
    if (options_.strategy == Strategy::kExhaustive) {
      run->StopOnlyTheFailingThread(options_.classify_findings);
    }
    following_.reset();
    if (!ReplayPath(*run)) break;
    bool found = false;
    while (true) {
      const Execution::Status status = run->Advance();
      if (options_.strategy == Strategy::kExhaustive) NoteWhatFollowed(*run, status);
      // A step outside canonical order counts only if the run ends by a thread before the next
      // unforced decision (explorer.h).
      if (!path_.empty() && path_.back().must_end) {
        const bool forced = status == Execution::Status::kDecision && run->Forced();
        const bool cut_short = status != Execution::Status::kDecision && run->StoppedByThread();
        if (!forced && !cut_short) break;
      }
      const RunEnd end = Conclude(*run, status);
      if (end == RunEnd::kFound) found = true;
      if (end != RunEnd::kGoOn) break;
      const Hash128 before = run->hash();
      const std::vector<Step> fresh = FreshSteps(*run);
      // No step left: every successor is reached along another (canonical) path, or was
      // explored from elsewhere, or cut.
      if (fresh.empty()) break;
      if (fresh.size() > 1) {
        frame_bytes_ += fresh.size() * (sizeof(Step) + 1);
        frames_.push_back(Frame{path_.size(), fresh, 1, std::vector<bool>(fresh.size(), false),
                                std::vector<bool>(fresh.size(), false),
                                std::vector<std::vector<uint32_t>>(fresh.size())});
      }
      const Step& first = fresh.front();
      NoteStep(*run, first.candidate.thread, path_.size());
      path_.push_back(PathStep{first.candidate, before, first.preemptions, first.must_end,
                               run->graph().size(), run->graph().thread_count()});
      ++report_.states;
      NoteMemory();
      MC_INVARIANT(run->Apply(first.candidate.thread, first.candidate.choice),
                   "a consistent candidate could not be applied");
      MC_INVARIANT(run->hash() == first.candidate.hash, "the graph hash of a step changed");
    }
    Progress(false);
    if (found) {
      run.reset();
      RecheckFinding();
      break;
    }
    if (!Backtrack()) {
      done = true;
      break;
    }
    TakeNextAlternative(frames_.back());
  }
  if (done && report_.verdict == Verdict::kOk && report_.cut > 0) {
    report_.verdict = Verdict::kBudgetExhausted;
    report_.message = "every execution with at most " + std::to_string(options_.preemption_bound) +
                      " preemptions explored, nothing found; the bound cut " +
                      std::to_string(report_.cut) +
                      " steps, so executions with more preemptions are not verified";
  }
  return FinishSearch(done);
}

bool Explorer::Backtrack() {
  while (!frames_.empty() && frames_.back().next == frames_.back().alternatives.size()) {
    frame_bytes_ -= frames_.back().alternatives.size() * (sizeof(Step) + 1);
    frames_.pop_back();
  }
  return !frames_.empty();
}

const Explorer::Step& Explorer::TakeNextAlternative(Frame& f) {
  PathStep step = path_[f.depth];  // what was there before the step stays
  path_.resize(f.depth);
  const Step& next = f.alternatives[f.next++];
  step.step = next.candidate;
  step.preemptions = next.preemptions;
  step.must_end = next.must_end;
  path_.push_back(step);
  ++report_.states;
  return next;
}

Report Explorer::FinishSearch(bool done) {
  report_.explored_fraction = done ? 1.0 : ExploredFraction();
  if (!done && report_.verdict == Verdict::kBudgetExhausted && optimal_ != nullptr) {
    report_.message += "; " + std::to_string(optimal_->pending()) +
                       " graphs were still to explore (the optimal search does not estimate the "
                       "share of the whole)";
  } else if (!done && report_.verdict == Verdict::kBudgetExhausted) {
    report_.message += "; about " +
                       std::to_string(static_cast<int>(100 * report_.explored_fraction)) +
                       "% of the search tree was explored (estimate)";
  }
  report_.exhaustive = done && report_.verdict == Verdict::kOk;
  Progress(true);
  Finish();
  return report_;
}

// The finished share of the search tree: a frame at depth i has explored alternatives
// [0, next - 1) completely and is inside alternative next - 1; each alternative carries an equal
// share of its frame's own share.
double Explorer::ExploredFraction() const {
  double done = 0;
  double share = 1;
  for (const Frame& f : frames_) {
    const double n = static_cast<double>(f.alternatives.size());
    done += share * static_cast<double>(f.next - 1) / n;
    share /= n;
  }
  return done;
}

void Explorer::Progress(bool final) {
  if (!options_.progress) return;
  const auto now = std::chrono::steady_clock::now();
  if (!final && now - last_progress_ < std::chrono::seconds(1)) return;
  if (final && last_progress_ == std::chrono::steady_clock::time_point{}) return;  // short run
  last_progress_ = now;
  const std::chrono::duration<double> elapsed = now - start_;
  std::ostringstream line;
  line << "mc: " << report_.executions << " executions, " << report_.states << " states ("
       << report_.state_bytes / 1024 << " KiB), " << report_.runs << " runs, "
       << static_cast<uint64_t>(static_cast<double>(report_.runs) / elapsed.count()) << " runs/s, "
       << static_cast<int>(elapsed.count()) << " s";
  if (options_.strategy == Strategy::kStatefulSC) line << ", " << asleep_.size() << " distinct";
  if (optimal_ != nullptr) {
    line << ", " << optimal_->pending() << " graphs to explore";
  } else if (options_.strategy == Strategy::kExhaustive ||
             options_.strategy == Strategy::kBounded ||
             options_.strategy == Strategy::kStatefulSC) {
    const double fraction = final ? report_.explored_fraction : ExploredFraction();
    line << ", ~" << static_cast<int>(100 * fraction) << "% of the search tree";
    if (!final && fraction > 0.001) {
      line << " (~" << static_cast<int>(elapsed.count() / fraction - elapsed.count())
           << " s to go, a rough estimate)";
    }
  }
  if (final) line << ": done";
  std::fprintf(stderr, "%s\n", line.str().c_str());
}

Explorer::RunEnd Explorer::Conclude(Execution& run, Execution::Status status) {
  switch (status) {
    case Execution::Status::kDecision:
      return RunEnd::kGoOn;
    case Execution::Status::kComplete:
      CountExecution(run, "");
      return RunEnd::kEnded;
    case Execution::Status::kBlocked:
      // As CountExecution: a stateful search may reach one blocked end from several states.
      if (FirstTimeAtThisEnd(run, "")) ++report_.blocked;
      return RunEnd::kEnded;
    case Execution::Status::kFinding:
      break;
  }
  if (!Classifiable(run.finding().verdict)) {
    RecordFinding(run);
    return RunEnd::kFound;
  }
  // The finding ends this execution only: count it with the finding in its outcome, keeping the
  // first one's counterexample and token.
  if (report_.replay_token.empty()) {
    RecordFinding(run);
    report_.verdict = Verdict::kOk;
    report_.message.clear();
  }
  CountExecution(run, "finding=" + std::string(VerdictName(run.finding().verdict)) + ": " +
                          run.finding().message);
  return RunEnd::kEnded;
}

bool Explorer::Classifiable(Verdict verdict) const {
  if (!options_.classify_findings) return false;
  return verdict == Verdict::kAssertionFailed || verdict == Verdict::kGoMapFatal ||
         verdict == Verdict::kDataRace || verdict == Verdict::kDeadlock ||
         verdict == Verdict::kLivelock;
}

bool Explorer::FirstTimeAtThisEnd(const Execution& run, const std::string& outcome) {
  switch (options_.strategy) {
    case Strategy::kBounded:  // may complete one graph from several states
      return completed_.Insert(run.hash());
    case Strategy::kExhaustive:  // reaches a graph that ends at a racing step by either access
      return !run.EndedAtTheStep() || raced_ends_.Insert(run.hash());
    case Strategy::kStatefulSC: {  // one end state from many interleavings
      // The outcome too: a finding's message may name the first of several racing accesses.
      Hash128 end = run.EndKey();
      const uint64_t h = std::hash<std::string>{}(outcome);
      end.lo = Combine(end.lo, h);
      end.hi = Combine(end.hi, Mix(h));
      return completed_.Insert(end);
    }
    case Strategy::kRandom:  // the sampling strategies count every run
    case Strategy::kPct:
    case Strategy::kGuided:
      break;
  }
  return true;
}

void Explorer::CountExecution(const Execution& run, const std::string& finding) {
  std::string outcome = run.Outcome();
  if (!finding.empty()) outcome += (outcome.empty() ? "" : " ") + finding;
  if (!FirstTimeAtThisEnd(run, outcome)) return;
  ++report_.executions;
  if (++report_.outcomes[outcome] == 1) report_.outcome_tokens[outcome] = EncodeToken(Token());
  if (options_.strategy == Strategy::kStatefulSC) return;  // counted per run (ExploreStates)
  for (const std::string& race : run.races()) ++report_.races[race];
}

void Explorer::RecheckFinding() {
  if (!options_.recheck_findings) return;
  std::string error;
  const auto token = DecodeToken(report_.replay_token, error);
  MC_INVARIANT(token.has_value(), "a replay token the checker wrote does not decode");
  Options once = options_;
  once.recheck_findings = false;
  Explorer again(test_, once);
  const Report replayed = again.Replay(*token);
  if (replayed.verdict != report_.verdict || replayed.message != report_.message) {
    const std::string original = std::string(VerdictName(report_.verdict)) + ": " + report_.message;
    report_.verdict = Verdict::kNondeterministic;
    report_.message = "re-running the failing execution gave \"" +
                      std::string(VerdictName(replayed.verdict)) + ": " + replayed.message +
                      "\" instead of \"" + original +
                      "\"; the test depends on something outside the checker";
  }
}

Report Explorer::Replay(const ReplayToken& token) {
  auto run = NewExecution();
  // A classified finding of an exhaustive search stopped only its thread, and the token goes on
  // with the others' steps (the sampling strategies stop the run, and their tokens end there).
  if (options_.strategy == Strategy::kExhaustive || options_.strategy == Strategy::kStatefulSC) {
    run->StopOnlyTheFailingThread(options_.classify_findings);
  }
  for (size_t i = 0; i <= token.steps.size(); ++i) {
    const auto status = run->Advance();
    if (status == Execution::Status::kFinding) {
      RecordFinding(*run);
      report_.executions = 1;  // the one execution replayed, which the finding ended
      break;
    }
    if (status != Execution::Status::kDecision) {
      if (i < token.steps.size()) {
        report_.verdict = Verdict::kUsageError;
        report_.message = "the execution ended after " + std::to_string(i) + " of the token's " +
                          std::to_string(token.steps.size()) +
                          " steps: the token belongs to another test or another version of it";
      } else {
        report_.executions = status == Execution::Status::kComplete ? 1 : 0;
        report_.blocked = status == Execution::Status::kBlocked ? 1 : 0;
        if (status == Execution::Status::kComplete) {
          ++report_.outcomes[run->Outcome()];
          report_.outcome_tokens[run->Outcome()] = EncodeToken(Token());
        }
        // The trace of what was replayed, finding or not: a witness token is for reading it.
        report_.counterexample = BuildCounterexample(run->graph(), run->finding());
      }
      break;
    }
    if (i == token.steps.size()) {
      report_.verdict = Verdict::kUsageError;
      report_.message =
          "the token ends before the execution does: it is not a token mc wrote "
          "for this test";
      break;
    }
    PathStep step;
    step.step.thread = token.steps[i].thread;
    step.step.choice = token.steps[i].choice;
    step.before = run->hash();
    if (!run->Apply(step.step.thread, step.step.choice)) {
      report_.verdict = Verdict::kUsageError;
      report_.message = "step " + std::to_string(i + 1) + " of the replay token (thread " +
                        std::to_string(step.step.thread) + ", choice " +
                        std::to_string(step.step.choice) +
                        ") is not possible in this test: the token belongs to another test or "
                        "another version of it";
      break;
    }
    step.step.hash = run->hash();
    path_.push_back(step);
  }
  Finish();
  return report_;
}

void Explorer::Finish() {
  NoteMemory();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start_;
  report_.seconds = elapsed.count();
}

}  // namespace mc::internal
