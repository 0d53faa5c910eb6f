"""Numbers in words: every output says what a similarity means against the threshold."""

from __future__ import annotations

import re

import pytest

from service.render import to_html, to_markdown, to_text
from service.render.common import clip
from service.render.reading import closest_words, how_to_read, same_matter
from tests.render.test_formats import report


def test_a_similarity_is_said_against_the_threshold() -> None:
    assert closest_words("one-sided", "JP", 0.18, 0.22) == (
        "nearest JP claim (similarity 0.18, below the 0.22 that counts as the same matter)"
    )
    assert closest_words("partial", "KR", 0.40, 0.22) == (
        "KR counterpart (similarity 0.40, at or above the 0.22 that counts as the same matter)"
    )


@pytest.mark.parametrize("render", [to_text, to_markdown, to_html])
def test_every_output_puts_each_closest_similarity_in_words(render: object) -> None:
    result = report()
    threshold = f"{same_matter(result):.2f}"
    output = " ".join(render(result).split())  # type: ignore[operator]
    closest = [e for e in result.emphases if e.closest is not None]
    said = re.findall(rf"similarity (\d\.\d\d), (?:below|at or above) the {threshold} that", output)
    assert closest and len(said) >= len(closest)
    assert "threshold 0." not in output and "(0." not in output
    assert "said, or said more strongly" in output


def test_the_guide_names_the_threshold_and_salience() -> None:
    terms = dict(how_to_read(0.22))
    assert "0.22" in terms["Claims and similarity"] and "Salience" in terms


def test_a_quote_is_cut_at_a_whole_word_with_an_ellipsis() -> None:
    text = "Both sides reaffirmed the ironclad alliance between the United States and Korea."
    cut = clip(text, 60)
    assert cut.endswith("…") and len(cut) <= 60
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "
    assert clip("short", 60) == "short"


def test_a_history_line_names_the_earlier_meetings_and_the_page_links_each() -> None:
    from service.pipeline.types import Precedent
    from service.render.common import precedent_line
    from service.render.view import history_view

    new = Precedent("c1", "US", "JP", carried=0, meetings=1, checked=["2024-02-28"],
                    checked_ids=["abc"])  # fmt: skip
    assert precedent_line(new) == "new: not in the last US readout with JP (2024-02-28)"
    assert history_view(new).meetings == [("2024-02-28", "/comparisons/abc")]
    earlier = Precedent("c1", "US", "JP", carried=1, meetings=3, dates=["2023-05-01"],
                        ids=["def"], checked=["2024-02-28", "2023-05-01", "2022-01-02"],
                        checked_ids=["abc", "def", ""])  # fmt: skip
    assert precedent_line(earlier) == "earlier: in 1 of the last 3 US readouts with JP (2023-05-01)"
    assert history_view(earlier).meetings == [("2023-05-01", "/comparisons/def")]
    unstored = Precedent("c1", "US", "JP", carried=0, meetings=1, checked=["2024-02-28"],
                         checked_ids=[""])  # fmt: skip
    assert history_view(unstored).meetings == [("2024-02-28", None)]
