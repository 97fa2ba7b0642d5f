"""Quotes: who said what, as `newsdesk.records.Quote` rows with offsets into `Article.text`.

`marks` pairs quotation marks; `lexicon` is the reporting-verb lexicon; `syntax` holds the parse helpers;
the passes find attributions; `build` resolves their speakers and makes the records.
"""
