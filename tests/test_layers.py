"""The layers of docs/architecture.md: every import points down, and sibling rooms stay apart."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "service"
# The web layer and the command line sit on top: only they may import the web layer.
TOP = ("service.api", "service.cli")
# Bottom to top; a module may import its own layer and those below (docs/architecture.md).
LAYERS = (
    ("the floor", "errors settings files commands database allocator"),
    ("the pipeline", "pipeline validate"),
    ("beside the pipeline", "store render fetch runtime"),
    ("the services", "comparisons kept_history meetings wire batch"),
    ("the entry points", "api cli db_command batch.command batch.progress"),
)
# Rooms that must not import the rooms named beside them: the store knows no pipeline, and the
# batch's sub-rooms meet only in what they all import (items, inputs) or in the entry points;
# the defences in front of every request know no route; the verdicts know nothing of what
# runs after them.
APART = {
    "store": "pipeline validate render fetch runtime",
    "batch.runners": "batch.folder batch.queue batch.trends",
    "batch.trends": "batch.folder batch.queue batch.runners",
    "batch.folder": "batch.queue",
    "batch.queue": "batch.folder",
    "api.defences": "api.app api.batch api.comparisons api.pages",
    "pipeline.classify": "pipeline.readings",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports() -> dict[str, set[str]]:
    """Each service module's imports of service modules, module-level and inside functions."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom) and node.module in modules and not node.level:
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    found.add(child if child in modules else node.module)
        graph[name] = found - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _is_top(module: str) -> bool:
    return any(module == top or module.startswith(top + ".") for top in TOP)


def _within(module: str, room: str) -> bool:
    if room == "service":  # the package's own __init__, not everything under it
        return module == room
    return module == room or module.startswith(room + ".")


def _room(module: str, rooms: tuple[str, ...]) -> str | None:
    """The deepest of the rooms that holds the module."""
    holding = [room for room in rooms if _within(module, room)]
    return max(holding, key=len) if holding else None


def _layer_rooms() -> dict[str, int]:
    rooms = {f"service.{name}": i for i, (_, names) in enumerate(LAYERS) for name in names.split()}
    return {**rooms, "service": len(LAYERS) - 1}  # the package's own __init__: its public face


def layer_of(module: str) -> int:
    rooms = _layer_rooms()
    room = _room(module, tuple(rooms))
    assert room is not None, f"{module} is in no layer of LAYERS: place it there and in the doc"
    return rooms[room]


def upward(graph: dict[str, set[str]]) -> dict[str, list[str]]:
    """Each module's imports of a higher layer than its own."""
    found = {
        module: sorted(t for t in targets if layer_of(t) > layer_of(module))
        for module, targets in graph.items()
    }
    return {module: targets for module, targets in found.items() if targets}


def crossings(graph: dict[str, set[str]]) -> dict[str, list[str]]:
    """Each module's imports of a room that its own room must keep apart from."""
    apart = {
        f"service.{room}": [f"service.{o}" for o in others.split()]
        for room, others in APART.items()
    }
    found: dict[str, list[str]] = {}
    for module, targets in graph.items():
        room = _room(module, tuple(apart))
        if room is None:
            continue
        bad = sorted(t for t in targets if any(_within(t, r) for r in apart[room]))
        if bad:
            found[module] = bad
    return found


def test_every_import_points_down_the_layers() -> None:
    assert upward(imports()) == {}


def test_sibling_rooms_keep_apart() -> None:
    assert crossings(imports()) == {}


def test_an_upward_import_and_a_crossing_are_found() -> None:
    graph = {
        "service.store.sqlite": {"service.errors", "service.pipeline.types"},
        "service.pipeline.align": {"service.api.app"},
        "service.batch.trends.topics": {"service.batch.queue.records", "service.batch.items"},
    }
    assert upward(graph) == {"service.pipeline.align": ["service.api.app"]}
    assert crossings(graph) == {
        "service.store.sqlite": ["service.pipeline.types"],
        "service.batch.trends.topics": ["service.batch.queue.records"],
    }


def test_no_import_cycle() -> None:
    assert cycles(imports()) == []


def test_only_the_web_layer_and_the_cli_import_the_web_layer() -> None:
    offenders = {
        module: sorted(t for t in targets if _is_top(t) and t.startswith("service.api"))
        for module, targets in imports().items()
        if not _is_top(module)
    }
    assert {m: t for m, t in offenders.items() if t} == {}


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_room_imports_another_room_s_private_names() -> None:
    """`from service.x.y import _name` only within one package: another room's private names
    are not its interface (batch once read classify's and en/terms.py's)."""
    crossing = []
    for name, path in _modules().items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("service"):
                source = str(node.module)
                private = [a.name for a in node.names if a.name.startswith("_")]
                if private and source.rpartition(".")[0] != package and source != package:
                    crossing.append(f"{name}: {source}.{', '.join(private)}")
    assert crossing == []


def test_encoders_are_used_through_their_protocol() -> None:
    """No reaching into a router or a cache for its models: `warm` and `routes` say it."""
    for path in (PACKAGE / "api" / "app.py", *(PACKAGE / "batch").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for attribute in ("english", "multilingual", "inner"):
            assert f'"{attribute}"' not in text, (path.name, attribute)
        assert "kiwi" not in text.lower() or path.name != "app.py"


def test_all_sql_is_in_the_store() -> None:
    """Statements live in service/store (and the database file tool, which checks SQLite's own
    tables): batch, embed and the rest go through the Store's methods."""
    statement = re.compile(r"\b(SELECT .+ FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b")
    outside = [
        name
        for name, path in _modules().items()
        if not name.startswith("service.store") and name != "service.database"
        and statement.search(path.read_text(encoding="utf-8"))
    ]  # fmt: skip
    assert outside == []
