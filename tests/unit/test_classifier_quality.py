"""Quality floors of the shipped classifier on fixtures written for the project.

These guard against regressions; the full measurement is bench/classifier_bench.py.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from careloop.classifier import lexicon, model
from careloop.classifier.lexicon import RISK_FLAG_ORDER

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "classifier"


def _load(name: str) -> list[dict]:
    with open(FIXTURES / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_the_risk_flag_set_has_at_least_200_labelled_examples_covering_every_flag():
    rows = _load("risk_flags.jsonl")
    assert len(rows) >= 200
    for flag in RISK_FLAG_ORDER:
        assert sum(flag in r["flags"] for r in rows) >= 25
    assert sum(not r["flags"] for r in rows) >= 50


def _flag_scores(name: str) -> tuple[float, float, int]:
    """(precision, recall, comments with no gold flag that got one) of the shipped
    classifier on a risk set."""
    rows = _load(name)
    preds = model.classify_batch([{"text": r["text"]} for r in rows])
    tp = sum(len(set(r["flags"]) & set(c.risk_flags)) for r, c in zip(rows, preds))
    precision = tp / max(1, sum(len(c.risk_flags) for c in preds))
    recall = tp / sum(len(r["flags"]) for r in rows)
    return precision, recall, sum(bool(c.risk_flags) for r, c in zip(rows, preds) if not r["flags"])


def test_risk_flags_reach_95_percent_recall_on_the_labelled_set():
    precision, recall, _ = _flag_scores("risk_flags.jsonl")
    assert recall >= 0.95
    assert precision >= 0.90


def test_every_flagged_comment_is_critical():
    rows = _load("risk_flags.jsonl")
    for c in model.classify_batch([{"text": r["text"]} for r in rows]):
        if c.risk_flags:
            assert c.severity == "critical"


def test_spanish_complaints_are_found():
    rows = _load("spanish.jsonl")
    preds = model.classify_batch([{"text": r["text"]} for r in rows])
    neg = [(r, c) for r, c in zip(rows, preds) if r["sentiment"] == "negative"]
    assert all(c.language == "es" and not c.needs_review for _, c in zip(rows, preds))
    assert sum(c.sentiment == "negative" for _, c in neg) / len(neg) >= 0.85


@pytest.mark.parametrize("name", ["spanish_blind.jsonl", "spanish_blind2.jsonl", "spanish_blind3.jsonl",
                                  "spanish_us_blind.jsonl", "spanish_blind4.jsonl", "spanish_inbox_blind.jsonl"])
def test_the_later_spanish_sets_stay_at_their_measured_level(name):
    # Each set was measured blind first (EVALUATION.md: 0.719, 0.900, 0.725, 0.867, 0.800 and 0.756 accuracy), then
    # tuned on; these floors only guard the tuned level.
    rows = _load(name)
    preds = model.classify_batch([{"text": r["text"]} for r in rows])
    assert all(c.language == "es" for c in preds)
    assert sum(c.sentiment == r["sentiment"] for r, c in zip(rows, preds)) / len(rows) >= 0.85
    neg = [c for r, c in zip(rows, preds) if r["sentiment"] == "negative"]
    assert sum(c.sentiment == "negative" for c in neg) / len(neg) >= 0.95
    gold = sum(len(r.get("flags", [])) for r in rows)
    found = sum(len(set(r.get("flags", [])) & set(c.risk_flags)) for r, c in zip(rows, preds))
    assert found == gold


@pytest.mark.parametrize("name, most_praise_as_complaints", [
    ("spanish_facts_blind.jsonl", 12),    # never tuned on: 15 of 30 at first, 14 before session 15's cues
    ("spanish_facts_blind2.jsonl", 8),    # tuned on in session 15: 23 of 35 at first sight
    ("spanish_sentiment_blind.jsonl", 9),  # session 17: 14 of 38 at first sight, then speed-and-service cues
    ("spanish_facts_blind3.jsonl", 27),   # never tuned on: 28 of 40 at first sight
])
def test_spanish_praise_told_as_facts_stays_at_its_level_and_complaints_are_still_found(
        name, most_praise_as_complaints):
    rows = _load(name)
    preds = model.classify_batch([{"text": r["text"]} for r in rows])
    praise = [c for r, c in zip(rows, preds) if r["sentiment"] == "positive"]
    complaints = [c for r, c in zip(rows, preds) if r["sentiment"] == "negative"]
    assert sum(c.sentiment == "negative" for c in praise) <= most_praise_as_complaints
    assert sum(c.sentiment == "negative" for c in complaints) / len(complaints) >= 0.90


# Written risk sets tuned on after their first measurement (EVALUATION.md has the first-sight
# figures): the floors only guard the tuned level.
@pytest.mark.parametrize("name, min_recall, min_precision, max_wrongly_flagged", [
    ("risk_flags_blind5.jsonl", 0.90, 0.90, 2),    # first sight P 0.791 / R 0.791, 6 of 13 flagged
    ("risk_flags_blind6.jsonl", 0.90, 0.80, 4),    # first sight P 0.732 / R 0.872, 8 of 18
    ("risk_flags_blind7.jsonl", 0.95, 0.85, 1),    # first sight P 0.795 / R 0.795, 4 of 16
    ("risk_flags_blind8.jsonl", 0.95, 0.85, 2),    # first sight P 0.727 / R 0.667, 7 of 15
    # first sight P 0.818 / R 0.409; R 1.000 until the learned tier's bar for Spanish rose to
    # 0.95, 0.909 since: a threat to jump and an overdose, both left unwatched, keep their
    # self-harm flag but not the second one (patient safety) the tier gave them.
    ("spanish_risk_blind.jsonl", 0.90, 0.90, 0),
    # first sight P 0.737 / R 0.609, 3 of 8; P 0.917 until set 26 joined the learned tier's
    # training, 0.880 since: it adds patient safety to an overdose nobody followed up, which
    # the set labels self-harm only.
    ("spanish_risk_blind2.jsonl", 0.95, 0.85, 0),
    ("spanish_risk_blind3.jsonl", 0.90, 0.95, 0),  # first sight P 0.867 / R 0.448, 2 of 10
    ("spanish_risk_blind4.jsonl", 0.95, 0.90, 0),  # multi-sentence; first sight P 0.571 / R 0.286, 2 of 6
    ("spanish_risk_blind5.jsonl", 0.95, 0.95, 0),  # Latin American web forms; first sight P 0.900 / R 0.818, 1 of 8
    ("spanish_risk_blind6.jsonl", 0.95, 0.95, 0),  # everyday wording, session 15; first sight P 0.857 / R 0.500, 2 of 12
    ("spanish_risk_blind7.jsonl", 0.95, 0.95, 0),  # the same brief; first sight P 0.846 / R 0.579, 4 of 12
    ("spanish_risk_blind8.jsonl", 0.95, 0.95, 0),  # session 17; first sight P 0.682 / R 0.385, 5 of 14
    ("spanish_risk_blind9.jsonl", 0.95, 0.90, 0),  # the same brief; first sight P 0.667 / R 0.368, 4 of 14
    ("spanish_risk_blind10.jsonl", 0.95, 0.90, 0),  # a third writer; first sight P 0.760 / R 0.463, 4 of 14
    ("spanish_risk_blind11.jsonl", 0.95, 0.90, 0),  # a fourth writer; first sight P 0.769 / R 0.488, 4 of 14
    ("risk_flags_blind12.jsonl", 0.84, 0.85, 0),   # first sight P 0.773 / R 0.654, 1 of 10 (self-harm 15 of 20)
    ("risk_flags_blind13.jsonl", 0.97, 0.85, 1),   # first sight P 0.769 / R 0.857, 6 of 12
    ("risk_flags_blind14.jsonl", 0.92, 0.85, 1),   # multi-sentence reviews; first sight P 0.731 / R 0.731, 3 of 8
    ("risk_flags_blind15.jsonl", 0.96, 0.90, 1),   # US wording; first sight P 0.724 / R 0.677, 5 of 12
    ("risk_flags_blind16.jsonl", 0.95, 0.95, 0),   # after the category families; first sight P 0.842 / R 0.696, 2 of 8
    ("risk_flags_blind17.jsonl", 0.97, 0.90, 0),   # letters and emails; first sight P 0.737 / R 0.800, 4 of 10
    ("risk_flags_blind18.jsonl", 0.97, 0.95, 0),   # short survey comments; first sight P 0.879 / R 0.784, 2 of 10
    ("risk_flags_blind19.jsonl", 0.95, 0.90, 1),   # online reviews; first sight P 0.857 / R 0.727, 1 of 10
    ("risk_flags_blind21.jsonl", 0.97, 0.85, 1),   # call notes; first sight P 0.811 / R 0.968, 3 of 10
    # self-harm; first sight P 0.800 / R 0.727, 2 of 10; P 0.913 until the learned abuse head
    # learned from sets 31, 32 and 36, 0.840 since: it adds abuse to two self-harm items
    # (a nurse who laughed off "better off dead", punching walls), already critical.
    ("risk_flags_blind22.jsonl", 0.95, 0.84, 0),
    ("risk_flags_blind23.jsonl", 0.95, 0.90, 0),   # inbox messages; first sight P 0.833 / R 0.814, 4 of 10
    ("risk_flags_blind32.jsonl", 0.94, 0.78, 3),   # abuse told plainly; first sight P 0.625 / R 0.490, 4 of 25
    ("risk_flags_blind36.jsonl", 0.82, 0.76, 4),   # the same brief; first sight P 0.569 / R 0.500, 10 of 24
    ("risk_flags_blind38.jsonl", 0.92, 0.83, 1),   # session 17, told plainly; first sight P 0.755 / R 0.740, 5 of 16
    ("risk_flags_blind39.jsonl", 0.95, 0.78, 1),   # the same brief, more privacy; first sight P 0.760 / R 0.826, 2 of 16
    ("risk_flags_blind40.jsonl", 0.92, 0.85, 1),   # privacy told plainly; first sight P 0.675 / R 0.587, 7 of 16
])
def test_each_tuned_risk_set_stays_at_its_tuned_level(name, min_recall, min_precision, max_wrongly_flagged):
    precision, recall, wrongly_flagged = _flag_scores(name)
    assert recall >= min_recall and precision >= min_precision
    assert wrongly_flagged <= max_wrongly_flagged


def test_spanish_messages_that_only_talk_of_falls_death_records_and_lawyers_raise_no_flag():
    rows = _load("spanish_no_risk_blind.jsonl")
    preds = model.classify_batch([{"text": r["text"]} for r in rows])
    assert [r["id"] for r, c in zip(rows, preds) if c.risk_flags] == []


# Wordings of the risk families added after each set (risk_families._RISK_PATTERNS_SIXTH to
# _ELEVENTH and _ES2), none of them in a fixture.
@pytest.mark.parametrize("text, flag, language", [
    # sixth, and the patterns it narrowed
    ("We rang the police about the way my brother was treated on the ward.", "legal_threat", None),
    ("Our legal team will be in touch.", "legal_threat", None),
    ("Mum has dementia and walked straight out of the ward at night.", "patient_safety", None),
    ("His feeding tube was in the wrong place and they used it anyway.", "patient_safety", None),
    ("I keep thinking about driving into a tree on the way home.", "self_harm", None),
    ("The physio pushed me hard against the wall.", "discrimination_abuse", None),
    # seventh
    ("The GP surgery sent me another man's scan report.", "privacy_breach", None),
    ("The receptionist is my neighbour and now the whole estate knows.", "privacy_breach", None),
    ("The nurse talked about my miscarriage with the woman in the next bed.", "privacy_breach", None),
    ("My son was called a druggie by the paramedic.", "discrimination_abuse", None),
    ("He says he won't be around for his birthday and the team shrugged it off.", "self_harm", None),
    ("I'm frightened she might do something drastic.", "self_harm", None),
    # eighth: warning signs and incident categories
    ("My brother says there is no point in carrying on and the team discharged him.", "self_harm", None),
    ("She has worked out how she would do it and the GP said to wait for the referral.", "self_harm", None),
    ("Dad has started giving his belongings away.", "self_harm", None),
    ("Some nights I just want to go to sleep and never wake up.", "self_harm", None),
    ("The suction machine on the ward was broken for a week.", "patient_safety", None),
    ("By the time they scanned her the cancer had spread.", "patient_safety", None),
    ("My scan report sat unread for three weeks.", "patient_safety", None),
    ("He was left with no food or water for hours.", "patient_safety", None),
    ("The nurse discussed my pregnancy loudly in front of the whole bay.", "privacy_breach", None),
    ("A care assistant threw her clothes on the floor and walked off.", "discrimination_abuse", None),
    # eleventh
    ("Mum found my brother hanging in the garage.", "self_harm", None),
    ("She says it would be peaceful to just disappear.", "self_harm", None),
    ("I can't trust myself to be safe at home tonight.", "self_harm", None),
    ("He stopped taking his insulin deliberately after the diagnosis.", "self_harm", None),
    ("The surgeon smelled of alcohol.", "patient_safety", None),
    ("The ventilator alarm was never switched on.", "patient_safety", None),
    ("The nurse said old people always complain.", "discrimination_abuse", None),
    ("They mocked my son's stammer.", "discrimination_abuse", None),
    ("Dad was tied to his bed overnight.", "discrimination_abuse", None),
    # twelfth: signs of self-harm by kind
    ("The nurse saw the scars on her wrists and said nothing.", "self_harm", None),
    ("He was found standing on the bridge railings the night he was sent home.", "self_harm", None),
    ("She left a message saying goodbye to all of us and the crisis team never called back.", "self_harm", None),
    ("They removed his belt on admission, then left him alone with a phone charger cable.", "self_harm", None),
    ("My sister has tried several times and is still on a waiting list.", "self_harm", None),
    # thirteenth: a serious condition put down to something minor, a stockpile, farewells;
    # and second-tier cues for who someone is and for unsupervised care
    ("His sepsis was put down to a chest infection and he was sent home.", "patient_safety", None),
    ("Her ectopic pregnancy was dismissed as period pain.", "patient_safety", None),
    ("My son has been stockpiling his antidepressants in a shoebox.", "self_harm", None),
    ("He'd said his goodbyes before the crisis team even rang back.", "self_harm", None),
    ("The doctor refused to see her after learning she was a Gypsy.", "discrimination_abuse", None),
    ("The receptionist sniggered at my lesbian partner and would not let her sit with me.",
     "discrimination_abuse", None),
    ("Our autistic son was left unsupervised on an adult ward and wandered out.", "patient_safety", None),
    # fourteenth: a flag in one sentence of a longer review
    ("The nurses were kind. Unfortunately his insulin was given twice that evening and he collapsed.",
     "patient_safety", None),
    ("Lovely clinic overall. My daughter has been looking up ways to end it and the referral is still waiting.",
     "self_harm", None),
    ("Good physio. My results, with my whole history, were emailed to my previous employer by mistake.",
     "privacy_breach", None),
    ("The consultant discussed my cancer diagnosis loudly at the nurses' station. The rest was fine.",
     "privacy_breach", None),
    ("Reception read out my name and why I was there to a full room. Otherwise a smooth visit.",
     "privacy_breach", None),
    # fifteenth: US hospital wording
    ("The vancomycin drip ran way too fast and she broke out in a rash all over.", "patient_safety", None),
    ("They started him on a new blood pressure pill without checking his other medications.", "patient_safety", None),
    ("Sharing my records with my employer is a violation of HIPAA.", "privacy_breach", None),
    ("We are talking to a malpractice attorney.", "legal_threat", None),
    ("A receptionist pulled up my chart because she knows my mother-in-law.", "privacy_breach", None),
    ("The nurse was cold to me because I wear a turban.", "discrimination_abuse", None),
    ("My sister swallowed a whole bottle of her sleeping pills last night.", "self_harm", None),
    ("He told the doctor he doesn't care if he wakes up tomorrow.", "self_harm", None),
    # sixteenth
    ("They said the pain was nothing serious, and it turned out to be a burst appendix.", "patient_safety", None),
    ("You will be reading all of this in the local paper.", "legal_threat", None),
    ("The porter told the whole estate that my brother had been sectioned.", "privacy_breach", None),
    ("She was left until last because she has a learning disability.", "discrimination_abuse", None),
    # never-event categories, written before their patterns
    ("The nurse gave him concentrated potassium instead of the diluted bag.", "patient_safety", None),
    ("The chemotherapy was injected into her spine when it should have gone into a vein.", "patient_safety", None),
    ("Dad was given his methotrexate every day instead of once a week.", "patient_safety", None),
    ("His feeding tube was in his lung and they started the feed anyway.", "patient_safety", None),
    ("Mum was scalded in a bath that was far too hot.", "patient_safety", None),
    ("They mixed me up with another patient and I had someone else's procedure.", "patient_safety", None),
    # safeguarding types of abuse and warning signs, written before their patterns
    ("A carer was taking money from my mum's purse every visit.", "discrimination_abuse", None),
    ("Staff stole his watch and wedding ring while he was unconscious.", "discrimination_abuse", None),
    ("They threatened to tie him down if he didn't stop pressing the buzzer.", "discrimination_abuse", None),
    ("She was left sitting in her own urine for hours as a punishment.", "discrimination_abuse", None),
    ("The midwife said women my age shouldn't be having babies anyway.", "discrimination_abuse", None),
    ("I've written my will and given my cat to my sister.", "self_harm", None),
    ("He has been researching how many paracetamol it takes.", "self_harm", None),
    # the same categories in Spanish, written before their patterns
    ("Le dejaron una gasa dentro después de la cesárea.", "patient_safety", "es"),
    ("Le pusieron potasio sin diluir y le dio un paro.", "patient_safety", "es"),
    ("Me confundieron con otra paciente y me hicieron una prueba que no era para mí.", "patient_safety", "es"),
    ("El enfermero me tocó de forma inapropiada mientras estaba sedada.", "discrimination_abuse", "es"),
    ("Una cuidadora le robaba dinero del monedero a mi madre.", "discrimination_abuse", "es"),
    ("El médico habló de mi diagnóstico con la puerta abierta y todo el mundo escuchando.", "privacy_breach", "es"),
    ("Estuvo buscando en internet cuántas pastillas hacen falta.", "self_harm", "es"),
    ("Me he vuelto a cortar desde que me cancelaron la cita.", "self_harm", "es"),
    ("Siento que soy una carga para todos.", "self_harm", "es"),
    # Spanish reviews of several sentences (fourth Spanish family and second tier)
    ("Buen trato en general. Pero a mi padre lo dejaron sin la insulina toda la noche.", "patient_safety", "es"),
    ("Mi madre, que tiene alzhéimer, se escapó de la residencia y nadie se dio cuenta.", "patient_safety", "es"),
    ("Si no me contestan, acudiremos a la televisión.", "legal_threat", "es"),
    ("La celadora le tiró del pelo a mi tía para sentarla.", "discrimination_abuse", "es"),
    ("Mi hermano dice que ha pensado en tomarse todas sus pastillas.", "self_harm", "es"),
    # types of privacy breach, written before their patterns
    ("They lost my medical records and now nobody knows where they are.", "privacy_breach", None),
    ("A doctor discussed my case on a public forum and I recognised myself.", "privacy_breach", None),
    ("The pharmacist shouted across the shop about my erectile dysfunction tablets.", "privacy_breach", None),
    ("A box of patient files was left in the car park.", "privacy_breach", None),
    ("They gave my daughter's details to her abusive father.", "privacy_breach", None),
    # retained objects, a never event
    ("Forceps were left in his abdomen after the operation.", "patient_safety", None),
    ("They left a piece of gauze in her wound.", "patient_safety", None),
    # second Spanish family
    ("Mi madre intentó suicidarse y nadie la llamó.", "self_harm", "es"),
    ("Dice que estaríamos todos mejor sin él.", "self_harm", "es"),
    ("Le pusieron la medicación de otro paciente.", "patient_safety", "es"),
    ("Pasó toda la noche en el suelo del baño.", "patient_safety", "es"),
    ("El enfermero le dio un bofetón a mi padre.", "discrimination_abuse", "es"),
    # third Spanish family, by category
    ("Mi madre dice que ya no quiere vivir y no le dan cita.", "self_harm", "es"),
    ("Mi hijo tiene escondidos los calmantes de la abuela.", "self_harm", "es"),
    ("Se tragó una caja de ibuprofeno y la mandaron a casa.", "self_harm", "es"),
    ("Amenazó con aventarse desde la azotea del hospital.", "self_harm", "es"),
    ("Pasó la noche con dolor de pecho y ninguna enfermera lo revisó.", "patient_safety", "es"),
    ("Nos dijeron que era ansiedad y resultó que era un infarto.", "patient_safety", "es"),
    ("Mi hija se cayó de la camilla en urgencias.", "patient_safety", "es"),
    ("Pienso demandarlos por negligencia.", "legal_threat", "es"),
    ("Voy a contarlo todo en las noticias.", "legal_threat", "es"),
    ("Dijeron mi diagnóstico por megafonía delante de todos.", "privacy_breach", "es"),
    ("Publicaron en Instagram un vídeo de mi madre en la cama.", "privacy_breach", "es"),
    ("La doctora dijo que los latinos siempre venimos por nada.", "discrimination_abuse", "es"),
    ("Se negaron a atenderla cuando vieron que era gitana.", "discrimination_abuse", "es"),
    # seventeenth: letters and emails
    ("The drip site on his hand went hot and swollen and nobody looked at it.", "patient_safety", None),
    ("Her catheter was left in for three weeks without anyone reviewing it.", "patient_safety", None),
    ("He collapsed at home two days after being discharged.", "patient_safety", None),
    ("My discharge letter was addressed to a different patient.", "privacy_breach", None),
    ("The clinic's name was printed on the outside of the envelope.", "privacy_breach", None),
    ("Once the staff found out we were gay the whole atmosphere changed.", "discrimination_abuse", None),
    ("The nurses talked over her head as though she was furniture.", "discrimination_abuse", None),
    ("The registrar asked whether Dad was 'worth' resuscitating.", "discrimination_abuse", None),
    # eighteenth: short survey comments
    ("His fracture was never x-rayed and it healed crooked.", "patient_safety", None),
    ("The nurse refused to call the doctor even though I was bleeding heavily.", "patient_safety", None),
    ("They discharged him the same night he said he was suicidal.", "patient_safety", None),
    ("Staff made jokes about her being too old to bother with.", "discrimination_abuse", None),
    ("A support worker tied him to the wheelchair with a belt.", "discrimination_abuse", None),
    ("She said if I really wanted to die I would have done it properly.", "discrimination_abuse", None),
    # nineteenth: online reviews
    ("The epidural left her with permanent nerve damage.", "patient_safety", None),
    ("I told them I had swallowed thirty paracetamol and they made me wait in the queue.", "patient_safety", None),
    ("A porter filmed my nan on the trolley and put it on Snapchat.", "privacy_breach", None),
    ("The receptionist told my violent ex where I was living.", "privacy_breach", None),
    ("The dentist refused to go near him after reading his hepatitis C status.", "discrimination_abuse", None),
    ("They kept her call bell out of reach so that she couldn't keep ringing.", "discrimination_abuse", None),
    ("The carer twisted my dad's arm really hard to get him into bed.", "discrimination_abuse", None),
    ("She has started giving away all her belongings to friends.", "self_harm", None),
    ("He says the voices keep telling him to hurt himself.", "self_harm", None),
    # the Spanish second tier, which could not match before its escapes were mended
    ("Atención pésima, mi hermano dice que ya no puede más y sin salida.", "self_harm", "es"),
    ("La farmacia se equivocó con la receta y me dieron la dosis de un adulto para mi bebé.", "patient_safety", "es"),
    # twenty-second: self-harm wording
    ("She stashed her pills behind the radiator for weeks.", "self_harm", None),
    ("I wrapped the cord around my neck in the bathroom.", "self_harm", None),
    ("I keep hurting myself because I deserve to suffer.", "self_harm", None),
    ("Some nights I go to bed hoping I won't wake up.", "self_harm", None),
    ("The voices tell him to step in front of a bus.", "self_harm", None),
    # the fifth Spanish families: Latin American web forms
    ("Por poco se muere mi mamá, le dieron el alta con una hemorragia.", "patient_safety", "es"),
    ("El pediatra aseguró que eran nervios, pero tenía una meningitis.", "patient_safety", "es"),
    ("La trabajadora social le dijo a mis vecinos que estoy embarazada.", "privacy_breach", "es"),
    ("Nos ignoraron toda la tarde por ser gitanos.", "discrimination_abuse", "es"),
    ("El médico me dijo que estoy enferma por obesa y que no me quejara.", "discrimination_abuse", "es"),
    # emails: post that went to the wrong address and was opened there
    ("The last ones you sent went to the wrong address and my neighbour opened them.", "privacy_breach", None),
    ("The letter was addressed to my old flat and the new tenants opened it.", "privacy_breach", None),
    ("My neighbour opened my clinic letter before I got home.", "privacy_breach", None),
    # social media: a near death told in passing, an organ close to rupturing
    ("Staffing issues don't excuse nearly losing my son.", "patient_safety", None),
    ("Her appendix was close to bursting by the time they operated.", "patient_safety", None),
])
def test_each_later_risk_family_raises_its_flag_on_new_wording(text, flag, language):
    assert flag in model.classify(text, language=language).risk_flags


@pytest.mark.parametrize("text", [
    "Tuvimos que esperar cuatro horas por la alta demanda de pacientes, qué desastre.",
    "Vine por una demanda de empleo y la revisión fue un caos.",
    "Me dejaron hasta el final de la lista y nadie me explicó por qué.",
])
def test_spanish_demand_and_being_left_till_last_are_not_legal_threats(text):
    assert "legal_threat" not in model.classify(text, language="es").risk_flags


@pytest.mark.parametrize("text", [
    "Por ser extranjero me trataron con mucha paciencia y me explicaron todo dos veces.",
    "Por ser mayor me dieron prioridad en urgencias.",
])
def test_who_someone_is_followed_by_good_care_is_not_discrimination(text):
    assert model.classify(text, language="es").risk_flags == ()


@pytest.mark.parametrize("text", [
    "There was a suicide awareness poster by the lifts.",
    "The nurse checked whether I had thoughts of harming myself, which felt caring.",
])
def test_prevention_material_and_a_screening_question_are_not_self_harm(text):
    assert "self_harm" not in model.classify(text).risk_flags


@pytest.mark.parametrize("text", [
    "Nobody told me anything.", "My son was taken to theatre and nobody told us.",
    "My baby was taken to NICU and nobody told me why.",
])
def test_a_complaint_with_no_word_of_self_harm_does_not_get_the_flag_from_the_learned_tier(text):
    assert "self_harm" not in model.classify(text).risk_flags


def test_the_learned_tier_still_flags_self_harm_said_without_a_pattern():
    assert "self_harm" in model.classify("Mum keeps saying everyone would be better off if she wasn't around.").risk_flags


def test_a_screening_question_answered_yes_is_still_self_harm():
    text = "The GP asked whether I had thoughts of harming myself and I said yes, but nothing happened."
    assert "self_harm" in model.classify(text).risk_flags


@pytest.mark.parametrize("text, flag", [
    ("The booking team gave me the wrong postcode for the clinic.", "patient_safety"),
    ("The safeguarding nurse was incredibly helpful when we raised our worries.", "patient_safety"),
    ("She disclosed to the nurse that she had stopped eating.", "privacy_breach"),
])
def test_paperwork_errors_praise_and_a_patient_disclosing_are_not_flags(text, flag):
    assert flag not in model.classify(text).risk_flags


def test_a_wrong_dose_and_staff_disclosing_a_diagnosis_are_still_flags():
    assert "patient_safety" in model.classify("They gave him the wrong dose of morphine.").risk_flags
    assert "privacy_breach" in model.classify("The receptionist disclosed my diagnosis to my sister.").risk_flags
    assert "privacy_breach" in model.classify("I was handed the discharge letter for another patient.").risk_flags


def test_no_lexicon_pattern_asks_for_a_literal_backslash():
    # r"\\b" in a raw string is a backslash followed by "b": such a pattern never matches
    # feedback (five Spanish second-tier patterns were written so, and never fired).
    from careloop.classifier import lexicon as lx

    patterns = [pattern for _, pattern in lx._MATCHER.patterns()]  # veto alternatives included
    assert [p for p in patterns if "\\\\" in p] == []


def _pattern_flags(text: str) -> tuple[str, ...]:
    """Risk flags from the patterns alone (the learned tier set aside)."""
    model.use_risk_model(None)
    try:
        return model.classify(text).risk_flags
    finally:
        model.reload()


def test_an_overdose_followed_by_a_quick_discharge_is_still_a_safety_flag_for_the_patterns_alone():
    # The veto for an overdose someone took ("brought in after an overdose") stops short of a
    # discharge or a wait in the same sentence, which the labelled set files as patient safety.
    flags = _pattern_flags("He took an overdose and they sent him home within the hour.")
    praise = _pattern_flags("I was brought in after an overdose and the team were wonderful.")
    refused = _pattern_flags("They refused treatment for my overdose.")
    assert {"patient_safety", "self_harm"} <= set(flags)
    assert "patient_safety" not in praise
    assert {"patient_safety", "self_harm"} <= set(refused)  # care refused is not care given


@pytest.mark.parametrize("text, language", [
    # idioms, services and people handled well
    ("My daughter was killing herself laughing at the clown on the children's ward.", None),
    ("The overdose awareness talk was really informative.", None),
    ("The ward sister dealt with an aggressive visitor calmly and kept everyone safe.", None),
    ("A bigger balcony when the sun is out.", None),
    ("To stick to the times that were first written.", None),
    # police, lawyers, services and consent (after set 6)
    ("The police found my nan at the bus stop and brought her to A&E, the staff were lovely.", None),
    ("My solicitor husband came with me and was impressed with the consent forms.", None),
    ("The self harm support group gave me tools that actually work, thank you.", None),
    ("The physio pushed me hard but it was exactly what I needed to walk again.", None),
    ("They took a photo of my rash for my records and asked permission first.", None),
    # kept confidentiality, a fall at home, a leaflet (after set 7)
    ("Everything I said was kept completely confidential.", None),
    ("Mum had a fall at home and the ambulance crew were wonderful.", None),
    ("I picked up an ombudsman leaflet at reception out of interest.", None),
    # recovery, travel claims, goodbyes to staff, safety checks (after sets 8 and 11)
    ("I felt suicidal before I started therapy here, now I am doing really well.", None),
    ("Claim forms for parking refunds were at reception.", None),
    ("The hardest thing was saying goodbye to the nurses on my last day.", None),
    ("The crash trolley checks were done every morning, very reassuring.", None),
    ("The ward had been checked for ligature points, which was reassuring.", None),
    ("I found the hanging baskets by the entrance lovely.", None),
    # services, window blinds and persistence (after set 12)
    ("The suicide prevention team were kind and practical.", None),
    ("The roller blinds in the day room were filthy.", None),
    ("We have tried twice to get through on the phone and gave up.", None),
    ("I was sitting on the edge of the bed for an hour waiting for the porter.", None),
    # a lawyer's recommendation, broken amenities, a goodbye to a dying father (after set 13)
    ("Our family lawyer recommended the practice and it was a good call.", None),
    ("The lift was broken so we took the stairs, no problem.", None),
    ("We all said our goodbyes to Dad and the nurses gave us all the time we needed.", None),
    ("He said his goodbyes to his dad in a quiet side room the nurses found for us.", None),
    # thanks after a past attempt, a broken booking system (after set 14)
    ("I was brought in after a suicide attempt and I am so grateful to the ward, I am doing well now.", None),
    ("The phone system is broken, you can never get through before 9.", None),
    # caught errors, recovery after suicide watch, a lawyer's referral (after set 15)
    ("The pharmacist caught a medication error before it reached me.", None),
    ("Being on suicide watch that first week saved my life, and I'm grateful to every nurse.", None),
    ("Our attorney recommended Dr. Shah and we were glad we listened.", None),
    ("The nurse left a pack of sandwiches for us, which was lovely.", None),
    ("I asked for tablets instead of injections and they agreed straight away.", None),
    ("They took money from my account for the parking permit.", None),
    ("My daughter shared her story online to thank the ward.", None),
    ("They lost my appointment letter so I had to ring again.", None),
    ("The nurse double checked my wristband before every dose, which felt very safe.", None),
    ("My physio pushed me to my limits and I walked out on my own.", None),
    ("La enfermera me tocó el brazo para tranquilizarme y me sentí acompañada.", "es"),
    ("Al principio me sentía como una carga, pero el equipo me hizo sentir en casa.", "es"),
    ("Intenté quitarme la vida el año pasado y quiero dar las gracias a las enfermeras, hoy estoy bien.", "es"),
    ("The bath water was just the right temperature and the nurse stayed with me.", None),
    # Spanish praise for privacy and a lawyer who recommended the clinic
    ("Cuidaron mi intimidad en todo momento.", "es"),
    ("Mi abogado me recomendó esta clínica y estoy muy contento.", "es"),
    # after the third Spanish risk set: idioms of dying, privacy kept, a lawyer's advice
    ("Me moría de vergüenza pero la enfermera fue un encanto.", "es"),
    ("Mi hija se quiere morir de risa con los payasos del hospital.", "es"),
    ("Respetaron siempre y en todo momento mi intimidad.", "es"),
    ("El abogado de mi empresa nos recomendó esta clínica y acertó de lleno.", "es"),
    # after sets 17-19: confidentiality kept, media stories, insurance, recovery, careful checks
    ("The counsellor kept everything I told her confidential, which meant a lot.", None),
    ("I had seen a programme on hospital mistakes and was nervous, but everything went smoothly.", None),
    ("I needed a copy of the report for my travel insurance claim and it came within a week.", None),
    ("Since my overdose the team have supported me every week and I'm feeling so much better.", None),
    ("The nurse was always careful to double check my allergies before any injection.", None),
    ("Being locked in my room at night helped me feel safe on the ward.", None),
    # risks said not to have happened (an audit of the vetoes)
    ("I never felt discriminated against, everyone was treated the same.", None),
    ("There was no breach of my privacy at any point.", None),
    ("I have no intention of suing, I just want the phones fixed.", None),
    ("I never once felt unsafe on the ward.", None),
    ("No mistakes were made with my medication.", None),
    # after the email sets: a fit note, coaching
    ("I was discharged last Thursday but I wasn't given a fit note before I left.", None),
    ("The physio pushed me just the right amount and I'm back to walking the dog.", None),
    ("My neighbour opened the door for the ambulance crew.", None),
    ("One nurse turned up having not read my notes so she wasn't as helpful.", None),
    ("I was so happy I nearly burst into tears.", None),
    ("The hospital car park charges are going to double next month.", None),
])
def test_phrases_that_only_look_like_a_risk_raise_no_flag(text, language):
    assert model.classify(text, language=language).risk_flags == ()


@pytest.mark.parametrize("text", [
    "They didn't keep my information confidential.",
    "They never kept my details confidential.",
    "Staff failed to keep my diagnosis confidential.",
    "My information was not kept confidential.",
    "It was not very confidential at the desk.",
    "No respetaron mi intimidad en ningún momento.",
    "Nunca cuidaron mi privacidad.",
])
def test_confidentiality_that_was_not_kept_is_still_a_privacy_breach(text):
    # The vetoes for kept confidentiality and respected privacy stop at a negation.
    assert "privacy_breach" in model.classify(text).risk_flags


# Vetoes cancel praise that resembles a risk: a recovery ("felt suicidal ..., now I feel much
# better"), good practice ("checked for ligature points", "double checked my allergies"), a
# physio's push "which I needed", an aggressive visitor handled calmly. A negation, a
# complaint after "now", or a push with no therapy in it is not such praise.
@pytest.mark.parametrize("text, flag", [
    ("I felt suicidal and now nobody will see me for months.", "self_harm"),
    ("I was feeling suicidal today and the GP said to wait.", "self_harm"),
    ("They never checked for ligature points and she was found with a belt.", "self_harm"),
    ("Pensaba en quitarme la vida y ahora estoy peor que nunca.", "self_harm"),
    ("Intenté quitarme la vida y nadie me dio las gracias por nada, ahora estoy sola.", "self_harm"),
    ("I was admitted after an overdose and now I'm worse because there was no follow up.", "self_harm"),
    ("After my suicide attempt I'm still here but nobody has called.", "self_harm"),
    ("They never checked my allergies, not careful at all, and I reacted badly.", "patient_safety"),
    ("Nobody made sure to check my allergies.", "patient_safety"),
    ("Nobody double checked my wristband, the nurse said it was safe.", "patient_safety"),
    ("They never caught the infection early.", "patient_safety"),
    ("Nobody noticed the dangerous swelling in his leg.", "patient_safety"),
    ("Nobody dealt with the aggressive patient who kept hitting my mum.", "discrimination_abuse"),
    ("The carer pushed me hard and I fell against the bed.", "discrimination_abuse"),
    ("The porter pushed him hard, he nearly fell.", "discrimination_abuse"),
    ("Staff never calmed the violent man who attacked my dad.", "discrimination_abuse"),
    ("He was attacked by another patient.", "discrimination_abuse"),
    ("I had never felt so unsafe in a hospital.", "patient_safety"),
    ("I never felt unsafe until the night staff came on.", "patient_safety"),
])
def test_a_veto_for_praise_does_not_cancel_the_harm_it_only_resembles(text, flag):
    assert flag in _pattern_flags(text)


def test_checks_that_were_done_are_still_not_a_flag():
    assert model.classify("The nurse double checked my wristband before every dose, very reassuring.").risk_flags == ()


@pytest.mark.parametrize("text", [
    "Thanks for leaving my mum in her wet sheets all night.",
    "Well done on cancelling the same scan three times.",
    "Oh great, the car park machine is broken again.",
    "Cheers for not bothering to call back.",
    "Brilliant, yet another delay with no explanation.",
    "Nice of the ward to forget my dad's medication.",
    "Great. Just great. Another 6 hour wait. Thanks a lot.",
    "Brilliant! Another cancellation.",
])
def test_sarcastic_thanks_and_praise_for_a_harm_are_complaints(text):
    # Sentences written for the sarcasm patterns' categories, none of them in a fixture.
    assert model.classify(text).sentiment == "negative"


@pytest.mark.parametrize("text", [
    "Avoid.",
    "Rude receptionist, cold waiting room. Avoid, avoid, avoid!",
    "I honestly can't recommend this walk-in centre.",
    "We won't be recommending the birth centre to anyone.",
    "Steer clear of ward 4.",
    "Stay away from this practice unless you like waiting.",
    "I wouldn't take my cat to this surgery.",
])
def test_review_verdicts_are_complaints(text):
    # Written for the verdict cues' categories, none of them in a fixture.
    assert model.classify(text).sentiment == "negative"
    assert lexicon.scan(text).get("cue:strong")


@pytest.mark.parametrize("text", [
    "The hearing loop in reception has been out of order for months.",
    "Her cataract operation was cancelled on the day three times.",
    "The pharmacy ran out of his inhalers twice in one winter.",
    "The GP typed at her keyboard the whole time and never looked at me.",
])
def test_complaints_stated_as_facts_are_complaints(text):
    # Written for the factual-complaint cues' categories, none of them in a fixture.
    assert model.classify(text).sentiment == "negative"


@pytest.mark.parametrize("text", [
    "the receptionist was so lazy", "terible care on ward 5", "no1 listened to me", "the doctor doesnt care",
    "shitty attitude from the nurses", "absolutly discusting toilets", "apalling", "unproffesional staff",
])
def test_complaints_typed_with_slips_and_swearing_are_complaints(text):
    # Written for the typed-wording cues, none of them in a fixture ("lazy staff" read as praise at 0.99).
    assert model.classify(text).sentiment == "negative"


@pytest.mark.parametrize("text", [
    "My care coordinator keeps changing.", "They closed my case without telling me.",
    "The therapist kept looking at the clock.", "My medication was changed without discussion.",
    "I was passed from service to service.", "The GP said it was just stress without examining me.",
])
def test_mental_health_service_complaints_are_complaints(text):
    # Written for the mental-health cues' categories, none of them in a fixture.
    assert model.classify(text).sentiment == "negative"


@pytest.mark.parametrize("text", ["They wouldnt let my partner stay", "Ambulance took 6 hours", "I felt invisible",
                                  "They made me feel worthless", "I cried all the way home"])
def test_typed_and_terse_complaints_and_plain_distress_are_complaints(text):
    assert model.classify(text).sentiment == "negative"


def test_keeping_on_at_something_oneself_is_not_a_complaint_cue():
    assert not lexicon.scan("I keep forgetting to take my tablets").get("cue:strong")


@pytest.mark.parametrize("text", [
    "I can't recommend the midwives highly enough.",
    "Couldn't recommend them more.",
    "The dietitian gave me a list of foods to avoid.",
    "Avoid sugary drinks, she said, and it helped.",
])
def test_praise_and_advice_in_verdict_words_are_not_verdicts(text):
    assert not lexicon.scan(text).get("cue:strong")


@pytest.mark.parametrize("name, min_recall, max_praise_called_negative", [
    ("complaints_blind.jsonl", 0.95, 4),   # tuned on (first sight: 0.800 and 8 of 15)
    ("complaints_blind2.jsonl", 0.92, 7),  # never tuned on: the level it was measured at
    ("mixed_blind.jsonl", 0.83, 11),       # the last-clause rule was chosen on it (first sight: 0.600, 11 of 15)
    ("mixed_blind2.jsonl", 0.90, 5),       # never tuned on: the level it was measured at (0.750 without the rule)
    ("us_reviews_blind.jsonl", 0.91, 3),   # US wording; first sight 0.792 and 4 of 16, then four idiom cues
    ("us_reviews_blind2.jsonl", 0.92, 2),  # US wording, never tuned on: the level it was measured at
    ("complaints_blind3.jsonl", 0.96, 2),  # one-line reviews; first sight 0.840 and 2 of 15, then three idioms
    ("sarcasm_blind.jsonl", 1.00, 2),      # sarcasm; first sight 0.400 and 2 of 10, then the sarcasm patterns
    ("complaints_blind4.jsonl", 0.83, 6),  # never tuned on: the level it was measured at
    ("verdicts_blind.jsonl", 0.96, 5),     # review verdicts; first sight 0.800 and 6 of 15, then seven cues
    ("complaints_blind5.jsonl", 1.00, 10),  # facts, no opinion words; first sight 0.800 and 12 of 15, then eight cues
    ("mental_health_blind.jsonl", 0.92, 3),  # mental-health services; first sight 0.800 and 4 of 15, then six cues
    ("long_letters_blind.jsonl", 1.00, 2),   # letters of 4-9 sentences; first sight 0.967 and 2 of 20, then one veto
    ("words_blind.jsonl", 1.00, 0),   # praise words in complaints; first sight 0.867 and 3 of 30, then tuned on
    ("words_blind2.jsonl", 1.00, 3),   # the same brief; 0.767 and 10 of 30 after the first set's tuning, then tuned on
    ("words_blind3.jsonl", 1.00, 11),  # the same brief; 0.850 and 14 of 30 after the first two sets, then tuned on
    ("words_blind4.jsonl", 0.91, 14),  # the same brief, never tuned on: the level it was measured at
])
def test_indirect_complaints_are_caught_without_the_survey_question(name, min_recall, max_praise_called_negative):
    rows = _load(name)
    preds = model.classify_batch([{"text": r["text"]} for r in rows])
    complaints = [c for r, c in zip(rows, preds) if r["sentiment"] == "negative"]
    praise = [c for r, c in zip(rows, preds) if r["sentiment"] == "positive"]
    assert sum(c.sentiment == "negative" for c in complaints) / len(complaints) >= min_recall
    assert sum(c.sentiment == "negative" for c in praise) <= max_praise_called_negative


@pytest.mark.parametrize("name, min_recall, max_praise_called_negative, max_tips_called_negative", [
    ("star_reviews_blind.jsonl", 1.00, 4, 1),   # tuned on: first sight R 0.969, 8 of 23 and 4 of 5 with the stars
    ("star_reviews_blind2.jsonl", 0.90, 6, 1),  # never tuned on: R 0.906, 6 of 23 and 1 of 5 when measured
    ("spanish_star_reviews_blind.jsonl", 0.96, 5, 1),   # tuned on: first sight R 0.731, 6 of 18, 4 of 6
    ("spanish_star_reviews_blind2.jsonl", 0.92, 3, 4),  # never tuned on: R 0.923, 3 of 18, 4 of 6 when measured
    ("star_reviews_blind3.jsonl", 0.84, 5, 2),          # written after all the tuning, never tuned on: as measured
    ("spanish_star_reviews_blind3.jsonl", 0.92, 3, 3),  # the same, Spanish
])
def test_online_reviews_read_with_their_star_rating_catch_complaints_mixed_into_praise(
        name, min_recall, max_praise_called_negative, max_tips_called_negative):
    rows = _load(name)
    called = _called_negative_by_gold_label(
        rows, model.classify_batch([{"text": r["text"], "rating": r["rating"]} for r in rows]))
    assert called["negative"] / sum(r["sentiment"] == "negative" for r in rows) >= min_recall
    assert called["positive"] <= max_praise_called_negative
    assert called["neutral"] <= max_tips_called_negative


# A practical tip for the next visitor is neutral; one that carries a complaint is a complaint.
TIPS = {"Car park B is closest to outpatients, bring coins for the machine.": "neutral",
        "Children's ER has its own entrance round the back off Maple Road, not through the main ER doors.": "neutral",
        "El consultorio de ginecología está en el tercer piso, torre B.": "neutral",
        "Bring coins, the card machine in the car park never works.": "negative",
        "FYI the nurse on reception was rude to my mum.": "negative"}


@pytest.mark.parametrize("text", list(TIPS))
def test_a_practical_tip_is_neutral_unless_it_carries_a_complaint(text):
    assert model.classify(text).sentiment == TIPS[text]


@pytest.mark.parametrize("text", [
    "Great ER team and the doc was lovely. Knocked off a star because the bill came to 3x the estimate.",
    "Would have been 5 stars if anyone had told us about the delay.",
    "Only gave it 3 stars as the wait was so long.",
    "4 stars because the car park is a nightmare.",
])
def test_a_review_that_says_why_it_lost_a_star_is_a_complaint(text):
    assert lexicon.scan(text).get("cue:strong")
    assert model.classify(text, rating=0.75).sentiment == "negative"


@pytest.mark.parametrize("text", ["I would give them 5 stars.", "2 stars only because the physio was decent.",
                                  "Five stars, would recommend."])
def test_stars_given_or_kept_for_praise_are_not_a_complaint_cue(text):
    assert not lexicon.scan(text).get("cue:strong")


@pytest.mark.parametrize("text", [
    "Had a horrible experience at a different dentist years ago. Dr Sam was so patient with my anxiety.",
    "After two years of agony and being fobbed off elsewhere, the team here finally sorted my hip.",
])
def test_a_bad_experience_elsewhere_told_to_praise_this_service_is_praise(text):
    assert not lexicon.scan(text).get("cue:strong")
    assert model.classify(text, rating=1.0).sentiment == "positive"


@pytest.mark.parametrize("text", [
    "El Dr. Ramiro es un crack. Le quito una estrella por la espera: más de una hora.",
    "Muy buena atención. No le doy las 5 estrellas porque el papeleo del alta fue eterno.",
    "El equipo de maternidad fue maravilloso. Lo único, la cafetería cierra a las 8.",
    "Todo el personal es un amor. Solo que el aire de la sala está siempre helado.",
    "La cirugía salió bien. La rehabilitación ya es otra historia.",
])
def test_a_spanish_review_that_brings_in_its_one_complaint_is_a_complaint(text):
    assert model.classify(text, rating=1.0).sentiment == "negative"


def test_lo_unico_as_praise_is_not_a_complaint_cue():
    assert not lexicon.scan("Lo único que puedo decir es gracias a todo el equipo.").get("cue:strong")


def test_ironic_top_stars_in_the_text_do_not_hide_the_complaint():
    # words_blind4.jsonl: with the source-rating rule for stars in the text, this became praise.
    assert model.classify("Five stars for the vending machine, it was the only thing that worked all day."
                          ).sentiment == "negative"


def _called_negative_by_gold_label(rows: list[dict], preds) -> dict[str, int]:
    """How many rows of each gold sentiment the classifier called negative."""
    called = {"negative": 0, "neutral": 0, "positive": 0}
    for r, c in zip(rows, preds):
        called[r["sentiment"]] += c.sentiment == "negative"
    return called


@pytest.mark.parametrize("name, min_recall, max_praise_called_negative, max_questions_called_negative", [
    ("inbox_facts_blind.jsonl", 0.93, 5, 0),    # first sight: 0.933, 32 of 40 and 8 of 10; the cues were written on it
    ("inbox_facts_blind2.jsonl", 0.97, 16, 0),  # blind after set 1's cues: 0.886, 25 of 50, 14 of 15; then tuned on
    ("inbox_facts_blind3.jsonl", 0.91, 15, 5),  # blind after set 2's: 0.857, 20 of 40, 7 of 15; then partly tuned on
    ("inbox_facts_blind4.jsonl", 0.96, 7, 5),   # never tuned on: 7 and 7 when measured, 6 after the cancel rule, 5 after the online-question patterns (before the cues: 11, 17)
    ("inbox_facts_blind5.jsonl", 0.96, 6, 0),   # session 15, no questions: first sight 0.960, 17 of 35; then tuned on
])
def test_kindness_told_as_fact_and_plain_questions_are_not_complaints(
        name, min_recall, max_praise_called_negative, max_questions_called_negative):
    rows = _load(name)
    called = _called_negative_by_gold_label(rows, model.classify_batch([{"text": r["text"]} for r in rows]))
    assert called["negative"] / sum(r["sentiment"] == "negative" for r in rows) >= min_recall
    assert called["positive"] <= max_praise_called_negative
    assert called["neutral"] <= max_questions_called_negative


@pytest.mark.parametrize("name, min_recall, max_questions_called_negative, min_questions_given_an_enquiry, "
                         "max_flagged_without_a_risk", [
    ("email_threads_blind.jsonl", 0.96, 1, 9, 3),    # tuned on; the code before message_body.py: 0.931, 5, 0, 13
    ("email_threads_blind2.jsonl", 0.80, 1, 14, 2),  # blind after set 1: 0.810 (17 of 21), 2, 7, 5; then tuned on
    ("email_threads_blind3.jsonl", 0.94, 4, 12, 2),  # blind after sets 1-2: 0.941, 7, 9, 7; then tuned on
    ("email_threads_blind4.jsonl", 1.00, 2, 11, 9),  # first measured on this code, never tuned on (before: 1.000, 8, 0, 20)
])
def test_emails_are_read_by_their_writers_words_not_the_thread_under_them(
        name, min_recall, max_questions_called_negative, min_questions_given_an_enquiry, max_flagged_without_a_risk):
    rows = _load(name)
    preds = model.classify_batch([{"text": r["text"]} for r in rows])
    called = _called_negative_by_gold_label(rows, preds)
    questions = [c for r, c in zip(rows, preds) if r["sentiment"] == "neutral"]
    assert called["negative"] / sum(r["sentiment"] == "negative" for r in rows) >= min_recall
    assert called["neutral"] <= max_questions_called_negative
    assert sum("enquiry" in c.topics for c in questions) >= min_questions_given_an_enquiry
    assert sum(bool(c.risk_flags) for r, c in zip(rows, preds) if not r["risk_flags"]) <= max_flagged_without_a_risk


@pytest.mark.parametrize("name, min_recall, max_praise_called_negative, max_neutral_called_negative, "
                         "max_flagged_without_a_risk", [
    ("social_blind.jsonl", 1.00, 3, 5, 3),    # first sight 1.000, 3, 11, 4; then tuned on
    ("social_blind2.jsonl", 1.00, 6, 10, 2),  # never tuned on (the code before: 1.000, 6, 13, 2)
    ("inbox_mix_blind5.jsonl", 0.87, 1, 9, 7),  # mixed inbox, measured once, never tuned on (before: 0.833, 3, 16, 14)
])
def test_social_media_posts_keep_their_measured_level(
        name, min_recall, max_praise_called_negative, max_neutral_called_negative, max_flagged_without_a_risk):
    rows = _load(name)
    preds = model.classify_batch([{"text": r["text"]} for r in rows])
    called = _called_negative_by_gold_label(rows, preds)
    assert called["negative"] / sum(r["sentiment"] == "negative" for r in rows) >= min_recall
    assert called["positive"] <= max_praise_called_negative and called["neutral"] <= max_neutral_called_negative
    assert sum(bool(c.risk_flags) for r, c in zip(rows, preds) if not r["risk_flags"]) <= max_flagged_without_a_risk


def test_spanish_kindness_told_as_fact_stays_at_its_measured_level():
    # spanish_facts_blind.jsonl, never tuned on: recall 0.900 and 15 of 30 praise called
    # complaints when measured (20 of 30 before the Spanish kindness patterns).
    rows = _load("spanish_facts_blind.jsonl")
    preds = model.classify_batch([{"text": r["text"], "language": "es"} for r in rows])
    called = [c.sentiment == "negative" for c in preds]
    complaints = [x for r, x in zip(rows, called) if r["sentiment"] == "negative"]
    assert sum(complaints) / len(complaints) >= 0.90
    assert sum(x for r, x in zip(rows, called) if r["sentiment"] == "positive") <= 15


@pytest.mark.parametrize("row", _load("languages.jsonl"), ids=lambda r: r["id"])
def test_the_language_of_short_comments_is_identified(row):
    c = model.classify(row["text"])
    expected = {"ur": "ar"}.get(row["language"], row["language"])  # same script, both unsupported
    assert c.language == expected
    assert c.needs_review == (row["language"] not in model.SUPPORTED_LANGUAGES)


def test_batch_and_single_calls_agree():
    texts = [r["text"] for r in _load("risk_flags.jsonl")[:80]] + [r["text"] for r in _load("spanish.jsonl")]
    batch = model.classify_batch([{"text": t, "rating": 0.5} for t in texts])
    assert batch == [model.classify(t, rating=0.5) for t in texts]


def test_the_shipped_model_is_small_and_loads_fast():
    assert model.MODEL_PATH.stat().st_size < 5_000_000
    from careloop.classifier.linear import LinearModel
    t0 = time.perf_counter()
    LinearModel.load(model.MODEL_PATH)
    assert time.perf_counter() - t0 < 2.0


def test_the_shipped_model_is_used_and_named_in_results():
    assert model.classify("Good").model_version.startswith("careloop-linear-")


def test_the_rules_fallback_still_classifies_when_no_model_is_loaded():
    try:
        model.use_model(None)
        c = model.classify("The staff were rude and the wait was awful.")
        assert c.sentiment == "negative" and c.model_version.split("+")[0] == model.RULES_VERSION
    finally:
        model.reload()
