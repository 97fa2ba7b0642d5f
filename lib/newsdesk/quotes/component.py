"""Quote attribution as a spaCy component, and `find_quotes` for one text or Article.

``nlp.add_pipe("newsdesk_quotes")`` sets ``doc._.quotes`` (the `Quote` records) and ``doc.spans["quotes"]``
(label = kind, ``span._.quote`` = the Quote); ``config={"attributions": "all"}`` finds every attribution,
``config={"evidentials": False}`` leaves out documents' findings (see `newsdesk.quotes.finder.QuoteFinder`).
Paragraphs are the lines of the article (``doc._.article``, or the Doc's text).

>>> from newsdesk.nlp import load_model
>>> nlp = load_model(fresh=True)
>>> _ = nlp.add_pipe("newsdesk_quotes")
>>> doc = nlp('"It is over," she said.')
>>> [(span.text, span.label_, span._.quote.speaker_mention) for span in doc.spans["quotes"]]
[('It is over', 'direct', 'she')]
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsdesk.io.articles import Article, read_text
from newsdesk.nlp import load_model
from newsdesk.quotes.finder import Attributions, QuoteFinder
from newsdesk.records import Quote
from newsdesk.stages import OnError, Stage

__all__ = [
    "QUOTES_FACTORY","QuotesStage", "find_quotes", "make_quotes_stage"]


#: The registered name of the component's factory.
QUOTES_FACTORY = "newsdesk_quotes"


class QuotesStage(Stage):
    """The quote stage: `QuoteFinder.find` on each Doc."""

    stage_name = "quotes"
    key = "quotes"
    span_attribute = "quote"

    def __init__(self, finder: QuoteFinder, *, on_error: OnError = "raise") -> None:
        super().__init__(on_error=on_error)
        self.finder = finder

    def __repr__(self) -> str:
        return f"QuotesStage({self.finder!r}, on_error={self.on_error!r})"

    def find(self, doc: Doc, article: Article) -> list[Quote]:
        return self.finder.find(article, doc)


@Language.factory(
    QUOTES_FACTORY,
    default_config={"attributions": "speech", "evidentials": True, "on_error": "raise"},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.quotes", "doc.spans"],
)
def make_quotes_stage(
    nlp: Language, name: str, attributions: Attributions, evidentials: bool, on_error: OnError
) -> QuotesStage:
    """Factory of ``nlp.add_pipe("newsdesk_quotes", config={"attributions": ..., "evidentials": ...,
    "on_error": ...})``."""
    return QuotesStage(QuoteFinder(attributions=attributions, evidentials=evidentials), on_error=on_error)


def find_quotes(
    article_or_text: Article | str,
    *,
    nlp: Language | None = None,
    attributions: Attributions = "speech",
    evidentials: bool = True,
) -> list[Quote]:
    """Quotes in an Article or a plain text (parsed here with ``nlp`` or newsdesk's model);
    ``attributions="all"`` adds thoughts, stances and topics, ``evidentials=False`` leaves out what
    documents and data report (see `QuoteFinder`).

    >>> find_quotes('"It is over," she said.')[0].text
    'It is over'
    """
    finder = QuoteFinder(attributions=attributions, evidentials=evidentials)
    article = read_text(article_or_text, id="text") if isinstance(article_or_text, str) else article_or_text
    return finder.find(article, (nlp or load_model())(article.text))
