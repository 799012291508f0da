#!/bin/sh
# install_and_consume.sh BUILD_DIR SOURCE_DIR: installs BUILD_DIR (cmake --install) into a fresh
# prefix, then configures, builds and runs the tests of SOURCE_DIR/cmake/consumer against it
# with find_package(mapcheck CONFIG) as a user's project would; and makes the Debian package
# (cpack) and lists what it holds.
set -eu
build=$1
source=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cmake --install "$build" --prefix "$dir/prefix" > "$dir/install.log" || { cat "$dir/install.log"; exit 1; }
for f in include/mapcheck/mc/mc.h include/mapcheck/models/fixes/locked_map.h \
         include/mapcheck/scenario/scenario.h lib/cmake/mapcheck/mapcheckConfig.cmake bin/mapcheck; do
  [ -e "$dir/prefix/$f" ] || { echo "not installed: $f"; exit 1; }
done
cmake -S "$source/cmake/consumer" -B "$dir/consumer" -G Ninja -DCMAKE_PREFIX_PATH="$dir/prefix" \
  > "$dir/configure.log" 2>&1 || { cat "$dir/configure.log"; exit 1; }
cmake --build "$dir/consumer" > "$dir/build.log" 2>&1 || { cat "$dir/build.log"; exit 1; }
(cd "$dir/consumer" && ctest --output-on-failure) || exit 1
echo "the consumer project built and passed against the installed tree"
