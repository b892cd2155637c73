"""A date that belongs to what is reported, not to the report: the time inside the quoted words of a clause that
says who said them, and a deadline still to come ("by next year", "by the end of 2030"). Neither dates the event of
its clause; a day the reporting verb carries itself ("said on Tuesday") still does."""

import datetime as dt

import pytest

from components.text.extraction import propose_events


def _spans(text: str, published: str) -> list[tuple[dt.date | None, dt.date | None]]:
    found = propose_events(text, published)
    return [(c.start_date, c.end_date) for c in found.candidates]


def _undated(text: str, published: str) -> list[str]:
    return [u.sentence for u in propose_events(text, published).unresolved]


@pytest.mark.parametrize("text,published,leaked", [
    ('Clients expect "very little stimulus before the third quarter," UBS said in a note to investors.',
     "2024-05-14", (dt.date(2024, 7, 1), dt.date(2024, 9, 30))),
    ("“Margins should recover later this year,” the chief financial officer told analysts.", "2023-08-10",
     (dt.date(2023, 8, 11), dt.date(2023, 12, 31))),
    ('"We saw the weakest orders of the first half," a spokesman for the carmaker said.', "2024-07-22",
     (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
])
def test_the_time_inside_a_quotation_is_the_speaker_s_not_the_saying_s(text, published, leaked):
    assert leaked not in _spans(text, published)
    assert _undated(text, published)  # listed, without a date


@pytest.mark.parametrize("text,published,leaked", [
    ("Baidu gained 2% after a newspaper reported the company was in talks to sell its cloud arm by next year.",
     "2024-10-02", (dt.date(2025, 1, 1), dt.date(2025, 12, 31))),
    ("The carmaker's shares slid after it dropped a goal of selling two million cars by the end of 2027.",
     "2025-03-05", (dt.date(2027, 1, 1), dt.date(2027, 12, 31))),
])
def test_a_deadline_still_to_come_dates_no_event(text, published, leaked):
    assert leaked not in _spans(text, published)


def test_a_day_the_reporting_verb_carries_still_dates_the_report():
    """"said on Tuesday it would cut rates in the third quarter": Tuesday is when it said so."""
    spans = _spans("The yuan weakened after the central bank said on Tuesday it would cut rates in the third quarter.",
                   "2023-07-06")
    assert (dt.date(2023, 7, 4), dt.date(2023, 7, 4)) in spans


def test_a_quotation_without_anyone_saying_it_keeps_its_date():
    """A title in quotation marks is not reported speech: "the 'Spring Rally' of March 2024" keeps March 2024."""
    spans = _spans('Analysts compared it with the "rally of March 2024", which lifted the index.', "2025-06-02")
    assert (dt.date(2024, 3, 1), dt.date(2024, 3, 31)) in spans


def test_a_scheduled_day_after_a_reporting_verb_stays_an_event():
    """Only a deadline ("by ...") is dropped: "said it will report results on August 15" is a day to come."""
    spans = _spans("Alibaba said it will report results on August 15.", "2023-07-06")
    assert (dt.date(2023, 8, 15), dt.date(2023, 8, 15)) in spans


@pytest.mark.parametrize("text,published,month", [
    ("Hikes of 75 basis points were most likely at the next meeting in July, Powell said.", "2022-06-16",
     (dt.date(2022, 7, 1), dt.date(2022, 7, 31))),
    ("Powell said future decisions would depend on the data ahead of their next policy meeting in September.",
     "2023-07-26", (dt.date(2023, 9, 1), dt.date(2023, 9, 30))),
])
def test_a_month_of_the_next_meeting_is_to_come(text, published, month):
    from components.text.dates import find_date_expressions

    found = [(e.start_date, e.end_date) for e in find_date_expressions(text, published) if e.kind == "month"]
    assert found == [month]


def test_a_ranking_s_look_back_is_not_its_clause_s_date():
    """"raised its rate by three-quarters of a point, its biggest hike since 1994": the hike is not of 1994; with no
    day of its own it is listed undated (1994 stays a reference point of its own)."""
    text = ("The Federal Reserve raised its target rate by three-quarters of a percentage point, its biggest hike "
            "since 1994.")
    undated = propose_events(text, "2022-06-16").unresolved
    assert any(u.sentence.startswith("The Federal Reserve raised") for u in undated)


def test_a_year_a_projection_covers_dates_no_event():
    """"... accompanied by projections signaling a more cautious approach to easing in 2025" (18 December 2024)."""
    spans = _spans("U.S. stocks plummeted on Wednesday. The drop followed the Federal Reserve's decision to lower "
                   "rates, accompanied by projections signaling a more cautious approach to easing in 2025.",
                   "2024-12-18")
    assert (dt.date(2025, 1, 1), dt.date(2025, 12, 31)) not in spans


def test_a_level_not_seen_since_a_month_is_not_the_month_of_the_move():
    """"helped send the S&P 500 to lows not seen since November 2020": the clause did not happen in November 2020
    (with no day of its own it is listed undated; November 2020 stays a reference point of its own)."""
    found = propose_events("Bond market turmoil helped send the S&P 500 to lows not seen since November 2020.",
                           "2022-09-30")
    assert any(u.sentence.startswith("Bond market turmoil") for u in found.unresolved)
