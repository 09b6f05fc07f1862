"""English risk told in everyday words, as two things said near each other.

The Spanish concept pairs (risk_concepts_es.py) took never-tuned Spanish recall from
about 0.45 to 0.6. An English set written the same way (risk_flags_blind38.jsonl,
session 17) read P 0.755 / R 0.740 at first sight, its misses mostly pairs the English
phrases do not hold: a diagnosis and someone outside the care who learned it; a
medicine called out with the writer's boss behind; a ward board in a staff member's
post; sent home, then what it was; an allergy on record and the drug given anyway; a
discharge in the night with nothing; the local paper or "our MP" and sending it there;
weight blamed in the words used; a hand left where it should not be. Plain data: raw
regex strings, joined by `risk_families.FAMILIES` like the other families. Vetoes from
the same set's hard negatives are in RISK_VETO_CONCEPTS_EN.
"""
from __future__ import annotations

from .concept_pairs import any_of, near, then

# -- privacy ---------------------------------------------------------------------------------
_HEALTH_INFO = any_of([
    r"diagnos[ie]s", r"results?", r"biopsy", r"termination", r"abortion", r"miscarriage", r"pregnan\w+", r"hiv",
    r"sti", r"chlamydia", r"herpes", r"methadone", r"rehab", r"overdose", r"psychology appointment", r"psychiatric \w+",
    r"mental health (?:history|records?|notes|appointment|diagnosis)", r"medical (?:records?|notes|history)",
    r"dnacpr", r"dnr", r"cancer", r"bipolar", r"schizophrenia", r"antidepressants",
])
# Someone outside the care.
_OUTSIDER = any_of([
    r"(?:my|his|her|our) (?:boss|manager|employer|work|workplace|colleagues?|neighbours?|neighbors?|ex(?:-partner|-husband|"
    r"-wife|-boyfriend|-girlfriend)?|landlord|school|in-laws|mother-in-law|father-in-law)",
    r"(?:his|her|their) (?:house|flat|address)", r"(?:my )?(?:old|previous) address", r"the school gates",
    r"the whole (?:waiting room|queue|ward|bay|street)", r"everyone (?:in|on) the (?:waiting room|queue|ward|bay)",
])
_TOLD_OR_SENT = any_of([
    r"told", r"tells", r"mentioned", r"discussed", r"read out", r"sent", r"posted", r"went to", r"emailed", r"faxed",
    r"rang", r"phoned", r"called out", r"shouted", r"yelled", r"quoting", r"opened",
])
_SAID_ALOUD = any_of([
    r"yelled", r"shouted", r"called out", r"announced", r"read out", r"across the (?:queue|waiting room|counter|pharmacy)",
    r"for everyone to hear", r"in front of (?:everyone|the whole|a full|the queue)",
])
_POSTED_ONLINE = any_of([
    r"instagram", r"facebook", r"tiktok", r"snapchat", r"twitter", r"whatsapp group", r"(?:her|his|their) story",
    r"selfie", r"posted (?:a |it |them )?(?:photo|picture|video)s?",
])
_SHOWN = any_of([
    r"(?:my|his|her|dad's|mum's|mom's) (?:name|face|bed number|details)", r"patient (?:board|list|names)",
    r"(?:whiteboard|board) behind", r"photos? of (?:me|him|her|my \w+)",
])

# -- patient safety -------------------------------------------------------------------------
_SENT_AWAY = any_of([
    r"sent (?:us|me|him|her|them) (?:home|away)", r"sent home with", r"discharged (?:us|me|him|her) with",
    r"(?:said|told (?:us|me|him|her)) (?:it was|it's) (?:just )?(?:a virus|stomach flu|a bug|gastro|anxiety|a sprain|"
    r"nothing|wind|trapped wind|constipation|growing pains|a pulled muscle|a panic attack|indigestion)",
    r"give it a (?:few|couple of) (?:days|weeks)", r"(?:second|third|fourth|fifth) time (?:i'?ve|we'?ve|she'?s|he'?s) "
    r"(?:been|gone|shown|taken)",
])
_WHAT_IT_WAS = any_of([
    r"appendix (?:had )?(?:ruptured|burst|perforated)", r"ruptured appendix", r"sepsis", r"septic", r"meningitis",
    r"a fracture", r"(?:was|were) (?:broken|fractured)", r"heart attack", r"a stroke", r"blood clot", r"pulmonary embolism",
    r"ectopic", r"(?:doubled|grown|tripled) in size", r"(?:it|this) was cancer", r"a tumour", r"a tumor",
])
_ALLERGY_ON_RECORD = any_of([
    r"(?:penicillin|latex|nut|codeine|morphine|ibuprofen|aspirin|sulfa|contrast) allergy", r"allergic to \w+",
    r"allergy (?:band|wristband|bracelet)",
])
_GIVEN_ANYWAY = any_of([
    r"anyway", r"still (?:gave|given|hung|prescribed|injected|put up)", r"regardless", r"all the same",
])
_NIGHT_DISCHARGE = any_of([
    r"discharged (?:\w+ ){0,4}(?:at|after) (?:1[01](?:[.:]\d\d)? ?pm|midnight|[1-4](?:[.:]\d\d)? ?am)",
    r"sent (?:home|out) (?:\w+ ){0,3}(?:at|after) (?:1[01](?:[.:]\d\d)? ?pm|midnight|[1-4](?:[.:]\d\d)? ?am)",
    r"discharged in the middle of the night",
])
_WITH_NOTHING = any_of([
    r"no keys", r"no (?:medication|meds|medicines|tablets)", r"hospital gown", r"alone", r"on (?:her|his|their) own",
    r"nobody (?:rang|called|told)", r"no one (?:rang|called|told)", r"in a taxi", r"no way (?:home|in)",
])

# -- discrimination and abuse ---------------------------------------------------------------
_WEIGHT_WORDS = any_of([
    r"big girl", r"big lad", r"fat", r"obese", r"greedy", r"lazy", r"can'?t stop eating", r"(?:your|my|her|his) weight",
    r"(?:your|my|her|his) size",
])
_BLAME = any_of([
    r"(?:own|your own|my own|her own|his own) fault", r"brought it on", r"deserved", r"laughed", r"sniggered",
    r"what do you expect", r"what did you expect",
])
_HAND_ON = r"(?:hand|hands|fingers) (?:on|over|against|down) (?:my|her|his) (?:backside|bum|bottom|buttocks|breasts?|chest|thighs?|groin|crotch)"
_KEPT_AT_IT = any_of([
    r"kept", r"keep", r"resting", r"even after", r"without asking", r"lingered", r"again", r"twice", r"moved it away",
])

# -- legal ----------------------------------------------------------------------------------
# (Not "the Post", "the Mail" or "the Echo": the post, the mail and a heart scan.)
_PRESS_OR_MP = any_of([
    r"(?:our|my|the local) mp", r"the (?:local )?(?:gazette|argus|chronicle)", r"local (?:paper|newspaper|news|radio)",
    r"(?:bbc|itv) (?:news|local)", r"a journalist", r"a reporter",
])
_TOOK_IT_THERE = any_of([
    r"written to", r"wrote to", r"sent (?:\w+ ){0,4}to", r"copied (?:\w+ ){0,4}to", r"contacted", r"emailed", r"forwarded",
    r"going to", r"will be (?:contacting|writing to|telling)", r"have told", r"i'?ve told", r"tagged",
])


RISK_CONCEPTS_EN: dict[str, list[str]] = {
    "privacy_breach": [
        *near(_TOLD_OR_SENT + r" (?:\w+ ){0,4}(?:to )?" + _OUTSIDER, _HEALTH_INFO, 100),
        *near(_SAID_ALOUD, _HEALTH_INFO, 60),
        *near(_HEALTH_INFO, r"(?:my|his|her) (?:boss|manager|colleague|neighbour|neighbor) (?:was )?(?:standing|sat|sitting|"
              r"right) (?:behind|next to|beside)", 120),
        *near(_POSTED_ONLINE, _SHOWN, 120),
        r"\b(?:letter|results?|appointment letter|discharge summary) (?:\w+ ){0,6}(?:still )?went to (?:his|her|their|my ex'?s?|"
        r"the wrong (?:person|patient|address|house|family|email)|my old|my previous)\b",
    ],
    "patient_safety": [
        then(_SENT_AWAY, _WHAT_IT_WAS, 300),
        *near(_ALLERGY_ON_RECORD, _GIVEN_ANYWAY, 150),
        *near(_NIGHT_DISCHARGE, _WITH_NOTHING, 150),
        r"\b(?:month|week|day)s? delay in (?:referring|diagnosing|treating|reporting|chasing)\b",
    ],
    "discrimination_abuse": [
        *near(_WEIGHT_WORDS, _BLAME, 80),
        *near(_HAND_ON, _KEPT_AT_IT, 60),
    ],
    "legal_threat": [
        *near(_TOOK_IT_THERE, _PRESS_OR_MP, 60),
    ],
}


# English spans that look like a flag and are not one, from the same set's hard
# negatives (joined to risk_lexicon.RISK_VETO): privacy kept (a side room "so nobody
# else could hear", a lowered voice), a regulator's good rating, a fall or a collapse in
# the street that was then treated.
RISK_VETO_CONCEPTS_EN: dict[str, list[str]] = {
    "privacy_breach": [
        # (Not when the sentence goes on "but ...": the side room's door left open.)
        r"\b(?:so (?:that )?(?:nobody|no one|no-one) (?:else )?could (?:hear|see|overhear)|(?:lowered|kept) (?:her|his|their) "
        r"voices?|took (?:me|us) (?:in)?to (?:a|the) (?:side|quiet|private) room)\b(?![^.!?]{0,80}\bbut\b)[^.!?]{0,80}",
    ],
    "legal_threat": [
        r"\bcqc (?:rated|rating|gave|inspection rated)\b[^.!?]{0,40}\b(?:outstanding|good)\b",
    ],
    "patient_safety": [
        # The fall and the injury it caused, not what the care did after.
        r"\b(?:slipped|fell|tripped|collapsed) (?:\w+ ){0,3}(?:on (?:the )?ice|in the (?:high )?street|in the garden|in the park|"
        r"at home|outside my (?:front )?door|on the pavement|playing)\b(?:[^.!?]{0,40}\b(?:broke|broken|fractur\w*|hurt|"
        r"injur\w*|cut|hit|banged|sprain\w*)\b[^.!?]{0,25})?",
    ],
}
