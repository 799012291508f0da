#include "random_condvar_program.h"

#include <mutex>
#include <sstream>

#include "mc/mc.h"

namespace mc::testing {

std::string CondvarProgram::ToString() const {
  std::ostringstream out;
  for (size_t t = 0; t < threads.size(); ++t) {
    out << "\n  T" << t << ":";
    for (const CondvarStep& s : threads[t]) {
      const char* notify = s.all ? "notify_all" : "notify_one";
      switch (s.kind) {
        case CondvarStep::Kind::kWaitWhile:
          out << " [while (count < " << s.target << ") wait]";
          break;
        case CondvarStep::Kind::kWaitOnce:
          out << " [if (count < " << s.target << ") wait]";
          break;
        case CondvarStep::Kind::kRaise:
          out << " [count++ " << (s.under_lock ? "and " : "then ") << notify << "]";
          break;
        case CondvarStep::Kind::kRaiseUnlocked:
          out << " [count++ unlocked, " << notify << "]";
          break;
        case CondvarStep::Kind::kNotify:
          out << " [" << notify << "]";
          break;
      }
    }
  }
  return out.str();
}

CondvarProgram RandomCondvarProgram(std::mt19937_64& rng) {
  CondvarProgram p;
  const size_t threads = 2 + rng() % 2;
  bool waits = false;
  bool wakes = false;
  for (size_t t = 0; t < threads; ++t) {
    std::vector<CondvarStep> steps(1 + (rng() % 3 == 0 ? 1 : 0));
    for (CondvarStep& s : steps) {
      s.kind = static_cast<CondvarStep::Kind>(rng() % 5);
      s.target = 1 + static_cast<int>(rng() % 2);
      s.all = rng() % 3 == 0;
      s.under_lock = rng() % 2 == 0;
      const bool wait =
          s.kind == CondvarStep::Kind::kWaitWhile || s.kind == CondvarStep::Kind::kWaitOnce;
      waits = waits || wait;
      wakes = wakes || !wait;
    }
    p.threads.push_back(steps);
  }
  if (!waits) p.threads[0][0].kind = CondvarStep::Kind::kWaitWhile;
  if (!wakes) p.threads.back().back().kind = CondvarStep::Kind::kRaise;
  return p;
}

void RunCondvarProgram(const CondvarProgram& p) {
  mc::mutex m;
  mc::condition_variable cv;
  mc::atomic<int> count{0};  // read and raised under m, but for kRaiseUnlocked
  std::vector<mc::thread> threads;
  for (size_t t = 0; t < p.threads.size(); ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = 0; i < p.threads[t].size(); ++i) {
        const CondvarStep& s = p.threads[t][i];
        auto notify = [&] { s.all ? cv.notify_all() : cv.notify_one(); };
        switch (s.kind) {
          case CondvarStep::Kind::kWaitWhile:
          case CondvarStep::Kind::kWaitOnce: {
            std::unique_lock<mc::mutex> lock(m);
            if (s.kind == CondvarStep::Kind::kWaitWhile) {
              while (count.load(mc::relaxed) < s.target) cv.wait(lock);
            } else if (count.load(mc::relaxed) < s.target) {
              cv.wait(lock);
            }
            mc::observe(std::to_string(t) + ":" + std::to_string(i), count.load(mc::relaxed));
            break;
          }
          case CondvarStep::Kind::kRaise: {
            std::unique_lock<mc::mutex> lock(m);
            count.store(count.load(mc::relaxed) + 1, mc::relaxed);
            if (s.under_lock) notify();
            lock.unlock();
            if (!s.under_lock) notify();
            break;
          }
          case CondvarStep::Kind::kRaiseUnlocked:
            count.fetch_add(1, mc::relaxed);
            notify();
            break;
          case CondvarStep::Kind::kNotify:
            notify();
            break;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
}

}  // namespace mc::testing
