"""A wire's midday items: "**" items run together on one line are sentences of their own, "in the morning session"
in the lead makes the story a midday report, and a market "closed for a holiday" in the lead is no session's close."""

from components.text.sentences import split_sentences


def test_items_run_together_are_sentences_of_their_own():
    assert split_sentences("Shares were down 1.57% at midday ** The Hang Seng Tech Index shed 0.93%. ** Also among the "
                           "leaders was HSBC.") == ["Shares were down 1.57% at midday", "** The Hang Seng Tech Index "
                                                    "shed 0.93%.", "** Also among the leaders was HSBC."]


def test_a_lone_asterisk_pair_inside_a_sentence_splits_nothing():
    assert split_sentences("The index rose 2% ** after a rally.") == ["The index rose 2% ** after a rally."]


def test_a_midday_report_whose_lead_names_a_holiday_is_still_a_midday_report(checked):
    """Reuters, 3 May 2022 (mainland shut for May Day): the morning session's figures are not the day's close."""
    found = checked("HONG KONG, May 3 (Reuters) - Hong Kong stocks edged higher on Tuesday.\n\n** The Hang Seng Index "
                    "gained 0.12% to 21,114.25 in the morning session. The Hang Seng China Enterprises Index shed "
                    "0.27% to 7,278.98. ** Mainland Chinese markets are closed for a holiday.", "2022-05-03")
    assert {found[q][1].verdict for q in ("0.12%", "0.27%", "7,278.98")} == {"uncheckable"}


def test_a_close_wrap_that_gives_the_morning_session_is_not_live(checked):
    """"Rose 0.5% in the morning session before closing 2.5% lower": the close is checked (the Hang Seng, 5 March
    2024: -2.61%)."""
    found = checked("Hong Kong stocks closed lower on Tuesday.\n\nThe Hang Seng Index rose 0.5% in the morning session "
                    "before ending 2.61% lower.", "2024-03-05")
    assert found["2.61%"][1].verdict == "matches"
