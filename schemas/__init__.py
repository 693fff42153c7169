"""Pydantic records shared by every stage: provenance, the neutral document model,
typed records per document kind, and findings."""
