"""Holidays named by a story are dated from the public holidays of their place (the ``holidays`` package): the last
occurrence on or before publication, the next one when the clause looks ahead; "Labor Day" is the story's place's;
the Lunar New Year holiday is its run of days."""

import datetime as dt

import pytest

from components.text.date_types import Context
from components.text.dates import find_date_expressions

D = dt.date


@pytest.mark.parametrize("text,published,place,span", [
    ("Treasury trading was shut for Veterans Day.", D(2023, 11, 13), "US", (D(2023, 11, 10), D(2023, 11, 10))),
    ("Markets will be closed for Thanksgiving.", D(2023, 11, 20), "US", (D(2023, 11, 23), D(2023, 11, 23))),
    ("Stocks were closed for Labor Day.", D(2023, 9, 5), "US", (D(2023, 9, 4), D(2023, 9, 4))),
    ("The market was closed for Labour Day.", D(2023, 5, 2), "HK", (D(2023, 5, 1), D(2023, 5, 1))),
    ("Trading resumed after the four-day Lunar New Year holiday.", D(2024, 2, 14), "HK",
     (D(2024, 2, 10), D(2024, 2, 13))),
    ("Hong Kong shut for the Dragon Boat Festival.", D(2023, 6, 23), "HK", (D(2023, 6, 22), D(2023, 6, 22))),
    ("Markets traded a half day on Christmas Eve.", D(2023, 12, 26), "US", (D(2023, 12, 24), D(2023, 12, 24))),
    ("The week is light on data given the Thanksgiving holiday.", D(2024, 11, 25), "US",
     (D(2024, 11, 28), D(2024, 11, 28))),
])
def test_a_named_holiday_is_its_day_in_its_place(text, published, place, span):
    found = find_date_expressions(text, published, context=Context(published, place=place))
    assert [(e.start_date, e.end_date) for e in found if e.kind == "holiday"] == [span]
