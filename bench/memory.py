"""Where the server's memory goes: RSS of one process after loading each part in turn.

Each step loads one part the way the service does (the Litestar app with its settings, the
default encoder, the multilingual one, each language's analyser and word list) and prints the
process's resident set size (VmRSS) and its peak (VmHWM) after it, and what the step added.
Run it with the same environment as the server (READOUT_DIFF_ENCODER, MALLOC_ARENA_MAX, ...);
the allocator setting that `readout-diff serve` applies is applied here too.

Usage: python bench/memory.py
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def status_mb(field: str) -> float:
    """A field of /proc/self/status (VmRSS, VmHWM) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def steps() -> list[tuple[str, Callable[[], object]]]:
    from service.pipeline.embed.routing import make_encoder
    from service.pipeline.languages.frequency import english_specificity, listed_specificity
    from service.settings import Settings

    settings = Settings.from_env()
    english = make_encoder(settings.encoder)
    multilingual = make_encoder(settings.multilingual_encoder)

    def app() -> object:
        import tempfile

        from service.api.app import create_app

        folder = Path(tempfile.mkdtemp(prefix="bench-memory-"))
        return create_app(Settings(data_dir=folder, examples=False, encoder="fake"))

    return [
        ("Litestar app (fake encoder, no examples)", app),
        (f"default encoder {settings.encoder}, warmed", english.warm),
        (f"multilingual encoder {settings.multilingual_encoder}, warmed", multilingual.warm),
        ("wordfreq en", lambda: english_specificity("alliance", 3.0)),
        ("Kiwi (Korean)", lambda: _analyse("ko", "한미 외교장관은 동맹을 강화하기로 했다.")),
        ("wordfreq ko", lambda: listed_specificity("동맹", "ko", 3.0, 0.5)),
        ("Sudachi (Japanese)", lambda: _analyse("ja", "両外相は日米同盟の強化を確認した。")),
        ("wordfreq ja", lambda: listed_specificity("同盟", "ja", 3.0, 0.5)),
        ("jieba (Chinese)", lambda: _analyse("zh", "双方同意加强两国战略互惠关系。")),
        ("wordfreq zh", lambda: listed_specificity("关系", "zh", 3.0, 0.5)),
    ]


def _analyse(code: str, text: str) -> object:
    """The language's analyser over one sentence: its model loaded and run once."""
    if code == "ko":
        from service.pipeline.languages.ko.split import morphemes

        return morphemes(text)
    if code == "ja":
        from service.pipeline.languages.ja.analyser import analyse

        return analyse(text)
    from service.pipeline.languages.zh.analyser import analyse as analyse_zh

    return analyse_zh(text)


def main() -> int:
    from service.allocator import tune_allocator

    tune_allocator()
    print("| step | RSS after | added | peak after |\n|---|---|---|---|")
    before = status_mb("VmRSS")
    print(
        f"| python, allocator tuned (service imported) | {before:.0f} MB | | {status_mb('VmHWM'):.0f} MB |"
    )
    for name, load in steps():
        load()
        now = status_mb("VmRSS")
        print(f"| {name} | {now:.0f} MB | {now - before:+.0f} MB | {status_mb('VmHWM'):.0f} MB |")
        before = now
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
