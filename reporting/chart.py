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
def cjk_font() -> str:
    """Register the bundled Noto Sans CJK and return its family name."""
    import noto_cjk_sans_otc

    path = str(noto_cjk_sans_otc.FONT_PATH)
    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def execution_chart(periods: list[PeriodExecution], path: Path, title: str) -> Path | None:
    """Bars of the execution rate per period beside its time progress; None without any rate."""
    shown = [p for p in periods if p.rate is not None]
    if not shown:
        return None
    family = cjk_font()
    fig = Figure(figsize=(6.4, 3.4), dpi=200)
    ax = fig.add_subplot()
    xs = range(len(shown))
    width = 0.36
    rates = [float(p.rate) for p in shown]
    progress = [float(p.time_progress) for p in shown]
    bars = ax.bar([x - width / 2 for x in xs], rates, width, label="预算执行率", color="#2f5597")
    ax.bar([x + width / 2 for x in xs], progress, width, label="序时进度", color="#bfbfbf")
    ax.plot(list(xs), progress, color="#c00000", marker="o", linewidth=1, label="_nolegend_")
    for bar, p in zip(bars, shown):
        ax.annotate(f"{p.rate}%", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    xytext=(0, 2), textcoords="offset points", ha="center", fontsize=8, family=family)
    ax.set_xticks(list(xs), [p.label for p in shown], family=family)
    ax.set_ylim(0, max(110.0, max(rates + progress) * 1.12))
    ax.set_ylabel("执行率（%）", family=family)
    ax.set_title(title, family=family, fontsize=11)
    ax.legend(prop={"family": family, "size": 8}, loc="upper left")
    ax.grid(axis="y", linestyle=":", linewidth=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png")
    return path
