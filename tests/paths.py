"""Where tests find things: the project, and the shared reference material beside it (optional).

A user's clone has no ``../shared``: tests that compare with it skip, with the reason, when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def needs_shared(*parts: str):
    """Skip the test unless ``../shared/<parts>`` exists (it is reference material, not part of the project)."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent (../shared is not part of a clone)")
