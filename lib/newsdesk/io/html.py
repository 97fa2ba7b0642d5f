"""HTML pages to Articles, through trafilatura, with newsdesk's clean-ups on top.

trafilatura finds the main text and metadata; newsdesk then strips site-name suffixes from titles
(" | CNN"), drops outlet names from the author list, and lays the text out like every other article
(headline line, body paragraphs, "By NAME" byline).

>>> page = "<html><head><title>Rates held | Daily Ledger</title></head><body><article><h1>Rates held</h1>"
>>> page += "<p>The central bank kept rates at 4%, its governor said on Tuesday in a statement.</p>"
>>> page += "<p>Markets had expected the decision after weeks of weak data from factories.</p></article></body></html>"
>>> article = html_to_article(page, source="demo.html", id="demo")
>>> article.headline, len(article.paragraphs)
('Rates held', 2)
"""

from __future__ import annotations

import re

import trafilatura
from trafilatura.settings import Document

from newsdesk.errors import ArticleError, Problem
from newsdesk.io.articles import Article, build_article, compose_text

__all__ = ["clean_authors", "clean_title", "html_to_article"]

_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|•|·)\s+")
#: trafilatura falls back to any text on a page (a menu, a footer); fewer words than this is no article.
MIN_ARTICLE_WORDS = 8
_ORGANISATION_WORDS = re.compile(r"\b(?:staff|news|newsroom|desk|editors?|agency|press|media|online|team)\b", re.I)


def clean_title(title: str | None, site_name: str | None = None) -> str | None:
    """A page title without its site-name suffix or prefix.

    >>> clean_title("Blinken meets Sybiha in Brussels | CNN Politics")
    'Blinken meets Sybiha in Brussels'
    >>> clean_title("Well-being - a guide for the next ten years of research and practice")
    'Well-being - a guide for the next ten years of research and practice'
    """
    if not title:
        return None
    title = " ".join(title.split())
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    site = (site_name or "").casefold()

    def is_site(part: str) -> bool:
        folded = part.casefold()
        return bool(site) and (folded in site or site in folded)

    # Drop a trailing (or leading) segment that is the site's name, or short enough to be one.
    while len(parts) > 1 and (is_site(parts[-1]) or len(parts[-1].split()) <= 3 < len(parts[0].split())):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    return " - ".join(parts) if len(parts) > 1 else parts[0]


def clean_authors(author: str | None, site_name: str | None = None) -> str | None:
    """trafilatura's ``;``-separated author string without outlet names, as "A; B".

    >>> clean_authors("ABC News; Yi-Jin Yu", "ABC News")
    'Yi-Jin Yu'
    """
    if not author:
        return None
    site = (site_name or "").casefold()
    names = []
    for name in (part.strip() for part in author.split(";")):
        if not name or (site and name.casefold() in site) or _ORGANISATION_WORDS.search(name):
            continue
        if name not in names:
            names.append(name)
    return "; ".join(names) or None


_WORDS = re.compile(r"\w+")


def is_same_headline(line: str, title: str) -> bool:
    """Whether a text's first line is the page title reworded (an <h1> beside the <title>), not a lead sentence.

    >>> is_same_headline("Julian Assange: Sweden drops rape investigation", "Sweden drops Assange rape investigation")
    True
    >>> is_same_headline("Two officers were charged with falsifying records.", "Prison officers charged")
    False
    """
    if len(line.split()) > 30 or line.rstrip("\"”’'").endswith((".", "!", "?")):
        return False
    ours, theirs = set(_WORDS.findall(line.casefold())), set(_WORDS.findall(title.casefold()))
    return len(ours & theirs) / max(1, len(ours | theirs)) >= 0.6


def html_to_article(html: str | bytes, *, source: str, id: str, url: str | None = None) -> Article:
    """An Article from one HTML page; ArticleError (naming ``source``) when it holds no article text."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,
    )
    body = document.text if isinstance(document, Document) else None
    if not isinstance(document, Document) or not body or len(body.split()) < MIN_ARTICLE_WORDS:
        raise ArticleError(source, Problem.NO_ARTICLE_TEXT)
    site_name = document.sitename or None
    headline = clean_title(document.title, site_name)
    first_line = body.strip().split("\n", 1)[0].strip()
    if headline and is_same_headline(first_line, headline):
        headline = first_line  # the page's own <h1> leads the text: keep it, once
    text, first_line_is_headline = compose_text(headline, body)
    return build_article(
        text,
        id=id,
        first_line_is_headline=first_line_is_headline,
        headline=headline,
        byline=clean_authors(document.author, site_name),
        published=document.date or None,
        url=document.url or url,
        site_name=site_name,
        source_path=source,
    )
