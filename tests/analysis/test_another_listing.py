"""A level far from every price of the listing the reader gave it is another listing's: "It rose 2.75% to 8,877.99
points" after a Hang Seng Index line, in a table whose names were lost, is the China Enterprises index. The level,
and every verdict on that listing in its sentence, is 'not sure' and says why; a level near the listing's close is
checked as before, and a listing the sentence names is never second-guessed by a level near it."""

from __future__ import annotations

FRIDAY = "2025-03-14"  # ^HSI closed at 23,959.98 (+2.12%), ^HSCE at 8,877.99 (+2.75%)


def test_a_level_far_from_the_listing_makes_its_sentence_not_sure(checked):
    found = checked("The Hang Seng Index rose 2.12% to 23,959.98 points on Friday.\n\nIt rose 2.75% to 8,877.99 "
                    "points.", FRIDAY)
    level, move = found["8,877.99 points"], found["2.75%"]
    assert level[0].symbol == "^HSI" and (level[1].verdict, move[1].verdict) == ("not sure", "not sure")
    assert "another listing" in level[1].explanation
    assert [found[q][1].verdict for q in ("2.12%", "23,959.98 points")] == ["matches", "matches"]


def test_a_wrong_level_near_the_listing_is_still_checked(checked):
    _claim, result = checked("The Hang Seng Index closed at 22,000 points on Friday.", FRIDAY)["22,000 points"]
    assert result.verdict == "does not match"
