"""Typed settings: defaults, round trip, damaged files, sections from newer versions."""

from __future__ import annotations

import json

from vidstudio import paths
from vidstudio.settings import Settings, load_settings, save_settings, settings_path


def test_defaults_without_a_file() -> None:
    settings = load_settings()
    assert settings.defaults.template == "promo"
    assert settings.defaults.aspect == "16:9"
    assert settings.defaults.quality == "standard"
    assert settings.defaults.output_path() == paths.default_output_dir()
    assert settings.interface.language == "system"


def test_round_trip_in_the_config_dir() -> None:
    settings = Settings()
    settings.defaults.quality = "high"
    settings.interface.language = "es"
    save_settings(settings)
    assert settings_path().parent == paths.config_dir()
    assert load_settings() == settings
    assert not list(paths.config_dir().glob(".settings.*"))  # no temp file left


def test_a_damaged_file_gives_defaults_and_is_kept_aside() -> None:
    settings_path().write_text("{ not json", encoding="utf-8")
    assert load_settings() == Settings()
    assert settings_path().with_suffix(".broken.json").exists()


def test_one_bad_value_does_not_lose_the_others() -> None:
    data = {"defaults": {"aspect": "3:2", "quality": "high"}, "interface": {"language": "es"}}
    settings_path().write_text(json.dumps(data), encoding="utf-8")
    settings = load_settings()
    assert settings.defaults.aspect == "16:9"  # the bad one falls back
    assert settings.defaults.quality == "high"
    assert settings.interface.language == "es"


def test_sections_from_a_newer_version_are_kept() -> None:
    data = {"publish": {"bucket": "videos"}, "defaults": {"quality": "draft"}}
    settings_path().write_text(json.dumps(data), encoding="utf-8")
    settings = load_settings()
    save_settings(settings)
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["publish"] == {"bucket": "videos"}
    assert saved["defaults"]["quality"] == "draft"


def test_a_later_feature_adds_a_section_by_adding_a_field() -> None:
    from pydantic import Field

    from vidstudio.settings import Section

    class Publish(Section):
        bucket: str = ""

    class WithPublish(Settings):
        publish: Publish = Field(default_factory=Publish)

    loaded = WithPublish.from_dict({"publish": {"bucket": "b"}, "defaults": {"aspect": "1:1"}})
    assert loaded.publish.bucket == "b" and loaded.defaults.aspect == "1:1"
    assert WithPublish().publish.bucket == ""
