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
# The most year labels an axis holds: a four-digit year at 11 pt needs about 0.45 in.
YEAR_LABELS_NARROW, YEAR_LABELS_WIDE = 6, 14


def _base_style() -> AbstractContextManager[None]:
    """Both charts: text as SVG text; side labels and topic names read as text, never as TeX
    ("$x^$" as a side would otherwise fail mathtext on every load of the page)."""
    import matplotlib

    return matplotlib.rc_context({
        "svg.fonttype": "none", "text.parse_math": False, "font.family": "sans-serif",
        "axes.spines.top": False, "axes.spines.right": False,
    })  # fmt: skip


def chart_svg(trends: Trends, *, narrow: bool = False, salt: str = "") -> str:
    """Grouped bars: per quarter (a true time axis, empty quarters kept), per side, the
    emphases that side made alone (said only by it, or more strongly) in that quarter's
    meetings. Meetings would be 1 nearly everywhere: two sides rarely meet twice a quarter."""
    return _render(_key(trends), narrow, salt)


def _key(
    trends: Trends,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str, int], ...]]:
    counts = tuple((c.side, c.period, c.emphases) for c in trends.timeline if c.period != UNDATED)
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
            bars = axes.bar(offsets, values, width=slot * 0.92,
                            color=COLOURS[number % len(COLOURS)], label=side)  # fmt: skip
            if len(quarters) * len(sides) <= (12 if narrow else 32):
                axes.bar_label(bars, labels=[str(v) if v else "" for v in values], padding=2,
                               fontsize=font * 0.85)  # fmt: skip
        axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=4, min_n_ticks=2))
        axes.set_ylim(0, max([1, *stressed.values()]) * 1.15)
        axes.set_ylabel("emphases made alone")
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
    # Every year's label where they fit; every second or third on a phone, never overlapping.
    step = -(-len(years) // (YEAR_LABELS_NARROW if narrow else YEAR_LABELS_WIDE))
    labels = [year if n % step == 0 else "" for n, year in enumerate(years)]
    axes.xaxis.remove_overlapping_locs = False  # a year's centre may fall on a quarter tick
    axes.set_xticks(centres, labels=labels, minor=True)
    axes.tick_params(axis="x", which="minor", length=0, pad=6)
    for indexes in list(years.values())[1:]:
        axes.axvline(indexes[0] - 0.5, color="#c3c8d0", linewidth=0.8, zorder=0)


MAX_TOPIC_ROWS = 8
DOT = 0.95  # dot diameter, in font sizes
BAND = "#f1f3f6"  # every other topic's band


def topic_rows(bands: list[int]) -> tuple[list[float], list[list[float]]]:
    """The y of each topic's name and of each of its side rows: a band per topic, the name on
    its own first line and one labelled line per side under it (y grows downwards); `bands`
    holds each topic's number of side rows."""
    heads: list[float] = []
    rows: list[list[float]] = []
    at = 0.0
    for count in bands:
        heads.append(at)
        rows.append([at + 1 + s for s in range(count)])
        at += count + 1
    return heads, rows


def topics_svg(trends: Trends, *, narrow: bool = False, salt: str = "") -> str:
    """Topics stressed alone in more than one meeting: a band each, its name on top and a
    labelled row per side, a dot in each quarter where that side stressed it, with the number
    of meetings in it when more than one."""
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
    # Each topic's rows: the sides that stressed it in a dated quarter, in the batch's order.
    present = {(topic, side) for topic, side, period, _ in counts if period in column}
    band_sides = [[s for s in sides if (name, s) in present] for name in names]
    heads, rows = topic_rows([len(b) for b in band_sides])
    lines = int(heads[-1] + len(band_sides[-1]) + 1) if names else 1
    with _base_style(), matplotlib.rc_context({
        "svg.hashsalt": f"topics{salt}{narrow}", "font.size": font,
        "axes.spines.left": False,
    }):  # fmt: skip
        figure = Figure(figsize=(width, 0.9 + lines * font * 1.5 / 72), layout="constrained")
        axes = figure.add_subplot()
        for index, name in enumerate(names):
            top, bottom = heads[index] - 0.5, heads[index] + len(band_sides[index]) + 0.5
            if index % 2 == 0:
                axes.axhspan(top, bottom, color=BAND, zorder=0, linewidth=0)
            if index:
                axes.axhline(top, color="#c3c8d0", linewidth=0.8, zorder=1)
            axes.text(-0.55, heads[index], name, ha="left", va="center", fontsize=font,
                      fontweight="bold", zorder=4)  # fmt: skip
            for number, side in enumerate(sides):
                if side not in band_sides[index]:
                    continue
                y = rows[index][band_sides[index].index(side)]
                for topic, s, period, meetings in counts:
                    if topic != name or s != side or period not in column:
                        continue
                    axes.scatter([column[period]], [y], s=(font * DOT) ** 2,
                                 color=COLOURS[number % len(COLOURS)], zorder=3)  # fmt: skip
                    if meetings > 1:
                        axes.text(column[period], y, str(meetings), ha="center", va="center",
                                  color="white", fontsize=font, zorder=4)  # fmt: skip
        labels = [side for band in band_sides for side in band]
        axes.set_yticks([y for band in rows for y in band], labels=labels)
        for side, label in zip(labels, axes.get_yticklabels(), strict=True):
            label.set_color(COLOURS[sides.index(side) % len(COLOURS)])
            label.set_fontweight("bold")
        axes.tick_params(axis="y", length=0)
        axes.set_ylim(lines - 0.5, -0.5)
        _time_axis(axes, list(quarters), narrow)
        axes.set_xlim(-0.6, len(quarters) - 0.4)
        axes.grid(axis="x", color="#e3e6eb", linewidth=0.8)
        axes.set_axisbelow(True)
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
