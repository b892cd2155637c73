"""Badges the pages show for verdicts and date checks (Streamlit Markdown), each written once."""

VERDICT_BADGES = {
    "supported": ":green-badge[supported]",
    "partly supported": ":orange-badge[partly supported]",
    "not supported": ":red-badge[not supported]",
    "not checkable with price data": ":gray-badge[not checkable with price data]",
}
MATCH_BADGES = {"yes": ":green-badge[date matches]", "roughly": ":orange-badge[date roughly matches]",
                "no": ":red-badge[date does not match]", "not dated": ":gray-badge[not dated in the article]"}
ARTICLE_VERDICT_BADGES = {"matches": ":green-badge[matches]", "roughly": ":orange-badge[roughly]",
                          "does not match": ":red-badge[does not match]", "not sure": ":blue-badge[not sure]",
                          "uncheckable": ":gray-badge[uncheckable]"}
