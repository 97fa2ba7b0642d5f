"""`StanceFinder`: the stance rows of one parsed article, from its stance predicates and its quotes.

1. **Evidence**: every stance predicate (`newsdesk.stance.reading`), predicates inside predicates folded
   into one (`newsdesk.stance.compose`), and inside quotes what the speaker says should or must happen.
2. **Holders** (`newsdesk.stance.holders`): the predicate's subject, possessor or agent, expanded over lists
   and resolved like speakers; the quote's speaker for a quote cue ("calling for ..."), for "I"/"we" in the
   quote, and for a cue that makes the reported stance the speaker's own ("reaffirmed the commitment to").
3. **Targets** (`newsdesk.stance.relevance`): with targets, each piece of evidence is matched against them and
   gets a row per relevant target, the most specific first; a broader target only inherits *favor* ("calling
   for an immediate invitation" favors membership; opposing an immediate invitation says nothing about
   membership). Without targets, every piece of evidence gets an **open** row whose target is what the
   predicate is about, as written (``method`` says "target: open").
4. **Abstaining**: no row below the relevance threshold, none without a holder; one sentence giving a holder
   both sides of one target becomes a single neutral row ("conflicting cues").

``score`` = how directly the holder was found x relevance (x 0.7 when hedged, x 0.9 when only implied).

>>> from newsdesk.io.articles import read_text
>>> from newsdesk.nlp import parse_text
>>> article = read_text("The union refused to back the four-day week.", id="a")
>>> [(s.holder, s.label, s.target, s.cue) for s in StanceFinder().find(article, parse_text(article.text))]
[('The union', 'against', 'the four-day week', 'refused back')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from newsdesk.io.articles import Article
from newsdesk.records import Quote, Stance
from newsdesk.stance.compose import antecedents, nest
from newsdesk.stance.holders import Holder, HolderReader, canonical_names
from newsdesk.stance.lexicon import LEXICON
from newsdesk.stance.reading import Reading, read_deontic, read_predicates
from newsdesk.stance.relevance import SIMILARITIES, Match, TargetMatcher
from newsdesk.stance.targets import Target, check_targets

__all__ = ["StanceFinder"]

#: How directly each way of finding a holder names them (the first factor of ``score``).
HOLDER_WEIGHT = {
    "named": 0.9, "group": 0.9, "listed": 0.9, "quote speaker": 0.9, "coordinated": 0.85,
    "first person in a quote": 0.8, "endorsed by the speaker": 0.75, "speaker's should or must": 0.7,
}
HEDGE_WEIGHT = 0.7
IMPLIED_WEIGHT = 0.9


@dataclass(frozen=True)
class _Evidence:
    reading: Reading
    holders: tuple[Holder, ...]
    statement: str
    quote: Quote | None
    refers_to: str | None


class StanceFinder:
    """Finds stance rows; ``targets`` (none: open targets) and ``similarity``, a name in `SIMILARITIES`."""

    def __init__(self, targets: Iterable[Target | dict[str, object] | str] = (), similarity: str = "overlap") -> None:
        if similarity not in SIMILARITIES:
            raise ValueError(f"similarity must be one of {sorted(SIMILARITIES)}, not {similarity!r}")
        self.targets = check_targets(targets)
        self.matcher = TargetMatcher(self.targets, SIMILARITIES[similarity]) if self.targets else None

    def __repr__(self) -> str:
        return f"StanceFinder(targets={[t.name for t in self.targets]!r})"

    def find(self, article: Article, doc: Doc, quotes: Sequence[Quote] | None = None) -> list[Stance]:
        """The stance rows of ``article`` from its parse (quotes default to ``doc._.quotes``)."""
        quotes = list(doc._.quotes or ()) if quotes is None else list(quotes)
        reader = HolderReader(doc, quotes, article.credits)
        rows = [row for evidence in self._evidence(doc, reader) for row in self._rows(article, doc, evidence)]
        names = canonical_names([r.holder for r in rows if r.holder_type != "person"])
        rows = [replace(r, holder=names.get(r.holder, r.holder)) for r in rows]
        return _settle_conflicts(doc, _unique(rows))

    def _evidence(self, doc: Doc, reader: HolderReader) -> list[_Evidence]:
        readings = list(read_predicates(doc))
        deontic: set[int] = set()
        for quote in reader.quotes:
            content = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if content is not None:
                found = read_deontic(doc, content)
                deontic.update(r.predicate for r in found)
                readings.extend(found)
        readings = nest(sorted(readings, key=lambda r: (r.predicate, r.object)))
        refer = antecedents(readings)
        out = []
        for index, reading in enumerate(readings):
            holders = _holders(doc, reader, reading, deontic=reading.predicate in deontic)
            if not holders:
                continue
            char = doc[reading.predicate].idx
            source = reader.quote_around(char)
            if source is None:
                source = next((q for q in reader.quotes if q.cue_start == char), None)
            earlier = refer.get(index)
            statement = earlier.object_text if earlier is not None else reading.object_text
            refers_to = reading.object_text if earlier else None
            out.append(_Evidence(reading, tuple(holders), statement, source, refers_to))
        return out

    def _matches(self, statement: str) -> list[Match]:
        if self.matcher is None:
            return [Match(Target(statement), 1.0, None)]
        return self.matcher.match(statement)

    def _rows(self, article: Article, doc: Doc, evidence: _Evidence) -> list[Stance]:
        reading = evidence.reading
        first = min(min(reading.cues), reading.object[0])
        last = max(reading.object[1], reading.condition[1] if reading.condition else 0)
        start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1].text)
        condition = None
        if reading.condition is not None:
            span = doc[reading.condition[0] : reading.condition[1]]
            condition = span.text.removeprefix("that ").strip(" ,.")
        rows = []
        for match in self._matches(evidence.statement):
            if match.implied is not None and reading.label != "favor":
                continue  # opposing the narrower target says nothing about the broader one
            for holder in evidence.holders:
                score = HOLDER_WEIGHT.get(holder.via, 0.8) * match.score
                score *= (HEDGE_WEIGHT if reading.hedged else 1.0) * (IMPLIED_WEIGHT if match.implied else 1.0)
                rows.append(Stance(
                    article_id=article.id, holder=holder.name, holder_type=holder.type,
                    holder_start=holder.start, holder_end=holder.end, target=match.target.name,
                    label=reading.label, score=round(score, 2), evidence=article.text[start:end],
                    evidence_start=start, evidence_end=end, cue=reading.cue_text,
                    method=_method(reading, holder, match, self.matcher is None, evidence.refers_to),
                    condition=condition, quote_start=evidence.quote.start if evidence.quote else None,
                ))
        return rows


def _holders(doc: Doc, reader: HolderReader, reading: Reading, *, deontic: bool) -> list[Holder]:
    """Who holds the stance a reading shows (see the module docstring), without repeats."""
    char = doc[reading.predicate].idx
    found: list[Holder] = []
    cue_of = next((q for q in reader.quotes if q.cue_start == char), None)
    around = reader.quote_around(char)
    if deontic and around is not None:
        found += [h for h in [reader.speaker_of(around, "speaker's should or must")] if h]
    elif reading.holder is not None:
        found += reader.holders(reading.holder)
    if not found and cue_of is not None:
        found += [h for h in [reader.speaker_of(cue_of, "quote speaker")] if h]
    token = doc[reading.predicate]
    endorsing = around is not None and LEXICON.role(_cue_lemma(doc, around)) == "endorse"
    if not found:
        return []
    if endorsing and around is not None:
        found += [h for h in [reader.speaker_of(around, "endorsed by the speaker")] if h]
    elif token.dep_ == "dobj" and LEXICON.role(token.head.lemma_) == "endorse":
        subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            found += [replace(h, via="endorsed by the speaker") for h in reader.holders(subject.i)]
    unique: dict[str, Holder] = {}
    for holder in found:
        unique.setdefault(holder.name, holder)
    return list(unique.values())


def _cue_lemma(doc: Doc, quote: Quote) -> str:
    """The lemma of a quote's cue word ("" without a cue)."""
    if quote.cue_start is None or quote.cue_end is None:
        return ""
    span = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    return span.root.lemma_ if span is not None else ""


def _method(reading: Reading, holder: Holder, match: Match, open_target: bool, refers_to: str | None) -> str:
    parts = list(reading.method)
    if refers_to is not None:
        parts.append(f"anaphor: {refers_to!r} -> earlier object")
    parts.append(f"holder: {holder.via}")
    if open_target:
        parts.append("target: open (what the predicate is about)")
    elif match.phrase is not None:
        parts.append(f"target: phrase {match.phrase!r}")
    else:
        parts.append(f"target: similarity {match.score:.2f}")
    if match.implied is not None:
        parts.append(f"implied by narrower target {match.implied!r}")
    return "; ".join(parts)


def _unique(rows: list[Stance]) -> list[Stance]:
    seen: dict[tuple[str, str, str, int], Stance] = {}
    for row in rows:
        key = (row.holder, row.target, row.label, row.evidence_start)
        if key not in seen or row.score > seen[key].score:
            seen[key] = row
    return list(seen.values())


def _settle_conflicts(doc: Doc, rows: list[Stance]) -> list[Stance]:
    """One sentence giving a holder both favor and against on one target: one neutral row instead."""
    sentence_of = {s.start_char: s for s in doc.sents}
    starts = sorted(sentence_of)

    def sentence(row: Stance) -> int:
        return max((s for s in starts if s <= row.evidence_start), default=0)

    groups: dict[tuple[str, str, int], list[Stance]] = {}
    for row in rows:
        groups.setdefault((row.holder, row.target, sentence(row)), []).append(row)
    out = []
    for group in groups.values():
        labels = {r.label for r in group}
        if {"favor", "against"} <= labels:
            first = min(group, key=lambda r: r.evidence_start)
            last = max(group, key=lambda r: r.evidence_end)
            out.append(replace(
                first, label="neutral", score=round(min(r.score for r in group), 2),
                evidence=doc.text[first.evidence_start : last.evidence_end], evidence_end=last.evidence_end,
                cue=" | ".join(r.cue for r in group), method="conflicting cues in one sentence: neutral",
            ))
        else:
            out.extend(group)
    return sorted(out, key=lambda r: (r.evidence_start, r.holder, r.target, r.label))
