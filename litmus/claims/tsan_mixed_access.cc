// Claim C14's ThreadSanitizer half: one thread sets a byte with an atomic OR (as Go's atomic.Or8),
// another reads it plainly. Built with -fsanitize=thread; ctest expects TSan's data race report
// (Go's -race detector is ThreadSanitizer's runtime).
#include <atomic>
#include <cstdint>
#include <thread>

int main() {
  uint8_t word = 0;
  std::thread writer([&] { std::atomic_ref<uint8_t>(word).fetch_or(4); });
  std::thread reader([&] {
    volatile uint8_t seen = word;
    (void)seen;
  });
  writer.join();
  reader.join();
  return 0;
}
