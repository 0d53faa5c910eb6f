"""Chinese word lists of the readout genre, for the shared rules of languages/morph*.py.

Titles: the PRC's official titles as Xinhua writes them (国家主席, 总理, 外长, 部长, 司长) and
those of foreign officials (总统, 首相, 国务卿). Framing: the news-release words for meetings,
talks, calls and reporting (会见, 会谈, 通电话, 举行, 表示, 指出). Stance: the verbs of Chinese
diplomatic statements (关切, 欢迎, 强调, 重申, 谴责) graded on the scale of docs/strength.md as
their English equivalents; intensifiers and hedges of the same register (坚决, 强烈, 高度;
可以, 探讨). Sides: the verbs that take one, for (支持, 欢迎, 赞赏) or against (反对, 谴责,
抗议), as in the Foreign Ministry's statements of support and of protest, and the negations of
standard grammar before a verb (不, 没有, 未). Clause joins: the semicolon, and a comma after 同时, 此外 or 并.
"""

from __future__ import annotations

from service.pipeline.languages.base import level_words
from service.pipeline.languages.morph import Lexicon

LEXICON = Lexicon(
    titles=frozenset(
        """主席 国家主席 总理 副总理 外长 外相 部长 副部长 司长 总统 副总统 首相 国务卿 大使 发言人
        委员 主任 书记 总书记 议长 委员长 国务委员 阁下 先生 女士""".split()
    ),
    roles=frozenset(
        """双方 两国 中方 日方 美方 韩方 方面 各方 两国领导人 两国人民 我们 他们 我方""".split()
    ),
    framing=frozenset(
        """会见 会谈 会晤 通电话 通话 举行 访问 来华 访华 出席 表示 指出 说 介绍 交换意见
        谈 新华社 记者 报道 电 消息 据""".split()
    ),
    calendar=frozenset(
        """年 月 日 号 时 分 当前 目前 今天 今年 去年 明年 本月 上月 上个月 下月 近期 近年来 当日 日前""".split()
    ),
    levels=level_words(
        {
            1: "表示 指出 介绍 讨论 交换意见 探讨 沟通 说",
            2: "欢迎 希望 愿 愿意 期待 关切 关注 支持 赞赏 感谢 同意 一致同意 认同 祝贺 肯定",
            3: "强调 重申 坚持 承诺 致力于 反对 敦促 要求 呼吁 恪守 坚定",
            4: "谴责 抗议 严正 强烈反对 拒绝 警告",
        }
    ),
    carriers=frozenset({"表示", "指出", "说", "介绍"}),
    intensifiers=("坚决", "坚定", "强烈", "严重", "高度", "深切", "始终", "全面", "严正", "切实"),
    hedges=("可以", "可能", "探讨", "研究"),
    joins=frozenset({"同时", "此外", "并"}),
    favour=frozenset("支持 欢迎 赞赏 同意 赞成 认同 肯定".split()),
    against=frozenset("反对 强烈反对 谴责 抗议 拒绝".split()),
    negations=("不", "没有", "未", "没", "无"),
    lead_ins=("如下",),
    head_final=False,
    compounds_by_parts=False,
    min_claim_letters=20,
)
