// Which execution is active on this OS thread, and so which detail::Runtime the public mc:: types
// reach (mc/runtime_api.h). Outside a check there is none, and using an mc object there is an
// error that names the line (std::logic_error, since there is no report to put it in).
#include "runtime.h"

#include <stdexcept>
#include <string>

#include "execution.h"
#include "mc/runtime_api.h"
#include "source_text.h"

namespace mc::internal {
namespace {

thread_local Execution* g_active = nullptr;
thread_local bool g_in_check = false;

}  // namespace

Execution* ActiveExecution() { return g_active; }

CurrentExecution::CurrentExecution(Execution* execution) : saved_(g_active) {
  g_active = execution;
}
CurrentExecution::~CurrentExecution() { g_active = saved_; }

CheckScope::CheckScope() {
  if (g_in_check) {
    throw std::logic_error("mc::check or mc::replay called inside a test that mc is checking");
  }
  g_in_check = true;
}
CheckScope::~CheckScope() { g_in_check = false; }
bool CheckScope::Active() { return g_in_check; }

}  // namespace mc::internal

namespace mc::detail {

Runtime* CurrentRuntime() { return internal::g_active; }

Runtime& Active(const SourceLocation& where, const char* what) {
  if (internal::g_active == nullptr) {
    throw std::logic_error(internal::SourceText(where) + ": " + std::string(what) +
                           " used outside mc::check: mc objects and threads only work inside a "
                           "test run by mc::check or mc::replay");
  }
  return *internal::g_active;
}

}  // namespace mc::detail
