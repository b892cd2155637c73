"""A weekday a report looks ahead to is the next one, even in a past-tense sentence: "heading into its results
after the bell on Wednesday", "due out on Wednesday", "as investors awaited Friday's jobs data"; one that already
happened ("had rallied ahead of Tuesday's results", "After dipping ahead of the earnings on Wednesday, markets
soared") and "ahead of the bell" are not looked ahead to."""

import datetime as dt

import pytest

from components.text.dates import find_date_expressions
from components.text.extraction import propose_events


@pytest.mark.parametrize("text,published,day", [
    ("Microsoft was around 2% higher heading into its earnings results after the bell on Wednesday.", "2025-10-28",
     dt.date(2025, 10, 29)),
    ("Tencent rose 1%, and its earnings card, due out on Wednesday, is likely to show a jump.", "2024-08-13",
     dt.date(2024, 8, 14)),
    ("Stocks slipped as investors awaited Friday's jobs data.", "2024-09-04", dt.date(2024, 9, 6)),
    ("Stocks were mixed ahead of the Fed's decision on Wednesday.", "2025-12-09", dt.date(2025, 12, 10)),
    ("Shares had rallied ahead of Tuesday's results.", "2024-09-04", dt.date(2024, 9, 3)),
    ("After dipping ahead of Nvidia's awaited earnings on Wednesday, markets soared.", "2024-02-22",
     dt.date(2024, 2, 21)),
    ("Treasury yields dipped ahead of the bell after hitting a high on Wednesday.", "2024-02-22",
     dt.date(2024, 2, 21)),
    ("Traders looked forward to Thursday's retail sales figures.", "2024-03-11", dt.date(2024, 3, 14)),
    ("The yen firmed before the Bank of Japan's policy meeting on March 19.", "2024-03-15", dt.date(2024, 3, 19)),
    ("The chipmaker slid 2% before its results, due after Thursday's close.", "2025-11-18", dt.date(2025, 11, 20)),
    ("Most Asian markets will stay shut on Thursday for the holiday.", "2024-12-24", dt.date(2024, 12, 26)),
    ("Hong Kong will remain closed on Wednesday, except for the mainland.", "2024-12-24", dt.date(2024, 12, 25)),
    ("Markets remained closed on Wednesday.", "2024-12-26", dt.date(2024, 12, 25)),
])
def test_a_weekday_is_ahead_only_when_the_text_waits_for_it(text, published, day):
    assert find_date_expressions(text, published)[0].start_date == day


def test_the_days_of_this_week_s_calendar_are_ahead():
    """A Monday column: "This week's earnings calendar features Oracle before Tuesday's opening bell"."""
    found = find_date_expressions("This week's earnings calendar features Oracle before Tuesday's opening bell.",
                                  "2024-03-11")
    assert [e.start_date for e in found if e.kind == "weekday"] == [dt.date(2024, 3, 12)]


@pytest.mark.parametrize("text,published,day", [
    ("The People's Bank of China announced after the market close that lending rose in August.", "2022-09-09",
     dt.date(2022, 9, 9)),
    ("Nvidia rose 1% ahead of its quarterly report after the market closed.", "2025-08-27", dt.date(2025, 8, 27)),
])
def test_after_the_close_is_the_story_s_session(text, published, day):
    found = [e for e in find_date_expressions(text, published) if "close" in e.text]
    assert [e.start_date for e in found] == [day]


@pytest.mark.parametrize("sentence", [
    "Investors wonder whether the chipmaker's results, expected after markets close on Wednesday, will justify it.",
    "Stocks were rallying as the Federal Reserve at the end of its meeting on Wednesday is expected to raise rates.",
])
def test_a_day_something_is_expected_on_is_the_next_one(sentence):
    """Published Tuesday 20 February 2024: the Wednesday ahead, the 21st, not the 14th."""
    found = {c.date for c in propose_events(sentence, "2024-02-20").candidates}
    assert dt.date(2024, 2, 21) in found and dt.date(2024, 2, 14) not in found


@pytest.mark.parametrize("text,published,day", [
    ("As of Monday, the S&P U.S. Listed China 50 index had fallen 2%.", "2022-08-16", dt.date(2022, 8, 15)),
    ("As of Monday, shares are up 12% this year.", "2022-08-17", dt.date(2022, 8, 15)),
    ("The stock was 26% below its record as of June 18's close.", "2024-07-30", dt.date(2024, 6, 18)),
    ("The new rules will apply as of Monday.", "2022-08-17", dt.date(2022, 8, 22)),
])
def test_as_of_a_day_is_a_look_back_unless_the_clause_looks_ahead(text, published, day):
    """'As of Monday' says when a figure stood, so the day already happened; only a clause that looks ahead ("will
    apply as of Monday") makes it the next one."""
    assert find_date_expressions(text, published)[0].start_date == day


def test_a_day_the_company_prepares_for_is_to_come_and_not_the_move_s(checked):
    """"lost 3 per cent to HK$118.70 as the e-commerce group prepares to report its earnings on February 24" (14
    February 2022): the report is ten days ahead; the move is the story's session (9988.HK -3.02% to HK$118.70)."""
    assert find_date_expressions("The group prepares to report its earnings on February 24.", "2022-02-14")[0] \
        .start_date == dt.date(2022, 2, 24)
    found = checked("Hong Kong stocks fell on Monday. Alibaba Group Holding lost 3 per cent to HK$118.70 as the "
                    "e-commerce group prepares to report its third-quarter earnings on February 24.", "2022-02-14")
    for quote in ("3 per cent", "HK$118.70"):
        claim, result = found[quote]
        assert (claim.day, result.verdict) == (dt.date(2022, 2, 14), "matches")
