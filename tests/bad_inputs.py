"""The bad-input corpus: what hostile or broken input to send, shared by the CLI and API tests.

Pairs of readouts (`PAIRS`) run through both front ends; `API_ONLY` are requests only HTTP can
express (raw bytes, JSON shapes, query strings); `CLI_ONLY` are command lines. `ACCEPTED` are
odd but legitimate inputs that must be compared, not refused. Decisions made here hold for
every entry point: identical texts are allowed (everything is shared, nothing is one-sided),
HTML is kept as text and escaped wherever it is shown, other control characters than NUL are
kept in the text, NUL or any control character in a side label is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tests.conftest import RUBIO_CHO

US = (RUBIO_CHO / "us.txt").read_text(encoding="utf-8")
KR = (RUBIO_CHO / "kr.txt").read_text(encoding="utf-8")
SCRIPT = "<script>alert('x')</script>"
HTML_TEXT = f"{SCRIPT} The Secretary <b>welcomed</b> the talks on <i>trade</i> & security."
FIVE_MB = "The ministers met again. " * 210_000
LONG_LABEL = "S" * 17
TAG_SIDE = "<xss>US"  # a tag the templates never use themselves


@dataclass(frozen=True)
class Pair:
    """Two readouts sent as a JSON body and as two files with --sides; both must be refused."""

    name: str
    sides: tuple[str, str]
    texts: tuple[str, str]
    says: str  # a fragment of the message (the CLI's line, the API's problem detail)
    key: str | None = None  # the field the API's validation problem names, when the schema refuses
    date: str | None = None
    cli: bool = True  # False when a command line cannot carry it (NUL in an argument)

    def body(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "readouts": [
                {"side": s, "text": t} for s, t in zip(self.sides, self.texts, strict=True)
            ]
        }
        if self.date is not None:
            payload["date"] = self.date
        return payload


PAIRS = [
    Pair("empty readout", ("US", "KR"), ("", KR), "empty", "readouts[0].text"),
    Pair("whitespace-only readout", ("US", "KR"), (" \n\t\r\n  ", KR), "empty", "readouts[0].text"),
    Pair("same side twice", ("US", "US"), (US, KR), "different"),
    Pair("same side, other case", ("US", "us"), (US, KR), "different"),
    Pair("very long side label", (LONG_LABEL, "KR"), (US, KR), "16", "readouts[0].side"),
    Pair(
        "control character in a side label", ("U\x07S", "KR"), (US, KR), "side", "readouts[0].side"
    ),
    Pair("NUL in a side label", ("U\x00S", "KR"), (US, KR), "side", "readouts[0].side", cli=False),
    Pair("NUL in the text", ("US", "KR"), ("The Secretary met\x00 the Minister.", KR), "binary"),
    Pair("a 5 MB readout", ("US", "KR"), (FIVE_MB, KR), "limit"),
    Pair("10,000 one-word lines", ("US", "KR"), ("word\n" * 10_000, KR), "no readable"),
    Pair(
        "only emoji and zero-width spaces", ("US", "KR"), ("🙂🙂 \u200b\u200b", KR), "no readable"
    ),
    Pair("a date that is not a day", ("US", "KR"), (US, KR), "date", "date", "2025-02-30"),
    Pair("a date that is not a date", ("US", "KR"), (US, KR), "date", "date", "last Tuesday"),
]


@dataclass(frozen=True)
class Request:
    """One HTTP request that must get a 4xx problem+json and change nothing."""

    name: str
    method: str = "POST"
    path: str = "/api/comparisons"
    content: bytes | None = None
    content_type: str = "application/json"
    status: int | None = None  # the exact status when it matters; any 4xx otherwise


def _json(value: Any) -> bytes:
    return json.dumps(value).encode()


def _body(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {"readouts": [{"side": "US", "text": US}, {"side": "KR", "text": KR}]}
    payload.update(changes)
    return payload


API_ONLY = [
    Request("one readout", content=_json(_body(readouts=[{"side": "US", "text": US}]))),
    Request(
        "seven readouts",
        content=_json(
            _body(readouts=[{"side": f"S{n}", "text": "The ministers met."} for n in range(7)])
        ),
    ),
    Request("no readouts", content=_json(_body(readouts=[]))),
    Request("invalid JSON", content=b'{"readouts": [', status=400),
    Request("not JSON at all", content=b"readouts=US", status=400),
    Request("empty body", content=b"", status=400),
    Request("binary body", content=bytes(range(256)) * 4, status=400),
    Request(
        "non-UTF-8 bytes in a string", content=b'{"title": "caf\xe9", "readouts": []}', status=400
    ),
    Request(
        "latin-1 readout",
        content=b'{"readouts": [{"side": "US", "text": "caf\xe9."}, {"side": "KR", "text": "Yes."}]}',
        status=400,
    ),
    Request("lone surrogate escape", content=b'{"title": "\\ud800", "readouts": []}', status=400),
    Request("JSON null", content=b"null", status=400),
    Request("JSON array", content=b"[]", status=400),
    Request("readouts is a string", content=_json(_body(readouts="US vs KR")), status=400),
    Request(
        "text is a number",
        content=_json(_body(readouts=[{"side": "US", "text": 5}, {"side": "KR", "text": KR}])),
        status=400,
    ),
    Request("title is an object", content=_json(_body(title={"a": 1})), status=400),
    Request("date is a number", content=_json(_body(date=20250731)), status=400),
    Request("unknown top-level field", content=_json(_body(extra=True)), status=400),
    Request(
        "unknown readout field",
        content=_json(
            _body(readouts=[{"side": "US", "text": US, "lang": "en"}, {"side": "KR", "text": KR}])
        ),
        status=400,
    ),
    Request(
        "side missing",
        content=_json(_body(readouts=[{"text": US}, {"side": "KR", "text": KR}])),
        status=400,
    ),
    Request(
        "javascript: url",
        content=_json(
            _body(
                readouts=[
                    {"side": "US", "text": US, "url": "javascript:alert(1)"},
                    {"side": "KR", "text": KR},
                ]
            )
        ),
        status=400,
    ),
    Request("title too long", content=_json(_body(title="t" * 301)), status=400),
    Request(
        "form body to the JSON endpoint",
        content=b"side_a=US",
        content_type="application/x-www-form-urlencoded",
    ),
    Request(
        "body over the byte limit", content=b'{"title": "' + b"x" * 2_000_000 + b'"}', status=413
    ),
    Request("unknown comparison id", "GET", "/api/comparisons/0123456789abcdef", status=404),
    Request("id with odd characters", "GET", "/api/comparisons/%3Cscript%3E%00", status=404),
    Request("very long id", "GET", "/api/comparisons/" + "x" * 4000, status=404),
    Request("delete an unknown id", "DELETE", "/api/comparisons/0123456789abcdef", status=404),
    Request("page size 0", "GET", "/api/comparisons?limit=0", status=400),
    Request("page size over the cap", "GET", "/api/comparisons?limit=101", status=400),
    Request("page size not a number", "GET", "/api/comparisons?limit=ten", status=400),
    Request("negative offset", "GET", "/api/comparisons?offset=-1", status=400),
    Request(
        "offset past SQLite's integers", "GET", "/api/comparisons?offset=" + "9" * 30, status=400
    ),
    Request("date filter not a day", "GET", "/api/comparisons?date_from=2025-02-30", status=400),
    Request("empty text filter", "GET", "/api/comparisons?text=", status=400),
    Request("method not allowed", "PUT", "/api/comparisons", status=405),
]


@dataclass(frozen=True)
class Command:
    """A command line that must exit 2 with one line on stderr; `files` are written first."""

    name: str
    args: list[str]
    says: str
    files: dict[str, bytes] = field(default_factory=dict)


_PAIR_FILES = {"us.txt": US.encode(), "kr.txt": KR.encode()}

CLI_ONLY = [
    Command("one readout", ["compare", "us.txt"], "2 to 6 readouts", _PAIR_FILES),
    Command(
        "the same side twice",
        ["compare", "us.txt", "kr.txt", "us.txt"],
        "need different sides",
        _PAIR_FILES,
    ),
    Command("missing file", ["compare", "nowhere.txt", "kr.txt"], "no such file", _PAIR_FILES),
    Command("a folder for a file", ["compare", ".", "kr.txt"], "directory", _PAIR_FILES),
    Command(
        "non-UTF-8 file",
        ["compare", "latin1.txt", "kr.txt"],
        "not UTF-8",
        {**_PAIR_FILES, "latin1.txt": "Caf\xe9 talks. The ministers met.".encode("latin-1")},
    ),
    Command(
        "binary file",
        ["compare", "blob.bin", "kr.txt"],
        "not UTF-8",
        {**_PAIR_FILES, "blob.bin": bytes(range(256)) * 16},
    ),
    Command(
        "a huge file is refused unread",
        ["compare", "huge.txt", "kr.txt"],
        "limit",
        {**_PAIR_FILES, "huge.txt": b"The ministers met. " * 30_000},
    ),
    Command(
        "--sides with one label",
        ["compare", "us.txt", "kr.txt", "--sides", "US"],
        "--sides",
        _PAIR_FILES,
    ),
    Command(
        "unknown format",
        ["compare", "us.txt", "kr.txt", "--format", "xml"],
        "invalid choice",
        _PAIR_FILES,
    ),
    Command("unknown command", ["frobnicate"], "invalid choice"),
    Command("batch: no such file", ["batch", "nowhere.jsonl", "--out", "out"], "no such file"),
    Command(
        "batch: empty file",
        ["batch", "empty.jsonl", "--out", "out"],
        "no meetings",
        {"empty.jsonl": b""},
    ),
    Command(
        "batch: invalid JSON on every line",
        ["batch", "bad.jsonl", "--out", "out"],
        "not a JSON-lines file",
        {"bad.jsonl": b"{not json\nreadouts: US, KR\n"},
    ),
    Command(
        "batch: binary file",
        ["batch", "blob.jsonl", "--out", "out"],
        "not UTF-8",
        {"blob.jsonl": bytes(range(256)) * 16},
    ),
    Command("batch: chunk 0", ["batch", "x.jsonl", "--out", "out", "--chunk", "0"], "--chunk"),
]


@dataclass(frozen=True)
class Accepted:
    """Odd but legitimate: compared by every front end, never refused."""

    name: str
    sides: tuple[str, str]
    texts: tuple[str, str]
    title: str | None = None


ACCEPTED = [
    Accepted("identical texts", ("US", "KR"), (US, US)),
    Accepted(
        "no sentence end",
        ("US", "KR"),
        ("the ministers discussed trade and security and agreed to meet again soon", KR),
    ),
    Accepted(
        "HTML and <script> in text, side and title", (TAG_SIDE, "KR"), (HTML_TEXT, KR), title=SCRIPT
    ),
    Accepted(
        "control characters other than NUL",
        ("US", "KR"),
        ("\x07The Secretary\x1b[31m met the Minister.\x0c They discussed trade.\x7f", KR),
    ),
    Accepted("side labels of 16 characters", ("S" * 16, "K" * 16), (US, KR)),
]
