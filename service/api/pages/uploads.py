"""An uploaded text file from a page's form: the one check the batch and compare forms share."""

from __future__ import annotations

from litestar.datastructures import UploadFile

from service.errors import InvalidInput


def uploaded_text(upload: object, max_bytes: int | None = None) -> str:
    """The UTF-8 text of an uploaded file ("" when none was chosen); InvalidInput when it is
    not UTF-8 text (binary, another encoding) or over `max_bytes`."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        return ""
    raw = upload.file.read() if max_bytes is None else upload.file.read(max_bytes + 1)
    if max_bytes is not None and len(raw) > max_bytes:
        raise InvalidInput(f"{upload.filename} is over the limit of {max_bytes:,} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(f"{upload.filename} is not a UTF-8 text file") from None
    if "\x00" in text:
        raise InvalidInput(f"{upload.filename} is binary data, not a UTF-8 text file")
    return text
