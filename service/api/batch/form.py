"""The new-batch form: JSON lines (pasted or uploaded, not both), errors in plain words."""

from __future__ import annotations

import re

from service.batch.items import Item
from service.errors import InvalidInput
from service.validate import ORDINALS

_FIELD = {
    "$.readouts": "the readouts",
    "$.title": "the title",
    "$.date": "the date",
}
_READOUT = re.compile(r"^\$\.readouts\[(\d)\]\.(\w+)$")
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
    """An item's error in words: the one check's messages read as they are; a message about
    the body's shape (msgspec's "Expected `str`, got `int` - at `$.title`") is reworded."""
    if error.startswith("not valid JSON"):
        return f"it is not a JSON object; each line must be one comparison, like {EXAMPLE_LINE}"
    message, _, path = error.removeprefix("not a comparison body: ").partition(" - at `")
    where = _where(path.rstrip("`"))
    if message.startswith("Object contains unknown field"):
        return f"it has a field a comparison does not have ({message.split('`')[1]})"
    if message.startswith("Object missing required field"):
        return f"it has no {message.split('`')[1]!r} field"
    if message.startswith("Expected `object`"):
        return "it is not a JSON object with readouts"
    if message.startswith("Expected `"):
        expected = message.split("`")[1].replace(" | null", "")
        return f"{where} should be {'text' if expected == 'str' else 'a ' + expected}"
    return message.replace("`", "")


def _where(path: str) -> str:
    found = _READOUT.match(path)
    if found:
        index, part = int(found.group(1)), found.group(2)
        ordinal = ORDINALS[index] if index < len(ORDINALS) else f"readout {index + 1}"
        return f"the {ordinal} readout's {_PART.get(part, part)}"
    return _FIELD.get(path, "a value")
