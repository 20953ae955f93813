#!/usr/bin/env bash
# Browser tests drive Debian's chromium (test tools may not download browsers here).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Browser tests need chromium at $browser: run 'sudo apt-get install chromium' or set CHROMIUM_PATH." >&2
  exit 1
fi
