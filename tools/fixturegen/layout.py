"""Lay a report out as paragraphs and grids of cells with spans, shared by every renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from fixturegen.model import AMOUNT_KEYS, PARTS, Report, amount_text, rate_text

TICKS = ("经费保障", "制度保障", "人员保障", "硬件条件保障", "其他")

BUDGET_HEADERS = {
    "label": "项目",
    "initial": "年初预算数",
    "annual": "全年预算数",
    "executed": "1-{n}月执行数",
    "rate": "执行率",
    "reason": "偏差原因",
    "measure": "改进措施",
}
IND_HEADERS = {
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "target": "年度指标值",
    "actual": "1-{n}月实际完成值",
    "forecast": "全年预计完成值",
    "reason": "偏差原因分析",
    "likelihood": "完成目标可能性",
    "remark": "备注",
}
# Relative column widths.
BUDGET_WEIGHTS = {"label": 2.4, "initial": 1.6, "annual": 1.6, "executed": 1.7, "rate": 1.2,
                  "reason": 3.0, "measure": 3.0}
IND_WEIGHTS = {"level1": 1.2, "level2": 1.5, "level3": 2.6, "target": 1.4, "actual": 1.5,
               "forecast": 1.5, "reason": 2.0, "likelihood": 1.3, "remark": 1.0}
SECTION_WEIGHT = 1.0
TICK_WEIGHT = 0.9


@dataclass
class GCell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    align: str = "center"
    number: Decimal | None = None  # xlsx: a numeric cell
    number_format: str | None = None
    formula: tuple | None = None  # xlsx: ("sum", line, key) or ("rate", line)
    key: tuple[str, str] | None = None  # (line name, key) of an amount/rate cell


@dataclass
class Grid:
    n_cols: int
    weights: list[float]
    rows: list[dict[int, GCell]] = field(default_factory=list)  # 0-based start column → cell
    header_rows: list[int] = field(default_factory=list)  # rows a Word table repeats per page
    borderless_rows: int = 0  # leading rows without ruling (xlsx title rows)

    def add_row(self) -> dict[int, GCell]:
        row: dict[int, GCell] = {}
        self.rows.append(row)
        return row


@dataclass
class Para:
    left: str
    right: str = ""
    kind: str = "text"  # "title" or "text"


def _fill_spans(keys: list[str], total: int, order: tuple[str, ...]) -> dict[str, int]:
    spans = {k: 1 for k in keys}
    extra = total - len(keys)
    grow = [k for k in order if k in spans] or keys[-1:]
    i = 0
    while extra > 0:
        spans[grow[i % len(grow)]] += 1
        extra -= 1
        i += 1
    return spans


def _ind_keys(rep: Report) -> list[str]:
    return list(rep.style.ind_cols)


def _ind_width(rep: Report) -> int:
    return sum(len(TICKS) if (k == "reason" and rep.style.ticks) else 1 for k in _ind_keys(rep))


def _ind_spans(rep: Report, n_cols: int) -> dict[str, int]:
    """Column spans of the indicator keys in a grid `n_cols` wide (tick columns count 5)."""
    sec = 1 if rep.style.section_col else 0
    ticks_extra = len(TICKS) - 1 if rep.style.ticks else 0
    spans = _fill_spans(_ind_keys(rep), n_cols - sec - ticks_extra, ("level3", "remark"))
    if rep.style.ticks:
        spans["reason"] = len(TICKS)
    return spans


def _weights_budget(rep: Report, spans: dict[str, int]) -> list[float]:
    out = [SECTION_WEIGHT] if rep.style.section_col else []
    for k in rep.style.budget_cols:
        w = BUDGET_WEIGHTS[k]
        out.extend([w / spans[k]] * spans[k])
    return out


def _weights_ind(rep: Report, spans: dict[str, int]) -> list[float]:
    out = [SECTION_WEIGHT] if rep.style.section_col else []
    for k in _ind_keys(rep):
        if k == "reason" and rep.style.ticks:
            out.extend([TICK_WEIGHT] * len(TICKS))
            continue
        w = IND_WEIGHTS[k]
        out.extend([w / spans[k]] * spans[k])
    return out


def _headers(rep: Report, defaults: dict[str, str], override: dict[str, str]) -> dict[str, str]:
    return {k: override.get(k, v).format(n=rep.months) for k, v in defaults.items()}


def _title_and_meta(rep: Report, grid: Grid) -> None:
    st = rep.style
    if st.title_in_table:
        grid.add_row()[0] = GCell(st.title, colspan=grid.n_cols, bold=True)
    for items in st.meta_rows:
        labels, values = items[0::2], items[1::2]
        sec = 1 if st.section_col else 0
        label_span = [1 + (sec if i == 0 else 0) for i in range(len(labels))]
        rest = grid.n_cols - sum(label_span)
        per, rem = divmod(rest, max(len(values), 1))
        row, col = grid.add_row(), 0
        for i, label in enumerate(labels):
            row[col] = GCell(label, colspan=label_span[i], bold=True)
            col += label_span[i]
            if i < len(values):
                span = per + (rem if i == len(values) - 1 else 0)
                row[col] = GCell(values[i], colspan=span, align="left")
                col += span


def _budget_block(rep: Report, grid: Grid) -> None:
    st = rep.style
    sec = 1 if st.section_col else 0
    keys = list(st.budget_cols)
    spans = _fill_spans(keys, grid.n_cols - sec, ("reason", "measure", "label"))
    heads = _headers(rep, BUDGET_HEADERS, st.headers)
    header = grid.add_row()
    col = 0
    if sec:
        header[0] = GCell(st.budget_section or f"年度预算执行情况（{rep.amount_unit}）",
                          rowspan=1 + len(rep.lines), bold=True)
        col = 1
    for k in keys:
        header[col] = GCell(heads[k], colspan=spans[k], bold=True)
        col += spans[k]
    fmt_amount = "#,##0.00" if st.thousands else "0.00"
    for line in rep.lines:
        row, col = grid.add_row(), sec
        for k in keys:
            cell: GCell
            if k == "label":
                cell = GCell(line.label, align="left")
            elif k in AMOUNT_KEYS:
                text = amount_text(line, k, st)
                cell = GCell(text, align="right", key=(line.name, k))
                value = line.amount(k)
                if k not in line.show and value is not None and (value != 0 or line.zero == "0"):
                    cell.number, cell.number_format = value, (fmt_amount if value != 0 else "0")
                if line.formula and line.name in PARTS:
                    cell.formula = ("sum", line.name, k)
            elif k == "rate":
                cell = GCell(rate_text(line, st), align="right", key=(line.name, k))
                printed = line.printed_rate()
                if printed is not None and "rate" not in line.show and st.rate_style != "pct":
                    decimals = len(printed.split(".", 1)[1]) if "." in printed else 0
                    if st.rate_style == "fraction":
                        cell.number = Decimal(printed) / 100
                        cell.number_format = "0." + "0" * decimals + "%" if decimals else "0%"
                    else:
                        cell.number = Decimal(printed)
                        cell.number_format = "0." + "0" * decimals if decimals else "0"
                    if st.rate_formula and line.rate is None:
                        cell.formula = ("rate", line.name)
            elif k == "reason":
                cell = GCell(line.reason, align="left")
            else:
                cell = GCell(line.measure, align="left")
            cell.colspan = spans[k]
            row[col] = cell
            col += spans[k]


def _goal_block(rep: Report, grid: Grid) -> None:
    st = rep.style
    if st.goal is None:
        return
    sec = 1 if st.section_col else 0
    half = (grid.n_cols - sec) // 2
    head, body = grid.add_row(), grid.add_row()
    if sec:
        head[0] = GCell("年度总体目标完成情况", rowspan=2, bold=True)
    head[sec] = GCell("年初设定目标", colspan=half, bold=True)
    head[sec + half] = GCell(f"1-{rep.months}月实际完成情况", colspan=grid.n_cols - sec - half, bold=True)
    body[sec] = GCell(st.goal[0], colspan=half, align="left")
    body[sec + half] = GCell(st.goal[1], colspan=grid.n_cols - sec - half, align="left")


def _indicator_block(rep: Report, grid: Grid) -> None:
    st = rep.style
    sec = 1 if st.section_col else 0
    keys = _ind_keys(rep)
    spans = _ind_spans(rep, grid.n_cols)
    heads = _headers(rep, IND_HEADERS, st.ind_headers)
    n_head = 2 if st.ticks else 1
    first = grid.add_row()
    grid.header_rows.append(len(grid.rows) - 1)
    second = None
    if st.ticks:
        second = grid.add_row()
        grid.header_rows.append(len(grid.rows) - 1)
    col = 0
    if sec:
        first[0] = GCell("年度绩效指标完成情况", rowspan=n_head + len(rep.indicators), bold=True)
        col = 1
    for k in keys:
        if k == "reason" and st.ticks:
            first[col] = GCell(heads[k], colspan=len(TICKS), bold=True)
            for i, tick in enumerate(TICKS):
                second[col + i] = GCell(tick, bold=True)  # type: ignore[index]
        else:
            first[col] = GCell(heads[k], colspan=spans[k], rowspan=n_head, bold=True)
        col += spans[k]
    inds = rep.indicators
    for i, ind in enumerate(inds):
        row, col = grid.add_row(), sec
        for k in keys:
            if k == "level1":
                if i == 0 or inds[i - 1].level1 != ind.level1:
                    n = 1
                    while i + n < len(inds) and inds[i + n].level1 == ind.level1:
                        n += 1
                    row[col] = GCell(ind.level1, rowspan=n)
            elif k == "level2":
                same = lambda a, b: (a.level1, a.level2) == (b.level1, b.level2)  # noqa: E731
                if i == 0 or not same(inds[i - 1], ind):
                    n = 1
                    while i + n < len(inds) and same(inds[i + n], ind):
                        n += 1
                    row[col] = GCell(ind.level2, rowspan=n)
            elif k == "reason" and st.ticks:
                for j in range(len(TICKS)):
                    row[col + j] = GCell("")
            else:
                value = getattr(ind, k)
                row[col] = GCell(value, colspan=spans[k], align="left" if k in ("level3", "reason", "remark") else "center")
            col += spans[k]


def layout(rep: Report) -> list[Para | Grid]:
    """Paragraphs and grids of one report, in reading order."""
    st = rep.style
    blocks: list[Para | Grid] = []
    if not st.title_in_table:
        blocks.append(Para(st.title, kind="title"))
    blocks.extend(Para(left, right) for left, right in st.before)
    sec = 1 if st.section_col else 0
    bud_w = len(st.budget_cols) + sec
    ind_w = _ind_width(rep) + sec
    if st.split:
        g1 = Grid(bud_w, [])
        _title_and_meta(rep, g1)
        _budget_block(rep, g1)
        # The goal rows close the budget table: a Word table repeats header rows only when
        # they are its first rows, and the indicator header must repeat on every page.
        _goal_block(rep, g1)
        g1.weights = _weights_budget(rep, {k: 1 for k in st.budget_cols})
        g2 = Grid(ind_w, [])
        _indicator_block(rep, g2)
        g2.weights = _weights_ind(rep, _ind_spans(rep, ind_w))
        blocks.extend([g1, g2])
    else:
        n = max(bud_w, ind_w)
        g = Grid(n, [])
        _title_and_meta(rep, g)
        _budget_block(rep, g)
        _goal_block(rep, g)
        _indicator_block(rep, g)
        # Each column as wide as the wider of the two blocks needs it.
        g.weights = [max(a, b) for a, b in zip(
            _weights_ind(rep, _ind_spans(rep, n)),
            _weights_budget(rep, _fill_spans(list(st.budget_cols), n - sec, ("reason", "measure", "label"))),
            strict=True)]
        blocks.append(g)
    blocks.extend(Para(left, right) for left, right in st.after)
    return blocks
