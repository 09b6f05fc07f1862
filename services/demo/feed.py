"""A synthetic patient-feedback feed for demos, load tests and classifier checks.

Everything here is invented for careloop: the comments are composed from fragments
written for this project (opening + specific detail + closing), the staff first names
are fictional, phone numbers are in Ofcom's drama range and e-mail addresses use
``example.com``. No real review, survey answer or person is quoted.

Pure and deterministic: no wall clock (``now`` is an argument) and no randomness other
than one ``random.Random(seed)``, so the same arguments always give the same feed.

>>> feed = generate_feed(100, seed=7, now=datetime(2026, 11, 20, 9, tzinfo=UTC))
>>> len(feed.records), sorted(feed.malformed_indices)    # doctest: +SKIP

Each record is a raw JSONL record as ``careloop.ingest`` reads it: a ``source`` naming a
configured source plus the input fields of ``careloop.ingest.normalize``. A fraction
``malformed_ratio`` of records is deliberately invalid (to exercise dead-lettering);
nothing in such a record says so, but ``Feed.malformed_indices`` lists them and
``Feed.labels`` says what each record was generated to be (intended sentiment, topics,
risk flags, language, and the malformation if any) — the ground truth for demos.

Command line (writes JSONL)::

    python -m careloop.demo.feed --n 80 --seed 7 --now 2026-11-20T09:00:00Z -o out.jsonl
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

__all__ = [
    "Feed",
    "Label",
    "generate_feed",
    "write_jsonl",
    "FACILITIES",
    "DEPARTMENTS",
    "SOURCES",
    "STAFF_NAMES",
    "QUESTION_GOOD",
    "QUESTION_BETTER",
]

QUESTION_GOOD = "What was good about your care?"
QUESTION_BETTER = "What could we have done better?"

# The sources of config/careloop.yaml, with how often each appears in the feed.
SOURCES: dict[str, float] = {"fft_survey": 0.40, "google_reviews": 0.25, "web_form": 0.20, "email": 0.15}
_ID_PREFIX = {"fft_survey": "fft", "google_reviews": "grv", "web_form": "web", "email": "eml"}
RATED_SOURCES = frozenset({"fft_survey", "google_reviews"})  # both on a 1..5 scale
RATING_MIN, RATING_MAX = 1, 5

# organisation.facility_names of config/careloop.yaml
FACILITIES: dict[str, str] = {
    "st-marys": "St Mary's Hospital",
    "riverside": "Riverside Community Hospital",
    "northgate": "Northgate Clinic",
}
_FACILITY_WEIGHTS = {"st-marys": 0.5, "riverside": 0.3, "northgate": 0.2}

# department -> how a patient would name it in a sentence
DEPARTMENTS: dict[str, str] = {
    "emergency": "A&E",
    "maternity": "the maternity unit",
    "outpatients": "the outpatients clinic",
    "radiology": "the X-ray department",
    "cardiology": "the cardiology clinic",
    "orthopaedics": "the fracture clinic",
    "children's ward": "the children's ward",
    "pharmacy": "the hospital pharmacy",
    "oncology": "the oncology day unit",
    "physiotherapy": "physio",
    "day surgery": "the day surgery unit",
    "ward 7": "ward 7",
}
_DEPT_WEIGHTS = {
    "emergency": 0.2, "maternity": 0.1, "outpatients": 0.15, "radiology": 0.07,
    "cardiology": 0.07, "orthopaedics": 0.08, "children's ward": 0.07, "pharmacy": 0.06,
    "oncology": 0.05, "physiotherapy": 0.05, "day surgery": 0.06, "ward 7": 0.04,
}

# Fictional first names (so redaction can be checked); never real staff.
STAFF_NAMES: tuple[str, ...] = (
    "Marnie", "Tobias", "Delphine", "Anwen", "Rafferty", "Ottilie", "Caspian", "Linnea",
    "Bramwell", "Ysolde", "Kasimir", "Tamsin", "Oriel", "Fenella", "Idris", "Saoirse",
)

# Mix of the feed (fractions of all records).
P_NEGATIVE, P_NEUTRAL, P_POSITIVE = 0.45, 0.15, 0.40
P_RISK = 0.03          # of all records; always negative, always English
P_SPANISH = 0.03
P_OTHER_LANGUAGE = 0.01
P_MISRATED = 0.07      # a rating that disagrees with the text


@dataclass(frozen=True)
class Label:
    """What a record was generated to be (never part of the record itself)."""

    sentiment: str                      # negative | neutral | positive
    topics: tuple[str, ...] = ()
    risk_flags: tuple[str, ...] = ()
    language: str = "en"
    kind: str = "comment"               # comment | suggestion | short_praise
    malformed: str | None = None        # how the record was broken, if it was


@dataclass(frozen=True)
class Feed:
    records: list[dict]
    malformed_indices: frozenset[int]
    labels: list[Label] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self):
        return iter(self.records)


# --- English fragments ----------------------------------------------------------------
# Placeholders: {dept} (department as said), {facility} (facility name), {staff}
# (fictional first name), {hours}, {minutes}, {weeks}, {times}, {clock}.

NEG_OPENINGS = (
    "Really disappointed with my visit to {dept}.",
    "I want to raise a complaint about my recent care.",
    "Not a good experience at all.",
    "Very poor experience this week.",
    "I'm writing about the care my mother received.",
    "Honestly expected better from {facility}.",
    "Where do I start.",
    "Sadly I have to leave this review.",
    "This is the second time this has happened.",
    "I rarely complain but I feel I have to.",
    "Took my dad in last week and it was a poor experience.",
    "Awful visit.",
)
NEG_CLOSINGS = (
    "Not good enough.",
    "I would not recommend.",
    "Please sort this out.",
    "I'd like someone to contact me about this.",
    "Very upsetting for the whole family.",
    "Staff are clearly overstretched but this isn't acceptable.",
    "I hope lessons are learned.",
    "I expected much better.",
    "Really hope nobody else has to go through this.",
    "Please look into it.",
)

NEG_DETAILS: dict[str, tuple[str, ...]] = {
    "waiting": (
        "We waited {hours} hours in {dept} before anyone saw us.",
        "My appointment was at {clock} and I wasn't called for nearly {hours} hours.",
        "There was no information about how long the wait would be, we just sat there for {hours} hours.",
        "My elderly father was left on a trolley in the corridor for {hours} hours.",
        "I waited over {hours} hours for my discharge medication to come up from pharmacy.",
        "The waiting room was packed and the wait kept going up on the board.",
    ),
    "staff_attitude": (
        "The receptionist was rude and rolled her eyes when I asked a question.",
        "One of the nurses, {staff}, was dismissive and made me feel like I was wasting their time.",
        "The doctor barely looked at me and kept checking a phone during the consultation.",
        "Staff were chatting among themselves while patients were waiting to be helped.",
        "When I asked for help I was told to stop making a fuss.",
        "A healthcare assistant called {staff} was abrupt and impatient with my mum.",
    ),
    "communication": (
        "Nobody explained what the scan was for or when I would get the results.",
        "I was given three different answers by three different people about my discharge date.",
        "We rang the ward {times} times and nobody picked up the phone.",
        "The letter with my results arrived after the follow-up appointment had already happened.",
        "The doctors used a lot of jargon and never checked we understood.",
        "No one told us Dad had been moved to another ward, we found out from the cleaner.",
    ),
    "clinical_care": (
        "My fracture was missed on the first visit and I had to come back a week later in agony.",
        "I don't feel my symptoms were taken seriously, I was sent home and ended up back two days later.",
        "My wound was not dressed properly and became infected.",
        "The consultant didn't seem to have read my notes and asked me to repeat my history three times.",
        "My daughter's temperature wasn't rechecked for hours even though she was getting worse.",
    ),
    "medication": (
        "My regular medication was not given on time for two days.",
        "I was discharged without the painkillers I'd been prescribed.",
        "The pharmacy ran out of my inhaler and told me to come back tomorrow.",
        "Nobody explained the side effects of the new tablets I was started on.",
        "I had to bring my own insulin because the ward didn't have it ready.",
    ),
    "pain": (
        "I was in a lot of pain and had to ask four times for pain relief.",
        "Nobody checked on my pain after the operation.",
        "My son was crying in pain for an hour before anyone gave him anything.",
        "The pain relief wore off overnight and the night staff said I'd have to wait for the doctor.",
    ),
    "discharge": (
        "Discharge took the whole day, we were told in the morning and didn't leave until 9pm.",
        "I was sent home with no information about what to watch out for.",
        "Dad was discharged late at night with no transport arranged.",
        "My mum was discharged before the care package at home was in place.",
    ),
    "billing": (
        "I received an invoice for treatment even though I'm entitled to free NHS care.",
        "I paid for the private physio package and was billed twice.",
        "The overseas visitor charges were never explained before I was treated.",
        "I've been chased for a bill I already paid and nobody answers the finance phone line.",
    ),
    "scheduling_access": (
        "My appointment was cancelled the day before for the third time.",
        "It is impossible to get through on the appointments line, I was on hold for {minutes} minutes.",
        "I was told the next available slot is in {weeks} weeks which is not acceptable.",
        "I turned up for my appointment only to be told it had been moved and nobody had told me.",
        "The referral was lost and I had to start again with my GP.",
    ),
    "cleanliness_facilities": (
        "The toilets on the ward were dirty and stayed that way all day.",
        "There was blood on the floor of the cubicle when we were shown in.",
        "The waiting room chairs were broken and the heating didn't work.",
        "Bins were overflowing in the corridor outside {dept}.",
        "The lift was out of order and there was no sign telling people where to go.",
    ),
    "food": (
        "The food was cold and inedible.",
        "I'm diabetic and the meals weren't suitable, I had to ask family to bring food in.",
        "I missed lunch because I was away for a scan and nobody kept anything back for me.",
        "There was nothing on the menu for a vegan apart from dry toast.",
    ),
    "parking_transport": (
        "Parking is a nightmare, I drove round for {minutes} minutes and nearly missed my appointment.",
        "Four pounds an hour to park is outrageous when you're visiting a sick relative every day.",
        "Patient transport never turned up and I waited until the evening to get home.",
        "The pay machines in the car park were broken and I still got a parking fine.",
        "There are no disabled spaces anywhere near the entrance to {dept}.",
    ),
    "privacy_dignity": (
        "I was left in a gown that didn't close properly in a busy corridor.",
        "The curtain was left open while I was being examined.",
        "My mum wasn't helped to the toilet in time and was left embarrassed and upset.",
        "I was asked personal questions at the front desk with a queue of people behind me.",
    ),
    "safety": (
        "The call bell was out of reach and my mum couldn't call for help.",
        "Nobody checked my wristband before taking blood.",
        "The ward felt understaffed and unsafe at night.",
        "There was a wet floor outside the ward with no warning sign.",
    ),
}

# Serious risk content: every detail is paired with its flag and its topics.
RISK_DETAILS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "patient_safety": (
        ("My father fell on the ward during the night and wasn't found until the morning shift, even though he had been assessed as high risk of falls.", ("safety",)),
        ("I was given an antibiotic I am allergic to even though the allergy was on my wristband and in my notes.", ("medication", "safety")),
        ("The nurse gave my mother another patient's tablets. When we queried it they admitted it was the wrong medication.", ("medication", "safety")),
        ("My daughter was given ten times the dose she should have had and the mistake was only caught by the next nurse.", ("medication", "safety")),
        ("The wrong knee was marked for surgery and I had to point it out to the team myself.", ("clinical_care", "safety")),
    ),
    "legal_threat": (
        ("I have now passed everything to my solicitor and will be taking legal action.", ("clinical_care",)),
        ("I am contacting my solicitor about the negligence my wife suffered.", ("clinical_care",)),
        ("Unless I get a proper response within 14 days I will be suing the trust.", ("communication",)),
    ),
    "privacy_breach": (
        ("My notes were left open on the reception desk where other patients could read them.", ("privacy_dignity",)),
        ("A letter about my diagnosis was sent to my old address and opened by the people who live there now.", ("privacy_dignity", "communication")),
        ("A member of staff told my neighbour, who was visiting someone else, why I had been admitted.", ("privacy_dignity",)),
        ("A list of patients with their conditions was pinned up where anyone walking past could see it.", ("privacy_dignity",)),
    ),
    "discrimination_abuse": (
        ("A member of staff made a racist comment about my family's accent.", ("staff_attitude",)),
        ("I was mocked about my weight by the nurse taking my blood pressure.", ("staff_attitude", "privacy_dignity")),
        ("Because I use a wheelchair I was spoken to like a child and ignored in favour of my carer.", ("staff_attitude", "privacy_dignity")),
        ("A porter shouted and swore at me in front of my children.", ("staff_attitude",)),
    ),
    "self_harm": (
        ("I told the doctor I was having thoughts of harming myself and was sent home with a leaflet. I still don't feel safe.", ("clinical_care",)),
        ("After being turned away again I have been thinking about ending my life and I don't know where else to turn.", ("clinical_care", "scheduling_access")),
    ),
}
_RISK_WEIGHTS = {"patient_safety": 0.34, "legal_threat": 0.2, "privacy_breach": 0.2,
                 "discrimination_abuse": 0.18, "self_harm": 0.08}

# Answers to "What could we have done better?" — short, one topic each.
SUGGESTIONS: tuple[tuple[str, str], ...] = (
    ("More parking.", "parking_transport"),
    ("Shorter waits in A&E.", "waiting"),
    ("Better food.", "food"),
    ("More staff on nights.", "safety"),
    ("Keep us updated on waiting times.", "communication"),
    ("Answer the phone!", "communication"),
    ("Cleaner toilets.", "cleanliness_facilities"),
    ("Tell patients what's happening.", "communication"),
    ("Quicker discharge.", "discharge"),
    ("Free parking for visitors.", "parking_transport"),
    ("Chairs for partners on the maternity ward.", "cleanliness_facilities"),
    ("A screen showing waiting times.", "waiting"),
    ("Text reminders for appointments.", "scheduling_access"),
    ("Hot food after 7pm.", "food"),
    ("Don't cancel appointments at the last minute.", "scheduling_access"),
    ("Pain relief sooner.", "pain"),
    ("Explain the medication properly.", "medication"),
    ("Friendlier reception staff.", "staff_attitude"),
    ("Close the curtains when examining people.", "privacy_dignity"),
    ("Shorter wait for the pharmacy.", "waiting"),
)

POS_OPENINGS = (
    "Fantastic care from start to finish.",
    "I can't thank the team enough.",
    "Excellent service.",
    "Really impressed with {dept}.",
    "Brilliant experience.",
    "Such a good experience at {facility}.",
    "Just wanted to say thank you.",
    "From the moment we arrived we were looked after.",
    "I was nervous about coming in but I needn't have been.",
    "Outstanding.",
)
POS_DETAILS: tuple[tuple[str, str], ...] = (
    ("The nurses were kind, patient and always had time for us.", "staff_attitude"),
    ("{staff}, one of the nurses, was amazing and kept me calm the whole time.", "staff_attitude"),
    ("I was seen within {minutes} minutes and everything was explained clearly.", "waiting"),
    ("The doctor took time to explain my scan results and answered all my questions.", "communication"),
    ("The ward was spotless.", "cleanliness_facilities"),
    ("The food was surprisingly good and there was plenty of choice.", "food"),
    ("My son was terrified but the staff made him laugh and he forgot all about the needle.", "staff_attitude"),
    ("The pharmacist went through all my new tablets with me so I understood them.", "medication"),
    ("The appointment ran exactly on time and the reception staff were friendly.", "scheduling_access"),
    ("The physio gave me exercises that have really helped.", "clinical_care"),
    ("Discharge was smooth and I had everything I needed to go home.", "discharge"),
    ("Everyone from the porters to the consultant treated me with dignity.", "privacy_dignity"),
    ("My pain was managed really well after the operation.", "pain"),
    ("The midwife, {staff}, was calm and reassuring through a long labour.", "clinical_care"),
    ("They spotted the problem quickly and I had the operation the same week.", "clinical_care"),
    ("Dr {staff} explained every option and let me decide.", "communication"),
    ("Parking was easy and the signs to {dept} were clear.", "parking_transport"),
    ("They kept my family updated all through the night.", "communication"),
)
POS_CLOSINGS = (
    "Thank you so much.",
    "Couldn't ask for more.",
    "The NHS at its best.",
    "Keep up the great work.",
    "Would highly recommend.",
    "Special thanks to {staff}.",
    "Thank you all.",
    "Very grateful.",
)
SHORT_PRAISE: tuple[tuple[str, str], ...] = (
    ("Everything.", "other"),
    ("Friendly staff.", "staff_attitude"),
    ("Quick and efficient.", "waiting"),
    ("The nurses.", "staff_attitude"),
    ("Being kept informed.", "communication"),
    ("Clean and well organised.", "cleanliness_facilities"),
    ("Seen on time, lovely staff.", "waiting"),
    ("Kindness.", "staff_attitude"),
    ("Everyone was so caring.", "staff_attitude"),
    ("Good explanations from the doctor.", "communication"),
)

NEUTRAL_TEXTS: tuple[tuple[str, str], ...] = (
    ("It was OK. Nothing special.", "other"),
    ("Average experience, neither good nor bad.", "other"),
    ("Seen, treated and sent home. Fine.", "other"),
    ("The appointment went ahead as planned.", "scheduling_access"),
    ("No complaints, but nothing stood out either.", "other"),
    ("Reasonable care, a bit slow.", "waiting"),
    ("Came in for a blood test. Took about as long as expected.", "waiting"),
    ("Not sure what else to say, it was a routine visit.", "other"),
    ("Okay overall.", "other"),
    ("Nothing I can think of.", "other"),
)
MIXED_JOINERS = ("However, ", "On the other hand, ", "That said, ", "The only downside: ", "But ")
MIXED_JOINERS_REVERSED = ("Still, ", "But ", "On the plus side, ", "To be fair, ")

EMAIL_GREETINGS = ("Dear Patient Experience team,", "Hello,", "To whom it may concern,", "Dear Sir or Madam,")
EMAIL_SIGNOFFS = ("Kind regards", "Regards", "Thank you", "Many thanks", "Yours faithfully")

# --- other languages (written for this project) --------------------------------------------

FOREIGN: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "es": {
        "open_neg": (("Muy mala experiencia.", ""), ("Estoy muy decepcionada.", ""), ("Quiero poner una queja.", "")),
        "neg": (
            ("Esperamos más de {hours} horas en urgencias sin que nadie nos informara.", "waiting"),
            ("La recepcionista fue muy maleducada conmigo.", "staff_attitude"),
            ("Nadie me explicó los resultados de la prueba.", "communication"),
            ("Me cancelaron la cita dos veces sin avisar.", "scheduling_access"),
            ("La comida llegó fría y el baño estaba sucio.", "food"),
            ("No había intérprete y no entendí lo que me dijo el médico.", "communication"),
            ("Tuve mucho dolor toda la noche y nadie vino a verme.", "pain"),
            ("Es imposible aparcar cerca del hospital.", "parking_transport"),
        ),
        "close_neg": (("No lo recomiendo.", ""), ("Espero que mejoren.", ""), ("Por favor, contáctenme.", "")),
        "open_pos": (("Excelente atención.", ""), ("Muy contenta con el trato.", ""), ("Todo perfecto.", "")),
        "pos": (
            ("El personal fue muy amable y atento.", "staff_attitude"),
            ("La matrona me ayudó muchísimo durante el parto.", "clinical_care"),
            ("Me atendieron rápido y me lo explicaron todo.", "communication"),
            ("Todo muy limpio y bien organizado.", "cleanliness_facilities"),
            ("Los enfermeros cuidaron a mi padre con mucho cariño.", "staff_attitude"),
        ),
        "close_pos": (("Muchas gracias a todo el equipo.", ""), ("¡Gracias!", ""), ("Lo recomiendo.", "")),
        "neutral": (
            ("La atención fue correcta, pero la espera fue larga.", "waiting"),
            ("Normal, sin más.", "other"),
            ("Bien en general, aunque la comida no era muy buena.", "food"),
        ),
    },
    "pl": {
        "neg": (
            ("Czekałem pięć godzin na izbie przyjęć i nikt nic nie wyjaśnił.", "waiting"),
            ("Pielęgniarka była niemiła i nie chciała odpowiadać na pytania.", "staff_attitude"),
        ),
        "pos": (
            ("Bardzo miły personel, dziękuję za opiekę.", "staff_attitude"),
            ("Lekarz wszystko dokładnie wytłumaczył. Polecam.", "communication"),
        ),
        "neutral": (("Wszystko w porządku, ale długo czekałam na wizytę.", "waiting"),),
    },
    "fr": {
        "neg": (
            ("Personne ne m'a expliqué les résultats de mon examen. Très déçu.", "communication"),
            ("Attente de six heures aux urgences, c'est inadmissible.", "waiting"),
        ),
        "pos": (
            ("Équipe très gentille et professionnelle, merci beaucoup.", "staff_attitude"),
            ("Accueil chaleureux et soins de qualité pour mon fils.", "clinical_care"),
        ),
        "neutral": (("Accueil correct mais attente très longue.", "waiting"),),
    },
    "pt": {
        "neg": (("Esperei muito tempo e ninguém me disse nada.", "waiting"),),
        "pos": (("Fui muito bem atendida, obrigada a todos.", "staff_attitude"),),
        "neutral": (("Foi normal, sem problemas.", "other"),),
    },
}
_OTHER_LANG_WEIGHTS = {"pl": 0.45, "fr": 0.4, "pt": 0.15}

# --- malformations ------------------------------------------------------------------------------

UNKNOWN_SOURCES = ("trustpilot", "facebook_page", "nhs_website", "Google Reviews")
MALFORMATIONS = (
    "missing_text", "blank_text", "rating_out_of_scale", "unknown_source",
    "missing_external_id", "future_created_at", "bad_created_at", "missing_facility",
)


# --- generation ---------------------------------------------------------------------------------

def generate_feed(n: int, *, seed: int = 7, now: datetime, malformed_ratio: float = 0.01) -> Feed:
    """``n`` raw JSONL-ready feedback records created in the 7 days before ``now``.

    ``round(n * malformed_ratio)`` of them (chosen at random) are invalid for
    ``careloop.ingest.normalize`` (or name an unknown source); their indices are
    ``Feed.malformed_indices``. Same arguments -> same feed.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError("n must be a non-negative integer")
    if not 0.0 <= malformed_ratio <= 1.0:
        raise ValueError("malformed_ratio must be between 0 and 1")
    if not isinstance(now, datetime):
        raise TypeError("now must be a datetime")
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)

    rng = random.Random(seed)
    bad = frozenset(rng.sample(range(n), round(n * malformed_ratio)))
    records: list[dict] = []
    labels: list[Label] = []
    for i in range(n):
        record, label = _record(rng, i, now)
        if i in bad:
            how = _malform(rng, record, now)
            label = replace(label, malformed=how)
        records.append(record)
        labels.append(label)
    return Feed(records=records, malformed_indices=bad, labels=labels)


def write_jsonl(records: Iterable[dict], path: str | os.PathLike[str]) -> int:
    """Write ``records`` as UTF-8 JSON Lines (one object per line); returns the count."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False, separators=(", ", ": ")))
            handle.write("\n")
            count += 1
    return count


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _record(rng: random.Random, i: int, now: datetime) -> tuple[dict, Label]:
    source = _pick(rng, SOURCES)
    facility = _pick(rng, _FACILITY_WEIGHTS)
    department = _pick(rng, _DEPT_WEIGHTS)
    u = rng.random()
    sentiment = "negative" if u < P_NEGATIVE else "neutral" if u < P_NEGATIVE + P_NEUTRAL else "positive"
    v = rng.random()
    language = "es" if v < P_SPANISH else _pick(rng, _OTHER_LANG_WEIGHTS) if v < P_SPANISH + P_OTHER_LANGUAGE else "en"
    risky = language == "en" and sentiment == "negative" and rng.random() < P_RISK / P_NEGATIVE

    question = None
    if source == "fft_survey":
        if sentiment == "positive":
            question = QUESTION_GOOD
        elif sentiment == "negative":
            question = QUESTION_BETTER
        else:
            question = rng.choice((QUESTION_GOOD, QUESTION_BETTER))

    slots = _slots(rng, facility, department)
    if language != "en":
        text, topics = _foreign_text(rng, language, sentiment, slots)
        label = Label(sentiment, topics, (), language)
    elif risky:
        text, topics, flag = _risk_text(rng, slots)
        label = Label("negative", topics, (flag,), "en")
    elif sentiment == "negative":
        if source == "fft_survey" and rng.random() < 0.4:
            text, topic = rng.choice(SUGGESTIONS)
            label = Label("negative", (topic,), (), "en", "suggestion")
        else:
            text, topics = _negative_text(rng, slots, long=source == "email")
            label = Label("negative", topics, (), "en")
    elif sentiment == "positive":
        if source == "fft_survey" and rng.random() < 0.3:
            text, topic = rng.choice(SHORT_PRAISE)
            label = Label("positive", (topic,), (), "en", "short_praise")
        else:
            text, topics = _positive_text(rng, slots)
            label = Label("positive", topics, (), "en")
    else:
        text, topics = _neutral_text(rng, slots)
        label = Label("neutral", topics, (), "en")

    if source in ("email", "web_form") and language == "en":
        text = _with_contact(rng, text)
    if source == "email":
        greeting, signoff = rng.choice(EMAIL_GREETINGS), rng.choice(EMAIL_SIGNOFFS)
        if language == "en":
            text = f"{greeting}\n\n{text}\n\n{signoff}"

    created = now - timedelta(seconds=rng.randrange(60, 7 * 24 * 3600))
    record: dict[str, Any] = {
        "source": source,
        "external_id": f"{_ID_PREFIX[source]}-{i:06d}",
        "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    # Who knows what: e-mails often say nothing of the site (the source has a default),
    # reviews rarely name a department.
    if not (source == "email" and rng.random() < 0.3):
        record["facility"] = facility
    if rng.random() < {"fft_survey": 0.95, "google_reviews": 0.3, "web_form": 0.7, "email": 0.5}[source]:
        record["department"] = department
    if source in RATED_SOURCES and (source == "google_reviews" or rng.random() < 0.93):
        record["rating"] = _rating(rng, label)
    if question is not None:
        record["question"] = question
    record["language"] = _language_field(rng, language)
    if record["language"] is None:
        del record["language"]
    if source == "web_form" and rng.random() < 0.1:
        record["reply_channel"] = "phone"
    record["text"] = text
    return record, label


def _slots(rng: random.Random, facility: str, department: str) -> dict[str, Any]:
    return {
        "dept": DEPARTMENTS[department],
        "facility": FACILITIES[facility],
        "staff": rng.choice(STAFF_NAMES),
        "hours": rng.choice(("two", "three", "four", "five", "six", "seven", "eight", "nine", "11", "12")),
        "minutes": rng.choice((10, 15, 20, 25, 40, 45, 50)),
        "weeks": rng.choice((10, 14, 18, 26, 30, 40)),
        "times": rng.choice(("five", "six", "ten", "a dozen", "20")),
        "clock": rng.choice(("9am", "9.30am", "10.15", "11am", "1.40pm", "2pm", "3.20pm", "4pm")),
    }


def _fill(template: str, slots: dict[str, Any]) -> str:
    return template.format(**slots)


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _lower_first(sentence: str) -> str:
    first = sentence.split(" ", 1)[0].rstrip(",.")
    if first in ("I", "I'm", "I've", "I'd", "Dad", "Mum", "A&E", "Dr", "NHS") or first in STAFF_NAMES:
        return sentence
    return sentence[0].lower() + sentence[1:]


def _negative_text(rng: random.Random, slots: dict, *, long: bool) -> tuple[str, tuple[str, ...]]:
    n_details = 2 if (long and rng.random() < 0.6) or rng.random() < 0.25 else 1
    topics = tuple(rng.sample(list(NEG_DETAILS), n_details))
    details = [_fill(rng.choice(NEG_DETAILS[t]), slots) for t in topics]
    opening = _fill(rng.choice(NEG_OPENINGS), slots) if rng.random() < 0.75 else ""
    closing = _fill(rng.choice(NEG_CLOSINGS), slots) if rng.random() < 0.7 else ""
    return _join(opening, *details, closing), topics


def _risk_text(rng: random.Random, slots: dict) -> tuple[str, tuple[str, ...], str]:
    flag = _pick(rng, _RISK_WEIGHTS)
    detail, topics = rng.choice(RISK_DETAILS[flag])
    opening = _fill(rng.choice(NEG_OPENINGS), slots) if rng.random() < 0.7 else ""
    extra_topic = ""
    if flag != "self_harm" and rng.random() < 0.35:
        extra_topic = rng.choice([t for t in NEG_DETAILS if t not in topics])
        topics = (*topics, extra_topic)
    extra = _fill(rng.choice(NEG_DETAILS[extra_topic]), slots) if extra_topic else ""
    closing = "" if flag == "self_harm" else _fill(rng.choice(NEG_CLOSINGS), slots) if rng.random() < 0.6 else ""
    return _join(opening, detail, extra, closing), topics, flag


def _positive_text(rng: random.Random, slots: dict) -> tuple[str, tuple[str, ...]]:
    picks = rng.sample(POS_DETAILS, 2 if rng.random() < 0.35 else 1)
    opening = _fill(rng.choice(POS_OPENINGS), slots) if rng.random() < 0.8 else ""
    closing = _fill(rng.choice(POS_CLOSINGS), slots) if rng.random() < 0.7 else ""
    topics = tuple(dict.fromkeys(t for _, t in picks))
    return _join(opening, *(_fill(d, slots) for d, _ in picks), closing), topics


def _neutral_text(rng: random.Random, slots: dict) -> tuple[str, tuple[str, ...]]:
    if rng.random() < 0.45:
        text, topic = rng.choice(NEUTRAL_TEXTS)
        return text, (topic,)
    # mixed: something good, something not
    good, good_topic = rng.choice(POS_DETAILS)
    bad_topic = rng.choice([t for t in NEG_DETAILS if t not in ("safety",)])
    bad = _fill(rng.choice(NEG_DETAILS[bad_topic]), slots)
    good = _fill(good, slots)
    if rng.random() < 0.5:
        joiner = rng.choice(MIXED_JOINERS)
        parts = [good, joiner + (bad if joiner.endswith(": ") else _lower_first(bad))]
    else:
        joiner = rng.choice(MIXED_JOINERS_REVERSED)
        parts = [bad, joiner + _lower_first(good)]
    return _join(*parts), tuple(dict.fromkeys((good_topic, bad_topic)))


def _foreign_text(rng: random.Random, language: str, sentiment: str, slots: dict) -> tuple[str, tuple[str, ...]]:
    table = FOREIGN[language]
    key = {"negative": "neg", "positive": "pos", "neutral": "neutral"}[sentiment]
    body, topic = rng.choice(table[key])
    parts = [_fill(body, slots)]
    if f"open_{key}" in table and rng.random() < 0.6:
        parts.insert(0, rng.choice(table[f"open_{key}"])[0])
    if f"close_{key}" in table and rng.random() < 0.6:
        parts.append(rng.choice(table[f"close_{key}"])[0])
    return _join(*parts), (topic,)


def _with_contact(rng: random.Random, text: str) -> str:
    r = rng.random()
    if r < 0.06:
        return f"{text} You can reach me on 07700 900{rng.randrange(1000):03d}."
    if r < 0.10:
        return f"{text} My email is patient{rng.randrange(100, 1000)}@example.com if you need it."
    return text


def _rating(rng: random.Random, label: Label) -> int:
    if rng.random() < P_MISRATED:
        # The scale used the wrong way round, or a rating that ignores the comment.
        return {"negative": rng.choice((4, 5)), "positive": rng.choice((1, 2)), "neutral": rng.choice((1, 5))}[label.sentiment]
    if label.kind == "suggestion":
        return rng.choices((2, 3, 4), weights=(3, 4, 3))[0]
    if label.sentiment == "negative":
        return rng.choices((1, 2, 3), weights=(60, 32, 8))[0]
    if label.sentiment == "positive":
        return rng.choices((5, 4, 3), weights=(65, 30, 5))[0]
    return rng.choices((2, 3, 4), weights=(25, 50, 25))[0]


def _language_field(rng: random.Random, language: str) -> str | None:
    r = rng.random()
    if language == "en":
        return "en" if r < 0.3 else "en-GB" if r < 0.5 else None
    return language if r < 0.5 else f"{language}-{language.upper()}" if r < 0.65 else None


def _malform(rng: random.Random, record: dict, now: datetime) -> str:
    """Break ``record`` in place so ingest must dead-letter it; returns how."""
    choices = list(MALFORMATIONS)
    if record["source"] == "email":
        choices.remove("missing_facility")  # the email source has a default facility
    how = rng.choice(choices)
    if how == "missing_text":
        del record["text"]
    elif how == "blank_text":
        record["text"] = rng.choice(("", "   ", " \n\t ", "\x00\x07"))
    elif how == "rating_out_of_scale":
        record["rating"] = rng.choice((0, 6, 7, 10, -1, 4.5 + 1))
    elif how == "unknown_source":
        record["source"] = rng.choice(UNKNOWN_SOURCES)
    elif how == "missing_external_id":
        del record["external_id"]
    elif how == "future_created_at":
        record["created_at"] = (now + timedelta(days=rng.randrange(400, 3000))).strftime("%Y-%m-%dT%H:%M:%SZ")
    elif how == "bad_created_at":
        record["created_at"] = rng.choice(("last Tuesday", "31/02/2026", "2026-13-40T25:00:00Z"))
    elif how == "missing_facility":
        record.pop("facility", None)
    return how


# --- command line --------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m careloop.demo.feed", description="Write a synthetic feedback feed as JSONL.")
    parser.add_argument("--n", type=int, default=80)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--now", required=True, help="RFC 3339 instant, e.g. 2026-11-20T09:00:00Z")
    parser.add_argument("--malformed-ratio", type=float, default=0.01)
    parser.add_argument("-o", "--output", default="-", help="file path, or - for stdout")
    args = parser.parse_args(argv)
    now = datetime.fromisoformat(args.now.replace("Z", "+00:00"))
    feed = generate_feed(args.n, seed=args.seed, now=now, malformed_ratio=args.malformed_ratio)
    if args.output == "-":
        for record in feed.records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        write_jsonl(feed.records, args.output)
    print(f"{len(feed.records)} records, {len(feed.malformed_indices)} malformed: "
          f"{sorted(feed.malformed_indices)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
