"""Batch lines whose readouts give a URL and no text: the pages fetched as the API fetches
them (`service.fetch.fill`, within the same policy), each failure that line's error alone."""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from service.batch.items import Item
from service.errors import FetchFailed
from service.fetch import FetchPolicy, fill


def fetched(items: Iterable[Item], policy: FetchPolicy) -> tuple[list[Item], list[Item]]:
    """The items ready to compare (their pages fetched, the empty title, date and sources filled
    from them) and those that failed, each with one line naming why."""
    ready, failed = [], []
    for item in items:
        body = item.body
        if body is None or not any(r.url and not r.text.strip() for r in body.readouts):
            ready.append(item)
            continue
        try:
            readouts, title, date = fill(list(body.readouts), body.title, body.date, policy)
        except FetchFailed as error:
            failed.append(msgspec.structs.replace(item.failed(f"fetching: {error}"), body=None))
            continue
        filled = msgspec.structs.replace(body, readouts=readouts, title=title, date=date)
        ready.append(msgspec.structs.replace(item, body=filled, title=title, date=date))
    return ready, failed
