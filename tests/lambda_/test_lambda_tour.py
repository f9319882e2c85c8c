"""Tours on Lambda: every photo, clip, logo and the soundtrack uploaded and proven before
``start``; props over Remotion's inline limit by bucket URL; the fake function renders them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers.fake_lambda import BUCKET, PHOTO_BUCKET, FakeLambda
from helpers.media import make_clip
from helpers.tour_media import generated_photo, tour_photos
from vidstudio.cloud import lambda_client
from vidstudio.cloud.lambda_client import LambdaError
from vidstudio.cloud.lambda_render import S3ImageHost, hosted_name
from vidstudio.jobs.backends import LambdaBackend
from vidstudio.render.backends import RenderRequest
from vidstudio.render.errors import RenderError
from vidstudio.render.props import MediaItem, Music, Props
from vidstudio.render.template import get_template
from vidstudio.render.timeline import timeline

pytestmark = pytest.mark.aws_lambda


def _tour(media: list[MediaItem], **fields: Any) -> Props:
    return Props(
        title="Nismara Pool Villa", subtitle="Your private escape in Bali", media=tuple(media), **fields
    )


def _keys(s3: Any, bucket: str, prefix: str = "") -> list[str]:
    found = s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    return sorted(str(item["Key"]) for item in found)


class _CountingHost(S3ImageHost):
    """The tests' S3 host, recording what it was asked to host and what it really sent."""

    def __init__(self, s3: Any) -> None:
        super().__init__(s3, PHOTO_BUCKET)
        self.sent: list[str] = []
        self.asked: list[Path] = []

    def _already_there(self, key: str, size: int) -> bool:
        there = super()._already_there(key, size)
        if not there:
            self.sent.append(key)
        return there

    def upload_image(self, path: Path) -> str:
        self.asked.append(Path(path))
        return super().upload_image(path)


def test_a_tour_renders_through_lambda_with_every_photo_uploaded_and_proven_first(
    fake_lambda: FakeLambda,
    make_renderer: Any,
    s3_client: Any,
    testdata: Path,
    tmp_path: Path,
) -> None:
    photos = tour_photos(testdata, tmp_path)[:4]
    media = [
        MediaItem(p, caption=f"Room {i}", fit="blur" if i == 2 else "cover") for i, p in enumerate(photos)
    ]
    host = _CountingHost(s3_client)
    output = tmp_path / "tour.mp4"
    request = RenderRequest(get_template("tour"), _tour(media, duration=10.0), output)
    result = LambdaBackend(make_renderer(image_host=host)).render(request)

    assert result.backend == "lambda" and output.read_bytes()[4:8] == b"ftyp"
    assert result.render.frames == 300
    # Every photo was uploaded under its content name and proven before the one start.
    assert host.asked == photos
    hosted = _keys(s3_client, PHOTO_BUCKET, "sources/")
    assert all(hosted_name(p, "sources/")[0] in hosted for p in photos)
    start = next(p for p in fake_lambda.invocations if p["type"] == "start")
    assert start["inputProps"]["type"] == "payload"
    (props,) = fake_lambda.props_seen
    assert [m["kind"] for m in props["media"]] == ["photo"] * 4
    assert props["media"][2]["fit"] == "blur" and props["media"][2]["backdrop"].startswith("data:image/png")
    # The scenes as the native timeline shares them (Remotion never re-derives them).
    assert [s["start"] for s in props["timeline"]["scenes"]] == [
        s.start for s in timeline(request.template, request.props).scenes
    ]
    assert props["scene"]["frame_count"] == 300
    # The function loaded every URL it was given, each once.
    assert sorted(fake_lambda.fetched) == sorted(m["url"] for m in props["media"])


def test_a_tour_with_a_clip_uploads_and_proves_the_clip_before_start(
    fake_lambda: FakeLambda, make_renderer: Any, s3_client: Any, testdata: Path, tmp_path: Path
) -> None:
    photos = tour_photos(testdata, tmp_path)[:2]
    clip = make_clip(tmp_path / "pool walk.mp4", seconds=1.5)
    host = _CountingHost(s3_client)
    media = [MediaItem(photos[0]), MediaItem(clip, caption="Pool walk"), MediaItem(photos[1])]
    output = tmp_path / "tour.mp4"
    request = RenderRequest(get_template("tour"), _tour(media, duration=6.0), output)
    result = LambdaBackend(make_renderer(image_host=host)).render(request)

    assert result.backend == "lambda" and result.render.frames == 180
    assert host.asked == [photos[0], clip, photos[1]]
    key, content_type = hosted_name(clip, "sources/")
    assert content_type == "video/mp4" and key.endswith("/pool-walk.mp4")
    head = s3_client.head_object(Bucket=PHOTO_BUCKET, Key=key)
    assert head["ContentLength"] == clip.stat().st_size and head["ContentType"] == "video/mp4"
    (props,) = fake_lambda.props_seen
    assert [m["kind"] for m in props["media"]] == ["photo", "clip", "photo"]
    assert props["media"][1]["clip_length"] == pytest.approx(1.5, abs=0.02)
    # Every URL the render loads was proven before the start, and loaded by the function.
    types = fake_lambda.types()
    assert types.index("start") == 1 and types[0] == "info"
    assert sorted(fake_lambda.fetched) == sorted(m["url"] for m in props["media"])


def test_the_soundtrack_is_uploaded_proven_and_played_at_volume_one(
    fake_lambda: FakeLambda, make_renderer: Any, s3_client: Any, testdata: Path, tmp_path: Path
) -> None:
    from helpers.sound import make_track

    photos = tour_photos(testdata, tmp_path)[:2]
    song = make_track(tmp_path / "Sunset Lounge.mp3", 8.0, kind="music-like", level_dbfs=-22.0)
    music = Music(song, fade_in=0.5, fade_out=1.5)
    host = _CountingHost(s3_client)
    request = RenderRequest(
        get_template("tour"),
        _tour([MediaItem(p) for p in photos], music=music, duration=5.0),
        tmp_path / "v.mp4",
    )
    LambdaBackend(make_renderer(image_host=host)).render(request)

    # The photos, then the soundtrack WAV (not the MP3: the mix is made here, once).
    assert host.asked[:2] == photos and len(host.asked) == 3
    assert host.asked[2].name == "soundtrack.wav" and not host.asked[2].exists()  # a temporary file
    (props,) = fake_lambda.props_seen
    track = props["soundtrack"]
    assert track["volume"] == 1.0 and track["duration"] == 5.0
    assert track["music_name"] == "Sunset Lounge" and track["fade_in"] == 0.5 and track["fade_out"] == 1.5
    assert track["loudness_lufs"] == pytest.approx(-14.0, abs=0.5)
    assert track["url"] in fake_lambda.fetched and fake_lambda.soundtracks_seen == [b"RIFF"]


def test_a_clip_url_that_serves_something_else_never_starts_a_render(
    fake_lambda: FakeLambda, make_renderer: Any, s3_client: Any, testdata: Path, tmp_path: Path
) -> None:
    clip = make_clip(tmp_path / "walk.mp4", seconds=1.0)

    class _Truncating(S3ImageHost):
        """Uploads a clip cut short under the clip's own name (a broken upload)."""

        def upload_image(self, path: Path) -> str:
            url = super().upload_image(path)
            if path.suffix == ".mp4":
                key, _ = hosted_name(path, self.prefix)
                data = path.read_bytes()[:1000]
                s3_client.put_object(Bucket=PHOTO_BUCKET, Key=key, Body=data, ContentType="video/mp4")
            return url

    photos = tour_photos(testdata, tmp_path)[:1]
    request = RenderRequest(
        get_template("tour"), _tour([MediaItem(photos[0]), MediaItem(clip)], duration=5.0), tmp_path / "v.mp4"
    )
    renderer = make_renderer(image_host=_Truncating(s3_client, PHOTO_BUCKET))
    with pytest.raises(LambdaError) as info:
        LambdaBackend(renderer).render(request)
    assert str(info.value) == "The file at walk.mp4 is not the one uploaded; the render was not started."
    assert "start" not in fake_lambda.types()
    # The next attempt sees the broken object (a different size) and uploads the clip again.
    LambdaBackend(make_renderer()).render(request)
    assert "start" in fake_lambda.types()


def test_a_retried_render_reuses_what_the_first_uploaded(
    fake_lambda: FakeLambda, make_renderer: Any, s3_client: Any, testdata: Path, tmp_path: Path
) -> None:
    seed = int.from_bytes(tmp_path.name.encode()[-4:], "big")  # new bytes: never hosted before
    photos = [generated_photo(tmp_path / f"room-{i}.jpg", 800, 500, seed + i) for i in range(2)]
    request = RenderRequest(
        get_template("tour"), _tour([MediaItem(p) for p in photos], duration=5.0), tmp_path / "a.mp4"
    )
    first = _CountingHost(s3_client)
    LambdaBackend(make_renderer(image_host=first)).render(request)
    again = _CountingHost(s3_client)
    LambdaBackend(make_renderer(image_host=again)).render(
        RenderRequest(request.template, request.props, tmp_path / "b.mp4")
    )
    assert len(first.sent) == 2 and again.sent == []
    assert again.asked == photos


def test_a_missing_file_is_refused_before_any_upload_with_a_plain_sentence(
    fake_lambda: FakeLambda, make_renderer: Any, s3_client: Any, testdata: Path, tmp_path: Path
) -> None:
    photos = tour_photos(testdata, tmp_path)[:2]
    gone = tmp_path / "pool-walk.mp4"
    media = [MediaItem(photos[0]), MediaItem(gone), MediaItem(photos[1])]
    host = _CountingHost(s3_client)
    request = RenderRequest(get_template("tour"), _tour(media), tmp_path / "v.mp4")
    with pytest.raises(RenderError) as info:
        LambdaBackend(make_renderer(image_host=host)).render(request)
    text = str(info.value)
    assert "pool-walk.mp4" in text and "\n" not in text and "Traceback" not in text
    assert host.asked == [] and fake_lambda.invocations == []
    assert not (tmp_path / "v.mp4").exists()


def test_props_over_the_inline_limit_go_by_bucket_url(
    fake_lambda: FakeLambda,
    make_renderer: Any,
    s3_client: Any,
    testdata: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A real tour reaches 194 KB with about 30 blurred photos; the rule is the same at any limit.
    monkeypatch.setattr(lambda_client, "MAX_INLINE_PROPS", 4_000)
    photos = tour_photos(testdata, tmp_path)[:3]
    output = tmp_path / "tour.mp4"
    request = RenderRequest(get_template("tour"), _tour([MediaItem(p) for p in photos], duration=6.0), output)
    result = LambdaBackend(make_renderer()).render(request)

    assert result.backend == "lambda" and output.exists()
    start = next(p for p in fake_lambda.invocations if p["type"] == "start")
    field = start["inputProps"]
    assert field["type"] == "bucket-url" and field["bucketName"] == BUCKET
    key = f"input-props/{field['hash']}.json"
    assert key in _keys(s3_client, BUCKET, "input-props/")
    stored = json.loads(s3_client.get_object(Bucket=BUCKET, Key=key)["Body"].read())
    assert stored == fake_lambda.props_seen[0] and len(stored["media"]) == 3
