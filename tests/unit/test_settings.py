"""Typed settings: defaults, round trip, damaged files, sections from newer versions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from vidstudio import paths
from vidstudio.settings import PublishSettings, Settings, load_settings, save_settings, settings_path


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
    data = {"watermarks": {"accent": "#ff8800"}, "defaults": {"quality": "draft"}}
    settings_path().write_text(json.dumps(data), encoding="utf-8")
    settings = load_settings()
    save_settings(settings)
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["watermarks"] == {"accent": "#ff8800"}
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


# --------------------------------------------------------------------------- 0.1 → one file

OLD = Path(__file__).parent / "data" / "settings-0.1"  # written by vidstudio 0.1's own save functions


def _copy_old(*names: str) -> None:
    paths.config_dir().mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(OLD / name, paths.config_dir() / name)


def test_version_0_1_files_are_migrated_into_one_and_nothing_is_lost() -> None:
    _copy_old("settings.json", "publish.json")
    settings = load_settings()
    assert settings.defaults.quality == "high" and settings.interface.language == "es"
    assert settings.render.policy == "auto" and settings.render.region == "ap-southeast-1"
    publish = settings.publish
    assert (publish.s3.bucket, publish.s3.region, publish.s3.auth) == (
        "villa-videos",
        "ap-southeast-1",
        "keys",
    )
    assert (publish.s3.link_mode, publish.s3.link_hours) == ("public", 24)
    assert publish.supabase.url == "https://abcd.supabase.co" and publish.supabase.table == "generated_videos"
    assert publish.publish_after_render and publish.max_attempts == 3
    # One file now; the old one is kept beside it under a name no version reads.
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["publish"]["s3"]["bucket"] == "villa-videos"
    assert not (paths.config_dir() / "publish.json").exists()
    assert (paths.config_dir() / "publish.json.migrated").read_bytes() == (OLD / "publish.json").read_bytes()
    assert load_settings() == settings  # a second start reads the one file


def test_a_0_1_publish_file_without_a_settings_file_is_migrated_too() -> None:
    _copy_old("publish.json")
    assert load_settings().publish.s3.bucket == "villa-videos"
    assert settings_path().is_file()


def test_a_damaged_0_1_publish_file_gives_default_publishing_and_is_kept() -> None:
    _copy_old("settings.json")
    (paths.config_dir() / "publish.json").write_text("{half a fi", encoding="utf-8")
    settings = load_settings()
    assert settings.publish == PublishSettings() and settings.defaults.quality == "high"
    assert (paths.config_dir() / "publish.json.migrated").read_text(encoding="utf-8") == "{half a fi"


def test_publish_section_values_are_clamped_and_stripped() -> None:
    settings = Settings.from_dict(
        {"publish": {"s3": {"bucket": "  videos ", "link_hours": 500}, "max_attempts": 0}}
    )
    assert settings.publish.s3.bucket == "videos" and settings.publish.s3.link_hours == 168
    assert settings.publish.max_attempts == 1
    assert not settings.publish.is_set_up()
    settings.publish.supabase.url = "https://abcd.supabase.co"
    assert settings.publish.is_set_up()
