#!/usr/bin/env bash
# Set up a fresh machine for briefkit: system libraries that `canvas` builds against,
# the PDF tools the tests read output with, then the npm packages and a build.
# Safe to run again: each step is skipped when its work is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_pkgs=(build-essential python3 pkg-config libcairo2-dev libpango1.0-dev libgif-dev
  librsvg2-dev libjpeg-dev poppler-utils qpdf strace chromium)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${need_pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
else
  echo "briefkit setup: this is not a Debian-like system (no dpkg-query)." >&2
  echo "  Install by hand: cairo, pango, giflib, librsvg, libjpeg development files," >&2
  echo "  pkg-config, a C++ toolchain, poppler-utils and qpdf; then run 'npm install'." >&2
  exit 1
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
      echo "briefkit setup: missing system packages: ${missing[*]}" >&2
      echo "  Run as root, or: sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  else SUDO=""; fi
  echo "briefkit setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "briefkit setup: system packages present"
fi

if [ -f package-lock.json ]; then
  # `npm ci` rebuilds canvas from source every time; reuse a complete node_modules.
  if [ -d node_modules/canvas/build/Release ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    echo "briefkit setup: node_modules up to date"
  else
    npm ci --no-audit --no-fund
  fi
else
  npm install --no-audit --no-fund
fi
npm run build
