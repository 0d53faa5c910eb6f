"""Read and write SemEval iSTS files: `.wa` chunk alignments and bracketed chunk files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from service.errors import InvalidInput

TYPES = ("EQUI", "OPPO", "SPE1", "SPE2", "SIMI", "REL", "NOALI", "ALIC")
_SENTENCE = re.compile(r'<sentence id="([^"]*)"')
_CHUNK = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Alignment:
    """One chunk-to-chunk alignment; token ids are 1-based, `(0,)` marks an unaligned side."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    types: tuple[str, ...]
    score: float | None
    comment: str = ""


@dataclass
class Pair:
    """One sentence pair: its tokens on both sides and its alignments."""

    id: str
    left: list[str]
    right: list[str]
    alignments: list[Alignment] = field(default_factory=list)


def parse_alignment(line: str) -> Alignment:
    """Parse `1 2 <==> 3 // EQUI // 5 // comment` into an Alignment."""
    parts = line.split("//")
    if len(parts) < 3 or "<==>" not in parts[0]:
        raise InvalidInput(f"not an alignment line: {line.strip()!r}")
    left, right = parts[0].split("<==>")
    raw_score = parts[2].strip()
    try:
        score: float | None = float(raw_score)
    except ValueError:
        score = None  # NIL on NOALI / ALIC
    return Alignment(
        left=tuple(int(t) for t in left.split()),
        right=tuple(int(t) for t in right.split()),
        types=tuple(t for t in parts[1].strip().split("_") if t),
        score=score,
        comment="//".join(parts[3:]).strip(),
    )


def read_wa(path: Path) -> dict[str, Pair]:
    """Every sentence pair of a `.wa` file, by id, in file order."""
    pairs: dict[str, Pair] = {}
    current: Pair | None = None
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for index, line in enumerate(lines):
        found = _SENTENCE.search(line)
        if found:
            left = lines[index + 1].removeprefix("// ").split(" ") if index + 1 < len(lines) else []
            right = (
                lines[index + 2].removeprefix("// ").split(" ") if index + 2 < len(lines) else []
            )
            current = Pair(id=found.group(1), left=left, right=right)
            pairs[current.id] = current
        elif "<==>" in line:
            if current is None:
                raise InvalidInput(f"{path}: alignment before any <sentence>")
            current.alignments.append(parse_alignment(line))
    return pairs


def read_chunks(path: Path) -> list[list[list[str]]]:
    """Each line of a chunk file as its chunks, each chunk as its tokens."""
    return [
        [chunk.split() for chunk in _CHUNK.findall(line)]
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]


def chunk_ids(chunks: list[list[str]]) -> list[tuple[int, ...]]:
    """1-based token ids of each chunk of one sentence, tokens numbered across chunks."""
    ids: list[tuple[int, ...]] = []
    position = 1
    for chunk in chunks:
        ids.append(tuple(range(position, position + len(chunk))))
        position += len(chunk)
    return ids


def format_alignment(alignment: Alignment, left: list[str], right: list[str]) -> str:
    """One `.wa` alignment line, with the chunk texts as its comment."""

    def side(ids: tuple[int, ...], tokens: list[str]) -> tuple[str, str]:
        if ids == (0,):
            return "0", "-not aligned-"
        return " ".join(map(str, ids)), " ".join(tokens[i - 1] for i in ids)

    left_ids, left_text = side(alignment.left, left)
    right_ids, right_text = side(alignment.right, right)
    score = "NIL" if alignment.score is None else f"{alignment.score:g}"
    types = "_".join(alignment.types)
    return f"{left_ids} <==> {right_ids} // {types} // {score} // {left_text} <==> {right_text}"


def write_wa(pairs: list[Pair], path: Path) -> None:
    """Write pairs in the `.wa` format the official scorer reads."""
    out: list[str] = []
    for pair in pairs:
        out += [f'<sentence id="{pair.id}" status="">', "// " + " ".join(pair.left)]
        out += ["// " + " ".join(pair.right), "<source>"]
        out += [f"{i} {t} : " for i, t in enumerate(pair.left, 1)] + ["</source>", "<translation>"]
        out += [f"{i} {t} : " for i, t in enumerate(pair.right, 1)] + ["</translation>"]
        out += ["<alignment>"]
        out += [format_alignment(a, pair.left, pair.right) for a in pair.alignments]
        out += ["</alignment>", "</sentence>", "", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def gold_chunks(pair: Pair, chunked: list[list[str]], side: int) -> list[tuple[int, ...]]:
    """Token ids of the gold chunks of one side (0 left, 1 right) of a pair.

    The chunk file is used when its tokens are the sentence's; otherwise (a few lines in
    answers-students drop tokens) the chunks are read off the gold alignments.
    """
    tokens = pair.left if side == 0 else pair.right
    if [t for chunk in chunked for t in chunk] == tokens:
        return chunk_ids(chunked)
    groups = {a.left if side == 0 else a.right for a in pair.alignments}
    found = sorted(g for g in groups if g and g[0] != 0)
    covered = {i for g in found for i in g}
    found += [(i,) for i in range(1, len(tokens) + 1) if i not in covered]
    return sorted(found)
