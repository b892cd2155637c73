"""Reading the project's JSON record files (events, claims): one object holding one list."""

from __future__ import annotations

import json
import re
from pathlib import Path

_DIRECTORIES = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][^\s'\"\\/:]+)+[\\/]")


def json_records(path: Path, key: str, error: type[Exception]) -> object:
    """The value under ``key`` of the JSON object in ``path``; ``error`` says why it cannot be read."""
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise error(f"{Path(path).name} cannot be read as JSON ({plain_error(exc)})") from exc
    if not isinstance(payload, dict):
        raise error(f"{Path(path).name} must be a JSON object with a '{key}' list")
    return payload.get(key)


def plain_error(exc: BaseException) -> str:
    """An exception in words fit for a page: an OS error's plain reason, and never a directory path
    (a message like "No such file: '/srv/app/data/x.csv'" keeps only "x.csv")."""
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return _DIRECTORIES.sub("", text) or type(exc).__name__
