"""The secret values publishing and Lambda renders use: only ever in the OS keyring.

The AWS access key pair and the Supabase service key live in the keyring
(Windows Credential Manager) under the service name ``vidstudio``; the settings
file never holds one.  For CI and headless use, environment variables win over
the keyring (:data:`SECRET_ENV`).  :func:`load_secrets` is the one way to read
them; every value read is registered with the log scrubber at once.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

from vidstudio.cloud.errors import PublishError
from vidstudio.messages import QT_TRANSLATE_NOOP, Kind
from vidstudio.settings import PublishSettings

KEYRING_SERVICE = "vidstudio"

SECRET_ENV = {
    "aws_access_key_id": "VIDSTUDIO_AWS_ACCESS_KEY_ID",
    "aws_secret_access_key": "VIDSTUDIO_AWS_SECRET_ACCESS_KEY",
    "supabase_key": "VIDSTUDIO_SUPABASE_KEY",
}

# No library, class or OS component names: a person reads this (issue 9).
PASSWORD_STORE_BROKEN = QT_TRANSLATE_NOOP(
    "Message",
    "vidstudio cannot read or save the keys on this computer right now. Restart vidstudio and try "
    "again; if it keeps happening, enter the keys again in Settings → Publishing.",
)


@dataclass(frozen=True)
class Secrets:
    """The secret values: never written to the settings file, never shown."""

    aws_access_key_id: str = ""
    aws_secret_access_key: str = ""
    supabase_key: str = ""

    def values(self) -> tuple[str, ...]:
        return tuple(v for v in (self.aws_access_key_id, self.aws_secret_access_key, self.supabase_key) if v)

    def __repr__(self) -> str:  # never print the values
        shown = {f.name: bool(getattr(self, f.name)) for f in fields(self)}
        return f"Secrets(set={shown})"


def _broken(exc: Exception) -> PublishError:
    import logging

    logging.getLogger(__name__).warning("the OS keyring failed: %s", type(exc).__name__)
    return PublishError(PASSWORD_STORE_BROKEN, Kind.SETTINGS)


def load_secrets(publish: PublishSettings | None = None, env: Mapping[str, str] | None = None) -> Secrets:
    """The secrets ``publish`` uses (no AWS keys when AWS credentials come from the boto3
    chain), from the environment when set there, else from the OS keyring."""
    env = os.environ if env is None else env
    wanted = list(SECRET_ENV)
    if publish is not None and publish.s3.auth != "keys":
        wanted = ["supabase_key"]
    values = {name: env[SECRET_ENV[name]] for name in wanted if env.get(SECRET_ENV[name])}
    missing = [name for name in wanted if name not in values]
    if missing:
        import keyring
        from keyring.errors import KeyringError

        try:
            for name in missing:
                values[name] = keyring.get_password(KEYRING_SERVICE, name) or ""
        except (KeyringError, RuntimeError) as exc:
            raise _broken(exc) from None
    from vidstudio.logs import register_secret

    for value in values.values():
        register_secret(value)  # never in a log line from now on
    return Secrets(**values)


def store_secret(name: str, value: str) -> None:
    """Save (or with an empty value, delete) one secret in the OS keyring."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    if name not in SECRET_ENV:
        raise ValueError(f"unknown secret {name!r}")
    try:
        if value:
            keyring.set_password(KEYRING_SERVICE, name, value)
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, name)
    except (KeyringError, RuntimeError) as exc:
        raise _broken(exc) from None
