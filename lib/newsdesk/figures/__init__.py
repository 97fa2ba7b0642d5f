"""Figures: the numbers an article cites, as `newsdesk.records.Figure` rows.

`numbers` reads number phrases (digits and words); `words` holds the word tables and patterns;
`extract` reads each number with its currency, unit, range, qualifier and counted noun; `component` is
the spaCy component, which links each figure to the quote it sits in.
"""
