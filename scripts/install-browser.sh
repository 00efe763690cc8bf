#!/usr/bin/env bash
# Installs what the HTML report's browser test needs, only if missing: Chromium from Debian's packages
# (the test drives `chromium --headless=new --dump-dom/--screenshot`) and the Noto CJK fonts so Chinese
# text renders as glyphs, not boxes. Uses apt-get as root (sudo when not root).
set -euo pipefail
packages=()
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  packages+=(chromium)
fi
if ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed"; then
  packages+=(fonts-noto-cjk)
fi
if [ "${#packages[@]}" -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing ${packages[*]} with apt-get" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
