"""Quote attribution: who said what, as `Quote` records with offsets into `Article.text`.

`QuoteFinder` builds the `newsdesk.quotes.context.PassContext` of one parsed article and runs the passes
of its scope, each a function ``PassContext -> list[Found]``:

1. **Direct quotes** (`newsdesk.quotes.direct`): quoted stretches that read as speech, tied to the
   reporting verb beside them; a quoted sentence with no cue continues the previous speaker. The
   quoted stretches and cues these claim are left alone by the later passes.
2. **Indirect and mixed speech** (`newsdesk.quotes.verbcues`): what a reporting verb reports, under the
   scope's `newsdesk.quotes.verbcues.VerbCueRules`; in the wide scope also noun cues
   (`newsdesk.quotes.nouncues`); "according to X" and a headline "Name: statement" (`newsdesk.quotes.fixed`).
3. **Speakers**: `newsdesk.quotes.build` resolves each speaker mention (`newsdesk.speakers`) to a full
   name, role and type when it builds the `Quote` records.

An attribution whose cue lies inside another's reported content is dropped (the outer one is kept), and
so is one on a line that links to another story ("READ MORE: ...").

`newsdesk.quotes.component` makes it a spaCy component and offers `find_quotes` for one text.

>>> from newsdesk.io.articles import read_text
>>> from newsdesk.nlp import parse_text
>>> article = read_text('"We are ready to help," Kirby said. Miller emphasized that the talks went well.', id="a")
>>> [(q.kind, q.speaker, q.cue, q.text) for q in QuoteFinder().find(article, parse_text(article.text))]
[('direct', 'Kirby', 'said', 'We are ready to help'), ('indirect', 'Miller', 'emphasized', 'the talks went well')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Literal

from spacy.tokens import Doc

from newsdesk.io.articles import Article
from newsdesk.quotes.build import build_records
from newsdesk.quotes.context import Pass, build_context
from newsdesk.quotes.cues import CueReader
from newsdesk.quotes.direct import direct_quotes
from newsdesk.quotes.fixed import according_to, name_colon
from newsdesk.quotes.found import Found
from newsdesk.quotes.lexicon import WIDE_CLASSES, Lexicon, load_lexicon
from newsdesk.quotes.nouncues import noun_cue_quotes
from newsdesk.quotes.posts import name_line_quotes
from newsdesk.quotes.verbcues import SPEECH_RULES, WIDE_RULES, VerbCuePass
from newsdesk.records import Quote

#: What a `QuoteFinder` reports: quotes and reported speech, or every attribution (thoughts, stances ...).
Attributions = Literal["speech", "all"]

__all__ = ["SCOPES", "Attributions", "QuoteFinder", "check_attributions"]

#: The passes each scope runs after the direct pass, in order (the order of equal spans in the output).
SCOPES: dict[str, tuple[Pass, ...]] = {
    "speech": (VerbCuePass(SPEECH_RULES), according_to, name_colon),
    "all": (VerbCuePass(WIDE_RULES), noun_cue_quotes, according_to, name_colon),
}
#: A line that links to another story ("READ MORE: Minister says ...", "WATCH: ..."): page furniture whose
#: statements are other articles' headlines, not this article's attributions.
_LINK_LINE = re.compile(r"(?m)^[ \t]*(?:READ|WATCH|LISTEN|RELATED|MORE|SEE|ALSO)\b[A-Z ]{0,20}:[^\n]*")


def check_attributions(attributions: str) -> Attributions:
    """``attributions`` when it names a scope; ValueError naming it otherwise."""
    if attributions == "speech":
        return "speech"
    if attributions == "all":
        return "all"
    raise ValueError(f"attributions must be 'speech' or 'all', not {attributions!r}")


class QuoteFinder:
    """Finds quotes in parsed articles; holds the lexicon and the passes of its scope.

    ``attributions="speech"`` (the default) finds quotes and reported speech: who *said* what.
    ``attributions="all"`` finds every attribution in the sense of corpora such as PolNeAR: also
    thoughts, stances, impressions and topics ("X endorsed Y", "X is critical of Y", "her call for Z",
    "X is expected to win" with no stated source), noun-phrase contents for every cue and negated cues;
    the ``cue_class`` column tells them apart. ``classes`` overrides the cue classes of the lexicon
    (default `newsdesk.quotes.lexicon.DEFAULT_CLASSES` for speech, `WIDE_CLASSES` for all: every class
    but the opt-in rulings).
    ``unattributed=True`` also returns quoted speech whose speaker could not be found (speaker None).
    ``evidentials=False`` leaves out what a document or data reports ("The study found ...", cue_class
    "evidential", speaker_type "document"), which is kept by default (fact-checkers want it).

    >>> QuoteFinder(attributions="all").lexicon.get("think").cls
    'cognition'
    >>> QuoteFinder().lexicon.get("think") is None
    True
    """

    def __init__(
        self,
        *,
        attributions: Attributions = "speech",
        classes: Iterable[str] | None = None,
        unattributed: bool = False,
        evidentials: bool = True,
    ) -> None:
        self.attributions: Attributions = check_attributions(attributions)
        if classes is None and attributions == "all":
            classes = WIDE_CLASSES
        self.lexicon: Lexicon = load_lexicon(classes=classes)
        self.unattributed = unattributed
        self.evidentials = evidentials
        self.cues = CueReader(self.lexicon, nouns_and_adjectives=attributions == "all")
        self.passes: tuple[Pass, ...] = SCOPES[attributions]

    def __repr__(self) -> str:
        return (
            f"QuoteFinder(attributions={self.attributions!r}, {self.lexicon!r}, unattributed={self.unattributed}, "
            f"evidentials={self.evidentials})"
        )

    def find(self, article: Article, doc: Doc) -> list[Quote]:
        """All quotes of ``article`` from its parse ``doc`` (``doc.text == article.text``)."""
        context = build_context(doc, article.text, self.cues)
        pulled = name_line_quotes(context)
        spans = {(f.start, f.end) for f in pulled}
        direct = [f for f in direct_quotes(context) if not (f.follows and (f.start, f.end) in spans)] + pulled
        context = context.with_direct(direct)
        found = list(direct)
        for quote_pass in self.passes:
            found.extend(quote_pass(context))
        kept = _outside_links(_outermost(found, doc), article.text)
        records = build_records(article, doc, kept, context.speech, unattributed=self.unattributed)
        if not self.evidentials:
            records = [q for q in records if q.speaker_type != "document"]
        return records


def _outermost(found: Sequence[Found], doc: Doc) -> list[Found]:
    """Nested attributions: a cue inside another statement's reported content is dropped (the outer kept)."""
    contents = sorted((f.start, f.end) for f in found if f.kind != "direct")
    starts = [s for s, _ in contents]
    longest = max((e - s for s, e in contents), default=0)
    kept = []
    for f in found:
        if f.cue is not None and f.kind != "direct":
            cue_char = doc[f.cue[0]].idx
            # only contents starting within the longest content's length before the cue can hold it
            near = contents[bisect_left(starts, cue_char - longest) : bisect_right(starts, cue_char)]
            if any(s <= cue_char < e for s, e in near if (s, e) != (f.start, f.end)):
                continue
        kept.append(f)
    return kept


def _outside_links(found: Sequence[Found], text: str) -> list[Found]:
    """The attributions not on a line that links to another story."""
    links = [m.span() for m in _LINK_LINE.finditer(text)]
    return [f for f in found if not any(s <= f.start < e for s, e in links)]
