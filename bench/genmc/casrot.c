// casrot(N): the C twin of mapcheck::bench::CasRot (bench/dpor_programs.h) for GenMC.
// Thread i tries CAS(x, i-1 -> i), relaxed.
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#ifndef N
#define N 8
#endif

static atomic_int x;

static void *rotate(void *arg) {
  const int i = (int)(intptr_t)arg;
  int expected = i - 1;
  (void)atomic_compare_exchange_strong_explicit(&x, &expected, i, memory_order_relaxed,
                                                memory_order_relaxed);
  return NULL;
}

int main(void) {
  pthread_t t[N];
  for (int i = 0; i < N; ++i) pthread_create(&t[i], NULL, rotate, (void *)(intptr_t)i);
  for (int i = 0; i < N; ++i) pthread_join(t[i], NULL);
  return 0;
}
