"""The user's cache folder, where stdgen keeps what it can make again (font subsets, compiled templates)."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache() -> Path | None:
    """``$XDG_CACHE_HOME``, else ``~/.cache``; None where neither is known (a container's user with no home
    and no passwd entry): the caches are then left out, not the build."""
    root = os.environ.get("XDG_CACHE_HOME")
    if root:
        return Path(root)
    try:
        return Path.home() / ".cache"
    except RuntimeError:  # Path.home(): no HOME and no passwd entry for this user
        return None
