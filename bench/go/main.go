// The Go side of the map throughput comparison (scripts/performance-report): the same workload
// as bench/map_throughput_benchmark.cc, on Go's own sync.Map (Go 1.19: the read/dirty design the
// C++ model follows), a map behind sync.RWMutex, and a 256-shard map (FNV-1a, a mutex each).
// Each configuration runs its goroutines for a fixed time and prints one CSV line:
// map,read_pct,keys,zipf,goroutines,ops_per_second.
package main

import (
	"flag"
	"fmt"
	"math"
	"os"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

type rng struct{ s uint64 }

func newRng(seed uint64) *rng { return &rng{seed*0x9e3779b97f4a7c15 + 1} }
func (r *rng) next() uint64 {
	r.s ^= r.s >> 12
	r.s ^= r.s << 25
	r.s ^= r.s >> 27
	return r.s * 0x2545f4914f6cdd1d
}

// zipfTable mirrors ZipfTable in the C++ benchmark: 64Ki draws from Zipf(0.99) over [0, n).
func zipfTable(n int64) []int64 {
	cdf := make([]float64, n)
	sum := 0.0
	for i := int64(0); i < n; i++ {
		sum += 1.0 / math.Pow(float64(i+1), 0.99)
		cdf[i] = sum
	}
	table := make([]int64, 1<<16)
	r := newRng(7)
	for i := range table {
		u := float64(r.next()>>11) * (1.0 / (1 << 53)) * sum
		k := int64(sort.SearchFloat64s(cdf, u))
		table[i] = int64((uint64(k) * 0x9e3779b97f4a7c15) % uint64(n))
	}
	return table
}

type kv interface {
	Load(k int64) (int64, bool)
	Store(k, v int64)
}

type syncMap struct{ m sync.Map }

func (s *syncMap) Load(k int64) (int64, bool) {
	v, ok := s.m.Load(k)
	if !ok {
		return 0, false
	}
	return v.(int64), true
}
func (s *syncMap) Store(k, v int64) { s.m.Store(k, v) }

type rwMap struct {
	mu sync.RWMutex
	m  map[int64]int64
}

func (r *rwMap) Load(k int64) (int64, bool) {
	r.mu.RLock()
	v, ok := r.m[k]
	r.mu.RUnlock()
	return v, ok
}
func (r *rwMap) Store(k, v int64) {
	r.mu.Lock()
	r.m[k] = v
	r.mu.Unlock()
}

type shard struct {
	mu sync.Mutex
	m  map[int64]int64
}
type shardedMap struct{ shards [256]shard }

func fnv1a(k int64) uint32 {
	h := uint32(0x811c9dc5)
	for i := 0; i < 8; i++ {
		h ^= uint32(byte(uint64(k) >> (8 * i)))
		h *= 0x01000193
	}
	return h
}
func (s *shardedMap) Load(k int64) (int64, bool) {
	sh := &s.shards[fnv1a(k)%256]
	sh.mu.Lock()
	v, ok := sh.m[k]
	sh.mu.Unlock()
	return v, ok
}
func (s *shardedMap) Store(k, v int64) {
	sh := &s.shards[fnv1a(k)%256]
	sh.mu.Lock()
	sh.m[k] = v
	sh.mu.Unlock()
}

func newMap(name string) kv {
	switch name {
	case "sync_map":
		return &syncMap{}
	case "rw_map":
		return &rwMap{m: map[int64]int64{}}
	default:
		s := &shardedMap{}
		for i := range s.shards {
			s.shards[i].m = map[int64]int64{}
		}
		return s
	}
}

const warmUpOps = 1 << 17

// One operation of the workload: a Load with probability readPct %, else a Store of an existing key.
func operate(m kv, x uint64, readPct uint64, keys int64, table []int64) int64 {
	var k int64
	if table == nil {
		k = int64((x >> 8) % uint64(keys))
	} else {
		k = table[x>>48]
	}
	if (((x & 0xffffffff) * 100) >> 32) < readPct {
		v, _ := m.Load(k)
		return v
	}
	m.Store(k, int64(x))
	return 0
}

// filled returns the named map holding keys [0, keys).
func filled(name string, keys int64) kv {
	m := newMap(name)
	for k := int64(0); k < keys; k++ {
		m.Store(k, k)
	}
	return m
}

func run(name string, readPct uint64, keys int64, zipf bool, goroutines int, d time.Duration) float64 {
	m := filled(name, keys)
	var table []int64
	if zipf {
		table = zipfTable(keys)
	}
	// Untimed operations of the same mix first, as the C++ benchmark's Setup does.
	wr := newRng(1000)
	for i := 0; i < warmUpOps; i++ {
		operate(m, wr.next(), readPct, keys, table)
	}
	// measure finishes the collector's work left over from the setup before timing, as
	// testing.B does: without it the first configurations after a large fill ran at half speed.
	ns, _ := measure(func(_ int64, x uint64) int64 { return operate(m, x, readPct, keys, table) },
		keys, goroutines, d)
	return float64(goroutines) * 1e9 / ns
}

// The parts of sync.Map's cost, and of the RWMutex and sharded maps', measured one at a time on
// one goroutine with the same key draws (uniform), so that the gap between Go's maps and the C++
// models can be attributed rather than guessed (bench/map_attribution is the C++ side of the
// lock-based steps). Each line: step,keys,ns_per_op,allocs_per_op.
var sinkAny any
var sinkPtr *int64

func attribution(d time.Duration, reps int) {
	type step struct {
		name string
		prep func(keys int64) func(k int64, x uint64) int64
	}
	steps := []step{
		{"harness_only", func(keys int64) func(int64, uint64) int64 {
			return func(k int64, _ uint64) int64 { return k }
		}},
		{"syncmap_load_via_kv", func(keys int64) func(int64, uint64) int64 {
			m := filled("sync_map", keys)
			return func(k int64, _ uint64) int64 { v, _ := m.Load(k); return v }
		}},
		{"syncmap_load_direct", func(keys int64) func(int64, uint64) int64 {
			var m sync.Map
			for k := int64(0); k < keys; k++ {
				m.Store(k, k)
			}
			return func(k int64, _ uint64) int64 {
				v, ok := m.Load(k)
				if !ok {
					return 0
				}
				return v.(int64)
			}
		}},
		{"map_any_key_lookup", func(keys int64) func(int64, uint64) int64 {
			m := make(map[any]*int64)
			for k := int64(0); k < keys; k++ {
				v := k
				m[k] = &v
			}
			return func(k int64, _ uint64) int64 { return *m[k] }
		}},
		{"map_int64_key_lookup", func(keys int64) func(int64, uint64) int64 {
			m := make(map[int64]*int64)
			for k := int64(0); k < keys; k++ {
				v := k
				m[k] = &v
			}
			return func(k int64, _ uint64) int64 { return *m[k] }
		}},
		{"syncmap_store_existing", func(keys int64) func(int64, uint64) int64 {
			var m sync.Map
			for k := int64(0); k < keys; k++ {
				m.Store(k, k)
			}
			return func(k int64, x uint64) int64 { m.Store(k, int64(x)); return 0 }
		}},
		{"box_int64_in_any", func(keys int64) func(int64, uint64) int64 {
			return func(_ int64, x uint64) int64 { sinkAny = int64(x); return 0 }
		}},
		{"new_int64", func(keys int64) func(int64, uint64) int64 {
			return func(_ int64, x uint64) int64 { p := new(int64); *p = int64(x); sinkPtr = p; return 0 }
		}},
		// The lock-based maps' parts, named as bench/map_attribution (the C++ side) names them.
		{"map_lookup", func(keys int64) func(int64, uint64) int64 {
			m := make(map[int64]int64)
			for k := int64(0); k < keys; k++ {
				m[k] = k
			}
			return func(k int64, _ uint64) int64 { return m[k] }
		}},
		{"map_store_existing", func(keys int64) func(int64, uint64) int64 {
			m := make(map[int64]int64)
			for k := int64(0); k < keys; k++ {
				m[k] = k
			}
			return func(k int64, x uint64) int64 { m[k] = int64(x); return 0 }
		}},
		{"rwmutex_rlock_runlock", func(keys int64) func(int64, uint64) int64 {
			var mu sync.RWMutex
			return func(k int64, _ uint64) int64 { mu.RLock(); mu.RUnlock(); return k }
		}},
		{"rwmap_load", func(keys int64) func(int64, uint64) int64 {
			m := filled("rw_map", keys).(*rwMap)
			return func(k int64, _ uint64) int64 { v, _ := m.Load(k); return v }
		}},
		{"rwmap_store_existing", func(keys int64) func(int64, uint64) int64 {
			m := filled("rw_map", keys).(*rwMap)
			return func(k int64, x uint64) int64 { m.Store(k, int64(x)); return 0 }
		}},
		// The rw_map row's own mix: a Store (the write lock) once in 100 operations.
		{"rwmap_mixed_99_1", func(keys int64) func(int64, uint64) int64 {
			m := filled("rw_map", keys)
			return func(_ int64, x uint64) int64 { return operate(m, x, 99, keys, nil) }
		}},
		{"mutex_lock_unlock", func(keys int64) func(int64, uint64) int64 {
			var mu sync.Mutex
			return func(k int64, _ uint64) int64 { mu.Lock(); mu.Unlock(); return k }
		}},
		{"fnv1a_hash", func(keys int64) func(int64, uint64) int64 {
			return func(k int64, _ uint64) int64 { return int64(fnv1a(k) % 256) }
		}},
		{"sharded_load", func(keys int64) func(int64, uint64) int64 {
			m := filled("sharded_map_256", keys).(*shardedMap)
			return func(k int64, _ uint64) int64 { v, _ := m.Load(k); return v }
		}},
		{"sharded_store_existing", func(keys int64) func(int64, uint64) int64 {
			m := filled("sharded_map_256", keys).(*shardedMap)
			return func(k int64, x uint64) int64 { m.Store(k, int64(x)); return 0 }
		}},
	}
	{
		// 256 mutexes laid out as shardedMap lays them out: in its [256]shard array, beside each
		// shard's map pointer.
		steps = append(steps, step{"mutex256_lock_unlock", func(keys int64) func(int64, uint64) int64 {
			s := &shardedMap{}
			return func(k int64, _ uint64) int64 {
				sh := &s.shards[uint64(k)%256]
				sh.mu.Lock()
				sh.mu.Unlock()
				return k
			}
		}})
	}
	for _, st := range steps {
		for _, keys := range []int64{1000, 100000} {
			op := st.prep(keys)
			for rep := 0; rep < reps; rep++ {
				ns, allocs := measure(op, keys, 1, d)
				fmt.Fprintf(os.Stdout, "%s,%d,%.2f,%.2f\n", st.name, keys, ns, allocs)
			}
		}
	}
	// The contention part: the same steps on 2 goroutines at once (each its own key draws, one
	// shared map or lock), ns per operation per goroutine; named step@2.
	twoThreads := map[string]bool{"harness_only": true, "map_lookup": true,
		"rwmutex_rlock_runlock": true, "rwmap_load": true, "rwmap_store_existing": true,
		"rwmap_mixed_99_1":     true,
		"mutex256_lock_unlock": true, "sharded_load": true, "sharded_store_existing": true}
	for _, st := range steps {
		if !twoThreads[st.name] {
			continue
		}
		for _, keys := range []int64{1000, 100000} {
			op := st.prep(keys)
			for rep := 0; rep < reps; rep++ {
				ns, allocs := measure(op, keys, 2, d)
				fmt.Fprintf(os.Stdout, "%s@2,%d,%.2f,%.2f\n", st.name, keys, ns, allocs)
			}
		}
	}
}

// measure runs op on `threads` goroutines for d, each with its own draws (seed 1, 2, ...; the
// key passed is the uniform draw, which the throughput workload replaces with its own), after a
// full collection, and returns nanoseconds per operation per goroutine and heap allocations per
// operation.
func measure(op func(int64, uint64) int64, keys int64, threads int, d time.Duration) (float64, float64) {
	var ms0, ms1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	var stop atomic.Bool
	var total, sinks atomic.Int64
	var ready, done sync.WaitGroup
	ready.Add(threads)
	done.Add(threads)
	start := make(chan struct{})
	for g := 0; g < threads; g++ {
		go func(g int) {
			defer done.Done()
			r := newRng(uint64(g) + 1)
			var n, sink int64
			ready.Done()
			<-start
			for !stop.Load() {
				for i := 0; i < 256; i++ {
					x := r.next()
					sink += op(int64((x>>8)%uint64(keys)), x)
				}
				n += 256
			}
			total.Add(n)
			sinks.Add(sink)
		}(g)
	}
	ready.Wait()
	t0 := time.Now()
	close(start)
	time.Sleep(d)
	stop.Store(true)
	done.Wait()
	el := time.Since(t0)
	runtime.ReadMemStats(&ms1)
	n := float64(total.Load())
	return float64(el.Nanoseconds()) * float64(threads) / n, float64(ms1.Mallocs-ms0.Mallocs) / n
}

func main() {
	d := flag.Duration("time", 200*time.Millisecond, "time per configuration")
	reps := flag.Int("repetitions", 5, "repetitions of each configuration")
	attr := flag.Bool("attribution", false, "measure the parts of the maps' cost instead")
	flag.Parse()
	if *attr {
		attribution(*d, *reps)
		return
	}
	for _, name := range []string{"rw_map", "sync_map", "sharded_map_256"} {
		for _, read := range []uint64{99, 90, 50, 10} {
			for _, keys := range []int64{1000, 100000} {
				for _, zipf := range []bool{false, true} {
					for _, g := range []int{1, 2} {
						for rep := 0; rep < *reps; rep++ {
							z := 0
							if zipf {
								z = 1
							}
							fmt.Fprintf(os.Stdout, "%s,%d,%d,%d,%d,%.0f\n", name, read, keys, z, g,
								run(name, read, keys, zipf, g, *d))
						}
					}
				}
			}
		}
	}
}
