"""The article model: one frozen `Article` whose `text` every offset in newsdesk indexes.

An article is laid out as lines: a headline, body paragraphs and, optionally, a "By NAME" byline. The
same layout rules serve every reader (plain text, HTML, corpus rows), so an article looks the same
whatever file it came from.

>>> article = read_text("Rain is coming, forecasters say\\nForecasters expect rain.\\nBy Ann Lee", id="demo")
>>> article.headline, article.byline, len(article.paragraphs)
('Rain is coming, forecasters say', 'Ann Lee', 1)
>>> article.text[article.paragraphs[0].start:article.paragraphs[0].end]
'Forecasters expect rain.'
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from newsdesk.errors import ArticleError, Problem

__all__ = ["MAX_ARTICLE_CHARS", "Article", "Paragraph", "compose_text", "find_byline", "find_credits", "read_text"]

#: The longest article newsdesk reads, in characters: five times spaCy's ``max_length``. Longer articles are
#: parsed in chunks (`newsdesk.chunks`); past this limit one is refused, with its size and the limit.
MAX_ARTICLE_CHARS = 5_000_000


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One body paragraph: ``text == article.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str

    def __repr__(self) -> str:
        preview = self.text if len(self.text) <= 40 else self.text[:37] + "..."
        return f"Paragraph({self.index}, {self.start}:{self.end}, {preview!r})"


@dataclass(frozen=True, slots=True)
class Article:
    """A news article: its full text, structure and metadata.

    ``text`` is the whole article (headline line included); ``paragraphs`` are the body paragraphs
    with offsets into it; ``credits`` are the outlets the article says it relays ("X reports").
    ``encoding`` is the one its file was read in (None for text given as a string) and ``repairs`` says
    what was repaired on reading, such as mojibake (`newsdesk.io.encoding`).
    """

    id: str
    text: str
    headline: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    byline: str | None = None
    credits: tuple[str, ...] = ()
    published: str | None = None
    url: str | None = None
    site_name: str | None = None
    source_path: str | None = None
    headline_span: tuple[int, int] | None = field(default=None, repr=False)
    byline_span: tuple[int, int] | None = field(default=None, repr=False)
    encoding: str | None = field(default=None, repr=False)
    repairs: str | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        return (
            f"Article(id={self.id!r}, headline={self.headline!r}, byline={self.byline!r}, "
            f"paragraphs={len(self.paragraphs)}, chars={len(self.text)})"
        )

    @property
    def body(self) -> str:
        """The body paragraphs joined by blank lines (headline and byline left out)."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """A flat, JSON-friendly summary (the row of `Analysis.articles`)."""
        return {
            "article_id": self.id,
            "headline": self.headline,
            "byline": self.byline,
            "credits": "; ".join(self.credits) or None,
            "published": self.published,
            "site_name": self.site_name,
            "url": self.url,
            "source_path": self.source_path,
            "paragraphs": len(self.paragraphs),
            "characters": len(self.text),
            "encoding": self.encoding,
            "repairs": self.repairs,
        }


# ---------------------------------------------------------------------------------------------------
# Layout rules, precompiled once.

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|la|le|bin|al)"
BYLINE = re.compile(
    rf"^\s*(?:By|BY|by)[:\s]+(?P<name>[A-Z][\w'’.-]*(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*){_NAME_WORD}){{0,8}})\s*$"
)
# "..., Caliber.Az reports via foreign media." / "..., Agence France Presse reported." at a sentence end.
_OUTLET = r"[A-Z][\w&'’-]*(?:\.[A-Z][\w]*)?(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*){0,4}"
CREDIT = re.compile(
    rf"(?:^|[,;]\s+|[.!?]\s+)(?P<outlet>{_OUTLET})\s+(?P<verb>reports|reported|writes|wrote)"
    r"(?P<via>\s+(?:via|citing|with reference to)\s+[\w\s'’-]{1,40}?)?\s*(?:[.]|$)",
    re.MULTILINE,
)
# Past tense is also how companies "reported" results: then the name must look like a news outlet.
MEDIA_NAME = re.compile(
    r"\.[A-Za-z]{2,4}\b|\b(?:News|Press|Presse|Times|Post|Journal|Herald|Tribune|Telegraph|Guardian|Gazette|"
    r"Agency|Agence|Reuters|Bloomberg|Associated|Daily|Weekly|Magazine|Wire|Radio|TV|Television|Broadcasting|"
    r"Interfax|Xinhua|Tass|TASS|AFP|AP|BBC|CNN|Politico|Axios)\b"
)
# "LONDON (Reuters) - ..." datelines.
DATELINE_CREDIT = re.compile(r"^[A-Z][A-Z .,'-]{1,40}\((?P<outlet>[A-Z][\w .&]{1,30})\)\s*[-–—]", re.MULTILINE)
_NOT_OUTLETS = frozenset({"He", "She", "They", "It", "This", "That", "We", "I", "You", "Who", "Which", "The"})
_LINE = re.compile(r"[^\n]+")


def find_byline(line: str) -> str | None:
    """The name in a "By NAME" line, or None.

    >>> find_byline("By Tamsin Hale and Joe Bloggs")
    'Tamsin Hale and Joe Bloggs'
    >>> find_byline("By the end of the year, prices rose.") is None
    True
    """
    match = BYLINE.match(line)
    return match.group("name").strip() if match else None


def find_credits(text: str) -> tuple[str, ...]:
    """Outlets an article credits as its source ("..., Caliber.Az reports via foreign media.").

    >>> find_credits("Talks began in Brussels, Caliber.Az reports via foreign media.")
    ('Caliber.Az',)
    """
    found: list[str] = []
    for match in CREDIT.finditer(text):
        outlet = match.group("outlet").strip()
        present_or_relayed = match.group("verb") in ("reports", "writes") or match.group("via")
        if outlet not in _NOT_OUTLETS and (present_or_relayed or MEDIA_NAME.search(outlet)):
            found.append(outlet)
    found.extend(match.group("outlet").strip() for match in DATELINE_CREDIT.finditer(text))
    return tuple(dict.fromkeys(found))


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: one per line, or one per blank-line-separated block when lines are hard-wrapped."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    if re.search(r"\n[ \t]*\n", text):
        blocks: list[tuple[int, int]] = []
        for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
            blocks.append((m.start(), m.end()))
        if any("\n" in text[s:e].rstrip("\n") for s, e in blocks):
            lines = blocks
    spans = []
    for start, end in lines:
        chunk = text[start:end]
        start += len(chunk) - len(chunk.lstrip())
        end -= len(chunk) - len(chunk.rstrip())
        spans.append((start, end))
    return spans


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the headline, byline and body paragraphs sit in a text."""

    headline_span: tuple[int, int] | None
    byline_span: tuple[int, int] | None
    byline: str | None
    paragraphs: tuple[Paragraph, ...]


def lay_out(text: str, *, first_line_is_headline: bool) -> Layout:
    """Split a text into headline, body paragraphs and byline.

    The byline is a "By NAME" paragraph that closes the article or follows the headline.
    """
    spans = _blocks(text)
    headline_span = spans.pop(0) if first_line_is_headline and len(spans) > 1 else None
    byline_span = byline = None
    for position in ([len(spans) - 1, 0] if spans else []):
        name = find_byline(text[spans[position][0] : spans[position][1]])
        if name and len(spans) > 1:
            byline_span, byline = spans.pop(position), name
            break
    paragraphs = tuple(Paragraph(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans))
    return Layout(headline_span, byline_span, byline, paragraphs)


def compose_text(headline: str | None, body: str) -> tuple[str, bool]:
    """The article text for a separate headline and body: the headline as the first line.

    Returns the text and whether its first line is the headline.
    """
    body = body.strip("\n")
    headline = (headline or "").strip()
    if not headline or body.split("\n", 1)[0].strip() == headline:
        return body, bool(headline)
    return f"{headline}\n{body}", True


def default_id(text: str) -> str:
    """A stable id for a text with none: ``text-`` and the start of its SHA-1."""
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def build_article(
    text: str,
    *,
    id: str,
    first_line_is_headline: bool,
    headline: str | None = None,
    byline: str | None = None,
    published: str | None = None,
    url: str | None = None,
    site_name: str | None = None,
    source_path: str | None = None,
) -> Article:
    """An Article from its full text, with the layout found by `lay_out` and metadata as given."""
    if not text.strip():
        raise ArticleError(source_path or id, Problem.BLANK)
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleError(source_path or id, Problem.TOO_LONG, size=len(text), limit=MAX_ARTICLE_CHARS)
    layout = lay_out(text, first_line_is_headline=first_line_is_headline)
    if headline is None and layout.headline_span:
        headline = text[layout.headline_span[0] : layout.headline_span[1]]
    return Article(
        id=id,
        text=text,
        headline=headline,
        paragraphs=layout.paragraphs,
        byline=byline or layout.byline,
        credits=find_credits(text),
        published=published,
        url=url,
        site_name=site_name,
        source_path=source_path,
        headline_span=layout.headline_span,
        byline_span=layout.byline_span,
    )


def read_text(text: str, *, id: str | None = None, headline: str | None = None) -> Article:
    """An Article from a raw string; ``Article.text`` is exactly ``text``.

    Without ``headline`` the first line is taken as the headline when the text has more than one
    paragraph (the plain-text layout); with it, every line is body.

    >>> read_text("Prices rose 3% in May, the agency said.", id="x").paragraphs
    (Paragraph(0, 0:39, 'Prices rose 3% in May, the agency said.'),)
    """
    return build_article(
        text,
        id=id or default_id(text),
        first_line_is_headline=headline is None,
        headline=headline,
    )
