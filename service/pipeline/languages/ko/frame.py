"""Korean framing: the lines of a ministry's press release that report the meeting, not a matter.

The Korean foreign ministry's releases (외교부 보도자료) open with a title line without a
predicate ("박진 장관, G20 계기 한미일 외교장관회담 참석"), then a lead that says who met whom,
where and when ("… 계기 … 장관과 회담을 갖고", "… 장관과 만나"), and often a line about the
meeting itself ("이번 회담은 … 개최되었다"). Each frames the meeting, as the English "met today
with …" does. The words are the genre's: the meeting nouns and verbs of the release format and
the calendar words of its datelines, with the standard dictionary's (표준국어대사전) senses;
none is read off a dev readout.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.pipeline.languages.base import Token
from service.pipeline.languages.ko.terms import korean_terms

# The events a release reports: talks, meetings, calls, dinners, a visit or attendance.
MEETING_NOUNS = frozenset(
    "회담 회의 면담 통화 전화통화 협의 회동 만찬 오찬 조찬 접견 예방 방문 참석 계기 대면".split()
)
# Verbs whose object or companion is the meeting: "회담을 갖고", "장관과 만나", "통화하고".
MEETING_VERBS = frozenset({"갖", "가지", "만나", "열리"})
# The meeting being held, as the claim's last predicate: "개최되었다", "열렸다".
HELD = frozenset({"개최", "열리"})
# The lead's dateline ("7.8.(금) 오후 (현지 시간)") and the titles of who met.
DATELINE = frozenset(
    """오전 오후 저녁 현지 시간 시각 당일 이날 금일 오늘 어제 내일 지난 이번 올해 금년 주 약
    월 화 수 목 금 토 일""".split()
)
TITLES = frozenset(
    """장관 외교장관 외무장관 외무대신 외무상 국무장관 외교부장 부장 차관 대사 대통령 총리 정상
    외교장관회의 외교장관회담""".split()
)
_ENDINGS = frozenset({"EF", "EC", "ETM", "ETN"})


def is_headline(tokens: Sequence[Token], opening: bool) -> bool:
    """The release's title line: the opening claim, with no verb or verbal ending at all."""
    return opening and bool(tokens) and not any(t.tag in _ENDINGS for t in tokens)


def reports_meeting(text: str, tokens: Sequence[Token], common_zipf: float) -> bool:
    """A lead that says who met whom, where and when: its act is meeting ("회담을 갖고",
    "장관과 만나", "통화하고"), and it has no content term beyond names, the meeting's words
    and the dateline's."""
    if not any(_meets(tokens, index) for index in range(len(tokens))):
        return False
    return all(
        term.proper or _logistics(term.text)
        for term in korean_terms(text, common_zipf, tuple(tokens))
    )


def _meets(tokens: Sequence[Token], index: int) -> bool:
    token = tokens[index]
    if token.tag == "VV":
        return token.form in MEETING_VERBS
    following = tokens[index + 1 : index + 2]
    return (
        token.tag == "NNG"
        and token.form in MEETING_NOUNS
        and bool(following)
        and following[0].tag == "XSV"
    )


def _logistics(term: str) -> bool:
    return any(term.endswith(word) for word in MEETING_NOUNS) or term in DATELINE or term in TITLES


def meeting_held(tokens: Sequence[Token]) -> bool:
    """A line about the meeting itself: its last predicate says it was held ("개최되었다")."""
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token.tag == "VV":
            return token.form in HELD
        if token.tag in ("XSV", "XSA") and index:
            return tokens[index - 1].form in HELD
    return False


def korean_framing(text: str, tokens: Sequence[Token], opening: bool, common_zipf: float) -> bool:
    """A Korean claim that only frames the meeting (a title line, the lead, "was held")."""
    return (
        is_headline(tokens, opening)
        or reports_meeting(text, tokens, common_zipf)
        or meeting_held(tokens)
    )
