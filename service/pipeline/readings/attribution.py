"""Each claim's speaker, and the sharpest asymmetries of who said it between the readouts."""

from __future__ import annotations

import re
from collections.abc import Sequence

import msgspec

from service.pipeline.readings.level import NOTED
from service.pipeline.readings.speaker import speakers
from service.pipeline.types import Attribution, Claim, Emphasis, Match, Quote, Speaker

_ONE_SIDE = frozenset({"self", "other"})
# A one-side statement that also speaks for both ("… explained the situation and the two
# ministers confirmed …", "Both the Foreign Minister and the Defence Minister …") is no
# one-side account of the matter (English, the genre's joint subjects).
_JOINT_TOO = re.compile(r"\b(?:[Bb]oth|the two (?:ministers|sides|leaders|countries))\b")
# A side's report of the other's word: "received an assurance", "received renewed
# confirmation from the U.S. side", "obtained a commitment" (English readout usage: assurances,
# confirmations and commitments are given by one government to another).
_RECEIVED = re.compile(
    r"\b(?:received|obtained|secured)\b(?:\s+\w+){0,2}\s+"
    r"(?:assurances?|confirmations?|commitments?|pledges?|promises?|guarantees?)\b"
)
# English words of meeting, calling, talking and visiting (the genre's opening lines).
_MEETING = re.compile(
    r"\b(?:met|meets|spoke|speaks|visits?|held (?:a |an )?(?:\w+ )?(?:meeting|call|talks))\b"
)


def attribute(
    claims: Sequence[Claim], matches: Sequence[Match], emphases: Sequence[Emphasis]
) -> tuple[list[Claim], list[Attribution]]:
    """The claims with their speakers, and the attributions: `attributed` (one readout has
    the other side say something no claim of that side's readout matches) and `joint-vs-own`
    (a matched pair told as both sides' on one side and as one side's on the other)."""
    sides = list(dict.fromkeys(c.side for c in claims))
    found: dict[str, Speaker] = {}
    named: set[str] = set()
    for side in sides:
        own = [c for c in claims if c.side == side]
        read = speakers(own, [c for c in claims if c.side != side])
        found.update(read.of)
        named |= read.named
    claims = [
        msgspec.structs.replace(c, speaker=_received(c, found.get(c.id, "unknown"))) for c in claims
    ]
    by_id = {c.id: c for c in claims}
    return claims, _attributed(claims, matches, emphases, by_id) + _joint_vs_own(
        matches, by_id, named
    )


def _attributed(
    claims: Sequence[Claim],
    matches: Sequence[Match],
    emphases: Sequence[Emphasis],
    by_id: dict[str, Claim],
) -> list[Attribution]:
    matched = {claim_id for match in matches for claim_id in match.claims}
    closest = {e.claim_id: e.closest for e in emphases}
    out = []
    for claim in claims:
        if claim.speaker != "other" or claim.verdict == "framing" or claim.id in matched:
            continue
        near = closest.get(claim.id)
        counterpart = by_id.get(near.claim_id) if near else None
        out.append(
            Attribution(
                "attributed",
                _quote(claim),
                _quote(counterpart) if counterpart else None,
                near.similarity if near else 0.0,
            )
        )
    return out


def _joint_vs_own(
    matches: Sequence[Match], by_id: dict[str, Claim], named: set[str]
) -> list[Attribution]:
    """A one-side statement counts only where its own subject names the speaker: a clause
    continuing a sentence ("stated that…", "renewed…") is told as that sentence is. A joint
    claim that only says a matter was discussed (level 1, "noted") gives both sides no stance,
    so it is set against nothing."""
    best: dict[str, tuple[Claim, Claim, float]] = {}
    for match in matches:
        pair = [by_id[i] for i in match.claims if i in by_id]
        if len(pair) != 2 or any(_reports_meeting(c) for c in pair):
            continue
        joint = [c for c in pair if c.speaker == "both" and c.strength != NOTED]
        own = [
            c
            for c in pair
            if c.speaker in _ONE_SIDE and c.id in named and not _speaks_jointly(c.text)
        ]
        if len(joint) == 1 and len(own) == 1:
            kept = best.get(own[0].id)
            if kept is None or kept[2] < match.similarity:
                best[own[0].id] = (joint[0], own[0], match.similarity)
    return [
        Attribution("joint-vs-own", _quote(joint), _quote(own), similarity)
        for joint, own, similarity in sorted(best.values(), key=lambda kept: -kept[2])
    ]


def _received(claim: Claim, speaker: Speaker) -> Speaker:
    """What a side says it received from the other ("we received an assurance that …") is the
    other side's word, unless its own subject names the one who gave it."""
    if speaker in ("self", "unknown") and _RECEIVED.search(claim.text):
        return "other"
    return speaker


def _reports_meeting(claim: Claim) -> bool:
    """A framing claim that tells who met or visited whom ("… met today with …", "welcomed
    Secretary Blinken's visit") says nothing of who said what; one quoting a side does."""
    return claim.verdict == "framing" and bool(_MEETING.search(claim.text))


def _speaks_jointly(text: str) -> bool:
    """A joint subject in the claim's own words, not in what it reports ("Wang stressed that
    both sides should …" is Wang's statement)."""
    return bool(_JOINT_TOO.search(text.split(" that ", 1)[0]))


def _quote(claim: Claim) -> Quote:
    return Quote(side=claim.side, claim_id=claim.id, text=claim.text, speaker=claim.speaker)
