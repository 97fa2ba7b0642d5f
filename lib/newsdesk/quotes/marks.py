"""Find the stretches of text between quotation marks, robustly.

Marks are paired by type (“ with ”, " with "); a straight mark opens or closes by its context. An
open quote left at the end of a paragraph stays open only when the next paragraph starts with an
opening mark (the news convention for a quote running over several paragraphs); otherwise it is
closed at the end of its paragraph (or sentence) and flagged ``closed=False``. Nothing raises and
nothing runs past a paragraph that does not continue the quote.

>>> spans = find_quoted('He said: "We will win." Then "Victory Plan" came.')
>>> [(s.content, s.closed) for s in spans]
[('We will win.', True), ('Victory Plan', True)]
>>> find_quoted('“Unclosed here.\\nNext paragraph')[0].content
'Unclosed here.'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["PARAGRAPH_BREAK", "QuotedSpan", "find_quoted", "paragraph_spans", "reads_as_speech"]

#: Opening marks and the closers that pair with them (by type first; straight marks close anything).
OPENERS: Mapping[str, str] = {"“": "”", '"': '"', "„": "“", "«": "»", "‟": "”", "‘‘": "’’", "``": "''"}
#: Marks that close whatever is open (doubled single marks stand in for a double mark in some texts).
CLOSERS: frozenset[str] = frozenset({"”", "»", "’’", "''"})
#: Any double quotation mark, for scanning.
QUOTE_MARK = re.compile(r"‘‘|``|’’|''|[\"“”„«»‟]")
#: A mark at the start of a paragraph (news convention for quotes running over paragraphs).
PARAGRAPH_OPENER = re.compile(r'\s*["“„«‟]')
#: A paragraph break (one or more line ends).
PARAGRAPH_BREAK = re.compile(r"\n\s*")
#: Sentence-final punctuation (inside or just before a closing mark).
SENTENCE_END = re.compile(r"[.!?…]['’\"”»)]*\s*\Z")
#: A word (letters and digits, with inner apostrophes).
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

#: An unclosed quote inside a long unbroken text is cut after this many characters at a sentence end.
_UNCLOSED_LIMIT = 600
#: Closing marks that some texts also type for the opening one (``''Yes,'' she said``), with the
#: opening mark they stand for.
_OPENER_OF = {"”": "“", "’’": "‘‘", "''": "``"}


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text between quotation marks: ``start``/``end`` include the marks, ``content`` excludes them.

    ``paragraphs`` is how many paragraphs the quote runs over; ``closed`` is False when no closing
    mark was found.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    content: str
    closed: bool = True
    paragraphs: int = 1

    def __repr__(self) -> str:
        preview = self.content if len(self.content) <= 40 else self.content[:37] + "..."
        flag = "" if self.closed else ", unclosed"
        return f"QuotedSpan({self.start}:{self.end}, {preview!r}{flag})"

    @property
    def words(self) -> int:
        """How many words the quoted content has."""
        return len(WORD.findall(self.content))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of ``text`` as (start, end) offsets.

    >>> paragraph_spans("a\\n\\nb c\\n")
    [(0, 1), (3, 6)]
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        end = position + len(line)
        if line.strip():
            spans.append((position, end))
        position = end + 1
    return spans


def _is_opener_context(text: str, index: int) -> bool:
    """Whether a straight mark at ``index`` looks like an opening mark."""
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if after.isspace() or after in ".,;:!?)]":
        return False
    return before.isspace() or before in "([{—–-/:" or index == 0


def _reopens(text: str, open_at: int, index: int, mark: str) -> bool:
    """Whether ``mark`` at ``index`` re-opens the quote open since ``open_at`` (the continuation
    convention on one line): an opening mark right after a sentence end, before any word."""
    if mark not in OPENERS or mark in CLOSERS or not _is_opener_context(text, index):
        return False
    before = text[open_at:index].rstrip()
    if len(before) == len(text[open_at:index]) or not before.endswith((".", "!", "?")):
        return False  # needs "end. " + mark
    after = text[index + len(mark) : index + len(mark) + 1]
    return after[:1].isupper() and len(WORD.findall(before)) >= 4


def _make(
    text: str, start: int, end: int, *, closed: bool, paragraphs: int, open_len: int = 1, close_len: int = 0
) -> QuotedSpan:
    inner_start = start + open_len
    inner_end = end - close_len
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return QuotedSpan(start, end, inner_start, inner_end, text[inner_start:inner_end], closed, paragraphs)


def _cut_unclosed(text: str, start: int, limit_end: int) -> int:
    """Where an unclosed quote from ``start`` ends: its paragraph end, or a sentence end when very long."""
    if limit_end - start <= _UNCLOSED_LIMIT:
        return limit_end
    for index in range(start + 1, limit_end):
        if text[index] in ".!?" and index - start > 20:
            return index + 1
    return limit_end


def find_quoted(text: str, paragraphs: Sequence[tuple[int, int]] | None = None) -> list[QuotedSpan]:
    """Every quoted stretch of ``text``, in order; ``paragraphs`` defaults to `paragraph_spans`."""
    paras = list(paragraphs) if paragraphs is not None else paragraph_spans(text)
    found: list[QuotedSpan] = []
    open_at: int | None = None  # offset of the pending opening mark
    open_mark = ""
    first_para = 0
    for number, (p_start, p_end) in enumerate(paras):
        for match in QUOTE_MARK.finditer(text, p_start, p_end):
            mark, index = match.group(), match.start()
            if open_at is None:
                if (mark in OPENERS and (mark != '"' or _is_opener_context(text, index))) or (
                    mark in _OPENER_OF and _is_opener_context(text, index)  # a closing mark typed for an opening one
                ):
                    open_at, open_mark, first_para = index, mark if mark in OPENERS else _OPENER_OF[mark], number
                continue
            if index == open_at:
                continue
            if number != first_para and not text[p_start:index].strip():
                continue  # the opening mark that continues a quote on a new paragraph
            if _reopens(text, open_at, index, mark):
                # 'system. "But I think ...': paragraphs of one quote joined on a line, the opening mark
                # repeated after a sentence end: the first part ends here and the quote runs on
                found.append(
                    _make(
                        text, open_at, index, closed=True, paragraphs=number - first_para + 1,
                        open_len=len(open_mark),
                    )
                )
                open_at, open_mark, first_para = index, mark, number
                continue
            closes = (
                mark == OPENERS[open_mark]
                or mark in CLOSERS
                or (mark == '"' and not _is_opener_context(text, index))
            )
            if closes:
                found.append(
                    _make(
                        text, open_at, match.end(), closed=True, paragraphs=number - first_para + 1,
                        open_len=len(open_mark), close_len=len(mark),
                    )
                )
                open_at = None
            elif mark in OPENERS:
                # a second opener before any closer: the first was stray; start again here
                end = _cut_unclosed(text, open_at, index)
                found.append(_make(text, open_at, end, closed=False, paragraphs=1, open_len=len(open_mark)))
                open_at, open_mark, first_para = index, mark, number
        if open_at is not None:
            following = paras[number + 1] if number + 1 < len(paras) else None
            if following is not None and PARAGRAPH_OPENER.match(text, following[0], following[1]):
                continue  # the quote runs on into the next paragraph
            # never closed: each paragraph of the run becomes its own unclosed quote
            for k in range(first_para, number + 1):
                k_start, k_end = paras[k]
                begin = (
                    open_at
                    if k == first_para
                    else k_start + len(text[k_start:k_end]) - len(text[k_start:k_end].lstrip())
                )
                end = _cut_unclosed(text, begin, k_end)
                found.append(_make(text, begin, end, closed=False, paragraphs=1))
            open_at = None
    return [span for span in found if span.content_end > span.content_start]


#: Small words a title may have in lower case ("Friends of the Earth").
_TITLE_SMALL_WORDS = frozenset({"of", "the", "and", "a", "in", "for", "to", "on"})


def reads_as_speech(span: QuotedSpan) -> bool:
    """Whether a quoted stretch reads as speech rather than a title or scare quote.

    >>> [reads_as_speech(s) for s in find_quoted('"We are ready," she said of the "Victory Plan".')]
    [True, False]
    """
    content = span.content.strip()
    words = span.words
    if words == 0:
        return False
    ends_sentence = bool(SENTENCE_END.search(content)) or content.endswith((",", "—", "–"))
    titled = all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in content.split())
    if titled and words <= 6 and not content.endswith((".", "!", "?", ",")):
        return False
    if words >= 2 and ends_sentence and span.closed:
        return True
    return words >= 4 and (ends_sentence or words >= 8 or span.paragraphs > 1)
