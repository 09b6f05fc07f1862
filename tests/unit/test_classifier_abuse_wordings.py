"""Abuse and discrimination told as what staff said or did, with no word of abuse in it
(risk_families._RISK_PATTERNS_BLIND32, written after blind sets 32 and 36), and the
wordings that look like it and are not (risk_lexicon.RISK_VETO). None of these
sentences is in a fixture."""
from __future__ import annotations

import pytest

from careloop.classifier.model import classify

ABUSE = "discrimination_abuse"


@pytest.mark.parametrize("text", [
    # a group spoken of as a type
    "The midwife said you Asian women always make a fuss.",
    "Typical hysterical Polish mum, the doctor muttered as we left.",
    "The nurse said you lot always exaggerate your pain.",
    "The doctor said this is England, speak English.",
    "He never speaks to the English patients like that.",
    "They wouldn't treat her unless she removed her hijab in the corridor.",
    # age as the reason not to look
    "At his age what do you expect, the GP told Dad.",
    "They said there was no point scanning a 90 year old.",
    "At her age I wouldn't bother with a scan, the consultant said.",
    "A DNACPR was put in his notes because of his learning disability.",
    "The surgeon told her she was too heavy to be worth operating on.",
    # names for patients
    "The paramedic said 'just another drunk' and walked off.",
    "I was called 'a nutter' by the ward clerk.",
    "The nurse told Mum she was 'a burden' on the ward.",
    "The receptionist laughed at my accent.",
    "Staff kept calling my daughter 'he' although she has told them many times.",
    "They read out my dead name in the waiting room.",
    "The nurse mimicked his stammer in front of everyone.",
    "Staff were taunting the residents at night.",
    # threats, punishment and force
    "They said if I didn't stop crying I would be put in seclusion.",
    "The manager said if we kept complaining Dad would lose his place.",
    "We can do this the easy way or the hard way, the nurse told him.",
    "You'll do as you're told, the carer snapped at my gran.",
    "The carer warned Gran that if she told anyone there would be trouble.",
    "They locked him in his room overnight.",
    "A staff member knelt on her back to hold her still.",
    "Security were called on my son because he was autistic and upset.",
    "The ward sister threatened to call security on my elderly father.",
    "She took away his hearing aids because he kept shouting.",
    "She takes his phone away if he complains.",
    "The carer hid her call bell.",
    "He was threatened with sedation for asking questions.",
    # touching, fear of one person, money
    "The HCA spoke to my aunt in a baby voice.",
    "The porter kept touching my leg on the way to theatre.",
    "The locum made comments about my body during the exam.",
    "Mum starts shaking whenever one particular carer is on shift.",
    "Dad has bruises on his arms like finger marks.",
    "The carer has been taking £10 out of her purse each week.",
    "Her wedding ring went missing from her room at the home.",
])
def test_abuse_told_as_what_staff_said_or_did_is_flagged(text):
    assert ABUSE in classify(text).risk_flags


def test_a_patient_photographed_on_a_staff_phone_is_a_privacy_breach():
    assert "privacy_breach" in classify("A nurse took a photo of my mum on her own phone.").risk_flags


@pytest.mark.parametrize("text", [
    "A patient was shouting racist abuse at the ward staff and they handled it calmly.",
    "The domestic abuse nurse at the clinic was so supportive.",
    "I'm not accusing anyone of racism, the appointment system is just badly organised.",
    "As a wheelchair user I found the doors to the clinic too heavy.",
    "My husband lashed out at the nurse and hit her, and she stayed so calm.",
    "I was told off for shouting at the receptionist, which was fair.",
    "I was bullied at school and the counsellor here has helped me so much.",
    "Nobody made her feel old or slow because of her age.",
    "Dad was treated like any other patient, with respect.",
    "You lot always answer the phone so quickly, thank you.",
    "This is England's best maternity unit in my view.",
])
def test_wordings_that_only_look_like_abuse_are_not_flagged(text):
    assert ABUSE not in classify(text).risk_flags
