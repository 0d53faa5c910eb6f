"""docs/architecture.md stays true to the code: it names every module, and every file it names exists.

The doc is read by its sections: a heading that names a folder (`## service/batch`) makes the
section's file names relative to it (`trends/topics.py`, `journal.py`). A module is named in the
deepest section whose folder holds it. An `__init__.py` that only re-exports need not be named.
Paths in README.md and the other docs, from the repository root or from the package's rooms
(`api/defences/auth.py`), must exist too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOC = ROOT / "docs" / "architecture.md"
ROOTS = ("service/", "tests/", "bench/", "evaluation/", "docs/", "fixtures/")
_HEADING = re.compile(r"^(#{1,3}) (.*)$")
_FOLDER = re.compile(r"\bservice(?:/\w+)*")
# A file name as the doc writes it: `judge.py`, `trends/topics.py`, `service/cli.py`.
_FILE = re.compile(r"(?<![\w/.<>-])((?:[\w.-]+/)*\w+\.py)\b")
_ROOTED = re.compile(r"(?<![\w/.-])((?:service|tests|bench|evaluation)/[\w/.-]*\w\.py)\b")
# The docs also name the package's modules from its rooms down: `api/defences/auth.py`.
_SHORT = re.compile(r"(?<![\w/.-])((?:api|batch|pipeline|render|store|fetch)/[\w/.-]*\w\.py)\b")
# ... and the pipeline's rooms by their own names: `readings/level.py`, `languages/morph.py`.
_STAGE = re.compile(r"(?<![\w/.-])((?:classify|embed|languages|readings)/[\w/.-]*\w\.py)\b")


def sections(text: str) -> list[tuple[str | None, str]]:
    """(folder, body) per heading; the folder is the first service path in the heading, if any."""
    found: list[tuple[str | None, str]] = []
    folder: str | None = None
    body: list[str] = []
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        heading = None if fenced else _HEADING.match(line)
        if heading:
            found.append((folder, "\n".join(body)))
            named = _FOLDER.search(heading.group(2))
            folder, body = (named.group(0) if named else None), []
        elif not fenced:
            body.append(line)
    found.append((folder, "\n".join(body)))
    return found


def modules() -> list[Path]:
    """Every module of the package, less the `__init__.py` files that define nothing."""
    found = []
    for path in sorted((ROOT / "service").rglob("*.py")):
        if path.name == "__init__.py":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            if not any(isinstance(n, ast.FunctionDef | ast.ClassDef) for n in tree.body):
                continue
        found.append(path.relative_to(ROOT))
    return found


def unnamed(text: str, paths: list[Path]) -> list[str]:
    """The modules no section names, each looked for in the deepest section over its folder."""
    by_folder: dict[str, str] = {}
    for folder, body in sections(text):
        if folder is not None:
            by_folder[folder] = by_folder.get(folder, "") + "\n" + body
    missing = []
    for path in paths:
        owners = [f for f in by_folder if path.as_posix().startswith(f + "/")]
        if not owners:
            missing.append(path.as_posix())
            continue
        owner = max(owners, key=len)
        relative = path.as_posix()[len(owner) + 1 :]
        if not re.search(r"(?<![\w/.-])" + re.escape(relative) + r"\b", by_folder[owner]):
            missing.append(path.as_posix())
    return missing


def absent(text: str, root: Path) -> list[str]:
    """The file names a section gives that exist neither under its folder nor from the root."""
    missing = []
    for folder, body in sections(text):
        for name in _FILE.findall(body):
            places = [root / name]
            if folder is not None:
                places.append(root / folder / name)
            if not any(place.is_file() for place in places):
                missing.append(f"{folder or '.'}: {name}")
    return missing


def test_every_module_is_named_in_the_architecture() -> None:
    missing = unnamed(DOC.read_text(encoding="utf-8"), modules())
    assert missing == [], f"docs/architecture.md does not name {missing}"


def test_every_file_the_architecture_names_exists() -> None:
    missing = absent(DOC.read_text(encoding="utf-8"), ROOT)
    assert missing == [], f"docs/architecture.md names files that do not exist: {missing}"


@pytest.mark.parametrize(
    "doc", ["README.md", *sorted(p.name for p in (ROOT / "docs").glob("*.md"))], ids=str
)
def test_every_path_a_doc_names_exists(doc: str) -> None:
    path = ROOT / doc if doc == "README.md" else ROOT / "docs" / doc
    text = path.read_text(encoding="utf-8")
    # A short name may be a module or its test: `classify/judge.py`, `classify/test_judge.py`.
    named = [[name] for name in _ROOTED.findall(text)]
    named += [[f"service/{n}", f"tests/{n}"] for n in _SHORT.findall(text)]
    named += [[f"service/pipeline/{n}", f"tests/pipeline/{n}"] for n in _STAGE.findall(text)]
    missing = sorted(
        {places[0] for places in named if not any((ROOT / p).is_file() for p in places)}
    )
    assert missing == [], f"{doc} names files that do not exist: {missing}"


def test_a_module_left_out_and_a_moved_file_are_found(tmp_path: Path) -> None:
    doc = "# A\n## service/batch\n`items.py`, `trends/topics.py` and `gone.py`.\n"
    (tmp_path / "service" / "batch" / "trends").mkdir(parents=True)
    for name in ("items.py", "trends/topics.py", "inputs.py"):
        (tmp_path / "service" / "batch" / name).write_text('"""A module."""\n')
    paths = [Path("service/batch") / n for n in ("items.py", "trends/topics.py", "inputs.py")]
    assert unnamed(doc, paths) == ["service/batch/inputs.py"]
    assert absent(doc, tmp_path) == ["service/batch: gone.py"]


def test_a_name_in_a_parent_section_does_not_count_for_a_sub_room() -> None:
    doc = "## service/batch\n`topics.py`\n### service/batch/trends\nnothing here\n"
    assert unnamed(doc, [Path("service/batch/trends/topics.py")]) == [
        "service/batch/trends/topics.py"
    ]
