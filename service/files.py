"""Reading an input file: a regular file only, and never more than a limit."""

from __future__ import annotations

import stat
from pathlib import Path

from service.errors import InvalidInput


def read_limited(path: Path, max_bytes: int, limit: str | None = None) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; one-line InvalidInput otherwise
    (`limit` words the limit in the message).

    A device (/dev/zero), a FIFO or a socket is refused before it is opened: reading one could
    grow without end or wait for ever."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InvalidInput(f"{path}: is a directory, expected a text file")
        if not stat.S_ISREG(mode):
            raise InvalidInput(f"{path}: not a regular file (a device, FIFO or socket)")
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InvalidInput(f"{path}: no such file") from None
    except OSError as error:
        raise InvalidInput(f"{path}: cannot read ({error.strerror})") from None
    if len(raw) > max_bytes:
        raise InvalidInput(f"{path}: over the limit of {limit or f'{max_bytes} bytes'}")
    return raw
