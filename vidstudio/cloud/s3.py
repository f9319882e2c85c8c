"""Amazon S3 (or any S3-compatible server): upload the video, check it arrived whole, make its link.

:class:`S3Storage` wraps a boto3 S3 client that the caller made (see
:func:`vidstudio.cloud.factory.make_s3_client`), so tests hand in a client
pointed at a local server.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from boto3.s3.transfer import ProgressCallbackInvoker, TransferConfig, create_transfer_manager
from s3transfer.utils import ChunksizeAdjuster

from vidstudio.cloud.errors import (
    QT_TRANSLATE_NOOP,
    Message,
    PublishCancelled,
    PublishError,
    local_file_error,
    message,
    no_such_bucket,
    s3_error,
)
from vidstudio.settings import S3Settings

log = logging.getLogger(__name__)

MB = 1024 * 1024
VIDEO_CONTENT_TYPE = "video/mp4"
CHECK_KEY = ".vidstudio-connection-check"

BytesCallback = Callable[[int, int], None]  # (bytes sent so far, total bytes)


class Cancellable(Protocol):
    @property
    def cancelled(self) -> bool: ...


def default_transfer_config() -> TransferConfig:
    """Multipart above 8 MB in 8 MB parts, several parts at once (boto3's own defaults)."""
    return TransferConfig(
        multipart_threshold=8 * MB,
        multipart_chunksize=8 * MB,
        max_concurrency=10,
        use_threads=True,
    )


@dataclass(frozen=True)
class UploadedObject:
    bucket: str
    key: str
    size: int
    etag: str


def _cancel_when_asked(future: Any, cancel: Cancellable, finished: threading.Event) -> None:
    """Cancel the transfer ``future`` once ``cancel`` is set (checked every 50 ms until done)."""
    while not finished.wait(0.05):
        if cancel.cancelled:
            future.cancel()
            return


def expected_etag(path: Path, config: TransferConfig) -> str:
    """The ETag S3 gives ``path`` uploaded with ``config``: MD5, or MD5 of part MD5s plus ``-N``."""
    size = path.stat().st_size
    if size < config.multipart_threshold:
        digest = hashlib.md5(usedforsecurity=False)
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(4 * MB), b""):
                digest.update(block)
        return digest.hexdigest()
    chunk = ChunksizeAdjuster().adjust_chunksize(config.multipart_chunksize, size)
    parts: list[bytes] = []
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(chunk), b""):
            parts.append(hashlib.md5(block, usedforsecurity=False).digest())
    return f"{hashlib.md5(b''.join(parts), usedforsecurity=False).hexdigest()}-{len(parts)}"


class S3Storage:
    """Uploads videos to one bucket and makes links to them."""

    def __init__(
        self,
        client: Any,
        settings: S3Settings,
        transfer_config: TransferConfig | None = None,
    ) -> None:
        self.client = client
        self.settings = settings
        self.bucket = settings.bucket
        self.transfer_config = transfer_config or default_transfer_config()
        self._hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vidstudio-etag")

    def _error(self, exc: BaseException) -> PublishError:
        error = s3_error(exc, self.bucket, self.settings.endpoint_url or None)
        if error.kind == "access_denied" and self._bucket_missing():
            return no_such_bucket(self.bucket)
        return error

    def _bucket_missing(self) -> bool:
        """S3 may answer AccessDenied for a bucket that does not exist; HEAD tells them apart."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except Exception as exc:
            response = getattr(exc, "response", None)
            if isinstance(response, dict):
                status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
                return status == 404 or response.get("Error", {}).get("Code") in (
                    "404",
                    "NoSuchBucket",
                )
        return False

    def _require_bucket(self) -> None:
        if not self.bucket:
            raise PublishError(
                QT_TRANSLATE_NOOP("Message", "Enter the S3 bucket name in Settings."),
                "settings",
            )

    # ------------------------------------------------------------------ upload

    def upload_video(
        self,
        path: Path,
        key: str,
        progress: BytesCallback | None = None,
        cancel: Cancellable | None = None,
    ) -> UploadedObject:
        """Upload ``path`` to ``key`` (replacing what is there), then check size and ETag.

        Raises :class:`PublishError` (``PublishCancelled`` when ``cancel`` is set meanwhile).
        """
        self._require_bucket()
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise local_file_error(exc, path, "video") from None
        # The expected ETag is computed beside the upload: hashing releases the GIL.
        etag_future: Future[str] = self._hasher.submit(expected_etag, path, self.transfer_config)
        sent = 0
        lock = threading.Lock()

        def on_bytes(amount: int) -> None:
            nonlocal sent
            with lock:
                sent += amount
                done = sent
            if progress is not None:
                progress(max(0, min(done, size)), size)

        # What client.upload_file does, with the transfer future at hand so that a cancel
        # stops the parts in flight through s3transfer itself (raising from the progress
        # callback instead would leave file handles open).
        finished = threading.Event()
        try:
            with create_transfer_manager(self.client, self.transfer_config) as manager:
                future = manager.upload(
                    str(path),
                    self.bucket,
                    key,
                    extra_args={"ContentType": VIDEO_CONTENT_TYPE},
                    subscribers=[ProgressCallbackInvoker(on_bytes)],
                )
                if cancel is not None:
                    threading.Thread(
                        target=_cancel_when_asked,
                        args=(future, cancel, finished),
                        name="vidstudio-upload-cancel",
                        daemon=True,
                    ).start()
                try:
                    future.result()
                finally:
                    finished.set()
        except FileNotFoundError as exc:
            raise local_file_error(exc, path, "video") from None
        except Exception as exc:
            if cancel is not None and cancel.cancelled:
                raise PublishCancelled() from None
            raise self._error(exc) from None
        try:
            expected = etag_future.result()
        except OSError as exc:
            raise local_file_error(exc, path, "video") from None
        uploaded = self.verify(key, size, expected)
        if progress is not None:
            progress(size, size)
        return uploaded

    def verify(self, key: str, size: int, etag: str | None = None) -> UploadedObject:
        """HEAD the object: it must have ``size`` bytes, ``video/mp4``, and ``etag`` when given."""
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=key)
        except Exception as exc:
            raise self._error(exc) from None
        actual_etag = str(head.get("ETag", "")).strip('"')
        actual_size = int(head.get("ContentLength", -1))
        if actual_size != size or (etag and actual_etag and actual_etag != etag):
            log.warning(
                "S3 object %s: %d bytes, ETag %s; expected %d bytes, ETag %s",
                key,
                actual_size,
                actual_etag,
                size,
                etag,
            )
            raise PublishError(
                QT_TRANSLATE_NOOP(
                    "Message",
                    "The video arrived incomplete at Amazon S3. Publishing will upload it again.",
                ),
                "integrity",
            )
        if head.get("ContentType") != VIDEO_CONTENT_TYPE:
            raise PublishError(
                QT_TRANSLATE_NOOP(
                    "Message",
                    "Amazon S3 stored the video with the wrong type. Publishing will upload it again.",
                ),
                "integrity",
            )
        return UploadedObject(self.bucket, key, actual_size, actual_etag)

    def abort_stale_uploads(self, key: str) -> int:
        """Abort unfinished multipart uploads of ``key`` left by an interrupted attempt."""
        try:
            listing = self.client.list_multipart_uploads(Bucket=self.bucket, Prefix=key)
        except Exception:  # not allowed or not supported: nothing to tidy
            return 0
        aborted = 0
        for upload in listing.get("Uploads", []) or []:
            if upload.get("Key") != key:
                continue
            try:
                self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload["UploadId"])
                aborted += 1
            except Exception:
                continue
        return aborted

    # ------------------------------------------------------------------ links

    def public_url(self, key: str) -> str:
        quoted = quote(key, safe="/")
        endpoint = self.settings.endpoint_url.rstrip("/")
        if endpoint:
            return f"{endpoint}/{quote(self.bucket)}/{quoted}"
        region = self.settings.region or "us-east-1"
        return f"https://{self.bucket}.s3.{region}.amazonaws.com/{quoted}"

    def presigned_url(self, key: str, hours: int | None = None) -> str:
        seconds = int((hours or self.settings.link_hours) * 3600)
        try:
            url: str = self.client.generate_presigned_url(
                "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=seconds
            )
        except Exception as exc:
            raise self._error(exc) from None
        return url

    def link(self, key: str) -> str:
        """The link people get: public URL, or a presigned GET valid for ``link_hours``."""
        if self.settings.link_mode == "public":
            return self.public_url(key)
        return self.presigned_url(key)

    # ------------------------------------------------------------------ checks

    def check(self) -> Message:
        """Check what publishing needs: credentials valid, bucket exists and is writable.

        Writes (and removes) one empty object; returns a short success sentence.
        """
        self._require_bucket()
        key = f"{self.settings.key_prefix.strip('/')}/{CHECK_KEY}".lstrip("/")
        try:
            self.client.put_object(Bucket=self.bucket, Key=key, Body=b"", ContentType="text/plain")
        except Exception as exc:
            raise self._error(exc) from None
        try:
            self.client.delete_object(Bucket=self.bucket, Key=key)
        except Exception as exc:  # writing is what matters; deleting may not be allowed
            log.info("could not remove the connection check object: %s", type(exc).__name__)
        return message(
            QT_TRANSLATE_NOOP("Message", "Connected: videos can be uploaded to the bucket {bucket}."),
            bucket=self.bucket,
        )

    def close(self) -> None:
        self._hasher.shutdown(wait=False)
        close = getattr(self.client, "close", None)
        if close is not None:
            close()
