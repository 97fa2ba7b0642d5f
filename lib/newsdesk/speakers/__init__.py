"""Speakers: who a mention in an article stands for.

`mentions` indexes the people, organisations and media a parsed article names; `roles` reads the roles
it gives them; `coref` picks a pronoun's antecedent; `resolver` turns a speaker mention into a `Speaker`
(full name, role, type). `words` holds the word lists they read.
"""
