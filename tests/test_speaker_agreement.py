"""Issue 12, the speaker side: pronouns agree with their antecedent, role descriptions link to the person they
describe, documents resolve to their author or possessor, and short organisation names to the full name.
Every sentence here is written for these tests; each kind has positives and negatives."""

from __future__ import annotations

import pytest

from newsdesk.quotes.component import find_quotes
from newsdesk.speakers.roles import role_noun


def _speaker(text: str, content: str) -> str | None:
    """The resolved speaker of the quote whose content contains ``content``."""
    quotes = [q for q in find_quotes(text) if content in q.text]
    assert quotes, f"no quote containing {content!r} in {[q.text for q in find_quotes(text)]}"
    return quotes[0].speaker


# -- pronouns agree in gender and number; the nearest compatible subject wins --------------------------

AGREEMENT = [
    ('Mara Quinn was driving home when the storm hit. Her neighbour Tom Hale called the police. '
     '"The road just vanished," she said.', "vanished", "Mara Quinn"),
    ('Laura Diaz chairs the board. Peter Walsh joined it in May. "We are not selling," she said.',
     "not selling", "Laura Diaz"),
    ('Peter Walsh runs the mill. Laura Diaz, his deputy, spoke first. "Orders are down," he said.',
     "Orders are down", "Peter Walsh"),
    ('Ms Robin Hale leads the union. Mr Jordan Pike runs the plant. "Talks broke down," she said.',
     "Talks broke down", "Robin Hale"),
    ('The coach, Daniel Moore, watched from the bench. Sarah Kent scored twice. "I felt sharp," she said.',
     "felt sharp", "Sarah Kent"),
    ('Sarah Kent opened the hearing. Later, Daniel Moore took the stand. "I saw nothing," he said.',
     "saw nothing", "Daniel Moore"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), AGREEMENT)
def test_a_pronoun_goes_to_the_nearest_person_of_its_gender(text: str, content: str, speaker: str) -> None:
    assert _speaker(text, content) == speaker


AGREEMENT_NEGATIVES = [
    ('Peter Walsh and Daniel Moore left the meeting early. "It was pointless," she said.', "pointless"),
    ('Laura Diaz chairs the board. "We are not selling," he said.', "not selling"),
    ('Tom Hale and Peter Walsh toured the site. "Nothing works," she added.', "Nothing works"),
]


@pytest.mark.parametrize(("text", "content"), AGREEMENT_NEGATIVES)
def test_a_pronoun_never_goes_to_a_person_of_the_other_gender(text: str, content: str) -> None:
    assert _speaker(text, content) is None


# -- a role description links to the named person it describes --------------------------------------

ROLES = [
    ("Mara Quinn, a nurse, was driving home when the storm hit. The nurse said the road had vanished.",
     "road had vanished", "Mara Quinn"),
    ('The veteran goalie Pekka Lind stopped 30 shots. Coach Dan Berg watched. "We were lucky," the goalie said.',
     "We were lucky", "Pekka Lind"),
    ("Carla Nunez, the mayor, visited the site on Friday. The mayor said repairs would take weeks.",
     "repairs would take weeks", "Carla Nunez"),
    ("Her lawyer, Thomas Greer, filed the appeal. The lawyer said the ruling ignored the evidence.",
     "ruling ignored", "Thomas Greer"),
    ("Gregory Hale, a farmer near the river, lost his barn. The farmer said the insurer had not called.",
     "insurer had not called", "Gregory Hale"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), ROLES)
def test_a_role_description_links_to_the_person_it_describes(text: str, content: str, speaker: str) -> None:
    assert _speaker(text, content) == speaker
    assert role_noun("veteran goalie") == "goalie" and role_noun("chief executive of the port") == "executive"


ROLE_NEGATIVES = [
    ("Mara Quinn, a nurse, was driving home. The doctor said the road had vanished.", "road had vanished"),
    ("The storm hit at noon. The nurse said the road had vanished.", "road had vanished"),
    ("Carla Nunez, the mayor, visited the site. The farmer said repairs would take weeks.", "repairs would take"),
]


@pytest.mark.parametrize(("text", "content"), ROLE_NEGATIVES)
def test_a_description_no_named_person_carries_is_not_linked(text: str, content: str) -> None:
    speaker = _speaker(text, content)
    assert speaker not in ("Mara Quinn", "Carla Nunez")


# -- a document resolves to its author or possessor ----------------------------------------------------

DOCUMENTS = [
    ('Carla Nunez resigned on Friday. "I leave with pride," her statement said.', "leave with pride", "Carla Nunez"),
    ('Thomas Greer left the board. "It was time," his letter said.', "It was time", "Thomas Greer"),
    ("Northgate Rail Corporation cut 300 jobs. The company's filing said costs had doubled.",
     "costs had doubled", "Northgate Rail Corporation"),
    ("Northgate Rail Corporation cut 300 jobs. Its statement said costs had doubled.",
     "costs had doubled", "Northgate Rail Corporation"),
    ('Laura Diaz met Peter Walsh on Monday. "We owe them answers," her statement said.',
     "owe them answers", "Laura Diaz"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), DOCUMENTS)
def test_a_document_resolves_to_its_possessor(text: str, content: str, speaker: str) -> None:
    assert _speaker(text, content) == speaker


DOCUMENT_NEGATIVES = [
    ('Peter Walsh left the board. "It was time," her statement said.', "It was time", "Peter Walsh"),
    ('Laura Diaz left the board. "It was time," his letter said.', "It was time", "Laura Diaz"),
    ('Thomas Greer met the board. "Costs doubled," their report said.', "Costs doubled", "Thomas Greer"),
]


@pytest.mark.parametrize(("text", "content", "wrong"), DOCUMENT_NEGATIVES)
def test_a_document_never_goes_to_a_possessor_who_cannot_be_its_pronoun(text: str, content: str, wrong: str) -> None:
    assert _speaker(text, content) != wrong


# -- a short organisation name is the full name it shortens -------------------------------------------

SHORT_NAMES = [
    ("Northgate Rail Corporation cut 300 jobs. Northgate said costs had doubled.", "costs had doubled",
     "Northgate Rail Corporation"),
    ("Helix Pharmaceuticals Inc. cut 300 jobs. Helix said costs had doubled.", "costs had doubled",
     "Helix Pharmaceuticals Inc"),
    ("Talbot Energy reported a loss. Talbot said output would recover.", "output would recover", "Talbot Energy"),
    ("Orsini Holdings bought the tower. Orsini said rents would rise.", "rents would rise", "Orsini Holdings"),
    ("Marlow Airlines grounded six jets. Marlow said the checks would take a week.", "checks would take",
     "Marlow Airlines"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), SHORT_NAMES)
def test_a_short_organisation_name_is_the_full_name(text: str, content: str, speaker: str) -> None:
    assert _speaker(text, content) == speaker


SHORT_NAME_NEGATIVES = [
    ("Facebook Research collected data. Facebook said the app was voluntary.", "app was voluntary",
     "Facebook Research"),
    ("Talbot Energy and Talbot Mining both reported losses. Talbot said output would recover.",
     "output would recover", "Talbot Energy"),
    ("Premier Doug Ford met Ford Motor Company. Ford said the plant would stay open.", "plant would stay",
     "Ford Motor Company"),
]


@pytest.mark.parametrize(("text", "content", "wrong"), SHORT_NAME_NEGATIVES)
def test_a_short_name_is_kept_when_it_may_be_another_body(text: str, content: str, wrong: str) -> None:
    assert _speaker(text, content) != wrong
