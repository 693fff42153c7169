"""Hostile inputs, measured: what each one costs before it is read or refused. Printed, never
asserted (the behaviour itself is tested in tests/test_hostile_input.py and test_limits.py).

    .venv/bin/python bench/hostile.py [--big]

Each input is made in a temporary folder, then read by a fresh process: wall time (making the
input excluded), the process's peak resident memory, and the outcome. `--big` adds a 2,000-page
PDF, which is within the page limit and is read (minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


NANJIE = ROOT / "fixtures" / "nanjie-2024"
DOCX = NANJIE / "南街街道办事处2024年1-9月绩效运行监控报告.docx"
XLSX = NANJIE / "南街街道办事处2024年1-6月部门整体绩效运行监控表.xlsx"
PDF = NANJIE / "南街街道办事处2024年度部门整体支出绩效目标表.pdf"


def zip_bomb(folder: Path) -> Path:
    """A real .docx plus one part inflating to 1.3 GB of empty paragraphs."""
    path = folder / "炸弹.docx"
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        with dst.open("word/bomb.xml", "w", force_zip64=True) as part:
            chunk = b"<w:p/>" * (1 << 20)
            for _ in range(220):  # 220 × 6 MB ≈ 1.3 GB
                part.write(chunk)
    return path


def big_html(folder: Path) -> Path:
    path = folder / "大网页.html"
    row = "<tr><td>项目</td><td>100.00</td><td>50.00</td></tr>"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("<html><body><table>")
        for _ in range(50 * 2**20 // len(row.encode())):
            fh.write(row)
        fh.write("</table></body></html>")
    return path


def many_pages(folder: Path, pages: int) -> Path:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(PDF))
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        out.import_pages(src)
    path = folder / f"{pages}页.pdf"
    out.save(str(path))
    return path


def million_cells(folder: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("表")
    for r in range(100_000):
        ws.append([f"项目{r}", *range(9)])
    path = folder / "百万单元格.xlsx"
    wb.save(path)
    return path


def absurd_amount(folder: Path) -> Path:
    from openpyxl import load_workbook

    wb = load_workbook(XLSX)
    cell = next(c for row in wb.active.iter_rows() for c in row if isinstance(c.value, (int, float)) and c.value > 100)
    cell.value = 1e30
    path = folder / "1e30.xlsx"
    wb.save(path)
    return path


def named(folder: Path) -> Path:
    path = folder / "a\x07b\x1b.xlsx"
    shutil.copy(XLSX, path)
    return path


def scanned(folder: Path) -> Path:
    path = folder / "扫描的监控表.pdf"
    shutil.copy(ROOT / "fixtures" / "scans" / path.name, path)  # one page, read by OCR
    return path


def link_out(folder: Path) -> Path:
    path = folder / "passwd.html"
    path.symlink_to("/etc/passwd")
    return path


def archive(folder: Path) -> Path:
    path = folder / "材料.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.write(PDF, "目标表.pdf")
    return path


_READ_ONE = """
import json, sys
sys.path.insert(0, sys.argv[3])
from runs.isolation import process_isolated
r = process_isolated(sys.argv[1], sys.argv[2])
# VmHWM: the peak of this process image (ru_maxrss would carry over the parent's from the fork)
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM"))
import resource  # and the largest program it ran (tesseract for a scan), in KiB as well
peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"status": r.status, "error": r.error, "peak_mb": peak / 1024}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big", action="store_true", help="also a 2,000-page PDF and a million-cell workbook")
    args = parser.parse_args()
    makers = [("控制字符文件名", named), ("指向 /etc/passwd 的链接", link_out), ("ZIP 压缩包", archive),
              ("1e30 金额", absurd_amount), ("ZIP 炸弹 .docx（1.3 GB）", zip_bomb), ("50 MB 网页", big_html),
              ("百万单元格 .xlsx", million_cells), ("20,000 页 PDF", lambda f: many_pages(f, 20000)),
              ("扫描件 PDF（OCR，1 页）", scanned)]
    if args.big:
        makers.append(("2,000 页 PDF（上限以内）", lambda f: many_pages(f, 2000)))
    # Each input read by a fresh process in-process (JIXIAO_ISOLATION=0), so that its peak memory
    # is the document's own cost; `jixiao run` reads it the same way in its child process.
    env = {**os.environ, "JIXIAO_ISOLATION": "0"}
    print(f"{'输入':<26}{'秒':>8}{'峰值 MB':>9}  结果")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, make in makers:
            path = make(folder)
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", _READ_ONE, str(path), str(folder), str(ROOT)],
                                  capture_output=True, text=True, env=env)
            took = time.perf_counter() - start
            try:
                res = json.loads(done.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                print(f"{label:<26}{took:>8.2f}{'?':>9}  进程失败：{done.stderr[-200:]}")
                continue
            outcome = "读取成功" if res["status"] == "ok" else (res["error"] or "")[:80]
            print(f"{label:<26}{took:>8.2f}{res['peak_mb']:>9.0f}  {outcome}")


if __name__ == "__main__":
    main()
