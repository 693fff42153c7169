"""The evaluation report draft (评估报告草稿): a run's records, findings and score cards rendered as
.docx and HTML, following the sections of a real evaluation report. See reporting/render.py."""
