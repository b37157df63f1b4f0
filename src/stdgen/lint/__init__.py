"""Drafting lint: GB/T 1.1—2020 verbal forms, structure, phrases; codes L1xx–L4xx.

``lint_set`` checks one resolved set, ``lint_workspace`` every resolved set of a
workspace; ``RULES`` lists the rules and ``list_rules`` prints them.
"""

from __future__ import annotations

from ..i18n import Lang
from .rules import RULES, Rule, list_rules
from .runner import lint_set, lint_workspace

__all__ = ["RULES", "Lang", "Rule", "lint_set", "lint_workspace", "list_rules"]
