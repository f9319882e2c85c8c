#!/usr/bin/env bash
# Developer entry point.  Quick start:
#   ./dev.sh run     set up (first time) and start vidstudio on its local renderer
#   ./dev.sh test    set up (first time, including test services), run the checks, then every test
#   ./dev.sh check   ruff (lint + format) and mypy only
#   ./dev.sh test-windows   the Windows lane: the tests, the frozen app and the installer
#                    as Windows programs under Wine (scripts/windows/lane.sh, docs/windows.md)
# `./dev.sh test ARGS` passes ARGS to pytest; the checks run first whatever ARGS are
# (DEV_SKIP_CHECKS=1 skips them while iterating on one test; CI never sets it).
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3}
VENV=.venv

setup_python() {
    if [ ! -x "$VENV/bin/python" ]; then
        "$PY" -m venv "$VENV"
    fi
    # Reinstall only when the dependencies changed.
    local stamp="$VENV/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
    if [ ! -f "$stamp" ]; then
        "$VENV/bin/python" -m pip install --quiet --upgrade pip
        "$VENV/bin/python" -m pip install --quiet -e '.[dev]'
        rm -f "$VENV"/.installed-*
        touch "$stamp"
    fi
}

# ruff and mypy outside pytest: a failure fails `./dev.sh test` (and so CI) before any test runs.
run_checks() {
    local failed=0
    "$VENV/bin/ruff" check vidstudio tests bench scripts || failed=1
    "$VENV/bin/ruff" format --check vidstudio tests bench scripts || failed=1
    "$VENV/bin/mypy" || failed=1
    if [ "$failed" -ne 0 ]; then
        echo "dev.sh: ruff or mypy failed (see above); no tests were run" >&2
        return 1
    fi
}

cmd=${1:-run}
shift || true
case "$cmd" in
    run)
        setup_python
        exec "$VENV/bin/vidstudio" "$@"
        ;;
    check)
        setup_python
        run_checks
        ;;
    test)
        setup_python
        if [ "${DEV_SKIP_CHECKS:-0}" != "1" ]; then
            run_checks
        fi
        bash scripts/install-test-deps.sh
        set +e
        "$VENV/bin/python" -m pytest "$@"
        status=$?
        set -e
        if [ "$status" -eq 5 ]; then
            echo "dev.sh: pytest collected no tests; that is a failure" >&2
            exit 1
        fi
        exit "$status"
        ;;
    test-windows)
        setup_python  # the lane's Linux-side checks use the project's venv
        exec bash scripts/windows/lane.sh "$@"
        ;;
    *)
        echo "usage: ./dev.sh run|test|check|test-windows [args]" >&2
        exit 2
        ;;
esac
