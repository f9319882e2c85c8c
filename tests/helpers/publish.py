"""Helpers of the publish tests, in a module of their own (``from conftest import`` would
find whichever conftest pytest imported last when several folders are collected)."""

from __future__ import annotations

import dataclasses
import os
from fractions import Fraction
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from vidstudio.cloud.factory import CloudClients, make_s3_client, make_supabase_client
from vidstudio.cloud.s3 import S3Storage
from vidstudio.cloud.supabase_store import SupabaseStore
from vidstudio.jobs.outbox import PublishRequest
from vidstudio.secrets import Secrets
from vidstudio.settings import PublishSettings

BUCKET = "vidstudio-test"


def replace(value: Any, **changes: Any) -> Any:
    """``dataclasses.replace`` for the settings models (pydantic) and the dataclasses alike."""
    if isinstance(value, BaseModel):
        return value.model_copy(update=changes)
    return dataclasses.replace(value, **changes)


# Clients made by build_clients; conftest closes them after each test.
built: list[CloudClients] = []


def build_clients(settings: PublishSettings, secrets: Secrets, *, s3_attempts: int = 2) -> CloudClients:
    """Clients as the app's factory makes them, with fewer low-level retries (tests run fast).

    Closed after the test.
    """
    s3 = S3Storage(
        make_s3_client(settings.s3, secrets, max_attempts=s3_attempts, connect_timeout=2, read_timeout=10),
        settings.s3,
    )
    sb = settings.supabase
    store = SupabaseStore(make_supabase_client(sb, secrets, timeout=10), sb.url, sb.bucket, sb.table)
    made = CloudClients(s3, store, secrets)
    built.append(made)
    return made


def make_mp4(path: Path, frames: int = 30, size: tuple[int, int] = (320, 180), fps: int = 30) -> Path:
    """A real H.264 MP4 (moving colour bars) made with PyAV."""
    import av
    import numpy as np

    width, height = size
    with av.open(str(path), "w", options={"movflags": "+faststart"}) as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.time_base = Fraction(1, fps)
        x = np.arange(width, dtype=np.uint16)
        for index in range(frames):
            rgb = np.zeros((height, width, 3), dtype=np.uint8)
            rgb[..., 0] = ((x + index * 8) % 256).astype(np.uint8)
            rgb[..., 1] = (index * 255 // max(1, frames - 1)) % 256
            rgb[..., 2] = 128
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def make_photo(
    path: Path, color: tuple[int, int, int] = (200, 120, 40), size: tuple[int, int] = (64, 48)
) -> Path:
    """A small real photo (Pillow; JPEG or PNG by the file's suffix)."""
    from PIL import Image

    Image.new("RGB", size, color).save(path)
    return path


def make_tour(folder: Path) -> list[Path]:
    """The media of a listing tour, in order: two photos, a clip, a photo (real files)."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        make_photo(folder / "pool.jpg", (30, 120, 200)),
        make_photo(folder / "living room.png", (220, 200, 160)),
        make_mp4(folder / "garden walk.mp4", frames=6, size=(160, 90)),
        make_photo(folder / "bedroom.jpg", (90, 60, 40)),
    ]


def rendered_tour(path: Path, *, sound: bool = True) -> Path:
    """A third of a second of 'rendered tour': H.264, with an AAC track when ``sound``."""
    from helpers.media import make_clip

    return make_clip(path, seconds=1 / 3, size=(320, 180), audio=sound)


def assert_no_secret(texts: list[str], secrets: list[str]) -> None:
    for text in texts:
        for secret in secrets:
            assert secret not in text, "a secret leaked into a message"
            for piece in secret.split("."):
                if len(piece) >= 12:
                    assert piece not in text, "part of a key leaked into a message"


def env_for_subprocess(settings: PublishSettings, secrets: Secrets, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "VIDSTUDIO_DATA_DIR": str(data_dir),
            "VIDSTUDIO_S3_BUCKET": settings.s3.bucket,
            "VIDSTUDIO_S3_REGION": settings.s3.region,
            "VIDSTUDIO_S3_ENDPOINT_URL": settings.s3.endpoint_url,
            "VIDSTUDIO_S3_AUTH": "keys",
            "VIDSTUDIO_S3_LINK_MODE": settings.s3.link_mode,
            "VIDSTUDIO_SUPABASE_URL": settings.supabase.url,
            "VIDSTUDIO_AWS_ACCESS_KEY_ID": secrets.aws_access_key_id,
            "VIDSTUDIO_AWS_SECRET_ACCESS_KEY": secrets.aws_secret_access_key,
            "VIDSTUDIO_SUPABASE_KEY": secrets.supabase_key,
            "QT_QPA_PLATFORM": "offscreen",
        }
    )
    return env


def publish_request(**fields: Any) -> PublishRequest:
    """A request for a 10-second 1080p promo render; ``fields`` replace the placeholders."""
    values: dict[str, Any] = {
        "render_id": "r1",
        "video": "/tmp/v.mp4",
        "photo": "/tmp/p.jpg",
        "title": "T",
        "template": "promo",
        "aspect": "16:9",
        "width": 1920,
        "height": 1080,
        "fps": 30,
        "duration_seconds": 10.0,
        "size_bytes": 1,
        "rendered_at": 0.0,
    }
    values.update(fields)
    return PublishRequest(**values)


def local_publish_settings(
    s3_server: Any, supabase_stack: Any, bucket: str = BUCKET, **fields: Any
) -> PublishSettings:
    """Settings → Publishing pointed at the local services (keys, presigned links); ``fields``
    set the rest of the section (``publish_after_render``, ``retry_base_seconds``...)."""
    from vidstudio.settings import S3Settings, SupabaseSettings

    s3 = S3Settings(
        bucket=bucket,
        region="us-east-1",
        endpoint_url=s3_server.endpoint,
        auth="keys",
        link_mode="presigned",
        link_hours=fields.pop("link_hours", 1),
    )
    return PublishSettings(s3=s3, supabase=SupabaseSettings(url=supabase_stack.url), **fields)


def publish_env(s3_server: Any, supabase_stack: Any, bucket: str = BUCKET) -> dict[str, str]:
    """The ``VIDSTUDIO_*`` variables that point the app's publishing at the local services
    (``s3_server``: helpers.services.SeaweedS3, its writer's keys; ``supabase_stack``: its
    service key): publishing configured as a user's environment would, without Settings."""
    return {
        "VIDSTUDIO_S3_BUCKET": bucket,
        "VIDSTUDIO_S3_REGION": "us-east-1",
        "VIDSTUDIO_S3_ENDPOINT_URL": s3_server.endpoint,
        "VIDSTUDIO_S3_AUTH": "keys",
        "VIDSTUDIO_S3_LINK_MODE": "presigned",
        "VIDSTUDIO_SUPABASE_URL": supabase_stack.url,
        "VIDSTUDIO_AWS_ACCESS_KEY_ID": s3_server.writer.access_key,
        "VIDSTUDIO_AWS_SECRET_ACCESS_KEY": s3_server.writer.secret_key,
        "VIDSTUDIO_SUPABASE_KEY": supabase_stack.service_key,
    }
