"""Negated complaint words and "nothing to improve" said in other words (lexicon cues).
Sentences written for these tests."""
from __future__ import annotations

import pytest

from careloop.classifier import lexicon
from careloop.classifier.model import classify


@pytest.mark.parametrize("text", [
    "Staff are brilliant, I have no complaints.",
    "I never felt neglected on the ward.",
    "The porters were not rude at all.",
    "Eight years coming here and never had a complaint.",
    "Nothing to complain about.",
])
def test_negated_complaint_words_are_not_strong_complaint_cues(text):
    assert "cue:strong" not in lexicon.scan(text)


@pytest.mark.parametrize("text", [
    "The nurse was rude to my mother.",
    "I want to complain about the discharge.",
    "We were neglected for hours.",
    "I didn't like the rude receptionist.",
])
def test_plain_complaint_words_still_are(text):
    assert "cue:strong" in lexicon.scan(text)


@pytest.mark.parametrize("text", ["Can't fault anything.", "Could not fault the team.", "Couldn't be better.",
                                  "Couldn't ask for more.", "Super."])
def test_praise_idioms_with_a_negation_count_as_praise_only(text):
    found = lexicon.scan(text)
    assert found.get("cue:pos") and not found.get("cue:neg") and not found.get("cue:strong")


@pytest.mark.parametrize("text", [
    "Could not fault any part of my stay.",
    "There is nothing they could do better.",
    "Zero.",
    "No need for improvement, they work above and beyond.",
    "I would be hard pressed to find fault.",
    "Honestly no complaints at all.",
])
def test_nothing_to_improve_in_other_words(text):
    assert lexicon.says_nothing_to_improve(text)
    c = classify(text, question="What could we do better?")
    assert c.sentiment != "negative"


@pytest.mark.parametrize("text", [
    "No complaints but the food was cold.",
    "Could not fault the nurses, except the wait in A&E.",
    "More parking.",
    "The nurse could not find my notes.",
])
def test_answers_with_a_real_complaint_are_not_nothing_to_improve(text):
    assert not lexicon.says_nothing_to_improve(text)


def test_plain_praise_answering_an_improve_question_is_not_amplified_into_a_complaint():
    c = classify("Lovely caring nurses and a clean ward.", question="Is there anything we could improve?")
    assert c.sentiment == "positive"
    c = classify("More staff at night.", question="Is there anything we could improve?")
    assert c.sentiment == "negative"
