"""Typed user settings with defaults, stored as JSON in ``paths.config_dir()``.

Never put a secret here: passwords, keys and tokens belong in the OS keyring.

Sections are pydantic models.  A later feature adds its own section by adding a
field to :class:`Settings` (for example ``publish: PublishSettings``); a file
written by a newer version keeps sections this version does not know (they are
carried through unchanged), and a damaged or invalid file falls back to the
defaults for the damaged part only, so a bad edit never stops the app.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from vidstudio import paths

SETTINGS_FILE = "settings.json"
Language = Literal["system", "en", "es"]
Quality = Literal["draft", "standard", "high"]
Aspect = Literal["16:9", "9:16", "1:1", "4:5"]
RenderPolicy = Literal["local", "lambda", "auto"]
SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es")


class Section(BaseModel):
    """Base of every settings section: typed, defaulted, unknown keys kept."""

    model_config = ConfigDict(extra="allow", validate_assignment=True)


class RenderDefaults(Section):
    """What a new video starts with."""

    template: str = "promo"
    aspect: Aspect = "16:9"
    quality: Quality = "standard"
    output_dir: str = ""  # empty: paths.default_output_dir()

    def output_path(self) -> Path:
        if self.output_dir:
            return Path(self.output_dir)
        return paths.default_output_dir()


class Interface(Section):
    language: Language = "system"


class WindowState(Section):
    """Remembered window geometry (base64 of ``QWidget.saveGeometry``)."""

    geometry: str = ""
    splitter: str = ""


class RenderOn(Section):
    """Where videos are rendered: this computer, Remotion Lambda, or Lambda with fallback (Auto).

    AWS credentials are the publishing ones (profile / SSO / keys in the keyring).
    """

    policy: RenderPolicy = "local"
    function_name: str = ""  # remotion-render-4-0-527-...
    region: str = ""
    serve_url: str = ""  # https://remotionlambda-....s3....amazonaws.com/sites/vidstudio/index.html
    compositions: dict[str, str] = Field(default_factory=dict)  # template id -> composition id
    timeout_minutes: int = Field(default=15, ge=1, le=60)

    def lambda_configured(self) -> bool:
        return bool(self.function_name.strip() and self.region.strip() and self.serve_url.strip())


class Settings(Section):
    """All settings.  Add a section by adding a field with a ``default_factory``."""

    defaults: RenderDefaults = Field(default_factory=RenderDefaults)
    interface: Interface = Field(default_factory=Interface)
    window: WindowState = Field(default_factory=WindowState)
    render: RenderOn = Field(default_factory=RenderOn)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Validate ``data``, replacing only the invalid fields with their defaults."""
        try:
            return cls.model_validate(data)
        except ValidationError:
            pass
        clean: dict[str, Any] = {}
        for name, value in data.items():
            field = cls.model_fields.get(name)
            if field is None:
                clean[name] = value  # a section from a newer version: keep it
                continue
            section_type = field.annotation
            if not (isinstance(section_type, type) and issubclass(section_type, Section)):
                continue
            clean[name] = _salvage(section_type, value)
        return cls.model_validate(clean)


def _salvage(section_type: type[Section], value: Any) -> Section:
    if not isinstance(value, dict):
        return section_type()
    good: dict[str, Any] = {}
    for key, item in value.items():
        try:
            section_type.model_validate({key: item})
        except ValidationError:
            continue
        good[key] = item
    return section_type.model_validate(good)


def settings_path() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    """The saved settings; defaults when the file is missing or unreadable."""
    path = path or settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        _keep_broken_copy(path)
        return Settings()
    if not isinstance(data, dict):
        _keep_broken_copy(path)
        return Settings()
    return Settings.from_dict(data)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically (temp file + rename) so a crash never leaves half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(settings.model_dump(mode="json"), indent=2, ensure_ascii=False)
    fd, temp = tempfile.mkstemp(prefix=".settings.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _keep_broken_copy(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.replace(path, path.with_suffix(".broken.json"))
