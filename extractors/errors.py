"""Errors that describe a bad input document to the user, in Chinese."""

from schemas.safe_text import visible_name


class ExtractionError(Exception):
    """A document that cannot be read. `str(err)` says what, which file and why."""

    def __init__(self, file_name: str, reason: str):
        file_name = visible_name(file_name)
        self.file_name = file_name
        self.reason = reason
        super().__init__(f"无法读取文件“{file_name}”：{reason}")
