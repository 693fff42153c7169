"""Fixture generators: sample documents in the formats units publish, and what a reader must get
from them, written from the same Python data (never by parsing the outputs).

Shared building blocks: `office` (LibreOffice conversions in a private profile with the CJK font
mapping; fixed dates and ids in zips and PDFs), `render_docx` / `render_xlsx` / `render_html`
(grids and paragraphs as Word, Excel, portal pages), `folders` (the submission folders: where
fixtures/ is, emptied folders, expected JSON, planted findings, a run's scratch space). Each area
has its data, layouts and renderers: the monitoring tables (`data` → `layout` → `render_*`,
`expected`, `oracle` recomputing the findings from the expected records), `targets_*`,
`selfeval_*`, `reports_*`, `publication*`, `unseen_*`, `blind*`. `generators/` holds one module per
generator with `generate(fixtures)`; tools/fixtures.py runs them (`python -m tools.fixtures`).
"""
