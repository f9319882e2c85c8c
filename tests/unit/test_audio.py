"""The music: real files in every format, loudness measured by an independent meter, and a real MP4."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

import av
import numpy as np
import pyloudnorm
import pytest
from scipy.signal import resample_poly

from helpers.sound import make_track, signal
from vidstudio.render import audio, encode_worker
from vidstudio.render.audio import (
    MAX_TRUE_PEAK,
    SAMPLE_RATE,
    TARGET_LUFS,
    ClipSound,
    make_soundtrack,
    probe_audio,
    write_wav,
)
from vidstudio.render.encode_worker import AUDIO_PREFIX
from vidstudio.render.encoder import Encoder
from vidstudio.render.errors import AudioError, Cancelled
from vidstudio.render.props import Music

METER = pyloudnorm.Meter(SAMPLE_RATE)  # ITU-R BS.1770-4, its own implementation


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    audio.soundtrack_cache.clear()


def lufs(samples: np.ndarray, rate: int = SAMPLE_RATE) -> float:
    meter = METER if rate == SAMPLE_RATE else pyloudnorm.Meter(rate)
    return float(meter.integrated_loudness(np.asarray(samples, dtype=np.float64)))


def true_peak(samples: np.ndarray) -> float:
    """dBTP: the peak of the signal oversampled 4× (BS.1770's true-peak meter)."""
    up = resample_poly(np.asarray(samples, dtype=np.float64), 4, 1, axis=0)
    return float(20 * np.log10(np.abs(up).max()))


def rms_db(samples: np.ndarray) -> float:
    return float(20 * np.log10(np.sqrt(np.mean(np.asarray(samples, dtype=np.float64) ** 2)) + 1e-12))


def band_db(samples: np.ndarray, freq: float) -> float:
    """Level of ``freq`` (±20 Hz) in the left channel, in dB."""
    mono = np.asarray(samples[:, 0], dtype=np.float64)
    spectrum = np.abs(np.fft.rfft(mono * np.hanning(len(mono))))
    freqs = np.fft.rfftfreq(len(mono), 1 / SAMPLE_RATE)
    return float(20 * np.log10(spectrum[(freqs > freq - 20) & (freqs < freq + 20)].max() + 1e-12))


def sec(seconds: float) -> int:
    return round(seconds * SAMPLE_RATE)


# ------------------------------------------------------------------ probing
def _silent_video(path: Path) -> None:
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 64, 64, "yuv420p"
        for i in range(5):
            frame = av.VideoFrame.from_ndarray(np.full((64, 64, 3), i * 40, np.uint8), format="rgb24")
            frame.pts = i
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def _empty_wav(path: Path) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44100)


def _truncated_m4a(path: Path) -> None:
    whole = make_track(path.with_name("whole.m4a"), 2.0)
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # the index (moov) is at the end: gone


def _jpeg_renamed(path: Path) -> None:
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)


@pytest.mark.parametrize(
    ("name", "setup", "words"),
    [
        ("gone.mp3", None, "was not found"),
        ("folder.mp3", lambda p: p.mkdir(), "is a folder"),
        ("empty.mp3", lambda p: p.write_bytes(b""), "is empty (0 bytes)"),
        ("photo.mp3", _jpeg_renamed, "is not an audio file"),
        ("notes.mp3", lambda p: p.write_text("la la la\n" * 200), "is not an audio file"),
        ("cut.m4a", _truncated_m4a, "is damaged or incomplete"),
        ("silent-clip.mp4", _silent_video, "has no sound"),
        ("nothing.wav", _empty_wav, "has no sound in it"),
    ],
)
def test_unusable_music_files_are_one_plain_sentence_naming_the_file(
    tmp_path: Path, name: str, setup: object, words: str
) -> None:
    path = tmp_path / name
    if callable(setup):
        setup(path)
    with pytest.raises(AudioError) as caught:
        probe_audio(path)
    text = str(caught.value)
    assert words in text and name in text
    assert "\n" not in text and text.endswith(".")
    with pytest.raises(AudioError, match=words.replace("(", r"\(").replace(")", r"\)")):
        make_soundtrack(Music(path), 3.0)


def test_a_start_after_the_end_of_the_track_is_refused(tmp_path: Path) -> None:
    track = make_track(tmp_path / "short.wav", 2.0)
    with pytest.raises(AudioError, match=r"short\.wav is 2\.0 s long; choose a start before its end"):
        make_soundtrack(Music(track, start=5.0), 3.0)


# ------------------------------------------------------------------ formats
@pytest.mark.parametrize(
    ("suffix", "rate", "channels"),
    [
        (".mp3", 44100, 2),
        (".m4a", 44100, 2),
        (".m4a", 22050, 1),
        (".wav", 22050, 1),
        (".wav", 48000, 2),
        (".flac", 48000, 2),
        (".flac", 44100, 1),
        (".ogg", 48000, 2),
    ],
)
def test_every_format_rate_and_layout_becomes_48k_stereo(
    tmp_path: Path, suffix: str, rate: int, channels: int
) -> None:
    track = make_track(tmp_path / f"song{suffix}", 2.5, rate, channels, kind="music-like")
    info = probe_audio(track)
    assert (info.sample_rate, info.channels) == (rate if suffix != ".ogg" else 48000, channels)
    assert abs(info.duration - 2.5) < 0.1 and info.file_size == track.stat().st_size
    assert info.codec == {".mp3": "mp3", ".m4a": "aac", ".wav": "pcm_s16le", ".flac": "flac"}.get(
        suffix, info.codec
    )
    sound = make_soundtrack(Music(track, fade_in=0, fade_out=0), 2.0)
    assert sound is not None
    assert sound.samples.dtype == np.float32 and sound.samples.shape == (sec(2.0), 2)
    assert sound.duration == 2.0 and sound.music_name == "song"
    left, right = sound.samples[:, 0], sound.samples[:, 1]
    assert rms_db(left) > -30 and rms_db(right) > -30  # mono is on both channels
    assert abs(sound.loudness - TARGET_LUFS) < 0.5


# ------------------------------------------------------------------ filling the length
def test_a_short_track_ends_in_silence(tmp_path: Path) -> None:
    track = make_track(tmp_path / "short.flac", 1.0, 48000, kind="noise")
    sound = make_soundtrack(Music(track, fade_in=0, fade_out=0, at_end="silence"), 3.0)
    assert sound is not None and len(sound.samples) == sec(3.0)
    assert rms_db(sound.samples[: sec(0.95)]) > -25
    assert np.abs(sound.samples[sec(1.01) :]).max() < 1e-4  # the tail is silent


def test_a_short_track_loops(tmp_path: Path) -> None:
    track = make_track(tmp_path / "short.flac", 1.0, 48000, kind="noise")
    sound = make_soundtrack(Music(track, fade_in=0, fade_out=0, at_end="loop"), 3.0)
    assert sound is not None
    step = sec(1.0) - sec(audio.LOOP_CROSSFADE)  # each repeat starts where the crossfade does
    first, again = sound.samples[sec(0.1) : sec(0.8), 0], sound.samples[step + sec(0.1) : step + sec(0.8), 0]
    assert np.corrcoef(first, again)[0, 1] > 0.999
    assert rms_db(sound.samples[sec(2.1) :]) > -25  # no gap at the end


def _marked(seconds: float, click_at: float, rate: int) -> np.ndarray:
    data = signal(seconds, rate, 2, "tone", -40)
    data[round(click_at * rate) : round(click_at * rate) + 4] = 0.9
    return data


@pytest.mark.parametrize("suffix", [".wav", ".mp3", ".m4a", ".ogg"])
def test_the_start_offset_skips_the_beginning(tmp_path: Path, suffix: str) -> None:
    rate = 48000 if suffix == ".ogg" else 44100  # Opus runs at 48 kHz only
    track = make_track(tmp_path / f"marked{suffix}", 6.0, rate, data=_marked(6.0, 3.5, rate))
    sound = make_soundtrack(Music(track, start=3.0, fade_in=0, fade_out=0), 2.0)
    assert sound is not None
    click = int(np.argmax(np.abs(sound.samples[:, 0]))) / SAMPLE_RATE
    assert abs(click - 0.5) < 0.005  # 3.5 s in the file, 0.5 s into the video


def test_fades_start_and_end_at_zero(tmp_path: Path) -> None:
    track = make_track(tmp_path / "song.wav", 8.0, kind="tone")
    sound = make_soundtrack(Music(track, fade_in=1.0, fade_out=2.0), 6.0)
    assert sound is not None
    samples = sound.samples
    assert np.abs(samples[:10]).max() < 2e-3 and np.abs(samples[-10:]).max() < 2e-3
    full = rms_db(samples[sec(2.0) : sec(3.5)])
    assert abs(rms_db(samples[sec(1.2) : sec(1.8)]) - full) < 0.5  # past the fade-in: full level
    assert abs(rms_db(samples[sec(0.45) : sec(0.55)]) - (full - 6.0)) < 0.6  # halfway in: half
    assert abs(rms_db(samples[sec(4.95) : sec(5.05)]) - (full - 6.0)) < 0.6  # halfway out
    assert abs(lufs(samples) - TARGET_LUFS) < 0.5


# ------------------------------------------------------------------ loudness
def _with_peaks(level: float) -> np.ndarray:
    """Quiet music with a sharp hit every half second: 27 dB from loudness to peak."""
    data = signal(9.0, 44100, 2, "music-like", level)
    for at in range(0, len(data), 44100 // 2):
        data[at : at + 30] += 0.6 * np.hanning(30)[:, None].astype(np.float32)
    return data


@pytest.mark.parametrize(
    ("name", "level"),
    [("normal", -18.0), ("quiet", -42.0), ("loud-clipped", 8.0), ("quiet-with-peaks", -32.0)],
)
def test_loudness_is_minus_14_lufs_and_true_peak_under_minus_1(
    tmp_path: Path, name: str, level: float
) -> None:
    # The first three take loudnorm's linear mode, the last its dynamic mode (and the retry).
    data = _with_peaks(level) if name == "quiet-with-peaks" else None
    track = make_track(tmp_path / f"{name}.mp3", 9.0, kind="music-like", level_dbfs=level, data=data)
    source, _ = audio.measure(_decoded(track))
    started = time.perf_counter()
    sound = make_soundtrack(Music(track), 8.0)
    took = time.perf_counter() - started
    assert sound is not None
    measured, peak = lufs(sound.samples), true_peak(sound.samples)
    print(
        f"\n{name}: source {source:.1f} LUFS -> {measured:.2f} LUFS, {peak:.2f} dBTP "
        f"(ebur128: {sound.loudness:.2f} LUFS, {sound.true_peak:.2f} dBTP), {took:.2f} s for 8 s"
    )
    assert abs(measured - TARGET_LUFS) < 0.5
    assert peak <= MAX_TRUE_PEAK
    assert abs(sound.loudness - measured) < 0.2


def _decoded(path: Path) -> np.ndarray:
    """The whole file at 48 kHz stereo, for the source's loudness."""
    with av.open(str(path)) as container:
        resampler = av.AudioResampler(format="flt", layout="stereo", rate=SAMPLE_RATE)
        parts = [
            out.to_ndarray().reshape(-1, 2)
            for frame in container.decode(audio=0)
            for out in resampler.resample(frame)
        ]
    return np.concatenate(parts)


def test_a_long_file_is_decoded_only_as_far_as_the_video_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    track = make_track(tmp_path / "long.flac", 120.0, 22050, 1, kind="noise")
    taken = {"samples": 0}
    real_take = audio._take

    def counting(frame: av.AudioFrame, chunks: list[np.ndarray], skip: int) -> int:
        before = sum(len(c) for c in chunks)
        left = real_take(frame, chunks, skip)
        taken["samples"] += sum(len(c) for c in chunks) - before
        return left

    monkeypatch.setattr(audio, "_take", counting)
    sound = make_soundtrack(Music(track, start=60.0), 2.0)
    assert sound is not None and len(sound.samples) == sec(2.0)
    assert sec(2.0) <= taken["samples"] < sec(2.0) + sec(0.5)  # not 60 s more


# ------------------------------------------------------------------ clip sound
def _tone(freq: float, seconds: float, level: float) -> np.ndarray:
    t = np.arange(sec(seconds)) / SAMPLE_RATE
    mono = (10 ** (level / 20) * np.sin(2 * np.pi * freq * t)).astype(np.float32)
    return np.stack([mono, mono], axis=1)


def test_clip_sound_plays_under_the_ducked_music(tmp_path: Path) -> None:
    track = make_track(tmp_path / "song.wav", 8.0, 48000, data=_tone(440, 8.0, -20))
    clip = ClipSound(_tone(1000, 2.0, -6), start=2.0)  # much louder than the music
    sound = make_soundtrack(Music(track, fade_in=0, fade_out=0), 6.0, [clip])
    assert sound is not None
    during, before = sound.samples[sec(2.5) : sec(3.5)], sound.samples[sec(0.5) : sec(1.5)]
    assert band_db(before, 1000) < band_db(before, 440) - 40  # no clip sound before it starts
    # While the clip plays: the clip 6 LU under the music, the music ducked by 3 dB, so the
    # clip stays 3 LU under it (K-weighting counts 1 kHz ~0.7 dB louder than 440 Hz).
    assert 2.5 < band_db(during, 440) - band_db(during, 1000) < 5.0
    assert abs(band_db(before, 440) - band_db(during, 440) - audio.DUCK_DB) < 0.5
    assert abs(lufs(sound.samples) - TARGET_LUFS) < 0.5


def test_clip_sound_alone_is_normalised_and_no_sound_at_all_is_none() -> None:
    sound = make_soundtrack(None, 4.0, [ClipSound(_tone(500, 3.0, -30), start=0.5)])
    assert sound is not None and sound.music_name is None and len(sound.samples) == sec(4.0)
    assert np.abs(sound.samples[: sec(0.49)]).max() < 1e-4
    assert abs(lufs(sound.samples) - TARGET_LUFS) < 0.5
    assert make_soundtrack(None, 4.0) is None
    assert make_soundtrack(None, 4.0, ()) is None


# ------------------------------------------------------------------ cache, cancel, WAV
def test_the_same_music_is_built_once_until_the_file_changes(tmp_path: Path) -> None:
    track = make_track(tmp_path / "song.wav", 3.0)
    first = make_soundtrack(Music(track), 2.0)
    assert make_soundtrack(Music(track), 2.0) is first
    assert make_soundtrack(Music(track, fade_in=0.5), 2.0) is not first
    assert first is not None and not first.samples.flags.writeable  # shared: read-only
    later = time.time() + 5
    os.utime(track, (later, later))
    assert make_soundtrack(Music(track), 2.0) is not first


def test_the_preview_and_the_render_asking_at_once_build_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    track = make_track(tmp_path / "song.wav", 3.0)
    builds = {"count": 0}
    real_build = audio._build

    def counting(*args: object) -> audio.Soundtrack:
        builds["count"] += 1
        time.sleep(0.2)  # long enough for the second caller to arrive meanwhile
        return real_build(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(audio, "_build", counting)
    results: list[audio.Soundtrack | None] = []
    threads = [
        threading.Thread(target=lambda: results.append(make_soundtrack(Music(track), 2.0))) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert builds["count"] == 1 and len(results) == 2 and results[0] is results[1]


@pytest.mark.parametrize("after", [0, 3])
def test_cancel_stops_between_chunks(tmp_path: Path, after: int) -> None:
    track = make_track(tmp_path / "song.wav", 6.0)
    polls = {"count": 0}

    def cancel() -> bool:
        polls["count"] += 1
        return polls["count"] > after

    with pytest.raises(Cancelled):
        make_soundtrack(Music(track), 5.0, cancel=cancel)
    assert len(audio.soundtrack_cache._items) == 0


def test_write_wav_for_remotion(tmp_path: Path) -> None:
    track = make_track(tmp_path / "song.flac", 3.0)
    sound = make_soundtrack(Music(track), 2.0)
    assert sound is not None
    out = write_wav(sound, tmp_path / "music.wav")
    with wave.open(str(out)) as wav:
        assert (wav.getnchannels(), wav.getframerate(), wav.getsampwidth()) == (2, SAMPLE_RATE, 2)
        pcm = np.frombuffer(wav.readframes(wav.getnframes()), "<i2").reshape(-1, 2)
    assert len(pcm) == sec(2.0)
    assert np.abs(pcm / 32767.0 - sound.samples).max() < 1e-4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["music.wav", "song.flac"]


# ------------------------------------------------------------------ the encoder
def _boxes(path: Path) -> list[str]:
    names: list[str] = []
    with path.open("rb") as handle:
        while header := handle.read(8):
            size = int.from_bytes(header[:4], "big")
            names.append(header[4:8].decode("latin-1"))
            handle.seek(size - 8, os.SEEK_CUR)
    return names


def _audio_files() -> list[str]:
    folders = {tempfile.gettempdir(), *encode_worker.frames_dirs()}
    return [
        n for folder in folders for n in os.listdir(folder) if n.startswith(f"{AUDIO_PREFIX}{os.getpid()}-")
    ]


def _encode(target: Path, frames: int, soundtrack: audio.Soundtrack | None, fps: int = 30) -> Encoder:
    encoder = Encoder(target, 320, 180, fps, "draft", soundtrack=soundtrack)
    encoder.open()
    for i in range(frames):
        slot, image = encoder.canvas()
        image.fill(0xFF000000 | (i * 2_000))
        encoder.submit(slot)
    return encoder


def test_the_encoder_muxes_interleaved_aac_with_faststart(tmp_path: Path, qapp: object) -> None:
    track = make_track(tmp_path / "song.m4a", 6.0, kind="music-like")
    sound = make_soundtrack(Music(track), 4.0)
    assert sound is not None
    target = tmp_path / "tour.mp4"
    _encode(target, 120, sound).finish()
    assert _boxes(target)[:2] == ["ftyp", "moov"] and "mdat" in _boxes(target)
    with av.open(str(target)) as container:
        video, sound_stream = container.streams.video[0], container.streams.audio[0]
        assert len(container.streams) == 2 and video.codec_context.name == "h264"
        ctx = sound_stream.codec_context
        assert (ctx.name, ctx.sample_rate, ctx.channels) == ("aac", 48000, 2)
        assert ctx.profile == "LC"
        video_seconds = float(video.duration * video.time_base)
        audio_seconds = float(sound_stream.duration * sound_stream.time_base)
        assert video_seconds == pytest.approx(4.0)
        assert abs(audio_seconds - video_seconds) <= 1024 / 48000
        # Interleaved: no run of one stream longer than about a second.
        order = [(p.stream.type, float(p.pts * p.time_base)) for p in container.demux() if p.pts is not None]
    last: dict[str, float] = {}
    for kind, at in order:
        other = "audio" if kind == "video" else "video"
        if other in last:
            assert at - last[other] < 1.0
        last[kind] = at
    decoded = _decoded(target)[: sec(4.0)]
    print(f"\nAAC in the MP4: {lufs(decoded):.2f} LUFS, {true_peak(decoded):.2f} dBTP")
    assert abs(lufs(decoded) - TARGET_LUFS) < 0.5
    assert true_peak(decoded) <= MAX_TRUE_PEAK  # the 0.5 dB margin covers the encoder
    assert _audio_files() == [] and sorted(p.name for p in tmp_path.iterdir()) == ["song.m4a", "tour.mp4"]


def test_the_audio_is_cut_or_padded_to_the_video(tmp_path: Path, qapp: object) -> None:
    track = make_track(tmp_path / "song.wav", 2.0)
    sound = make_soundtrack(Music(track), 1.0)
    for frames in (15, 45):  # 0.5 s: cut; 1.5 s: 0.5 s of silence after the music
        target = tmp_path / f"v{frames}.mp4"
        _encode(target, frames, sound).finish()
        with av.open(str(target)) as container:
            stream = container.streams.audio[0]
            assert abs(float(stream.duration * stream.time_base) - frames / 30) <= 1024 / 48000


def test_without_a_soundtrack_there_is_no_audio_stream(tmp_path: Path, qapp: object) -> None:
    target = tmp_path / "silent.mp4"
    _encode(target, 10, None).finish()
    with av.open(str(target)) as container:
        assert [s.type for s in container.streams] == ["video"]


def test_an_aborted_render_leaves_no_audio_file(tmp_path: Path, qapp: object) -> None:
    sound = make_soundtrack(None, 2.0, [ClipSound(_tone(300, 2.0, -20), 0.0)])
    encoder = _encode(tmp_path / "never.mp4", 5, sound)
    encoder.abort()
    assert _audio_files() == [] and list(tmp_path.iterdir()) == []


def test_stale_audio_files_are_swept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(encode_worker, "frames_dirs", lambda: [str(tmp_path)])
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    stale = tmp_path / f"{AUDIO_PREFIX}{int(done.stdout)}-abcd1234"
    live = tmp_path / f"{AUDIO_PREFIX}{os.getpid()}-efgh5678"
    for path in (stale, live):
        path.write_bytes(b"\0" * 64)
    assert encode_worker.sweep_stale_frames() == 1
    assert [p.name for p in tmp_path.iterdir()] == [live.name]
