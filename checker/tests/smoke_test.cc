#include <gtest/gtest.h>

#include "mc/mc.h"

TEST(Smoke, StoreBuffering) {
  auto r = mc::check([] {
    mc::atomic<int> x{0}, y{0};
    int a = -1, b = -1;
    mc::thread t0([&] { x.store(1, mc::relaxed); a = y.load(mc::relaxed); });
    mc::thread t1([&] { y.store(1, mc::relaxed); b = x.load(mc::relaxed); });
    t0.join();
    t1.join();
    mc::observe("a", a);
    mc::observe("b", b);
  });
  std::cout << r.ToString();
  EXPECT_EQ(r.executions, 4u);
}
