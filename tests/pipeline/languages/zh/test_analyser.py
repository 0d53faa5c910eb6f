"""The Chinese analyser's loading: jieba's tag table shares the segmenter's word objects."""

from __future__ import annotations

from service.pipeline.languages.zh.analyser import shared_tags, tagger


def test_shared_tags_keeps_every_entry_and_reuses_the_given_words() -> None:
    words = {"".join(["合", "作"]): 5, "".join(["两", "国"]): 3, "合": 0}
    tags = {"合作": "".join(["v", "n"]), "两国": "".join(["n"]), "仅标注": "".join(["n", "r"])}
    shared = shared_tags(dict(tags), words)
    assert shared == tags
    keys = {id(k) for k in shared}
    assert {id(w) for w in words if w in tags} <= keys, (
        "the segmenter's word objects were not reused"
    )
    assert shared["合作"] is shared_tags({"x": "".join(["v", "n"])}, {"x": 1})["x"], (
        "tags not interned"
    )


def test_jieba_tags_every_dictionary_word_with_the_segmenters_own_word() -> None:
    posseg = tagger()
    table, freq = posseg.word_tag_tab, posseg.tokenizer.FREQ
    assert len(table) > 300_000, f"jieba's tag table has {len(table)} words"
    own = {id(word) for word in freq}
    copies = sum(id(word) not in own for word in table)
    assert copies == 0, f"{copies} words of the tag table are copies of the segmenter's"
    assert table.get("战略") == "n" and table.get("加强") == "v"
