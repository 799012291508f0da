// mc::var<T>: plain (non-atomic) shared memory. Every access is an event; two conflicting accesses
// from different threads that happens-before does not order are a data race, reported with both
// source lines.
#pragma once

#include <source_location>
#include <type_traits>

#include "mc/atomic.h"
#include "mc/runtime_api.h"
#include "mc/value_bits.h"

namespace mc {

template <detail::Word T>
class var {
 public:
  using value_type = T;

  explicit var(std::source_location where = std::source_location::current()) : var(T{}, where) {}
  // NOLINTNEXTLINE(google-explicit-constructor): reads like a plain variable's initialisation.
  var(T initial, std::source_location where = std::source_location::current())
      : var(initial, nullptr, where) {}
  // A named variable: traces and race messages call it `name` (e.g. "hmap.flags") instead of
  // by where it was constructed. `name` must outlive the check (a string literal).
  var(T initial, const char* name, std::source_location where = std::source_location::current())
      : ref_(detail::Register([&](detail::Runtime& runtime) {
          return runtime.RegisterLocation(reinterpret_cast<uintptr_t>(this), false,
                                          std::is_pointer_v<T>, detail::ToBits(initial), where,
                                          name);
        })) {}
  var(const var&) = delete;
  var& operator=(const var&) = delete;

  T load(std::source_location where = std::source_location::current()) const {
    return detail::FromBits<T>(
        detail::Active(where, "an mc object").Load(ref_, relaxed, where, "read"));
  }
  void store(T value, std::source_location where = std::source_location::current()) {
    detail::Active(where, "an mc object")
        .Store(ref_, detail::ToBits(value), relaxed, where, "write");
  }
  operator T() const { return load(); }  // NOLINT(google-explicit-constructor)
  var& operator=(T value) {
    store(value);
    return *this;
  }
  // Read-modify-write as plain code does it: a read, then a write (two events, not atomic).
  var& operator+=(T delta) requires std::is_integral_v<T> {
    store(static_cast<T>(load() + delta));
    return *this;
  }
  var& operator-=(T delta) requires std::is_integral_v<T> {
    store(static_cast<T>(load() - delta));
    return *this;
  }
  // Atomic read-modify-writes (acq_rel) on this otherwise plain variable, as Go's atomic.Or8 on a
  // map's flags. They race with the plain accesses, not with each other.
  T atomic_fetch_or(T bits, std::source_location where =
                                std::source_location::current()) requires std::is_integral_v<T> {
    return detail::FromBits<T>(
        detail::Active(where, "an mc::var")
            .VarAtomicRmw(ref_, &detail::RmwOps<T>::Or, detail::ToBits(bits), where, "atomic_or"));
  }
  T atomic_fetch_and(T bits, std::source_location where =
                                 std::source_location::current()) requires std::is_integral_v<T> {
    return detail::FromBits<T>(detail::Active(where, "an mc::var")
                                   .VarAtomicRmw(ref_, &detail::RmwOps<T>::And,
                                                 detail::ToBits(bits), where, "atomic_and"));
  }
  // A relaxed atomic load of this otherwise plain variable: it races with plain writes, not with
  // the atomic read-modify-writes above.
  T atomic_load(std::source_location where = std::source_location::current()) const {
    return detail::FromBits<T>(detail::Active(where, "an mc::var").VarAtomicLoad(ref_, where));
  }
  var& operator++() requires std::is_integral_v<T> { return *this += T{1}; }
  var& operator--() requires std::is_integral_v<T> { return *this -= T{1}; }

 private:
  detail::ObjectRef ref_;
};

}  // namespace mc
