"""Supabase: the photos, clip pictures and poster into Storage, the row into ``generated_videos``.

:class:`SupabaseStore` wraps a supabase-py ``Client`` that the caller made (see
:func:`vidstudio.cloud.factory.make_supabase_client`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from vidstudio.cloud.errors import (
    QT_TRANSLATE_NOOP,
    Message,
    PublishError,
    local_file_error,
    message,
    supabase_error,
)

log = logging.getLogger(__name__)

CHECK_PATH = ".vidstudio-connection-check.txt"

# The columns of generated_videos that the app writes (id and created_at are the database's).
ROW_COLUMNS = (
    "render_id",
    "title",
    "subtitle",
    "template",
    "aspect",
    "width",
    "height",
    "duration_seconds",
    "has_audio",
    "music_name",
    "fps",
    "size_bytes",
    "video_url",
    "s3_bucket",
    "s3_key",
    "image_url",
    "media_urls",
    "poster_url",
    "backend",
    "render_seconds",
    "cost_estimate",
    "app_version",
)


class SupabaseStore:
    """Uploads assets to one Storage bucket and inserts rows into one table."""

    def __init__(self, client: Any, url: str, bucket: str, table: str) -> None:
        self.client = client
        self.url = url
        self.bucket = bucket
        self.table = table

    def _error(self, exc: BaseException, what: str) -> PublishError:
        return supabase_error(exc, what=what, url=self.url, bucket=self.bucket, table=self.table)

    # ------------------------------------------------------------------ storage

    def upload_file(self, local: Path, remote: str, content_type: str) -> str:
        """Upload ``local`` to ``remote`` (replacing what is there); return its public URL."""
        local = Path(local)
        try:
            data = local.read_bytes()
        except OSError as exc:
            raise local_file_error(
                exc, local, "photo" if remote.startswith("photos/") else "poster"
            ) from None
        return self.upload_bytes(data, remote, content_type)

    def upload_bytes(self, data: bytes, remote: str, content_type: str) -> str:
        bucket = self.client.storage.from_(self.bucket)
        try:
            bucket.upload(
                remote,
                data,
                {"content-type": content_type, "cache-control": "3600", "upsert": "true"},
            )
        except Exception as exc:
            raise self._error(exc, "storage") from None
        return self.public_url(remote)

    def public_url(self, remote: str) -> str:
        url: str = self.client.storage.from_(self.bucket).get_public_url(remote)
        return url

    # ------------------------------------------------------------------ table

    def insert_row(self, row: dict[str, Any]) -> Any:
        """Insert ``row`` once per ``render_id`` (inserting again changes nothing); its id."""
        unknown = set(row) - set(ROW_COLUMNS)
        if unknown:
            raise ValueError(f"not columns of generated_videos: {sorted(unknown)}")
        try:
            response = (
                self.client.table(self.table)
                .upsert(row, on_conflict="render_id", ignore_duplicates=True)
                .execute()
            )
            if response.data:
                return response.data[0].get("id")
            # Already there (an earlier attempt got through): find it.
            existing = (
                self.client.table(self.table)
                .select("id")
                .eq("render_id", row["render_id"])
                .limit(1)
                .execute()
            )
        except Exception as exc:
            raise self._error(exc, "table") from None
        if not existing.data:
            raise PublishError(
                QT_TRANSLATE_NOOP(
                    "Message",
                    "Supabase accepted the row but does not show it. Check the table's policies "
                    "(service_role needs insert and select).",
                ),
                "rls",
            )
        return existing.data[0].get("id")

    def find_row(self, render_id: str) -> dict[str, Any] | None:
        try:
            response = self.client.table(self.table).select("*").eq("render_id", render_id).limit(1).execute()
        except Exception as exc:
            raise self._error(exc, "table") from None
        return response.data[0] if response.data else None

    # ------------------------------------------------------------------ checks

    def check_storage(self) -> None:
        """The bucket exists and this key may write to it (one small file, removed again)."""
        self.upload_bytes(b"vidstudio connection check\n", CHECK_PATH, "text/plain")
        try:
            self.client.storage.from_(self.bucket).remove([CHECK_PATH])
        except Exception as exc:
            log.info("could not remove the Storage check file: %s", type(exc).__name__)

    def check_table(self) -> None:
        """The table exists with the app's columns and this key may insert into it.

        Inserts a row without a ``render_id``: the database checks the key's rights and
        row-level security before it rejects the missing value, so nothing is ever stored.
        """
        probe = {name: None for name in ROW_COLUMNS}
        try:
            self.client.table(self.table).insert(probe, returning="minimal").execute()
        except Exception as exc:
            code = str(getattr(exc, "code", "") or "")
            if code == "23502":  # not-null violation: rights and RLS passed
                return
            raise self._error(exc, "table") from None
        raise PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "The table {table} accepted a row without a render_id: run the SQL in "
                "supabase/migrations so that render_id is required and unique.",
            ),
            "no_table",
            table=self.table,
        )

    def check(self) -> Message:
        """Both checks; one sentence saying what works."""
        self.check_storage()
        self.check_table()
        return message(
            QT_TRANSLATE_NOOP(
                "Message",
                "Storage: files can be uploaded to the bucket {bucket}. Table: rows can be added to {table}.",
            ),
            bucket=self.bucket,
            table=self.table,
        )

    def close(self) -> None:
        http = getattr(getattr(self.client, "options", None), "httpx_client", None)
        if http is not None:
            http.close()
