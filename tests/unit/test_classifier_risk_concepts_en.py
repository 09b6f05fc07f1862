"""English risk told as two everyday things said near each other (risk_concepts_en.py)."""
from __future__ import annotations

import pytest

from careloop.classifier import lexicon, model


@pytest.mark.parametrize("text, flag", [
    ("The receptionist told my neighbour about my miscarriage while I was still on the ward.", "privacy_breach"),
    ("The pharmacist shouted across the counter that my methadone script was ready.", "privacy_breach"),
    ("A nurse posted a selfie on Facebook with the patient board behind her showing my mum's name.", "privacy_breach"),
    ("They sent him home saying it was just a virus and two days later it turned into sepsis.", "patient_safety"),
    ("My penicillin allergy is on every form and they gave me amoxicillin anyway.", "patient_safety"),
    ("Mum was discharged at 1am on her own with no medication.", "patient_safety"),
    ("The consultant said my joint pain was my own fault for being fat.", "discrimination_abuse"),
    ("He kept putting his hand on my thigh during the scan even after I moved away.", "discrimination_abuse"),
    ("I have written to our MP about the corridor care my father received.", "legal_threat"),
])
def test_two_everyday_english_concepts_said_together_raise_their_flag(text, flag):
    assert flag in model.classify(text).risk_flags


@pytest.mark.parametrize("text", [
    "The nurse took me to a quiet room so nobody else could hear about my results.",
    "The CQC rated the practice outstanding and I can see why.",
    "Slipped on ice in the street and broke my ankle; A&E had me plastered within two hours.",
    "The staff emailed me the exercises and sent the leaflets in the post.",
    "The appointment letter went to the wrong department, so we waited an extra week.",
])
def test_english_with_those_words_but_no_risk_matches_no_risk_pattern(text):
    # The pattern tiers only (the learned tier reads a complaint's words on its own).
    counts = lexicon.scan(text)
    assert not [label for label in counts if label.startswith(("risk:", "risk2:"))]
