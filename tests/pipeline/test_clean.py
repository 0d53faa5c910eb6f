"""The clean stage drops page chrome from real scraped readouts and keeps exact offsets."""

from __future__ import annotations

import pytest

from service.errors import InvalidInput
from service.pipeline.clean import clean
from tests.conftest import PAIRS, SINGLES


def kept(text: str) -> list[str]:
    return [text[s.start : s.end] for s in clean(text)]


def test_spokesperson_attribution_and_title_are_dropped() -> None:
    text = (PAIRS / "2024-02-28_blinken-cho-tae-yul" / "us.txt").read_text()
    body = kept(text)
    assert body[0].startswith("Secretary of State Antony Blinken met with")
    assert not any("attributable" in part for part in body)


def test_dates_headings_and_numbered_markers_are_dropped() -> None:
    text = (PAIRS / "2024-02-28_blinken-cho-tae-yul" / "kr.txt").read_text()
    body = kept(text)
    assert body[0].startswith("During his visit to the United States")
    assert not any(part.startswith(("1.", "2.", "DATE", "2024-02-29", "Outcome")) for part in body)
    assert len(body) == 3


def test_inline_page_header_before_attribution_is_skipped() -> None:
    text = (SINGLES / "2021-06-12_blinken-chung-cornwall_us.txt").read_text()
    assert kept(text)[0].startswith("Secretary of State Antony J. Blinken met with")


def test_hard_wrapped_lines_stay_one_paragraph() -> None:
    text = (SINGLES / "2011-11-30_kim-sung-hwan-clinton-busan_kr.txt").read_text()
    body = kept(text)
    assert body[0].startswith("On the sides of the 4th High Level Forum")
    assert "Kim Sung-\nHwan met with" in body[0]
    assert not any("unofficial translation" in part for part in body)


def test_repeated_lines_and_comment_prompts_are_dropped() -> None:
    text = "A Title Line\n\nThe ministers met in Seoul.\nLog in to comment\nThe ministers met in Seoul.\n"
    assert kept(text) == ["The ministers met in Seoul."]


def test_bullet_markers_are_outside_the_span() -> None:
    text = "  • (1) The two ministers concurred on sanctions.\n  • (2) They discussed China.\n"
    assert kept(text) == ["The two ministers concurred on sanctions.", "They discussed China."]


@pytest.mark.parametrize("text", ["", "   \n\t ", "Press Releases\n\nMay 23, 2022\n"])
def test_nothing_readable_is_an_input_error(text: str) -> None:
    with pytest.raises(InvalidInput):
        clean(text)


@pytest.mark.parametrize("path", sorted(SINGLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_real_single_keeps_a_body(path: object) -> None:
    text = path.read_text()  # type: ignore[attr-defined]
    segments = clean(text)
    assert sum(s.end - s.start for s in segments) > 0.5 * len(text.strip()) - 400


def test_a_signature_line_is_chrome_even_inside_a_paragraph() -> None:
    """An office's signature under the text goes, by rule: a line that is only a title."""
    text = (
        "The two ministers agreed to hold the next round in Washington.\n"
        "Spokesperson and Deputy Minister for Public Relations of MOFAT\n"
        "* unofficial translation\n"
    )
    kept = " ".join(text[s.start : s.end] for s in clean(text))
    assert "Washington" in kept
    assert "Spokesperson" not in kept and "MOFAT" not in kept
    signed = "Secretary Rubio and Foreign Minister Cho met in Washington to discuss trade.\n"
    assert "Rubio" in " ".join(signed[s.start : s.end] for s in clean(signed))
