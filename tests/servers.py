"""Services for the tests (not a test module): PostgreSQL and nginx from Debian's packages, on loopback.

* :func:`postgres_server` runs ``initdb`` and ``postgres`` into a temporary folder on a free
  loopback port, with a random password, and yields the database URL. As root (CI runs as root)
  they run as the ``postgres`` user through ``runuser``, because PostgreSQL refuses to run as root.
* :func:`nginx_proxy` runs nginx in the foreground with ``deploy/nginx/templates/dashboard.conf.template``
  (the file the compose setup uses) filled in with loopback replicas and a free port.

Both stop what they started (their own process group) and remove their folders. Both skip the test
when the package is missing (``./scripts/test.sh`` installs them).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser_harness import free_port, stop_group
from tests.paths import ROOT

NGINX = "/usr/sbin/nginx"
TEMPLATE = ROOT / "deploy" / "nginx" / "templates" / "dashboard.conf.template"
START_TIMEOUT = 60.0


def _pg_bindir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def _stop(proc: subprocess.Popen, sig: int) -> None:
    stop_group(proc, sig, grace=15)


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """A fresh PostgreSQL cluster on 127.0.0.1; yields ``postgresql://dash:…@127.0.0.1:PORT/dashboard``."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="dash-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    password = secrets.token_urlsafe(16)
    pwfile = root / "pw"
    pwfile.write_text(password)
    if prefix:
        os.chown(pwfile, user.pw_uid, user.pw_gid)
    log = root / "postgres.log"
    try:
        subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(root / "data"), "-U", "dash", "--pwfile",
                        str(pwfile), "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                       check=True, capture_output=True, timeout=120)
        port = free_port()
        with open(log, "wb") as out:
            proc = subprocess.Popen([*prefix, str(bindir / "postgres"), "-D", str(root / "data"), "-p", str(port),
                                     "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={root}",
                                     "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=60",
                                     "-c", "shared_buffers=32MB"],
                                    stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                    start_new_session=True)
        try:
            url = _wait_for_postgres(proc, port, password, log)
            yield url
        finally:
            _stop(proc, signal.SIGINT)  # PostgreSQL's fast shutdown
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _wait_for_postgres(proc: subprocess.Popen, port: int, password: str, log: Path) -> str:
    import psycopg

    deadline = time.monotonic() + START_TIMEOUT
    while True:
        try:
            with psycopg.connect(host="127.0.0.1", port=port, user="dash", password=password, dbname="postgres",
                                 connect_timeout=2, autocommit=True) as conn:
                conn.execute("CREATE DATABASE dashboard")
            return f"postgresql://dash:{password}@127.0.0.1:{port}/dashboard"
        except psycopg.OperationalError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL did not start:\n{log.read_text(errors='replace')[-3000:]}") from None
            time.sleep(0.2)


@dataclass
class Proxy:
    url: str
    access_log: Path

    def log_lines(self) -> list[str]:
        try:
            return self.access_log.read_text(errors="replace").splitlines()
        except OSError:
            return []


def nginx_config(app1: str, app2: str, listen: str, access_log: Path) -> str:
    """The deploy template with its ``${DASHBOARD_...}`` values filled in, as envsubst would."""
    values = {"DASHBOARD_APP1": app1, "DASHBOARD_APP2": app2, "DASHBOARD_LISTEN": listen,
              "DASHBOARD_ACCESS_LOG": str(access_log)}
    text = TEMPLATE.read_text(encoding="utf-8")
    return re.sub(r"\$\{(DASHBOARD_[A-Z0-9_]+)\}", lambda m: values[m.group(1)], text)


@contextlib.contextmanager
def nginx_proxy(app1_port: int, app2_port: int) -> Iterator[Proxy]:
    """nginx on a free loopback port in front of two replicas; yields its URL and access log."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (apt-get install nginx)")
    root = Path(tempfile.mkdtemp(prefix="dash-nginx-"))
    root.chmod(0o755)  # nginx's workers (user nobody when the master is root) write its temp folders
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (root / sub).mkdir(mode=0o777)
        (root / sub).chmod(0o777)
    port = free_port()
    site = nginx_config(f"127.0.0.1:{app1_port}", f"127.0.0.1:{app2_port}", f"127.0.0.1:{port}",
                        root / "access.log")
    (root / "dashboard.conf").write_text(site)
    (root / "nginx.conf").write_text(f"""
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 512; }}
http {{
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    include {root}/dashboard.conf;
}}
""")
    proc = subprocess.Popen([NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-g", "daemon off;"],
                            stdout=subprocess.DEVNULL, stderr=open(root / "stderr.log", "wb"),
                            stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        _wait_for_port(proc, port, root)
        yield Proxy(f"http://127.0.0.1:{port}", root / "access.log")
    finally:
        _stop(proc, signal.SIGQUIT)  # graceful: finish what is in flight
        shutil.rmtree(root, ignore_errors=True)


def _wait_for_port(proc: subprocess.Popen, port: int, root: Path) -> None:
    import socket

    deadline = time.monotonic() + START_TIMEOUT
    while True:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        if proc.poll() is not None or time.monotonic() > deadline:
            errors = "".join(p.read_text(errors="replace") for p in root.glob("*.log"))
            raise RuntimeError(f"nginx did not start:\n{errors[-3000:]}")
        time.sleep(0.1)
