"""Fixture generator: sample 绩效运行监控表 in four formats, and what a parser must read from them.

The Python data in `fixturegen.data` is the single source of truth. Every document is rendered
from it (`layout` → `render_docx` / `render_xlsx` / `render_html`, PDFs via LibreOffice in
`office`), and every expected-records JSON is written from the same data (`expected`), never by
parsing the outputs. `oracle` recomputes the findings the rules must produce from the expected
records, so the findings each document declares are checked against arithmetic.
"""
