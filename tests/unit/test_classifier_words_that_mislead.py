"""Feedback whose words usually point the other way (words_blind.jsonl, words_blind2.jsonl):
complaints in words of praise or of plain fact, praise said with a negation, plain
questions. (The risk words such feedback trips are tested in
test_classifier_risk_real_wordings.py.) Every sentence here is written for these tests;
none is taken from the fixtures or the dataset."""
from __future__ import annotations

import pytest

from careloop.classifier.model import classify


@pytest.mark.parametrize("text", [
    "Came back to a £60 fine on the windscreen after my scan overran.",
    "The car park company fined me while I was in theatre.",
    "They discharged my grandad at 4am and told him to get a taxi.",
    "Sent home at 1.15am with nobody to collect me.",
    "My husband was discharged without his shoes or a coat in November.",
    "Third time my colonoscopy has been cancelled.",
    "Billed twice for the same X-ray.",
    "Everything went fine until the anaesthetist turned up.",
    "It took six calls to get anyone to tell me the result.",
    "The ward was so noisy it kept me awake every night.",
    "My glasses have gone missing on the ward.",
    "The physio was friendly for the whole five minutes she spent with me.",
    "They put my scan on someone else's insurance policy.",
    "They had my dad down as diabetic, which he is not.",
    "The booking line has been down since Easter.",
    "Spent the whole night on a trolley in A&E.",
    "Charged for physio sessions I never asked for.",
    "A 3am discharge with no way of getting home.",
])
def test_complaints_in_words_that_usually_praise_or_say_nothing_are_negative(text):
    assert classify(text).sentiment == "negative"


@pytest.mark.parametrize("text", [
    "Discharged at 11am after a lovely stay on the ward.",
    "Discharged at 3pm and everything went smoothly.",
    "Not a long wait at all, seen in ten minutes.",
    "Never had to chase anything, the results came when they said.",
    "My appointment ran on time and the car park was easy.",
    "Wasn't expecting much but the care was excellent.",
    "Not once did I feel judged by the nurses.",
])
def test_praise_in_the_same_words_is_not_a_complaint(text):
    assert classify(text).sentiment != "negative"


def test_praise_said_with_a_negation_is_read_as_praise_only_when_nothing_else_complains():
    assert classify("Not a long wait at all, seen in ten minutes.").sentiment == "positive"
    assert classify("Not a long wait at all, but the doctor was rude to me.").sentiment == "negative"


@pytest.mark.parametrize("text", [
    "Where is the fracture clinic?",
    "Do I need to fast before my scan tomorrow?",
    "how do i cancel my appointment online",
    "Is the multi-storey car park pay on exit?",
    "Are dogs allowed in the hospital garden?",
    "What is the process for getting a copy of my records?",
])
def test_plain_questions_are_neutral_and_raise_no_flag(text):
    result = classify(text)
    assert result.sentiment == "neutral"
    assert result.risk_flags == ()
