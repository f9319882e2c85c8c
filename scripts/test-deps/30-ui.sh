#!/usr/bin/env bash
# UI: libraries Qt's xcb platform plugin needs for a real window under Xvfb (scripts/screenshots.py).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need=()
for lib in libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
           libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-render-util.so.0:libxcb-render-util0 libxcb-image.so.0:libxcb-image0; do
    ldconfig -p | grep -q "${lib%%:*}" || need+=("${lib#*:}")
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "test-deps: please install: ${need[*]}" >&2
    exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
