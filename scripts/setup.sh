#!/usr/bin/env bash
# Installs what Renkei needs on Debian 12 (Graphviz library and a Japanese font; Python peers
# for the interop tests when --with-peers is given). Safe to run again: it installs only what is missing.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
packages=(graphviz libgraphviz-dev pkg-config fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! fc-list :lang=ja family | grep -q .; then
  echo "setup: no Japanese font found after installing fonts-noto-cjk" >&2
  exit 1
fi
if ! command -v swift >/dev/null; then
  echo "setup: Swift 6 is required (https://www.swift.org/install/linux/)" >&2
  exit 1
fi
if [ "${1:-}" = "--with-peers" ]; then
  python3 -c "import networkx, igraph, openpyxl" 2>/dev/null || python3 -m pip install -q networkx igraph openpyxl
  # LibreOffice reads the xlsx export in the interop checks.
  if ! command -v libreoffice >/dev/null; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-calc-nogui >/dev/null
  fi
  # The report's browser test: Debian's chromium driven by Playwright for Python (no browser download).
  if ! command -v chromium >/dev/null; then
    echo "setup: installing chromium" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
  python3 -c "import playwright" 2>/dev/null || python3 -m pip install -q playwright
fi
