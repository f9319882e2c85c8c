"""Log files: rotating, in :func:`vidstudio.paths.log_dir`, with secrets scrubbed.

:func:`setup_logging` is called once by each entry point (the GUI logs to
``vidstudio.log``, the CLI to ``vidstudio-cli.log``: separate files, because
two processes rotating one file fail on Windows).  Every record goes through
:class:`SecretFilter` on its way to any handler this module installs, so no
handler ever writes a token, a key or a password:

* anything shaped like a JWT (Supabase keys and sessions are JWTs),
* AWS access key ids, secret access keys and session tokens, presigned-URL
  signatures and credentials,
* ``password=…``, ``token: …``, ``Authorization: Bearer …`` and the like,
* any value handed to :func:`register_secret` (e.g. the keys read from the
  keyring), wherever it appears.

This module imports no Qt: the CLI, the encoder child and the cloud layer can
all use it.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import re
import threading
from pathlib import Path
from types import TracebackType

LOGGER_NAME = "vidstudio"
MAX_BYTES = 1_000_000
BACKUPS = 5
REDACTED = "[REDACTED]"
MIN_SECRET_LENGTH = 6  # shorter values would redact ordinary words

_FORMAT = "%(asctime)s %(levelname)-7s %(process)d %(threadName)s %(name)s: %(message)s"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # JWT: base64url header (always starts with '{"' = eyJ), payload and signature.
    (re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*"), REDACTED),
    # AWS access key ids (long-term AKIA, temporary ASIA).
    (re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b"), REDACTED),
    # Query parameters of presigned URLs and Supabase/PostgREST keys in URLs.
    (
        re.compile(
            r"(?i)\b(X-Amz-(?:Signature|Credential|Security-Token)|Signature|"
            r"AWSAccessKeyId|apikey|access_token|refresh_token|token)=[^&\s\"'<>]+"
        ),
        r"\1=" + REDACTED,
    ),
    # HTTP authorization headers, in any quoting.
    (
        re.compile(
            r"(?i)\b(authorization|apikey|x-api-key)(['\"]?\s*[:=]\s*['\"]?)(?:bearer\s+|basic\s+)?[^\s'\",}]+"
        ),
        r"\1\2" + REDACTED,
    ),
    # key = value / "key": "value" for names that hold secrets.
    (
        re.compile(
            r"(?i)\b([\w-]*(?:password|passwd|secret|token|credential|(?:api|private|access|secret|"
            r"service[_-]?role|anon)[_-]?key)s?)"
            r"(['\"]?\s*[:=]\s*['\"]?)(?!\[REDACTED\])[^\s'\",}&]+"
        ),
        r"\1\2" + REDACTED,
    ),
)
# A bare AWS secret access key: exactly 40 base64 characters with upper and
# lower case letters and digits (paths and hashes don't look like that).
_AWS_SECRET = re.compile(r"(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """Redact ``value`` from every log record from now on (keys read from the keyring, …)."""
    if value and len(value) >= MIN_SECRET_LENGTH:
        with _secrets_lock:
            _secrets.add(value)


def _looks_like_aws_secret(match: re.Match[str]) -> str:
    text = match.group(0)
    has_kinds = (
        any(c.islower() for c in text)
        and any(c.isupper() for c in text)
        and any(c.isdigit() for c in text)
    )
    return REDACTED if has_kinds and not text.startswith("/") and text.count("/") <= 3 else text


def scrub(text: str) -> str:
    """``text`` with everything that looks like a secret replaced by ``[REDACTED]``."""
    with _secrets_lock:
        known = sorted(_secrets, key=len, reverse=True)
    for secret in known:
        text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return _AWS_SECRET.sub(_looks_like_aws_secret, text)


class SecretFilter(logging.Filter):
    """Scrubs the message, its arguments and any traceback of a record (never drops it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: log what we have, scrubbed
            message = f"{record.msg!r} {record.args!r}"
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


class _RotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Rotation that never fails: when another process holds the file (Windows), keep writing."""

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()


_handler: logging.Handler | None = None
_log_path: Path | None = None
_setup_lock = threading.Lock()


def log_file(name: str = "vidstudio") -> Path:
    from vidstudio import paths

    return paths.log_dir() / f"{name}.log"


def setup_logging(name: str = "vidstudio", level: int = logging.INFO) -> Path | None:
    """Send the ``vidstudio`` loggers (and warnings) to ``<log_dir>/<name>.log``.

    Idempotent.  Returns the log file, or None when the log folder cannot be
    written (the app then runs without a log file rather than not at all).
    """
    global _handler, _log_path
    with _setup_lock:
        if _handler is not None:
            return _log_path
        try:
            path = log_file(name)
            handler: logging.Handler = _RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
        except OSError:
            return None
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(SecretFilter())
        handler.setLevel(level)
        root = logging.getLogger(LOGGER_NAME)
        if root.level == logging.NOTSET or root.level > level:
            root.setLevel(level)
        root.addHandler(handler)
        _handler, _log_path = handler, path
    from vidstudio import __version__

    root.info(
        "vidstudio %s starting (%s); Python %s on %s",
        __version__,
        name,
        platform.python_version(),
        platform.platform(),
    )
    return path


def current_log_file() -> Path | None:
    """The file :func:`setup_logging` writes to, if it was called and succeeded."""
    return _log_path


def shutdown_logging() -> None:
    """Detach and close the handler :func:`setup_logging` installed (tests, clean exits)."""
    global _handler, _log_path
    with _setup_lock:
        if _handler is not None:
            logging.getLogger(LOGGER_NAME).removeHandler(_handler)
            _handler.close()
            _handler, _log_path = None, None


def log_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    where: str = "",
) -> None:
    """Log an unhandled exception with its traceback (scrubbed like everything else)."""
    logging.getLogger(LOGGER_NAME).critical(
        "Unhandled exception%s", f" in {where}" if where else "", exc_info=(exc_type, exc, tb)
    )
