"""Text as some sites print it is still read: a possessive without its apostrophe ("the companys American depositary
receipts"), an S&P 500 without its P ("the S& 500"), a dateline set off by a colon ("NEW YORK: ...") and a quote
widget that breaks a sentence over lines."""

from components.text import titles


def test_a_possessive_without_its_apostrophe_still_points_to_the_company(checked):
    """Alibaba in Hong Kong on 15 May 2024 (a holiday there) is not the figure: its ADRs fell 6.02% on 14 May 2024,
    the US session before the Asian story."""
    found = checked("HONG KONG: Asian shares were mixed on Wednesday.\n\nAlibaba Group Holding shares were steady "
                    "after the companys American depositary receipts fell 6 percent.", "2024-05-15")
    claim, result = found["6 percent"]
    assert (claim.symbol, str(claim.day), result.verdict) == ("BABA", "2024-05-14", "matches")


def test_an_s_and_p_without_its_p_is_the_s_and_p_500(checked):
    """The S&P 500 on 14 November 2023: +1.91% to 4,495.70."""
    found = checked("Wall Street rallied on Tuesday.\n\nThe S& 500 jumped 1.91% to end the session at 4,495.70 "
                    "points.", "2023-11-14")
    assert {q: (found[q][0].symbol, found[q][1].verdict) for q in ("1.91%", "4,495.70 points")} == {
        "1.91%": ("^GSPC", "matches"), "4,495.70 points": ("^GSPC", "matches")}


def test_a_dateline_set_off_by_a_colon_places_the_story():
    """'NEW YORK: ...' (as some wires print it) is a New York story; 'NOTE: ...' is no dateline."""
    from components.text.reader import read_article

    assert read_article("NEW YORK: Stocks rallied on Tuesday.", "2023-11-14").place == "US"
    assert read_article("HONG KONG: Stocks opened higher on Tuesday.", "2023-11-14").place == "HK"
    assert titles.strip_dateline("NOTE: Figures are provisional.") == ("", "NOTE: Figures are provisional.")


def test_a_quote_widget_that_breaks_a_sentence_over_lines_is_read_as_one_sentence(checked):
    """A page's ticker widget copied with the text ("The S&P 500\\nSPX,\\n-0.02%\\nwas off 0.71 points ..."): one
    sentence, its figures the S&P 500's (26 July 2023: -0.02%, -0.71 points, 4,566.75)."""
    found = checked("Stocks were mixed on Wednesday.\n\nThe S&P 500\nSPX,\n-0.02%\nwas off 0.71 points, leaving it "
                    "nearly flat at 4,566.75.", "2023-07-26")
    assert {q: (found[q][0].symbol, found[q][1].verdict) for q in ("-0.02%", "0.71 points", "4,566.75")} == {
        "-0.02%": ("^GSPC", "matches"), "0.71 points": ("^GSPC", "matches"), "4,566.75": ("^GSPC", "matches")}
