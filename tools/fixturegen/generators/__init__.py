"""One module per fixture generator, each with `generate(fixtures)` (some also take `only`). They are
listed, in the order they run, in tools/fixtures.py; run them with `python -m tools.fixtures`."""
