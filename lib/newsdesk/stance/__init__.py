"""Stance: which side each holder takes on a target (`newsdesk.records.Stance` rows). An empty room, kept for
the stance issue: it may import io, nlp, speakers, quotes and figures, and nothing above them."""
