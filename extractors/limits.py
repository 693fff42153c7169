"""How much one document may cost, as configuration.

A submission comes from outside: a zip bomb dressed as .docx, a 50 MB HTML page, a 20,000-page
PDF or a workbook of a million cells must fail alone, quickly, with a message naming the limit it
hit — not take the machine and the other documents with it. The defaults are far above any real
budget document (the largest real PDF here has 300 pages, the largest real workbook 20 sheets of a
few hundred cells) and can be changed per installation: set JIXIAO_LIMITS to a YAML file of the
keys below (a missing key keeps its default).

Time and memory are enforced by running each document in a child process (runs/isolation.py);
the others are checked by the extractors before the expensive work starts.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from schemas.config_errors import read_config_yaml, validation_problems
from schemas.errors import JixiaoError

LIMITS_ENV = "JIXIAO_LIMITS"


class LimitsError(JixiaoError):
    """A limits file that cannot be used (Chinese)."""

    code = "limits.invalid"
    category = "config"


class Limits(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file_mb: float = Field(200, gt=0, description="一个文件的大小上限（MB）")
    html_mb: float = Field(20, gt=0, description="一个 HTML 网页的大小上限（MB）")
    pdf_pages: int = Field(2000, gt=0, description="一个 PDF 的页数上限")
    ocr_pages: int = Field(100, gt=0, description="一个 PDF 中用 OCR 识别的扫描页数上限")
    zip_members: int = Field(10000, gt=0, description="一个 Word/Excel 文件（ZIP 包）中的部件数上限")
    zip_member_mb: float = Field(100, gt=0, description="ZIP 包中一个部件解压后的大小上限（MB）")
    zip_total_mb: float = Field(300, gt=0, description="ZIP 包解压后的总大小上限（MB）")
    xlsx_cells: int = Field(300_000, gt=0, description="一个 Excel 工作簿的单元格数上限")
    seconds_per_document: float = Field(600, gt=0, description="处理一个文件的时间上限（秒）")
    memory_mb_per_document: int = Field(2048, gt=0, description="处理一个文件的内存上限（MB）")


def describe(key: str) -> str:
    """`pdf_pages（一个 PDF 的页数上限）` for a message naming the limit."""
    return f"{key}（{Limits.model_fields[key].description}）"


def exceeded(key: str, found: str, limit: object) -> str:
    """A Chinese reason naming the limit, its value and how to change it."""
    return (f"{found}，超过上限 {describe(key)} = {limit}；如确属正常材料，可在环境变量 {LIMITS_ENV} "
            f"指定的 YAML 文件中调高 {key}")


@lru_cache(maxsize=4)
def _load(path: str | None) -> Limits:
    if not path:
        return Limits()
    file = Path(path)
    data = read_config_yaml(file, f"上限配置文件（{LIMITS_ENV}）", LimitsError) or {}
    try:
        return Limits.model_validate(data)
    except ValidationError as exc:
        raise LimitsError(f"上限配置文件“{file}”有误：{validation_problems(exc)}") from None


def limits() -> Limits:
    """The limits in force: the defaults, with the file named by $JIXIAO_LIMITS over them."""
    return _load(os.environ.get(LIMITS_ENV) or None)


__all__ = ["LIMITS_ENV", "Limits", "LimitsError", "describe", "exceeded", "limits"]
