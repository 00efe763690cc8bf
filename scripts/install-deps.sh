#!/usr/bin/env bash
# Installs the system libraries Assay links against (PCRE2 with JIT, libxml2, pkg-config), only if missing.
set -euo pipefail
if pkg-config --exists libpcre2-8 libxml-2.0 2>/dev/null; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing libpcre2-dev libxml2-dev pkg-config with apt-get" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libpcre2-dev libxml2-dev pkg-config >/dev/null
