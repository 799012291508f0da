// Random programs around one condition variable, for holding the optimal search to the
// every-path judge: threads wait for a counter (in a loop, or once) under a mutex, raise it
// under the mutex or without it (a lost wake-up), and notify one or all waiters, inside or
// after their critical section. Some deadlock (a waiter nobody notifies), some rely on a
// spurious wake-up, some leave a notify_one's other waiter asleep.
#pragma once

#include <random>
#include <string>
#include <vector>

namespace mc::testing {

struct CondvarStep {
  enum class Kind {
    kWaitWhile,      // lock; while (count < target) cv.wait(lock); observe count
    kWaitOnce,       // lock; if (count < target) cv.wait(lock); observe count
    kRaise,          // lock; count += 1; [notify]; unlock; [notify]
    kRaiseUnlocked,  // count += 1 without the mutex, then notify
    kNotify,         // notify alone
  };
  Kind kind = Kind::kNotify;
  int target = 1;
  bool all = false;         // notify_all rather than notify_one
  bool under_lock = false;  // kRaise: notify before unlocking
};

struct CondvarProgram {
  std::vector<std::vector<CondvarStep>> threads;
  std::string ToString() const;
};

// 2 or 3 threads of 1 or 2 steps, at least one waiter and one raise or notify.
CondvarProgram RandomCondvarProgram(std::mt19937_64& rng);
// Runs it once (call inside mc::check); each wait observes the count it saw ("t:i").
void RunCondvarProgram(const CondvarProgram& p);

}  // namespace mc::testing
