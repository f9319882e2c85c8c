"""The preview's sound: a soundtrack's samples played from any second, and the audio clock.

    playback = Playback()
    playback.set_samples(soundtrack.samples)   # float32 (n, 2) at 48 kHz
    playback.start(12.5)                       # False: no sound device, the preview plays silently
    playback.position()                        # seconds of the soundtrack heard now
    playback.stop(); playback.close()          # close at quit

Why miniaudio: one C extension (miniaudio.h, public domain / MIT-0) with CFFI bindings, wheels for
cp311 win_amd64 and manylinux, no PortAudio DLL to ship; WASAPI on Windows, PulseAudio/ALSA here,
and a NULL backend that consumes frames in real time with no sound card (tests, CI, Wine).
Installed it is 1.7 MB on Linux (``_miniaudio.abi3.so`` 1.6 MB + ``miniaudio.py`` 88 KB); the
wheel is 0.64 MB here and 0.27 MB for win_amd64.

The clock is the device's: ``position`` is the frames the device has pulled from us, less what it
pulled at once when it started (its buffer, pulled but not yet heard: two 20 ms periods on the
NULL backend), plus the time since its last pull, capped at what that pull covered.  Counting
pulled frames alone ran 40–70 ms ahead of or behind the wall clock depending on where in a period
it was read; interpolating keeps it within a few ms (bench/preview.py measures it after a seek).
``VIDSTUDIO_AUDIO=null`` forces the NULL backend; ``VIDSTUDIO_AUDIO=off`` disables sound.
"""

from __future__ import annotations

import array
import logging
import os
import threading
import time
from collections.abc import Generator
from typing import Any

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

SAMPLE_RATE = 48_000
CHANNELS = 2
# 20 ms periods: short enough that a seek is heard at once (the device pre-fills two, 40 ms),
# long enough that WASAPI's shared mode (10 ms periods) does not underrun; the callback runs on
# miniaudio's own thread, so a slow paint on the UI thread never starves it.
BUFFER_MS = 20
# Pulls this soon after start are the device filling its buffer, not frames being heard.
PREFILL_SECONDS = 0.005


class Playback:
    """Plays float32 stereo samples at 48 kHz from an offset; silent when there is no device."""

    def __init__(self, backend: str | None = None) -> None:
        """``backend``: "null" (no sound card needed), "off", or None for the system's default
        (the ``VIDSTUDIO_AUDIO`` variable when it is set)."""
        self._backend = (backend or os.environ.get("VIDSTUDIO_AUDIO") or "").lower()
        self._device: Any = None
        self._failed = self._backend == "off"
        self._samples: npt.NDArray[np.float32] = np.zeros((0, CHANNELS), np.float32)
        self._lock = threading.Lock()
        self._start_frame = 0
        self._pulled = 0  # frames the device has taken since start (written by the audio thread)
        self._prefill = 0  # of which the device took at once when it started (its buffer)
        self._last_pull = 0.0  # perf_counter of the latest pull
        self._last_size = 0  # frames in the latest pull
        self._started_at = 0.0
        self._playing = False
        self.backend_name = ""

    # ---------------------------------------------------------------- state
    @property
    def available(self) -> bool:
        """False once the device could not be opened (then every start returns False)."""
        return not self._failed

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def duration(self) -> float:
        return len(self._samples) / SAMPLE_RATE

    def set_samples(self, samples: npt.NDArray[np.float32] | None) -> None:
        """The soundtrack to play (None: silence); a running playback goes on at its position."""
        position = self.position() if self._playing else None
        with self._lock:
            if samples is None:
                self._samples = np.zeros((0, CHANNELS), np.float32)
            else:
                self._samples = np.ascontiguousarray(samples, dtype=np.float32).reshape(-1, CHANNELS)
            if position is not None:  # the same position in the new samples
                self._start_frame = round(position * SAMPLE_RATE) - (self._pulled - self._heard_frames())

    # ---------------------------------------------------------------- control
    def start(self, offset_seconds: float) -> bool:
        """Play from ``offset_seconds`` (restarting if playing); False when there is no sound device."""
        device = self._open()
        if device is None:
            return False
        self.stop()
        with self._lock:
            self._start_frame = max(0, round(offset_seconds * SAMPLE_RATE))
            self._pulled = self._prefill = self._last_size = 0
            self._started_at = self._last_pull = time.perf_counter()
        generator = self._generate()
        next(generator)
        try:
            device.start(generator)
        except Exception as exc:  # a device unplugged since it was opened: play silently
            log.warning("audio playback could not start: %s: %s", type(exc).__name__, exc)
            self._fail()
            return False
        self._playing = True
        return True

    def stop(self) -> None:
        if self._playing and self._device is not None:
            try:
                self._device.stop()
            except Exception as exc:
                log.warning("audio playback did not stop cleanly: %s", type(exc).__name__)
        self._playing = False

    def position(self) -> float:
        """Seconds of the soundtrack heard now (see the module's docstring)."""
        with self._lock:
            return (self._start_frame + self._heard_frames()) / SAMPLE_RATE

    def _heard_frames(self) -> int:
        """Frames heard since start; call with the lock held."""
        if not self._playing:
            return max(0, self._pulled - self._prefill)
        # At a pull the device has played all but its buffer; until the next pull, one period more.
        since = round((time.perf_counter() - self._last_pull) * SAMPLE_RATE)
        played = self._pulled - self._prefill
        return max(0, played + min(since, self._last_size))

    def close(self) -> None:
        """Stop and let go of the device (at quit); a later start opens it again."""
        self.stop()
        if self._device is not None:
            try:
                self._device.close()
            except Exception as exc:
                log.warning("audio device did not close cleanly: %s", type(exc).__name__)
            self._device = None

    # ---------------------------------------------------------------- device
    def _open(self) -> Any:
        if self._device is not None or self._failed:
            return self._device
        try:
            import miniaudio

            backends = [miniaudio.Backend.NULL] if self._backend == "null" else None
            self._device = miniaudio.PlaybackDevice(
                output_format=miniaudio.SampleFormat.FLOAT32,
                nchannels=CHANNELS,
                sample_rate=SAMPLE_RATE,
                buffersize_msec=BUFFER_MS,
                backends=backends,
                app_name="vidstudio",
            )
            self.backend_name = str(self._device.backend)
            log.info("preview sound on %s", self.backend_name)
        except Exception as exc:  # no sound card (CI, Wine, a server), or no library: silent preview
            log.info("no sound device for the preview (%s: %s): it plays silently", type(exc).__name__, exc)
            self._fail()
        return self._device

    def _fail(self) -> None:
        self._failed = True
        self._playing = False
        self._device = None

    def _generate(self) -> Generator[array.array[float] | bytes, int, None]:
        """miniaudio's callback: sent how many frames it wants, it yields them (silence past the end)."""
        wanted = yield b""
        while True:
            with self._lock:
                begin = self._start_frame + self._pulled
                chunk = self._samples[begin : begin + wanted]
                now = time.perf_counter()
                self._pulled += wanted
                if now - self._started_at < PREFILL_SECONDS:
                    self._prefill += wanted
                self._last_pull, self._last_size = now, wanted
            data = chunk.tobytes()
            missing = wanted * CHANNELS * 4 - len(data)
            if missing > 0:
                data += bytes(missing)
            wanted = yield data
