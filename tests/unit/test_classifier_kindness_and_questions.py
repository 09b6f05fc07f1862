"""Kindness told as a fact and plain questions: lexicon cues and the rule that uses them.

The sentences here are written for these tests; the measured sets are the
inbox_facts_blind*.jsonl fixtures (test_classifier_quality.py and the benchmark).
"""
from __future__ import annotations

import pytest

from careloop.classifier import analysis, inbox_cues, lexicon, model


@pytest.mark.parametrize("text", [
    "The night nurse sat with my mother until she fell asleep.",
    "A porter walked us all the way to the fracture clinic.",
    "The surgeon phoned the next evening to see how I was getting on.",
    "Pharmacy had my tablets ready before I arrived.",
    "The sonographer drew a little sketch so we could follow what she was measuring.",
    "The billing clerk waived the late fee.",
    "She chased the scan report herself.",
    "The healthcare assistant fetched my nan a warm cardigan from her bag.",
    "They changed the dressing without me having to ask.",
    "The registrar phoned me at home to go through my biopsy results.",
    "Reception called me back in ten minutes with a cancellation.",
    "The practice answered my online message the same morning.",
    "They lined up the scan and the clinic for the same day.",
    "The midwife told us exactly what would happen at each stage.",
    "The pharmacist wrote down the doses for me in big letters.",
    "She got the cannula in on the first try.",
    "La matrona se dio cuenta de que mi hija no podía dormir y le cambió la cama de sitio.",
    "El fisioterapeuta bajó a la sala de espera a explicarnos los ejercicios otra vez.",
    "La recepcionista nos devolvió la llamada antes de comer.",
    "El médico de cabecera llamó el viernes para preguntar cómo seguía mi padre.",
    "Me apuntaron en un papel las horas de cada pastilla.",
    "La enfermera le dejó elegir el brazo para el pinchazo.",
    "El cirujano vino a vernos aunque ya era casi medianoche.",
    "En menos de media hora ya estaba vendado y en casa.",
    "Me vieron a los 15 minutos de llegar, sin cita previa.",
])
def test_kind_acts_told_as_facts_carry_the_kindness_cue(text):
    assert inbox_cues.fact_cues(lexicon.prepare(text)).get(inbox_cues.KIND_ACT_CUE)


@pytest.mark.parametrize("text", [
    "Nadie se dio cuenta de que mi madre no había comido en todo el día.",
    "Esperé tres horas para que me dieran el alta.",
    "Me llamaron para decirme que cancelaban la operación.",
    "Tardaron cinco horas en atenderme.",
])
def test_spanish_failures_told_as_facts_do_not_carry_the_kindness_cue(text):
    assert not inbox_cues.fact_cues(lexicon.prepare(text)).get(inbox_cues.KIND_ACT_CUE)


@pytest.mark.parametrize("text", [
    "I sat with my dad for nine hours in the corridor.",
    "We had to ring the ward to check he was still there.",
    "It would help if visiting was longer so my mother could come after work.",
])
def test_what_the_writer_did_or_wishes_for_is_not_kindness_shown_to_them(text):
    assert not inbox_cues.kindness_unopposed(text)


def test_a_complaint_word_inside_the_kind_act_does_not_oppose_it():
    text = "A volunteer waited with me until my name was called."
    assert lexicon.scan(text).get("cue:neg")
    assert inbox_cues.kindness_unopposed(text)


def test_a_complaint_outside_the_kind_act_keeps_the_comment_a_complaint():
    text = "The nurse sat with my dad, but nobody told us he was being moved and his notes were lost."
    assert not inbox_cues.kindness_unopposed(text)
    assert model.classify(text).sentiment == "negative"


@pytest.mark.parametrize("text", [
    "The HCA brought me tea and toast at 4am after I missed supper.",
    "The receptionist walked us to the clinic herself.",
])
def test_kindness_with_nothing_against_it_is_not_a_ticket(text):
    assert model.classify(text).sentiment != "negative"


@pytest.mark.parametrize("text", [
    "What are the visiting hours on the children's ward?",
    "Is there disabled parking near the outpatients entrance?",
    "Could you tell me which entrance to use for the eye clinic?",
    "I've moved house, please update my address.",
    "Does the shuttle bus stop at the maternity unit?",
])
def test_plain_questions_and_requests_are_not_complaints(text):
    # Neutral when the model leaned negative; one it already read as not negative keeps
    # the model's reading (the cue is looked for only when it could lower P(neg)).
    assert inbox_cues.fact_cues(lexicon.prepare(text)).get(inbox_cues.INQUIRY_CUE)
    assert model.classify(text).sentiment != "negative"


@pytest.mark.parametrize("text", [
    "Is there a reason my referral has been waiting for eleven months?",
    "Is there any point in ringing when nobody answers?",
    "How do I complain about the way my father was treated?",
])
def test_questions_that_complain_are_not_plain_questions(text):
    assert model.classify(text).sentiment == "negative"


def test_a_question_with_a_complaint_in_it_stays_a_complaint():
    text = "Could you tell me why my appointment was cancelled for the third time?"
    assert model.classify(text).sentiment == "negative"


def test_the_new_cues_are_not_features_of_the_model():
    # The shipped model reads only these cue counts (features.extra_features); the
    # kindness and question cues act by rule, so adding them retrains nothing.
    from careloop.classifier.features import extra_features
    feats = extra_features(5, {inbox_cues.KIND_ACT_CUE: 1, inbox_cues.INQUIRY_CUE: 1})
    assert feats == []


def test_a_story_scored_sentence_by_sentence_is_not_lifted_by_a_kind_act():
    story = ("We waited nine hours in the corridor and nobody told us anything. My father was not given "
             "his tablets. The discharge letter had the wrong name on it. The porter walked us to the car.")
    assert model.classify(story).sentiment == "negative"


@pytest.mark.parametrize("text", [
    "What are the visiting hours on the children's ward?",
    "I've moved house, please update my address.",
    "Just confirming I will attend my appointment on the 14th.",
    "Could you tell me which entrance to use for the eye clinic?",
    # posted online, to the hospital or to other people
    "anyone know if parking is free after 8pm at @CityGeneralHosp? visiting my mum tmrw",
    "@RiversideHealth does the main reception have a hearing loop? need to know before my appt thurs",
    "is this the entrance by the multi storey or the main one?",
    "which hospital is this? looks like city general",
    "¿Alguien sabe si en el Hospital San Rafael se puede aparcar gratis los domingos?",
])
def test_a_question_or_request_that_is_not_a_complaint_is_tagged_as_an_enquiry(text):
    c = model.classify(text)
    assert c.sentiment != "negative" and "enquiry" in c.topics


@pytest.mark.parametrize("text", [
    "Could you tell me why my appointment was cancelled for the third time?",
    "The nurses were wonderful and without the NHS where would we be?",
    "The porter walked us to the clinic.",
])
def test_complaints_praise_and_rhetorical_questions_are_not_enquiries(text):
    assert "enquiry" not in model.classify(text).topics


def test_every_question_pattern_needs_a_question_mark_or_a_hint_word():
    # model._finish looks for the question cue in a comment the model does not lean
    # negative on only when inbox_cues.may_be_enquiry says it could match.
    import re
    for pattern in inbox_cues._INQUIRIES:
        if pattern.endswith(r"\?"):
            continue
        words = set(re.findall(r"[a-z]+", pattern.replace(r"\b", " ")))
        assert words & inbox_cues._ENQUIRY_HINT_WORDS, pattern


@pytest.mark.parametrize("text", [
    "¿Cuál es el horario de visitas en la planta de maternidad?",
    "¿Hay estacionamiento para discapacitados cerca de la entrada?",
    "Me he mudado, por favor actualicen mi dirección.",
    "Alguien sabe si aceptan seguro privado para pediatria o solo atienden particular?",
])
def test_a_spanish_question_or_request_is_an_enquiry_too(text):
    c = model.classify(text)
    assert c.language == "es" and c.sentiment != "negative" and "enquiry" in c.topics


@pytest.mark.parametrize("text", [
    "¿Por qué nadie me devuelve las llamadas?",
    "¿Hay alguien que lea estos mensajes? Llevo tres semanas esperando.",
    "Alguien sabe por qué nunca contestan el teléfono?",
])
def test_a_spanish_question_that_complains_stays_a_complaint(text):
    c = model.classify(text)
    assert c.sentiment == "negative" and "enquiry" not in c.topics


@pytest.mark.parametrize("text", ["I need to cancel my appointment on Thursday.", "Necesito cancelar mi cita del jueves."])
def test_a_complaint_word_inside_a_request_does_not_make_it_a_complaint(text):
    c = model.classify(text)
    assert c.sentiment == "neutral" and "enquiry" in c.topics


def test_a_request_with_a_complaint_beside_it_stays_a_complaint():
    c = model.classify("I need to cancel my appointment, you have cancelled it three times already.")
    assert c.sentiment == "negative" and "enquiry" not in c.topics


def test_a_question_with_thanks_is_not_a_complaint_and_is_still_an_enquiry():
    c = model.classify("What time should we arrive on Monday? And is the meeting in the main building?\n\nThanks\nDev")
    assert c.sentiment != "negative" and "enquiry" in c.topics


def test_an_email_that_asks_something_between_a_greeting_and_a_sign_off_is_an_enquiry():
    text = ("Hello,\n\nCould you tell me the visiting times for the children's ward (Ward 22)? My son is being "
            "admitted on Thursday and his little sister would like to visit - are siblings allowed, and is there an "
            "age limit?\n\nThanks in advance,\nBecky Thornton\n07700 900609")
    assert len(text.split()) > analysis.LONG_DOC_WORDS  # scored sentence by sentence
    c = model.classify(text)
    assert c.sentiment != "negative" and "enquiry" in c.topics


def test_a_long_story_that_asks_a_rhetorical_question_is_not_an_enquiry():
    story = ("I was on the ward for three weeks after my operation and the nurses were wonderful to me. " * 8
             + "If I hadn't asked, how do I know what would have happened? Thank you all.")
    assert len(story.split()) > analysis.LONG_ENQUIRY_MAX_WORDS
    assert "enquiry" not in model.classify(story).topics


def test_a_question_above_a_quoted_apology_is_an_enquiry_not_the_old_complaint():
    # A reply that asks a question above the hospital's quoted apology is an enquiry,
    # not the complaint the thread was about.
    text = ("Could you send the formal response letter to my new address please?\n\n"
            "On Tue, 3 Nov 2026 at 09:14, PALS <pals@example.nhs.uk> wrote:\n"
            "> We are very sorry that your mother fell on the ward and that staff were rude to you.")
    c = model.classify(text)
    assert c.sentiment != "negative" and "enquiry" in c.topics and c.risk_flags == ()


def test_a_polite_request_that_opens_with_please_is_an_enquiry():
    c = model.classify("Please could you update my address. Thanks!")
    assert c.sentiment != "negative" and "enquiry" in c.topics


def test_avoid_with_the_place_named_in_between_is_a_verdict():
    assert model.classify("Avoid @CityHospital ER at all costs. #worstexperience").sentiment == "negative"


def test_a_question_is_not_made_critical_by_the_second_tiers_loose_words():
    c = model.classify("Question for anyone who's had an MRI at Northgate - how long did the results take?")
    assert c.risk_flags == () and c.severity != "critical" and "enquiry" in c.topics


@pytest.mark.parametrize("text", [
    "Thanks, noted. I'll wait to hear from the ward manager about a date for the meeting.\n\nGraham",
    "Noted, thanks. I'll wait to hear from the Information Governance team then.",
    "Recibido, muchas gracias. Quedo a la espera de la llamada del jefe de servicio.",
])
def test_a_reply_that_takes_note_is_not_a_complaint(text):
    assert model.classify(text).sentiment != "negative"


@pytest.mark.parametrize("text", [
    "Noted. I'll wait to hear but frankly this is unacceptable.",
    "I'll wait to hear from you. I waited six hours in A&E and nobody saw me.",
    "Recibido. Quedo a la espera de su respuesta, porque lo que pasó es inaceptable.",
])
def test_an_acknowledgement_beside_a_complaint_stays_a_complaint(text):
    assert model.classify(text).sentiment == "negative"


@pytest.mark.parametrize("text", [
    "The trust announces a new £9m eye hospital, due to open in 2027.",
    "Our new minor injuries unit opens Monday at 8am, find out when to use it.",
    "El hospital abrirá una nueva unidad de partos en octubre, según ha anunciado la consejería.",
])
def test_news_passed_on_is_neutral_with_no_flag_and_no_ticket(text):
    c = model.classify(text)
    assert c.sentiment == "neutral"
    assert c.risk_flags == ()
    assert "enquiry" not in c.topics


@pytest.mark.parametrize("text", [
    "Disgraceful. The trust announces plans to close the maternity unit and nobody asked us.",
    "The new clinic opens Monday but I still have no appointment after six months.",
    "RT @someone: my urgent referral letter took eleven weeks to arrive. Eleven weeks.",
])
def test_news_with_a_complaint_or_a_shared_complaint_stays_a_complaint(text):
    assert model.classify(text).sentiment == "negative"


# A hardship told before praise of the care that met it is praise; with a complaint
# outside the hardship it stays a complaint. (The first two were complaints before the
# hardship cue.)
HARDSHIPS = {
    "Mum fell in her garden and broke her wrist. Ambulance came in 25 minutes and fracture clinic were great, "
    "cast on the same day.": "positive",
    "The staff on the mental health ward helped me get through the worst time of my life and I am still here to "
    "say thank you.": "positive",
    "I was terrified and nobody explained anything to me.": "negative",
    "Broke my wrist and waited nine hours to be seen, the staff were lovely though.": "negative",
    "The pain was unbearable and I was left for hours without any pain relief.": "negative",
}


@pytest.mark.parametrize("text", list(HARDSHIPS))
def test_a_hardship_before_praise_is_praise_unless_a_complaint_stands_outside_it(text):
    assert model.classify(text).sentiment == HARDSHIPS[text]


def test_a_hardship_cue_without_praise_does_not_cap_a_complaint():
    text = "Came in with chest pains and sat in a corridor all night."
    counts = {**lexicon.scan(text), **inbox_cues.fact_cues(lexicon.prepare(text))}
    assert counts.get(inbox_cues.HARDSHIP_CUE) and not inbox_cues.hardship_unopposed(text, counts)
