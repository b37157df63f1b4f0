"""Renderers: document tree → DOCX, HTML, PDF. They know nothing about standards."""
