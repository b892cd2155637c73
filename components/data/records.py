"""Reading the project's JSON record files (events, claims): one object holding one list."""

from __future__ import annotations

import json
from pathlib import Path


def json_records(path: Path, key: str, error: type[Exception]) -> object:
    """The value under ``key`` of the JSON object in ``path``; ``error`` says why it cannot be read."""
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise error(f"{Path(path).name} cannot be read as JSON ({exc})") from exc
    if not isinstance(payload, dict):
        raise error(f"{Path(path).name} must be a JSON object with a '{key}' list")
    return payload.get(key)
