"""The unseen monitoring layouts written as portal pages: a GB18030 page of a district bureau and a
UTF-8 page with a two-row header."""

from __future__ import annotations

import html
from pathlib import Path

from fixturegen.unseen_data import YEAR, Report, fmt, runs_of


# ---------------------------------------------------------------------------------- 3. GB18030 html


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def make_portal_gb_html(path: Path, r: Report) -> None:
    serial = {"基本支出": "一", "人员经费": "1", "公用经费": "2", "项目支出": "二", "合计": ""}
    rows = []
    for line in r.lines:
        rate = r.printed_rate(line)
        rows.append(
            "<tr>"
            f"<td align=center>{serial[line.name]}</td>"
            f"<td>{esc(line.label)}</td>"
            f"<td align=right>{fmt(line.initial, thousands=True)}</td>"
            f"<td align=right>{fmt(line.annual, thousands=True)}</td>"
            f"<td align=right>{fmt(line.executed, thousands=True)}</td>"
            f"<td align=right>{rate}%</td>"
            f"<td>{esc(line.reason)}</td>"
            f"<td>{esc(line.measure)}</td>"
            "</tr>"
        )
    ind_rows = []
    for a, b in runs_of(r.indicators, lambda x: x.level1):
        for i in range(a, b + 1):
            ind = r.indicators[i]
            first = (f'<td rowspan="{b - a + 1}">{esc(ind.level1)}</td>' if i == a else "")
            ind_rows.append(
                "<tr>" + first
                + "".join(f"<td>{esc(v)}</td>" for v in (ind.level2, ind.level3, ind.target, ind.actual,
                                                         ind.forecast, ind.reason, ind.likelihood, ind.remark))
                + "</tr>"
            )
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>青山区人民政府门户网站</title>
<style>td {{ border: 1px solid #000; padding: 2px 4px; font-size: 12px; }}</style>
</head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/czxx/">财政信息</a> &gt; 预算绩效</div>
<h2 align="center">{esc(r.unit)}{YEAR}年1-{r.period}月部门整体支出绩效运行监控情况表</h2>
<div class="info">发布时间：{YEAR}-08-12&nbsp;&nbsp;来源：{esc(r.unit)}&nbsp;&nbsp;浏览次数：128</div>
<p>一、预算执行情况</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">
<tr><td colspan="4">填报单位：{esc(r.unit)}</td><td colspan="4" align="right">金额单位：元</td></tr>
<tr><td>序号</td><td>项目</td><td>年初预算数</td><td>调整后预算数</td><td>1-{r.period}月累计执行数</td><td>执行率</td><td>偏差原因</td><td>改进措施</td></tr>
{chr(10).join(rows)}
</table>
<p>二、绩效指标完成情况</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>1-{r.period}月完成值</td><td>全年预计完成值</td><td>偏差原因分析</td><td>完成目标可能性</td><td>备注</td></tr>
{chr(10).join(ind_rows)}
</table>
<p>附件：<a href="/u/cms/2024/0812.xls">{esc(r.unit)}绩效运行监控表.xls</a></p>
<div class="footer">主办：青山区人民政府办公室&nbsp;&nbsp;网站标识码：0000000000&nbsp;&nbsp;ICP备案号：某ICP备00000000号</div>
</body>
</html>
"""
    path.write_bytes(page.encode("gb18030"))


# ---------------------------------------------------------------------------------- 6. UTF-8 html


def make_portal_utf8_html(path: Path, r: Report) -> None:
    rows = []
    for line in r.lines:
        rows.append(
            "<tr>"
            f"<td>{esc(line.label)}</td>"
            f"<td>{fmt(line.initial)}</td><td>{fmt(line.annual)}</td><td>{fmt(line.executed)}</td>"
            f"<td>{r.printed_rate(line)}%</td><td>{esc(line.reason)}</td><td>{esc(line.measure)}</td>"
            "</tr>"
        )
    ind_rows = []
    for a, b in runs_of(r.indicators, lambda x: x.level1):
        for i in range(a, b + 1):
            ind = r.indicators[i]
            first = f'<td rowspan="{b - a + 1}">{esc(ind.level1)}</td>' if i == a else ""
            ind_rows.append(
                "<tr>" + first
                + "".join(f"<td>{esc(v)}</td>" for v in (ind.level2, ind.level3, ind.target, ind.actual,
                                                         ind.forecast, ind.reason, ind.likelihood, ind.remark))
                + "</tr>"
            )
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{esc(r.project)}绩效运行监控</title></head>
<body>
<header><nav><a href="/">首页</a> | <a href="/xxgk/">信息公开</a> | <a href="/xxgk/yjsgk/">预决算公开</a></nav></header>
<main>
<h1>{esc(r.unit)}{YEAR}年项目支出绩效运行监控表（1至{r.period}月）</h1>
<p>项目名称：{esc(r.project)}&emsp;&emsp;项目单位：{esc(r.unit)}&emsp;&emsp;单位：万元</p>
<table class="data" border="1">
<thead>
<tr><th rowspan="2">资金类别</th><th rowspan="2">年初预算数</th><th colspan="3">预算执行情况</th><th rowspan="2">偏差原因</th><th rowspan="2">改进措施</th></tr>
<tr><th>全年预算数</th><th>1至{r.period}月执行数</th><th>执行率</th></tr>
</thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<h3>绩效目标完成情况</h3>
<table class="data" border="1">
<thead><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>1至{r.period}月完成值</th><th>全年预计完成值</th><th>偏差原因分析</th><th>完成目标可能性</th><th>备注</th></tr></thead>
<tbody>
{chr(10).join(ind_rows)}
</tbody>
</table>
</main>
<footer>版权所有：河西区人民政府　技术支持：河西区大数据中心</footer>
</body>
</html>
"""
    path.write_text(page, encoding="utf-8")
