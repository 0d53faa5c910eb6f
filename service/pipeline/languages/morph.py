"""Rules over an analyser's tokens, shared by Japanese and Chinese: noun-phrase terms, framing
and clause cuts, each fed by its language's word lists (the stance predicate: morph_stance.py).

The analysers map their own part-of-speech tags to the few tags below, so one rule serves
both languages: NOUN, PROPN (places, organisations, Latin words), NAME (people), NUM,
PREFIX, NSUFFIX (nominal suffix), VERB, AUX, PART (particle), PUNCT and OTHER; a verb or
auxiliary in its continuative form (Japanese 連用形, "…し、") is tagged VERB+ or AUX+.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from service.pipeline.languages.base import Term, Token, Tokens
from service.pipeline.languages.en.words import STOPWORDS, TITLES

NOUNS = frozenset({"NOUN", "PROPN", "NAME"})
_RUN_PARTS = NOUNS | {"NSUFFIX", "NUM"}
_CALENDAR = re.compile(r"^[\d０-９]+(?:年|月|日|時|分|頃|日間|分間|時間)?$|^[\d]+$")


@dataclass(frozen=True)
class Lexicon:
    """One language's word lists for the shared rules (each list's source is named where it
    is written: languages/ja/words.py, languages/zh/words.py)."""

    titles: frozenset[str]  # a phrase ending in one names a role: 外務大臣, 国务院总理
    roles: frozenset[str]  # who speaks, not what: 双方, 両外相, 两国
    framing: frozenset[str]  # the genre's words for meeting, talking and reporting
    calendar: frozenset[str]  # time words: 本日, 今年, 上个月
    levels: dict[str, int]  # stance words on the strength scale
    carriers: frozenset[str]  # reporting verbs whose stance is the word they carry
    intensifiers: tuple[str, ...]
    hedges: tuple[str, ...]
    joins: frozenset[str]  # words after which a comma starts a new clause: とともに, 一方
    adverbial: frozenset[str] = field(default_factory=frozenset)  # 通じ, 踏まえ: no new clause
    # Stance words that take a side, for or against what they are about, and the negations
    # that turn one round (after it in a head-final language: 支持しない; before it: 不支持).
    favour: frozenset[str] = field(default_factory=frozenset)
    against: frozenset[str] = field(default_factory=frozenset)
    negations: tuple[str, ...] = ()
    # Words that make a clause a noun ("…したことを踏まえ", "…述べたのに対し"): an adverbial verb
    # after one governs a whole clause with its own predicate, so its comma starts a new one.
    nominalisers: frozenset[str] = field(default_factory=frozenset)
    head_final: bool = True  # the main predicate is the last stance word (Japanese), else first
    lead_ins: tuple[str, ...] = ()  # "以下のとおり": a claim announcing the points that follow
    # A phrase the word list lacks is as specific as its rarest part (Japanese: wordfreq's
    # list is cut in short units, so a long unit it lacks is most often everyday words
    # joined); otherwise it counts as an unlisted compound (Chinese: jieba's words already
    # are wordfreq's units, so words joined into a phrase name something specific).
    compounds_by_parts: bool = True
    # A claim needs this many letters: a clause with its own predicate and arguments (about
    # ten words; Japanese spells its particles and endings in kana, so the same clause takes
    # about 1.4 times the letters of Chinese). Chosen on the dev pairs among 12, 20, 28 and 40.
    min_claim_letters: int = 28


Specificity = Callable[[str, float], float]


def noun_terms(
    text: str, tokens: Tokens, lexicon: Lexicon, rarity: Specificity, zipf: float
) -> list[Term]:
    """Noun phrases of a claim: adjacent nouns, prefixes and nominal suffixes joined as the
    analyser cut them (so no particle is ever part of a term). People's names, roles, dates,
    stance words and the genre's meeting words end a phrase and are no part of one; a title
    also drops what it follows (米国国務長官, 茂木外務大臣: who speaks, not what)."""
    runs: list[list[Token]] = []
    open_run = False
    for index, token in enumerate(tokens):
        if _breaks(token.form, lexicon) or token.tag == "NAME":
            if open_run and _is_title(token.form, lexicon):
                runs.pop()
            open_run = False
            continue
        joined = open_run and runs[-1][-1].start + runs[-1][-1].len == token.start
        if joined and token.tag in _RUN_PARTS:
            runs[-1].append(token)
        elif token.tag in NOUNS or (token.tag == "PREFIX" and _next_is_noun(tokens, index)):
            # a numeral glued to the noun is part of its word (两|国 of 两国领导人)
            bound = index > 0 and _glued(tokens[index - 1], token, "NUM")
            runs.append([tokens[index - 1], token] if bound else [token])
            open_run = True
        else:
            open_run = False
    found: dict[str, Term] = {}
    for run in runs:
        while run and run[-1].tag in ("NUM", "PREFIX"):
            run = run[:-1]
        content = [t for t in run if t.tag in NOUNS]
        if not content:
            continue
        term = text[run[0].start : run[-1].start + run[-1].len]
        if len(term) < 2 or _CALENDAR.match(term) or term in lexicon.roles:
            continue
        proper = any(t.tag == "PROPN" for t in run)
        specific = 1.0 if proper else _phrase_specificity(term, content, rarity, zipf, lexicon)
        if specific > 0:
            found.setdefault(term, Term(term, specific, proper=proper))
    return sorted(found.values(), key=lambda t: -t.specificity)


def _glued(before: Token, token: Token, tag: str) -> bool:
    return before.tag == tag and before.start + before.len == token.start


def _next_is_noun(tokens: Tokens, index: int) -> bool:
    return index + 1 < len(tokens) and tokens[index + 1].tag in NOUNS


def _next_is(tokens: Tokens, index: int, tag: str) -> bool:
    return index + 1 < len(tokens) and tokens[index + 1].tag == tag


def _is_title(word: str, lexicon: Lexicon) -> bool:
    return word.lower() in TITLES or any(word.endswith(title) for title in lexicon.titles)


def _breaks(word: str, lexicon: Lexicon) -> bool:
    """Words that are never part of a term: roles, titles, dates, stance and meeting words,
    manner words (全面, 包括的: intensifiers), and the English function words and titles a
    CJK readout quotes ("The Honorable")."""
    return (
        word in lexicon.roles
        or word in lexicon.calendar
        or word in lexicon.framing
        or word in lexicon.levels
        or word in lexicon.intensifiers
        or word.lower() in STOPWORDS
        or _is_title(word, lexicon)
    )


def _phrase_specificity(
    term: str, parts: list[Token], rarity: Specificity, zipf: float, lexicon: Lexicon
) -> float:
    """A listed word's own specificity; a compound the list lacks takes its rarest part's
    ("戦略的互恵関係" is as specific as 互恵), so everyday compounds ("電話会談") stay out."""
    whole = rarity(term, zipf)
    if len(parts) == 1 or whole < 0.8 or not lexicon.compounds_by_parts:
        return whole
    return max(rarity(p.form, zipf) for p in parts)


def is_framing(
    text: str, tokens: Tokens, lexicon: Lexicon, opening: bool, rarity: Specificity, zipf: float
) -> bool:
    """A claim that only frames the meeting: it uses the genre's words for meeting, talking
    or reporting, and is the readout's opening claim or names nothing else of substance; or
    it announces the points that follow ("…につき、以下のとおり述べた"), which say it again."""
    if leads_in(text, lexicon):
        return True
    if not any(t.form in lexicon.framing for t in tokens):
        return False
    return opening or not noun_terms(text, tokens, lexicon, rarity, zipf)


def clause_cuts(body: str, tokens: Tokens, lexicon: Lexicon) -> list[int]:
    """Offsets in `body` just after a comma that starts a new clause: after a continuative
    verb ("推進し、"), an adverbial verb governing a nominalised clause ("確認したことを踏まえ、")
    or a join word ("とともに、", "一方、", "同时,"). A Chinese comma alone does not: cutting
    at every comma before a verb left clauses too short to find their counterparts
    (Japanese-language pairs F1 0.74 against 0.79 without, bench/quality.py)."""
    cuts: list[int] = []
    for index, token in enumerate(tokens):
        if token.tag != "PUNCT" or token.form not in ("、", ",", "，") or index == 0:
            continue
        previous = tokens[index - 1]
        tail = "".join(t.form for t in tokens[max(0, index - 3) : index])
        continuative = previous.tag in ("VERB+", "AUX+") and (
            previous.form not in lexicon.adverbial or _governs_clause(tokens, index - 1, lexicon)
        )
        if continuative or tail.endswith(tuple(lexicon.joins)):
            cuts.append(token.start + token.len)
    return cuts


def _governs_clause(tokens: Tokens, verb: int, lexicon: Lexicon) -> bool:
    """An adverbial verb after a nominaliser, its particle and a predicate before them
    ("確認した|こと|を|踏まえ"): what it governs is a clause, not a noun."""
    if verb < 3:
        return False
    predicate, nominaliser, particle = tokens[verb - 3 : verb]
    return (
        particle.tag == "PART"
        and nominaliser.form in lexicon.nominalisers
        and predicate.tag in ("VERB", "AUX", "VERB+", "AUX+")
    )


def leads_in(text: str, lexicon: Lexicon) -> bool:
    """The text announces the points that follow ("…より、以下のとおり述べた")."""
    return any(lead in text for lead in lexicon.lead_ins)
