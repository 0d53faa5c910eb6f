"""The trends chart: meetings per quarter and side, drawn by matplotlib as inline SVG."""

from __future__ import annotations

import io
import re
from contextlib import AbstractContextManager
from functools import lru_cache

from service.batch.trends import UNDATED, Trends

COLOURS = ["#2d6a9f", "#c8553d", "#588b3a", "#8c5fa8", "#d49a2a", "#3a8c8c"]
# (width, height) in inches and font size in points; SVG user units are points, and each
# figure is shown at about its own width, so a point stays about a CSS pixel or more.
WIDE = (9.0, 3.2, 11.0)
NARROW = (4.4, 3.4, 11.5)


def _base_style() -> AbstractContextManager[None]:
    """Both charts: text as SVG text; side labels and topic names read as text, never as TeX
    ("$x^$" as a side would otherwise fail mathtext on every load of the page)."""
    import matplotlib

    return matplotlib.rc_context({
        "svg.fonttype": "none", "text.parse_math": False, "font.family": "sans-serif",
        "axes.spines.top": False, "axes.spines.right": False,
    })  # fmt: skip


def chart_svg(trends: Trends, *, narrow: bool = False, salt: str = "") -> str:
    """Grouped bars: per quarter (a true time axis, empty quarters kept), per side, the meetings
    in which that side stressed something the other side did not."""
    return _render(_key(trends), narrow, salt)


def _key(
    trends: Trends,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str, int], ...]]:
    counts = tuple((c.side, c.period, c.stressed) for c in trends.timeline if c.period != UNDATED)
    return tuple(trends.sides), tuple(trends.quarters), counts


@lru_cache(maxsize=32)
def _render(
    key: tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str, int], ...]],
    narrow: bool,
    salt: str,
) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    sides, quarters, counts = key
    width, height, font = NARROW if narrow else WIDE
    stressed = {(side, period): n for side, period, n in counts}
    with _base_style(), matplotlib.rc_context({
        "svg.hashsalt": f"{salt}{narrow}", "font.size": font,
    }):  # fmt: skip
        figure = Figure(figsize=(width, height), layout="constrained")
        axes = figure.add_subplot()
        slot = 0.8 / max(len(sides), 1)
        for number, side in enumerate(sides):
            offsets = [i - 0.4 + slot * (number + 0.5) for i in range(len(quarters))]
            values = [stressed.get((side, q), 0) for q in quarters]
            axes.bar(offsets, values, width=slot * 0.92, color=COLOURS[number % len(COLOURS)],
                     label=side)  # fmt: skip
        axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4, min_n_ticks=2))
        axes.set_ylim(0, max([1, *stressed.values()]) * 1.08)
        axes.set_ylabel("meetings")
        _time_axis(axes, list(quarters), narrow)
        axes.set_xlim(-0.6, len(quarters) - 0.4)
        axes.grid(axis="y", color="#e3e6eb", linewidth=0.8)
        axes.set_axisbelow(True)
        axes.legend(ncols=len(sides), loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False,
                    handlelength=1.0, borderaxespad=0.2)  # fmt: skip
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    return _inline(out.getvalue())


def _time_axis(axes: object, quarters: list[str], narrow: bool) -> None:
    """Ticks at each quarter; year labels centred under their quarters, when many."""
    from matplotlib.axes import Axes

    assert isinstance(axes, Axes)
    axes.set_xticks(range(len(quarters)), labels=[""] * len(quarters))
    if len(quarters) <= (4 if narrow else 8):
        labels = [q.replace("-", "\n") for q in quarters]
        axes.set_xticks(range(len(quarters)), labels=labels)
        return
    years: dict[str, list[int]] = {}
    for index, quarter in enumerate(quarters):
        years.setdefault(quarter[:4], []).append(index)
    centres = [sum(i) / len(i) for i in years.values()]
    axes.xaxis.remove_overlapping_locs = False  # a year's centre may fall on a quarter tick
    axes.set_xticks(centres, labels=list(years), minor=True)
    axes.tick_params(axis="x", which="minor", length=0, pad=6)
    for indexes in list(years.values())[1:]:
        axes.axvline(indexes[0] - 0.5, color="#c3c8d0", linewidth=0.8, zorder=0)


MAX_TOPIC_ROWS = 8
DOT = 0.95  # dot diameter, in font sizes


def topics_svg(trends: Trends, *, narrow: bool = False, salt: str = "") -> str:
    """Topics stressed alone in more than one meeting: one row each, a dot per side in each
    quarter where that side stressed it, labelled with the number of meetings."""
    recurring = [t for t in trends.topics if t.meetings > 1][:MAX_TOPIC_ROWS]
    counts = tuple(
        (topic.name, c.side, c.period, c.meetings)
        for topic in recurring
        for c in trends.counts
        if c.topic == topic.id and c.period != UNDATED
    )
    names = tuple(t.name for t in recurring)
    return _render_topics(
        (tuple(trends.sides), tuple(trends.quarters), names, counts), narrow, salt
    )


@lru_cache(maxsize=32)
def _render_topics(
    key: tuple[
        tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, str, str, int], ...]
    ],
    narrow: bool,
    salt: str,
) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    sides, quarters, names, counts = key
    width, _, font = NARROW if narrow else WIDE
    column = {q: i for i, q in enumerate(quarters)}
    with _base_style(), matplotlib.rc_context({
        "svg.hashsalt": f"topics{salt}{narrow}", "font.size": font,
        "axes.spines.left": False,
    }):  # fmt: skip
        row_inches = (font * 1.6 + font * DOT * 1.2 * len(sides)) / 72
        figure = Figure(figsize=(width, 0.9 + row_inches * len(names)), layout="constrained")
        axes = figure.add_subplot()
        spread = font * DOT * 1.2 / 72 / row_inches  # one dot apart, in rows
        for row, name in enumerate(names):
            first = row + 0.5 - spread * len(sides)  # the dots fill the lower part of the row
            axes.text(-0.55, first - spread * 0.6, name, ha="left", va="bottom", fontsize=font)
            for number, side in enumerate(sides):
                for topic, s, period, meetings in counts:
                    if topic != name or s != side or period not in column:
                        continue
                    y = first + spread * (number + 0.5) - spread * 0.5
                    axes.scatter([column[period]], [y], s=(font * DOT) ** 2,
                                 color=COLOURS[number % len(COLOURS)], zorder=3)  # fmt: skip
                    if meetings > 1:
                        axes.text(column[period], y, str(meetings), ha="center", va="center",
                                  color="white", fontsize=font, zorder=4)  # fmt: skip
        for number, side in enumerate(sides):
            axes.scatter([], [], color=COLOURS[number % len(COLOURS)], label=side)
        axes.set_ylim(len(names) - 0.4, -0.5)
        axes.set_yticks([])
        _time_axis(axes, list(quarters), narrow)
        axes.set_xlim(-0.6, len(quarters) - 0.4)
        axes.grid(axis="x", color="#eef0f3", linewidth=0.8)
        axes.legend(ncols=len(sides), loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False,
                    handlelength=1.0, borderaxespad=0.2)  # fmt: skip
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    return _inline(out.getvalue())


_PROLOG = re.compile(r"^.*?(?=<svg)", re.DOTALL)


def _inline(svg: str) -> str:
    """The <svg> element alone, scaling with its container."""
    svg = _PROLOG.sub("", svg, count=1)
    return re.sub(
        r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 class="plot"', svg, count=1
    )
