#!/usr/bin/env bash
# The README's first command: installs everything the toolchain needs and builds every edition of the sample content.
set -euo pipefail
cd "$(dirname "$0")/.."

# 1. Debian packages (Open JTalk and its voice, Chromium, fonts, poppler, ffmpeg, lame, zbar).
if [ "$(id -u)" -eq 0 ]; then
  bash scripts/setup-system.sh
elif command -v sudo >/dev/null 2>&1; then
  sudo bash scripts/setup-system.sh
else
  bash scripts/setup-system.sh
  echo "setup: run the commands above as root, then run this script again." >&2
  exit 1
fi

# 2. npm packages, Node 24 among them (the `node` package); browsers come from Debian, never from npm.
export PUPPETEER_SKIP_DOWNLOAD=1
npm install --no-audit --no-fund

# 3. Every edition of the sample content into dist/.
npm run build
