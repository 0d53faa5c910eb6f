"""The new-batch form: JSON lines (pasted or uploaded, not both), errors in plain words."""

from __future__ import annotations

import re

from service.batch.items import Item
from service.errors import InvalidInput
from service.validate import MAX_READOUTS, MIN_READOUTS

_FIELD = {
    "$.readouts": "the readouts",
    "$.title": "the title",
    "$.date": "the date",
}
_READOUT = re.compile(r"^\$\.readouts\[(\d)\]\.(\w+)$")
_ORDINAL = ("first", "second", "third", "fourth", "fifth", "sixth")
_PART = {"side": "side label", "text": "text", "source": "source", "url": "URL"}


EXAMPLE_LINE = (
    '{"title": …, "date": "2025-07-31", "readouts": [{"side": "US", "text": …},'
    ' {"side": "KR", "text": …}]}'
)


def form_lines(pasted: str, upload: tuple[str, bytes] | None) -> tuple[bytes, str]:
    """The form's JSON lines and what to call them: the file or the paste, never both."""
    if upload is not None and pasted.strip():
        raise InvalidInput(
            f"you chose the file {upload[0]} and also pasted lines; send one of them: clear the"
            " box to send the file, or remove the file to send the pasted lines"
        )
    if upload is not None:
        name, raw = upload
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InvalidInput(f"{name} is not a UTF-8 text file") from None
        return text.encode("utf-8"), name
    if not pasted.strip():
        raise InvalidInput("there are no comparisons: paste JSON lines or choose a .jsonl file")
    return pasted.encode("utf-8", "surrogatepass"), "the pasted lines"


def item_problems(items: list[Item]) -> list[str]:
    """'line N: what is wrong' for every item that cannot run, in plain words: all of them."""
    return [f"{item.where}: {plain(item.error)}" for item in items if item.error]


def plain(error: str) -> str:
    """A schema message ("Expected `str` matching regex …  - at `$.readouts[0].text`") in words."""
    if error.startswith("not valid JSON"):
        return f"it is not a JSON object; each line must be one comparison, like {EXAMPLE_LINE}"
    message, _, path = error.removeprefix("not a comparison body: ").partition(" - at `")
    where = _where(path.rstrip("`"))
    if message.startswith("Expected `array` of length"):
        return f"it needs {MIN_READOUTS} to {MAX_READOUTS} readouts"
    if "matching regex '\\\\S'" in message or "length >= 1" in message:
        return f"{where} is empty"
    if "matching regex" in message:
        return f"{where} has spaces at either end or characters that cannot be shown"
    if message.startswith("Invalid RFC3339"):
        return f"{where} is not a date like 2025-07-31"
    if message.startswith("Object contains unknown field"):
        return f"it has a field a comparison does not have ({message.split('`')[1]})"
    if message.startswith("Object missing required field"):
        return f"it has no {message.split('`')[1]!r} field"
    if message.startswith("Expected `object`"):
        return "it is not a JSON object with readouts"
    if message.startswith("Expected `"):
        expected = message.split("`")[1].replace(" | null", "")
        return f"{where} should be {'text' if expected == 'str' else 'a ' + expected}"
    if message.startswith("Expected") and "length <=" in message:
        return f"{where} is too long"
    return message.replace("`", "")


def _where(path: str) -> str:
    found = _READOUT.match(path)
    if found:
        index, part = int(found.group(1)), found.group(2)
        ordinal = _ORDINAL[index] if index < len(_ORDINAL) else f"readout {index + 1}"
        return f"the {ordinal} readout's {_PART.get(part, part)}"
    return _FIELD.get(path, "a value")
