// fetch_add(N): the C twin of mapcheck::bench::FetchAdd (bench/dpor_programs.h) for GenMC.
// N threads, one relaxed fetch_add each: N! executions.
#include <pthread.h>
#include <stdatomic.h>

#ifndef N
#define N 6
#endif

static atomic_int x;

static void *add(void *arg) {
  (void)arg;
  atomic_fetch_add_explicit(&x, 1, memory_order_relaxed);
  return NULL;
}

int main(void) {
  pthread_t t[N];
  for (int i = 0; i < N; ++i) pthread_create(&t[i], NULL, add, NULL);
  for (int i = 0; i < N; ++i) pthread_join(t[i], NULL);
  return 0;
}
