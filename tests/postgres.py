"""A throwaway PostgreSQL server for the tests: Debian's binaries, initdb in a temporary folder.

initdb and the server refuse to run as root, so as root they run as `nobody` (runuser). Without
the binaries the PostgreSQL tests skip, unless READOUT_DIFF_REQUIRE_POSTGRES=1 (set by .ci/run).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

REQUIRED = os.environ.get("READOUT_DIFF_REQUIRE_POSTGRES") == "1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def binaries() -> Path | None:
    """The newest PostgreSQL bin folder on this machine (Debian layout, or PATH)."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4])
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def unavailable(reason: str) -> None:
    """Skip, or fail where CI requires PostgreSQL."""
    if REQUIRED:
        pytest.fail(f"READOUT_DIFF_REQUIRE_POSTGRES=1 but {reason}")
    pytest.skip(reason)


@dataclass
class PostgresServer:
    folder: Path
    bin: Path
    port: int
    as_user: list[str]

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def new_database(self) -> str:
        """A fresh, empty database on the server; returns its URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run(
            [*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"),
             "-m", "immediate", "stop"],
            capture_output=True, check=False, timeout=60,
        )  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> PostgresServer:
    """initdb, then pg_ctl start on a free loopback port; raises when it cannot."""
    bin_dir = binaries()
    if bin_dir is None:
        raise FileNotFoundError("no PostgreSQL binaries (apt-get install postgresql)")
    root = os.geteuid() == 0
    # As root, in /tmp itself: `nobody` must be able to reach the folder (TMPDIR may be 0700).
    folder = Path(tempfile.mkdtemp(prefix="readout-diff-pg-", dir="/tmp" if root else None))
    as_user: list[str] = []
    if root:  # initdb and postgres refuse root
        nobody = pwd.getpwnam("nobody")
        os.chown(folder, nobody.pw_uid, nobody.pw_gid)
        as_user = ["runuser", "-u", "nobody", "--"]
    data, port = folder / "data", _free_port()

    def run(*command: str) -> None:
        done = subprocess.run([*as_user, *command], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {done.stdout[-1500:]}{done.stderr[-1500:]}")

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
        "-E", "UTF8", "--locale=C", "--no-sync")  # fmt: skip
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories=''"
        " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    )
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w",
        "-t", "60", "-o", options, "start")  # fmt: skip
    return PostgresServer(folder, bin_dir, port, as_user)


def dump(url: str) -> list[str]:
    """Every row of every table as JSON, sorted: equal before and after means nothing changed."""
    import psycopg

    with psycopg.connect(url) as connection:
        tables = connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
        rows: list[str] = []
        for (table,) in tables:
            found = connection.execute(
                f"SELECT row_to_json(t)::text AS r FROM {table} t ORDER BY r"
            ).fetchall()
            rows += [f"{table}: {row}" for (row,) in found]
    return rows
