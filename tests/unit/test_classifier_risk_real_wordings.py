"""Risk flags against wordings that raised false flags in real NHS feedback (the
labelled sample, bench/data/nhs_risk_sample.jsonl), and the real risks
written the same way that must keep their flag. Every sentence here is written for
these tests; none is taken from the dataset."""
from __future__ import annotations

import pytest

from careloop.classifier import lexicon, model as cl_model
from careloop.classifier.analysis import LONG_DOC_WORDS
from careloop.classifier.model import classify
from careloop.classifier.risk_tier import LONG_DOC_BROAD_FLAGS


@pytest.mark.parametrize("text, flag", [
    # A name, a visit, a code of conduct, a court case of one's own, paperwork.
    ("I would like to say thank you to Sue who runs the tea bar, always a smile.", "legal_threat"),
    ("The ward is always fully staffed when the CQC visits, but not on a normal Sunday.", "legal_threat"),
    ("I was glad to meet the people from the CQC the other day and tell them how good it is.", "legal_threat"),
    ("The liaison worker helped me through my time in court and never judged me.", "legal_threat"),
    ("The staff accused me of not having power of attorney and would not talk to me.", "legal_threat"),
    ("They claim to support healthy lifestyles but we only get outside twice a week.", "legal_threat"),
    ("The person who investigated my complaint never once spoke to me.", "legal_threat"),
    # Care that pushed gently, or said not to discriminate; help for "people like me".
    ("My physio never rushed me or pushed me when I was tired.", "discrimination_abuse"),
    ("The group leaders pushed me just enough to speak up.", "discrimination_abuse"),
    ("The day centre does not discriminate and everyone is welcome.", "discrimination_abuse"),
    ("This service is a lifeline for people like me who live alone.", "discrimination_abuse"),
    ("We need more nurses like her and more people like her in the NHS.", "discrimination_abuse"),
    ("Therapy has helped me with the abuse I suffered as a child.", "discrimination_abuse"),
    ("The nurses were dealing with an abusive patient all night and still found time for us.", "discrimination_abuse"),
    ("Ward rounds can be intimidating, so it helps to write questions down.", "discrimination_abuse"),
    ("There are not enough disabled parking spaces near the clinic.", "discrimination_abuse"),
    ("All reception staff should have deaf awareness training.", "discrimination_abuse"),
    ("The GP called me back within the hour and sorted everything out.", "discrimination_abuse"),
    # A stroke lived with, a team's name, an idiom, a duty, a first-aid class.
    ("Since I had my stroke the stroke team have visited every week and I can walk again.", "patient_safety"),
    ("They say it will improve but I won't hold my breath.", "patient_safety"),
    ("The kindness of the midwives took my breath away.", "patient_safety"),
    ("They could not tell me for safeguarding reasons, which I understand.", "patient_safety"),
    ("The first aid class showed us what to do if your baby is choking.", "patient_safety"),
    ("I feel forgotten and neglected by the memory clinic.", "patient_safety"),
    ("The scheme should be rolled out to schools across the county.", "patient_safety"),
    ("The care was good, though the aftercare fell short of what I had hoped for.", "patient_safety"),
    ("We had a missed miscarriage at ten weeks and the midwife was so gentle with us.", "patient_safety"),
    ("At first it felt unsafe to talk in the group, but the facilitators made it easy.", "patient_safety"),
    ("I don't really feel unsafe on the ward, it is just noisy at night.", "patient_safety"),
    ("I would like more physical therapy after a stroke, the sessions are too short.", "patient_safety"),
    ("The group covered details of self-harm, which some people found hard to hear.", "patient_safety"),
    ("Could my appointment letters be sent in large print please, I am registered blind.", "discrimination_abuse"),
    ("The midwife asked me the routine questions about domestic abuse while my partner was out.", "discrimination_abuse"),
    ("I asked roughly how long the wait would be and was told about three hours.", "discrimination_abuse"),
    ("The receptionist dealt calmly with a drunk man who was shouting abuse at everyone.", "discrimination_abuse"),
    ("The CQC report rates the ward as good and I agree with it.", "legal_threat"),
    ("My son went on the suicide and self-harm awareness course and found it really useful.", "self_harm"),
    ("The migraine was so bad I wanted to die, but the nurse got it under control quickly.", "self_harm"),
    ("Most people give up on the phone queue and go to A&E instead.", "self_harm"),
    ("Visitors can go on the ward any time after two, which made a real difference.", "self_harm"),
    ("You can go on a voluntary basis, and the group is friendly.", "self_harm"),
    ("Grouping the children jumping from 0-5 years is too wide for the toddler session.", "self_harm"),
    ("The community team helped reduce my self-harm over the last year.", "self_harm"),
    ("The community team helped reduce my self-harm over the last year.", "patient_safety"),
    ("The receptionist was rude and made me feel I had done nothing wrong but was in the wrong!", "patient_safety"),
    ("The appointment letter was wrong and nobody would admit it.", "patient_safety"),
    ("There is an error on the website about the clinic's opening hours.", "patient_safety"),
    ("The staff that were on the floor were lovely but the office never answered.", "patient_safety"),
    # Self-harm as a subject of a group, not a disclosure.
    ("The ward could offer more activities to reduce self-harm on long evenings.", "self_harm"),
])
def test_real_wordings_without_a_risk_raise_no_flag(text, flag):
    assert flag not in classify(text).risk_flags


@pytest.mark.parametrize("text, flag", [
    ("If this is not resolved I will sue the trust.", "legal_threat"),
    ("I have reported the ward to the CQC.", "legal_threat"),
    ("We are taking the hospital to court over Dad's death.", "legal_threat"),
    ("The nurse pushed me against the wall and told me to shut up.", "discrimination_abuse"),
    ("The receptionist said people like me should not be allowed to have children.", "discrimination_abuse"),
    ("I was discriminated against because of my religion.", "discrimination_abuse"),
    ("The healthcare assistant called my mother a liar in front of the whole bay.", "discrimination_abuse"),
    ("The consultant threatened me and said I would be discharged if I complained.", "discrimination_abuse"),
    ("He had a stroke on the ward and nobody noticed for four hours.", "patient_safety"),
    ("Mum was left to choke on her food with no one watching.", "patient_safety"),
    ("My father was neglected on the ward, left in soiled sheets for hours.", "patient_safety"),
    ("The bed rails were down and she rolled out of bed in the night.", "patient_safety"),
    ("Dad fell on the ward twice in one night and nobody checked him.", "patient_safety"),
    ("I didn't feel safe on the ward after the man in the next bed threatened me.", "patient_safety"),
    ("They told me I had been self-harming for attention and sent me home with nothing.", "self_harm"),
    ("The nurse kept calling me by my old name even after I had corrected her twice.", "discrimination_abuse"),
    ("I have reported the practice to the Information Commissioner over my records.", "legal_threat"),
    ("I feel like I want to give up, nothing is getting better and nobody calls me back.", "self_harm"),
    ("My depression got so bad I wanted to die and the GP said to wait six weeks.", "self_harm"),
    ("If nothing changes I don't know how much longer I can go on.", "self_harm"),
    ("I stopped self-harming last year but the cuts are infected and nobody will look at them.", "patient_safety"),
    ("They put the cannula in the wrong arm, the one with my fistula.", "patient_safety"),
    ("Her feeding tube was in the wrong place and they used it anyway.", "patient_safety"),
    ("I told them I had been self-harming again and they sent me away.", "self_harm"),
])
def test_the_same_words_used_for_a_real_risk_keep_their_flag(text, flag):
    assert flag in classify(text).risk_flags


# A letter well over LONG_DOC_WORDS words whose only legal, privacy and abuse wording
# is the loose second tier's ("claim", "investigation", "details", "called me").
_LONG_COMPLAINT = (
    "I am writing about my mother's stay on the surgical ward in March. The nurses were busy and "
    "she often waited a long time for the toilet, which upset her a great deal. Nobody called me "
    "when she was moved to another bay, and I only found out when I arrived with her clean clothes. "
    "The discharge was arranged for a Friday evening with no transport booked and we waited four "
    "hours in the lounge. The staff claim the wards are properly staffed but that is not what we "
    "saw, and I would like the investigation of this to include the weekend rota and the handover notes."
)


def test_a_long_complaint_takes_no_legal_or_abuse_flag_from_loose_words_alone():
    assert len(_LONG_COMPLAINT.split()) > LONG_DOC_WORDS
    c = classify(_LONG_COMPLAINT)
    assert c.sentiment == "negative"
    assert not {"legal_threat", "discrimination_abuse"} & set(c.risk_flags)
    assert not {"legal_threat", "discrimination_abuse"} & LONG_DOC_BROAD_FLAGS


def test_a_long_complaint_still_takes_the_loose_patient_safety_words():
    text = _LONG_COMPLAINT + " On the second night she fell and nobody noticed until the morning."
    assert "patient_safety" in LONG_DOC_BROAD_FLAGS
    assert "patient_safety" in classify(text).risk_flags


def test_a_long_complaint_still_takes_the_loose_privacy_words():
    # A breach told only in the second tier's words (information near someone who saw
    # or heard it), in a letter long enough to be read sentence by sentence.
    text = _LONG_COMPLAINT + (" Worse, my mother's diagnosis was discussed at the desk where a visitor from "
                              "her street heard every word, and the whole village knew by Sunday.")
    assert "privacy_breach" in LONG_DOC_BROAD_FLAGS
    assert "privacy_breach" in classify(text).risk_flags


def test_a_short_complaint_keeps_the_whole_second_tier():
    # Short comments are read whole: "investigation" there is still a legal cue.
    c = classify("Still no answer. I want an independent investigation into how my dad was treated.")
    assert c.sentiment == "negative"
    assert "legal_threat" in c.risk_flags


def test_the_batch_and_single_calls_agree_on_the_long_document_rule():
    single = classify(_LONG_COMPLAINT)
    batch = cl_model.classify_batch([{"text": _LONG_COMPLAINT}])[0]
    assert batch.risk_flags == single.risk_flags


# Near misses: real risks the flags did not catch, told in words like those of the
# labelled near-miss rows' tune half (EVALUATION.md, "Risk flags on real feedback"), and the
# same words where nothing is wrong.
@pytest.mark.parametrize("text, flag", [
    ("The care was fine but during the admission I came home with scabies and head lice.", "patient_safety"),
    ("Nobody looked at my blood test results for three weeks so my treatment was delayed.", "patient_safety"),
    ("My son on the ward has started head banging again and the staff have not noticed.", "self_harm"),
    ("Some of us are too scared to speak up about two of the night staff.", "discrimination_abuse"),
    ("I felt threatened by the way the support worker spoke to me in my own home.", "discrimination_abuse"),
    ("Dad often missed his lunch because nobody asked what he wanted.", "patient_safety"),
    ("The new tablets left him shaking and so drowsy he could not stand, and no one reviewed them.", "patient_safety"),
])
def test_near_miss_wordings_now_raise_their_flag(text, flag):
    assert flag in classify(text).risk_flags


@pytest.mark.parametrize("text, flag", [
    ("I was never afraid to speak up, the staff always listened.", "discrimination_abuse"),
    ("I never felt threatened on the ward, everyone was kind.", "discrimination_abuse"),
    ("Mum never missed a meal, the staff made sure of it.", "patient_safety"),
    ("The team went through all my results with me and explained every one.", "patient_safety"),
])
def test_the_near_miss_wordings_negated_raise_no_flag(text, flag):
    assert flag not in classify(text).risk_flags


# Harm told plainly, as the real near misses and written blind set 26 tell it, in words
# written for these tests; and the same words where nothing went wrong.
@pytest.mark.parametrize("text, flag", [
    ("The chemist gave my mother 20mg tablets instead of 2mg and nobody noticed for a week.", "patient_safety"),
    ("His Parkinson's tablets were always late on the ward, sometimes by three hours.", "patient_safety"),
    ("She came home with bruising under both arms from the hoist.", "patient_safety"),
    ("Every visit Mum was sitting in the same soiled nightie as the day before.", "patient_safety"),
    ("His lunch tray was put on the windowsill out of his reach and taken away untouched.", "patient_safety"),
    ("Grandad lost nearly a stone in the three weeks he was on the ward.", "patient_safety"),
    ("No water by his bed all afternoon and his lips were cracked.", "patient_safety"),
    ("I was discharged from the memory service without ever being seen by anyone.", "patient_safety"),
    ("They told her she had a pad on so to just go in it.", "patient_safety"),
    ("Mum was left wet for most of the night.", "patient_safety"),
    ("His anticipatory medicines were never delivered so there was nothing in the house when he needed them.",
     "patient_safety"),
    ("The nurse did an impression of me crying to the other staff at the desk.", "discrimination_abuse"),
    ("The night nurse told my wife to stop being so dramatic while she was in labour.", "discrimination_abuse"),
])
def test_harm_told_plainly_raises_its_flag(text, flag):
    assert flag in classify(text).risk_flags


@pytest.mark.parametrize("text, flag", [
    ("Dad wanted to die at home and the district nurses made sure that he could.", "self_harm"),
    ("The physio really pushed me and I was walking on crutches the next day.", "discrimination_abuse"),
    ("The A&E doctor recognised it was sepsis and had him on antibiotics within the hour.", "patient_safety"),
    ("The team changed his tablets from 10mg to 5mg and explained exactly why.", "patient_safety"),
])
def test_the_same_words_with_nothing_wrong_raise_no_flag(text, flag):
    assert flag not in classify(text).risk_flags


def test_sepsis_missed_keeps_its_flag_even_when_said_with_in_time():
    assert "patient_safety" in classify("They never recognised it was sepsis in time.").risk_flags


# Risks of every kind told plainly (written blind sets 28 and 29), in words written for
# these tests, and the hard negatives' wordings that no longer raise a flag.
@pytest.mark.parametrize("text, flag", [
    ("Gran had bruises in the shape of fingers on her upper arm after the carers washed her.", "discrimination_abuse"),
    ("The night carer said if she pressed the buzzer again she would take it away.", "discrimination_abuse"),
    ("Since that night he is too scared to press the buzzer any more.", "discrimination_abuse"),
    ("The doctor kept putting his hand on my thigh while he talked.", "discrimination_abuse"),
    ("The nurse asked which one of us was the woman and everyone at the desk laughed.", "discrimination_abuse"),
    ("The HCA called him a silly old fool in front of the bay.", "discrimination_abuse"),
    ("She told my dad to go back to his own country.", "discrimination_abuse"),
    ("My biopsy was never sent to the lab and nobody told me for months.", "patient_safety"),
    ("Nobody has turned him since Tuesday and now his heel has gone black.", "patient_safety"),
    ("The district nurse has not been to change her catheter in six weeks.", "patient_safety"),
    ("She was sent home at midnight with the cannula still in her arm.", "patient_safety"),
    ("I was meant to have a repeat scan in six months but it never happened.", "patient_safety"),
    ("The chemist found the prescription had been made out under another patient's name.", "patient_safety"),
    ("I have been saving up my tablets in a drawer.", "self_harm"),
    ("The police brought him home from the railway bridge last night.", "self_harm"),
    ("The receptionist read my test results out at the front desk with people waiting behind me.", "privacy_breach"),
])
def test_risks_told_plainly_raise_their_flag(text, flag):
    assert flag in classify(text).risk_flags


@pytest.mark.parametrize("text, flag", [
    ("A man was screaming abuse at the nurses all night and they stayed calm.", "discrimination_abuse"),
    ("I went through domestic abuse years ago and the clinic offered a chaperone without my asking.",
     "discrimination_abuse"),
    ("Mum fell in her garden and broke her wrist, and the fracture clinic were brilliant.", "patient_safety"),
    ("I was sure I was having a heart attack but it turned out to be indigestion, and they were lovely.",
     "patient_safety"),
    ("Waited four hours in the minor injuries unit with a cut finger, it healed fine.", "patient_safety"),
    ("In the end it was nothing serious and the staff were kind.", "self_harm"),
    ("I was scared to ask for help at first but the nurses were lovely.", "discrimination_abuse"),
])
def test_risk_words_with_nothing_wrong_raise_no_flag(text, flag):
    assert flag not in classify(text).risk_flags


# The patterns no longer flag these; the learned tier still does (careloop-risk-7a6653f3ef3a:
# patient safety, privacy, abuse), a known false positive of its (EVALUATION.md, "Harm told
# plainly"). Training it on sets 28 and 29 cleared all three but lost an indirect
# self-harm disclosure, so it was not done.
@pytest.mark.parametrize("text, flag", [
    ("The receptionist rolled her eyes when I asked for an appointment, which was rude.", "discrimination_abuse"),
    ("My son came off his bike and hurt his arm; we were in and out in two hours.", "patient_safety"),
    ("The consultant took me to a quiet room to talk about my results.", "privacy_breach"),
])
def test_the_patterns_alone_raise_no_flag_on_these_harmless_wordings(text, flag):
    cl_model.use_risk_model(None)
    try:
        assert flag not in classify(text).risk_flags
    finally:
        cl_model.reload()


# Abuse and discrimination told plainly (written blind set 31), in words written for
# these tests, and two idioms that are not harm.
@pytest.mark.parametrize("text, flag", [
    ("The home carer has been taking money out of Nan's purse every week.", "discrimination_abuse"),
    ("Since the new carer started, money has gone missing from his flat.", "discrimination_abuse"),
    ("The ward manager told my sister not to bother complaining.", "discrimination_abuse"),
    ("The triage nurse called him a junkie in front of everyone.", "discrimination_abuse"),
    ("She spoke to my brother like a dog, telling him to sit and stay.", "discrimination_abuse"),
    ("Two staff copied him rocking in his chair and laughed.", "discrimination_abuse"),
    ("The porter rubbed my thigh while wheeling me to X-ray.", "discrimination_abuse"),
    ("They said she wouldn't get her dinner if she kept shouting.", "discrimination_abuse"),
])
def test_abuse_told_plainly_raises_its_flag(text, flag):
    assert flag in classify(text).risk_flags


@pytest.mark.parametrize("text, flag", [
    ("The anaesthetist had me in stitches before the operation.", "patient_safety"),
    ("The nurse got my fever down overnight and I went home the next day.", "patient_safety"),
])
def test_idioms_of_laughter_and_recovery_raise_no_flag(text, flag):
    assert flag not in classify(text).risk_flags


# Second-tier words read where they name something else (labelled real sample): a
# heart, not hearing; voices heard, not overheard; the paper trolley and the call
# buzzer, not the press; a fellow patient's temper with no one hurt. Complaints all, so
# the second tier is read.
@pytest.mark.parametrize("text, flag", [
    ("Nobody explained my heart condition to me and the wait for the appointment was far too long.",
     "privacy_breach"),
    ("I started to hear voices again and waited six weeks for an appointment, which is too long.",
     "privacy_breach"),
    ("Had to press the buzzer three times before anyone came, not good enough.", "legal_threat"),
    ("Really missed the trolley that comes round with papers and snacks, bring it back.", "legal_threat"),
    ("The waiting room was unpleasant because of an aggressive patient.", "discrimination_abuse"),
])
def test_second_tier_words_naming_something_else_raise_no_flag(text, flag):
    assert classify(text).sentiment == "negative"
    assert flag not in classify(text).risk_flags


@pytest.mark.parametrize("text, flag", [
    ("The receptionist shouted out my heart condition so that everyone in the queue could hear.", "privacy_breach"),
    ("If nobody answers this letter I will be going to the local papers.", "legal_threat"),
    ("The nurse was aggressive with my disabled son and would not listen to him.", "discrimination_abuse"),
    ("An aggressive patient kept hitting my dad and nobody stepped in.", "discrimination_abuse"),
])
def test_the_same_second_tier_words_used_for_a_real_risk_keep_their_flag(text, flag):
    assert flag in classify(text).risk_flags


# First-tier words with an everyday sense (labelled real sample): going back to another
# hospital, fitting something to a door.
@pytest.mark.parametrize("text, flag", [
    ("The doctor decided she should go back to the main hospital for another scan, and it took all day.",
     "discrimination_abuse"),
    ("They promised to fit new blinds to stop the noise but nobody did it for weeks.", "patient_safety"),
])
def test_everyday_senses_of_first_tier_words_raise_no_flag(text, flag):
    assert flag not in classify(text).risk_flags


@pytest.mark.parametrize("text, flag", [
    ("The receptionist told me people like me should go back home.", "discrimination_abuse"),
    ("A man on the ward said I should go back to where I came from.", "discrimination_abuse"),
    ("He had a fit on the ward and nobody came for twenty minutes.", "patient_safety"),
])
def test_the_same_words_said_as_harm_keep_their_flag(text, flag):
    assert flag in classify(text).risk_flags


# Care left undone told plainly (labelled real sample, tune half): a discharge too
# early, medicines a patient was left without.
@pytest.mark.parametrize("text", [
    "They keep discharging my son far too early and he ends up back in A&E within the week.",
    "Please don't discharge people too early, my dad was readmitted two days later.",
    "The community team left her for three weeks without any antipsychotics and nobody called.",
    "Disgraceful care: the ward refused to give him his insulin for six hours.",
])
def test_care_left_undone_told_plainly_raises_patient_safety(text):
    assert "patient_safety" in classify(text).risk_flags


@pytest.mark.parametrize("text", [
    "I manage without medication now thanks to the talking therapy, which was excellent.",
    "My discharge was well planned and nobody rushed me.",
])
def test_the_same_words_with_nothing_wrong_raise_no_patient_safety_flag(text):
    assert "patient_safety" not in classify(text).risk_flags


@pytest.mark.parametrize("text", [
    "I was verbally attacked by two patients and the staff did nothing.",
    "On the ward they called me all sorts of horrible names.",
    "My life was threatened by another patient and I had to hide in my room.",
])
def test_abuse_told_as_in_real_stories_raises_its_flag(text):
    assert "discrimination_abuse" in classify(text).risk_flags


# Written blind set 34 (tuned on): risks told in patients' words, and harmless uses of
# risk words; sentences written for these tests.
@pytest.mark.parametrize("text, flag", [
    ("When I got home there was a box of tablets in my bag that wasn't mine.", "patient_safety"),
    ("The consultant admitted it might have been caught earlier.", "patient_safety"),
    ("By the time anyone examined him it was too late for surgery.", "patient_safety"),
    ("I was posted a letter that was not meant for me, with another woman's test results.", "privacy_breach"),
    ("The nurse kept asking whether I even understood English, and I was born here.", "discrimination_abuse"),
    ("Since I complained the practice manager has made my life hell.", "discrimination_abuse"),
    ("She threatened to have us removed from the list if I complained again.", "discrimination_abuse"),
])
def test_risks_told_in_patients_words_raise_their_flag(text, flag):
    assert flag in classify(text).risk_flags


@pytest.mark.parametrize("text, flag", [
    ("I accidentally overdosed on my vitamins, my own fault, and the pharmacist was brilliant.", "self_harm"),
    ("I accidentally overdosed on my vitamins, my own fault, and the pharmacist was brilliant.", "patient_safety"),
    ("Data protection gone mad, they wouldn't tell me if my husband had arrived.", "privacy_breach"),
    ("The solicitor dealing with Mum's power of attorney got a letter from the ward the same day.", "legal_threat"),
    ("I saw on the CQC website that the practice used to be rated poor, but it's great now.", "legal_threat"),
    ("I've been neglecting my diabetes and the nurse helped me get back on track.", "patient_safety"),
    ("They brought me the wrong meal twice but the staff were lovely.", "patient_safety"),
    ("Complete mistake on my part, I went to the wrong clinic and the porter walked me over.", "patient_safety"),
    ("There was a mix-up with my invoice and the billing office sorted it the same day.", "patient_safety"),
    # Talking down is plain rudeness, not abuse (star_reviews_blind.jsonl).
    ("Receptionist spoke to me like I was stupid for not knowing which building radiology was in.",
     "discrimination_abuse"),
    # A letter naming the wrong place (star_reviews_blind.jsonl).
    ("Only complaint is the appointment letter gave the wrong clinic so we went to the wrong building first.",
     "patient_safety"),
])
def test_risk_words_used_harmlessly_raise_no_flag(text, flag):
    assert flag not in classify(text).risk_flags


@pytest.mark.parametrize("text", ["They sent my bill to the wrong insurer and now it's gone to collections.",
                                  "The letter sent us to the wrong department."])
def test_paperwork_sent_to_the_wrong_place_is_no_risk_pattern(text):
    # The patterns only: the learned tier reads "it's gone to collections" on its own
    # (at P >= 0.85 it still flags this review in star_reviews_blind.jsonl).
    assert not any(label.startswith(("risk:", "risk2:")) for label in lexicon.scan(text))


@pytest.mark.parametrize("text", ["They operated on the wrong site.", "The ambulance took him to the wrong hospital "
                                  "and the stroke team never saw him in time.", "Nurse gave me the wrong tablets."])
def test_wrong_treatment_and_wrong_site_stay_patient_safety_beside_the_paperwork_veto(text):
    assert "patient_safety" in classify(text).risk_flags


# Complaints in words that point the other way (words_blind.jsonl, words_blind2.jsonl):
# the risk words they trip, and the risks among them.
@pytest.mark.parametrize("text, flag", [
    ("The phone line for the fracture clinic rings out every single time.", "patient_safety"),
    ("The doctor never looked at my notes once during the appointment.", "privacy_breach"),
    ("The parking machine has been broken for three weeks and nobody fixes it.", "patient_safety"),
])
def test_complaints_that_only_sound_risky_raise_no_flag(text, flag):
    result = classify(text)
    assert result.sentiment == "negative"
    assert flag not in result.risk_flags


@pytest.mark.parametrize("text, flag", [
    ("The night nurse gave him his insulin twice because nobody checked the chart.", "patient_safety"),
    ("His drip kept alarming all night and nobody knew how to fix it.", "patient_safety"),
    ("The receptionist asked whether my mother even speaks English.", "discrimination_abuse"),
    ("She broke her wrist in a fall on the ward and the fracture was missed for a week.", "patient_safety"),
    ("My wound got infected and was still bleeding when they sent me home.", "patient_safety"),
])
def test_the_risks_among_them_keep_their_flag(text, flag):
    assert flag in classify(text).risk_flags


@pytest.mark.parametrize("text", [
    "Reduced movements at 34 weeks and the midwife on the phone said babies sleep more, so I stayed home.",
    "I rang triage about reduced fetal movements and was told to have a cold drink and lie down. Lovely staff though.",
    "Told them the baby hadn't moved since the morning and they said it was normal and sent me home.",
])
def test_reduced_fetal_movements_left_unchecked_raise_patient_safety_even_among_thanks(text):
    assert "patient_safety" in classify(text).risk_flags


def test_reduced_fetal_movements_checked_straight_away_raise_no_flag():
    result = classify("Went in with reduced movements, they had me on the monitor within ten minutes and all was well.")
    assert result.risk_flags == ()
