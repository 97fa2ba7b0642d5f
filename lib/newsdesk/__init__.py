"""newsdesk: read English news like a media researcher.

Who said what (quotes), which numbers the article cites (figures) and which side each speaker
takes (stances), as tidy pandas DataFrames.

>>> import newsdesk
>>> article = newsdesk.read_text("Rain due\\nForecasters expect rain on Friday.", id="demo")
>>> article.headline
'Rain due'
"""

from newsdesk.errors import ArticleError, ArticleSkippedWarning, ModelNotFoundError, NewsdeskError
from newsdesk.figures.component import extract_figures
from newsdesk.io.articles import Article, Paragraph, read_text
from newsdesk.io.readers import iter_articles, read_article, read_articles
from newsdesk.nlp import load_model, parse, parse_text
from newsdesk.pipeline import Analysis, analyze
from newsdesk.quotes.component import find_quotes
from newsdesk.quotes.finder import QuoteFinder
from newsdesk.records import Figure, Person, Quote, Stance
from newsdesk.show.voices import voices
from newsdesk.stance import (
    ClaimStance,
    Target,
    claim_stance,
    find_stances,
    load_targets,
    stance_summary,
    suggest_targets,
)

__all__ = [
    "Analysis",
    "Article",
    "ArticleError",
    "ArticleSkippedWarning",
    "ClaimStance",
    "Figure",
    "ModelNotFoundError",
    "NewsdeskError",
    "Paragraph",
    "Person",
    "Quote",
    "QuoteFinder",
    "Stance",
    "Target",
    "analyze",
    "claim_stance",
    "extract_figures",
    "find_quotes",
    "find_stances",
    "iter_articles",
    "load_model",
    "load_targets",
    "parse",
    "parse_text",
    "read_article",
    "read_articles",
    "read_text",
    "stance_summary",
    "suggest_targets",
    "voices",
]

__version__ = "0.1.0"
