"""Settings in one place, read from the environment."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

from service.errors import InvalidInput

MAX_FAKE_DELAY = 60.0


def _env_delay(name: str) -> float:
    """Seconds between 0 and MAX_FAKE_DELAY; anything else is a clear error, not a silent 0."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0.0 <= value <= MAX_FAKE_DELAY:
        raise InvalidInput(f"{name} must be seconds between 0 and {MAX_FAKE_DELAY:g}, got {raw!r}")
    return value


DEFAULT_ENCODER = "minilm-onnx-int8"
# Meetings whose claims a batch sends to the encoder in one call.
DEFAULT_BATCH_CHUNK = 16
# Seconds a service instance holds a batch without renewing; after a crash another instance
# takes the batch over this long after the last renewal (renewed every third of it).
DEFAULT_BATCH_LEASE = 15.0


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw and raw.strip().isdigit() else default


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if raw in {"0", "false", "no", "off"}:
        return False
    if raw in {"1", "true", "yes", "on"}:
        return True
    return default


def _env_seconds(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not 0.5 <= value <= 3600:
        raise InvalidInput(f"{name} must be seconds between 0.5 and 3600, got {raw!r}")
    return value


def _env_database_url() -> str | None:
    raw = os.environ.get("READOUT_DIFF_DATABASE_URL", "").strip()
    if raw and not raw.startswith(("postgresql://", "postgres://")):
        raise InvalidInput(f"READOUT_DIFF_DATABASE_URL must be a postgresql:// URL, got {raw!r}")
    return raw or None


def _env_hosts(name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    """Comma-separated host names (no ports, IPv6 without brackets); unset, the default."""
    names = [h.strip().strip("[]").lower() for h in os.environ.get(name, "").split(",")]
    for host in filter(None, names):
        if host != "*" and ("*" in host.removeprefix("*.") or "/" in host):
            raise InvalidInput(
                f"{name}: {host!r} is not a host name (a name, *.domain, or * for any)"
            )
    return tuple(filter(None, names)) or default


def _has_port(host: str) -> bool:
    """ "example.org:8080" names a port; an IPv6 address ("::1") only looks like it does."""
    if ":" not in host:
        return False
    try:
        ipaddress.IPv6Address(host)
    except ValueError:
        return True
    return False


def _env_fetch_hosts() -> tuple[str, ...]:
    """READOUT_DIFF_FETCH_HOSTS: host names or addresses, `*.domain`, or `*` (any public host)."""
    names = [
        h.strip().lower().strip("[]")
        for h in os.environ.get("READOUT_DIFF_FETCH_HOSTS", "").split(",")
        if h.strip()
    ]
    for host in names:
        if host != "*" and ("*" in host.removeprefix("*.") or "/" in host or _has_port(host)):
            raise InvalidInput(
                f"READOUT_DIFF_FETCH_HOSTS: {host!r} is not a host name (no ports or paths;"
                " wildcards only as * or *.domain)"
            )
    return tuple(names)


EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "pairs"


@dataclass(frozen=True)
class Settings:
    """Everything configurable about readout-diff; build with `Settings.from_env()`."""

    data_dir: Path = field(default_factory=lambda: Path("data"))
    # The int8 ONNX export of all-MiniLM-L6-v2: the same calibrated quality at a fraction of
    # the torch model's load time and memory (docs/performance.md); `minilm` stays.
    encoder: str = DEFAULT_ENCODER
    # Embeds any pair that is not English on both sides when `encoder` reads English only.
    multilingual_encoder: str = "use"
    api_token: str | None = None
    max_readout_chars: int = 100_000
    host: str = "127.0.0.1"
    port: int = 8000
    examples: bool = True
    examples_dir: Path = EXAMPLES_DIR
    max_body_bytes: int = 1_000_000
    # A batch body (POST /api/batches, the batch form) carries many readouts: its own limit,
    # read once at import as the routes are declared.
    max_batch_bytes: int = 64_000_000
    # Seconds the `fake-slow` encoder sleeps per call (tests of interrupted batches).
    fake_delay: float = 0.0
    batch_chunk: int = DEFAULT_BATCH_CHUNK
    batch_lease: float = DEFAULT_BATCH_LEASE
    # `postgresql://…` stores everything in PostgreSQL (several instances may share it);
    # unset, the SQLite file under data_dir.
    database_url: str | None = None
    database_pool: int = 10
    # A Ray cluster (its GCS address, HOST:6379) that runs the service's batches; unset, in-process.
    ray_address: str | None = None
    # The Host headers answered (a port is ignored; "*.example.org" allows subdomains, "*"
    # any name, as behind a proxy that checks it): any other name is refused, so that a
    # DNS-rebinding page cannot read the reports.
    allowed_hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")
    # How deep a JSON body may nest: a comparison needs 3, a batch 4.
    max_json_depth: int = 32
    # Seconds a client may take to send its whole request body.
    body_timeout: float = 60.0
    # Requests with a body over max_body_bytes (batches) read at once; more wait their turn,
    # so that parallel uploads cannot add their sizes up in memory.
    large_bodies: int = 1
    # Batches waiting or running, and their items not yet done, across the service.
    max_queued_batches: int = 50
    max_queued_items: int = 4000
    # Hosts the service may fetch readouts from (`*`: any public address); empty, fetching is
    # off in the service. Loopback, private and link-local addresses only when named.
    fetch_hosts: tuple[str, ...] = ()
    fetch_max_bytes: int = 2_000_000
    fetch_timeout: float = 10.0
    fetch_redirects: int = 5
    # The embedding cache file is trimmed to about this many megabytes, least recently used first.
    cache_max_mb: int = 64

    @classmethod
    def from_env(cls) -> Settings:
        default = cls()  # each default is written once, in the fields above
        env = os.environ.get
        return cls(
            data_dir=Path(env("READOUT_DIFF_DATA", str(default.data_dir))),
            encoder=env("READOUT_DIFF_ENCODER", default.encoder),
            multilingual_encoder=env(
                "READOUT_DIFF_MULTILINGUAL_ENCODER", default.multilingual_encoder
            ),
            api_token=env("READOUT_DIFF_API_TOKEN") or None,
            max_readout_chars=_env_int("READOUT_DIFF_MAX_READOUT_CHARS", default.max_readout_chars),
            examples=_env_bool("READOUT_DIFF_EXAMPLES", default.examples),
            examples_dir=Path(env("READOUT_DIFF_EXAMPLES_DIR") or default.examples_dir),
            max_body_bytes=_env_int("READOUT_DIFF_MAX_BODY_BYTES", default.max_body_bytes),
            max_batch_bytes=_env_int("READOUT_DIFF_MAX_BATCH_BYTES", default.max_batch_bytes),
            host=env("READOUT_DIFF_HOST") or default.host,
            port=_env_int("READOUT_DIFF_PORT", default.port),
            fake_delay=_env_delay("READOUT_DIFF_FAKE_DELAY"),
            batch_chunk=max(1, _env_int("READOUT_DIFF_BATCH_CHUNK", default.batch_chunk)),
            batch_lease=_env_seconds("READOUT_DIFF_BATCH_LEASE", default.batch_lease),
            database_url=_env_database_url(),
            database_pool=max(1, _env_int("READOUT_DIFF_DATABASE_POOL", default.database_pool)),
            ray_address=env("READOUT_DIFF_RAY_ADDRESS", "").strip() or None,
            allowed_hosts=_env_hosts("READOUT_DIFF_ALLOWED_HOSTS", default.allowed_hosts),
            max_json_depth=max(3, _env_int("READOUT_DIFF_MAX_JSON_DEPTH", default.max_json_depth)),
            body_timeout=_env_seconds("READOUT_DIFF_BODY_TIMEOUT", default.body_timeout),
            large_bodies=max(1, _env_int("READOUT_DIFF_LARGE_BODIES", default.large_bodies)),
            max_queued_batches=max(
                1, _env_int("READOUT_DIFF_MAX_QUEUED_BATCHES", default.max_queued_batches)
            ),
            max_queued_items=max(
                1, _env_int("READOUT_DIFF_MAX_QUEUED_ITEMS", default.max_queued_items)
            ),
            cache_max_mb=max(1, _env_int("READOUT_DIFF_CACHE_MB", default.cache_max_mb)),
            fetch_hosts=_env_fetch_hosts(),
            fetch_max_bytes=max(
                1000, _env_int("READOUT_DIFF_FETCH_MAX_BYTES", default.fetch_max_bytes)
            ),
            fetch_timeout=_env_seconds("READOUT_DIFF_FETCH_TIMEOUT", default.fetch_timeout),
            fetch_redirects=min(
                20, _env_int("READOUT_DIFF_FETCH_REDIRECTS", default.fetch_redirects)
            ),
        )

    @property
    def database_path(self) -> Path:
        return self.data_dir / "readout-diff.sqlite"

    @property
    def database(self) -> Path | str:
        """What `Store` opens: the PostgreSQL URL when one is set, else the SQLite file."""
        return self.database_url or self.database_path

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "embeddings.sqlite"
