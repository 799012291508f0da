// mc::atomic<T>: a std::atomic look-alike whose every operation is an event the checker explores
// under the chosen memory model. T is an integer, enum, bool or pointer type of at most 64 bits.
#pragma once

#include <cstddef>
#include <source_location>
#include <type_traits>

#include "mc/memory_order.h"
#include "mc/runtime_api.h"
#include "mc/value_bits.h"

namespace mc {

namespace detail {

// The RMW value computations, done in unsigned arithmetic so that wrap-around is defined, as it is
// for std::atomic.
template <class T>
struct RmwOps {
  using U = std::make_unsigned_t<T>;
  static uint64_t Add(uint64_t a, uint64_t b) {
    return ToBits(static_cast<T>(static_cast<U>(static_cast<U>(a) + static_cast<U>(b))));
  }
  static uint64_t Sub(uint64_t a, uint64_t b) {
    return ToBits(static_cast<T>(static_cast<U>(static_cast<U>(a) - static_cast<U>(b))));
  }
  static uint64_t And(uint64_t a, uint64_t b) { return ToBits(static_cast<T>(a & b)); }
  static uint64_t Or(uint64_t a, uint64_t b) { return ToBits(static_cast<T>(a | b)); }
  static uint64_t Xor(uint64_t a, uint64_t b) { return ToBits(static_cast<T>(a ^ b)); }
};

inline uint64_t ExchangeOp(uint64_t /*old_value*/, uint64_t operand) { return operand; }
inline uint64_t PointerAdd(uint64_t a, uint64_t b) { return a + b; }

constexpr memory_order FailureOrderFor(memory_order success) {
  if (success == acq_rel) return acquire;
  if (success == release) return relaxed;
  return success;
}

}  // namespace detail

template <detail::Word T>
class atomic {
 public:
  using value_type = T;

  explicit atomic(std::source_location where = std::source_location::current())
      : atomic(T{}, where) {}
  // NOLINTNEXTLINE(google-explicit-constructor): mirrors std::atomic's converting constructor.
  atomic(T initial, std::source_location where = std::source_location::current())
      : atomic(initial, nullptr, where) {}
  // A named atomic, as mc::var's named constructor.
  atomic(T initial, const char* name, std::source_location where = std::source_location::current())
      : ref_(detail::Register([&](detail::Runtime& runtime) {
          return runtime.RegisterLocation(reinterpret_cast<uintptr_t>(this), true,
                                          std::is_pointer_v<T>, detail::ToBits(initial), where,
                                          name);
        })) {}
  atomic(const atomic&) = delete;
  atomic& operator=(const atomic&) = delete;

  T load(memory_order order = seq_cst,
         std::source_location where = std::source_location::current()) const {
    return detail::FromBits<T>(
        detail::Active(where, "an mc object").Load(ref_, order, where, "load"));
  }
  void store(T value, memory_order order = seq_cst,
             std::source_location where = std::source_location::current()) {
    detail::Active(where, "an mc object").Store(ref_, detail::ToBits(value), order, where, "store");
  }
  operator T() const { return load(); }  // NOLINT(google-explicit-constructor)
  T operator=(T value) {                 // NOLINT(misc-unconventional-assign-operator)
    store(value);
    return value;
  }

  T exchange(T value, memory_order order = seq_cst,
             std::source_location where = std::source_location::current()) {
    return detail::FromBits<T>(
        detail::Active(where, "an mc::atomic")
            .Rmw(ref_, &detail::ExchangeOp, detail::ToBits(value), order, where, "exchange"));
  }

  bool compare_exchange_strong(T& expected, T desired, memory_order success, memory_order failure,
                               std::source_location where = std::source_location::current()) {
    return Cas(expected, desired, success, failure, false, where);
  }
  bool compare_exchange_strong(T& expected, T desired, memory_order order = seq_cst,
                               std::source_location where = std::source_location::current()) {
    return Cas(expected, desired, order, detail::FailureOrderFor(order), false, where);
  }
  // May fail although the value equals `expected`; the checker explores that spurious failure.
  bool compare_exchange_weak(T& expected, T desired, memory_order success, memory_order failure,
                             std::source_location where = std::source_location::current()) {
    return Cas(expected, desired, success, failure, true, where);
  }
  bool compare_exchange_weak(T& expected, T desired, memory_order order = seq_cst,
                             std::source_location where = std::source_location::current()) {
    return Cas(expected, desired, order, detail::FailureOrderFor(order), true, where);
  }

  T fetch_add(T arg, memory_order order = seq_cst,
              std::source_location where =
                  std::source_location::current()) requires std::is_integral_v<T> &&
      (!std::is_same_v<T, bool>) {
    return Rmw(&detail::RmwOps<T>::Add, arg, order, where, "fetch_add");
  }
  T fetch_sub(T arg, memory_order order = seq_cst,
              std::source_location where =
                  std::source_location::current()) requires std::is_integral_v<T> &&
      (!std::is_same_v<T, bool>) {
    return Rmw(&detail::RmwOps<T>::Sub, arg, order, where, "fetch_sub");
  }
  T fetch_and(T arg, memory_order order = seq_cst,
              std::source_location where =
                  std::source_location::current()) requires std::is_integral_v<T> &&
      (!std::is_same_v<T, bool>) {
    return Rmw(&detail::RmwOps<T>::And, arg, order, where, "fetch_and");
  }
  T fetch_or(T arg, memory_order order = seq_cst,
             std::source_location where =
                 std::source_location::current()) requires std::is_integral_v<T> &&
      (!std::is_same_v<T, bool>) {
    return Rmw(&detail::RmwOps<T>::Or, arg, order, where, "fetch_or");
  }
  T fetch_xor(T arg, memory_order order = seq_cst,
              std::source_location where =
                  std::source_location::current()) requires std::is_integral_v<T> &&
      (!std::is_same_v<T, bool>) {
    return Rmw(&detail::RmwOps<T>::Xor, arg, order, where, "fetch_xor");
  }
  T fetch_add(
      std::ptrdiff_t arg, memory_order order = seq_cst,
      std::source_location where = std::source_location::current()) requires std::is_pointer_v<T> {
    return PointerRmw(arg, order, where, "fetch_add");
  }
  T fetch_sub(
      std::ptrdiff_t arg, memory_order order = seq_cst,
      std::source_location where = std::source_location::current()) requires std::is_pointer_v<T> {
    return PointerRmw(-arg, order, where, "fetch_sub");
  }

  T operator++() requires std::is_integral_v<T> { return static_cast<T>(fetch_add(1) + 1); }
  T operator--() requires std::is_integral_v<T> { return static_cast<T>(fetch_sub(1) - 1); }
  T operator++(int) requires std::is_integral_v<T> { return fetch_add(1); }
  T operator--(int) requires std::is_integral_v<T> { return fetch_sub(1); }

 private:
  T Rmw(detail::RmwFn fn, T arg, memory_order order, const std::source_location& where,
        const char* op) {
    return detail::FromBits<T>(detail::Active(where, "an mc::atomic")
                                   .Rmw(ref_, fn, detail::ToBits(arg), order, where, op));
  }
  T PointerRmw(std::ptrdiff_t arg, memory_order order, const std::source_location& where,
               const char* op) {
    using Pointee = std::remove_pointer_t<T>;
    const auto bytes = static_cast<uint64_t>(arg * static_cast<std::ptrdiff_t>(sizeof(Pointee)));
    return detail::FromBits<T>(detail::Active(where, "an mc::atomic")
                                   .Rmw(ref_, &detail::PointerAdd, bytes, order, where, op));
  }
  bool Cas(T& expected, T desired, memory_order success, memory_order failure, bool weak,
           const std::source_location& where) {
    uint64_t bits = detail::ToBits(expected);
    const bool ok =
        detail::Active(where, "an mc::atomic")
            .CompareExchange(ref_, bits, detail::ToBits(desired), success, failure, weak, where);
    if (!ok) expected = detail::FromBits<T>(bits);
    return ok;
  }

  detail::ObjectRef ref_;
};

// std::atomic_thread_fence.
inline void fence(memory_order order,
                  std::source_location where = std::source_location::current()) {
  detail::Active(where, "mc::fence").Fence(order, where);
}

}  // namespace mc
