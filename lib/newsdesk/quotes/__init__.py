"""Quotes: who said what, as `newsdesk.records.Quote` rows with offsets into `Article.text`.

`marks` pairs quotation marks; `lexicon` is the reporting-verb lexicon and `cues` finds cue tokens with
it; `syntax` holds the parse helpers; `context` is what every pass reads about one Doc; the passes
(`direct`, `verbcues`, `nouncues`, `fixed`) each return `found.Found` attributions; `finder` runs the
passes of a scope and `build` resolves their speakers into records; `component` is the spaCy component.
"""
