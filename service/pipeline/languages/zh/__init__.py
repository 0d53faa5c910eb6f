"""Chinese: jieba words (zh/analyser.py), the shared token rules (morph.py) and the
genre's Chinese word lists (zh/words.py)."""

from __future__ import annotations

from service.pipeline.languages.analysed import analysed_language
from service.pipeline.languages.zh.analyser import analyse
from service.pipeline.languages.zh.speaker import parties, subject
from service.pipeline.languages.zh.words import LEXICON

LANGUAGE = analysed_language("zh", analyse, LEXICON, subject, parties)
