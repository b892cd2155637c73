"""components.extraction: candidate events proposed from another article's text."""

from __future__ import annotations

import datetime as dt

import pytest

from components.data.events import CATEGORIES, Event, parse_events
from components.facts import MAX_ARTICLE_CHARS
from components.text import candidates
from components.text import extraction as ex
from components.text.dates import find_date_expressions
from components.text.sentences import split_sentences

PUBLISHED = dt.date(2025, 6, 10)  # a Tuesday
STORY = """Acme Robotics unveiled its first humanoid robot, the A1, on Monday in Shenzhen. \
Shares of Acme rose 12% in Hong Kong trading yesterday. \
The company said the robot had been in development since January.
Regulators announced new safety rules for service robots last week. \
Acme was founded in 2019 and listed on the Hong Kong exchange on March 5, 2021. \
Its rival Borealis released the B2 model a day after the launch of the A1. \
Analysts expect more launches soon. The weather in Shenzhen was humid.
Mr. Li said the previous model shipped on 28 January. The A0 prototype was shown on 14 July. \
Acme will report earnings on Aug. 28. The board met on 2025-05-30."""

# Sentence opening -> (expression, start, end) of the candidate it should yield.
EXPECTED = {
    "Acme Robotics unveiled": ("on Monday", dt.date(2025, 6, 9), dt.date(2025, 6, 9)),
    "Shares of Acme rose": ("yesterday", dt.date(2025, 6, 9), dt.date(2025, 6, 9)),
    "The company said": ("since January", dt.date(2025, 1, 1), PUBLISHED),
    "Regulators announced": ("last week", dt.date(2025, 6, 2), dt.date(2025, 6, 6)),
    "Acme was founded": ("March 5, 2021", dt.date(2021, 3, 5), dt.date(2021, 3, 5)),
    "Its rival Borealis": (None, None, None),
    "Mr. Li said": ("28 January", dt.date(2025, 1, 28), dt.date(2025, 1, 28)),
    "The A0 prototype": ("14 July", dt.date(2024, 7, 14), dt.date(2024, 7, 14)),
    "Acme will report": ("Aug. 28", dt.date(2025, 8, 28), dt.date(2025, 8, 28)),
    "The board met": ("2025-05-30", dt.date(2025, 5, 30), dt.date(2025, 5, 30)),
}


@pytest.fixture(scope="module")
def extraction() -> ex.Extraction:
    return ex.propose_events(STORY, PUBLISHED)


def _candidate(extraction: ex.Extraction, opening: str) -> ex.Candidate:
    return next(c for c in extraction.candidates if c.sentence.startswith(opening))


def test_propose_events_finds_the_expected_candidates(extraction):
    found = {opening: (c.expression, c.start_date, c.end_date)
             for opening in EXPECTED for c in [_candidate(extraction, opening)]}
    assert found == EXPECTED
    # each other date a clause names is an event too: "Acme was founded in 2019 and listed ... on March 5, 2021"
    others = [(c.expression, c.start_date) for c in extraction.candidates if c not in
              [_candidate(extraction, opening) for opening in EXPECTED]]
    assert others == [("in 2019", dt.date(2019, 1, 1))]


def test_sentence_without_date_or_cue_is_not_a_candidate(extraction):
    sentences = [c.sentence for c in extraction.candidates]
    assert "The weather in Shenzhen was humid." not in sentences
    assert "Analysts expect more launches soon." not in sentences


def test_unresolved_expressions_are_listed_with_reasons(extraction):
    assert [(u.expression, u.sentence_index) for u in extraction.unresolved] == [
        ("a day after the launch of the A1", 5), ("soon", 6)]
    assert "no known date" in extraction.unresolved[0].reason
    assert "no calendar date" in extraction.unresolved[1].reason


def test_candidates_carry_title_category_cue_and_confidence(extraction):
    shares = _candidate(extraction, "Shares of Acme rose")
    assert shares.title == "Shares of Acme rose 12% in Hong Kong trading"
    assert (shares.category, shares.cue) == ("market move", "Shares of Acme rose")
    assert _candidate(extraction, "Regulators announced").category == "policy"
    assert _candidate(extraction, "Its rival Borealis").category == "model release"
    assert all(c.category in CATEGORIES and c.confidence for c in extraction.candidates)


def test_year_less_date_after_publication_takes_previous_year_and_says_so(extraction):
    assert "year taken as 2024" in _candidate(extraction, "The A0 prototype").confidence


def test_future_tense_keeps_the_publication_year(extraction):
    assert "future tense" in _candidate(extraction, "Acme will report").confidence


def test_known_anchor_resolves_day_after():
    result = ex.propose_events(STORY, PUBLISHED, anchors={"A1": dt.date(2025, 6, 9)})
    borealis = _candidate(result, "Its rival Borealis")
    assert borealis.date == PUBLISHED
    assert "after the anchor event (A1, 09 Jun 2025)" in borealis.rule
    assert [u.expression for u in result.unresolved] == ["soon"]


@pytest.mark.parametrize("wording, expected", [
    ("March 5, 2025", dt.date(2025, 3, 5)), ("5 March 2025", dt.date(2025, 3, 5)), ("2025-03-05", dt.date(2025, 3, 5)),
    ("Jan. 28", dt.date(2025, 1, 28)), ("28 January", dt.date(2025, 1, 28)),
])
def test_absolute_dates(wording, expected):
    [expr] = find_date_expressions(f"It happened on {wording}.", PUBLISHED)
    assert (expr.text, expr.start_date, expr.end_date) == (wording, expected, expected)


@pytest.mark.parametrize("wording, start, end", [
    ("today", PUBLISHED, PUBLISHED),
    ("yesterday", dt.date(2025, 6, 9), dt.date(2025, 6, 9)),
    ("on Monday", dt.date(2025, 6, 9), dt.date(2025, 6, 9)),
    ("on Friday", dt.date(2025, 6, 6), dt.date(2025, 6, 6)),
    ("this week", dt.date(2025, 6, 9), PUBLISHED),  # so far: the week up to the story's day
    ("last week", dt.date(2025, 6, 2), dt.date(2025, 6, 6)),  # the trading week, Monday to Friday
    ("last month", dt.date(2025, 5, 1), dt.date(2025, 5, 31)),
    ("earlier this year", dt.date(2025, 1, 1), dt.date(2025, 6, 9)),
    ("last year", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ("in 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ("since January", dt.date(2025, 1, 1), PUBLISHED),
])
def test_relative_dates(wording, start, end):
    [expr] = find_date_expressions(f"Sales grew {wording}.", PUBLISHED)
    assert (expr.text, expr.start_date, expr.end_date) == (wording, start, end)
    assert expr.rule


def test_category_keywords_use_event_categories():
    assert set(candidates.CATEGORY_KEYWORDS) <= set(CATEGORIES)
    assert ex.guess_category("The weather was humid.") == "other"


def test_invalid_calendar_date_is_unresolved():
    [expr] = find_date_expressions("It shipped on 2025-02-30.", PUBLISHED)
    assert not expr.resolved and "not a calendar date" in expr.reason


def test_split_sentences_respects_abbreviations_and_lines():
    text = "Mr. Li met Dr. Wu on Jan. 28. They spoke.\nA heading\nThe U.S. firm grew."
    assert split_sentences(text) == ["Mr. Li met Dr. Wu on Jan. 28.", "They spoke.", "A heading",
                                        "The U.S. firm grew."]


def test_oversized_input_is_rejected():
    with pytest.raises(ValueError, match="limit is 100,000"):
        ex.propose_events("x" * (MAX_ARTICLE_CHARS + 1), PUBLISHED)


def test_bad_publication_date_is_rejected():
    with pytest.raises(ValueError, match="not a date"):
        ex.propose_events(STORY, "next Tuesday")


def test_control_characters_are_blanked():
    result = ex.propose_events("Acme\x00 launched\x07 its robot on Monday.", PUBLISHED)
    assert result.candidates[0].sentence == "Acme  launched  its robot on Monday."


def test_candidate_to_event_record_validates_as_event(extraction):
    record = ex.candidate_to_event_record(_candidate(extraction, "Shares of Acme rose"))
    event = Event.model_validate(record)
    assert event.id == "user-shares-of-acme-rose-12-in-hong-kong-trading"
    assert (event.origin, event.category, event.date) == ("user", "market move", dt.date(2025, 6, 9))
    assert event.article_wording == "yesterday"
    assert parse_events([record])[0].id == event.id


def test_candidate_to_event_record_applies_edits(extraction):
    record = ex.candidate_to_event_record(_candidate(extraction, "Regulators announced"), date="2025-06-04",
                                          title="Robot safety rules", category="policy", symbols=["9988.HK"])
    assert (record["id"], record["date"], record["symbols"]) == ("user-robot-safety-rules", "2025-06-04", ["9988.HK"])


def test_candidate_to_event_record_needs_a_day_for_a_range(extraction):
    with pytest.raises(ValueError, match="pass date="):
        ex.candidate_to_event_record(_candidate(extraction, "Regulators announced"))


@pytest.mark.parametrize("edits, message", [({"colour": "red"}, "unknown event field"),
                                            ({"origin": "article"}, "origin 'user'"),
                                            ({"category": "gossip"}, "field 'category'")])
def test_candidate_to_event_record_rejects_bad_edits(extraction, edits, message):
    with pytest.raises(ValueError, match=message):
        ex.candidate_to_event_record(_candidate(extraction, "Shares of Acme rose"), **edits)


# --- events of their own inside a clause (event_parts.py) --------------------------------------------------

def _items(text: str, published=PUBLISHED):
    result = ex.propose_events(text, published)
    return {c.sentence: c.date or (c.start_date, c.end_date) for c in result.candidates}, \
        {u.sentence: u.reason for u in result.unresolved}


def test_an_undated_cause_is_listed_without_the_day_of_its_move():
    found, listed = _items("Acme shares fell 4% on Monday, after the robot maker's orders missed forecasts.")
    assert found == {"Acme shares fell 4% on Monday": dt.date(2025, 6, 9)}
    assert list(listed) == ["after the robot maker's orders missed forecasts"]
    assert "without a day" in listed["after the robot maker's orders missed forecasts"]


@pytest.mark.parametrize(("sentence", "move", "cause"), [
    ("Acme shares fell 3.1% on reports it cut robot prices.", "Acme shares fell 3.1%",
     "on reports it cut robot prices"),
    ("Acme jumped 5% on media reports of a possible merger with Borealis.", "Acme jumped 5%",
     "on media reports of a possible merger with Borealis"),
    ("Acme rose 4% as the company said it agreed to buy a rival.", "Acme rose 4%",
     "as the company said it agreed to buy a rival"),
    ("Acme fell 2% after Beijing indicated it may tighten export rules.", "Acme fell 2%",
     "after Beijing indicated it may tighten export rules"),
])
def test_a_cause_without_a_comma_is_an_undated_event_of_its_own(sentence, move, cause):
    """'On reports …', 'on word that …', 'as the company said …' and 'after Beijing …' (a name ending in -ing is no
    gerund) are the news behind a move: listed undated, while the move keeps its session."""
    found, listed = _items(sentence)
    assert found == {move: PUBLISHED} and list(listed) == [cause]


def test_a_cause_with_its_own_day_is_dated_by_it():
    found, listed = _items("Acme shares rose 3% after the group announced a buyback on Friday.")
    assert found["after the group announced a buyback on Friday"] == dt.date(2025, 6, 6)
    assert not listed


def test_a_day_after_counts_back_from_the_day_of_its_clause():
    found, _ = _items("Monday's rally came a day after officials said tariffs would be paused.")
    assert found["a day after officials said tariffs would be paused"] == dt.date(2025, 6, 8)


def test_an_opening_cause_and_a_cause_as_subject_are_events_of_their_own():
    found, listed = _items("Amid fresh tariff threats from Washington, Hong Kong stocks fell 2%.")
    assert found == {"Hong Kong stocks fell 2%.": PUBLISHED} and list(listed) == [
        "Amid fresh tariff threats from Washington"]
    found, listed = _items("A surprise rate cut by the central bank sent the Hang Seng Index soaring 3%.")
    assert found["sent the Hang Seng Index soaring 3%."] == PUBLISHED
    assert "A surprise rate cut by the central bank" in listed


def test_a_move_in_a_subordinate_part_is_the_same_session_not_an_undated_event():
    found, listed = _items("Acme dropped 2% on Monday, as rivals Borealis and Cobalt gained 1.5% and 0.5%.")
    assert found == {"Acme dropped 2% on Monday, as rivals Borealis and Cobalt gained 1.5% and 0.5%.":
                     dt.date(2025, 6, 9)} and not listed


def test_a_part_without_its_own_subject_or_with_only_a_look_back_stays_with_its_clause():
    found, listed = _items("The index hit a record on Monday after paring gains, its longest run in five years.")
    assert found == {"The index hit a record on Monday after paring gains, its longest run in five years.":
                     dt.date(2025, 6, 9)} and not listed


@pytest.mark.parametrize(("sentence", "move", "news"), [
    ("Borealis climbed 3.6% on Monday after announcing a share sale.", "Borealis climbed 3.6% on Monday",
     "after announcing a share sale"),
    ("The founder made headlines on Monday after posting a memo, his longest in five years.",
     "The founder made headlines on Monday", "after posting a memo, his longest in five years"),
    ("Acme +2.2% after signing a deal with two hospitals, Borealis +1.7%, and Cobalt -1.3%.", "Acme +2.2%",
     "after signing a deal with two hospitals"),
])
def test_a_gerund_of_news_is_an_event_of_its_own_without_the_day_of_its_move(sentence, move, news):
    found, listed = _items(sentence)
    assert found[move] == PUBLISHED if "Monday" not in move else found[move] == dt.date(2025, 6, 9)
    assert list(listed) == [news]


def test_a_list_of_moves_resuming_after_a_cause_keeps_its_sentence_day():
    found, _listed = _items("On Monday, Acme +2.2% after signing a deal with two hospitals, Borealis +1.7%, and "
                            "Cobalt -1.3%.")
    assert found["Borealis +1.7%"] == found["and Cobalt -1.3%"] == dt.date(2025, 6, 9)


@pytest.mark.parametrize("sentence", [
    "Borealis posted 40% revenue growth in the September quarter.",
    "Acme rose 2% after third-quarter profit beat estimates.",
    "Brokers have cut their forecasts for the region's growth this year.",
    "The board approved a buyback programme through March 2027.",
])
def test_the_period_a_result_or_forecast_covers_does_not_date_its_event(sentence):
    result = ex.propose_events(sentence, PUBLISHED)
    dated = [c for c in result.candidates if c.start_date and c.start_date != c.end_date]
    assert not dated and result.unresolved


def test_a_clause_with_a_verb_of_news_and_no_date_is_listed():
    result = ex.propose_events("Separately, the broker said margins were recovering.", PUBLISHED)
    assert [u.expression for u in result.unresolved] == ["said"] and not result.candidates


def test_an_opening_or_later_part_with_its_own_period_is_dated_when_its_clause_is_not():
    found, _ = _items("Since the listing was halted in November 2020, investors have shunned the sector.")
    assert found["Since the listing was halted in November 2020"] == (dt.date(2020, 11, 1), dt.date(2020, 11, 30))
    found, _ = _items("Sentiment improved because the founder was seen in public this month.")
    assert found["because the founder was seen in public this month"] == (dt.date(2025, 6, 1), PUBLISHED)


def test_a_cause_that_moved_is_still_an_event_of_its_own():
    found, listed = _items("Miner Borealis added 2% after copper prices set a record high for a fifth day.")
    assert found == {"Miner Borealis added 2%": PUBLISHED}
    assert "after copper prices set a record high for a fifth day" in listed


def test_a_title_leaves_out_a_possessive_date():
    result = ex.propose_events("The rally comes after this month's two-for-one split.", PUBLISHED)
    assert all("'s two" not in c.title for c in result.candidates)


def test_each_period_a_figure_is_measured_over_is_proposed():
    def spans(text):
        return {(c.start_date, c.end_date) for c in ex.propose_events(text, "2025-03-14").candidates}
    assert spans("Acme's stock, down 20% over the past 12 months, has gained 5% in the new year.") == {
        (dt.date(2024, 3, 14), dt.date(2025, 3, 14)), (dt.date(2025, 1, 1), dt.date(2025, 3, 14))}
    assert spans("Acme closed last night at a record, capping a jump of 40% this year.") == {
        (dt.date(2025, 3, 13),) * 2, (dt.date(2025, 1, 1), dt.date(2025, 3, 14))}


def test_a_when_part_takes_the_date_just_before_it():
    found, _ = _items("The founder has kept a low profile since 2019, when he left the board after criticising rules.")
    assert found["when he left the board after criticising rules"] == (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    found, _ = _items("It recalled the merger in 2021, when the two firms combined their units.")
    assert list(found.values()) == [(dt.date(2021, 1, 1), dt.date(2021, 12, 31))]  # one event, one time


def test_what_a_trailing_report_says_is_undated_and_the_report_keeps_its_day():
    found, listed = _items("Regulators have been reviewing the merger, the Daily Planet reported on Saturday, "
                           "citing people familiar with the matter.")
    assert list(found.values()) == [dt.date(2025, 6, 7)]
    assert "Regulators have been reviewing the merger" in listed


def test_a_count_after_an_undated_clause_in_the_present_counts_from_the_story_day():
    found, _ = _items("The move comes one day after the founder was seen in Shanghai.")
    assert found["one day after the founder was seen in Shanghai"] == dt.date(2025, 6, 9)


def test_each_other_date_of_a_clause_that_is_not_a_move_is_proposed():
    spans = {(c.start_date, c.end_date) for c in ex.propose_events(
        "Its profit in the three months through March rose 4%, its best since listing in 2018.", PUBLISHED).candidates}
    assert spans == {(dt.date(2025, 1, 1), dt.date(2025, 3, 31)), (dt.date(2018, 1, 1), dt.date(2018, 12, 31))}


def test_an_event_of_a_part_keeps_its_whole_sentence_as_the_summary():
    result = ex.propose_events("Acme shares fell 4% on Monday, after orders missed forecasts.", PUBLISHED)
    record = ex.candidate_to_event_record(result.candidates[0])
    assert result.candidates[0].sentence == "Acme shares fell 4% on Monday"
    assert record["summary"] == "Acme shares fell 4% on Monday, after orders missed forecasts."


def test_the_title_of_a_trimmed_event_comes_from_its_own_words():
    result = ex.propose_events("Borealis added 2% to HK$10 after quarterly profit beat estimates.", PUBLISHED)
    assert result.candidates[0].title == "Borealis added 2% to HK$10"


def test_as_recently_as_does_not_open_a_subordinate_part_and_a_part_takes_its_first_date():
    found, listed = _items("As recently as March 2023, Borealis was the tenth largest listed firm.")
    assert list(found.values()) == [(dt.date(2023, 3, 1), dt.date(2023, 3, 31))] and not listed
    found, _ = _items("The rally comes after this month's split, which put shares at yesterday's price of $10.")
    assert found["after this month's split, which put shares at yesterday's price of $10"] == (
        dt.date(2025, 6, 1), PUBLISHED)


@pytest.mark.parametrize(("sentence", "day"), [
    ("The city's market is closed for a public holiday on Thursday.", dt.date(2025, 6, 12)),
    ("Markets will be closed for the afternoon session on Wednesday.", dt.date(2025, 6, 11)),
    ("The bourse was closed on Monday for a typhoon.", dt.date(2025, 6, 9)),
    ("Hong Kong stocks closed higher on Monday.", dt.date(2025, 6, 9)),
])
def test_a_market_shut_on_a_weekday_is_that_day_and_not_a_move(sentence, day):
    found, _listed = _items(sentence)
    assert list(found.values()) == [day]


def test_a_day_in_a_that_clause_after_a_move_is_not_the_move_day():
    sentence = "Hong Kong rebounded on the names that led it lower yesterday, with Acme +3.1%."
    assert _items(sentence)[0] == {sentence: PUBLISHED}


@pytest.mark.parametrize(("sentence", "published", "span"), [
    ("The Nasdaq is down 20% from its November peak, putting it in a bear market.", "2022-03-07",
     (dt.date(2021, 11, 1), dt.date(2021, 11, 30))),
    ("The index is 12% below the all-time high it set in early January.", "2022-03-07",
     (dt.date(2022, 1, 1), dt.date(2022, 1, 10))),
    ("The index slumped 7%, its steepest daily loss since its creation in July 2020.", "2022-03-14",
     (dt.date(2020, 7, 1), dt.date(2020, 7, 31))),
    ("The benchmark fell 13%, its heftiest drop since 1997.", "2025-04-07",
     (dt.date(1997, 1, 1), dt.date(1997, 12, 31))),
    ("The ETF jumped 6%, its largest daily percentage gain since Nov. 11.", "2022-11-29",
     (dt.date(2022, 11, 11), dt.date(2022, 11, 11))),
    ("The stock has gained about 12 per cent from its March low.", "2026-03-17",
     (dt.date(2026, 3, 1), dt.date(2026, 3, 17))),
    ("Acme has rebounded since hitting a low of around HK$489.6 in late May.", "2025-11-14",
     (dt.date(2025, 5, 20), dt.date(2025, 5, 31))),
])
def test_the_point_a_move_is_measured_against_is_an_event_of_its_own(sentence, published, span):
    spans = {(c.start_date, c.end_date) for c in ex.propose_events(sentence, published).candidates}
    assert span in spans


def test_a_period_since_a_day_is_not_a_reference_point():
    spans = {(c.start_date, c.end_date) for c in ex.propose_events(
        "The index has recovered the ground it had given up since March 10.", "2022-03-17").candidates}
    assert (dt.date(2022, 3, 10), dt.date(2022, 3, 10)) not in spans


def test_a_preview_s_look_ahead_is_the_session_it_looks_ahead_to_and_its_recap_the_one_before():
    text = ("Asia-Pacific markets are set to open higher on Wednesday as investors assess the tech rally.\n\n"
            "Japan's benchmark Nikkei 225 was set to open higher, with futures in Chicago at 37,900.\n\n"
            "The European markets were down and the U.S. bourses were mixed and the Asian markets figure to split the "
            "difference.")
    found = {c.sentence: c.date for c in ex.propose_events(text, "2025-06-03").candidates}
    assert found["Japan's benchmark Nikkei 225 was set to open higher, with futures in Chicago at 37,900."] == \
        dt.date(2025, 6, 4)
    recap = next(day for sentence, day in found.items() if sentence.startswith("The European markets"))
    assert recap == dt.date(2025, 6, 3)


@pytest.mark.parametrize(("sentence", "listed"), [
    ("Tech stocks slumped 5% on Monday after regulators rolled out further controls on gaming.",
     "after regulators rolled out further controls on gaming"),
    ("Hong Kong stocks rose 1.8% on Monday after crude prices retreated on the build-up in US inventories.",
     "after crude prices retreated on the build-up in US inventories"),
])
def test_a_cause_with_a_verb_of_its_own_is_listed_without_the_move_s_day(sentence, listed):
    found, unresolved = _items(sentence)
    assert listed in unresolved and all(listed not in s for s in found)


def test_news_without_a_day_is_listed_not_dropped():
    _found, unresolved = _items("Russian President Vladimir Putin sent troops into two separatist regions.")
    assert list(unresolved) == ["Russian President Vladimir Putin sent troops into two separatist regions."]


@pytest.mark.parametrize(("sentence", "title"), [
    ("On Wednesday in the U.S., the S&P 500 fell 0.74%.", "The S&P 500 fell 0.74%"),
    ("In Hong Kong, the Hang Seng rose 1% on Friday.", "The Hang Seng rose 1%"),
    ("At the Asia open, U.S. equity futures were higher.", "U.S. equity futures were higher"),
    ("On the first trading day of the new year, Asia-Pacific market indices began the year with mixed performances.",
     "Asia-Pacific market indices began the year with mixed performances"),
])
def test_a_title_starts_at_the_subject_not_at_an_opening_place(sentence, title):
    """'in the U.S.,' opening a sentence is where, not who: the title was 'The U.S'."""
    found = [c.title for c in ex.propose_events(sentence, "2026-01-02", place="HK").candidates]
    assert found[0] == title


@pytest.mark.parametrize(("sentence", "title"), [
    ("SINGAPORE: Singapore shares edged lower on Friday.", "Singapore shares edged lower"),
    ("(RTTNews) - The Hong Kong stock market climbed on Friday.", "The Hong Kong stock market climbed"),
    ("Feb 14 (Reuters) - Wall Street ended flat on Friday.", "Wall Street ended flat"),
    ("Kuala Lumpur, Feb. 14 (Bernama) – Hong Kong stocks rose on Friday.", "Hong Kong stocks rose"),
    ("MarketWatch.com — Tech stocks led the rally on Friday.", "Tech stocks led the rally"),
    ("Crucially, the Hang Seng rose 3.7% on Friday.", "The Hang Seng rose 3.7%"),
    ("Even so, traders stayed cautious on Friday.", "Traders stayed cautious"),
    ("Once the data were out, the index rose 3% on Friday.", "The index rose 3%"),
    ("Among laggards, Meituan dropped 2% on Friday.", "Meituan dropped 2%"),
    ("Big picture: Hong Kong stocks had their best week in months on Friday.",
     "Hong Kong stocks had their best week in months"),
    ("Tencent (0700.HK) rose 7% on Friday.", "Tencent rose 7%"),
    ("Alibaba (NYSE:BABA)'s shares rose 2% on Friday.", "Alibaba's shares rose 2%"),
])
def test_a_title_starts_at_the_story_s_words_not_at_a_wire_s_or_a_connective(sentence, title):
    """What a wire or site puts first, a connective or a label before the subject, and a ticker after a name are
    no part of what happened."""
    found = [c.title for c in ex.propose_events(sentence, "2025-02-14", place="HK").candidates]
    assert found[0] == title


def test_a_label_before_a_figure_stays_the_title():
    found = [c.title for c in ex.propose_events("S&P 500: 6,114.63, down 0.01% on Friday.", "2025-02-14",
                                                place="US").candidates]
    assert found[0] == "S&P 500"


@pytest.mark.parametrize("line", ["Friday 14:22, 14 February 2025", "Xinhua) 08:46, February 14, 2025",
                                  "For the week:", "On Friday:"])
def test_a_time_stamp_or_a_section_head_is_no_event(line):
    found = ex.propose_events(f"{line}\n\nHong Kong stocks rose 3.7% on Friday.", "2025-02-14", place="HK")
    assert [c.title for c in found.candidates] == ["Hong Kong stocks rose 3.7%"]


@pytest.mark.parametrize("sentence", [
    "In the third quarter of 2024 alone, the company reported its sales jumped 40%.",
    "Tencent said it expects another $20 billion worth of revenue in the current quarter.",
    "The group forecasts profit growth of 10% for the fiscal year.",
])
def test_a_period_a_result_or_forecast_covers_never_dates_it(sentence):
    """The quarter a reported or expected result covers is not when it was reported: listed undated, with why."""
    found = ex.propose_events(sentence, "2025-02-14", place="HK")
    assert not [c for c in found.candidates if c.start_date is not None]
    assert [u.sentence for u in found.unresolved] == [sentence]


def test_a_day_that_is_the_subject_stays_in_the_title():
    """'Thursday saw a small loss': without its day the title would start at the verb ('Saw a small loss')."""
    found = ex.propose_events("Thursday saw a small loss for Hong Kong stocks.", "2025-02-14", place="HK")
    assert [c.title for c in found.candidates] == ["Thursday saw a small loss for Hong Kong stocks"]
