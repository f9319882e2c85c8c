"""A branded video on Lambda: the brand's logo and own font file are uploaded and proven before
``start``, like the media, and the props name them by their hosted URLs."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PIL import Image

from helpers.fake_lambda import PHOTO_BUCKET, FakeLambda
from helpers.tour_media import tour_photos
from vidstudio.cloud.lambda_render import S3ImageHost, hosted_name
from vidstudio.jobs.backends import LambdaBackend
from vidstudio.render.backends import RenderRequest
from vidstudio.render.brand import Brand
from vidstudio.render.props import MediaItem, Props
from vidstudio.render.template import get_template
from vidstudio.resources import resource_path

pytestmark = pytest.mark.aws_lambda


class _AskedHost(S3ImageHost):
    def __init__(self, s3: Any) -> None:
        super().__init__(s3, PHOTO_BUCKET)
        self.asked: list[Path] = []

    def upload_image(self, path: Path) -> str:
        self.asked.append(Path(path))
        return super().upload_image(path)


def test_the_brand_logo_and_font_are_uploaded_and_proven_before_start(
    fake_lambda: FakeLambda, make_renderer: Any, s3_client: Any, testdata: Path, tmp_path: Path
) -> None:
    photos = tour_photos(testdata, tmp_path)[:2]
    logo = tmp_path / "brand logo.png"
    Image.new("RGBA", (240, 96), (244, 198, 106, 255)).save(logo)
    font = tmp_path / "Brand Serif.otf"
    shutil.copyfile(resource_path("fonts", "EBGaramond12-Regular.otf"), font)
    brand = Brand(name="Nismara", logo=logo, heading_font=str(font), watermark=True)
    props = Props(
        title="Nismara Pool Villa", media=tuple(MediaItem(p) for p in photos), brand=brand, duration=6.0
    )
    host = _AskedHost(s3_client)
    output = tmp_path / "brand.mp4"
    result = LambdaBackend(make_renderer(image_host=host)).render(
        RenderRequest(get_template("tour"), props, output)
    )

    assert result.backend == "lambda" and output.read_bytes()[4:8] == b"ftyp"
    # The logo drawn is the brand's (the video has none); the font file goes like a medium.
    assert host.asked == [*photos, logo, font]
    key, content_type = hosted_name(font, "sources/")
    assert content_type == "font/otf"
    assert s3_client.head_object(Bucket=PHOTO_BUCKET, Key=key)["ContentType"] == "font/otf"
    (seen,) = fake_lambda.props_seen
    assert urlsplit(seen["logo"]["url"]).path.endswith(hosted_name(logo, "sources/")[0])
    (entry,) = seen["fonts"]
    assert entry["family"] == brand.family("heading")
    assert urlsplit(entry["url"]).path.endswith(key)
    # The watermark is the last layer, on top, with the template's opacity.
    last = seen["scene"]["layers"][-1]
    assert last["type"] == "logo" and last["index"] == len(get_template("tour").layers)
