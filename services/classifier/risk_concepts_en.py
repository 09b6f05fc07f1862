"""English risk told in everyday words, as two things said near each other.

The Spanish concept pairs (risk_concepts_es.py) took never-tuned Spanish recall from
about 0.45 to 0.6. An English set written the same way (risk_flags_blind38.jsonl,
session 17) read P 0.755 / R 0.740 at first sight, its misses mostly pairs the English
phrases do not hold: a diagnosis and someone outside the care who learned it; a
medicine called out with the writer's boss behind; a ward board in a staff member's
post; sent home, then what it was; an allergy on record and the drug given anyway; a
discharge in the night with nothing; the local paper or "our MP" and sending it there;
weight blamed in the words used; a hand left where it should not be. Sets 39 and 40
(privacy told 24 ways) added the privacy pairs below. On never-tuned set 41 they found no
breach the phrases had not: English privacy wording carries over poorly, and the
learned privacy head (train.PRIVACY_TRAIN_SETS) is what moved it (5 -> 8 of 24). Plain
data: raw regex strings, joined by `risk_families.FAMILIES` like the other families.
Vetoes from the same sets' hard negatives are in RISK_VETO_CONCEPTS_EN.
"""
from __future__ import annotations

from .concept_pairs import any_of, near, then

# -- privacy ---------------------------------------------------------------------------------
_HEALTH_INFO = any_of([
    r"diagnos[ie]s", r"results?", r"biopsy", r"termination", r"abortion", r"miscarriage", r"pregnan\w+", r"hiv",
    r"sti", r"chlamydia", r"herpes", r"methadone", r"rehab", r"overdose", r"psychology appointment", r"psychiatric \w+",
    r"mental health (?:history|records?|notes|appointment|diagnosis)", r"medical (?:records?|notes|history)",
    r"dnacpr", r"dnr", r"cancer", r"bipolar", r"schizophrenia", r"antidepressants", r"smear results?",
    r"lost (?:the|my|our) baby", r"blood sugar readings", r"breast removed", r"mastectomy", r"adhd", r"depression",
    r"pregnancy test", r"twins", r"std", r"sexual health", r"psychiatric (?:notes|history)", r"hepatitis",
])
# Someone outside the care.
_OUTSIDER = any_of([
    r"(?:my|his|her|our) (?:boss|manager|employer|work|workplace|colleagues?|neighbours?|neighbors?|ex(?:-partner|-husband|"
    r"-wife|-boyfriend|-girlfriend)?|landlord|school|in-laws|mother-in-law|father-in-law)",
    r"(?:his|her|their) (?:house|flat|address)", r"(?:my )?(?:old|previous) address", r"the school gates",
    r"the whole (?:waiting room|queue|ward|bay|street|road|village|estate|town)", r"half the (?:road|street|village|estate|town)",
    r"everyone (?:in|on) the (?:waiting room|queue|ward|bay)",
    r"(?:our|my|the|his|her) (?:church|mosque|temple|synagogue|gurdwara|prayer group|congregation)",
    r"(?:his|her|my) (?:head ?teacher|teacher|school|hr|human resources)", r"where i work", r"(?:our|the|my) home (?:landline|phone)",
    r"the old (?:flat|house|address)",
])
_TOLD_OR_SENT = any_of([
    r"told", r"tells", r"mentioned", r"discussed", r"read out", r"sent", r"posted", r"went to", r"emailed", r"faxed",
    r"rang", r"phoned", r"called out", r"shouted", r"yelled", r"quoting", r"opened", r"texted", r"had told",
])
_SAID_ALOUD = any_of([
    r"repeated (?:it )?back", r"loud enough (?:that|for)", r"the curtains? (?:wide )?open",
    r"yelled", r"shouted", r"called out", r"announced", r"read out", r"across the (?:queue|waiting room|counter|pharmacy)",
    r"for everyone to hear", r"in front of (?:everyone|the whole|a full|the queue)",
])
_POSTED_ONLINE = any_of([
    r"instagram", r"facebook", r"tiktok", r"snapchat", r"twitter", r"whatsapp group", r"(?:her|his|their) story",
    r"selfie", r"posted (?:a |it |them )?(?:photo|picture|video)s?",
])
_SHOWN = any_of([
    r"clearly visible", r"visible (?:behind|in the background)", r"(?:my|his|her) (?:nan|gran|grandma|grandad|grandpa|mum|mom|dad|"
    r"son|daughter|baby|husband|wife) (?:was )?(?:clearly )?(?:visible|in the background|behind (?:her|him))",
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
    r"sending (?:\w+ ){0,4}to",
])


RISK_CONCEPTS_EN: dict[str, list[str]] = {
    "privacy_breach": [
        *near(_TOLD_OR_SENT + r" (?:\w+ ){0,4}(?:to )?" + _OUTSIDER, _HEALTH_INFO, 100),
        *near(_SAID_ALOUD, _HEALTH_INFO, 60),
        *near(_HEALTH_INFO, r"(?:my|his|her) (?:boss|manager|colleague|neighbour|neighbor) (?:was )?(?:standing|sat|sitting|"
              r"right) (?:behind|next to|beside)", 120),
        *near(_POSTED_ONLINE, _SHOWN, 120),
        # Sent to someone the writer has already named ("still texted HIM my smear results").
        r"\b(?:texted|emailed|sent|posted|gave|showed|read out to) (?:him|her|them|my ex) (?:all )?(?:my|the) (?:\w+ )?"
        r"(?:results?|diagnosis|smear|scan|biopsy|notes|records|letter|medication|prescription)\b",
        # A record opened without a reason, and passed on.
        *near(r"(?:opened|looked (?:at|up|through)|went into|accessed|read|pulled up) (?:my|his|her|their|our) (?:\w+ )?"
              r"(?:records?|notes|file|chart)", r"passed (?:it )?on|told|gossip\w*|no reason|messag\w+|spread", 120),
        # Papers left where anyone passes.
        r"\b(?:handover sheets?|patient lists?|patient notes|medical notes|notes|records|files|printouts?)\b (?:\w+ ){0,4}"
        r"(?:on a bench|(?:behind|under) (?:a|the) bench|in the car park|on the (?:street|pavement|bus|ground)|in (?:a|the) "
        r"(?:bin|skip|bus shelter)|outside the "
        r"(?:main )?entrance|left (?:lying )?(?:around|about))\b",
        # Everyone's email addresses in one message.
        r"\b(?:every|all the|other) (?:patients?'?s?|people'?s?) (?:email )?addresses?\b[^.!?]{0,60}\b(?:visible|in the "
        r"['\"‘“]?to['\"’”]? box|cc'?d|copied in|reply all)\b|\breply[- ]all\b[^.!?]{0,80}\b(?:readings|results|diagnos\w+)\b",
        # Told not to share, and shared: "his father is not to be given any information".
        then(r"(?:is|was|are|were) not to be (?:given|told)|no information (?:is |was )?to be (?:given|shared)|"
             r"(?:said|asked|stated) (?:very clearly |in writing |clearly )?(?:that )?(?:he|she|they|nobody|no one) "
             r"(?:is|was|are|were|should) not (?:be )?(?:told|given)", r"told (?:him|her|them)|gave (?:him|her|them)|"
             r"passed (?:it )?on|shared", 300),
        # Someone else's papers received.
        r"\b(?:letters?|results?|paperwork|notes|records|pdf|documents?|discharge (?:paperwork|letter|summary)) (?:\w+ ){0,6}"
        r"(?:for|belonging to|belongs to|of) (?:someone else|somebody else|another (?:patient|person|woman|man|lady)|"
        r"a different (?:woman|man|person|patient|lady))\b",
        # Sent where it should not go: an old number or address, a landline, a workplace, a school.
        *near(r"(?:letters?|voicemail|message|texts?|reminders?|emails?|copy|results?|fax|records|notes|paperwork)\b"
              r"[^.!?]{0,60}\b(?:went|sent|faxed|emailed|mailed|left|delivered|posted|forwarded|given)",
              r"a number i (?:stopped|no longer|don'?t)|(?:my|an|the) (?:old|previous|former) (?:number|mobile|phone|address|"
              r"flat|house|email|employer|work|boss)|(?:our|the|my) home (?:landline|phone)|landline|where i work|(?:his|her|my) "
              r"(?:head ?teacher|teacher|school|employer|hr|work)", 120),
        r"\b(?:faxed|emailed|sent|posted|forwarded) [^.!?]{0,80}\bto [^.!?]{0,40}\b(?:where i work|my (?:work|workplace|"
        r"employer|boss)|(?:his|her) (?:school|head ?teacher))\b",
        # Told to a community the patient belongs to; someone at home told.
        *near(r"(?:our|my|the) (?:church|mosque|temple|synagogue|gurdwara|prayer group|congregation)", _HEALTH_INFO, 100),
        # A parent or an employer called or written to about it (not a husband "given a diagnosis" with the patient).
        *near(r"(?:mum|mom|dad|parents|boss|employer|manager) (?:got|received|was sent|picked up|played back) (?:a |the )?"
              r"(?:call|phone call|letter|text|message|voicemail|email)", _HEALTH_INFO, 100),
        # Looked up without a reason: "she must have looked me up", "knew before I'd told a soul".
        r"\b(?:must have|had|has) looked (?:me|him|her|us|my \w+) up\b",
        r"\bbefore i'?d (?:even )?told (?:a soul|anyone|anybody|my (?:own )?\w+)\b",
        # Said to the whole queue; a screen the whole waiting room could read.
        # (Not "called me a junkie in front of the whole waiting room": an insult, not a disclosure.)
        r"\b(?:repeated|read out|announced|called out|shouted out|discussed|talked (?:through|about)) [^.!?]{0,120}\b(?:to|in "
        r"front of|across) the whole "
        r"(?:queue|waiting (?:room|area)|ward|bay|reception)\b",
        r"\b(?:screen|computer|monitor|list|board|whiteboard)\b[^.!?]{0,60}\b(?:could (?:read|see)|visible to|facing|turned "
        r"(?:towards|to face|so)) (?:\w+ ){0,3}(?:the whole|everyone|anyone|everybody|the waiting (?:room|area)|the public)\b",
        # Filmed or photographed without asking.
        *near(r"filmed|recorded (?:me|my|him|her)|took (?:a |some )?(?:photos?|pictures?|videos?) of",
              r"(?:nobody|no one|no-one) asked|without (?:asking|consent|permission|my permission)|(?:her|his|their) own phone|"
              r"didn'?t ask", 100),
        # Someone claiming a right to know, and told.
        then(r"claiming (?:to be |he was |she was |they were )?(?:still )?(?:my|his|her|their)|pretending to be",
             r"told (?:him|her|them)|gave (?:him|her|them)", 200),
        r"\b(?:letter|results?|appointment letter|discharge summary) (?:\w+ ){0,6}(?:still )?went to (?:his|her|their|my ex'?s?|"
        r"the wrong (?:person|patient|address|house|family|email)|my old|my previous|the old)\b",
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
    # A crisis years ago, told in thanks; not when the sentence says it is back ("again", "still", "now").
    "self_harm": [
        r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|many|a few) years ago\b(?![^.!?]*\b(?:again|still|now|"
        r"recently|this week|last week)\b)[^.!?]{0,100}",
        r"(?<=\d )\byears ago\b(?![^.!?]*\b(?:again|still|now|recently|this week|last week)\b)[^.!?]{0,100}",
    ],
    "privacy_breach": [
        # (Not when the sentence goes on "but ...": the side room's door left open.)
        r"\b(?:so (?:that )?(?:nobody|no one|no-one) (?:else )?could (?:hear|see|overhear)|(?:lowered|kept) (?:her|his|their) "
        r"voices?|took (?:me|us) (?:in)?to (?:a|the) (?:side|quiet|private) room)\b(?![^.!?]{0,80}\bbut\b)[^.!?]{0,80}",
        r"\b(?:nobody|no one|no-one|never) (?:said|mentioned|discussed|talked about|read out) (?:anything |a word )?(?:about )?"
        r"(?:my|his|her|their) (?:condition|diagnosis|results|illness|operation) (?:in front of|out loud|aloud)\b",
        # Feared and avoided ("worried about being overheard, but the nurse took me into a side room"); a telly.
        r"\b(?:worried|scared|afraid|nervous|concerned|anxious) (?:about|of) (?:being )?(?:overheard|heard)\b",
        r"\b(?:telly|tv|television|radio|music|snoring|phone calls?)\b[^.!?]{0,60}\beveryone could hear\b",
    ],
    "legal_threat": [
        r"\bcqc (?:rated|rating|gave|inspection rated)\b[^.!?]{0,40}\b(?:outstanding|good)\b",
    ],
    "patient_safety": [
        # A benign answer, a typing error, a name spelt wrong.
        r"\bturned out (?:to be )?(?:just |only )?(?:a |an )?(?:bad |nasty |minor |mild )?(?:sprain|bruise|strain|virus|cold|"
        r"nothing|fine|ok|okay|eczema|gastritis|indigestion|wind)\b",
        r"\b(?:typing|typo|typographical|clerical|admin|administrative|printing|spelling) errors?\b"
        r"|\b(?:spelt|spelled|misspelt|misspelled|got) (?:my|his|her|the) (?:sur)?name wrong\b",
        # The fall and the injury it caused, not what the care did after.
        r"\b(?:slipped|fell|tripped|collapsed) (?:\w+ ){0,3}(?:on (?:the )?ice|in the (?:high )?street|in the garden|in the park|"
        r"at home|outside my (?:front )?door|on the pavement|playing)\b(?:[^.!?]{0,40}\b(?:broke|broken|fractur\w*|hurt|"
        r"injur\w*|cut|hit|banged|sprain\w*)\b[^.!?]{0,25})?",
    ],
}
