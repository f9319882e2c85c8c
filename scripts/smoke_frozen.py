"""Build the frozen vidstudio bundle with PyInstaller and smoke-test it.

    python scripts/smoke_frozen.py --build                 # build into build/frozen, then test it
    python scripts/smoke_frozen.py --dist dist/vidstudio   # test a bundle built before

What it checks, each with the built executables only (no Python, no source tree
on the path; a temporary user data folder):

* the bundle: both executables side by side, resources and their VERSION;
* ``vidstudio-cli --version`` equals the version in pyproject.toml;
* ``vidstudio-cli templates``;
* ``vidstudio-cli render`` of the sample photo: a valid MP4 (PyAV: H.264,
  yuv420p, 1920x1080, 300 frames, moov before mdat);
* ``vidstudio-cli still``: a 1920x1080 PNG;
* a Korean 9:16 listing end card: the CJK font, prices by Babel, the WhatsApp number by
  libphonenumber and a QR code that zxing-cpp reads back as the wa.me link;
* a bad photo: exit 2, one plain line on stderr, no file;
* ``vidstudio-cli publish`` with S3 and Supabase at a closed local port: the
  cloud libraries load, exit 1 with plain lines, no secret in the log files;
* ``vidstudio render`` (the GUI executable given a command), whose encoder child
  is ``vidstudio-cli --encode-worker`` found next to it;
* ``vidstudio --self-test`` offscreen: opens the window, paints one preview frame.
  When the built app has no ``--self-test`` yet, this check is reported as
  skipped with the reason, never passed.

Any non-zero exit, or any stderr line not in ALLOWED_STDERR, fails the check.
The bundle size and the build time are printed; ``--max-size-mb`` turns the
size into a gate.  Exit status: 0 all passed (skips allowed), 1 a check failed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "freeze"))
import buildinfo  # noqa: E402

IS_WIN = sys.platform == "win32"
DEFAULT_PHOTO = REPO.parent / "shared" / "testdata" / "coffee.png"
TITLE = "Café Olé ☕"
SUBTITLE = "Fresh every morning in Ubud"
FRAMES = 300
SIZE = (1920, 1080)

# Shaped like credentials, valid for nothing: they must never reach a log file.
FAKE_AWS_ID = "AKIAIOSFODNN7EXAMPLE"
FAKE_AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
FAKE_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.bm90LWEtcmVhbC1zaWduYXR1cmU"

# stderr lines that are not failures, each with the reason.  Keep this short.
ALLOWED_STDERR: tuple[tuple[str, str], ...] = (
    (
        r"^This plugin does not support propagateSizeHints\(\)$",
        "Qt's offscreen platform says this whenever a window is shown",
    ),
)


class SmokeFailure(Exception):
    """A check failed; the message says which and shows the evidence."""


class SelfTestMissing(Exception):
    """The built GUI has no --self-test option yet."""


@dataclass
class Report:
    passed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


# ------------------------------------------------------------------- build
def build(dist_root: Path, work: Path, log: Path | None = None) -> tuple[Path, float]:
    """Run PyInstaller on build.spec; returns the bundle folder and the seconds it took."""
    dist_root.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    log = log or work / "pyinstaller.log"
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist_root),
        "--workpath",
        str(work),
        str(REPO / "build.spec"),
    ]
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:])
        raise SmokeFailure(f"PyInstaller failed (exit {done.returncode}); end of {log}:\n{tail}")
    return dist_root / "vidstudio", seconds


def bundle_size(bundle: Path) -> int:
    """Bytes of the files in the bundle (symbolic links count as links, as installed)."""
    total = 0
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def executable(bundle: Path, name: str) -> Path:
    return bundle / (name + ".exe" if IS_WIN else name)


# --------------------------------------------------------------- running
def clean_env(data_dir: Path) -> dict[str, str]:
    """The environment of a user's machine: no Python settings, a fresh data folder."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "VIRTUAL_ENV", "QT_", "PYTEST", "_PYI", "LD_LIBRARY_PATH"))
    }
    env["VIDSTUDIO_DATA_DIR"] = str(data_dir)
    if not IS_WIN:
        env["QT_QPA_PLATFORM"] = "offscreen"
        runtime = data_dir / "runtime"
        runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
        env["XDG_RUNTIME_DIR"] = str(runtime)  # else Qt warns that it is not set
    return env


def run(
    command: Sequence[str | Path], env: dict[str, str], cwd: Path, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [str(part) for part in command],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise SmokeFailure(f"{Path(str(command[0])).name} did not finish in {timeout:.0f} s") from exc


def unexpected_stderr(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(re.search(pattern, line) for pattern, _ in ALLOWED_STDERR)
    ]


def require_clean(done: subprocess.CompletedProcess[str], what: str) -> None:
    """Exit 0 and nothing unexpected on stderr, else SmokeFailure with the evidence."""
    extra = unexpected_stderr(done.stderr)
    if done.returncode != 0 or extra:
        raise SmokeFailure(
            f"{what}: exit {done.returncode}\n"
            f"--- stdout\n{done.stdout.strip()}\n--- stderr\n{done.stderr.strip()}"
        )


# --------------------------------------------------------------- outputs
def verify_mp4(path: Path, frames: int = FRAMES, size: tuple[int, int] = SIZE) -> str:
    """H.264, yuv420p, the size and the frame count asked for, moov before mdat."""
    import av

    if not path.is_file() or path.stat().st_size == 0:
        raise SmokeFailure(f"{path} was not written")
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        codec = stream.codec_context.name
        pix_fmt = stream.codec_context.format.name if stream.codec_context.format else None
        width, height = stream.codec_context.width, stream.codec_context.height
        count = sum(1 for packet in container.demux(stream) if packet.size)
    problems = []
    if codec != "h264":
        problems.append(f"codec {codec}")
    if pix_fmt != "yuv420p":
        problems.append(f"pixel format {pix_fmt}")
    if (width, height) != size:
        problems.append(f"size {width}x{height}")
    if count != frames:
        problems.append(f"{count} frames")
    boxes = _top_level_boxes(path)
    if "moov" not in boxes or "mdat" not in boxes or boxes.index("moov") > boxes.index("mdat"):
        problems.append(f"boxes {boxes} (moov must come before mdat)")
    if problems:
        raise SmokeFailure(f"{path.name}: " + ", ".join(problems))
    return f"h264 yuv420p {width}x{height} {count} frames, faststart"


def _top_level_boxes(path: Path) -> list[str]:
    names = []
    with path.open("rb") as handle:
        while len(names) < 20:
            header = handle.read(8)
            if len(header) < 8:
                break
            size = int.from_bytes(header[:4], "big")
            names.append(header[4:8].decode("latin-1"))
            if size == 1:
                size = int.from_bytes(handle.read(8), "big") - 8
            elif size == 0:
                break
            handle.seek(size - 8, os.SEEK_CUR)
    return names


def verify_png(path: Path, size: tuple[int, int] = SIZE) -> str:
    from PIL import Image

    if not path.is_file():
        raise SmokeFailure(f"{path} was not written")
    with Image.open(path) as image:
        if image.format != "PNG" or image.size != size:
            raise SmokeFailure(f"{path.name}: {image.format} {image.size[0]}x{image.size[1]}")
        colours = image.convert("RGB").resize((32, 18)).getcolors(32 * 18)
    if colours is not None and len(colours) < 16:
        raise SmokeFailure(f"{path.name} is nearly blank ({len(colours)} colours)")
    return f"PNG {size[0]}x{size[1]}"


# ----------------------------------------------------------------- checks
class Smoke:
    """The checks, run against one bundle in one scratch folder."""

    def __init__(self, bundle: Path, scratch: Path, photo: Path = DEFAULT_PHOTO) -> None:
        self.bundle = bundle
        self.scratch = scratch
        self.photo = photo
        self.cli = executable(bundle, "vidstudio-cli")
        self.gui = executable(bundle, "vidstudio")
        self.env = clean_env(scratch / "data")
        self.work = scratch / "work"
        self.work.mkdir(parents=True, exist_ok=True)

    def layout(self) -> str:
        missing = [
            str(p.relative_to(self.bundle))
            for p in (self.cli, self.gui)
            if not p.is_file() or not os.access(p, os.X_OK)
        ]
        internal = self.bundle / "_internal"
        resources = internal / "resources"
        for rel in (
            "VERSION",
            "templates/promo.json",
            "fonts/Inter-Regular.otf",
            "fonts/LICENSE-Inter.txt",
            "icons/vidstudio.png",
        ):
            if not (resources / rel).is_file():
                missing.append(f"_internal/resources/{rel}")
        if missing:
            raise SmokeFailure("missing from the bundle: " + ", ".join(missing))
        version = (resources / "VERSION").read_text(encoding="utf-8").strip()
        expected = buildinfo.project_version()
        if version != expected:
            raise SmokeFailure(f"resources/VERSION says {version}, pyproject.toml {expected}")
        return f"two executables, resources, VERSION {version}"

    def version(self) -> str:
        done = run([self.cli, "--version"], self.env, self.work, 60)
        require_clean(done, "vidstudio-cli --version")
        expected = f"vidstudio {buildinfo.project_version()}"
        if done.stdout.strip() != expected:
            raise SmokeFailure(f"--version printed {done.stdout.strip()!r}, expected {expected!r}")
        return done.stdout.strip()

    def templates(self) -> str:
        done = run([self.cli, "templates"], self.env, self.work, 60)
        require_clean(done, "vidstudio-cli templates")
        if not re.search(r"^promo\b", done.stdout, re.MULTILINE):
            raise SmokeFailure(f"templates does not list promo:\n{done.stdout}")
        count = len(re.findall(r"^\S", done.stdout, re.MULTILINE))
        return f"{count} templates"

    def _common(self, output: Path) -> list[str | Path]:
        return [self.photo, "--title", TITLE, "--subtitle", SUBTITLE, "-o", output]

    def render(self) -> str:
        output = self.work / "promo.mp4"
        started = time.perf_counter()
        done = run([self.cli, "render", *self._common(output), "--quiet"], self.env, self.work)
        seconds = time.perf_counter() - started
        require_clean(done, "vidstudio-cli render")
        return f"{verify_mp4(output)} in {seconds:.1f} s"

    def still(self) -> str:
        output = self.work / "poster.png"
        done = run([self.cli, "still", *self._common(output)], self.env, self.work, 120)
        require_clean(done, "vidstudio-cli still")
        return verify_png(output)

    def listing_still(self) -> str:
        """The bundled Noto fonts, Babel's kept locale data, libphonenumber's metadata and segno:
        a Korean 9:16 listing end card whose QR code a real decoder reads back."""
        output = self.work / "listing-ko.png"
        command: list[str | Path] = [
            self.cli, "still", self.photo, "--template", "tour", "--title", "니스마라 풀 빌라",
            "--whatsapp", "+62 812 3456 7890", "--price", "2500000", "--currency", "IDR",
            "--guests", "6", "--bedrooms", "3", "--language", "ko", "--aspect", "9:16",
            "--frame", "440", "-o", output,
        ]  # fmt: skip
        done = run(command, self.env, self.work, 120)
        require_clean(done, "vidstudio-cli still (listing)")
        verify_png(output, (1080, 1920))
        try:
            import zxingcpp
        except ImportError:
            return "PNG 1080x1920 (no zxing-cpp here to read the QR code)"
        from PIL import Image

        with Image.open(output) as image:
            found = [result.text for result in zxingcpp.read_barcodes(image)]
        if not found or not found[0].startswith("https://wa.me/6281234567890?text="):
            raise SmokeFailure(f"{output.name}: QR code read as {found}")
        return f"PNG 1080x1920, QR {found[0][:40]}..."

    def bad_photo(self) -> str:
        output = self.work / "never.mp4"
        broken = self.work / "broken.jpg"
        broken.write_bytes(b"this is not a JPEG")
        command = [self.cli, "render", broken, "--title", "x", "-o", output, "--quiet"]
        done = run(command, self.env, self.work, 120)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        if done.returncode != 2 or len(lines) != 1 or not lines[0].startswith("vidstudio: "):
            raise SmokeFailure(
                f"a broken photo should give exit 2 and one line; got exit {done.returncode}:\n{done.stderr}"
            )
        if "broken.jpg" not in lines[0]:
            raise SmokeFailure(f"the message does not name the file: {lines[0]}")
        if output.exists() or list(self.work.glob(".never.mp4*")):
            raise SmokeFailure("a failed render left a file behind")
        return lines[0]

    def publish_offline(self) -> str:
        """Publishing with S3 and Supabase unreachable: the cloud libraries load (boto3 with its
        S3 model, supabase, httpx), the failure is one plain line, and the log holds no secret."""
        video = self.work / "promo.mp4"
        if not video.is_file():
            raise SmokeFailure("needs the video of the vidstudio-cli render check")
        config = Path(self.env["VIDSTUDIO_DATA_DIR"]) / "config"
        config.mkdir(parents=True, exist_ok=True)
        (config / "publish.json").write_text('{"max_attempts": 1, "retry_base_seconds": 0}', "utf-8")
        closed = "http://127.0.0.1:9"  # the discard port: nothing listens on this machine
        env = dict(
            self.env,
            VIDSTUDIO_S3_BUCKET="smoke",
            VIDSTUDIO_S3_REGION="us-east-1",
            VIDSTUDIO_S3_ENDPOINT_URL=closed,
            VIDSTUDIO_S3_AUTH="keys",
            VIDSTUDIO_AWS_ACCESS_KEY_ID=FAKE_AWS_ID,
            VIDSTUDIO_AWS_SECRET_ACCESS_KEY=FAKE_AWS_SECRET,
            VIDSTUDIO_SUPABASE_URL=closed,
            VIDSTUDIO_SUPABASE_KEY=FAKE_JWT,
            VIDSTUDIO_SUPABASE_BUCKET="images",
            VIDSTUDIO_SUPABASE_TABLE="generated_videos",
        )
        command = [self.cli, "publish", video, "--photo", self.photo, "--title", TITLE, "--quiet"]
        done = run(command, env, self.work, 120)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        if done.returncode != 1 or not lines or any(not line.startswith("vidstudio: ") for line in lines):
            raise SmokeFailure(
                f"publishing to a closed port should fail in plain lines with exit 1; got exit "
                f"{done.returncode}:\n{done.stderr}"
            )
        if "S3" not in lines[0]:
            raise SmokeFailure(f"the message does not say what was unreachable: {lines[0]}")
        logs = list((Path(self.env["VIDSTUDIO_DATA_DIR"]) / "logs").glob("*.log*"))
        text = "".join(path.read_text(encoding="utf-8", errors="replace") for path in logs)
        leaked = [name for name in (FAKE_AWS_SECRET, FAKE_JWT) if name in text]
        if not logs or leaked:
            raise SmokeFailure(f"log files {[p.name for p in logs]}; secrets in them: {len(leaked)}")
        return lines[0]

    def gui_render(self) -> str:
        """The GUI executable renders through vidstudio-cli --encode-worker next to it."""
        output = self.work / "from-gui.mp4"
        command = [self.gui, "render", *self._common(output), "--quality", "draft", "--quiet"]
        done = run(command, self.env, self.work)
        require_clean(done, "vidstudio render (GUI executable)")
        return verify_mp4(output)

    def self_test(self) -> str:
        done = run([self.gui, "--self-test"], self.env, self.work, 180)
        # An app without the option hands it to the CLI's argparse, which
        # rejects it with its usage line and exit 2 (self-test failures exit 1).
        if done.returncode == 2 and done.stderr.startswith("usage: vidstudio"):
            raise SelfTestMissing(
                "this build of vidstudio has no --self-test option yet (vidstudio/app.py), "
                "so the GUI was not started; argparse said: " + done.stderr.strip().splitlines()[-1]
            )
        require_clean(done, "vidstudio --self-test")
        return "window opened, preview painted, exit 0"

    def checks(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("bundle layout", self.layout),
            ("vidstudio-cli --version", self.version),
            ("vidstudio-cli templates", self.templates),
            ("vidstudio-cli render", self.render),
            ("vidstudio-cli still", self.still),
            ("vidstudio-cli still (listing, Korean, QR)", self.listing_still),
            ("vidstudio-cli render (broken photo)", self.bad_photo),
            ("vidstudio-cli publish (cloud unreachable)", self.publish_offline),
            ("vidstudio render (GUI exe, encoder child)", self.gui_render),
            ("vidstudio --self-test (GUI)", self.self_test),
        ]


def run_all(bundle: Path, scratch: Path, photo: Path, report: Report) -> None:
    smoke = Smoke(bundle, scratch, photo)
    for name, check in smoke.checks():
        try:
            detail = check()
        except SelfTestMissing as exc:
            report.skipped.append(f"{name}: {exc}")
            print(f"SKIP  {name}: {exc}", flush=True)
        except SmokeFailure as exc:
            report.failed.append(f"{name}: {exc}")
            print(f"FAIL  {name}: {exc}", flush=True)
        else:
            report.passed.append(name)
            print(f"ok    {name}: {detail}", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--build", action="store_true", help="build with PyInstaller first")
    where.add_argument("--dist", type=Path, help="an existing bundle folder (dist/vidstudio)")
    parser.add_argument("--build-dir", type=Path, default=REPO / "build" / "frozen", help="where to build")
    parser.add_argument("--photo", type=Path, default=DEFAULT_PHOTO, help="the sample photo")
    parser.add_argument("--max-size-mb", type=float, default=None, help="fail above this bundle size")
    args = parser.parse_args(argv)

    if args.build:
        print("building with PyInstaller ...", flush=True)
        try:
            bundle, seconds = build(args.build_dir / "dist", args.build_dir / "work")
        except SmokeFailure as exc:
            print(f"FAIL  build: {exc}")
            return 1
        print(f"ok    build: {seconds:.0f} s", flush=True)
    else:
        bundle = args.dist.resolve()
    args.photo = args.photo.resolve()  # the checks run in a scratch folder
    if not args.photo.is_file():
        print(f"FAIL  the sample photo {args.photo} is missing")
        return 1

    size = bundle_size(bundle)
    size_mb = size / 1e6
    print(f"bundle {bundle}: {size_mb:.0f} MB ({size / 2**20:.0f} MiB)", flush=True)
    report = Report()
    if args.max_size_mb is not None and size_mb > args.max_size_mb:
        report.failed.append(f"bundle size {size_mb:.0f} MB is over {args.max_size_mb:.0f} MB")
        print(f"FAIL  bundle size: {size_mb:.0f} MB > {args.max_size_mb:.0f} MB")

    scratch = Path(tempfile.mkdtemp(prefix="vidstudio-smoke-"))
    try:
        run_all(bundle, scratch, args.photo, report)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"{len(report.passed)} passed, {len(report.failed)} failed, {len(report.skipped)} skipped")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
