"""Text: reading what people write, and showing it back safely.

* The bundled article: ``article.py`` (blocks, repeats, event mentions, date checks), ``article_view.py``.
* Any pasted story, read once by ``reader.py`` into clauses with dates and listings (``clause_dates.py``: the day a
  clause is about): ``story_lines.py`` (its lines), ``sentences.py`` and ``clause_parts.py`` (sentences, clauses and
  their parts), ``story.py`` (the story's place, session and calendar days), ``previews.py`` (stories written before
  the session they look ahead to), ``sections.py`` (section heads such as "For the week:").
* Dates: ``date_types.py`` (the expression type and tense), ``dates.py`` (the grammar) with ``date_ranges.py``
  (two days joined as one period), ``periods.py`` and
  ``story_periods.py`` (spans, quarters, reference words), ``periods_of.py`` and ``figure_periods.py`` (which
  period a figure or an event is measured over).
* Names and figures: ``lexicon.py`` (the one vocabulary), ``entities.py`` (listings, markets, references),
  ``numbers.py`` and ``quantities.py`` (figures), ``moves.py`` (moves said without a figure).
* Claims: ``claim_reader.py`` (each figure's listing, session and measure), ``claim_subjects.py`` (whose figure)
  with ``figure_ways.py`` (which way it moved), ``claim_periods.py`` (its day or period), ``not_prices.py`` (whether
  it is a price at all), ``measure_rules.py`` (what it measures), ``run_figures.py`` (a figure that is a run's move).
* Events: ``extraction.py`` proposes them (``candidates.py`` is what it returns), with ``event_parts.py`` (events of
  their own inside a clause), ``side_events.py`` (periods, runs and reference points a clause names),
  ``event_records.py`` and ``titles.py``; ``runs.py`` gives the sessions a run covers, to events and claims alike.
* Files and display: ``upload_schema.py``, ``upload_values.py`` and ``uploads.py`` read a user's events file,
  ``user_events.py`` merges them; ``safe.py`` escapes untrusted text for Markdown and CSV.
"""
