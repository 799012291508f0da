// readers(N): the C twin of mapcheck::bench::Readers (bench/dpor_programs.h) for GenMC.
// One writer stores x with release, N readers load it with acquire: 2^N executions.
#include <pthread.h>
#include <stdatomic.h>

#ifndef N
#define N 8
#endif

static atomic_int x;

static void *writer(void *arg) {
  (void)arg;
  atomic_store_explicit(&x, 42, memory_order_release);
  return NULL;
}

static void *reader(void *arg) {
  (void)arg;
  (void)atomic_load_explicit(&x, memory_order_acquire);
  return NULL;
}

int main(void) {
  pthread_t t[N + 1];
  pthread_create(&t[0], NULL, writer, NULL);
  for (int i = 1; i <= N; ++i) pthread_create(&t[i], NULL, reader, NULL);
  for (int i = 0; i <= N; ++i) pthread_join(t[i], NULL);
  return 0;
}
