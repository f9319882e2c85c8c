#!/usr/bin/env bash
# Remotion parity tests: Debian's Chromium and the npm packages of remotion/ (npm ci).
# Idempotent: npm ci runs again only when remotion/package-lock.json changed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
apt_need chromium:chromium
command -v node >/dev/null 2>&1 || apt_need nodejs:node npm:npm
cd "$(dirname "$0")/../../remotion"
stamp="node_modules/.installed-$(sha1sum package-lock.json | cut -c1-12)"
if [ ! -f "$stamp" ]; then
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    touch "$stamp"
fi
