"""Errors that describe a bad input document to the user, in Chinese."""


class ExtractionError(Exception):
    """A document that cannot be read. `str(err)` says what, which file and why."""

    def __init__(self, file_name: str, reason: str):
        self.file_name = file_name
        self.reason = reason
        super().__init__(f"无法读取文件“{file_name}”：{reason}")
