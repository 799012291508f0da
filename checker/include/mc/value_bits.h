// The engine stores every value as 64 bits. These conversions are exact for the types mc::atomic
// and mc::var accept: integers (zero-extended), enums, bool and pointers.
#pragma once

#include <concepts>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace mc::detail {

template <class T>
concept Word = (std::is_integral_v<T> || std::is_enum_v<T> || std::is_pointer_v<T>)&&sizeof(T) <=
               sizeof(uint64_t);

template <Word T>
constexpr uint64_t ToBits(T value) {
  if constexpr (std::is_pointer_v<T>) {
    const uintptr_t address = reinterpret_cast<uintptr_t>(value);
    return address;
  } else if constexpr (std::is_enum_v<T>) {
    return ToBits(static_cast<std::underlying_type_t<T>>(value));
  } else if constexpr (std::is_same_v<T, bool>) {
    return value ? 1 : 0;
  } else {
    return static_cast<uint64_t>(static_cast<std::make_unsigned_t<T>>(value));
  }
}

template <Word T>
constexpr T FromBits(uint64_t bits) {
  if constexpr (std::is_pointer_v<T>) {
    const uintptr_t address = bits;
    return reinterpret_cast<T>(address);
  } else if constexpr (std::is_enum_v<T>) {
    return static_cast<T>(FromBits<std::underlying_type_t<T>>(bits));
  } else if constexpr (std::is_same_v<T, bool>) {
    return bits != 0;
  } else {
    return static_cast<T>(static_cast<std::make_unsigned_t<T>>(bits));
  }
}

}  // namespace mc::detail
