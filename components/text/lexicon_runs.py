"""The reader's words for runs of sessions ("a fifth straight day of gains", "a four-day losing streak", "fell for a
fourth day", "a fifth successive gain"), part of :mod:`components.text.lexicon` (which re-exports them), kept in a file
of their own for size."""

# a run of sessions: "a fifth straight day of gains", "a four-day losing streak", "fell for a fourth day"
STREAK = (r"\b(?P<n>\w+)(?:th|st|nd|rd)?(?:[ -]straight|[ -]consecutive| successive)+ (?:(?P<way>up|down|winning"
          r"|losing) )?(?:trading )?"
          r"(?P<unit>sessions?|days?|weeks?(?!ly)|(?:daily|weekly|monthly|quarterly|yearly|annual)(?= (?:gain"
          r"|loss|advance|decline|rise|fall|drop))|(?:month|quarter|year)s?(?!ly))(?: of (?P<what>gains|losses"
          r"|declines|advances|rises|falls|increases)| (?P<what4>gain|loss|advance|decline|rise|fall|drop)e?s?\b)?",
          r"\b(?P<n2>\w+)-(?:trading-)?(?P<unit2>day|session|week|month|year) (?P<what2>winning|losing|rising|falling"
          r"|rally|decline|gaining|win|slide|skid|losses|gains|tailspin|slump|rout|sell-?off|retreat|advance)"
          r"(?: streak| run)?",
          r"\b(?:for )?(?:a|the) (?P<n3>\w+) (?:(?P<way3>green|red|up|down|winning|losing) )?"
          r"(?P<unit3>day|session|week|month|year) (?:running|in a row)",  # "the second green day in a row"
          r"\b(?P<what9>rout|slide|slump|sell-?off|losing streak|decline|rally|winning streak|advance) (?:over|of) the"
          r" (?:preceding|previous|past|last) (?P<n9>\w+) (?:trading )?(?P<unit9>sessions|days|weeks)\b",
          r"\b(?P<n4>\w+) (?P<unit4>days|sessions|weeks|months|years) in a row",
          r"\bfor (?:a )?(?P<n12>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:straight "
          r"|consecutive )?(?P<unit12>session|day|week) (?:in (?:a )?row|running)\b",  # "for second session in row"
          r"\b(?P<n6>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:(?:straight|consecutive|successive)"
          r" )?(?P<unit6>session|day|week)s? of (?P<what3>gains?|losses|loss|declines?|advances?|rises?|falls?)\b",
          r"\b(?P<n7>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:straight|consecutive|successive) "
          r"(?P<what7>gain|loss|advance|decline|rise|fall|drop|rally|slide|retreat)(?:e?s)?\b",
          # "After seven consecutive declines": a count of sessions said by its moves
          r"\b(?P<n13>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) (?:straight|consecutive"
          r"|successive) (?P<what13>gain|loss|advance|decline|rise|fall|drop|rall|slide|retreat)(?:es|s|ies)\b",
          r"\bfor (?:a|an|the) (?P<n5>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
          r"|\d{1,2}(?:st|nd|rd|th)) (?:trading )?(?P<unit5>day|session|week|month)\b(?! (?:of|in) (?:the|a)\b)",
          # "their second weekly loss in a row", "back-to-back weekly losses"
          r"\b(?:(?P<n10>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?P<unit10>weekly|daily|monthly)"
          r" (?P<what10>gain|loss|advance|decline|rise|fall|drop)e?s? in a row|(?P<n11>back-to-back) (?P<unit11>weekly"
          r"|daily|monthly) (?P<what11>gain|loss|advance|decline|rise|fall|drop)e?s?)\b",
          # "its first rise in three weeks": a run of two weeks the other way, ended the week before
          r"\bfirst (?P<what8>(?:weekly |daily |monthly )?(?:rise|gain|advance|increase|decline|drop|fall|loss)"
          r"|(?:winning|losing|up|down) (?:week|day|session|month)) in (?P<n8>\w+)(?: (?:trading )?"
          r"(?P<unit8>sessions|days|weeks|months))?\b")  # "its first weekly fall in three": weeks
