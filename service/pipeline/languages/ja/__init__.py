"""Japanese: SudachiPy morphemes (ja/analyser.py), the shared token rules (morph.py) and the
genre's Japanese word lists (ja/words.py)."""

from __future__ import annotations

from service.pipeline.languages.analysed import analysed_language
from service.pipeline.languages.ja.analyser import analyse
from service.pipeline.languages.ja.speaker import parties, subject
from service.pipeline.languages.ja.words import LEXICON

LANGUAGE = analysed_language("ja", analyse, LEXICON, subject, parties)
