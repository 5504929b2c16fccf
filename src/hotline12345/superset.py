"""Apache Superset on the warehouse: a fresh home, the committed dashboard bundle, a local server.

Superset lives in its own virtual environment (`target/venv-superset`, from
`bi/superset/requirements.txt`; under target/ so that copies of the project
skip its 880 MB); this module only runs its `superset` command
and talks to the server over its REST API, so the project's environment never
imports Superset.

    python -m hotline12345.superset serve --warehouse warehouse/hotline12345.duckdb

creates `target/superset` anew (`superset db upgrade`, `superset init`, an
admin with a random password), starts the server on 127.0.0.1, imports
`bi/superset/bundle` with the warehouse's absolute path filled into the
read-only connection, refreshes every dataset's columns (and with them the
column comments the warehouse stores) and serves until interrupted.
"""

from __future__ import annotations

import argparse
import io
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import requests

from hotline12345.project import Project

ADMIN_USER = "admin"
BUNDLE_ROOT = "hotline12345_dashboard"
WAREHOUSE_PLACEHOLDER = "{{ WAREHOUSE_PATH }}"
HOST = "127.0.0.1"


class SupersetError(RuntimeError):
    """Superset could not be set up, started or asked."""


def read_only_uri(warehouse: Path) -> str:
    """The SQLAlchemy URI Superset (or any duckdb_engine tool) opens the warehouse with: read-only."""
    return f"duckdb:///{warehouse.resolve()}?access_mode=read_only"


@dataclass(frozen=True)
class SupersetHome:
    """Where Superset's venv, home (metadata database, config, logs) and the committed bundle are."""

    project_root: Path
    home: Path
    venv: Path

    @classmethod
    def for_project(cls, project: Project, home: Path | None = None, venv: Path | None = None) -> SupersetHome:
        return cls(
            project_root=project.root,
            home=(home or project.root / "target" / "superset").resolve(),
            venv=(venv or project.root / "target" / "venv-superset").resolve(),
        )

    @property
    def superset_command(self) -> Path:
        return self.venv / "bin" / "superset"

    @property
    def config_path(self) -> Path:
        return self.home / "superset_config.py"

    @property
    def bundle_dir(self) -> Path:
        return self.project_root / "bi" / "superset" / "bundle"

    @property
    def password_file(self) -> Path:
        return self.home / "admin_password"

    @property
    def server_log(self) -> Path:
        return self.home / "server.log"

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            SUPERSET_HOME=str(self.home),
            SUPERSET_CONFIG_PATH=str(self.config_path),
            FLASK_APP="superset",
            SCARF_ANALYTICS="False",
            PYTHONUNBUFFERED="1",
        )
        return env

    def admin_password(self) -> str:
        return self.password_file.read_text(encoding="utf-8").strip()

    def run(self, *arguments: str) -> None:
        """Run `superset <arguments>` in this home; raise with its output if it fails."""
        if not self.superset_command.is_file():
            raise SupersetError(f"{self.superset_command} is missing: run `make superset-venv` first")
        done = subprocess.run(
            [str(self.superset_command), *arguments],
            env=self.environment(),
            cwd=self.home,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SupersetError(
                f"superset {' '.join(arguments[:2])} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
            )

    def create(self) -> None:
        """A fresh home: config with a new secret key, the metadata database migrated, roles, an admin."""
        if self.home.exists():
            shutil.rmtree(self.home)
        self.home.mkdir(parents=True)
        self.config_path.write_text(_config_text(self.home, secrets.token_urlsafe(48)), encoding="utf-8")
        self.password_file.write_text(secrets.token_urlsafe(12) + "\n", encoding="utf-8")
        self.password_file.chmod(0o600)
        self.run("db", "upgrade")
        self.run("init")
        self.run(
            "fab",
            "create-admin",
            "--username",
            ADMIN_USER,
            "--firstname",
            "Hotline",
            "--lastname",
            "Admin",
            "--email",
            "admin@localhost",
            "--password",
            self.admin_password(),
        )


def _config_text(home: Path, secret_key: str) -> str:
    return f'''"""Superset configuration written by hotline12345.superset; local use only."""

SECRET_KEY = {secret_key!r}
SQLALCHEMY_DATABASE_URI = {"sqlite:///" + str(home / "superset.db")!r}
# No telemetry, no calls home.
SCARF_ANALYTICS = False
# Results and thumbnails stay in process; nothing else to run.
CACHE_CONFIG = {{"CACHE_TYPE": "SimpleCache"}}
DATA_CACHE_CONFIG = {{"CACHE_TYPE": "NullCache"}}
FEATURE_FLAGS = {{"DASHBOARD_RBAC": False}}
SQLLAB_TIMEOUT = 60
# Nothing from outside the server: Superset's own policy lets the menu load a
# tracking pixel (its frontend renders it whatever SCARF_ANALYTICS says),
# map tiles and fonts from elsewhere; this one keeps the browser on 127.0.0.1.
TALISMAN_ENABLED = True
TALISMAN_CONFIG = {{
    "content_security_policy": {{
        "base-uri": ["'self'"],
        "default-src": ["'self'"],
        "img-src": ["'self'", "blob:", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": "'none'",
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'", "data:"],
        "script-src": ["'self'", "'strict-dynamic'"],
    }},
    "content_security_policy_nonce_in": ["script-src"],
    "force_https": False,
    "session_cookie_secure": False,
}}
'''


def bundle_zip(bundle_dir: Path, warehouse: Path) -> bytes:
    """The committed bundle as the ZIP Superset imports, the warehouse's read-only URI filled in."""
    files = sorted(path for path in bundle_dir.rglob("*.yaml") if path.is_file())
    if not files:
        raise SupersetError(f"no bundle files under {bundle_dir}")
    uri_path = str(warehouse.resolve())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            text = path.read_text(encoding="utf-8")
            if path.name == "metadata.yaml" and path.parent == bundle_dir:
                text = text.replace("{{ TIMESTAMP }}", datetime.now(UTC).isoformat())
            text = text.replace(WAREHOUSE_PLACEHOLDER, uri_path)
            archive.writestr(f"{BUNDLE_ROOT}/{path.relative_to(bundle_dir).as_posix()}", text)
    return buffer.getvalue()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class SupersetClient:
    """Superset's REST API as the admin: login, CSRF token, JSON in and out."""

    def __init__(self, base_url: str, password: str, user: str = ADMIN_USER) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.trust_env = False  # never through a proxy: the server is on loopback
        answer = self.session.post(
            f"{self.base_url}/api/v1/security/login",
            json={"username": user, "password": password, "provider": "db", "refresh": True},
            timeout=30,
        )
        _raise_for(answer, "login")
        token = str(answer.json()["access_token"])
        self.session.headers["Authorization"] = f"Bearer {token}"
        csrf = self.session.get(f"{self.base_url}/api/v1/security/csrf_token/", timeout=30)
        _raise_for(csrf, "csrf token")
        self.session.headers["X-CSRFToken"] = str(csrf.json()["result"])
        self.session.headers["Referer"] = self.base_url

    def request(self, method: str, path: str, *, expect: Sequence[int] = (200,), **kwargs: Any) -> dict[str, Any]:
        answer = self.session.request(method, f"{self.base_url}{path}", timeout=120, **kwargs)
        if answer.status_code not in expect:
            raise SupersetError(f"{method} {path}: HTTP {answer.status_code}: {answer.text[:2000]}")
        return cast(dict[str, Any], answer.json())

    def get(self, path: str, **kwargs: Any) -> dict[str, Any]:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> dict[str, Any]:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> dict[str, Any]:
        return self.request("PUT", path, **kwargs)

    def listing(self, resource: str) -> list[dict[str, Any]]:
        """Every row of /api/v1/<resource>/ (one page of 100 is plenty here)."""
        query = "(page:0,page_size:100)"
        return cast(list[dict[str, Any]], self.get(f"/api/v1/{resource}/?q={query}")["result"])

    def import_dashboard(self, bundle: bytes) -> None:
        self.post(
            "/api/v1/dashboard/import/",
            files={"formData": (f"{BUNDLE_ROOT}.zip", bundle, "application/zip")},
            data={"overwrite": "true"},
        )

    def refresh_datasets(self) -> list[int]:
        """Read every dataset's columns (names, types, comments) from the warehouse again."""
        ids = [int(row["id"]) for row in self.listing("dataset")]
        for dataset_id in ids:
            self.put(f"/api/v1/dataset/{dataset_id}/refresh")
        return ids

    def sql(self, database_id: int, sql: str, limit: int = 10_000) -> dict[str, Any]:
        """Run a statement in SQL Lab synchronously; `limit` stops SQL Lab replacing the statement's own LIMIT."""
        return self.post(
            "/api/v1/sqllab/execute/",
            json={"database_id": database_id, "sql": sql, "runAsync": False, "queryLimit": limit},
            expect=(200, 400, 403, 422, 500),
        )


def _raise_for(answer: requests.Response, what: str) -> None:
    if answer.status_code != 200:
        raise SupersetError(f"{what}: HTTP {answer.status_code}: {answer.text[:2000]}")


class SupersetServer:
    """One `superset run` process on 127.0.0.1, in its own process group so that stop() ends all of it."""

    def __init__(self, home: SupersetHome, port: int) -> None:
        self.home = home
        self.port = port
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 180) -> None:
        log = self.home.server_log.open("ab")
        self.process = subprocess.Popen(
            [str(self.home.superset_command), "run", "-h", HOST, "-p", str(self.port), "--with-threads"],
            env=self.home.environment(),
            cwd=self.home.home,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SupersetError(f"superset exited with {self.process.returncode}; see {self.home.server_log}")
            try:
                if requests.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(1)
        self.stop()
        raise SupersetError(f"superset did not answer on {self.url} within {timeout:.0f} s")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)
        except ProcessLookupError:
            pass

    def client(self) -> SupersetClient:
        return SupersetClient(self.url, self.home.admin_password())


@contextmanager
def running_superset(home: SupersetHome, warehouse: Path, port: int | None = None) -> Iterator[SupersetServer]:
    """A fresh home, a started server with the dashboard imported and datasets refreshed; stopped on exit."""
    if not warehouse.is_file():
        raise SupersetError(f"no warehouse at {warehouse}: build one first")
    home.create()
    server = SupersetServer(home, port or free_port())
    try:
        server.start()
        client = server.client()
        client.import_dashboard(bundle_zip(home.bundle_dir, warehouse))
        client.refresh_datasets()
        yield server
    finally:
        server.stop()


def _dashboard_urls(client: SupersetClient) -> Mapping[str, str]:
    return {str(row["dashboard_title"]): f"{client.base_url}{row['url']}" for row in client.listing("dashboard")}


def _interrupt(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hotline12345.superset", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["serve", "bundle"], help="serve: start Superset; bundle: write the ZIP")
    parser.add_argument("--warehouse", type=Path, default=None, help="the warehouse file (default: the published one)")
    parser.add_argument("--port", type=int, default=8088, help="port on 127.0.0.1 (default 8088)")
    parser.add_argument("--out", type=Path, default=None, help="bundle: where to write the ZIP")
    arguments = parser.parse_args(argv)
    project = Project.discover()
    warehouse = (arguments.warehouse or project.published_database()).resolve()
    home = SupersetHome.for_project(project)
    if arguments.command == "bundle":
        out = arguments.out or project.root / "target" / f"{BUNDLE_ROOT}.zip"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(bundle_zip(home.bundle_dir, warehouse))
        print(f"wrote {out}")
        return 0
    # Ctrl-C and `kill` both stop the server (a shell may start this with SIGINT ignored).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    print(f"creating a fresh Superset home in {home.home} …", flush=True)
    try:
        with running_superset(home, warehouse, arguments.port) as server:
            for title, url in _dashboard_urls(server.client()).items():
                print(f"{title}: {url}")
            print(f"log in as {ADMIN_USER} / {home.admin_password()} (also in {home.password_file})")
            print(f"warehouse (read-only): {warehouse}; Ctrl-C stops the server", flush=True)
            while server.process is not None and server.process.poll() is None:
                time.sleep(1)
    except KeyboardInterrupt:
        print("Superset stopped", file=sys.stderr)
        return 0
    print(f"Superset exited; see {home.server_log}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = [
    "SupersetClient",
    "SupersetError",
    "SupersetHome",
    "SupersetServer",
    "bundle_zip",
    "read_only_uri",
    "running_superset",
]
