// indexer(N): the C twin of mapcheck::bench::Indexer (bench/dpor_programs.h) for GenMC.
// N threads insert 4 keys each into a 128-cell table by CAS, probing linearly on a collision.
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#ifndef N
#define N 8
#endif
#define SIZE 128
#define KEYS 4

static atomic_int table[SIZE];

static void *insert(void *arg) {
  const int tid = (int)(intptr_t)arg;
  for (int i = 0; i < KEYS; ++i) {
    const int w = i * 11 + tid;
    int h = (w * 7) % SIZE;
    int zero = 0;
    while (!atomic_compare_exchange_strong_explicit(&table[h], &zero, w, memory_order_relaxed,
                                                    memory_order_relaxed)) {
      h = (h + 1) % SIZE;
      zero = 0;
    }
  }
  return NULL;
}

int main(void) {
  pthread_t t[N];
  for (int i = 0; i < N; ++i) pthread_create(&t[i], NULL, insert, (void *)(intptr_t)(i + 1));
  for (int i = 0; i < N; ++i) pthread_join(t[i], NULL);
  return 0;
}
