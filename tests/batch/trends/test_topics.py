"""Topics: emphases that recur across meetings group together and are named by their terms."""

from __future__ import annotations

import msgspec

from service.batch.trends.topics import find_topics
from service.pipeline import compare
from service.pipeline.embed import FakeEncoder
from service.pipeline.types import Readout, Report

FILLER = [
    "The two ministers reaffirmed the strength of the alliance between their countries.",
    "They discussed regional security and economic cooperation in detail.",
    "The ministers agreed to keep in close touch on all matters of mutual interest.",
]


def _meeting(number: int, extra_a: list[str], extra_b: list[str]) -> Report:
    left = " ".join([*FILLER, *extra_a])
    right = " ".join([*FILLER, *extra_b])
    report = compare(
        [Readout(side="AA", text=left), Readout(side="BB", text=right)],
        FakeEncoder(),
        title=f"meeting {number}",
        date=f"202{number}-0{number + 1}-15",
    )
    return msgspec.structs.replace(report, id=f"m{number}")


def _reports() -> list[Report]:
    fisheries = "Both sides called for sustainable fisheries quotas in the Arafura archipelago."
    return [
        _meeting(0, [fisheries], ["They applauded the Fulbright geothermal fellowship."]),
        _meeting(
            1,
            [fisheries.replace("Both sides", "They")],
            ["They praised the volcano relief effort."],
        ),
        _meeting(
            2, ["They urged sustainable fisheries quotas around the Arafura archipelago."], []
        ),
    ]


def test_a_recurring_emphasis_is_one_topic_named_by_its_terms() -> None:
    model = find_topics(_reports(), FakeEncoder())
    holding = [t for t in model.topics if any("Arafura" in m.text for m in t.mentions)]
    assert len(holding) == 1, "the three fisheries claims must form one topic"
    topic = holding[0]
    assert topic.meetings() == {"m0", "m1", "m2"} and topic.meetings("AA") == topic.meetings()
    assert topic.id == "T1", "the topic in most meetings comes first"
    assert all(topic.name.lower() in m.text.lower() for m in topic.mentions), "shared by all"
    assert "Arafura" in topic.terms, "its distinctive terms"
    assert not any("Arafura" in t.name or "fisheries" in t.name for t in model.topics[1:])


def test_unrelated_emphases_stay_apart() -> None:
    model = find_topics(_reports(), FakeEncoder())
    fellowship = next(t for t in model.topics if any("Fulbright" in m.text for m in t.mentions))
    assert not any("volcano" in m.text for m in fellowship.mentions)
    assert fellowship.meetings("BB") == {"m0"}


def test_the_cut_is_measured_per_batch_within_readouts() -> None:
    model = find_topics(_reports(), FakeEncoder())
    assert 0.0 < model.cut < 1.0
    one_claim = [_meeting(0, [], [])]
    assert find_topics(one_claim, FakeEncoder()).topics == []


def test_topic_ids_are_stable_for_the_same_batch() -> None:
    first = find_topics(_reports(), FakeEncoder())
    second = find_topics(_reports(), FakeEncoder())
    assert [(t.id, t.name, len(t.mentions)) for t in first.topics] == [
        (t.id, t.name, len(t.mentions)) for t in second.topics
    ]


def test_every_name_is_a_run_of_whole_words_from_its_claims() -> None:
    model = find_topics(_reports(), FakeEncoder())
    for topic in model.topics:
        assert "·" not in topic.name and "…" not in topic.name
        assert any(topic.name in m.text for m in topic.mentions), (topic.name, topic.mentions)
        words = {w.strip(".,") for m in topic.mentions for w in m.text.split()}
        assert set(topic.name.split()) <= words, "whole words only, none cut short"
    fisheries = next(t for t in model.topics if any("Arafura" in m.text for m in t.mentions))
    assert len(fisheries.name.split()) >= 2, fisheries.name


def test_no_topic_is_named_after_a_side_a_participant_a_time_or_by_a_sentence() -> None:
    from service.batch.trends.subjects import is_side

    us = (
        "Secretary Rubio met Foreign Minister Cho in Washington. The United States and Korea"
        " agreed to hold talks on trade within six days. Rubio welcomed the new shipbuilding"
        " fund for the United States. Both sides stressed the Taiwan Strait."
    )
    kr = "Foreign Minister Cho met Secretary Rubio. Cho proposed a new visa category for workers."
    reports = []
    for number in range(3):
        report = compare(
            [Readout("US", us), Readout("KR", kr)], FakeEncoder(), date=f"202{number}-01-15"
        )
        reports.append(msgspec.structs.replace(report, id=f"m{number}"))
    names = [t.name for t in find_topics(reports, FakeEncoder()).topics]
    assert names
    sides = frozenset({"us", "kr"})
    for name in names:
        assert not is_side(name, sides), name
        assert name.split()[0] not in {"Rubio", "Cho", "Washington"}, name
        assert "days" not in name.split(), name
        assert len(name.split()) <= 6 or name.endswith("…"), name
