"""A record that failed its model, in the reader's words: one sentence per bad field, naming the record and field.

Pydantic writes its own reasons in English; the kinds a hand-edited events or claims file, an uploaded events file
(components/text/upload_values.py) or a stored workspace can meet are said here, the one place, in the run's language.
A rule of the project's own (a validator's ``ValueError``) is already in it. A kind not listed reads as pydantic wrote
it in English, and as a plain "is not a valid value" in another language.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from components.locale import N_, _, current

_REASONS = {
    "missing": N_("is required"),
    "extra_forbidden": N_("is not a field of this record"),
    "string_type": N_("should be text"),
    "string_too_short": N_("should not be empty"),
    "string_too_long": N_("is longer than {max_length} characters"),
    "string_pattern_mismatch": N_("does not have the form this field needs"),
    "date_parsing": N_("is not a day of the calendar (YYYY-MM-DD)"),
    "date_from_datetime_parsing": N_("is not a day of the calendar (YYYY-MM-DD)"),
    "date_type": N_("is not a day of the calendar (YYYY-MM-DD)"),
    "time_parsing": N_("is not a time of day (HH:MM)"),
    "literal_error": N_("should be one of {expected}"),
    "list_type": N_("should be a list"),
    "dict_type": N_("should be an object with named fields"),
    "model_type": N_("should be an object with named fields"),
    "too_long": N_("lists more than {max_length} items"),
    "too_short": N_("lists fewer than {min_length} items"),
    "float_parsing": N_("should be a number"),
    "float_type": N_("should be a number"),
    "int_parsing": N_("should be a whole number"),
    "bool_parsing": N_("should be true or false"),
    "greater_than": N_("should be greater than {gt}"),
    "less_than": N_("should be less than {lt}"),
    "union_tag_invalid": N_("names a measure the app does not know ({tag})"),
    "union_tag_not_found": N_("does not name its measure"),
}


def reason(err: dict) -> str:
    """One validation error's reason in the run's language."""
    kind, context = err["type"], {k: str(v) for k, v in (err.get("ctx") or {}).items()}
    if kind == "literal_error":  # the values a file may write, as it writes them: "'a', 'b' or 'c'" in pydantic's words
        context["expected"] = ", ".join(f"“{value}”" for value in re.findall(r"'([^']*)'", context.get("expected", "")))
    if kind == "value_error":  # a rule of the project's own, said in the run's language when it was checked
        return str(err["msg"]).replace("Value error, ", "")
    if kind in _REASONS:
        try:
            return _(_REASONS[kind]).format(**context)
        except (KeyError, IndexError):
            pass
    return str(err["msg"]) if current() == "en" else _("is not a valid value")


def describe_validation_error(exc: ValidationError, label: str) -> list[str]:
    """One line per problem: '<label>: field '<name>': <reason>', in the run's language."""
    return [field_problem(label, ".".join(str(p) for p in err["loc"]) or _("(record)"), reason(err))
            for err in exc.errors()]


def field_problem(label: str, field: str, problem: str) -> str:
    """'<label>: field '<name>': <problem>'."""
    return _("{label}: field '{field}': {problem}").format(label=label, field=field, problem=problem)
