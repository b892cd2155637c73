"""components.article: the bundled article's blocks, repeats, event mentions and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from components.data.events import bundled_events
from components.text import article as ar
from tests.paths import SHARED, needs_shared

# the bundled article's pair scores when the threshold was set: the least alike repeat, the most alike distinct pair
MEASURED_MIN_REPEAT, MEASURED_MAX_DISTINCT = 63.35, 50.63

PUBLISHED = dt.date(2025, 3, 6)
SHARED_SOURCE = SHARED / "article" / "source-article.txt"
# 0-based indices of the non-empty lines; checked by reading the article, not taken from the code.
REPEAT_PAIRS = {(1, 2), (4, 5), (6, 7), (8, 9), (14, 15), (17, 18)}
HEADINGS = [3, 6, 7, 10, 12, 16]

# (block, wording, start, end, verdict, linked events) for every date expression, in reading order.
EXPECTED_DATES = [
    (0, "this week", dt.date(2025, 3, 3), PUBLISHED, "agrees", ("qwq-32b-release", "manus-launch")),
    (0, "On Thursday", PUBLISHED, PUBLISHED, "agrees", ("qwq-32b-release",)),
    (0, "just a day after the launch of Manus", dt.date(2025, 3, 5), dt.date(2025, 3, 5), "roughly",
     ("manus-launch",)),
    (4, "introduced in 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31), "agrees", ("tongyi-qianwen-unveiled",)),
    (4, "launched earlier this year", dt.date(2025, 1, 1), dt.date(2025, 3, 5), "agrees", ("qwen2.5-max-release",)),
    (5, "launched in 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31), "agrees", ("tongyi-qianwen-unveiled",)),
    (5, "released earlier this year", dt.date(2025, 1, 1), dt.date(2025, 3, 5), "agrees", ("qwen2.5-max-release",)),
    (11, "since January", dt.date(2025, 1, 1), PUBLISHED, "ambiguous", ("hscei-ytd-claim",)),
    (13, "On Wednesday", dt.date(2025, 3, 5), dt.date(2025, 3, 5), "agrees", ("china-gwr-future-industries",)),
]

# Sentence (by its opening words) -> the events it mentions, in order of appearance.
EXPECTED_MENTIONS = {
    "The artificial intelligence sector": (),
    "On Thursday, Alibaba unveiled": ("qwq-32b-release", "openai-o1-mini-release", "deepseek-r1-release"),
    "This announcement, showcasing": ("manus-launch",),
    "The launch of QwQ-32B by Alibaba": ("qwq-32b-release", "alibaba-hk-jump-hscei-2025-03-06"),
    "Alibaba’s unveiling of QwQ-32B": ("qwq-32b-release", "alibaba-hk-jump-hscei-2025-03-06"),
    "QwQ-32B builds upon": ("qwq-32b-release", "tongyi-qianwen-unveiled", "qwen2.5-max-release"),
    "DeepSeek’s R1 model": ("deepseek-r1-release",),
    "Its achievement has also": ("hscei-ytd-claim",),
    "On Wednesday, Chinese officials": ("china-gwr-future-industries",),
    "Yet, obstacles persist.": (),
}


@pytest.fixture(scope="module")
def article() -> ar.Article:
    return ar.bundled_article()


@pytest.fixture(scope="module")
def mentions() -> list[ar.DateMention]:
    return ar.article_date_mentions()


def _sentence(article: ar.Article, opening: str) -> ar.Sentence:
    return next(s for s in article.sentences if s.text.startswith(opening))


@needs_shared("article", "source-article.txt")
def test_article_text_is_an_exact_copy_of_the_source(article):
    assert article.text.encode("utf-8") == SHARED_SOURCE.read_bytes()


def test_article_meta_gives_publication_date_and_dateline(article):
    assert article.meta.publication_date == PUBLISHED
    assert article.meta.dateline == "Hong Kong"
    assert "CNN Business" in article.meta.outlet


def test_split_blocks_finds_twenty_lines_and_the_headings(article):
    assert len(article.blocks) == 20
    assert [b.index for b in article.blocks if b.kind == "heading"] == HEADINGS
    assert all(article.text[b.start:b.start + len(b.text)] == b.text for b in article.blocks)


def test_pair_scores_cover_every_same_kind_pair(article):
    scores = ar.pair_scores(article.blocks)
    assert len(scores) == 6 * 5 // 2 + 14 * 13 // 2
    assert all(article.blocks[a].kind == article.blocks[b].kind for a, b, _ in scores)


def test_repeats_pair_up_and_no_distinct_pair_does(article):
    for a, b, score in ar.pair_scores(article.blocks):
        assert (score >= ar.THRESHOLD) == ((a, b) in REPEAT_PAIRS), (a, b, round(score, 2))
    assert {(r.first, r.later) for r in ar.repeat_pairs(article.blocks)} == REPEAT_PAIRS


def test_threshold_lies_between_measured_scores_with_margin(article):
    scores = ar.pair_scores(article.blocks)
    min_repeat = min(s for a, b, s in scores if (a, b) in REPEAT_PAIRS)
    max_distinct = max(s for a, b, s in scores if (a, b) not in REPEAT_PAIRS)
    assert (round(min_repeat, 2), round(max_distinct, 2)) == (MEASURED_MIN_REPEAT, MEASURED_MAX_DISTINCT)
    # The gap is 12.7 points (50.63 to 63.35) and the threshold sits in its middle. The six repeats
    # themselves spread over 13 points (63-76), so a rewording can move a score by several points;
    # at least 5 points on each side keeps such a drift from flipping a pair.
    assert max_distinct + 5 <= ar.THRESHOLD <= min_repeat - 5


def test_deduplicated_blocks_show_each_point_once(article):
    deduped = ar.deduplicated_blocks(article.blocks)
    assert [d.block.index for d in deduped] == [0, 1, 3, 4, 6, 8, 10, 11, 12, 13, 14, 16, 17, 19]
    notes = {d.block.index: [r.later for r in d.repeated_by] for d in deduped if d.repeated_by}
    assert notes == {1: [2], 4: [5], 6: [7], 8: [9], 14: [15], 17: [18]}
    assert all(r.score >= ar.THRESHOLD for d in deduped for r in d.repeated_by)


def test_headings_are_never_paired_with_paragraphs():
    blocks = ar.split_blocks("Markets rally on the news\nMarkets rally on the news.")
    assert [b.kind for b in blocks] == ["heading", "paragraph"]
    assert ar.repeat_pairs(blocks) == []


def test_event_cues_name_bundled_events():
    assert set(ar.EVENT_CUES) <= {e.id for e in bundled_events()}


@pytest.mark.parametrize("opening, expected", EXPECTED_MENTIONS.items(), ids=list(EXPECTED_MENTIONS))
def test_sentence_event_links(article, opening, expected):
    assert _sentence(article, opening).event_ids == expected


def test_event_mentions_sit_where_their_phrase_is_and_never_overlap(article):
    for block in article.blocks:
        mentions = ar.event_mentions(block.text)
        assert all(block.text[m.start:m.end] == m.text for m in mentions)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    segments = [(m.text, m.event_id) for m in ar.event_mentions(article.blocks[0].text)]
    assert ("QwQ-32B", "qwq-32b-release") in segments
    assert ("OpenAI’s cost-effective model", "openai-o1-mini-release") in segments
    assert ("Manus", "manus-launch") in segments


def test_article_date_expressions_resolve_as_expected(mentions):
    found = [(m.block, m.wording, m.start_date, m.end_date, m.verdict, m.event_ids) for m in mentions]
    assert found == EXPECTED_DATES


def test_weekday_and_offset_rules_are_named(mentions):
    rules = {m.wording: m.rule for m in mentions}
    assert rules["On Thursday"] == "weekday in the week of publication, on or before it"
    assert rules["just a day after the launch of Manus"].startswith(
        "one day before the anchor event (Alibaba releases QwQ-32B")


def test_manus_day_after_is_only_roughly_right(mentions):
    manus = next(m for m in mentions if "Manus" in m.text)
    assert manus.verdict == "roughly"
    # Manus has no verified hour: from its date (5 March, Beijing) to QwQ-32B (02:53 on 6 March) is 3 to 27 hours
    assert "no verified hour" in manus.checks[0].note and "3 to 27 hours" in manus.checks[0].note


def test_since_january_is_ambiguous_and_points_to_the_claim(mentions):
    since = next(m for m in mentions if m.text == "since January")
    assert since.claim_id == "hscei-30pct-since-january"
    assert since.verdict == "ambiguous"
    assert "open start" in since.note and "hscei-30pct-since-january" in since.note


def test_article_has_no_unresolved_dates(mentions):
    assert all(m.resolved and m.rule for m in mentions)


def test_unresolvable_expressions_are_reported_with_reasons():
    sentences = ar.block_sentences(ar.split_blocks("Bar shipped just a day after the launch of Foo. "
                                                   "Prices will rise soon."))
    found = ar.date_mentions(sentences, PUBLISHED)
    assert [(m.text, m.verdict, m.start_date) for m in found] == [
        ("just a day after the launch of Foo", "unresolved", None), ("soon", "unresolved", None)]
    assert "the launch of Foo" in found[0].reason and "no earlier date" in found[0].reason
    assert "no calendar date" in found[1].reason


def test_day_after_counts_back_only_within_its_block():
    same_block = ar.block_sentences(ar.split_blocks("On Monday, Bar shipped. It came a day after the launch of Foo."))
    split = ar.block_sentences(ar.split_blocks("On Monday, Bar shipped.\nIt came a day after the launch of Foo."))
    offset = ar.date_mentions(same_block, PUBLISHED)[1]
    assert (offset.start_date, offset.verdict) == (dt.date(2025, 3, 2), "no event")
    assert ar.date_mentions(split, PUBLISHED)[1].verdict == "unresolved"


@pytest.mark.parametrize("verified, verdict", [(dt.date(2025, 3, 5), "agrees"), (dt.date(2025, 3, 4), "roughly"),
                                               (dt.date(2025, 2, 1), "disagrees")])
def test_verdict_follows_distance_to_verified_date(verified, verdict):
    gwr = next(e for e in bundled_events() if e.id == "china-gwr-future-industries")
    sentences = ar.block_sentences(ar.split_blocks("On Wednesday, Chinese officials reiterated their support."))
    found = ar.date_mentions(sentences, PUBLISHED, [gwr.model_copy(update={"date": verified})])
    assert found[0].verdict == verdict


def test_an_events_sentences_are_each_point_once():
    """The facts panel quotes the article like the article page shows it: a repeated paragraph once."""
    from components.text.article_view import sentences_for_event

    article = ar.bundled_article()
    every = [s for s in article.sentences if "qwen2.5-max-release" in s.event_ids]
    shown = sentences_for_event("qwen2.5-max-release", article)
    assert len(every) == 2 and len(shown) == 1  # blocks 4 and 5 say the same thing in other words
    assert shown[0].block == 4
    repeats = {r.later for item in ar.deduplicated_blocks(article.blocks) for r in item.repeated_by}
    for event in bundled_events():
        quoted = sentences_for_event(event.id, article)
        assert not {s.block for s in quoted} & repeats
        assert {s.block for s in quoted} | repeats >= {s.block for s in article.sentences if event.id in s.event_ids}
