"""Risk-flag paraphrase families (risk_families._RISK_PATTERNS_EXTRA) and the false
positives found on the NHS dataset while writing them. Sentences here are written for
these tests; none comes from the blind evaluation sets (risk_flags_blind*.jsonl)."""
from __future__ import annotations

import pytest

from careloop.classifier.model import classify


@pytest.mark.parametrize("text, flag", [
    # self_harm: inflections and common wordings
    ("My brother took his own life a week after they discharged him.", "self_harm"),
    ("I have harmed myself twice since the appointment was cancelled.", "self_harm"),
    ("Honestly I no longer want to be alive.", "self_harm"),
    ("I wish I could go to sleep and not wake up.", "self_harm"),
    ("My family would be better off without me.", "self_harm"),
    ("She slit her wrists on the ward.", "self_harm"),
    ("He has been thinking about ending it for weeks.", "self_harm"),
    # patient_safety
    ("Mum fell off the commode and nobody helped her up.", "patient_safety"),
    ("She has had three falls on this ward.", "patient_safety"),
    ("They gave him his neighbour's insulin.", "patient_safety"),
    ("His fracture was missed completely in A&E.", "patient_safety"),
    ("Her cannula site became infected and nobody looked at it.", "patient_safety"),
    ("Dad caught norovirus on the ward.", "patient_safety"),
    ("He was given penicillin even though he is allergic.", "patient_safety"),
    # legal_threat
    ("We are going to sue.", "legal_threat"),
    ("I have instructed a law firm.", "legal_threat"),
    ("I will be reporting the ward to Healthwatch and the regulator.", "legal_threat"),
    ("We are seeking damages.", "legal_threat"),
    # privacy_breach
    ("They phoned my sister about my pregnancy results.", "privacy_breach"),
    ("A nurse looked through my records even though she was not involved in my care.", "privacy_breach"),
    ("The doctor loudly discussed my bowel problems at the bedside.", "privacy_breach"),
    # discrimination_abuse
    ("My father was slapped on the ward.", "discrimination_abuse"),
    ("She was grabbed by the arm by a healthcare assistant.", "discrimination_abuse"),
    ("Staff kept misgendering me.", "discrimination_abuse"),
    ("They made fun of my stammer.", "discrimination_abuse"),
])
def test_paraphrase_families_raise_their_flag(text, flag):
    assert flag in classify(text).risk_flags


@pytest.mark.parametrize("text", [
    "Staffing issues on odd days, not enough staff.",
    "First attempt to take blood unsuccessful, then a long wait.",
    "It's ridiculous that the hairdresser takes 12 weeks.",
    "The atmosphere was electric; he was thrown into judging but loved it.",
    "I can talk to them about anything and not get ridiculed.",
    "The doctors were brilliant with my son as he is deaf.",
    "The staff could act on any life threatening situation calmly.",
    "The appointment letter had the wrong date on it.",
    "I was sent to the wrong department twice.",
    "The car park machine would not take cards and I nearly missed my appointment.",
    "I waited six hours in A&E with a broken wrist.",
    "Some of the staff looked like they did not want to be here.",
    "Sue the podiatrist rang me back and was very patient.",
    "Mark and Sue were brilliant from start to finish.",
    "I was grateful for the ladies who got me my newspaper every day.",
    "They encouraged interaction with other patients through group activities.",
])
def test_ordinary_comments_raise_no_flag(text):
    assert classify(text).risk_flags == ()


@pytest.mark.parametrize("text", [
    "I am going to sue the trust.",
    "We will sue for negligence.",
    "I'm taking this to the local newspapers.",
])
def test_legal_threats_still_flagged_after_name_and_newspaper_fixes(text):
    assert "legal_threat" in classify(text).risk_flags


# Families added after blind set 4 (risk_families._RISK_PATTERNS_FOURTH); sentences written
# for these tests, not taken from any evaluation set.
@pytest.mark.parametrize("text, flag", [
    ("Last night I swallowed all the paracetamol I had left.", "self_harm"),
    ("He took every pill in the bathroom cabinet.", "self_harm"),
    ("My sister told them she was not safe by herself and they still sent her home.", "self_harm"),
    ("The police found him near the railway the day after discharge.", "self_harm"),
    ("The door was left wide open while the doctor examined me.", "privacy_breach"),
    ("I was being given a bed bath with the curtains open.", "privacy_breach"),
    ("The receptionist was sniggering at us in front of everyone.", "discrimination_abuse"),
    ("We are two dads and the nurse kept making comments about it.", "discrimination_abuse"),
    ("They turned him away because of his learning disability.", "discrimination_abuse"),
    ("I am putting together a case against the consultant.", "legal_threat"),
    ("A mi madre le dieron la medicación de otra paciente.", "patient_safety"),
])
def test_fourth_families_raise_their_flag(text, flag):
    assert flag in classify(text).risk_flags


@pytest.mark.parametrize("text", [
    "I took all the tablets as prescribed and the pain settled.",
    "The curtains were open so I could see the garden from my bed.",
    "My husband and I were both made to feel welcome.",
])
def test_fourth_families_leave_ordinary_comments_alone(text):
    assert classify(text).risk_flags == ()
