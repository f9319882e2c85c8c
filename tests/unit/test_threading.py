"""Qt painting in a worker thread while Python runs elsewhere must not corrupt the interpreter.

PySide6 6.12.0 fails this (Fatal Python error: none_dealloc), which is why
pyproject.toml pins PySide6-Essentials below 6.12.  Renders and previews rely on it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import os, sys, threading
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    app = QGuiApplication([])
    image = QImage(QSize(64, 64), QImage.Format.Format_RGB32)
    def qt():
        painter = QPainter(image)
        for _ in range(1_500_000):
            painter.save()
            painter.restore()
        painter.end()
    def python():
        for _ in range(15_000_000):
            value = None
    before = sys.getrefcount(None)
    threads = [threading.Thread(target=qt), threading.Thread(target=python)]
    for t in threads: t.start()
    for t in threads: t.join()
    print("ok", sys.getrefcount(None) - before)
    """
)


def test_qt_in_a_worker_thread_keeps_refcounts_intact() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    status, drift = done.stdout.split()
    assert status == "ok"
    assert abs(int(drift)) < 1000
