// fib_bench(N): the C twin of mapcheck::bench::FibBench (bench/dpor_programs.h) for GenMC.
// Two threads add x and y into each other N times; a third checks neither passed 144.
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef N
#define N 5
#endif

static atomic_int x = 1;
static atomic_int y = 1;

static void *add_into_x(void *arg) {
  (void)arg;
  for (int i = 0; i < N; ++i) {
    const int px = atomic_load_explicit(&x, memory_order_acquire);
    const int py = atomic_load_explicit(&y, memory_order_acquire);
    atomic_store_explicit(&x, px + py, memory_order_release);
  }
  return NULL;
}

static void *add_into_y(void *arg) {
  (void)arg;
  for (int i = 0; i < N; ++i) {
    const int px = atomic_load_explicit(&x, memory_order_acquire);
    const int py = atomic_load_explicit(&y, memory_order_acquire);
    atomic_store_explicit(&y, px + py, memory_order_release);
  }
  return NULL;
}

static void *check(void *arg) {
  (void)arg;
  assert(atomic_load_explicit(&x, memory_order_acquire) <= 144 &&
         atomic_load_explicit(&y, memory_order_acquire) <= 144);
  return NULL;
}

int main(void) {
  pthread_t t[3];
  pthread_create(&t[0], NULL, add_into_x, NULL);
  pthread_create(&t[1], NULL, add_into_y, NULL);
  pthread_create(&t[2], NULL, check, NULL);
  for (int i = 0; i < 3; ++i) pthread_join(t[i], NULL);
  return 0;
}
