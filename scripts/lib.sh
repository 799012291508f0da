# Shared by scripts/check and scripts/test: install what is missing, configure, build.
# Everything comes from Debian's package registry; nothing is downloaded at build time.

# Packages the default build needs.
MAPCHECK_PACKAGES=(cmake ninja-build g++ libgtest-dev libgmock-dev libbenchmark-dev
                   libboost-context-dev)
# And the test suite: headless Chromium renders `mapcheck replay --html` pages; python3-jsonschema
# validates every command's --json against docs/mapcheck-output.schema.json.
MAPCHECK_TEST_PACKAGES=(chromium python3-jsonschema)

mapcheck_missing_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$p")
  done
  echo "${missing[@]}"
}

# Installs the packages named (default: MAPCHECK_PACKAGES) when any is missing. As root it runs
# apt-get; otherwise it prints the exact command to run and fails.
mapcheck_install_deps() {
  local wanted=("$@")
  [ ${#wanted[@]} -gt 0 ] || wanted=("${MAPCHECK_PACKAGES[@]}")
  local missing
  missing=$(mapcheck_missing_packages "${wanted[@]}")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "mapcheck needs these Debian packages: $missing" >&2
    echo "Install them with:  sudo apt-get install -y $missing" >&2
    return 1
  fi
  echo "Installing: $missing" >&2
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y $missing >/dev/null ||
    { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y $missing >/dev/null; }
}

# Configures and builds a preset with all cores. CI turns warnings into errors.
mapcheck_build() {
  local preset=${1:-default}
  local werror=OFF
  [ "${CI:-}" = "true" ] && werror=ON
  MAPCHECK_WERROR=$werror cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)"
}
