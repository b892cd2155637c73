"""The reader's qualifiers, the words before a figure that bound it ("more than 9%", "nearly 10%", "about 3%",
"reclaiming the 22,000-point threshold"), each in the checker's words; part of :mod:`components.text.lexicon` (which
re-exports them), kept in a file of their own for size."""

QUALIFIERS: dict[str, str] = {
    "more than": "more than", "over": "more than", "above": "more than", "at least": "at least",
    "upwards of": "more than", "in excess of": "more than", "just over": "more than", "just above": "more than",
    "north of": "more than", "topping": "more than", "beyond": "more than", "exceeding": "more than",
    "surpassing": "more than", "of more than": "more than", "of over": "more than",
    # a mark won back or passed: "reclaiming the 22,000-point threshold", "top the 25,600 mark"
    "top": "more than", "topped": "more than", "reclaiming": "more than", "reclaimed": "more than",
    "retaking": "more than", "retook": "more than", "regaining": "more than", "regained": "more than",
    "recapturing": "more than", "recaptured": "more than",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly", "just shy of": "nearly",
    "near": "nearly", "approaching": "nearly",
    "about": "about", "around": "about", "roughly": "about", "some": "about", "approximately": "about",
    "an estimated": "about", "circa": "about", "about a": "about", "around a": "about",
    "as much as": "as much as", "up to": "as much as", "by as much as": "as much as",
    "as high as": "as much as", "as low as": "as much as",  # "climbed as high as 4,793.30": the day's extreme
    "less than": "less than", "under": "less than", "below": "less than", "as little as": "less than",
    "a further": "", "another": "", "an additional": "",
}
