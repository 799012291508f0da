// lastzero(N): the C twin of mapcheck::bench::LastZero (bench/dpor_programs.h) for GenMC.
// Writer j stores array[j] = array[j-1] + 1; a reader scans from array[N] down to the first 0.
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#ifndef N
#define N 8
#endif

static atomic_int array[N + 1];

static void *scanner(void *arg) {
  (void)arg;
  for (int i = N; atomic_load_explicit(&array[i], memory_order_acquire) != 0; --i) {
  }
  return NULL;
}

static void *writer(void *arg) {
  const int j = (int)(intptr_t)arg;
  atomic_store_explicit(&array[j], atomic_load_explicit(&array[j - 1], memory_order_acquire) + 1,
                        memory_order_release);
  return NULL;
}

int main(void) {
  pthread_t t[N + 1];
  pthread_create(&t[0], NULL, scanner, NULL);
  for (int j = 1; j <= N; ++j) pthread_create(&t[j], NULL, writer, (void *)(intptr_t)j);
  for (int j = 0; j <= N; ++j) pthread_join(t[j], NULL);
  return 0;
}
