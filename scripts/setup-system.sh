#!/usr/bin/env bash
# Installs the Debian packages every edition of the build needs.
# As root on Debian/Ubuntu it installs them; otherwise it prints the commands to run.
set -euo pipefail

# mecab reads Open JTalk's dictionary (open-jtalk-mecab-naist-jdic): the one analysis speech and braille share.
PACKAGES=(
  open-jtalk open-jtalk-mecab-naist-jdic hts-voice-nitech-jp-atr503-m001 mecab
  chromium fonts-morisawa-bizud-gothic poppler-utils ffmpeg lame zbar-tools
  ghostscript qpdf # print edition checks: ink separations (tiffsep) and readable PDF structure
)

have_all() {
  command -v dpkg-query >/dev/null 2>&1 || return 1
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || return 1
  done
}

if have_all; then
  echo "setup-system: all Debian packages are already installed."
  exit 0
fi

if [ ! -f /etc/debian_version ]; then
  cat <<MSG
setup-system: this is not Debian or Ubuntu. Install the equivalents yourself.
  macOS (Homebrew): brew install open-jtalk mecab ffmpeg lame poppler zbar ghostscript qpdf && brew install --cask chromium
  BIZ UD fonts: https://github.com/googlefonts/morisawa-biz-ud-gothic (set fonts in content/settings.yaml)
MSG
  exit 0
fi

# The Open JTalk voice lives in Debian's contrib component.
enable_contrib_cmds() {
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    echo "sed -i -E '/^Components:/ { /contrib/! s/\$/ contrib/ }' /etc/apt/sources.list.d/debian.sources"
  fi
  if [ -f /etc/apt/sources.list ] && grep -qE '^deb ' /etc/apt/sources.list; then
    echo "sed -i -E '/^deb / { / contrib/! s/ main/ main contrib/ }' /etc/apt/sources.list"
  fi
}

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-system: not root; run these commands as root (or with sudo):"
  enable_contrib_cmds | sed 's/^/  sudo /'
  echo "  sudo apt-get update"
  echo "  sudo apt-get install -y --no-install-recommends ${PACKAGES[*]}"
  exit 0
fi

while IFS= read -r cmd; do
  [ -n "$cmd" ] && eval "$cmd"
done < <(enable_contrib_cmds)

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "setup-system: installed ${PACKAGES[*]}"
