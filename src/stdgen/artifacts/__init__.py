"""Artifacts: each builds a document tree from a resolved clause set."""
