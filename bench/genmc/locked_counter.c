// locked_counter(N): the C twin of mapcheck::bench::LockedCounter (bench/dpor_programs.h) for
// GenMC. N threads, each increments a plain counter under one mutex: N! executions.
#include <assert.h>
#include <pthread.h>

#ifndef N
#define N 6
#endif

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void *increment(void *arg) {
  (void)arg;
  pthread_mutex_lock(&m);
  counter = counter + 1;
  pthread_mutex_unlock(&m);
  return NULL;
}

int main(void) {
  pthread_t t[N];
  for (int i = 0; i < N; ++i) pthread_create(&t[i], NULL, increment, NULL);
  for (int i = 0; i < N; ++i) pthread_join(t[i], NULL);
  assert(counter == N);
  return 0;
}
