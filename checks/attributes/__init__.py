"""Notices about a record itself rather than its figures (DOC001, DOC002), one rule per module.

A missing label is not a broken file: the record is kept with the attribute unknown (DOC001), and
a figure that cannot be read is kept out of its line (DOC002); each says what is missing and
where, so the evaluator can add a submission.yaml or correct the cell. Rules that match records
by unit and year (`needs` in rules.yaml) skip such a record meanwhile. What both rules share is in
`checks/common/attributes.py`.
"""
