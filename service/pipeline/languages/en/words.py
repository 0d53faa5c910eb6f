"""English word lists of the readout genre: function words, titles, calendar, name joiners.

Function words: the closed classes of English grammar (articles, pronouns, prepositions,
conjunctions, auxiliaries; cf. the NLTK English stopword list). Titles: the forms of address
and office names of diplomatic correspondence. Calendar and time: month and day names, the
units and parts of a day. Connectives: English sentence adverbs of ordering. Framing: the
press-release genre's words for meeting, calling, visiting, discussing and reporting.
"""

from __future__ import annotations

from collections.abc import Sequence

# Function words; none of them is ever an emphasis.
STOPWORDS = frozenset(
    """a about above after again against all also alongside am among an and any are as at be
    been before being below between both but by can could did do does doing down during each
    few for from further furthermore had has have having he her here hers him his how i if
    in into is it its itself just many me more most my no nor not now of off on once only or
    other our ours out over own same she should so some such than that the their theirs them
    then there these they this those through to too under until up upon very via was we were
    what when where which while who whom why will with within would you your yours""".split()
)
# Titles and honorifics name a role, not a topic; so do the offices that hold them.
TITLES = frozenset(
    """mr mrs ms dr hon honorable secretary minister ministers president deputy director
    spokesperson ambassador councilor chancellor premier vice department ministry office""".split()
)
# Ranks and portfolios that make part of a title only standing before one ("First Vice
# Foreign Minister", "State Councilor", "Prime Minister"); elsewhere they are ordinary words
# ("the first time", "the State of Israel").
TITLE_MODIFIERS = frozenset(
    """first second prime foreign state senior chief under assistant principal executive
    special acting""".split()
)
# A portfolio after "<title> of" or "for" is part of the title: "Secretary of State",
# "Minister for Foreign Affairs", "Secretary of State of the United States": one word, after
# up to one rank or portfolio word ("Foreign"), so "Secretary of State Rubio" keeps its name.
PORTFOLIO_WORDS = 2
# The adjectives that open a two-word portfolio ("Foreign Affairs", "Home Affairs").
PORTFOLIO_ADJECTIVES = frozenset({"foreign", "home", "internal", "external", "economic"})


def title_at(words: Sequence[str], index: int) -> bool:
    """Whether `words[index]` is part of a title: a title word, a rank or portfolio standing
    before one, or the capitalised portfolio after "<title> of (the)" or "for"."""
    lower = words[index].lower()
    if lower in TITLES:
        return True
    if lower in STOPWORDS:
        return False
    if lower in TITLE_MODIFIERS:
        after = index + 1
        while after < len(words) and words[after].lower() in TITLE_MODIFIERS:
            after += 1
        if after < len(words) and words[after].lower() in TITLES:
            return True
    if words[index][:1].isupper() and _in_titled_country(words, index):
        return True
    before = index - 1
    while (
        before >= 0
        and index - before <= PORTFOLIO_WORDS
        and words[before].lower() in PORTFOLIO_ADJECTIVES
    ):
        before -= 1  # "Foreign" of "Minister for Foreign Affairs"; a name after State is not
    if before >= 0 and words[before].lower() == "the":
        before -= 1
    return (
        before >= 1
        and words[before].lower() in NAME_JOINERS
        and title_at(words, before - 1)
        and (index - before <= 1 or words[index][:1].isupper())
    )


# Dates place a meeting; they are never what a side stressed.
CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday""".split()
)
# Time words: the units and parts of a day a readout times its meeting by.
TIME_WORDS = frozenset(
    """today yesterday tomorrow minutes minute hours hour pm am noon morning afternoon evening
    night""".split()
)
# Discourse connectives (the closed class of sentence adverbs that order a text).
CONNECTIVES = frozenset("furthermore moreover additionally meanwhile finally lastly".split())
# The readout genre's words for the meeting itself, for talking and for reporting it: the
# closed vocabulary of framing, matched by prefix ("meet" also covers "meeting", "met" exactly).
FRAMING_PREFIXES = (
    "meet",
    "visit",
    "talk",
    "call",
    "exchang",
    "discuss",
    "attribut",
    "reporter",
    "spokesperson",
    "readout",
    "held",
    "hold",
    "host",
    "convers",
    "agenda",
    "view",
)
FRAMING_WORDS = frozenset(
    {
        "met",
        "said",
        "says",
        "say",
        "stated",
        "statement",
        "told",
        "press",
        "spoke",
        "speak",
        "spoken",
    }
)
# A claim that announces the points that follow ("The overview of the talk is as follows.")
# frames them; they say it again.
LEAD_INS = ("as follows", "the following points")
# Lower-case words that may join proper nouns into one name: "Republic of Korea".
NAME_JOINERS = frozenset({"of", "for"})


def _in_titled_country(words: Sequence[str], index: int) -> bool:
    """A capitalised word in the run after "<title> of the": "Secretary of State of the United
    States of America", "President of the Republic of Korea" name the title's country."""
    start = index - 1
    while start >= 1 and (words[start][:1].isupper() or words[start].lower() == "of"):
        start -= 1
    return (
        start >= 2
        and words[start].lower() == "the"
        and words[start - 1].lower() in NAME_JOINERS
        and title_at(words, start - 2)
    )


# Stance verbs that take opposite sides of one matter, by stem (for, against): the speech-act
# verbs of approval and disapproval of the readout register (docs/strength.md). Opposition
# between two English claims (classify/polarity.py) and an English claim's side against a claim
# in another language (en/stance.py: english_sign) read this one list.
STANCE_ANTONYMS: tuple[tuple[str, str], ...] = (
    ("support", "oppos"),
    ("endors", "oppos"),
    ("welcom", "condemn"),
    ("welcom", "denounc"),
    ("welcom", "reject"),
    ("prais", "criticiz"),
    ("prais", "condemn"),
    ("accept", "reject"),
    ("approv", "reject"),
    ("approv", "disapprov"),
    ("agree", "disagree"),
)
