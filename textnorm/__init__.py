"""Text and number utilities below everything: records (schemas/), parsers (extractors/) and rules
(checks/) all use them, and they import nothing of the pipeline but the number model
(`schemas.numbers.PrintedNumber`, `schemas.provenance.SourceRef`) that `numbers.amount` builds.

- `textnorm.text`: `fold` (the matching key of a label), `clean`, `tidy_breaks`, `join_lines`.
- `textnorm.numbers`: numbers as people print them (`parse_decimal`, `amount`, `rate`).
"""
