// Which execution the running fiber belongs to: the link from the public mc:: types to the engine.
#pragma once

namespace mc::internal {

class Execution;

// The execution whose fibers run on this OS thread, or nullptr outside a check.
Execution* ActiveExecution();

// Makes `execution` active for its lifetime (while the scheduler resumes fibers).
class CurrentExecution {
 public:
  explicit CurrentExecution(Execution* execution);
  ~CurrentExecution();
  CurrentExecution(const CurrentExecution&) = delete;
  CurrentExecution& operator=(const CurrentExecution&) = delete;

 private:
  Execution* saved_;
};

// Marks an mc::check / mc::replay in progress on this OS thread; a nested one is a usage error.
class CheckScope {
 public:
  CheckScope();
  ~CheckScope();
  CheckScope(const CheckScope&) = delete;
  CheckScope& operator=(const CheckScope&) = delete;
  static bool Active();
};

}  // namespace mc::internal
