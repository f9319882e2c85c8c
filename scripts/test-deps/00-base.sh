#!/usr/bin/env bash
# Base: Xvfb (real-window screenshots) and fontconfig.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
apt_need xvfb:Xvfb xauth:xauth fontconfig:fc-list
