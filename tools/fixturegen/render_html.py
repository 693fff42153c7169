"""HTML rendering: a plain page, or a finance-portal article page (nav, breadcrumbs, footer)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from fixturegen.layout import GCell, Grid, Para, layout
from fixturegen.model import Doc

_CSS = """body{font-family:宋体,SimSun,serif;font-size:14px;margin:20px;}
table.jx{border-collapse:collapse;margin:8px auto;}
table.jx td{border:1px solid #000;padding:2px 4px;font-size:12px;}
h2{text-align:center;font-family:黑体,SimHei,sans-serif;}
p.meta{margin:4px 0;}"""


def _cell_html(spec: GCell, wrap: bool) -> str:
    attrs = ""
    if spec.rowspan > 1:
        attrs += f' rowspan="{spec.rowspan}"'
    if spec.colspan > 1:
        attrs += f' colspan="{spec.colspan}"'
    text = escape(spec.text, quote=False)
    if wrap:
        # Word's "save as web page" markup, as portals publish it: <p><span>, &nbsp; padding.
        if not text:
            inner = "&nbsp;"
        elif spec.align == "right":
            inner = "&nbsp;" + text
        else:
            inner = text
        if spec.bold:
            inner = f"<b>{inner}</b>"
        body = (f'<p class="MsoNormal" align="{spec.align}" style="text-align:{spec.align}">'
                f'<span style="font-size:9.0pt;font-family:宋体">{inner}</span></p>')
        return f'<td valign="middle"{attrs}>{body}</td>'
    style = f' style="text-align:{spec.align}"' if spec.align != "center" else ' align="center"'
    inner = f"<b>{text}</b>" if spec.bold and text else text
    return f"<td{attrs}{style}>{inner}</td>"


def _grid_html(grid: Grid, wrap: bool) -> str:
    total = sum(grid.weights)
    cols = "".join(f'<col width="{round(100 * w / total, 1)}%">' for w in grid.weights)
    rows = []
    for row in grid.rows:
        cells = "".join(_cell_html(row[c], wrap) for c in sorted(row))
        rows.append(f"<tr>{cells}</tr>")
    extra = ' border="1" cellspacing="0" cellpadding="0" width="100%"' if wrap else ""
    return f'<table class="jx"{extra}><colgroup>{cols}</colgroup>\n' + "\n".join(rows) + "\n</table>"


def _para_html(block: Para, wrap: bool) -> str:
    if block.kind == "title":
        return f"<h2>{escape(block.left)}</h2>"
    left = escape(block.left)
    right = escape(block.right)
    if wrap:
        gap = "&nbsp;" * 24 if left and right else ""
        return f'<p class="meta"><span style="font-family:宋体">{left}{gap}{right}</span></p>'
    if right:
        return f'<p class="meta">{left}<span style="float:right">{right}</span></p>'
    return f'<p class="meta">{left}</p>'


def body_html(doc: Doc) -> str:
    wrap = doc.portal
    parts = []
    for rep in doc.reports:
        for block in layout(rep):
            parts.append(_grid_html(block, wrap) if isinstance(block, Grid) else _para_html(block, wrap))
    return "\n".join(parts)


def _portal(doc: Doc, body: str) -> str:
    rep = doc.reports[0]
    site = "临河区人民政府"
    title = rep.style.title
    nav = "".join(f'<li><a href="/{slug}/">{name}</a></li>' for slug, name in (
        ("", "首页"), ("zwgk", "政务公开"), ("zwfw", "政务服务"), ("hdjl", "互动交流"), ("zjlh", "走进临河")))
    links = "".join(f'<td><a href="http://www.example.gov.cn/{i}" target="_blank">{name}</a></td>'
                    for i, name in enumerate(("临河区财政局", "临河区审计局", "临河区卫生健康局", "市政府门户网站")))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>{escape(title)}_{site}</title>
<meta name="ArticleTitle" content="{escape(title)}" />
<meta name="PubDate" content="2024-07-19 09:30" />
<meta name="ContentSource" content="{escape(rep.unit)}" />
<style type="text/css">
body{{margin:0;font:12px/1.8 宋体,SimSun;color:#333;}} .top{{height:90px;background:#b5121b;color:#fff;font-size:30px;padding-left:40px;line-height:90px;}}
.nav ul{{margin:0;padding:0;background:#8e0c14;}} .nav li{{display:inline-block;padding:0 28px;line-height:40px;}} .nav a{{color:#fff;}}
.position{{width:1000px;margin:10px auto;}} .article{{width:1000px;margin:0 auto;border:1px solid #ddd;padding:20px;}}
.article h1{{text-align:center;font-size:22px;}} .info{{text-align:center;color:#888;border-bottom:1px dashed #ccc;}}
.footer{{text-align:center;background:#eee;padding:16px;margin-top:20px;}}
</style>
</head>
<body>
<div class="top">{site}</div>
<div class="nav"><ul>{nav}</ul></div>
<div class="position">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/zwgk/">政务公开</a>&nbsp;&gt;&nbsp;<a href="/zwgk/czyjs/">财政预决算</a>&nbsp;&gt;&nbsp;部门绩效信息</div>
<div class="article">
<h1>{escape(title)}</h1>
<div class="info">发布时间：2024-07-19 09:30&nbsp;&nbsp;&nbsp;来源：{escape(rep.unit)}&nbsp;&nbsp;&nbsp;浏览次数：<span id="hits">1024</span>&nbsp;&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="TRS_Editor" id="zoom">
{body}
</div>
<div class="attach">附件：无</div>
<div class="share">【<a href="javascript:window.print()">打印本页</a>】&nbsp;【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="related"><table class="links" width="1000" align="center"><tr><td colspan="4"><b>相关链接</b></td></tr><tr>{links}</tr></table></div>
<div class="footer">主办单位：临河区人民政府办公室&nbsp;&nbsp;承办单位：临河区大数据服务中心<br />网站标识码：6207020001&nbsp;&nbsp;ICP备案号：X ICP备05000001号&nbsp;&nbsp;联系电话：0000-0000000</div>
<script type="text/javascript">document.getElementById("hits").innerHTML = "1024";</script>
</body>
</html>
"""


def render_html(doc: Doc, path: Path) -> None:
    body = body_html(doc)
    if doc.portal:
        page = _portal(doc, body)
    else:
        title = escape(doc.reports[0].style.title)
        page = (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="{doc.encoding}">\n'
                f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
    path.write_bytes(page.encode(doc.encoding))
