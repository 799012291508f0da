# Strict warnings for every target of ours; -Werror in CI (MAPCHECK_WERROR=ON).
add_library(mapcheck_warnings INTERFACE)
target_compile_options(mapcheck_warnings INTERFACE
  -Wall -Wextra -Wpedantic
  -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wconversion -Wsign-conversion -Wnull-dereference -Wdouble-promotion -Wformat=2
  -Wimplicit-fallthrough -Wmissing-declarations
  $<$<CXX_COMPILER_ID:GNU>:-Wduplicated-cond -Wduplicated-branches -Wlogical-op -Wuseless-cast>
)
if(MAPCHECK_WERROR)
  target_compile_options(mapcheck_warnings INTERFACE -Werror)
endif()

# Third-party headers (GoogleTest, Benchmark, Boost) are system includes, so their warnings stay
# theirs.
