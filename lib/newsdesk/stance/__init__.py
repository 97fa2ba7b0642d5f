"""Stance: which side each holder takes on a target, with the evidence (`newsdesk.records.Stance` rows).

Rules, not a model: stance predicates (``data/stance_predicates.tsv``) read in the parse with negation,
refusal, hedges and conditions (`newsdesk.stance.reading`), holders resolved as speakers are
(`newsdesk.stance.holders`), targets matched by aliases and word stems (`newsdesk.stance.relevance`, where a
learned similarity plugs in), and rows built by `newsdesk.stance.finder.StanceFinder`, run as the spaCy
component ``newsdesk_stance`` (`newsdesk.stance.component`). `stance_summary` and `suggest_targets` read the
table. It may import io, nlp, speakers, quotes and figures, and nothing above them.
"""

from newsdesk.stance.component import find_stances
from newsdesk.stance.summary import stance_matrix, stance_summary, suggest_targets
from newsdesk.stance.targets import Target, load_targets

__all__ = ["Target", "find_stances", "load_targets", "stance_matrix", "stance_summary", "suggest_targets"]
