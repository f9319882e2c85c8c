"""Benchmark: tours against the encoder's own limit, in one run.

    .venv/bin/python bench/tour.py [--seconds 30] [--quality standard] [--rows photos,clips,rss]

Rows (each in a fresh process, so peak memory is its own):
  photos          `tour`, 1080p: 8 photos + music, paint + decode + encode, as users run it
  photos-encode   the same frames painted beforehand (kept in a file in the page cache)
                  and the same soundtrack, fed to the same encoder: encoding alone
  clips           `tour` of 4 × 1080p H.264 clips (made with PyAV first), no music
  clips-encode    the same frames, encoding alone
  rss             15 photos of 12 MP, 1080p: peak resident memory of the app and the encoder

Targets (issue 11): photos <= 1.15 x photos-encode; clips <= 1.35 x clips-encode;
rss (app + encoder) <= 600 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = textwrap.dedent(
    r"""
    import json, os, resource, sys, tempfile, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    app = QGuiApplication([])
    from vidstudio.render.paint import paint_frame
    from vidstudio.render.props import MediaItem, Music, Props
    from vidstudio.render.template import get_template
    from vidstudio.render.timeline import frame_count
    mode, media_dir, seconds, quality = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    kind = mode.split("-")[0]
    if kind == "clips":
        media = sorted(media_dir.glob("clip*.mp4"))
    elif kind == "rss":
        media = sorted(media_dir.glob("big*.jpg"))
    else:
        media = sorted(media_dir.glob("photo*.jpg"))
    music_path = media_dir / "music.m4a"
    music = Music(music_path) if kind == "photos" and music_path.exists() else None
    template = get_template("tour")
    props = Props("Nismara Pool Villa", "Your private escape in Bali", media=[MediaItem(p) for p in media],
                  cta="Book now", music=music, duration=seconds)
    total = frame_count(template, props)
    size = QSize(1920, 1080)
    out = Path(tempfile.mkdtemp()) / "bench.mp4"
    result = {"frames": total, "music": music is not None}
    if not mode.endswith("-encode"):
        from vidstudio.render.pipeline import render_video
        start = time.perf_counter()
        r = render_video(template, props, out, quality=quality)
        result["wall"] = time.perf_counter() - start
        result["bytes"] = r.size_bytes
    else:
        import numpy as np
        from vidstudio.render.encoder import Encoder
        soundtrack = None
        if music is not None:
            from vidstudio.render.audio import make_soundtrack
            soundtrack = make_soundtrack(music, seconds)
        frame_bytes = 1920 * 1080 * 4
        store = Path(tempfile.mkdtemp()) / "frames.raw"
        frames = np.memmap(store, dtype=np.uint8, mode="w+", shape=(total, frame_bytes))
        image = QImage(size, QImage.Format.Format_RGB32)
        for index in range(total):
            painter = QPainter(image)
            paint_frame(painter, template, props, index, size)
            painter.end()
            frames[index] = np.frombuffer(image.constBits(), np.uint8, frame_bytes)
        frames.flush()
        kwargs = {"soundtrack": soundtrack} if soundtrack is not None else {}
        encoder = Encoder(out, 1920, 1080, template.fps, quality, **kwargs)
        start = time.perf_counter()
        encoder.open()
        for index in range(total):
            slot, canvas = encoder.canvas()
            np.frombuffer(canvas.bits(), np.uint8, frame_bytes)[:] = frames[index]
            encoder.submit(slot)
        encoder.finish()
        result["wall"] = time.perf_counter() - start
        result["bytes"] = out.stat().st_size
        del frames
        store.unlink()
    usage_self = resource.getrusage(resource.RUSAGE_SELF)
    usage_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["rss_mb"] = usage_self.ru_maxrss / 1024
    result["child_rss_mb"] = usage_children.ru_maxrss / 1024
    if out.exists():
        out.unlink()
    print(json.dumps(result))
    """
)


def make_media(folder: Path, want_music: bool) -> None:
    """8 photos (3000×2000), 15 photos of 12 MP (4000×3000), 4 × 8 s 1080p H.264 clips, a song."""
    import av
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(7)

    def photo(path: Path, width: int, height: int) -> None:
        if path.exists():
            return
        # Smooth colour fields plus fine noise: compresses and decodes like a real photo.
        y, x = np.mgrid[0:height, 0:width].astype(np.float32)
        base = rng.uniform(40, 200, 3)
        rgb = np.stack(
            [base[c] + 50 * np.sin(x / (90 + 40 * c) + c) * np.cos(y / (70 + 30 * c)) for c in range(3)], -1
        )
        rgb += rng.normal(0, 6, rgb.shape)
        Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8)).save(path, quality=90)

    for i in range(8):
        photo(folder / f"photo{i:02d}.jpg", 3000, 2000)
    for i in range(15):
        photo(folder / f"big{i:02d}.jpg", 4000, 3000)
    for i in range(4):
        path = folder / f"clip{i}.mp4"
        if path.exists():
            continue
        with av.open(str(path), "w") as container:
            stream = container.add_stream("libx264", rate=30)
            stream.width, stream.height, stream.pix_fmt = 1920, 1080, "yuv420p"
            stream.options = {"preset": "veryfast", "crf": "20"}
            y, x = np.mgrid[0:1080, 0:1920]
            for n in range(240):
                frame = np.empty((1080, 1920, 3), np.uint8)
                frame[..., 0] = (x + 6 * n) % 256
                frame[..., 1] = (y + 3 * n + 60 * i) % 256
                frame[..., 2] = (x // 8 + y // 8 + 2 * n) % 256
                for packet in stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
                    container.mux(packet)
            for packet in stream.encode():
                container.mux(packet)
    song = folder / "music.m4a"
    if want_music and not song.exists():
        with av.open(str(song), "w") as container:
            stream = container.add_stream("aac", rate=44100, layout="stereo")
            t = np.arange(44100 * 40) / 44100
            tone = (0.2 * np.sin(2 * np.pi * 220 * t) * (1 + 0.5 * np.sin(2 * np.pi * 0.5 * t))).astype(
                np.float32
            )
            samples = np.stack([tone, tone])
            for start in range(0, samples.shape[1], 1024):
                chunk = np.ascontiguousarray(samples[:, start : start + 1024])
                frame = av.AudioFrame.from_ndarray(chunk, format="fltp", layout="stereo")
                frame.sample_rate = 44100
                for packet in stream.encode(frame):
                    container.mux(packet)
            for packet in stream.encode():
                container.mux(packet)


def measure(mode: str, media: Path, seconds: float, quality: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(media), str(seconds), quality],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if done.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--quality", default="standard", choices=["draft", "standard", "high"])
    parser.add_argument("--rows", default="photos,clips,rss")
    parser.add_argument("--media", type=Path, default=Path(tempfile.gettempdir()) / "vidstudio-bench-tour")
    args = parser.parse_args()
    rows = args.rows.split(",")
    args.media.mkdir(parents=True, exist_ok=True)
    try:
        import vidstudio.render.audio  # noqa: F401

        have_audio = True
    except ImportError:
        have_audio = False
    make_media(args.media, have_audio)
    print(f"tour 1920x1080, {args.seconds:g} s, quality {args.quality}, {os.cpu_count()} cores")
    if "photos" in rows:
        encode = measure("photos-encode", args.media, args.seconds, args.quality)
        full = measure("photos", args.media, args.seconds, args.quality)
        music = "+ music" if full["music"] else "(no music)"
        print(
            f"  8 photos {music}: render {full['wall']:.2f} s ({full['frames'] / full['wall']:.1f} fps), "
            f"encode alone {encode['wall']:.2f} s: ratio {full['wall'] / encode['wall']:.3f} (target <= 1.15)"
        )
    if "clips" in rows:
        encode = measure("clips-encode", args.media, args.seconds, args.quality)
        full = measure("clips", args.media, args.seconds, args.quality)
        print(
            f"  4 x 1080p H.264 clips: render {full['wall']:.2f} s "
            f"({full['frames'] / full['wall']:.1f} fps), "
            f"encode alone {encode['wall']:.2f} s: ratio {full['wall'] / encode['wall']:.3f} (target <= 1.35)"
        )
    if "rss" in rows:
        full = measure("rss", args.media, args.seconds, args.quality)
        total = full["rss_mb"] + full["child_rss_mb"]
        print(
            f"  15 photos of 12 MP: peak RSS app {full['rss_mb']:.0f} MB "
            f"+ encoder {full['child_rss_mb']:.0f} MB"
            f" = {total:.0f} MB (target <= 600 MB); render {full['wall']:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
