"""Cross-checks between approved targets and monitoring (LNK001–LNK002), one rule per module.

A monitoring table should report on the indicators approved in the unit's (or project's) target
table for the same year, with the approved 指标值. These rules run only where the submission holds
the target table the monitoring table belongs to: (unit, year, project) match, unit names by
`same_unit` (scope suffixes such as （本级）/机关 and region prefixes such as 张掖市 set aside, from
`settings.unit_name_suffixes` / `unit_region_levels`: 张掖市甘州区教育局（本级） / 甘州区教育局), indicator
names by folded key, then by difflib similarity at or above `settings.indicator_name_similarity`.
The matching helpers are in `checks/common/links.py`.
"""
