"""The execution chart: execution rate against time progress per period, set in Noto Sans CJK.

The font is the project's own dependency (`noto_cjk_sans_otc.FONT_PATH`), registered with
matplotlib's font manager, so Chinese never depends on the fonts of the machine.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from reporting.data import PeriodExecution  # noqa: E402


@lru_cache(maxsize=1)
def cjk_font_path() -> str:
    """The bundled Noto Sans CJK, registered with matplotlib's font manager."""
    import noto_cjk_sans_otc

    path = str(noto_cjk_sans_otc.FONT_PATH)
    font_manager.fontManager.addfont(path)
    return path


def cjk_font(size: float | None = None) -> font_manager.FontProperties:
    """Font properties naming the bundled file itself (not a family name, which a system font of
    the same name could answer)."""
    return font_manager.FontProperties(fname=cjk_font_path(), size=size)


def chart_series(periods: list[PeriodExecution], lines: list[str]) -> tuple[list[str], dict[str, list[float | None]], list[float]]:
    """Period labels, the computed execution rate of each budget line per period (None where the
    period has no such line; the year's final accounts give the overall rate as the first line),
    and each period's time progress."""
    shown = [p for p in periods if p.rate is not None]
    series: dict[str, list[float | None]] = {name: [] for name in lines}
    for p in shown:
        by_name = {ln.name: ln.rate for ln in p.lines}
        for i, name in enumerate(lines):
            rate = by_name.get(name)
            if rate is None and i == 0:
                rate = p.rate  # the period's overall rate (合计, or the final accounts' total)
            series[name].append(float(rate) if rate is not None else None)
    series = {k: v for k, v in series.items() if any(x is not None for x in v)}
    return [p.label for p in shown], series, [float(p.time_progress) for p in shown]


COLORS = ["#2f5597", "#8faadc", "#c55a11", "#548235"]


def execution_chart(periods: list[PeriodExecution], path: Path, title: str,
                    lines: list[str] | None = None, fmt: str = "png") -> Path | None:
    """The chart (see `chart_figure`) written to `path`; None when no period has a rate."""
    fig = chart_figure(periods, title, lines)
    if fig is None:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format=fmt)
    return path


def chart_figure(periods: list[PeriodExecution], title: str, lines: list[str] | None = None) -> Figure | None:
    """Grouped bars of the execution rate of each budget line per period, and the time progress
    (序时进度) as a dashed level across each period's bars; None when no period has a rate."""
    labels, series, progress = chart_series(periods, lines or ["合计"])
    if not labels:
        return None
    fig = Figure(figsize=(6.4, 3.4), dpi=200)
    ax = fig.add_subplot()
    n = max(len(series), 1)
    width = 0.8 / n
    xs = list(range(len(labels)))
    for k, (name, rates) in enumerate(series.items()):
        offs = [x - 0.4 + width * (k + 0.5) for x in xs]
        pts = [(o, r) for o, r in zip(offs, rates) if r is not None]
        bars = ax.bar([o for o, _ in pts], [r for _, r in pts], width * 0.92, label=name,
                      color=COLORS[k % len(COLORS)])
        for bar, (_, r) in zip(bars, pts):
            ax.annotate(f"{r:.2f}%", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        xytext=(0, 2), textcoords="offset points", ha="center", fontproperties=cjk_font(7),
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none"}, zorder=4)
    # Time progress: a dashed level across each period's bars; its value goes under the period.
    for x, v in zip(xs, progress):
        ax.hlines(v, x - 0.45, x + 0.45, colors="#c00000", linestyles="--", linewidth=1.2, zorder=3,
                  label="序时进度" if x == 0 else "_nolegend_")
    ticks = [f"{label}\n（序时进度{v:.0f}%）" for label, v in zip(labels, progress)]
    ax.set_xticks(xs, ticks, fontproperties=cjk_font(9))
    ax.set_xlim(-0.6, len(labels) - 0.4)
    top = max([v for vs in series.values() for v in vs if v is not None] + progress)
    ax.set_ylim(0, max(110.0, top * 1.15))
    ax.set_ylabel("执行率（%）", fontproperties=cjk_font(10))
    ax.set_title(title, fontproperties=cjk_font(11))
    ax.legend(prop=cjk_font(8), loc="upper left", ncols=n + 1, frameon=False)
    ax.grid(axis="y", linestyle=":", linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig
