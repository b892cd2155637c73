"""Stories written in Asia about the session before: a regional wire's lead ("Stocks were lower Wednesday in Asia"),
a dateline from an Asian city, a live story that says where US futures stand, and "the benchmark" right after the
S&P 500. Every text here is written for the test; the figures are the bundled closes."""

import datetime as dt

from components.text.extraction import propose_events
from components.text.reader import read_article
from components.text.story import story_place

D = dt.date


def test_an_asian_city_in_the_dateline_places_the_story_in_asia():
    place, why = story_place("BANGKOK (AP) — Stocks fell.", ["Stocks fell."], "BANGKOK")
    assert place == "HK" and "Bangkok" in why


def test_a_wire_lead_on_stocks_in_asia_places_the_story_in_asia():
    lead = "Stocks were mostly higher Thursday in Asia after a quiet session on Wall Street."
    place, why = story_place(lead, [lead], "")
    assert place == "HK" and "Asia" in why


def test_the_lead_s_day_for_asia_makes_the_us_figures_the_session_before_it(checked):
    """Published Thursday 21 August 2025 about Wednesday's Asian trading: the S&P 500's figures without a day of
    their own are Tuesday's (6,411.37, -0.59%), the last US session that Wednesday's Asia had seen."""
    found = checked("Asian stock markets declined on Wednesday, tracking a slide in US chip shares.\n\nOn Wall "
                    "Street, the S&P 500 lost 0.6% to 6,411.37.", "2025-08-21")
    assert {found[q][0].day.isoformat() for q in ("0.6%", "6,411.37")} == {"2025-08-19"}
    assert {found[q][1].verdict for q in ("0.6%", "6,411.37")} == {"matches"}


def test_us_futures_quoted_in_an_asian_lead_make_its_asian_figures_live(checked):
    """A story written while Asia traded (it says where US futures stand): the Hang Seng's figures are from the
    session in progress, which daily bars cannot check, while the S&P 500's are the previous US close."""
    found = checked("SEOUL (AP) — Stocks were mostly higher Tuesday in Asia, while U.S. futures were little "
                    "changed.\n\nHong Kong's Hang Seng advanced 0.4% to 25,740.10.\n\nOn Wall Street, the S&P 500 "
                    "lost 0.3% to 6,905.74.", "2025-12-30")
    assert {found[q][1].verdict for q in ("0.4%", "25,740.10")} == {"uncheckable"}
    assert found["6,905.74"][0].day.isoformat() == "2025-12-29" and found["6,905.74"][1].verdict == "matches"


def test_the_benchmark_right_after_the_s_and_p_500_is_the_s_and_p_500_in_an_asian_story(checked):
    found = checked("SEOUL (AP) — Stocks were mostly lower Tuesday in Asia.\n\nThe S&P 500 lost 0.3% to 6,905.74. "
                    "The benchmark index is still up more than 17% for the year.", "2025-12-30")
    claim, result = found["17%"]
    assert claim.symbol == "^GSPC" and claim.measure == "period" and result.verdict == "matches"


def test_the_benchmark_far_from_any_foreign_index_is_the_story_s_own(checked):
    found = checked("HONG KONG — Stocks rose on Tuesday.\n\nThe S&P 500 lost 0.3% overnight.\n\nProperty "
                    "developers led the gains.\n\nTraders bought banks.\n\nThe benchmark rose 0.86%.", "2025-12-30")
    assert found["0.86%"][0].symbol == "^HSI"


def test_a_wire_lead_without_a_day_keeps_the_publication_session():
    reading = read_article("Asian shares slipped, tracking Wall Street.\n\nThe Hang Seng closed 0.7% lower.",
                           "2025-12-29")
    assert reading.session in (None, reading.published)


def test_a_wall_street_move_an_asian_session_follows_is_the_us_session_before_it():
    """'Shares fell Tuesday in Asia after stocks slipped on Wall Street': the slip is Monday's US session."""
    found = propose_events("SEOUL (AP) — Shares fell Tuesday in Asia after stocks slipped on Wall Street.",
                           "2025-12-30")
    days = {(c.start_date, c.end_date) for c in found.candidates}
    assert (D(2025, 12, 29), D(2025, 12, 29)) in days and not found.unresolved


def test_futures_are_not_the_us_session_before():
    found = propose_events("SEOUL (AP) — Shares fell Tuesday in Asia after U.S. futures slipped on Wall Street.",
                           "2025-12-30")
    assert (D(2025, 12, 29), D(2025, 12, 29)) not in {(c.start_date, c.end_date) for c in found.candidates}


def test_a_year_to_come_never_dates_a_move(checked):
    found = checked("HONG KONG — The Hang Seng fell 0.7% on Monday, even as Beijing pledged more support in 2026.",
                    "2025-12-29")
    assert found["0.7%"][0].measure == "day" and found["0.7%"][1].verdict == "matches"


def test_a_month_after_might_is_the_one_to_come():
    """Published in June 2023: 'the meeting in July might change the tone' is July 2023, not July 2022."""
    found = propose_events("The Politburo meeting in July might change the policy tone, analysts said.", "2023-06-02")
    assert (D(2023, 7, 1), D(2023, 7, 31)) in {(c.start_date, c.end_date) for c in found.candidates}


def test_a_second_listing_s_move_keeps_the_day_beside_its_reference_point():
    """'..., while the S&P 500 advanced 0.7%, just shy of its record close reached on Oct. 28': the S&P 500's move is
    the story's Wednesday, and October 28 is only the point it is measured against."""
    found = propose_events("NEW YORK — Stocks rose on Wednesday.\n\nThe Dow rose 497.46 points, or 1.1%, to close at a "
                           "one-month high of 48,057.75, "
                           "while the S&P 500 advanced 46.17 points, or 0.7%, to end at 6,886.68, or just shy of its "
                           "6,890.89 record close reached on Oct. 28.", "2025-12-10")
    assert any(c.start_date == D(2025, 12, 10) and "S&P 500 advanced 46.17 points" in c.sentence
               for c in found.candidates), [(c.start_date, c.sentence) for c in found.candidates]


NEW_YEAR_WRAP = ("Asia-Pacific markets start the new year mixed\n\n"
                 "On the first trading day of the new year, Asia-Pacific market indices began the year with mixed "
                 "performances. The Kospi rose 0.65%.\n\n"
                 "At the Asia open, U.S. equity futures were higher. S&P futures rose 0.15%.\n\n"
                 "On Wednesday in the U.S., the S&P 500 fell 0.74%, the Nasdaq Composite dropped 0.76% and the Dow "
                 "declined 0.63%. However, the S&P 500 is up 16.39% year to date. The Nasdaq has risen 20% and the "
                 "Dow 13%, and the S&P 500 index closed at 6,845.50 on Wednesday.")


def test_an_asia_pacific_lead_places_a_story_naming_wall_street_often_in_asia(checked):
    """The lead reports Asia-Pacific indices; the US figures are New York's last session of the year, and 'year to
    date' there is 2025's, not two days of 2026."""
    found = checked(NEW_YEAR_WRAP, "2026-01-02")
    claim, result = found["16.39%"]
    assert (claim.day, claim.since, result.verdict) == (D(2025, 12, 31), D(2025, 1, 1), "matches")


def test_us_futures_at_the_asia_open_trade_on_the_asian_day():
    result = propose_events(NEW_YEAR_WRAP, D(2026, 1, 2))
    futures = [c.date for c in result.candidates if c.sentence.startswith("At the Asia open")]
    assert result.place == "HK" and futures == [D(2026, 1, 2)]


def test_a_us_story_on_where_futures_point_the_open_reports_the_previous_closes(checked):
    """'Wall Street might open positive ... As of 8.15 am ET, futures were up': written before the open, so 'The S&P
    500 slipped 11.09 points or 0.2 percent to 5,702.55' is Friday's close, not Monday's session in progress."""
    text = ("Early cues from the U.S. Futures Index suggest that Wall Street might open positive on Monday.\n\n"
            "As of 8.15 am ET, the Dow futures were up 22.00 points.\n\n"
            "The U.S. major averages finished broadly up. The S&P 500 slipped 11.09 points or 0.2 percent to "
            "5,702.55.")
    found = checked(text, "2024-09-23")
    for quote in ("11.09 points", "0.2 percent", "5,702.55"):
        claim, result = found[quote]
        assert (claim.day, result.verdict) == (D(2024, 9, 20), "matches"), quote


def test_an_australian_morning_note_places_its_us_figures_on_the_session_before():
    """'the ASX 200 will open lower ... as of 8:30 am AEST': written in Australia, so Monday's Wall Street figures are
    New York's Monday, the session before the note."""
    text = ("Despite the S&P 500 closing at a record high, the ASX 200 will open lower following a trading day off.\n\n"
            "ASX 200 futures are trading 33 points lower as of 8:30 am AEST.\n\n- The S&P 500 gained 0.3%.")
    reading = read_article(text, D(2024, 6, 11))
    assert reading.place == "HK"
    from components.text.claim_reader import read_claims
    assert {c.quote: c.day for c in read_claims(reading)}["0.3%"] == D(2024, 6, 10)


def test_an_australian_clock_after_two_wall_street_paragraphs_still_places_the_note_in_asia(checked):
    """The note opens on New York's day and gives its own time only in the third paragraph ('as of 7.45am AEDT'):
    it is still written in Australia, so the S&P 500's close is Thursday 13 February 2025's (+1.04%, 6,115.07),
    not Friday's, which New York had not traded yet."""
    text = ("Technology shares led a broad advance in New York as traders shrugged off hot producer prices.\n\n"
            "Bond yields eased and the US dollar slipped against most major currencies overnight.\n\n"
            "ASX futures rose 0.3 per cent to 8540 as of 7.45am AEDT after the S&P 500 closed 1 per cent higher at "
            "6115.07.\n\nThe Nasdaq added 1.5 per cent.")
    reading = read_article(text, D(2025, 2, 14))
    assert reading.place == "HK"
    found = checked(text, "2025-02-14")
    for quote in ("1 per cent", "6115.07"):
        claim, result = found[quote]
        assert (claim.day, claim.measure, result.verdict) == (D(2025, 2, 13), "day" if quote != "6115.07" else "level",
                                                             "matches"), quote



def test_a_lead_on_the_previous_session_does_not_move_the_story_s_day(checked):
    """'Nvidia fell 7.4% in the previous session' opening a story of Monday 7 April 2025: Friday 4 April's move
    (-7.36%), counted once from the story's day, not twice (Thursday, after the lead had set the story's day)."""
    claim, result = checked("Nvidia fell 7.4% in the previous session.", "2025-04-07")["7.4%"]
    assert (claim.day, result.verdict) == (D(2025, 4, 4), "matches")


def test_asia_s_monday_is_that_monday_even_when_hong_kong_was_shut(checked):
    """'Asian shares were mixed on Monday' on 2 October 2023, a Hong Kong holiday: the region's day is still that
    Monday, so Wall Street's figures are Friday 29 September's (4,288.05, -0.27%), not Thursday's."""
    found = checked("Asian shares were mixed on Monday as traders weighed the outlook for interest rates.\n\nOn Wall "
                    "Street, the S&P 500 fell 0.3% to 4,288.05.",
                    "2023-10-02")
    for quote in ("0.3%", "4,288.05"):
        claim, result = found[quote]
        assert (claim.day, result.verdict) == (D(2023, 9, 29), "matches"), quote


def test_a_story_naming_no_market_and_only_us_listed_companies_is_a_us_story(checked):
    """'Nvidia's meteoric rise stumbled Thursday as its shares plunged more than 8%' (27 February 2025, -8.48%) with
    'down 10% year-to-date' (-10.3%): no market is named, but Nvidia trades only in New York, so the story is New
    York's and Thursday is New York's Thursday (read as a Hong Kong story, the YTD figure was called wrong)."""
    text = ("Nvidia's meteoric rise stumbled Thursday as its shares plunged more than 8%, pushing the chipmaker's "
            "market capitalization below the $3 trillion mark.\n\nThe slump caps a rocky start to 2025, with Nvidia "
            "shares down 10% year-to-date as investors weigh geopolitical tensions.")
    assert read_article(text, D(2025, 2, 27)).place == "US"
    found = checked(text, "2025-02-27")
    for quote in ("8%", "10%"):
        claim, result = found[quote]
        assert (claim.day, result.verdict) == (D(2025, 2, 27), "matches"), quote
