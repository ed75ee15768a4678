# build-aux/deps.sh: installs Weft's build dependencies from Debian's
# packages (Debian 12 or newer, Ubuntu 22.04 or newer). Sourced by run and test.
# SPDX-License-Identifier: MIT

WEFT_BUILD_DEPS="meson ninja-build pkg-config gcc libglib2.0-dev libglib2.0-bin
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libgraphviz-dev graphviz
  gettext desktop-file-utils appstream python3
  shared-mime-info libgtk-4-bin
  libcairo2-dev libpango1.0-dev librsvg2-dev"
# fonts-droid-fallback: a small CJK font, so the zh_CN window test draws
# Chinese; locales: the sources tests/make-locales.py compiles es_ES and
# zh_CN from, to check that numbers follow the locale; poppler-utils:
# pdftotext and pdfinfo, which test-print reads printed pages with; dbus,
# at-spi2-core and python3-pyatspi: the session bus, the accessibility bus
# and the client tests/test-a11y.py reads the window through.
WEFT_TEST_DEPS="xvfb xauth python3-yaml
  fonts-droid-fallback locales clang valgrind poppler-utils
  dbus at-spi2-core python3-pyatspi"
# build-aux/fuzz (libFuzzer comes with clang).
WEFT_FUZZ_DEPS="clang"
# The interop tests (tests/interop): Debian's Chromium without a display,
# to load Weft's TimelineJS exports in TimelineJS. Node.js and npm, which
# install the other tools' libraries, come from weft_install_node.
WEFT_INTEROP_DEPS="chromium-headless-shell"

# Debian's nodejs and npm, unless a node and an npm are there already
# (a Node.js from elsewhere brings its own npm, which Debian's would
# fight with).
weft_install_node () {
  local wanted=""
  command -v node >/dev/null 2>&1 || wanted="nodejs"
  command -v npm >/dev/null 2>&1 || wanted="$wanted npm"
  [ -z "$wanted" ] || weft_install_deps $wanted
}

weft_install_deps () {
  local wanted="$*" missing="" pkg
  for pkg in $wanted; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $pkg"
    fi
  done
  [ -z "$missing" ] && return 0

  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Weft needs these packages:$missing" >&2
    echo "This is not a Debian or Ubuntu system: install them with your package manager." >&2
    return 1
  fi

  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    sudo="sudo"
  fi
  echo "Installing:$missing"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}
