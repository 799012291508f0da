// Memory for the models' dynamically allocated objects (Go map buckets), owned by the model and
// freed with it. Go's allocator neither synchronises goroutines nor frees what another goroutine
// may still reach, so the arena links allocations with relaxed atomics (no happens-before for
// ThreadSanitizer or the checker to see) and frees nothing before its own destruction: an
// iterator holding an old bucket array stays valid, as it would under Go's garbage collector.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <new>
#include <utility>

namespace models {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    Node* n = head_.load(std::memory_order_relaxed);
    while (n != nullptr) {
      Node* next = n->next;
      n->destroy(n);
      n = next;
    }
  }

  // One T constructed from `args`, alive until the arena is destroyed.
  template <class T, class... Args>
  T* New(Args&&... args) {
    auto* holder = new ObjectNode<T>(std::forward<Args>(args)...);
    Push(holder);
    return &holder->object;
  }

  // `count` default-constructed T, alive until the arena is destroyed.
  template <class T>
  T* NewArray(size_t count) {
    auto* holder = new ArrayNode<T>(count);
    holder->begin = holder->items.get();
    holder->bytes = count * sizeof(T);
    Push(holder);
    return holder->items.get();
  }

  // Calls f(begin, bytes) for every array this arena allocated (for tests that inspect memory
  // the model no longer reaches; same caveat as ArrayBytes).
  template <class F>
  void ForEachArray(F&& f) const {
    for (const Node* n = head_.load(std::memory_order_acquire); n != nullptr; n = n->next) {
      if (n->begin != nullptr) f(n->begin, n->bytes);
    }
  }

  // The size in bytes of the array this arena allocated that starts at `array`, or 0 if none
  // does. A bounds check asks about the array a pointer designates, never about whatever the
  // allocator placed next to it, so its answer does not depend on the heap's layout. Walks every
  // allocation: for the model checker's bounds checks on small models, not for real-thread use
  // (it reads nodes other threads may be publishing).
  size_t ArrayBytes(const void* array) const {
    for (const Node* n = head_.load(std::memory_order_acquire); n != nullptr; n = n->next) {
      if (n->begin != nullptr && n->begin == array) return n->bytes;
    }
    return 0;
  }

 private:
  struct Node {
    Node* next = nullptr;
    void (*destroy)(Node*) = nullptr;
    const void* begin = nullptr;  // arrays: their extent, for ArrayBytes
    size_t bytes = 0;
  };
  template <class T>
  struct ArrayNode : Node {
    explicit ArrayNode(size_t count) : items(new T[count]) {
      this->destroy = [](Node* n) { delete static_cast<ArrayNode*>(n); };
    }
    std::unique_ptr<T[]> items;
  };

  template <class T>
  struct ObjectNode : Node {
    template <class... Args>
    explicit ObjectNode(Args&&... args) : object(std::forward<Args>(args)...) {
      this->destroy = [](Node* n) { delete static_cast<ObjectNode*>(n); };
    }
    T object;
  };

  void Push(Node* n) {
    n->next = head_.load(std::memory_order_relaxed);
    while (!head_.compare_exchange_weak(n->next, n, std::memory_order_relaxed)) {
    }
  }

  std::atomic<Node*> head_{nullptr};
};

}  // namespace models
