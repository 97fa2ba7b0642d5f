"""Stance: which side each holder takes on a target, with the evidence (`newsdesk.records.Stance` rows), and
an article's stance toward a claim (`claim_stance`).

Rules, not a model, for holders: stance predicates (``data/stance_predicates.tsv``) read in the parse with
negation, refusal, hedges and conditions (`newsdesk.stance.reading`), holders resolved as speakers are
(`newsdesk.stance.holders`), targets matched by aliases and word stems (`newsdesk.stance.relevance`, where the
learned similarity ``"learned"`` of `newsdesk.stance.learned_relevance` plugs in), and rows built by
`newsdesk.stance.finder.StanceFinder`, run as the spaCy component ``newsdesk_stance``
(`newsdesk.stance.component`). `stance_summary` and `suggest_targets` read the table. Learned parts
(`newsdesk.stance.claims`, trained by `newsdesk.stance.train`) ship as skops files (`newsdesk.stance.models`).
It may import io, nlp, speakers, quotes and figures, and nothing above them.
"""

from newsdesk.stance import learned_relevance as learned_relevance  # registers SIMILARITIES["learned"]
from newsdesk.stance.claims import ClaimEvidence, ClaimStance, claim_stance
from newsdesk.stance.component import find_stances
from newsdesk.stance.summary import stance_matrix, stance_summary, suggest_targets
from newsdesk.stance.targets import Target, load_targets

__all__ = [
    "ClaimEvidence",
    "ClaimStance",
    "Target",
    "claim_stance",
    "find_stances",
    "load_targets",
    "stance_matrix",
    "stance_summary",
    "suggest_targets",
]
