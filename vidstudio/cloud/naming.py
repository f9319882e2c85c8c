"""Safe, deterministic names for uploaded objects, whatever the user's file was called."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

MAX_SLUG = 60

# (magic bytes at offset 0, extension, content type)
_IMAGE_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "jpg", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png", "image/png"),
    (b"GIF87a", "gif", "image/gif"),
    (b"GIF89a", "gif", "image/gif"),
    (b"BM", "bmp", "image/bmp"),
    (b"II*\x00", "tif", "image/tiff"),
    (b"MM\x00*", "tif", "image/tiff"),
)


def slugify(text: str, fallback: str = "video") -> str:
    """ASCII, lower case, words joined by '-': "Nismara Pool Villa ☀️" -> "nismara-pool-villa"."""
    normal = unicodedata.normalize("NFKD", text)
    ascii_text = normal.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rstrip("-")
    return slug or fallback


def safe_id(render_id: str) -> str:
    """``render_id`` limited to the characters that are safe in every store's keys."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", render_id).strip("-")
    if not cleaned:
        raise ValueError("a render id needs at least one letter or digit")
    return cleaned[:64]


def video_key(render_id: str, title: str, when: datetime, prefix: str = "renders") -> str:
    """``renders/YYYY/MM/<render_id>/<slug>.mp4`` (UTC year and month of the render)."""
    when = when.astimezone(UTC)
    prefix = prefix.strip("/")
    head = f"{prefix}/" if prefix else ""
    return f"{head}{when:%Y}/{when:%m}/{safe_id(render_id)}/{slugify(title)}.mp4"


def image_kind(path: Path) -> tuple[str, str]:
    """(extension, content type) of an image file, from its first bytes; the name is not trusted."""
    with path.open("rb") as handle:
        head = handle.read(16)
    for magic, ext, content_type in _IMAGE_MAGIC:
        if head.startswith(magic):
            return ext, content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp", "image/webp"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "heic", "image/heic"
    return "bin", "application/octet-stream"


def photo_path(render_id: str, title: str, ext: str, number: int = 1) -> str:
    """Where the ``number``-th photo or clip picture of a video goes in Storage.

    ``photos/<render_id>/<slug>.<ext>`` for the first (the name one-photo videos always had),
    ``photos/<render_id>/<slug>-<NN>.<ext>`` for the next ones (``-02``, ``-03`` …).
    """
    suffix = "" if number <= 1 else f"-{number:02d}"
    return f"photos/{safe_id(render_id)}/{slugify(title)}{suffix}.{ext}"


def poster_path(render_id: str, title: str) -> str:
    return f"posters/{safe_id(render_id)}/{slugify(title)}.jpg"
