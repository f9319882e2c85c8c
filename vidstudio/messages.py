"""The one user-facing message type: every error or notice a person can read.

A :class:`Message` is an English ``template`` marked for translation with
``QT_TRANSLATE_NOOP("Message", ...)`` (Qt's lupdate collects it), the values of
its ``{name}`` fields (file, bucket and host names: never a secret) and a
:class:`Kind`, which says what went wrong for retry and fallback decisions and
tests.  Every layer raises a :class:`UserError` subclass carrying one
(``RenderError``, ``PublishError``, ``LambdaError``); the UI shows
``message.translated(QCoreApplication.translate)``, the CLI and the logs
``message.text``, and :meth:`Message.redacted` masks secrets as a last line of
defence.  No Qt here: render/, cloud/ and jobs/ all use it.

A message is stored (job store, outbox) with :meth:`to_json` and read back with
:meth:`from_stored`, so History shows a failure in the language of the day it
is read, not the day it happened.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Self

CONTEXT = "Message"
MASK = "•••"
TRANSLATED_FIELDS = {"platform": "Platform"}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` (lupdate collects it); returns it unchanged."""
    return text


class Kind(StrEnum):
    """Why something failed.  Values are stored, so never rename one."""

    # the user's input
    BAD_INPUT = "bad_input"  # a title, option or setting that cannot be used
    TEMPLATE = "template"
    IMAGE = "image"
    OUTPUT = "output"  # the output file or folder
    FILE_MISSING = "file_missing"
    NOT_SET_UP = "not_set_up"  # publishing or Lambda has not been set up: a state, not a fault
    SETTINGS = "settings"  # set up, but a value is wrong
    # the world, worth trying again without changing anything
    NETWORK = "network"
    DNS = "dns"
    TIMEOUT = "timeout"
    THROTTLED = "throttled"
    SERVER = "server"
    INTEGRITY = "integrity"
    # credentials and permissions
    CREDENTIALS = "credentials"
    RLS = "rls"
    INVALID_KEY = "invalid_key"
    EXPIRED_KEY = "expired_key"
    ACCESS_DENIED = "access_denied"
    SIGNATURE = "signature"
    NO_BUCKET = "no_bucket"
    NO_TABLE = "no_table"
    # Lambda
    VERSION_MISMATCH = "version_mismatch"
    NOT_FOUND = "not_found"
    BAD_PROPS = "bad_props"
    IMAGE_URL = "image_url"
    # endings
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"
    FAILED = "failed"


# Kinds worth retrying later without the user changing anything.
RETRYABLE = frozenset({Kind.NETWORK, Kind.DNS, Kind.TIMEOUT, Kind.THROTTLED, Kind.SERVER, Kind.INTEGRITY})


@dataclass(frozen=True)
class Message:
    """One plain sentence for a person: ``template`` (English, translatable) with ``params``."""

    template: str
    params: dict[str, str] = field(default_factory=dict)
    kind: Kind = Kind.FAILED

    @property
    def text(self) -> str:
        """The English sentence."""
        return _fill(self.template, self.params)

    def translated(self, translate: Callable[[str, str], str]) -> str:
        """The sentence in the UI language: ``translate("Message", template)``, then the fields."""
        # Fields named in TRANSLATED_FIELDS are names from a catalogue of their own (a platform:
        # "Instagram Stories" is "Historias de Instagram"), translated in that context.
        params = {
            name: translate(TRANSLATED_FIELDS[name], value) if name in TRANSLATED_FIELDS else value
            for name, value in self.params.items()
        }
        try:
            return translate(CONTEXT, self.template).format(**params)
        except (KeyError, IndexError, ValueError):  # a broken translation: English instead
            return self.text

    def redacted(self, secrets: Iterable[str | None]) -> Message:
        values = list(secrets)
        return Message(
            redact(self.template, values),
            {name: redact(value, values) for name, value in self.params.items()},
            self.kind,
        )

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE

    def to_json(self) -> str:
        return json.dumps(
            {"template": self.template, "params": self.params, "kind": str(self.kind)}, ensure_ascii=False
        )

    @classmethod
    def from_stored(cls, stored: str | None) -> Message | None:
        """A message written by :meth:`to_json`; plain text (an older version's) as it is."""
        if not stored:
            return None
        try:
            data: Any = json.loads(stored)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("template"), str):
            params = data.get("params")
            fields = {str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else {}
            return cls(data["template"], fields, _kind(data.get("kind")))
        return cls(stored)

    def __str__(self) -> str:
        return self.text


def message(template: str, kind: Kind | str = Kind.FAILED, /, **params: object) -> Message:
    return Message(template, {name: str(value) for name, value in params.items()}, _kind(kind))


def _kind(value: object) -> Kind:
    try:
        return Kind(str(value))
    except ValueError:
        return Kind.FAILED


def _fill(template: str, params: dict[str, str]) -> str:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a plain text with braces in it
        return template


class UserError(Exception):
    """An error a person can read: ``sentence`` is its :class:`Message`, ``message`` (and
    ``str(exc)``) the English text.

    Subclasses set ``default_kind``; the UI shows ``exc.translated(QCoreApplication.translate)``.
    """

    default_kind: Kind = Kind.FAILED

    def __init__(self, template: str | Message, kind: Kind | str | None = None, /, **params: object) -> None:
        if isinstance(template, Message):
            self.sentence = template
        else:
            self.sentence = message(template, kind if kind is not None else self.default_kind, **params)
        self.message = self.sentence.text
        super().__init__(self.message)

    @property
    def kind(self) -> Kind:
        return self.sentence.kind

    @property
    def retryable(self) -> bool:
        return self.sentence.retryable

    def translated(self, translate: Callable[[str, str], str]) -> str:
        return self.sentence.translated(translate)

    def redacted(self, secrets: Iterable[str | None]) -> Self:
        """The same error with every secret masked in its fields."""
        return self.from_message(self.sentence.redacted(secrets))

    @classmethod
    def from_message(cls, sentence: Message) -> Self:
        error = cls.__new__(cls)
        UserError.__init__(error, sentence)
        return error

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, kind={str(self.kind)!r})"


def redact(text: str, secrets: Iterable[str | None]) -> str:
    """``text`` with every secret (and every long-enough piece of a JWT) masked."""
    for secret in secrets:
        if not secret or len(secret) < 4:
            continue
        text = text.replace(secret, MASK)
        # A JWT's signature or payload alone is still a secret.
        for piece in secret.split("."):
            if len(piece) >= 12:
                text = text.replace(piece, MASK)
    return text


UNEXPECTED = QT_TRANSLATE_NOOP(
    "Message", "Something unexpected went wrong. vidstudio wrote the details to its log file."
)


def unexpected() -> Message:
    """What a person reads for a bug: never the exception's text or class (the log has them)."""
    return message(UNEXPECTED, Kind.FAILED)
