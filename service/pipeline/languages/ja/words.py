"""Japanese word lists of the readout genre, for the shared rules of languages/morph*.py.

Titles: the official titles of the Japanese and foreign governments as the Ministry of
Foreign Affairs writes them (the 国家行政組織法 ranks: 大臣, 副大臣, 長官, 次官, 局長, 部長; the
heads of state and government: 総理, 首相, 大統領, 主席). Framing: the press-release genre's
words for meetings, calls, visits and reporting (会談, 電話会談, 表敬, 意見交換, 述べる, 概要).
Stance: the sahen nouns of diplomatic Japanese (懸念, 歓迎, 強調, 非難) graded on the scale of
docs/strength.md as their English equivalents; intensifiers and hedges from the same register
(強く, 深刻な, 断固; 検討, 可能性). Sides: the stance nouns that take one, for (支持, 歓迎,
賛同) or against (反対, 非難, 抗議), as in the Ministry's statements of support and of
protest, and the negative endings of the standard grammar (〜ない, 〜ず, 〜ません). Clause joins: とともに, 一方, ほか and continuative verbs;
adverbial verbs that form a postposition (を通じて, を踏まえ) join no clause.
"""

from __future__ import annotations

from service.pipeline.languages.base import level_words
from service.pipeline.languages.morph import Lexicon

LEXICON = Lexicon(
    titles=frozenset(
        """大臣 副大臣 長官 副長官 次官 局長 部長 司長 総理 首相 外相 大統領 副大統領 主席
        国家主席 総統 国王 首脳 大使 報道官 議長 委員長 総裁 補佐官 代表 閣下 氏""".split()
    ),
    roles=frozenset(
        """双方 両者 両国 両外相 両首脳 両大臣 両国民 我々 自分 日本側 中国側 米側 米国側
        韓国側 先方 当方 我が国 日本政府 政府 外務省 国務省 同""".split()
    ),
    framing=frozenset(
        """会談 電話会談 首脳会談 外相会談 会見 会合 会議 面会 表敬 懇談 訪問 訪中 訪日 訪米
        訪韓 電話 協議 意見交換 議論 発言 述べ 説明 言及 概要 以下 とおり 通り 冒頭 出席 同席
        報道 発表 旨 行っ 行い 行う 実施""".split()
    ),
    calendar=frozenset(
        """年 月 日 時 分 時間 分間 頃 約 本日 昨日 明日 今回 前回 今年 昨年 来年 今月 先月 先週 今週 来月 午前 午後 現地
        時間 日本時間 頃 今後 同日 当日 令和 平成""".split()
    ),
    levels=level_words(
        {
            1: "意見交換 議論 協議 説明 言及 述べ 発言 紹介 検討 話し合い",
            2: "歓迎 祝意 期待 希望 懸念 関心 支持 評価 感謝 謝意 一致 同意 合意 要請 祈念 "
            "賛同 共有 理解 表明 確認",
            3: "強調 再確認 重視 求め 要求 反対 決意 約束 改めて表明 主張 申し入れ",
            4: "非難 抗議 遺憾 糾弾 拒否 警告",
        }
    ),
    carriers=frozenset({"述べ", "発言", "表明"}),
    intensifiers=(
        "強く",
        "強い",
        "深刻",
        "重大",
        "断固",
        "厳しく",
        "心から",
        "一層",
        "確固",
        "揺るぎ",
        "極めて",
        "改めて",
        "しっかり",
        "包括的",
        "全面的",
    ),
    hedges=("検討", "可能性", "模索", "だろう", "かもしれ"),
    joins=frozenset({"とともに", "ともに", "一方", "ほか", "上で"}),
    adverbial=frozenset(
        {
            "通じ",
            "踏まえ",
            "受け",
            "含め",
            "始め",
            "際し",
            "関し",
            "対し",
            "向け",
            "つき",
            "通し",
            "おい",
            "基づき",
            "当たっ",
            "あたっ",
            "伴い",
            "よっ",
            "とっ",
            "わたっ",
            "加え",
        }
    ),
    favour=frozenset("支持 歓迎 賛同 同意 賛成 評価".split()),
    against=frozenset("反対 非難 抗議 糾弾 拒否".split()),
    negations=("ない", "ず", "ません", "なかっ"),
    nominalisers=frozenset({"こと", "の"}),
    lead_ins=("以下のとおり", "以下の通り", "次のとおり"),
    head_final=True,
)
