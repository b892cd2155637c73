"""Whose figure: names joined by "and" before one figure share it, with or without a verb of their own ("with
heavyweights Alibaba and Tencent down by about 1 percent"): the one with a listing first, and each of the others too;
two figures after two names are shared out in order."""

import pytest

from components.text.claim_reader import read_claims
from components.text.reader import read_article


def _owners(text: str, published: str = "2025-12-31") -> dict[str, str | None]:
    """The listing of each quote's first claim."""
    found: dict[str, str | None] = {}
    for c in read_claims(read_article(text, published)):
        found.setdefault(c.quote, c.symbol)
    return found


@pytest.mark.parametrize("text", [
    "The Hang Seng Index slipped 0.9 per cent, with heavyweights Alibaba and Meituan down by about 1 percent.",
    "The benchmark fell, with Alibaba and Meituan both lower by about 1 percent on the day.",
    "Alibaba and Meituan lost about 1 percent each.",
])
def test_names_joined_before_one_figure_share_it(text):
    assert _owners(text)["1 percent"] == "9988.HK"
    claims = read_claims(read_article(text, "2025-12-31"))
    assert [c.symbol for c in claims if c.quote == "1 percent"] == ["9988.HK", "3690.HK"]  # each name checked


def test_two_figures_after_two_names_are_shared_out_in_order():
    owners = _owners("Alibaba and Tencent fell 1.2% and 0.4%, respectively.")
    assert (owners["1.2%"], owners["0.4%"]) == ("9988.HK", "0700.HK")


def test_a_name_alone_before_its_figure_keeps_it():
    assert _owners("The index fell, with Meituan down by about 1 percent.")["1 percent"] == "3690.HK"


@pytest.mark.parametrize("text,published,quote,symbol", [
    ("Hong Kong's main stock market index, the HK50, rose to 25418 points on Friday.", "2025-09-05", "25418 points",
     "^HSI"),
    ("The US500 slipped 0.4% on Tuesday.", "2024-12-31", "0.4%", "^GSPC"),
    ("The S&P 500 ended the year up 23%. The broad market index closed 0.43% lower at 5,881.63 on Tuesday.",
     "2024-12-31", "5,881.63", "^GSPC"),
    ("The Hang Seng Index rose 1.4% on Friday. The broad-based index has gained 30% this year.", "2025-09-05",
     "30%", "^HSI"),
])
def test_an_index_called_by_a_code_or_an_epithet_is_that_index(text, published, quote, symbol):
    assert _owners(text, published)[quote] == symbol


def test_a_name_written_with_index_takes_its_turn():
    owners = _owners("The Dow fell 600 points, while the S&P 500 Index and Nasdaq Composite lost about 0.7% and 0.3%, "
                     "respectively.", "2024-05-23")
    assert (owners["0.7%"], owners["0.3%"]) == ("^GSPC", "^IXIC")


def test_names_listed_with_commas_only_are_a_list_and_the_last_owns_the_figure():
    owners = _owners("Among blue chips, HSBC, Tencent rose 1.2% to HK$364.60.", "2024-05-03")
    assert (owners["1.2%"], owners["HK$364.60"]) == ("0700.HK", "0700.HK")


@pytest.mark.parametrize("text,quote,symbol", [
    ("Alibaba shares rose almost 2% on Wednesday, a rate that beat the 0.7% gain of the benchmark S&P 500 index.",
     "0.7%", "^GSPC"),
    ("Alibaba rose 2%, ahead of a 0.7% rise in the S&P 500.", "0.7%", "^GSPC"),
    ("Tencent rose 1%, lagging a 3% surge in Alibaba.", "3%", "9988.HK"),
])
def test_a_move_of_a_name_said_after_it_is_that_name_s(text, quote, symbol):
    claims = {c.quote: c for c in read_claims(read_article(text, "2025-12-10"))}
    assert (claims[quote].symbol, claims[quote].measure) == (symbol, "day")


@pytest.mark.parametrize("name", ["Hang Seng National Enterprises Index", "National Index",
                                  "National Enterprises Index", "Hang Seng State-owned Enterprises Index"])
def test_the_china_enterprises_index_by_its_translated_names(name):
    assert _owners(f"The {name} fell 2.33% to 8,950.18 points.", "2025-03-20")["2.33%"] == "^HSCE"


def test_a_name_in_a_which_part_after_a_long_opening_is_an_aside():
    owners = _owners("At the same time, thanks to gains in constituents such as American Express (+6.23%) and JPMorgan "
                     "Chase (+2.51%), the Dow Jones, which excludes Nvidia, rose 0.56% to 37,986.40 points.",
                     "2024-04-20")
    assert owners["0.56%"] == owners["37,986.40 points"] == "^DJI"


@pytest.mark.parametrize("text,quote", [
    ("The top gainer on the Hang Seng was Sands China , which gained 1.88%, while the biggest loser was Longfor "
     "Group, which fell 8.96%.", "1.88%"),
    ("The top gainer on the Hang Seng was Sands China , which gained 1.88%, while the biggest loser was Longfor "
     "Group, which fell 8.96%.", "8.96%"),
    ("Among blue chips, Budweiser APAC, which has slumped 12% this month, rose 3%.", "3%"),
])
def test_a_name_the_app_does_not_know_keeps_its_figure_through_a_which_part(text, quote):
    assert _owners(text, "2022-10-07")[quote] is None


@pytest.mark.parametrize("text,published,quote,symbol", [
    ("The S&P 500 fell 0.7% to 5,205.81 on Tuesday. This is the second consecutive decline after a record.",
     "2024-04-02", "second consecutive decline", "^GSPC"),
    ("The Hang Seng Index rose 0.9% on Friday. This week’s 1.5 per cent rally helped stem losses.", "2023-11-03",
     "1.5 per cent", "^HSI"),
    ("The S&P 500 fell 1.6% on Tuesday. This 12% drop marks the largest four-day percentage loss since 2020.",
     "2025-04-08", "12%", None),  # may restate a move of several sessions: no listing, so 'not sure'
])
def test_a_sentence_opening_with_this_points_back_to_the_last_move_s_listing(text, published, quote, symbol):
    assert _owners(text, published)[quote] == symbol


def test_a_participle_after_a_comma_goes_with_the_sentence_s_subject(checked):
    claim, result = checked("The S&P 500 rose 0.44% on Monday. The energy sector led the S&P 500's gains, finishing "
                            "1.9 per cent higher.", "2025-09-22")["1.9 per cent"]
    assert claim.symbol != "^GSPC" and result.verdict not in ("matches", "roughly", "does not match")


def test_an_opening_adverb_is_no_subject(checked):
    claim, result = checked("Instead, the S&P 500 ended higher, gaining 0.44% to 6,693.75.", "2025-09-22")["0.44%"]
    assert (claim.symbol, result.verdict) == ("^GSPC", "matches")


@pytest.mark.parametrize("words", ["0.3% morning gain turned into a 0.6% loss by early afternoon",
                                   "0.3% afternoon advance faded, leaving a 0.6% loss by midday"])
def test_a_morning_gain_and_a_loss_by_the_afternoon_are_intraday(words, checked):
    found = checked(f"The S&P 500's {words}.", "2024-06-20")
    assert {found[q][1].verdict for q in ("0.3%", "0.6%")} == {"uncheckable"}


def test_a_company_named_by_its_trade_owns_its_receipts(checked):
    found = checked("Alibaba reported results on Thursday.\n\nThe e-commerce firm's American depositary receipts "
                    "closed down 10% on Monday.", "2025-02-25")
    assert found["10%"][0].symbol == "BABA" and found["10%"][1].verdict == "matches"


def test_a_ranking_in_an_aside_is_of_the_name_the_aside_gives_it(checked):
    claim, result = checked("Chinese stocks tumbled in US trading on Monday, led by the biggest selloff in Alibaba "
                            "since 2022, after a new order stirred fears.", "2025-02-25")["biggest selloff"]
    assert (claim.symbol, result.verdict) == ("BABA", "matches")


def test_a_name_that_was_down_owns_its_figures_in_a_list_of_indices(checked):
    found = checked("The S&P 500 shed 0.5% to close at 6,926.60 points on Wednesday, the Dow Jones Industrial Average "
                    "was down 0.1% to 49,149.63 and the Nasdaq Composite dropped 1% to 23,471.75.", "2026-01-15")
    assert {found[q][0].symbol for q in ("0.1%", "49,149.63")} == {"^DJI"}
    assert {found[q][1].verdict for q in ("0.5%", "6,926.60 points")} == {"matches"}


def test_an_australian_morning_note_reports_the_us_session_before_it(checked):
    """Published Wednesday 4 September 2024 in Sydney: the S&P 500's 2.12% loss was Tuesday's in New York."""
    claim, result = checked("ASX likely to fall sharply after Nvidia's drop.\n\nAt the close of day, the S&P 500 lost "
                            "2.12%.", "2024-09-04")["2.12%"]
    assert (claim.day.isoformat(), result.verdict) == ("2024-09-03", "matches")


def test_the_standard_and_poor_s_index_is_the_s_and_p_500(checked):
    found = checked("NEW YORK — Stocks ended mixed on Friday.\n\nThe Standard & Poor's index rose 6.17 points, or "
                    "0.12%, to 5,303.27.", "2024-05-17")
    assert {found[q][0].symbol for q in ("6.17 points", "0.12%", "5,303.27")} == {"^GSPC"}
    assert {found[q][1].verdict for q in ("0.12%", "5,303.27")} == {"matches"}


def test_holdings_in_a_company_s_name_is_no_holding(checked):
    """'Tencent Holdings. (-1.0%)' is Tencent's move (29 December 2025: -1.0%), not a stake."""
    found = checked("Hong Kong stocks fell on Monday. Laggards included Xiaomi Corp. (-1.4%) and Tencent Holdings. "
                    "(-1.0%).", "2025-12-29")
    assert found["-1.0%"][0].symbol == "0700.HK" and found["-1.0%"][1].verdict == "matches"


def test_a_price_in_a_currency_code_is_not_the_name_of_the_next_figure(checked):
    found = checked("Hong Kong stocks slipped on Thursday. Tencent (00700.HK) closed at HKD 622, down 1.7%.",
                    "2026-01-15")
    assert found["1.7%"][0].symbol == "0700.HK" and found["1.7%"][1].verdict == "matches"


def test_a_sector_named_in_full_is_a_group_not_the_story_s_company(checked):
    """'Artificial intelligence shares' in a story about Alibaba are many stocks: no single listing to check."""
    found = checked("Alibaba rose 2% in Hong Kong on Friday. Onshore artificial intelligence shares climbed as much as "
                    "seven percent this week.", "2025-09-26")
    claim, result = found["seven percent"]
    assert claim.symbol is None and result.verdict == "uncheckable"


@pytest.mark.parametrize("sentence,published,quote", [
    ("The city's main index closed the week out with a 1 per cent gain, ending a three-week losing streak.",
     "2023-06-02", "1 per cent"),
    ("Hong Kong's markets fell to their lowest levels in a month on Monday.", "2025-10-13", "lowest level"),
])
def test_the_city_s_main_index_and_hong_kong_s_markets_are_the_hang_seng(checked, sentence, published, quote):
    found = checked(f"HONG KONG — Stocks moved.\n\n{sentence}", published)
    claim, result = next((c, r) for q, (c, r) in found.items() if q.startswith(quote))
    assert claim.symbol == "^HSI" and result.verdict == "matches"


@pytest.mark.parametrize("text,expected", [
    ("That brought monthly gains to 1% for the Dow, 3% for the S&P 500 and 5% for the Nasdaq.",
     {"1%": "^DJI", "3%": "^GSPC", "5%": "^IXIC"}),
    ("Stocks rose, with gains of 0.4% for the S&P 500 and 1% for the Nasdaq.", {"0.4%": "^GSPC", "1%": "^IXIC"}),
    ("It was a 2% gain for Alibaba and a 1% loss for Tencent.", {"2%": "9988.HK", "1%": "0700.HK"}),
])
def test_a_figure_for_a_name_is_that_name_s(text, expected):
    """'3% for the S&P 500': the name after 'for' owns the figure before it, even when another name stands earlier
    (and 'the Nasdaq' is read at the end of a sentence too)."""
    assert {q: s for q, s in _owners(text).items() if q in expected} == expected


@pytest.mark.parametrize("text", [
    "The S&P 500 and the Nasdaq rose 0.6% and 0.4%, respectively, on Friday.",
    "The S&P 500 rose 0.6%, on Friday.",
])
def test_a_day_set_off_by_a_comma_is_the_figure_s(text):
    claims = read_claims(read_article(text, "2025-09-30"))
    assert str(next(c for c in claims if c.quote == "0.6%").day) == "2025-09-26"


@pytest.mark.parametrize("text", ["Lenders fell, while Hang Seng and Standard Chartered dipped more than 1%.",
                                  "HSBC and Hang Seng slid 1% each."])
def test_hang_seng_beside_another_lender_is_the_bank_not_the_index(text):
    """Next to HSBC or Standard Chartered, 'Hang Seng' is Hang Seng Bank: never checked as the Hang Seng Index."""
    assert _owners(text, "2022-09-22")["1%"] != "^HSI"


def test_hang_seng_beside_an_index_is_still_the_index():
    assert _owners("The Hang Seng and the China Enterprises Index rose 1%.", "2022-09-22")["1%"] == "^HSI"


def test_the_us_listed_stock_is_the_company_s_us_listing():
    owners = _owners("Alibaba's Hong Kong shares rose 4.3% on Friday. The U.S.-listed stock closed up 6.2%.",
                     "2026-01-02")
    assert owners["6.2%"] == "BABA"


def test_a_company_s_adrs_never_fall_back_to_its_home_listing():
    """'The firm's American depository receipts' after Tencent (no US listing in the data): Tencent's ADRs, not in the
    data, never Tencent in Hong Kong."""
    owners = _owners("Tencent Holdings was flat in Hong Kong trade. The firm's American depository receipts also slid "
                     "5.9% in overnight trade.", "2024-02-08")
    assert owners["5.9%"] is None


def test_boc_hong_kong_is_a_bank_not_the_market():
    assert _owners("Lenders rose, and BOC Hong Kong advanced 7%.", "2025-09-01")["7%"] != "^HSI"


def test_a_signed_figure_right_after_a_name_is_that_name_s():
    """A summary line without commas: 'On Wall St: Dow +0.1% S&P +0.4% Nasdaq +0.7%'."""
    owners = _owners("- On Wall St: Dow +0.1% S&P +0.4% Nasdaq +0.7%", "2025-09-23")
    assert (owners["+0.1%"], owners["+0.4%"], owners["+0.7%"]) == ("^DJI", "^GSPC", "^IXIC")


def test_the_broader_index_is_the_market_s_benchmark():
    """'The Dow fell 0.07%. The broader index dipped 25.31 points': the S&P 500 of a US story, not the Dow."""
    owners = _owners("Wall Street ended lower. The Dow fell 29.51 points. The broader index dipped 25.31 points to "
                     "5,881.63.", "2024-12-31")
    assert owners["25.31 points"] == "^GSPC"


@pytest.mark.parametrize("text,quote,symbol", [
    ("Nvidia's stock didn't join the party. Shares dipped 3.15% on Thursday.", "3.15%", "NVDA"),
    ("Nvidia fell in early trade. Shares skidded 2% by the close.", "2%", "NVDA"),
    ("Alibaba reported on Thursday. Shares perked 1.1% in New York.", "1.1%", "BABA"),
    ("Tencent held its annual meeting. Shares changed hands at HK$380.20 at the close.", "HK$380.20", "0700.HK"),
])
def test_bare_shares_moving_by_any_move_verb_are_the_last_company_s(text, quote, symbol):
    assert _owners(text, "2025-11-20")[quote] == symbol


@pytest.mark.parametrize("text,quote,symbol", [
    ("A drop of 2.3% in the S&P 500 isn't exactly a crash.", "2.3%", "^GSPC"),
    ("Tech led, with a gain of 3.1% in shares of Alibaba.", "3.1%", "9988.HK"),
    ("Stocks fell, with a decline of about 1.5% in the Hang Seng Index.", "1.5%", "^HSI"),
])
def test_a_move_of_a_figure_in_a_name_is_that_name_s(text, quote, symbol):
    assert _owners(text, "2024-07-24")[quote] == symbol


@pytest.mark.parametrize("text", [
    "NVIDIA Corporation (NASDAQ:) rose more than 3%, the top gainer.",  # a ticker lost when the page was copied
    "Nvidia Corporation rose more than 3%.",
    "Nvidia Corp. rose more than 3%.",
    "NVIDIA Corp rose more than 3%.",
])
def test_a_company_s_legal_form_or_an_emptied_ticker_keeps_its_listing(text):
    assert _owners(text, "2024-06-18")["3%"] == "NVDA"


def test_the_ai_giant_is_nvidia_when_it_was_named_before_another_company():
    owners = _owners("Nvidia passed a $4 trillion value, a record set by Apple in December. Shares in the AI giant "
                     "later closed at $162.88.", "2025-07-10")
    assert owners["$162.88"] == "NVDA"


def test_a_list_of_moves_with_wire_verbs_keeps_each_figure_with_its_name():
    """"Meituan appreciated 1.3 per cent": a move of its own, so Alibaba keeps only its own figures."""
    found = _owners("Alibaba Group rose 1.7 per cent to HK$95.45, Meituan appreciated 1.3 per cent to HK$136.60, and "
                    "Tencent depreciated 0.4 per cent.", "2023-07-27")
    assert found["1.7 per cent"] == found["HK$95.45"] == "9988.HK"
    assert found["1.3 per cent"] != "9988.HK" and found["HK$136.60"] != "9988.HK"
    assert found["0.4 per cent"] == "0700.HK"


@pytest.mark.parametrize("text", [
    "The Hang Seng Index fell on Tuesday.\n\nProperty and bank shares dragged the index down by 2.61%, ending at "
    "16,162.64.",
    "The Hang Seng Index fell on Tuesday.\n\nProperty and bank shares dragged the index by 2.61%, closing at "
    "16,162.64.",
])
def test_what_a_cause_moved_owns_the_figures_of_its_chain(text):
    """"Shares dragged the index by 2.61%, ending at 16,162.64": both figures are the index's, not the shares'."""
    found = _owners(text, "2024-03-05")
    assert found["2.61%"] == found["16,162.64"] == "^HSI"


@pytest.mark.parametrize("text,owner", [
    ("Wednesday's gains in Hong Kong followed a more than four percent advance Tuesday.", "^HSI"),
    ("The rally in Hong Kong followed a more than four percent advance Tuesday.", "^HSI"),
])
def test_a_move_in_hong_kong_is_the_market_s(text, owner):
    """"Gains in Hong Kong followed a 4% advance": the market's move, its benchmark the Hang Seng (24 September 2024:
    +4.13%); not "gains in Hong Kong tech stocks", a group."""
    assert _owners(text, "2024-09-25")["four percent"] == owner


def test_a_move_in_a_group_of_hong_kong_stocks_is_not_the_market_s():
    found = _owners("The rally in Hong Kong tech stocks added 4 percent on Tuesday.", "2024-09-25")
    assert found["4 percent"] != "^HSI"


@pytest.mark.parametrize("venue", ["listed on Nasdaq", "listed on the Nasdaq", "which trades on Nasdaq"])
def test_the_exchange_a_company_lists_on_is_not_the_index(venue):
    """"Nvidia (NVDA), listed on Nasdaq, closed yesterday at $145.89, down 0.76 percent": Nvidia's close (20 November
    2024), not the Nasdaq Composite's."""
    found = _owners(f"Nvidia (NVDA), {venue}, closed yesterday at $145.89, down 0.76 percent.", "2024-11-21")
    assert found["$145.89"] == found["0.76 percent"] == "NVDA"


def test_a_run_that_names_its_listing_is_that_listing_s():
    """"The Nasdaq fell 2%. The five-session losing streak for the S&P 500 was ...": the S&P 500's run, not the
    Nasdaq's, named the sentence before."""
    found = _owners("The Nasdaq fell 2% on Tuesday. The five-session losing streak for the S&P 500 was its longest "
                    "since early January.", "2022-06-14")
    assert found["five-session losing streak"] == "^GSPC"


def test_a_sub_index_of_the_hang_seng_is_a_group_not_the_index(checked):
    """"The sub-index of the Hang Seng tracking properties led the gains by rising 1.05%": not the Hang Seng's move
    (+0.22% on 4 June 2024), so no verdict on the index."""
    found = checked("The Hang Seng Index rose 0.22% on Tuesday. The sub-index of the Hang Seng tracking properties led "
                    "the gains by rising 1.05%.", "2024-06-04")
    assert found["1.05%"][0].symbol != "^HSI" and found["1.05%"][1].verdict == "uncheckable"
    assert found["0.22%"][1].verdict == "matches"


@pytest.mark.parametrize("text,quote", [
    ("The Russell 2000 index of small US stocks, which jumped 3.5%, led the gains.", "3.5%"),
    ("Megacap tech companies in the S&P 500 sank 5.4%.", "5.4%"),
    ("The S&P SmallCap 600® returned -6.36% in March.", "-6.36%"),
    ("The S&P Small-cap 600 was down 9.31% YTD.", "9.31%"),
])
def test_a_figure_of_another_index_or_a_group_is_never_the_s_and_p_500_s(text, quote):
    assert _owners(text, "2025-04-01")[quote] != "^GSPC"


def test_a_company_named_as_what_another_sold_is_not_the_stock_of_the_next_sentence():
    """"... gains from the disposal of Meituan shares. The stock's opening price edged up by 2.2%": Tencent's open (21
    March 2024), the company the story is about, not Meituan's."""
    found = _owners("Tencent announced its annual report yesterday, driving the stock's price up. Net income dropped "
                    "because of a high base from gains from the disposal of Meituan shares last year.\n\nThe stock's "
                    "opening price edged up by 2.2% to HK$ 295.2 per share.", "2024-03-21")
    assert found["2.2%"] == "0700.HK"


def test_the_gains_that_broke_a_run_stand_for_the_index_that_made_them():
    """"The S&P 500 rose 2.1%. The gains broke a four-day losing streak": the S&P 500's run (to 9 August 2022)."""
    found = _owners("The S&P 500 rose 2.1% on Wednesday. The gains broke a four-day losing streak and pushed the "
                    "benchmark index to its highest levels since early May.", "2022-08-10")
    assert found["four-day losing streak"] == found["highest levels since early May"] == "^GSPC"
