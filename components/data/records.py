"""Reading the project's JSON record files (events, claims): one object holding one list."""

from __future__ import annotations

import json
import re
from pathlib import Path

from components.locale import _

_DIRECTORIES = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][^\s'\"\\/:]+)+[\\/]")


def json_records(path: Path, key: str, error: type[Exception]) -> object:
    """The value under ``key`` of the JSON object in ``path``; ``error`` says why it cannot be read, in the run's
    language (a missing file, a file that is not JSON, with where it breaks, or JSON of another shape)."""
    name = Path(path).name
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise error(_("{file} cannot be read as JSON: the file is missing").format(file=name)) from exc
    except json.JSONDecodeError as exc:
        raise error(_("{file} cannot be read as JSON: it breaks off at line {line}, column {column}").format(
            file=name, line=exc.lineno, column=exc.colno)) from exc
    except UnicodeDecodeError as exc:
        raise error(_("{file} cannot be read as JSON: it is not UTF-8 text").format(file=name)) from exc
    except (OSError, ValueError) as exc:
        raise error(_("{file} cannot be read as JSON ({error})").format(file=name, error=plain_error(exc))) from exc
    if not isinstance(payload, dict):
        raise error(_("{file} must be a JSON object with a '{key}' list").format(file=name, key=key))
    return payload.get(key)


def plain_error(exc: BaseException) -> str:
    """An exception in words fit for a page: an OS error's plain reason, and never a directory path
    (a message like "No such file: '/srv/app/data/x.csv'" keeps only "x.csv")."""
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return _DIRECTORIES.sub("", text) or type(exc).__name__
