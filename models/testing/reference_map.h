// The sequential specification of the map API, on std::unordered_map: what every map must
// return when operations do not overlap (and, per key, what a linearizable map returns).
#pragma once

#include <cstdint>
#include <map>
#include <unordered_map>

namespace models::testing {

class ReferenceMap {
 public:
  bool Load(int64_t k, int64_t* v) const {
    auto it = m_.find(k);
    if (it == m_.end()) return false;
    *v = it->second;
    return true;
  }
  void Store(int64_t k, int64_t v) { m_[k] = v; }
  bool LoadOrStore(int64_t k, int64_t v, int64_t* actual) {
    auto [it, inserted] = m_.emplace(k, v);
    *actual = it->second;
    return !inserted;
  }
  bool LoadAndDelete(int64_t k, int64_t* v) {
    if (!Load(k, v)) return false;
    m_.erase(k);
    return true;
  }
  void Delete(int64_t k) { m_.erase(k); }
  bool Swap(int64_t k, int64_t v, int64_t* previous) {
    const bool loaded = Load(k, previous);
    m_[k] = v;
    return loaded;
  }
  bool CompareAndSwap(int64_t k, int64_t old_value, int64_t new_value) {
    auto it = m_.find(k);
    if (it == m_.end() || it->second != old_value) return false;
    it->second = new_value;
    return true;
  }
  bool CompareAndDelete(int64_t k, int64_t old_value) {
    auto it = m_.find(k);
    if (it == m_.end() || it->second != old_value) return false;
    m_.erase(it);
    return true;
  }
  int64_t Len() const { return static_cast<int64_t>(m_.size()); }
  void Clear() { m_.clear(); }
  std::map<int64_t, int64_t> Sorted() const { return {m_.begin(), m_.end()}; }

 private:
  std::unordered_map<int64_t, int64_t> m_;
};

}  // namespace models::testing
