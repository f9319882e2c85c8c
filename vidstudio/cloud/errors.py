"""Every cloud failure becomes one :class:`PublishError`: one plain sentence, never a secret.

The mapping functions look at the library exception (botocore, httpx, postgrest,
storage3) and pick a fixed sentence; only bucket names, host names and file
names are ever put into it.  The original exception is not chained (``from
None``) so that no server text, header or URL with a signature can leak into a
traceback, a log or the job store.  :func:`redact` is a last line of defence
applied to every message anyway.
"""

from __future__ import annotations

import errno
import logging
import socket
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from vidstudio.messages import QT_TRANSLATE_NOOP, Kind, Message, UserError, message, redact

__all__ = ["QT_TRANSLATE_NOOP", "Kind", "Message", "PublishCancelled", "PublishError", "message", "redact"]


class PublishError(UserError):
    """A publishing failure: a :class:`~vidstudio.messages.Message` and its ``kind``."""

    default_kind = Kind.FAILED


class PublishCancelled(PublishError):
    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Message", "Publishing was cancelled."), Kind.CANCELLED)


def unknown_failure(template: str, exc: BaseException) -> PublishError:
    """A failure no mapping knows: a plain sentence for the person, the exception's class for
    the log (its text may hold a URL with a signature, so it goes nowhere)."""
    logging.getLogger(__name__).error("unmapped %s: %s", type(exc).__module__, type(exc).__name__)
    return PublishError(template, Kind.FAILED)


def host_of(url: str | None) -> str:
    if not url:
        return ""
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return "the server"


# --------------------------------------------------------------------------- walking causes


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and all it wraps: ``__cause__``, ``__context__``, botocore's ``kwargs['error']``."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for nxt in (current.__cause__, current.__context__):
            if nxt is not None:
                stack.append(nxt)
        kwargs = getattr(current, "kwargs", None)
        if isinstance(kwargs, dict) and isinstance(kwargs.get("error"), BaseException):
            stack.append(kwargs["error"])
        for arg in getattr(current, "args", ()):
            if isinstance(arg, BaseException):
                stack.append(arg)
        reason = getattr(current, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)


_DNS_WORDS = (
    "name or service not known",
    "nodename nor servname",
    "temporary failure in name resolution",
    "getaddrinfo failed",
    "no address associated",
    "name resolution",
)


def is_dns_failure(exc: BaseException) -> bool:
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            return True
        if any(word in str(cause).lower() for word in _DNS_WORDS):
            return True
    return False


def is_timeout(exc: BaseException) -> bool:
    for cause in _causes(exc):
        if isinstance(cause, TimeoutError | socket.timeout):
            return True
        name = type(cause).__name__
        if "Timeout" in name:
            return True
    return False


def network_error(exc: BaseException, service: str, url: str | None) -> PublishError:
    """DNS failure, timeout or unreachable server, in words."""
    host = host_of(url)
    if is_dns_failure(exc):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "Cannot find the {service} server {host} (the name lookup failed). "
                "Check the address in Settings and the internet connection.",
            ),
            "dns",
            service=service,
            host=host,
        )
    if is_timeout(exc):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "{service} at {host} did not answer in time. Publishing will try again.",
            ),
            "timeout",
            service=service,
            host=host,
        )
    return PublishError(
        QT_TRANSLATE_NOOP(
            "Message",
            "Cannot reach {service} at {host}. Check the internet connection; publishing will try again.",
        ),
        "network",
        service=service,
        host=host,
    )


_MISSING = {
    "video": QT_TRANSLATE_NOOP("Message", "The video {name} is no longer on this computer. Render it again."),
    "photo": QT_TRANSLATE_NOOP("Message", "The photo {name} is no longer on this computer. Render it again."),
    "poster": QT_TRANSLATE_NOOP(
        "Message", "The poster {name} is no longer on this computer. Render it again."
    ),
}
_UNREADABLE = QT_TRANSLATE_NOOP("Message", "Cannot read the file {name}: {reason}.")


def file_missing(path: object, what: str = "video") -> PublishError:
    name = getattr(path, "name", None) or str(path)
    return PublishError(_MISSING.get(what, _MISSING["video"]), "file_missing", name=name)


def local_file_error(exc: OSError, path: object, what: str) -> PublishError:
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return file_missing(path, what)
    name = getattr(path, "name", None) or str(path)
    return PublishError(_UNREADABLE, "file_missing", name=name, reason=exc.strerror or "read error")


# --------------------------------------------------------------------------- S3


def s3_error(exc: BaseException, bucket: str, endpoint: str | None) -> PublishError:
    """Map a botocore / s3transfer exception to a sentence."""
    from botocore import exceptions as bex

    if isinstance(exc, PublishError):
        return exc
    if isinstance(exc, OSError) and not isinstance(exc, bex.BotoCoreError):
        return (
            network_error(exc, "Amazon S3", endpoint)
            if _is_socket_error(exc)
            else PublishError(_UNREADABLE, "file_missing", name="video", reason=exc.strerror or "read error")
        )
    client_error = next((c for c in _causes(exc) if isinstance(c, bex.ClientError)), None)
    if client_error is not None:
        return _s3_client_error(client_error, bucket, endpoint)
    if isinstance(exc, bex.NoCredentialsError | bex.PartialCredentialsError):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "No AWS credentials found. In Settings, choose an AWS profile or enter an access key.",
            ),
            "credentials",
        )
    if isinstance(exc, bex.ProfileNotFound):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message", "The AWS profile named in Settings does not exist on this computer."
            ),
            "credentials",
        )
    if isinstance(exc, bex.SSOError | bex.TokenRetrievalError | bex.UnauthorizedSSOTokenError):
        return PublishError(
            QT_TRANSLATE_NOOP("Message", "The AWS sign-in (SSO) has expired. Sign in again, then retry."),
            "expired_key",
        )
    if isinstance(exc, bex.NoRegionError):
        return PublishError(QT_TRANSLATE_NOOP("Message", "Choose an AWS region in Settings."), "settings")
    if isinstance(exc, bex.InvalidRegionError):
        return PublishError(
            QT_TRANSLATE_NOOP("Message", "The AWS region in Settings is not valid."),
            "settings",
        )
    if isinstance(exc, bex.ParamValidationError):
        return PublishError(
            QT_TRANSLATE_NOOP("Message", "The S3 bucket name in Settings is not valid."),
            "settings",
        )
    if isinstance(exc, bex.ConnectionError | bex.HTTPClientError | bex.EndpointConnectionError) or any(
        isinstance(c, OSError) for c in _causes(exc)
    ):
        return network_error(exc, "Amazon S3", endpoint)
    if isinstance(exc, ValueError) and "endpoint" in str(exc).lower():
        return PublishError(
            QT_TRANSLATE_NOOP("Message", "The S3 endpoint URL in Settings is not valid."),
            "settings",
        )
    return unknown_failure(
        QT_TRANSLATE_NOOP(
            "Message",
            "Uploading to Amazon S3 failed for a reason vidstudio does not know; its log has the details.",
        ),
        exc,
    )


def _is_socket_error(exc: OSError) -> bool:
    return isinstance(exc, ConnectionError | TimeoutError | socket.gaierror) or exc.errno in (
        errno.ECONNREFUSED,
        errno.ECONNRESET,
        errno.ENETUNREACH,
        errno.EHOSTUNREACH,
        errno.ETIMEDOUT,
    )


def no_such_bucket(bucket: str) -> PublishError:
    return PublishError(
        QT_TRANSLATE_NOOP(
            "Message",
            "The S3 bucket {bucket} does not exist. Check the bucket name and region in Settings.",
        ),
        "no_bucket",
        bucket=bucket,
    )


def _s3_client_error(exc: Any, bucket: str, endpoint: str | None) -> PublishError:
    error = exc.response.get("Error", {}) if isinstance(exc.response, dict) else {}
    code = str(error.get("Code", ""))
    status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
    if code == "NoSuchBucket":
        return no_such_bucket(bucket)
    if code in ("NoSuchKey", "404", "NotFound"):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "The video is missing at Amazon S3 after the upload. Publishing will upload it again.",
            ),
            "integrity",
        )
    if code == "SignatureDoesNotMatch":
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "Amazon S3 rejected the AWS secret access key. Check it in Settings.",
            ),
            "signature",
        )
    if code in ("InvalidAccessKeyId", "InvalidClientTokenId", "UnrecognizedClientException"):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "Amazon S3 does not know this AWS access key ID. Check it in Settings.",
            ),
            "invalid_key",
        )
    if code in ("ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired", "RequestExpired"):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "The AWS credentials have expired. Sign in again or enter new keys in Settings.",
            ),
            "expired_key",
        )
    if code == "RequestTimeTooSkewed":
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "This computer's clock is wrong, so Amazon S3 refuses the request. Correct the time.",
            ),
            "settings",
        )
    if code in ("AccessDenied", "AllAccessDisabled", "403", "Forbidden") or status == 403:
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "Amazon S3 refused access to the bucket {bucket}: these AWS credentials may not "
                "upload there. Ask your administrator for s3:PutObject permission.",
            ),
            "access_denied",
            bucket=bucket,
        )
    if code in (
        "AuthorizationHeaderMalformed",
        "PermanentRedirect",
        "IllegalLocationConstraintException",
    ):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "The S3 bucket {bucket} is in another region. Set its region in Settings.",
            ),
            "settings",
            bucket=bucket,
        )
    if (
        code
        in (
            "SlowDown",
            "Throttling",
            "ThrottlingException",
            "RequestLimitExceeded",
            "TooManyRequests",
        )
        or status == 429
    ):
        return PublishError(
            QT_TRANSLATE_NOOP("Message", "Amazon S3 is busy right now. Publishing will try again."),
            "throttled",
        )
    if code in ("BadDigest", "InvalidDigest", "XAmzContentSHA256Mismatch"):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "The video arrived damaged at Amazon S3. Publishing will upload it again.",
            ),
            "integrity",
        )
    if code == "RequestTimeout":
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "{service} at {host} did not answer in time. Publishing will try again.",
            ),
            "timeout",
            service="Amazon S3",
            host=host_of(endpoint) or "AWS",
        )
    if status >= 500 or code in ("InternalError", "ServiceUnavailable"):
        return PublishError(
            QT_TRANSLATE_NOOP("Message", "Amazon S3 had a temporary problem. Publishing will try again."),
            "server",
        )
    return PublishError(
        QT_TRANSLATE_NOOP("Message", "Amazon S3 refused the upload ({error})."),
        "failed",
        error=code or status or "unknown error",
    )


# --------------------------------------------------------------------------- Supabase


RLS_ROW = QT_TRANSLATE_NOOP(
    "Message",
    "Supabase refused the row: row-level security. Use the service_role key in Settings.",
)
RLS_STORAGE = QT_TRANSLATE_NOOP(
    "Message",
    "Supabase Storage refused the upload: row-level security. Use the service_role key in Settings.",
)
INVALID_KEY = QT_TRANSLATE_NOOP(
    "Message",
    "Supabase rejected the key in Settings: it is not a valid key for this project. "
    "Copy the service_role key again from the Supabase dashboard (Project Settings, API).",
)
EXPIRED_KEY = QT_TRANSLATE_NOOP(
    "Message",
    "The Supabase key in Settings has expired. Copy the current service_role key from the "
    "Supabase dashboard (Project Settings, API).",
)


def _key_problem(text: str) -> PublishError | None:
    lower = text.lower()
    # PostgREST says "JWT expired"; Supabase Storage (jose) says '"exp" claim timestamp check failed'.
    if "expired" in lower or '"exp" claim' in lower:
        return PublishError(EXPIRED_KEY, "expired_key")
    if any(
        word in lower
        for word in (
            "jws",
            "jwt",
            "invalid signature",
            "invalid api key",
            "compact",
            "unauthorized",
            "no api key",
        )
    ):
        return PublishError(INVALID_KEY, "invalid_key")
    return None


def supabase_error(
    exc: BaseException, *, what: str, url: str, bucket: str = "", table: str = ""
) -> PublishError:
    """Map a supabase-py (postgrest / storage3 / httpx) exception to a sentence.

    ``what`` is "storage" or "table": which half of Supabase was being used.
    """
    import httpx
    from postgrest.exceptions import APIError
    from storage3.exceptions import StorageApiError
    from storage3.utils import StorageException

    if isinstance(exc, PublishError):
        return exc
    if isinstance(exc, httpx.TimeoutException):
        return network_error(exc, "Supabase", url)
    if isinstance(exc, httpx.TransportError):
        return network_error(exc, "Supabase", url)
    if isinstance(exc, APIError):
        return _postgrest_error(exc, table)
    if isinstance(exc, StorageApiError):
        return _storage_error(str(exc.message), exc.status, bucket)
    if isinstance(exc, StorageException):
        return PublishError(QT_TRANSLATE_NOOP("Message", "Supabase Storage refused the upload."), "failed")
    if isinstance(exc, OSError):
        return (
            network_error(exc, "Supabase", url)
            if _is_socket_error(exc)
            else PublishError(_UNREADABLE, "file_missing", name="upload", reason=exc.strerror or "read error")
        )
    if type(exc).__name__ == "SupabaseException":
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "The Supabase URL in Settings is not valid (it looks like https://abcd.supabase.co).",
            ),
            "settings",
        )
    return unknown_failure(
        QT_TRANSLATE_NOOP(
            "Message",
            "Publishing to Supabase failed for a reason vidstudio does not know; its log has the details.",
        ),
        exc,
    )


def no_such_table(table: str) -> PublishError:
    return PublishError(
        QT_TRANSLATE_NOOP(
            "Message",
            "The table {table} does not exist in Supabase. Run the SQL in supabase/migrations "
            "on the project, or fix the table name in Settings.",
        ),
        "no_table",
        table=table,
    )


def _postgrest_error(exc: Any, table: str) -> PublishError:
    code = str(getattr(exc, "code", "") or "")
    message = str(getattr(exc, "message", "") or "")
    if code == "42501":
        return PublishError(RLS_ROW, "rls")
    if code in ("PGRST301", "PGRST302", "PGRST300") or code.startswith("PGRST30"):
        return _key_problem(message) or PublishError(INVALID_KEY, "invalid_key")
    if code in ("42P01", "PGRST205", "PGRST200") or "could not find the table" in message.lower():
        return no_such_table(table)
    if code in ("42703", "PGRST204"):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "The table {table} in Supabase is missing columns. Run the SQL in supabase/migrations.",
            ),
            "no_table",
            table=table,
        )
    if (
        code in ("57014",)
        or code.startswith("08")
        or code in ("PGRST000", "PGRST001", "PGRST002", "PGRST003")
    ):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "Supabase's database is not available right now. Publishing will try again.",
            ),
            "server",
        )
    problem = _key_problem(message)
    if problem is not None:
        return problem
    if not code and not message:  # PostgREST answers a POST to a missing table with 404 "{}"
        return no_such_table(table)
    return PublishError(
        QT_TRANSLATE_NOOP("Message", "Supabase refused the row (error {error})."),
        "failed",
        error=code or "unknown",
    )


def _storage_error(message: str, status: int | str, bucket: str) -> PublishError:
    lower = message.lower()
    try:
        status_code = int(status)
    except (TypeError, ValueError):
        status_code = 0
    if "bucket not found" in lower or (status_code == 404 and "bucket" in lower):
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "The Supabase Storage bucket {bucket} does not exist. Create it (public) in the "
                "Supabase dashboard, or fix the bucket name in Settings.",
            ),
            "no_bucket",
            bucket=bucket,
        )
    if "row-level security" in lower or "row level security" in lower:
        return PublishError(RLS_STORAGE, "rls")
    problem = _key_problem(message)
    if problem is not None:
        return problem
    if status_code in (401, 403):
        return PublishError(INVALID_KEY, "invalid_key")
    if status_code == 429:
        return PublishError(
            QT_TRANSLATE_NOOP("Message", "Supabase Storage is busy right now. Publishing will try again."),
            "throttled",
        )
    if status_code >= 500:
        return PublishError(
            QT_TRANSLATE_NOOP(
                "Message",
                "Supabase Storage had a temporary problem. Publishing will try again.",
            ),
            "server",
        )
    if status_code == 413 or "too large" in lower:
        return PublishError(
            QT_TRANSLATE_NOOP("Message", "The file is larger than Supabase Storage allows for this bucket."),
            "failed",
        )
    return PublishError(
        QT_TRANSLATE_NOOP("Message", "Supabase Storage refused the upload (HTTP {error})."),
        "failed",
        error=status_code or "?",
    )
