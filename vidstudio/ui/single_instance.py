"""One vidstudio per user: a second launch hands its arguments to the first.

Uses a local socket (a named pipe on Windows, a Unix socket elsewhere) that
only this user can open; no TCP port is ever opened.
"""

from __future__ import annotations

import getpass
import hashlib
import json

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from vidstudio import paths

TIMEOUT_MS = 1000


def server_name() -> str:
    """Per user and per data folder, so tests with their own data folder never meet."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment
        user = "user"
    key = f"{user}:{paths.data_dir()}".encode()
    return "vidstudio-" + hashlib.sha256(key).hexdigest()[:16]


class SingleInstance(QObject):
    """The first instance listens; later ones send and exit.

    Signals:
        message_received(list): the arguments a second launch passed.
    """

    message_received = Signal(list)

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self._server: QLocalServer | None = None

    def send_to_running(self, args: list[str]) -> bool:
        """True when another instance is running and took ``args``."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(json.dumps({"args": args}).encode("utf-8") + b"\n")
        socket.flush()
        socket.waitForBytesWritten(TIMEOUT_MS)  # False when it was written at once
        # The first instance acknowledges, so the message is never lost silently.
        acknowledged = socket.waitForReadyRead(TIMEOUT_MS) and socket.canReadLine()
        socket.disconnectFromServer()
        return bool(acknowledged)

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A crashed instance can leave a stale socket file behind (Unix).
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    @Slot()
    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data()).decode("utf-8", "replace")
        socket.write(b"ok\n")
        socket.flush()
        try:
            args = json.loads(line).get("args", [])
        except (ValueError, AttributeError):
            return
        if isinstance(args, list):
            self.message_received.emit([str(a) for a in args])
