"""The ``vidstudio`` command line: render, still, templates (and the GUI launcher).

Exit status: 0 success, 2 bad input (one plain line on stderr, no traceback),
1 any other failure, 130 interrupted (Ctrl-C).  A failed or cancelled run
leaves no partial output file.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from vidstudio import __version__
from vidstudio.messages import QT_TRANSLATE_NOOP, Kind, UserError
from vidstudio.render.encode_worker import sweep_stale_frames

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

COMMANDS = ("render", "still", "templates", "publish", "preflight")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"vidstudio: {message}", file=sys.stderr)
        raise SystemExit(EXIT_BAD_INPUT)


def build_parser() -> argparse.ArgumentParser:
    from vidstudio.render.template import ASPECTS

    parser = _Parser(
        prog="vidstudio",
        description="Turn photos, clips, a few lines of text and a song into a promo video.",
    )
    parser.add_argument("--version", action="version", version=f"vidstudio {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "media",
            type=Path,
            nargs="+",
            metavar="MEDIA",
            help="photos (JPEG, PNG, WebP, BMP, TIFF, GIF) and clips (MP4, MOV, WebM), in order",
        )
        p.add_argument("--title", required=True, help="the title line")
        p.add_argument("--subtitle", default="", help="the subtitle line")
        p.add_argument("--cta", default="", help="call to action on the end card, e.g. 'Book now'")
        p.add_argument("--logo", type=Path, default=None, help="optional logo image (PNG with transparency)")
        p.add_argument("--no-end-card", action="store_true", help="leave out the end card")
        p.add_argument(
            "--template",
            default=None,
            help="template id (see 'vidstudio templates'; default: promo for one photo, tour for more)",
        )
        p.add_argument(
            "--duration",
            type=float,
            default=None,
            metavar="SECONDS",
            help="length of the video, 5 to 90 s (default: the template's own)",
        )
        p.add_argument("--music", type=Path, default=None, help="a music track (MP3, M4A, WAV, FLAC, OGG)")
        p.add_argument(
            "--music-start", type=float, default=0.0, metavar="SECONDS", help="start into the track"
        )
        p.add_argument("--fade-in", type=float, default=1.0, metavar="SECONDS", help="music fade-in")
        p.add_argument("--fade-out", type=float, default=2.0, metavar="SECONDS", help="music fade-out")
        p.add_argument(
            "--music-end",
            choices=["loop", "silence"],
            default="loop",
            help="when the track is shorter than the video: loop it or end in silence",
        )
        p.add_argument(
            "--caption",
            action="append",
            default=[],
            help="a caption per photo or clip, in order (repeat the option; shown by the tour template)",
        )
        p.add_argument(
            "--keep-clip-sound", action="store_true", help="keep the clips' own sound (mixed under the music)"
        )
        lst = p.add_argument_group("end card and booking (in the video's --language)")
        lst.add_argument("--whatsapp", default="", metavar="NUMBER", help="WhatsApp number, international")
        lst.add_argument("--whatsapp-message", default="", metavar="TEXT", help="the message a guest sends")
        lst.add_argument("--url", default="", help="a booking link (the QR code when there is no WhatsApp)")
        lst.add_argument("--price", default=None, metavar="AMOUNT", help="price per night, e.g. 2500000")
        lst.add_argument("--currency", default="USD", help="IDR, USD, AUD, EUR or SGD")
        lst.add_argument("--guests", default=None, metavar="N")
        lst.add_argument("--bedrooms", default=None, metavar="N")
        lst.add_argument("--bathrooms", default=None, metavar="N")
        lst.add_argument("--location", default="", metavar="TEXT")
        lst.add_argument("--offer", default="", metavar="TEXT", help="an offer badge, e.g. 'Stay 7, pay 6'")
        lst.add_argument("--brand", default=None, metavar="NAME", help="a brand from Settings → Brand")
        lst.add_argument(
            "--language",
            default="en",
            metavar="CODE",
            help="the video's language: " + ", ".join(_languages()),
        )
        p.add_argument("--aspect", default="16:9", choices=list(ASPECTS), help="canvas aspect")
        p.add_argument("-o", "--output", type=Path, required=True, help="output file")
        p.add_argument("--force", action="store_true", help="replace an existing output file")

    render = sub.add_parser("render", help="render the video to an MP4")
    common(render)
    render.add_argument("--quality", default="standard", choices=["draft", "standard", "high"])
    render.add_argument("--quiet", action="store_true", help="no progress bar")
    render.add_argument(
        "--publish",
        action="store_true",
        help="then publish it (S3, Supabase) with the saved settings",
    )
    render.add_argument(
        "--on",
        choices=["local", "lambda", "auto"],
        default=None,
        help="where to render: this computer, AWS Lambda, or Lambda with fallback here "
        "(default: the app's 'Render on' setting, else this computer)",
    )

    still = sub.add_parser("still", help="render one frame to a PNG or JPEG")
    common(still)
    still.add_argument("--frame", type=int, default=None, help="frame number (default: the poster frame)")

    sub.add_parser("templates", help="list the templates")

    pub = sub.add_parser(
        "publish",
        help="publish a rendered video: MP4 to S3, photo and poster to Supabase, one table row",
        description="Publish a video file or resume the publish of a render id. Settings come from "
        "the app's settings and keyring, or VIDSTUDIO_* environment variables.",
    )
    pub.add_argument("target", metavar="VIDEO_OR_JOB_ID", help="an .mp4 file or a render id")
    pub.add_argument("--photo", type=Path, default=None, help="the source photo (for a video file)")
    pub.add_argument("--title", default=None, help="the title (for a video file)")
    pub.add_argument("--subtitle", default="", help="the subtitle (for a video file)")
    pub.add_argument("--template", default="promo", help="template id recorded with the video")
    pub.add_argument("--poster", type=Path, default=None, help="poster JPEG (default: cut from the video)")
    pub.add_argument("--render-id", default=None, help="render id (default: from the file's content)")
    pub.add_argument("--quiet", action="store_true", help="no progress lines")
    pre = sub.add_parser(
        "preflight",
        help="check a video against a platform before publishing (warns, never blocks)",
        description="Check an MP4 against a platform preset: length, frame rate, H.264 yuv420p, "
        "moov first, BT.709 tags, AAC 48 kHz and loudness. One line per problem; exit 0 either way.",
    )
    pre.add_argument("video", type=Path, help="the .mp4 file")
    pre.add_argument(
        "--platform", default=None, help="a preset id (default: the usual one for the video's shape)"
    )
    return parser


def _ensure_gui_app() -> None:
    """Fonts need a QGuiApplication; headless on Linux, native elsewhere (no window opens)."""
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        QGuiApplication(["vidstudio"])


def _template_id(args: argparse.Namespace) -> str:
    if args.template:
        return str(args.template)
    return "tour" if len(args.media) > 1 else "promo"


def _languages() -> tuple[str, ...]:
    from vidstudio.render.listing import LANGUAGES

    return LANGUAGES


def _brand(name: str | None) -> object:
    """The brand called ``name`` in the saved brand kit (None without --brand)."""
    if name is None:
        return None
    from vidstudio.render.brand import Brand
    from vidstudio.render.errors import PropsError
    from vidstudio.settings import load_settings

    kit = load_settings().brand
    for data in kit.brands:
        if str(data.get("name", "")).casefold() == name.strip().casefold():
            return Brand.from_json(data).check()
    known = ", ".join(str(data.get("name", "")) for data in kit.brands) or "-"
    raise PropsError(
        QT_TRANSLATE_NOOP("Message", "There is no brand called {name}; the brands are: {known}."),
        name=name,
        known=known,
    )


def _props(args: argparse.Namespace) -> object:
    from vidstudio.render.brand import Brand
    from vidstudio.render.listing import Listing, check_language
    from vidstudio.render.props import MediaItem, Music, Props

    captions = list(args.caption) + [""] * max(0, len(args.media) - len(args.caption))
    media: list[MediaItem | Path] = [
        MediaItem(path, keep_sound=args.keep_clip_sound, caption=caption)
        for path, caption in zip(args.media, captions, strict=False)
    ]
    brand = _brand(args.brand)
    music = None
    if args.music is not None:
        music = Music(
            args.music,
            start=args.music_start,
            fade_in=args.fade_in,
            fade_out=args.fade_out,
            at_end=args.music_end,
        )
    return Props(
        title=args.title,
        subtitle=args.subtitle,
        media=media,
        logo=args.logo,
        cta=args.cta,
        end_card=not args.no_end_card,
        music=music,
        duration=args.duration,
        listing=Listing.parse(
            price=args.price,
            currency=args.currency,
            guests=args.guests,
            bedrooms=args.bedrooms,
            bathrooms=args.bathrooms,
            location=args.location,
            offer=args.offer,
            whatsapp=args.whatsapp,
            whatsapp_message=args.whatsapp_message,
            url=args.url,
        ),
        brand=brand if isinstance(brand, Brand) else None,
        language=check_language(args.language),
    )


def _check_output(args: argparse.Namespace, suffixes: tuple[str, ...]) -> None:
    from vidstudio.render.errors import OutputError

    out: Path = args.output
    if out.suffix.lower() not in suffixes:
        wrong = (
            QT_TRANSLATE_NOOP("Message", "{name}: the output must end in .mp4.")
            if suffixes == (".mp4",)
            else QT_TRANSLATE_NOOP("Message", "{name}: the output must end in .png, .jpg or .jpeg.")
        )
        raise OutputError(wrong, name=out.name)
    if out.exists() and not args.force and not out.is_dir():
        raise OutputError(
            QT_TRANSLATE_NOOP("Message", "{out} already exists; add --force to replace it."), out=out
        )


class ProgressBar:
    """A one-line progress bar with frames done/total and ETA, on stderr."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.interactive = stream.isatty()
        self._last = 0.0
        self._last_done = -1

    def __call__(self, progress: object) -> None:
        from vidstudio.render.pipeline import Progress

        assert isinstance(progress, Progress)
        now = time.monotonic()
        final = progress.stage == "done"
        # Redraw at most 10 times a second on a terminal; every 10 % in a log.
        if self.interactive:
            if not final and now - self._last < 0.1:
                return
        else:
            step = max(1, progress.total // 10)
            if not final and progress.done // step == self._last_done // step:
                return
        self._last = now
        self._last_done = progress.done
        filled = int(self.width * progress.fraction)
        bar = "#" * filled + "-" * (self.width - filled)
        eta = f"ETA {progress.eta:4.1f}s" if progress.eta is not None and not final else ""
        stage = {"rendering": "Rendering", "finishing": "Finishing", "done": "Done"}.get(
            progress.stage, "Preparing"
        )
        line = f"{stage:9s} [{bar}] {progress.done}/{progress.total} frames {eta}"
        if self.interactive:
            self.stream.write("\r" + line.ljust(78))
            if final:
                self.stream.write("\n")
        else:
            self.stream.write(line.rstrip() + "\n")
        self.stream.flush()


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.1f} {unit}" if unit != "B" else f"{size} B"
        value /= 1024
    return f"{size} B"


def cmd_render(args: argparse.Namespace) -> int:
    from vidstudio.jobs.backends import make_backend
    from vidstudio.render.backends import RenderRequest
    from vidstudio.render.pipeline import CancelToken
    from vidstudio.render.props import Props
    from vidstudio.render.template import get_template
    from vidstudio.settings import load_settings

    _check_output(args, (".mp4",))
    template = get_template(_template_id(args))
    _check_aspect(template, args.aspect)
    _ensure_gui_app()
    settings = load_settings()
    backend = make_backend(args.on or settings.render.policy, settings=settings)
    props = _props(args)
    assert isinstance(props, Props)
    cancel = CancelToken()
    previous = _install_interrupt(cancel)
    try:
        bar = None if args.quiet else ProgressBar(sys.stderr)
        request = RenderRequest(template, props, args.output, aspect=args.aspect, quality=args.quality)
        problem = backend.prepare(request)
        if problem is not None:
            from vidstudio.render.errors import PropsError

            raise PropsError(problem)
        outcome = backend.render(request, bar, cancel)
    finally:
        signal.signal(signal.SIGINT, previous)
        backend.close()
    result = outcome.render
    where = "" if outcome.backend == "local" else f" on {outcome.backend}"
    print(
        f"{result.path}  {result.width}x{result.height}  {result.frames} frames  "
        f"{result.duration:.1f} s  {_human_size(result.size_bytes)}  "
        f"rendered{where} in {result.wall_time:.1f} s"
    )
    if outcome.fallback_reason is not None:
        print(f"vidstudio: {outcome.fallback_reason.text}", file=sys.stderr)
    if args.publish:
        import uuid

        from vidstudio.jobs.publish import request_for_render

        request_id = uuid.uuid4().hex
        return _run_publish(
            request_for_render(template, props, args.aspect, outcome, render_id=request_id), args.quiet
        )
    return EXIT_OK


class PublishPrinter:
    """Publish progress on stderr: a redrawn line on a terminal, a line per step in a log."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.interactive = stream.isatty()
        self._last = 0.0
        self._step = ""

    def __call__(self, progress: object) -> None:
        from vidstudio.jobs.publish import PublishProgress, step_name

        assert isinstance(progress, PublishProgress)
        if progress.step == "retrying":
            self.stream.write(("\n" if self.interactive else "") + progress.message + "\n")
            self.stream.flush()
            return
        now = time.monotonic()
        changed = progress.step != self._step
        if not changed and (not self.interactive or now - self._last < 0.1):
            return
        self._last, self._step = now, progress.step
        line = f"{step_name(progress.step, progress.items):26s} {progress.fraction * 100:5.1f} %"
        if self.interactive:
            self.stream.write("\r" + line.ljust(60) + ("\n" if progress.step == "published" else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def _run_publish(request: object, quiet: bool) -> int:
    from vidstudio.cloud.errors import PublishCancelled, PublishError
    from vidstudio.jobs.outbox import PublishOutbox, PublishRequest
    from vidstudio.jobs.publish import RetryPolicy, clients_from_settings, current_link, publish
    from vidstudio.render.pipeline import CancelToken
    from vidstudio.settings import load_settings

    assert isinstance(request, PublishRequest)
    store = PublishOutbox()
    cancel = CancelToken()
    previous = signal.getsignal(signal.SIGINT)
    _install_interrupt(cancel)
    clients = None
    try:
        settings = load_settings()
        clients = clients_from_settings(settings)
        result = publish(
            request,
            clients,
            store,
            None if quiet else PublishPrinter(sys.stderr),
            cancel,
            policy=RetryPolicy(settings.publish.max_attempts, settings.publish.retry_base_seconds),
        )
        link = result.video_url
        if result.already_published:
            entry = store.get(request.render_id)
            assert entry is not None
            link = current_link(entry, clients)
            print(f"vidstudio: {request.render_id} was already published.", file=sys.stderr)
    except PublishCancelled:
        print(
            f"\nvidstudio: publishing cancelled; resume with: vidstudio publish {request.render_id}",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    except PublishError as exc:
        print(f"vidstudio: {exc.message}", file=sys.stderr)
        if exc.kind not in ("settings", "not_set_up"):
            print(f"vidstudio: to try again: vidstudio publish {request.render_id}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        signal.signal(signal.SIGINT, previous)
        if clients is not None:
            clients.close()
    print(link)
    return EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    from vidstudio.cloud.errors import PublishError
    from vidstudio.jobs.outbox import PublishOutbox
    from vidstudio.jobs.publish import request_for_job, request_for_video
    from vidstudio.render.errors import PropsError

    target = Path(args.target)
    store = PublishOutbox()
    if target.suffix.lower() == ".mp4" or target.exists():
        if not target.is_file():
            raise PropsError(QT_TRANSLATE_NOOP("Message", "{target}: no such video file."), target=target)
        known = store.find_by_video(target)
        if known is not None and args.title is None and args.photo is None:
            return _run_publish(known.request, args.quiet)
        if args.photo is None or not args.title:
            raise PropsError(
                QT_TRANSLATE_NOOP(
                    "Message", "To publish {name}, give --photo and --title (or publish its render id)."
                ),
                name=target.name,
            )
        if not args.photo.is_file():
            raise PropsError(QT_TRANSLATE_NOOP("Message", "{photo}: no such photo."), photo=args.photo)
        try:
            request = request_for_video(
                target,
                photo=args.photo,
                title=args.title,
                subtitle=args.subtitle,
                template=args.template,
                render_id=args.render_id,
                poster=args.poster,
            )
        except PublishError as exc:
            raise PropsError(exc.sentence) from None
        return _run_publish(request, args.quiet)
    entry = store.get(args.target)
    if entry is not None:
        return _run_publish(entry.request, args.quiet)
    from vidstudio.jobs.store import JobStore

    with JobStore() as jobs:
        job = jobs.get(args.target)
    if job is None or not job.output_path:
        raise PropsError(
            QT_TRANSLATE_NOOP("Message", "No video or render id {target} to publish."),
            target=repr(args.target),
        )
    try:
        request = request_for_job(job)
    except PublishError as exc:
        raise PropsError(exc.sentence) from None
    return _run_publish(request, args.quiet)


def cmd_still(args: argparse.Namespace) -> int:
    from vidstudio.render.pipeline import render_still
    from vidstudio.render.template import get_template

    _check_output(args, (".png", ".jpg", ".jpeg"))
    template = get_template(_template_id(args))
    _check_aspect(template, args.aspect)
    _ensure_gui_app()
    path = render_still(template, _props(args), args.output, aspect=args.aspect, frame=args.frame)  # type: ignore[arg-type]
    print(path)
    return EXIT_OK


def cmd_preflight(args: argparse.Namespace) -> int:
    """Print what ``preflight`` finds; warnings never fail the command (exit 0)."""
    from vidstudio.render.errors import PropsError
    from vidstudio.render.platforms import PLATFORMS, get_platform, suggest_platform
    from vidstudio.render.preflight import preflight

    if args.platform is None:
        import av

        try:
            with av.open(str(args.video)) as container:
                stream = container.streams.video[0]
                from vidstudio.render.paint import aspect_for_size

                platform = suggest_platform(aspect_for_size(stream.width, stream.height))
        except (OSError, IndexError, av.error.FFmpegError):
            platform = suggest_platform("16:9")  # preflight itself names the unreadable file
    else:
        try:
            platform = get_platform(args.platform)
        except ValueError:
            raise PropsError(
                QT_TRANSLATE_NOOP("Message", "There is no platform {value}; use one of {choices}."),
                value=args.platform,
                choices=", ".join(PLATFORMS),
            ) from None
    problems = preflight(args.video, platform)
    for problem in problems:
        print(problem.text)
    if not problems:
        print(f"{args.video.name}: ready for {platform.name}.")
    return EXIT_OK


def cmd_templates(_args: argparse.Namespace) -> int:
    from vidstudio.render.template import list_templates

    for template in list_templates():
        print(
            f"{template.id:10s} {template.display_name():12s} aspects {', '.join(template.aspects):22s} "
            f"{template.duration:g} s at {template.fps} fps ({template.frame_count} frames), "
            "or any length of 5-90 s"
        )
        if template.description.get("en"):
            print(f"{'':10s} {template.description['en']}")
    return EXIT_OK


def _check_aspect(template: object, aspect: str) -> None:
    from vidstudio.render.errors import RenderError
    from vidstudio.render.template import Template

    assert isinstance(template, Template)
    if aspect not in template.aspects:
        raise RenderError(
            QT_TRANSLATE_NOOP("Message", "Template {id} has no {aspect} version (it has {items})."),
            id=template.id,
            aspect=aspect,
            items=", ".join(template.aspects),
        )


def _install_interrupt(cancel: object) -> Any:
    from vidstudio.render.pipeline import CancelToken

    assert isinstance(cancel, CancelToken)

    def handler(_signum: int, _frame: FrameType | None) -> None:
        cancel.cancel()

    return signal.signal(signal.SIGINT, handler)


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    from vidstudio.render.errors import (
        AudioError,
        Cancelled,
        ClipError,
        ImageError,
        OutputError,
        PropsError,
        TemplateError,
    )

    handlers = {
        "render": cmd_render,
        "still": cmd_still,
        "templates": cmd_templates,
        "preflight": cmd_preflight,
        "publish": cmd_publish,
    }
    log = _start_log(args.command)
    sweep_stale_frames()  # frames files of renders killed before (render/encode_worker.py)
    try:
        return handlers[args.command](args)
    except Cancelled:
        print("\nvidstudio: cancelled; no file was written.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        print("\nvidstudio: interrupted; no file was written.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except (ImageError, OutputError, PropsError, TemplateError, ClipError, AudioError) as exc:
        print(f"vidstudio: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UserError as exc:  # render, Lambda, publishing: one plain line
        print(f"vidstudio: {exc}", file=sys.stderr)
        log.warning("%s failed: %s", args.command, exc)
        return EXIT_BAD_INPUT if exc.kind in (Kind.SETTINGS, Kind.NOT_SET_UP) else EXIT_FAILED
    except Exception as exc:
        log.critical("%s crashed", args.command, exc_info=exc)
        raise


def _start_log(command: str) -> logging.Logger:
    """Log to vidstudio-cli.log in the log folder (secrets scrubbed; see vidstudio.logs)."""
    from vidstudio.logs import setup_logging

    setup_logging("vidstudio-cli")
    log = logging.getLogger("vidstudio.cli")
    log.info("command: %s", command)
    return log


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--encode-worker"]:  # the frozen app's encoder child
        from vidstudio.render import encode_worker

        return encode_worker.main(args[1:])
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
