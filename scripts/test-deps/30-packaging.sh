#!/usr/bin/env bash
# Packaging: makensis compiles the Windows installer script (tests/packaging);
# PyInstaller's Linux build needs objdump/strip (binutils) and ldd (libc-bin).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
apt_need nsis:makensis binutils:objdump binutils:strip
