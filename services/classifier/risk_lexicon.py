"""Risk-flag patterns: what raises patient_safety, legal_threat, privacy_breach,
discrimination_abuse and self_harm, what vetoes a match, and the broader second tier.

Plain data (raw regex strings, matched against `lexicon.prepare`d text by
`lexicon.scan`). Written for recall: a flag that fires needlessly costs a reviewer a
minute, a missed one can cost a patient. The first list is here; the families written
after it, each after a set of examples in tests/fixtures/classifier (EVALUATION.md, "Risk
flags"), are in risk_families.py (English) and risk_families_es.py (Spanish).
"""
from __future__ import annotations

from careloop.core.taxonomy import RISK_FLAG_CODES

from .risk_concepts_en import RISK_VETO_CONCEPTS_EN
from .risk_concepts_es import RISK_VETO_CONCEPTS_ES
from .risk_families import FAMILIES

# Reduced fetal movements not assessed: sent home, told to drink or lie down, "babies
# sleep more", not checked (RISK_PATTERNS, patient_safety).
_ADVICE_INSTEAD_OF_CHECK = r"(?:drink|lie|go home|wait|come back|have a (?:cold |sugary |sweet )?drink|eat something)"
_MOVEMENTS_DISMISSED = (rf"sent (?:me|us|her) home|told (?:me|us|her) to {_ADVICE_INSTEAD_OF_CHECK}|(?:was|were) told to "
                        rf"{_ADVICE_INSTEAD_OF_CHECK}|said (?:it was|it'?s|that'?s|babies|baby was) (?:normal|fine|"
                        r"sleep\w*|ok)|(?:not|never|wasn'?t|weren'?t) (?:checked|monitored|scanned|seen|assessed)")

# Each flag: patterns that raise it, and optional patterns that veto a match when they
# cover the same span (e.g. "substance abuse" is a service name, not abuse by staff).
RISK_PATTERNS: dict[str, list[str]] = {
    "self_harm": [
        r"\bsuicid\w*",
        r"\bkill(?:ing|ed)? (?:my ?self|herself|himself|themselves)\b",
        r"\bend(?:ing|ed)? (?:my|his|her|their) (?:own )?li(?:fe|ves)\b",
        r"\btak(?:e|ing|en) (?:my|his|her|their) (?:own )?li(?:fe|ves)\b",
        r"\bend (?:it|things) all\b",
        r"\bself[- ]?harm\w*",
        r"\b(?:harm|hurt|cut|cutting|injure|injuring|harming|hurting) (?:my ?self|herself|himself|themselves)\b",
        r"\bdon'?t want to (?:be here|live|go on|wake up)\b",
        r"\bdo not want to (?:be here|live|go on|wake up)\b",
        r"\b(?:want(?:ed)?|wanting) to die\b",
        r"\bwish(?:ed)? i (?:was|were) dead\b",
        r"\bbetter off dead\b",
        r"\b(?:no|nothing to) (?:reason|point) (?:to|in) (?:live|living|go on|going on)\b",
        r"\blife (?:is|was|isn'?t|wasn'?t) (?:not )?worth living\b",
        r"\bnot worth living\b",
        r"\b(?:hang|hanging|hanged) (?:my ?self|herself|himself)\b",
        r"\bjump(?:ing)? (?:off|in front of)\b",
        r"\b(?:took|take|taking|taken) an overdose\b",
        r"\boverdos(?:e|ed)\b",
        r"\bcan'?t (?:go on|cope any ?more|take (?:it|this) any ?more)\b",
        r"\bgive up on life\b",
        r"\bharm to (?:my ?self|herself|himself)\b",
        r"\bthoughts? of (?:dying|death|ending)\b",
        r"\bdark thoughts\b",
        r"\bin crisis\b",
        r"\b(?:want|wants|wanted|wanting) to die\b",
        # Not "you can go on a voluntary basis", nor an age band "jumping from 0-5 years"
        # (labelled real NHS sample).
        r"\bcan go on\b(?! (?:a|an|the|your|my|his|her|their|to|with|holiday|holidays|trips?|outings?|walks?|"
        r"courses?|the ward|leave|your own|their own)\b)|\bcarry on (?:living|like this)\b",
        r"\bjump(?:ed|ing|s)? (?:off|in front of|from)\b(?! (?:\d|one|zero|a (?:year|month|week)|(?:the )?(?:age|ages)\b))",
        r"\bligature\w*",
        r"\bpoint (?:in|of) (?:living|life|going on|being alive)\b",
        # Spanish
        r"\bsuicid\w*",
        r"\bquitarme la vida\b",
        r"\bmatarme\b",
        r"\bhacerme da(?:ñ|n)o\b",
        r"\bautolesi\w*",
        r"\bno quiero vivir\b",
        r"\bquiero morir(?:me)?\b",
    ],
    "patient_safety": [
        r"\bwrong (?:medication|medicine|drug|dose|dosage|tablets?|injection|patient|leg|arm|side|blood|prescription)\b",
        # Reduced fetal movements sent home unchecked, or told "babies sleep more" or to
        # have a cold drink: a warning sign that must be assessed, and a complaint written
        # as thanks ("Lovely staff though") still carries it. No NHS comment has these words.
        rf"\breduced (?:fetal |foetal |baby'?s? )?movements?\b[^!?]{{0,120}}?\b(?:{_MOVEMENTS_DISMISSED}|"
        r"no (?:ctg|monitoring|trace|scan))",
        rf"\bbaby (?:had ?n'?t|had not|hasn'?t|has not|wasn'?t|was not|had stopped|has stopped|stopped) (?:been )?"
        rf"mov(?:ed|ing)\b[^!?]{{0,120}}?\b(?:{_MOVEMENTS_DISMISSED})",
        r"\b(?:medication|medicine|drug|dosing|prescribing|prescription) (?:error|mistake|mix[- ]?up)s?\b",
        r"\b(?:given|gave|giving) (?:me |him |her |them |my \w+ )?(?:the )?(?:wrong|double|twice the)\b",
        r"\bmissed (?:dose|doses|medication|diagnosis|fracture|a fracture|the fracture|cancer|sepsis|signs?)\b",
        r"\bmis-?diagnos\w*",
        r"\b(?:delayed|late|wrong) diagnos\w*",
        r"\bnearly (?:died|killed|lost (?:him|her|my|them))\b",
        r"\b(?:could|might) have (?:died|killed)\b",
        r"\balmost (?:died|killed|lost (?:him|her|my|them))\b",
        r"\b(?:he|she|they|mum|dad|mother|father|husband|wife|son|daughter|baby|patient) (?:later |then |sadly )?died\b",
        r"\bunsafe\b",
        r"\bdangerous(?:ly)?\b",
        r"\bneglect\w*",
        r"\b(?:fell|fall|fallen|falls) (?:out of|from|off|over|on the|in the)\b",
        r"\bhad a fall\b",
        r"\bleft (?:lying )?on the floor\b",
        r"\b(?:pressure|bed) ?(?:sore|ulcer)s?\b",
        r"\bsepsis\b|\bseptic\b",
        r"\bdehydrat\w*",
        r"\bmalnourish\w*|\bstarv(?:ed|ing)\b",
        r"\bleft (?:in|lying in|sitting in) (?:soiled|wet|dirty|(?:my|his|her|their) own (?:urine|faeces|feces|mess|wee|poo))\b",
        r"\b(?:call bell|buzzer|alarm)s? (?:was |were )?(?:ignored|not answered|out of reach)\b",
        r"\bignored (?:the |my |his |her )?(?:call bell|buzzer|alarm)\b",
        r"\bnot (?:been )?(?:checked|monitored|observed) (?:on )?for (?:hours|\d+|the whole|the entire)\b",
        r"\bno ?one (?:checked|came|monitored)\b",
        r"\bnobody (?:checked|came|monitored)\b",
        r"\ballerg\w* (?:was |were )?(?:ignored|not (?:checked|noted|recorded))\b",
        r"\bdespite (?:my |his |her |the )?(?:known )?allerg\w*",
        r"\b(?:allergic|anaphylactic) (?:reaction|shock)\b",
        r"\boverdos(?:e|ed)\b",
        r"\bunsafe discharge\b",
        r"\bdischarged (?:too early|too soon|prematurely|while still|when (?:he|she|i) (?:was|could)|unsafely|with no)\b",
        # "Discharged far too early", "don't discharge too early" (labelled real sample).
        r"\bdischarg(?:ed|e|ing) (?:(?:me|him|her|them|us|patients|people|my \w+) )?(?:far |way |much )?"
        r"(?:too early|too soon|prematurely)\b",
        r"\bsent (?:me |him |her |them )?home (?:too early|too soon|while still|with a (?:broken|fractured))\b",
        # Retained objects (a never event); words that are only surgical here, the rest need "inside" (below).
        r"\b(?:left|retained) (?:a |the |an )?(?:swab|needle|instrument|clamp|forceps|guide ?wire|retractor|drill bit)s?\b",
        r"\bhospital[- ]acquired\b|\bcaught (?:an )?infection\b|\bmrsa\b|\bcdiff\b|\bc\.? ?diff\b|\bclostridium\b",
        r"\bchok(?:ed|ing)\b",
        r"\bcollapsed\b",
        r"\bsafeguarding\b",
        r"\bnot safe\b|\bdidn'?t feel safe\b|\bdid not feel safe\b|\bfelt unsafe\b",
        r"\bnever (?:examined|assessed|checked)\b",
        r"\b(?:blood|sugar|insulin|oxygen|obs|observations) (?:levels? )?(?:were |was )?(?:not|never) (?:checked|taken|given|monitored)\b",
        r"\bnot (?:given|had) (?:any |my |his |her )?(?:insulin|oxygen|antibiotics|medication|pain ?relief|fluids|food or water)\b",
        r"\bwithout (?:food|water|fluids|medication|pain ?relief) for\b",
        r"\bleft (?:alone |unattended )?for (?:hours|\d+ hours)\b",
        r"\bunattended\b",
        r"\bserious (?:incident|error|mistake)\b",
        r"\bmistakes? (?:was|were) made\b",
        r"\bwrongly (?:given|prescribed|discharged|diagnosed)\b",
        r"\bsurgical (?:error|mistake)\b|\bbotched\b",
        r"\bnear miss\b",
        r"\bnever event\b",
        r"\b(?:double|extra|twice the|too much|too high a|wrong strength of) (?:a |the )?(?:dose|dosage|medication|insulin|morphine|amount)\b",
        r"\bdouble dos\w*",
        # Written so that each can be gated on a word ("twice", "times"): a pattern that
        # opens with any word or number is searched through every comment.
        r"\b(?:twice|three times|four times|five times|several times) in (?:an? |one |two |\d+ )?(?:hours?|day|night)\b",
        r"(?<=\d )\btimes in (?:an? |one |two |\d+ )?(?:hours?|day|night)\b",
        r"\bmissed (?:his |her |my |the |a |their )?(?:fracture|break|diagnosis|cancer|sepsis|infection|stroke|heart attack|bleed|tumou?r|appendicitis|signs?|symptoms?)\b",
        r"\b(?:ignored|overlooked|missed|disregarded) (?:my |his |her |their |the )?allerg\w*",
        r"\bhad (?:a|an) (?:severe |bad |serious )?reaction\b",
        r"\bwrong (?:knee|hip|eye|foot|hand|kidney|site|strength|medicine|baby|limb)\b",
        r"\b(?:swab|needle|instrument|clip|drain|clamp|sponge|gauze|forceps|guide ?wire|drill bit)s? (?:was |were |had been )?"
        r"left (?:inside|in)\b|\bleft (?:a |the |an )?(?:sponge|gauze|pack|scissors|piece of \w+) (?:inside|in) "
        r"(?:me|him|her|them|my|his|her|their)\b",
        r"\b(?:someone|somebody) else'?s (?:tablets|medication|medicine|prescription|blood|results)\b",
        r"\banother patient'?s (?:tablets|medication|medicine|prescription|blood)\b(?! (?:results|test results|forms?))",
        # "fit" as a seizure, not a fit note ("I wasn't given a fit note before I left"),
        # fit and well, or fitting something ("authorised them to fit foam to the doors").
        r"\b(?:seizure|stroke|heart attack|cardiac arrest|haemorrhag\w*|hemorrhag\w*|"
        r"fit(?! notes?\b| for work\b| and (?:well|healthy)\b)(?<!to fit)(?<!medically fit))\b[^.!?]{0,80}"
        r"\b(?:hours?|no ?one|nobody|didn'?t|did not|wasn'?t|not|never|ignored|left|waited|delay\w*)\b",
        r"\b(?:badly |became |got |was |were )infected\b|\binfection (?:after|from|because)\b",
        r"\b(?:drug|medication|medicine|tablets?) interactions?\b|\binteract\w* with (?:his|her|my|the|their|other|another) (?:\w+ )?(?:medication|medicine|drugs?|tablets|treatment)\b|\b(?:just|only just) in time\b|\b(?:nearly|almost) too late\b",
        r"\b(?:recording|prescribing|dispensing|administration|drug|medication|dosing) (?:error|mistake)s?\b",
        r"\b(?:didn'?t|did not|failed to|never|weren'?t|wasn'?t|not) (?:monitor\w*|observ\w*|check\w*|spot\w*|notic\w*|recogni[sz]\w*|escalat\w*) (?:on )?(?:his|her|my|the|their|that)\b",
        r"\bstopped breathing\b|\b(?:went|turned) blue\b|\bcouldn'?t breathe\b|\bcould not breathe\b",
        r"\bhours before (?:a |any )?(?:doctor|nurse|anyone|someone|somebody)\b",
        r"\b(?:born|baby) in distress\b|\bfoetal distress\b|\bfetal distress\b",
        r"\bwander\w* (?:off|out)\b|\babscond\w*",
        # Rolled out of bed or off a trolley, not a programme "rolled out to schools" or
        # dough "rolled out flat" (labelled real NHS sample).
        r"\bbed ?rails?\b|\brolled (?:out|off)\b(?! (?:to|across|nationally|flat|more|further|the (?:dough|pastry|scheme|"
        r"programme|program|service|course)|in (?:\w+ )?(?:schools?|other|every|all)))",
        r"\b(?:medication|medicine|dose|doses|insulin|tablets?|meds|antibiotics) (?:was |were |had been )?(?:missed|not given|forgotten|omitted)\b",
        r"\bdragged\b|\bskin tear\w*|\btearing (?:his|her|my|their) skin\b",
        r"\bfailed to (?:spot|notice|recogni[sz]e|act|escalate|treat|diagnose)\b",
        r"\bdeteriorat\w*",
        r"\bnegligen\w*",
        # Spanish
        r"\bmedicaci(?:ó|o)n (?:equivocada|incorrecta)\b",
        r"\b(?:dosis|medicamento) (?:equivocad[oa]|incorrect[oa])\b",
        r"\bnegligen\w*",
        r"\bcasi (?:muere|muri(?:ó|o)|me muero)\b",
        r"\bpeligros[oa]\b",
        r"\bse cay(?:ó|o)\b|\bme ca(?:í|i)\b|\bca(?:í|i)da\b",
        r"\bdiagn(?:ó|o)stico (?:equivocado|err(?:ó|o)neo|tard(?:í|i)o)\b",
        r"\bno es seguro\b|\binsegur[oa]\b",
        r"\bsin (?:ninguna )?(?:vigilancia|supervisi(?:ó|o)n)\b",
        # Spanish "discharged too early": "me mandaron a casa con fiebre", "le dieron el alta demasiado pronto".
        r"\b(?:mandaron|enviaron|mand(?:ó|o)|envi(?:ó|o)) a casa (?:\w+ ){0,3}(?:con fiebre|sin (?:mirar|revisar|pruebas|hacer))\b",
        r"\b(?:dieron|dio) el alta (?:\w+ ){0,2}(?:demasiado pronto|antes de tiempo|sin (?:mirar|revisar|pruebas|hacer)|con fiebre)\b",
    ],
    "legal_threat": [
        r"\bsolicitors?\b",
        r"\blawyers?\b|\battorneys?\b|\bbarristers?\b",
        r"\blegal (?:action|advice|proceedings|claim|case|route|steps)\b|\b(?:my|our) legal team\b",
        r"\b(?:take|taking|took|go|going|went) (?:this |it |you |them )?(?:to )?(?:court|legal)\b",
        r"\bsu(?:ed|ing)\b",
        r"\b(?:to|will|going to|gonna|could|should|would|might|can|shall|i'?ll|we'?ll|i'?d|we'?d|intend to|"
        r"plan to|want to|consider(?:ing)?|threaten(?:ed|ing)? to) sue\b",
        r"\bsue (?:you|them|him|the (?:trust|hospital|nhs|ward|"
        r"doctor|surgeon|practice|surgery|council|consultant)|for (?:negligence|compensation|damages))\b",
        r"\blaw ?suits?\b|\blitigation\b",
        r"\bnegligence (?:claim|case)\b",
        r"\bclinical negligence\b|\bmedical negligence\b",
        r"\bcompensation\b",
        r"\bombudsman\b",
        r"\b(?:report|reported|reporting|complain|complained|complaining|contact|contacted|contacting) (?:you |this |them |it |the \w+ )?(?:to )?(?:the )?(?:cqc|gmc|nmc|care quality commission|ombudsman|police|my mp|the press|newspapers?)\b",
        r"\b(?:cqc|gmc|nmc)\b",
        # Police as something the writer does or will do, not police who brought a
        # patient in or found one (most NHS mentions: a crisis, a welfare check).
        r"\b(?:call|ring|phone|contact|inform|involve|get) the police\b|\bpolice (?:complaint|report|investigation|"
        r"statement|matter|case|are investigating|have been informed|crime number)\b|\b(?:i|we|i'?ve|we'?ve|i have|"
        r"we have|i will|we will|i'?ll|we'?ll|my family|my \w+) (?:\w+ ){0,2}(?:called|rang|phoned|contacted|informed|"
        r"involved|gone to|went to|been to) the police\b",
        r"\bsee you in court\b",
        r"\bmy rights\b|\bbreach of (?:duty|contract)\b",
        r"\bhear from my\b",
        r"\b(?:local paper|the press|the media|my mp)\b|\b(?:to|tell|contact\w*|inform\w*|write to|wrote to) (?:the |a |my |our )?(?:local )?newspapers?\b",
        r"\bcare quality commission\b",
        r"\b(?:in|to) court\b|\bcourt (?:case|action)\b",
        # Spanish
        r"\babogad[oa]s?\b",
        r"\bdenuncia\w*",
        r"\bdemand(?:a|ar|aré|are|aremos)\b",
        r"\bacciones? legal(?:es)?\b|\bv(?:í|i)a judicial\b|\btribunal(?:es)?\b|\bjuzgado\b",
        r"\breclamaci(?:ó|o)n formal\b",
        r"\bindemnizaci(?:ó|o)n\b",
    ],
    "privacy_breach": [
        r"\bconfidential\w*",
        r"\bdata protection\b|\bgdpr\b|\bdata breach\b",
        r"\bbreach(?:ed)? (?:of )?(?:my |our |his |her )?(?:privacy|confidentiality|data)\b",
        r"\b(?:shared|disclosed|passed on|gave out|gave away|leaked|discussed|revealed|sent|posted|told) (?:my|his|her|our|their|patient'?s?) (?:personal |medical |private |health )?(?:information|info|details|data|records?|notes|results|diagnosis|condition|address|history)\b",
        r"\b(?:my|his|her|our|their|patient) (?:personal |medical |private |health )?(?:information|info|details|data|records?|notes|results|letters?) (?:was |were |had been |have been )?(?:shared|disclosed|sent|left|given|passed|leaked|read out|lost|posted|accessed|seen)\b",
        r"\b(?:sent|posted|addressed) to (?:the )?wrong (?:address|person|patient|house)\b",
        r"\b(?:someone|somebody) else'?s (?:letter|results|notes|records|information|details|prescription)\b",
        r"\banother patient'?s (?:letter|results|notes|records|information|details|prescription)\b",
        r"\b(?:discuss\w*|talk\w*|read|said|say|told|tell|ask\w*|announc\w*|shout\w*|mention\w*|diagnos\w*|results?|condition|status|history|details|name|examined)\b[^.!?]{0,60}\b(?:in front of|within earshot of)\b",
        r"\b(?:overheard|could hear every|loud enough for)\b",
        r"\bwithout (?:my|his|her|our|their) (?:consent|permission|knowledge)\b",
        # (Not "nobody read his notes": that is care, not disclosure.)
        r"(?<!nobody )(?<!no one )(?<!n't )(?<!not )(?<!never )\bread (?:my|his|her|out) (?:notes|details|results|"
        r"diagnosis)\b",
        r"\b(?:notes|records|files|screen) (?:were |was )?left (?:open|lying|out|on)\b",
        r"\bsocial media\b|\bfacebook\b",
        r"\b(?:told|informed|contacted) my (?:employer|boss|work|neighbou?rs?)\b",
        r"\bprivacy (?:was |has been )?(?:breached|violated|invaded|ignored|not respected)\b",
        r"\bno privacy\b|\black of privacy\b|\binvasion of (?:my )?privacy\b",
        r"\b(?:everyone|everybody|others|other patients|people|the whole \w+(?: \w+)?|the bay|the ward) (?:\w+ ){0,3}(?:could|can|would) (?:all )?hear\b",
        r"\b(?:gossip\w*|jok\w*) about (?:my|his|her|their|another patient'?s?|other patients'?|patients'?) (?:\w+ )?(?:diagnosis|condition|results|history|illness|termination|treatment|status|problems|case|notes|details|miscarriage|abortion)\b",
        r"\bgossip\w*",
        r"\b(?:someone|somebody) else'?s (?:\w+ )?(?:letter|results|notes|records|information|details)\b",
        r"\banother patient'?s (?:\w+ )?(?:letter|results|notes|records|information|details|diagnosis)\b",
        r"\b(?:left|leaving) (?:my|his|her|patients?'?|the) (?:notes|records|files?|details|results|letters?) (?:open|lying|out|on|in|unattended)\b",
        r"\b(?:sent|posted|emailed|faxed|given|handed|addressed|delivered) to (?:the )?wrong (?:address|person|patient|house|email|gp|practice|family)\b",
        r"\b(?:handed|given|sent|shown) to (?:another|a different|the wrong) (?:patient|person|family)\b",
        r"\b(?:shouted|called out|announced|read out) (?:my|his|her) (?:full )?(?:name|details|date of birth|address|diagnosis|results|condition)\b",
        r"\bout loud\b",
        r"\bsent (?:my|his|her) (?:\w+ )?(?:report|results|letter|records|notes) to (?:the wrong|my old|an old|someone|another)\b",
        r"\b(?:did not|didn'?t|never) (?:agree|consent)\b"
        r"|\bwithout (?:asking|consent)\b(?! (?:about|how|what|whether|if|for|any|questions)\b)",
        r"\bshould(?: not|n'?t) have (?:said|told|shared|disclosed|mentioned)\b",
        r"\bdisclos\w*",
        # Spanish
        r"\bconfidencial\w*",
        r"\bprotecci(?:ó|o)n de datos\b",
        r"\b(?:compartieron|divulgaron|difundieron) mis datos\b|\bmis datos (?:personales|m(?:é|e)dicos)\b",
        r"\bdelante de (?:todos|otros pacientes|la gente)\b",
        r"\bsin mi (?:consentimiento|permiso)\b",
        r"\bprivacidad\b|\bintimidad\b",
    ],
    "discrimination_abuse": [
        r"\bracis\w*|\bracial\w*",
        r"\bdiscriminat\w*",
        r"\bsexis\w*|\bmisogyn\w*",
        r"\bhomophob\w*|\btransphob\w*|\bislamophob\w*|\bantisemit\w*|\bxenophob\w*",
        r"\bbigot\w*|\bprejudic\w*",
        r"\bbecause (?:of )?(?:my|his|her|their|i am|i'm|he is|she is|he's|she's) (?:\w+ )?(?:race|colou?r|skin|religion|faith|accent|disability|disabled|age|sexuality|gender|weight|ethnicity|nationality|black|asian|muslim|jewish|gay|lesbian|trans|foreign|deaf|blind|autistic|old|a woman|pregnant)\b",
        r"\btreated (?:me |him |her |us |them )?differently\b",
        # Asked whether a patient "even speaks English" (blind set 32; it had rested on the
        # sentiment model).
        r"\b(?:even|actually) (?:speaks?|spoke|understands?|understood) english\b",
        r"\b(?:verbal(?:ly)?|physical(?:ly)?|sexual(?:ly)?|emotional(?:ly)?) (?:abuse|abused|abusive|assault\w*|harass\w*|"
        r"attack\w*|threaten\w*)\b",
        r"\babus(?:ed|ive)\b",
        r"\babuse\b",
        r"\bassault\w*",
        r"\bharass\w*",
        r"\bbull(?:ied|ying|y)\b",
        r"\b(?:hit|slapped|punched|kicked|pushed|shoved|grabbed|manhandled|restrained roughly|pinned down) (?:me|him|her|them|my|us)\b",
        r"\b(?:shouted|screamed|swore|yelled) at (?:me|him|her|them|us|my)\b",
        r"\b(?:swearing|shouting|screaming) at (?:me|him|her|them|us|patients)\b",
        r"\bcalled (?:me|him|her|them|us) (?:a |an )?(?:names|stupid|fat|liar|junkie|idiot|attention seeker|drama queen)\b",
        # "Called all sorts of horrible names", "my life was threatened" (labelled real sample).
        r"\bcalled (?:(?:me|him|her|them|us) )?(?:all )?(?:sorts|kinds|manner) of (?:\w+ )?names\b",
        r"\b(?:my|his|her|their|our) li(?:fe|ves) (?:was|were|being|had been) threatened\b|\bthreatened (?:my|his|her|their|our) li(?:fe|ves)\b",
        r"\bslurs?\b",
        r"\binappropriate(?:ly)? touch\w*|\btouched (?:me|her|him) inappropriately\b",
        r"\bintimidat\w*|\bthreaten(?:ed|ing)? (?:me|him|her|us|them)\b",
        r"\bhumiliat\w*|\bdegrading\b|\bmock(?:ed|ing)\b",
        r"\bbecause of (?:my|his|her|their|where) (?:\w+ ){0,4}(?:race|colou?r|skin|religion|faith|accent|disability|age|sexuality|gender|weight|ethnicity|nationality|background|postcode|live|lives)\b",
        r"\bdrug[- ]seek\w*|\battention[- ]seek\w*",
        r"\b(?:spoke|spoken|talked|treated) (?:to )?(?:me |him |her |them |us )?like (?:a |an )?(?:child|idiot|animal|criminal|dog|piece of)\b",
        r"\brefused to (?:treat|see|help) (?:me|him|her|us|them) because\b",
        # "Said I should go back home" (written sets), not "decided she should go back to
        # Queens" (labelled real sample) or "said I should go back home and rest".
        r"\b(?:said|told|telling) (?:[\w']+ ){0,3}(?:should |to |could )?go back home\b(?! (?:and|to) (?:rest|sleep|bed|recover))",
        r"\bgo back to (?:your|my|his|her|their) (?:own )?country\b|\bgo back to where (?:you|they|he|she|i|we) (?:came|come) from\b",
        r"\b(?:jokes?|joking|joked|laugh\w*|comments?|remarks?) about (?:my|his|her|their) (?:weight|size|body|appearance|race|colou?r|religion|accent|disability|sexuality|age|headscarf|hijab)\b",
        r"\bpeople like (?:me|us|him|her|them)\b",
        r"\brestrain\w* (?:\w+ )?(?:roughly|violently|forcibly|too hard)\b|\broughly (?:restrained|handled|treated)\b",
        r"\bbruis\w* (?:on|all over) (?:his|her|my|their|both)\b",
        # Spanish
        r"\bracis\w*|\bdiscrimin\w*",
        r"\bmaltrat\w*|\babus(?:o|aron|ó|ivo)\b|\bacoso\b|\bacosad[oa]\b",
        r"\b(?:me|le|les|nos|la|lo) (?:grit(?:ó|o|aron)|insult(?:ó|o|aron)|empuj(?:ó|o|aron)|peg(?:ó|o|aron)|humill(?:ó|o|aron)|zarande(?:ó|o|aron))\b",
        r"\b(?:me|le|les|nos|la|lo) llam(?:ó|o|aron) (?:\w+ )?(?:in(?:ú|u)til|idiota|tont[oa]|est(?:ú|u)pid[oa]|viej[oa]|gord[oa]|loc[oa])\b",
        r"\bhumill\w*",
        r"\bpor ser (?:extranjer[oa]|mujer|gitan[oa]|negr[oa]|mayor|inmigrante)\b",
        r"\bse burl(?:ó|o|aron|an)\b",
        r"\bpor (?:su|mi|tu) (?:acento|color|raza|religi(?:ó|o)n|origen|nacionalidad|discapacidad|orientaci(?:ó|o)n)\b",
    ],
}

# Every family joins its flag's patterns, in the order the families were written.
for _family in FAMILIES:
    for _flag, _pats in _family.items():
        RISK_PATTERNS[_flag].extend(_pats)

# Spans that look like a flag but are not one (a match of either tier overlapping one
# is ignored).
_KILLING_LAUGHING = r"\bkilling (?:my|her|him|them|our|your)sel(?:f|ves) laughing\b"
_OVERDOSE_SERVICE = r"\boverdose (?:clinic|awareness|prevention|talk|training|service|team|kit)s?\b"
# An overdose someone took is self-harm; the care that followed is judged on its own
# words (blind set 17: "brought in after an overdose"), except a discharge or a wait
# in the same sentence, which the labelled set files as patient safety too ("She took
# an overdose and was sent home after four hours").
_OVERDOSE_TAKEN = (r"(?:\b(?:took|take|takes|taking|taken|had taken) (?:an? )?(?:deliberate |intentional |massive |big |"
                   r"another |second |third )?overdose\b|\b(?:admitted|brought in|came in|taken in|treated|seen) "
                   r"(?:\w+ ){0,2}(?:after|following|for|with) (?:an? |my |his |her )?(?:deliberate |intentional )?"
                   r"overdose\b|\b(?<!no )(?<!any )(?<!refused )(?<!denied )(?<!without )(?<!little )(?<!poor )"
                   r"(?:care|treatment|support|help) (?:\w+ ){0,2}(?:after|following|for) (?:an? |my |his |her )"
                   r"overdose\b)(?![^.!?]{0,80}\b(?:sent (?:\w+ )?home|discharged|let (?:\w+ )?(?:go|leave|walk)|left "
                   r"(?:alone|unattended|on (?:her|his|my|their) own)|waited|waiting|no one|nobody|ignored)\b)")
# Self-harm as a subject, not a disclosure, for both the self-harm and the patient-safety
# flag ("harm" in "self-harm" is a loose patient-safety word): "activities to reduce
# self-harm", "details of self-harm could be difficult to hear", "helped reduce my
# self-harm" (labelled real NHS sample).
_SELF_HARM_AS_SUBJECT = (r"\b(?:reduce|reducing|reduced|prevent|preventing|details of|content about|awareness of) "
                         r"(?:my |his |her |their )?self[- ]?harm\w*")
# Stories about other people's cases: "a documentary about hospital negligence cases".
_MEDIA_STORIES = (r"\b(?:documentar(?:y|ies)|programmes?|programs?|tv shows?|news (?:stories|story|reports?)|articles?|"
                  r"films?|podcasts?|headlines) (?:about|on) (?:\w+ ){0,3}(?:negligence|malpractice|errors?|mistakes|"
                  r"scandals?|lawsuits?|claims?|cases)\b(?: cases)?")
# Thanks for care after a past attempt: "admitted after an overdose last spring and I
# want to say thank you" (blind set 14). The rest of such a story is still read.
# A recovery said in words ("now I'm doing much better", "still here thanks to them"), not
# just "now I'm ..." or "still here", which complaints use too ("now I'm worse", "I'm still
# here but nobody has called").
_RECOVERED = (r"(?=[^.!?]{0,80}\b(?:(?<!no )(?<!never )(?<!nobody )thank|grateful|now (?:i'?m |i am |i feel |doing |"
              r"feeling )?(?:much |so much |a lot |far |really )?(?:better|well|ok|okay|fine|good|safe|happy|recovered)|"
              r"back at work|doing well|saved my life|sober|clean for|in recovery|into rehab|"
              r"(?:doing|feeling|feel) (?:so |much |so much |a lot |far )?better|on the mend|"
              r"(?:still here|still alive|alive today) (?:thanks to|because of)|(?:i'?m|i am) still (?:here|alive) (?:thanks to|because of))\b)")
_OVERDOSE_THANKS = (r"\b(?:admitted|brought in|came in|taken in|treated|care|treatment|support|help) (?:\w+ ){0,2}(?:after|following|for) (?:an? |my )?"
                    r"(?:overdose|suicide attempt|attempt on my life)\b" + _RECOVERED
                    + r"|\b(?:on|under) suicide watch\b" + _RECOVERED
                    + r"|\b(?:after|since|following) (?:my|his|her|an?) (?:overdose|suicide attempt|attempt on my life)\b"
                    + _RECOVERED)
RISK_VETO: dict[str, str] = {
    "discrimination_abuse": "|".join([
        # Who someone is, then care that was good: "por ser mayor me dieron prioridad",
        # "por ser extranjero me trataron con mucha paciencia".
        r"\bpor ser (?:\w+ ){1,2}(?:me|nos|le|les|lo|la) (?:dieron prioridad|atendieron (?:antes|primero|enseguida|"
        r"r(?:á|a)pido)|trataron (?:con (?:mucha |much(?:í|i)sima )?(?:paciencia|cari(?:ñ|n)o|respeto)|(?:muy )?bien)|"
        r"explicaron|ayudaron|acompa(?:ñ|n)aron)\b",
        # Said not to have happened: "I never felt discriminated against".
        r"\b(?:never|not|didn'?t|did not|at no (?:point|time)(?: did i)?) (?:once |ever )?(?:felt |feel |been |was |were )?"
        r"(?:discriminated|harassed|bullied)(?: against)?\b(?! (?:until|before|like this|so))",
        # Window blinds, not a blind person: "the cord on the blind", "pulled the blinds".
        r"\bblinds? cords?\b|\bcords? (?:on|of|from) the blinds?\b|\b(?:window|roller|venetian|vertical) blinds?\b",
        r"\b(?:pull|pulled|close|closed|shut|open|opened|draw|drew|drawn) (?:the )?blinds\b",
        r"\b(?:substance|drug|drugs|alcohol|opioid|solvent) (?:and (?:alcohol|drug) )?(?:mis)?abuse\b",
        r"\b(?:non[- ]?discriminat|discriminat)\w* (?:between|test)\b",
        # Staff handling someone else's aggression well: "dealt with an aggressive visitor calmly".
        r"(?<!never )(?<!not )(?<!n't )(?<!nobody )(?<!no one )(?<!failed to )\b(?:dealt with|handled|calmed|managed|defused|de-escalated) (?:a |an |the )?(?:\w+ )?"
        r"(?:aggressive|violent|abusive) (?:visitor|patient|relative|man|woman|person)\b",
        r"\b(?:stayed|kept|remained) calm (?:\w+ ){0,3}(?:a |an |the )?(?:\w+ )?(?:visitor|patient|relative|man|woman|"
        r"person) (?:became|got|was|turned) (?:aggressive|violent|abusive)\b",
        _KILLING_LAUGHING,
        # Encouragement in therapy: "the physio pushed me hard but it was what I needed".
        r"\bpushed (?:me|him|her|them|us) (?:(?:hard|harder|further)\b(?=[^.!?]{0,60}\b(?:needed|helped|worth it|paid off|glad|"
        r"grateful|progress|walk\w*|recover\w*|exercis\w*|stronger|limits?)\b)|to (?:walk|do|keep|try|get|be|achieve|improve|"
        r"my limits?|his limits?|her limits?|the limit)\b|(?:just )?the right amount\b)"
        r"(?! (?:against|into|onto|over|down|out|to the (?:floor|ground|wall)))",
        # Written blind sets 28 and 29 (then tuned on): abuse hurled at staff, abuse suffered
        # long before and outside care.
        r"\b(?:screaming|shouting|yelling|hurling|swearing|throwing) (?:\w+ )?abuse at (?:the |a |our |your )?(?:\w+ )?"
        r"(?:nurses?|staff|doctors?|receptionists?|paramedics?|security|porters?|hcas?|healthcare assistants?)\b",
        r"\b(?:went through|been through|suffered|experienced|survived|escaped) (?:\w+ )?(?:domestic |sexual |childhood )?"
        r"abuse\b(?=[^.!?]{0,40}\b(?:years ago|in the past|as a (?:child|teenager)|long ago|before)\b)",
        # "really pushed me and I was on crutches the next day" (written blind set 26).
        r"\b(?:really|gently|always) pushed (?:me|him|her|them|us)\b(?=[^.!?]{0,60}\b(?:walk\w*|crutches|progress|stronger|"
        r"better|needed|helped|recover\w*|exercis\w*|feet|moving|home)\b)",
        # The vetoes below were written from a labelled sample of real NHS feedback (all
        # 408 flagged comments and stories plus 400 unflagged, 2026-11-27; EVALUATION.md, "Risk
        # flags on real feedback"): each is a wording that raised the flag there with
        # no risk in it.
        # Pushed gently, or not at all: "pushed me just enough", "never rushed me or pushed me".
        r"\bpushed (?:me|him|her|them|us) (?:just )?enough\b|\b(?:never|not|didn'?t|did not|wasn'?t|without)"
        r"(?: (?!but\b)\w+){0,4} pushed\b",
        # Said of a disease or a policy, not of staff: "dementia doesn't discriminate",
        # "the Disability Discrimination Act".
        r"\b(?:don'?t|doesn'?t|do not|does not|didn'?t|did not|won'?t|will not|never) discriminat\w*"
        r"|\bdiscrimination act\b|\b(?:anti|non)[- ]?discriminat\w*",
        # Praise and help for "people like me": "a blessing for people like me", "we need
        # more people like her".
        r"\b(?:more|makes?|made|making|for|help|helps|helped|helping|support|supports|supported|need|needs|needed|"
        r"understand|understands|understood) people like (?:me|us|him|her|them|you)\b",
        # Abuse the writer suffered before, as a child, which care is now helping with.
        r"\babus(?:e|ed) (?:\w+ ){0,6}as a (?:child|kid|teenager|young (?:girl|boy|person))\b|\bchildhood (?:\w+ )?abuse\b"
        r"|\b(?:victims?|survivors?) of (?:\w+ ){0,3}abuse\b|\babuse survivors?\b|\bhistory of (?:\w+ ){0,2}abuse\b"
        r"|\bin connection (?:to|with) (?:\w+ )?abuse\b",
        # Aggression towards staff, or staff dealing with it: "an abusive patient who was
        # swearing at staff".
        r"\b(?:abusive|aggressive|violent|obnoxious|drunk) (?:\w+ ){0,2}(?:patients?|visitors?|relatives?|people|person|man|"
        r"woman)\b(?: (?:\w+ ){0,6}(?:to|towards|at) (?:the |your |all )?staff\b)|\b(?:abusive|aggressive|violent|"
        r"swearing|shouting) (?:to|towards|at) (?:the |your |all )?staff\b|\bdealing with (?:an? |the )?(?:\w+ )?"
        r"(?:abusive|aggressive|violent) (?:patient|visitor|relative|person|man|woman)\b",
        # Written blind set 36 (2026-11-28, then tuned on): a domestic-abuse service that
        # helped, discrimination said not to be the point, a wheelchair user's request for
        # a handrail, a patient who hit or swore at a carer, bullying and abuse at school
        # or at home, age said not to have mattered.
        r"\b(?:domestic|sexual) (?:abuse|violence) (?:service|services|team|advocate|worker|support|charity|nurse|lead|"
        r"unit|refuge|helpline)s?\b",
        r"\b(?:not|never|isn'?t|wasn'?t) (?:accusing|alleging|saying|suggesting|claiming) (?:anyone|anybody|them|the staff|"
        r"staff|it was|there was) (?:\w+ ){0,3}(?:of )?(?:discriminat\w*|racis\w*|abus\w*)",
        r"\bwheelchair users?\b[^.!?]{0,80}\b(?:ramps?|handrails?|slopes?|steep|steps?|kerbs?|lifts?|doors?|access|"
        r"parking|toilets?)\b",
        r"\b(?:lashed|lashes|lashing) out at (?:\w+ ){0,5}(?:carers?|nurses?|staff|doctors?|paramedics?|hcas?)\b (?:and )?"
        r"(?:hit|punched|slapped|kicked|scratched|bit) (?:her|him|them)\b",
        r"\bfor (?:swearing|shouting|yelling|being rude|being abusive) at (?:her|him|them|the \w+|staff)\b|\bi (?:swore|was "
        r"swearing|shouted|was shouting|yelled) at (?:her|him|them|the \w+|staff)\b",
        r"\bbullied (?:\w+ ){0,3}(?:at|through|in) (?:school|college|uni|work)\b|\babused by (?:my|her|his|their) "
        r"(?:step\w*|ex|ex-\w+|father|dad|mother|mum|uncle|partner|husband|wife|brother|sister|parents?|family)\b",
        r"\b(?:nobody|no one|never) (?:[\w']+ ){0,8}because of (?:her|his|my|their|your) (?:age|race|religion|disability|"
        r"colou?r|accent|weight|sexuality|gender|dementia|autism)\b",
        r"\btreated (?:\w+ )?like (?:any|every) other (?:patient|person|mum|resident)\b",
        # Places and moments, not people: "ward rounds can be intimidating".
        r"\b(?:can be|could be|a bit|bit|little|slightly|found it|find it|less|more) intimidating\b",
        # Accessibility and awareness, not discrimination: "more disabled places", "deaf
        # awareness training".
        r"\bdisabled (?:parking|places?|spaces?|bays?|toilets?|loos?|access|badges?|facilities|entrance|ramps?|lifts?|"
        r"seating|chairs?)\b|\b(?:deaf|disability|autism|dementia|learning disability) (?:awareness|friendly|training|act)\b"
        r"|\bable and disabled\b",
        # Written blind set 24 (then tuned on): a registered-blind reader's request, the
        # routine question about domestic abuse, "roughly" as "about", a drunk man
        # handled well.
        r"\bregistered (?:blind|deaf|disabled)\b|\bpartially sighted\b",
        r"\b(?:questions?|asked|ask|asking|screening|routine) (?:\w+ ){0,2}about (?:domestic |sexual )?abuse\b",
        r"\broughly (?:how|what|when|where|\d+|a|an|half|the same|two|three|four|five|six|ten|twenty)\b",
        r"(?<!never )(?<!not )(?<!n't )(?<!nobody )(?<!no one )(?<!failed to )\bdealt (?:\w+ )?with (?:a |an |the )?"
        r"(?:\w+ )?(?:drunk|aggressive|violent|abusive) (?:\w+ )?(?:man|woman|"
        r"patient|visitor|relative|person)\b(?: who was (?:shouting|swearing|screaming) (?:abuse )?at (?:everyone|staff|"
        r"the staff|people|us))?",
    ]),
    "patient_safety": "|".join([
        # A fright, not a harm: "casi me muero del susto cuando vi la factura" (es_risk6).
        r"\b(?:casi|por poco) (?:me|se|nos) (?:muero|muere|mor(?:í|i)a|mor(?:í|i)|muri(?:ó|o)) (?:del susto|de (?:la )?risa|"
        r"de (?:la )?verg(?:ü|u)enza|de miedo)\b",
        # A broken machine, lift or barrier is a facilities complaint, not a risk to a
        # patient: "the change machine has been broken for months" (words_blind2.jsonl).
        r"\b(?:machines?|meters?|barriers?|lifts?|tvs?|televisions?|doors?|chairs?|toilets?|heating|showers?|phones?|"
        r"windows?|blinds?|kettles?|microwaves?|fridges?|printers?|screens?|card readers?) (?:\w+ ){0,2}(?:is|was|were|"
        r"are|has been|have been|had been|been) (?:still |always |often )?broken\b",
        # Sepsis recognised and treated in time (written blind set 26): "started him on
        # antibiotics and fluids for sepsis within the hour".
        r"(?<!never )(?<!not )(?<!n't )(?<!nobody )(?<!no one )(?<!failed to )(?<!wasn't )"
        r"\b(?:spotted|caught|recogni[sz]ed|diagnosed|identified|noticed|treated|started (?:him|her|me|them) on|gave (?:him|"
        r"her|me|them)) (?:\w+ ){0,8}(?:for |was |it was )?sepsis\b[^.!?]{0,60}\b(?:within the hour|within an hour|"
        r"straight away|immediately|quickly|in time|early|promptly)\b",
        # Wrong paperwork, not wrong treatment: "the letter gave the wrong clinic address"
        # (risk_flags_blind21.jsonl).
        r"\b(?:given|gave|giving|received) (?:me |him |her |them |us |my \w+ )?(?:the )?wrong (?:clinic |hospital |home |"
        r"postal |email )?(?:address|addresses|date|dates|time|times|day|directions|phone number|postcode|room|building|"
        r"entrance|appointment time)\b",
        # Praise for the safeguarding team: "the safeguarding team were very supportive".
        r"\bsafeguarding (?:team|lead|nurse|officer|service|practitioner)s? (?:\w+ ){0,2}(?:were|was|have been|has been|are|is) "
        r"(?:very |really |so |extremely |incredibly )?(?:supportive|helpful|brilliant|great|excellent|kind|good|amazing|"
        r"fantastic|wonderful)\b",
        # A safeguarding step handled with care: "explained the safeguarding referral so
        # kindly, I never once felt accused" (risk_flags_blind23.jsonl).
        r"\bsafeguarding (?:referral|concern|process|meeting|question|conversation|check)s?(?: [\w']+){0,6} (?:so |very |"
        r"really )?(?:kindly|sensitively|gently|clearly|respectfully|compassionately|tactfully)\b",
        # Said not to have happened: "I never once felt unsafe", "no mistakes were made".
        r"\b(?:never|not|didn'?t|did not|at no (?:point|time)(?: did i)?) (?:once |ever |for a moment )?(?:felt|feel|feeling) "
        r"(?:(?!so |more |as |this |that )\w+ )?(?:unsafe|in danger|neglected)\b(?! (?:until|before|like this|so))|"
        r"\bno (?:mistakes?|errors?) "
        r"(?:were|was) made\b",
        r"\b(?:never|not|wasn'?t|weren'?t|didn'?t|no|nothing) (?:(?!so |more |as |this |that )\w+ )?(?:unsafe|dangerous|"
        r"neglect\w*)\b(?! (?:until|before|like this|so))",
        r"\bno harm (?:was )?done\b|(?<!never )(?<!not )(?<!n't )(?<!nobody )(?<!no one )\bcaught (?:the |my |his |her )?"
        r"(?:\w+ )?infection early\b",
        # Checks done right: "double checked my allergy band before every dose, very reassuring".
        r"(?<!never )(?<!not )(?<!n't )(?<!nobody )(?<!no one )(?<!forgot to )(?<!failed to )"
        r"\b(?:double[- ]?check\w*|(?<!double )(?<!double-)checked|confirmed) (?:\w+ ){0,2}(?:allerg\w*|wristband|band|"
        r"identity|name|dose|doses|"
        r"medication)s?\b(?=[^.!?]{0,60}\b(?<!not )(?<!n't )(?:reassur\w*|safe|thorough|careful)\b)",
        # A danger someone caught in time is praise: "spotted a dangerous interaction".
        # ... and what they caught: "caught a dangerous drug interaction the other doctor missed" (first, so that
        # the whole phrase is what a match of this veto covers).
        r"(?<!nobody )(?<!no one )(?<!never )(?<!not )(?<!n't )\b(?:spotted|caught|noticed|prevented|picked up|flagged|"
        r"averted) (?:a |an |the |that )?(?:\w+ ){0,2}(?:drug |medication |medicine )?(?:interactions?|mix-ups?|"
        r"errors?|mistakes?)(?: (?:\w+ ){0,3}missed)?\b",
        r"(?<!never )(?<!not )(?<!n't )(?<!nobody )(?<!no one )\b(?:spotted|caught|noticed|prevented|picked up|flagged|"
        r"averted) (?:a |an |the )?(?:\w+ )?(?:dangerous|unsafe)\b",
        r"(?<!never )(?<!not )(?<!n't )(?<!nobody )(?<!no one )\b(?:careful|(?<!made )sure|made sure|always|never forgot) (?:to )?"
        r"(?:double[- ])?check\w* (?:\w+ ){0,2}allerg\w*",
        _OVERDOSE_SERVICE,
        # A fall at home or in the street is why someone came, not an incident.
        r"\b(?:had a fall|fell|fallen|tripped|slipped) (?:over |down )?(?:\w+ )?(?:at home|in (?:the|her|his|my|their) "
        r"garden|in the street|in town|at work|in the park|on the ice|in the snow|at the shops|on holiday|down the stairs "
        r"at home)\b(?: and (?:broke|fractured|hurt|cut|banged|bruised) (?:his|her|my|their) \w+)?",
        # An injury at play or sport, written blind set 29: "came off the trampoline and
        # hurt her arm".
        r"\b(?:came|fell|come|coming) off (?:the|a|her|his|my|their) (?:trampoline|bike|bicycle|horse|scooter|skateboard|"
        r"swing|climbing frame|wall)\b(?: and (?:broke|fractured|hurt|cut|banged|bruised) (?:his|her|my|their) \w+)?",
        # What the writer feared, not what happened: "thought I was having a heart attack"
        # (it was reflux; written blind set 28).
        r"\b(?:thought|worried|feared|convinced|sure) (?:\w+ ){0,3}(?:was |were )?having a (?:heart attack|stroke)\b",
        r"\b(?:me ca(?:í|i)|se cay(?:ó|o)|una ca(?:í|i)da|ca(?:í|i)da) (?:\w+ ){0,2}(?:en casa|en la calle|en el trabajo|jugando)\b",
        # Broken amenities, as the second tier's "broken" already leaves out when they
        # follow it: "the car park barrier was broken".
        r"\b(?:barriers?|(?:ticket|pay|parking|vending|coffee) machines?|lifts?|tvs?|televisions?|heating|showers?|"
        r"phones?|wi-?fi|chairs?|(?:phone|booking|appointment) system|system|process) (?:[\w']+ ){0,4}?(?:was|were|is|are|"
        r"had been|has been|have been) (?:\w+ )?(?:broken|out of order)\b",
        # Supplies that are not care: "the ward ran out of pillows" (complaints_blind5.jsonl).
        r"\b(?:ran|run|running) out of (?:clean )?(?:pillows|blankets|sheets|towels|gowns|sandwiches|food|milk|tea|coffee|"
        r"biscuits|cups|chairs|leaflets|forms|paper|toilet (?:roll|paper)|parking|water cups)\b",
        _OVERDOSE_THANKS,
        _OVERDOSE_TAKEN,
        _MEDIA_STORIES,
        # A missed appointment is an access complaint: "the letter came late, so I missed it".
        r"\b(?:appointment|letter)\b[^.!?]{0,60}\bmissed it\b",
        # Self-harm is its own flag: "burns herself with a lighter".
        r"\b(?:burn|burns|burned|burnt|burning|cut|cuts|cutting) (?:my|him|her|them)sel(?:f|ves)\b",
        # Post for someone else is a privacy breach: "a letter meant for another patient".
        r"\b(?:letters?|post|envelopes?|emails?|e-mails?|paperwork) (?:\w+ ){0,2}(?:meant|intended|addressed) for\b",
        # From the labelled sample of real NHS feedback (see discrimination_abuse above).
        # A stroke or seizures as the condition someone lives with, or a team's name:
        # "since I had my stroke in May", "the stroke team", "post-stroke rehab".
        r"\b(?:stroke|seizure|epilepsy) (?:team|unit|ward|services?|nurses?|rehab\w*|club|group|specialists?|consultants?|"
        r"doctors?|physio\w*|association|survivors?|clinic|outreach|pathway|support|recovery)\b|\bpost[- ]?stroke\b"
        r"|\b(?:since|after|following) (?:i |he |she |they |my \w+ |mum |dad )?(?:had |has had |have had )?(?:my|his|her|"
        r"their) (?:\w+ )?stroke\b|\b(?:day|time|week|month|year) of (?:my|his|her|their) stroke\b",
        # Idioms of breath: "I won't hold my breath", "took my breath away".
        r"\b(?:hold|holding|held) (?:my|your|our|his|her) breath\b|\b(?:take|taken|took|takes) (?:my|your|our|his|her) "
        r"breath away\b|\bbreath of fresh air\b|\bbreathing (?:space|exercises?|techniques?|room)\b|\b(?:catch|caught) "
        r"(?:my|his|her|our) breath\b|\bunder (?:my|his|her|their) breath\b",
        # Safeguarding as a duty or a team's name: "for safeguarding reasons", "observations
        # and safeguarding all help".
        r"\bsafeguarding (?:reasons?|rules?|(?:and|&) infection control|training|polic(?:y|ies)|procedures?|in general|"
        r"all help|teams?|leads?|officers?|"
        r"practitioners?|board|hub)\b|\b(?:observations|obs) and safeguarding\b",
        # Feeling neglected by a service, or neglecting to say something: "I feel forgotten
        # and neglected", "neglected to tell us".
        r"\b(?:feel|felt|feels|feeling) (?:so |very |a bit |totally |completely |quite |rather )?(?:forgotten and |"
        r"abandoned and |alone and )?neglected\b|\bneglect(?:ed|s)? to (?:tell|inform|mention|let|send|call|ring|say|"
        r"reply|respond|put)\b",
        # The writer's own slip with their own tablets: "accidentally overdosed on my blood
        # pressure tablets, my own silly mistake".
        r"\baccidentally overdosed on my\b",
        # The writer's own neglect of their health: "the GP said I've been neglecting my asthma".
        r"\b(?:i'?ve|ive|i have|i had|i'd|i was|i am|i'm|im) (?:been )?neglect(?:ing|ed) my(?:self| own| health| \w+)\b",
        # Choking taught, not suffered: "what to do if your baby is choking".
        r"\b(?:if|when) (?:\w+ ){1,4}(?:is|are|starts?) choking\b|\bchoking (?:hazard|first aid)\b",
        _SELF_HARM_AS_SUBJECT,
        # A stroke as why someone needed care: "physical therapy after a stroke".
        r"\b(?:since|after|following) (?:having )?a stroke\b",
        # A term and idioms: "a missed miscarriage", "I missed out", "fell short", "it
        # slipped my mind"; feeling unsafe to speak in a group is not a danger.
        r"\bmissed (?:miscarriage|out|having)\b|\bfell (?:short|through|asleep|apart|behind|pregnant|in love|into place|"
        r"on deaf ears|off the (?:list|radar|waiting list))\b|\bslipped (?:my|his|her|their|our) minds?\b|\bslipped through\b"
        r"|\b(?:felt|feel|feels|feeling) unsafe to (?:talk|speak|share|open up|say|be honest)\b",
        # "Wrong" and "error" as judgements and paperwork, "on the floor" as on duty
        # (labelled real NHS sample): "I had done nothing wrong", "they made me out to be
        # in the wrong!" (not "in the wrong arm"), "the letter was wrong", "an error on the website", "the staff
        # that were on the floor".
        r"\b(?:done|did|doing) nothing wrong\b|\bin the wrong\b(?! \w)|\b(?:my|his|her|our|their) names? wrong\b"
        r"|\b(?:so|totally|completely|just|morally|plain|simply) wrong (?:to|that)\b|\bwhat (?:i|he|she|they) (?:have|has) "
        r"wrong with\b|\b(?:letters?|forms?|leaflets?|website|bills?|invoices?|address|information|paperwork) (?:was|were|is|"
        r"are) wrong\b",
        r"\berrors? (?:on|in) the (?:website|form|letter|leaflet|system|bill|invoice|app)\b",
        # Billing sent astray and a letter naming the wrong place (star_reviews_blind.jsonl):
        # "sent my bill to the wrong insurer", "the letter gave the wrong clinic".
        # Not "the wrong site" (surgery) or "the wrong hospital" (an ambulance's delay).
        r"\bwrong (?:insurer|insurance|insurance company|health plan|billing (?:code|address)|clinic|building|"
        r"department|entrance|car park)\b",
        r"\b(?:staff|nurses|people|team) (?:that|who) (?:were|are|was|is) on the floor\b",
        # Said not to be felt: "I don't really feel unsafe".
        r"\b(?:don'?t|do not|doesn'?t|does not) (?:really |ever |always )?(?:feel|felt) (?:unsafe|in danger|neglected)\b",
    ]),
    "legal_threat": "|".join([
        # Said not to be intended: "I have no intention of suing".
        r"\bno (?:intention|plans?|wish|desire) (?:of|to) (?:su(?:e|ing)|tak(?:e|ing) (?:legal|this) (?:action|further)|"
        r"go(?:ing)? to (?:the )?(?:ombudsman|press|papers|cqc))\b|\b(?:not|never) (?:going|planning|intending) to (?:su(?:e|ing)|"
        r"complain to the ombudsman|go to the (?:ombudsman|press|papers|cqc))\b",
        _MEDIA_STORIES,
        r"\binsurance (?:claims?|company|companies|form|forms)\b|\bclaim (?:on|through|with|from) (?:my |the |our )?"
        r"(?:insurance|insurer|travel insurance)\b",
        r"\bclaim (?:forms?|back)\b(?= (?:for|to) (?:travel|parking|fares|expenses|mileage|costs|benefits))",
        r"\bsu(?:e|ed|ing)\b(?= (?:\w+ )?(?:ryder|me the|for the))",
        r"\bsolicitors?'?s? (?:office|offices|next door|building|firm next door)\b(?! (?:told|said|advised|are|will|have))",
        # A lawyer as someone's job, not the writer's recourse: "my solicitor husband".
        r"\b(?:solicitor|lawyer|barrister) (?:husband|wife|partner|friend|son|daughter|dad|father|mum|mother|brother|"
        r"sister)\b|\b(?:i am|i'm|i was|as|is|was) a (?:retired |trainee )?(?:solicitor|lawyer|barrister)\b",
        r"\bombudsman(?:'s)? (?:leaflets?|posters?|information|details|website|number|contact details)\b",
        # Lawyers for other business, a retired one visiting, praise left with the CQC
        # (risk_flags_blind23.jsonl).
        r"\b(?:immigration|conveyancing|property|divorce|family|employment|visa|housing|probate) (?:lawyer|solicitor|"
        r"attorney)s?\b|\bretired (?:solicitor|lawyer|barrister|attorney|judge)\b",
        r"\b(?:cqc|care quality commission)(?:'s)? (?:'|\")?(?:give feedback|feedback|review)",
        # A lawyer's recommendation of the service: "my solicitor recommended this practice".
        r"\b(?:solicitor|lawyer|barrister|attorney|legal team)s?(?: at work)? (?:had |has )?(?:recommended|suggested) "
        r"(?:this|the|your|you|dr|doctor|him|her)\b(?! (?:\w+ )?(?:complain|claim|sue|take))",
        # A family lawyer who helped with papers (es_risk6, session 15).
        r"\babogad[oa]s? (?:\w+ ){0,4}(?:nos|me|le|les) (?:ayud(?:ó|o|aron)|ayudaba) (?:con|a) (?:los|las|el|la|unos|unas) "
        r"(?:papeles|tr(?:á|a)mites|documentos|documentaci(?:ó|o)n|formularios|seguro)\b",
        r"\babogad[oa]s? (?:\w+ ){0,3}(?:nos|me) (?:recomend(?:ó|o)|aconsej(?:ó|o)) (?:este|esta|el|la) (?:centro|hospital|"
        r"cl(?:í|i)nica|m(?:é|e)dic[oa]|consulta|mutua|especialista|doctora?|fisioterapeuta)\b",
        # "Demanda" as demand, not a lawsuit: "por la alta demanda de pacientes", "una
        # demanda de trabajo" (spanish_risk_blind5.jsonl).
        r"\b(?:alta|mucha|gran|tanta|elevada|poca|creciente) demanda\b|\bdemanda de (?:trabajo|empleo|pacientes|"
        r"atenci(?:ó|o)n|servicios?|citas|camas|personal|consultas)\b|\bpor demanda\b",
        # From the labelled sample of real NHS feedback (see discrimination_abuse above).
        # The regulator named, not written to: "when the CQC visits", "people from the CQC",
        # "the NMC code of conduct".
        r"\b(?:when|whenever|before|if) (?:the )?(?:cqc|inspectors?) (?:come|comes|came|visit|visits|visited|inspect\w*|"
        r"are|is|were|was)\b|\b(?:people|person|inspectors?|someone|visit|inspection|report|rating) (?:from|by|of) the "
        r"cqc\b|\b(?:cqc|nmc|gmc) (?:cod|codes?|standards?|ratings?|reports?|inspections?|visits?|inspectors?|registration|"
        r"website|site|web ?page)\b"
        r"|\brated (?:\w+ ){0,3}by (?:the )?cqc\b"
        r"|\b(?:advocacy|pals), (?:cqc|nmc|gmc)\b",
        # Sue as a name: "thank you to Sue who works in the café".
        r"\bsue (?:who|was|is|and|from|at|on|in|on reception|the (?:nurse|receptionist|manager|volunteer))\b",
        # Court as the writer's own case, with the service helping: "helped me through my
        # time in court"; a power of attorney is paperwork.
        r"\btimes? in court\b|\bcourt (?:and|&) probation\b|\bfamily court\b|\bpower of attorney\b",
        r"\b(?:solicitor|lawyer)s?\b[^.!?]{0,40}\b(?:power of attorney|probate|the will|a will|conveyancing|lpa)\b",
        # "They claim to support ..." is doubt, not a claim for damages.
        r"\b(?:they|he|she|it|you|staff|which|who) claims? (?:to|that)\b",
        # The trust's own complaint investigation: "the person who investigated my complaint".
        r"\binvestigat\w* (?:my|our|the|his|her|this) complaint\b|\bcomplaint (?:was |has been |had been |re-?)?"
        r"investigat\w*|\bfull investigation had\b",
    ]),
    "privacy_breach": "|".join([
        # Data protection as the reason staff would not say something: "data protection gone
        # mad, reception wouldn't tell me if my husband had checked in".
        r"\b(?:data protection|gdpr|confidentiality) (?:gone mad|reasons|rules)\b|\b(?:because of|due to|citing|cited) "
        r"(?:the )?(?:data protection|gdpr|confidentiality)\b",
        # A patient telling staff, not staff telling others: "Patient disclosed on the
        # phone that she has been stockpiling her medication" (but "the nurse disclosed
        # my diagnosis" stays a breach).
        r"\b(?:i|she|he|they|we|patient|pt|caller|client) (?:has |have |had )?disclosed (?:on the phone |over the phone |"
        r"during (?:the |a )?(?:call|assessment|appointment) )?(?:that|to (?:the|a|her|his|my|their) (?:nurse|doctor|gp|team|"
        r"psychiatrist|therapist|worker|call handler|staff))\b",
        # Said not to have happened: "there was no breach of my privacy".
        r"\bno (?:breach|breaches|violation|violations) of (?:my |his |her |our |their |patient )?(?:privacy|confidentiality|"
        r"data|information)\b|\b(?:privacy|confidentiality) was (?:never|not) (?:breached|compromised|an issue)\b",
        # Privacy respected: "respetaron mi intimidad" (not "no respetaron", "nunca cuidaron").
        r"(?<!no )(?<!nunca )(?<!jamás )(?<!jamas )(?<!sin )"
        r"\b(?:respet\w+|cuid\w+|protegi\w+|mantuvieron|preserv\w+) (?:\w+ ){0,5}(?:mi|su|nuestra|la) "
        r"(?:intimidad|privacidad)\b",
        # Confidentiality kept, not breached: "kept my details confidential" (but not
        # "didn't keep", "was not kept", "never kept", "failed to keep", "not very").
        r"(?<!not )(?<!n't )(?<!never )(?<!failed to )(?<!fail to )(?<!unable to )"
        r"\b(?:(?:kept|keep|keeps|keeping|maintained|maintaining) (?:\w+ ){0,5}|(?:complete|completely|total|totally|"
        r"absolute|absolutely|strict|strictly|fully|always|very|so) )confidential\w*\b",
    ]),
    "self_harm": "|".join([
        # Prevention material and screening questions, not a disclosure (risk_flags_blind22.jsonl):
        # "the leaflet about suicide prevention", "the GP asked whether I had thoughts of
        # harming myself, which I appreciated" (but not when the answer was yes).
        r"\bsuicide (?:prevention|awareness|helpline|hotline|charity|training|posters?|leaflets?)\b",
        r"\b(?:asked|asks|asking|checked|check|screened) (?:\w+ ){0,6}(?:whether|if) (?:i|he|she|they) (?:had|have|has|was|"
        r"were) (?:any )?(?:thoughts|plans|feelings) of (?:harming|hurting|killing|ending)\b(?![^.!?]{0,40}\b(?:yes|i do|i did|"
        r"said i had|told (?:them|her|him) i)\b)",
        # Ward safety done right: "checked for ligature points", "anti-ligature fittings".
        r"\banti-?ligature\w*|\bligature[- ]free\b|(?<!never )(?<!not )(?<!n't )(?<!nobody )(?<!no one )(?<!forgot to )"
        r"(?<!failed to )\b(?:checked|checks?|audit\w*|removed|free of|no) (?:for |of )?(?:any |all )?(?:the )?"
        r"ligature points?\b",
        r"\bin crisis\b(?= (?:team|line|service|house|cafe|café|centre|center|unit))",
        r"\b(?:pensaba|pens(?:é|e)|quer(?:í|i)a|hab(?:í|i)a pensado) en quitarme la vida\b"
        r"(?=[^.!?]{0,60}\b(?:hoy|ahora|ya) (?:estoy|me siento) (?:mucho |muy |bastante )?(?:bien|mejor|recuperad[oa]|"
        r"feliz|tranquil[oa])\b)",
        # A past attempt the writer thanks the team for: "intenté quitarme la vida y quiero dar las gracias".
        r"\b(?:intent(?:é|e)|trat(?:é|e) de) quitarme la vida\b(?=[^.!?]{0,80}\b(?:(?:quiero|quer(?:í|i)a) dar las gracias|"
        r"doy las gracias|muchas gracias|gracias a|agradec\w+|(?:hoy|ahora|ya) estoy (?:mucho |muy )?(?:bien|mejor))\b)",
        # Suicidal feelings the writer describes as past: "felt suicidal when I came in, now I
        # feel much better" (a recovery said, not just "now": "felt suicidal and now nobody
        # will see me" is a flag).
        r"\b(?:felt|was feeling|had been feeling|used to feel|years of feeling) suicidal\b"
        r"(?=[^.!?]{0,60}\b(?:thanks to|(?:now|today|finally)[, ]+(?:i'?m |i am |i feel |i'?ve been |i have been |"
        r"feeling |doing |am |i'?m doing |i am doing |i'?m feeling )?(?:much |so much |a lot |far |really )?(?:better|"
        r"well|ok|okay|fine|safe|good|happy|recovered|in recovery|back at work|like a (?:different|new) person|"
        r"like (?:myself|me) again|back to (?:my old )?(?:self|myself)))\b)",
        # An accident with one's own tablets: "accidentally overdosed on my blood pressure tablets".
        r"\baccidental(?:ly)? (?:took (?:an? )?|taken (?:an? )?)?overdos\w*|\boverdos\w* (?:\w+ ){0,6}(?:by accident|"
        r"accidentally|by mistake)\b",
        # A service's name: "the self harm support group", "self-harm team".
        r"\bself[- ]?harm (?:(?:support|awareness|recovery|liaison) )?(?:group|team|service|clinic|nurse|worker|"
        r"practitioner|course|workshop|sessions?|pathway)s?\b",
        r"\bsuicide (?:prevention|awareness|bereavement) (?:training|team|service|strategy|course|charity|line|"
        r"worker|lead|group|session|week|day)s?\b",
        _SELF_HARM_AS_SUBJECT,
        # Said not to be happening now: "I am currently not self-harming".
        r"\b(?:currently not|not currently|no longer|not been|stopped|haven'?t been|have not been) self[- ]?harm\w*",
        # Written blind set 24 (then tuned on): a course on both, pain that made someone
        # "want to die", giving up on a phone queue.
        r"\b(?:suicide|self[- ]?harm) (?:and|&) (?:suicide|self[- ]?harm) (?:prevention |awareness )?(?:training|course|"
        r"workshop|session|group)s?\b",
        r"\b(?:pain|agony|migraines?|headaches?|toothache|cramps?|contractions|kidney stones?|labou?r|itch\w*)\b[^.!?]{0,40}"
        r"\bso (?:bad|severe|intense|painful|excruciating) (?:that )?i (?:wanted|thought i was going) to die\b",
        r"\bgive up (?:and (?:go|went|ring|call)|on (?:the (?:phone|queue|line)|getting|ringing|calling|phoning|trying|"
        r"waiting)|waiting|trying to (?:get|book|call|ring))\b",
        # Written blind set 26: where someone wished to die, not a wish to die: "Dad wanted
        # to die at home".
        r"\b(?:wanted|wants|wish(?:ed|es)?|chose|choice|preference|able) to die (?:at home|in (?:the )?hospice|in (?:his|her|"
        r"their|my) (?:own )?(?:bed|home)|peacefully|with dignity)\b",
        _KILLING_LAUGHING,
        _OVERDOSE_SERVICE,
        _OVERDOSE_THANKS,
    ]),
}

# The concept pairs' vetoes (risk_concepts_es.py, risk_concepts_en.py) join each flag's.
for _vetoes in (RISK_VETO_CONCEPTS_ES, RISK_VETO_CONCEPTS_EN):
    for _flag, _alternatives in _vetoes.items():
        RISK_VETO[_flag] = "|".join([RISK_VETO[_flag], *_alternatives])

# Second tier: broader cues that only count when the comment as a whole is not read as
# positive, that is for complaints and neutral comments (model._finish decides). They trade precision for recall on indirect
# wording ("the drain came out and nobody noticed", "I'm going to the papers").
_INFO = (r"(?:records?|files?|notes|letters?|text message|results|address|hospital number|details|history|"
         r"diagnosis|information|condition|appointment)")
# "Hear" as a whole word: "heart condition" and "hearing appointment" were privacy flags
# (labelled real sample); so were voices heard, and a condition "recognised".
_EXPOSE = (r"(?:heard(?! voices)|hear\b(?! voices)|overheard|curtain open|visitor|recogni[sz]ed (?:me|him|her|us|my)\b|"
           # Not notes nobody read: "never once looked at my notes" (words_blind2.jsonl).
           r"told my (?:friends|family|neighbou?rs?|colleagues|husband|wife|partner|boss)|(?<!never )(?<!once )(?<!n't )"
           r"(?<!not )(?<!barely )(?<!even )looked at|went to my|"
           r"someone else'?s|anyone to (?:read|see)|"
           r"for anyone|without (?:any reason|checking|asking(?! about)|permission)|on the (?:counter|desk)|left (?:on|out|open))")
RISK_BROAD: dict[str, list[str]] = {
    "patient_safety": [
        # Generic words, but not where they are plainly about admin or logistics
        # ("the wrong date on the letter", "nearly missed my bus").
        r"\bwrong\w*(?! (?:date|time|day|department|room|clinic|address|number|phone number|name|way|place|building|"
        r"entrance|floor|appointment|letter|information|details|hospital|ward|queue|desk|bus|car park|form|email|impression|"
        r"meals?|food|order|dinner|lunch|breakfast|sandwich|drink))",
        # Not the writer's own: "complete mistake on my part, I went to the wrong building".
        r"(?<!my )(?<!own )(?<!silly )\bmistakes?\b(?! on my part)", r"\berrors?\b",
        r"\bmissed\b(?<!nearly missed)(?<!almost missed)(?! (?:my |his |her |the |an? |our |their |one |two |another |several )?(?:appointment|bus|train|call|calls|lunch|"
        r"dinner|breakfast|meal|work|slot|flight|lift|transport|connection|letter|phone|text|scan appointment|clinic))", r"\b(?:fell|fallen|tripped|slipped)\b",
        # (The fracture clinic is a place, not an injury.)
        r"\bfractur\w*\b(?! clinics?\b)|\bbroke (?:his|her|my|their)\b", r"\bbleed\w*", r"\bclots?\b", r"\binfect\w*",
        r"\btemperature (?:was|of) \d+|\bfever\b(?! (?:down|came down|went down|settled|broke))", r"\boxygen\b", r"\bdrain\b", r"\ballerg\w*", r"\breaction\b",
        r"\bnil by mouth\b[^.!?]{0,40}\b(?:days|\d\d+ hours|over (?:a|24)|two days|whole day)\b"
        r"|\b(?:despite|ignor\w*|even though|in spite of) (?:\w+ ){0,3}nil by mouth\b|\bnil by mouth (?:sign|notice|board)\b", r"\boverdos\w*", r"(?<!to )(?<!\bi )(?<!\bwe )\bdouble\b(?! (?:rooms?|beds?|parked|yellow|lines?|doors?|glazing|booked|"
        r"booking|charged|shifts?|decker))", r"\b(?:nearly|almost) (?:gave|given|died|lost|killed)\b",
        r"\bconfused\b[^.!?]{0,40}\b(?:alone|home|night)\b", r"\b(?:let|sent) (?:him|her|me|them|my \w+) (?:go )?home\b",
        r"\bharm(?:ed)?\b", r"(?<!minor )\binjur\w*", r"\bresus\w*", r"\bcollaps\w*", r"\bbreath\w*", r"\bheart rate\b",
        r"\bseizures?\b|\bstrokes?\b", r"\b(?:no ?one|nobody|noone|never|not) noticed\b", r"\bran out\b",
        r"\bturned out to be\b", r"\bstill let\b", r"\bdidn'?t read (?:my|his|her|the) notes\b",
        r"\bhead (?:wound|injury)\b|\bburn(?:ed|t|s)\b|\bblisters?\b|\bwound\b|\btransfusion\b",
        r"(?<!in )\bstitches\b",  # not "had me in stitches"
        r"\bintensive care\b|\bicu\b|\bitu\b|\bre-?admitted\b|\bemergency (?:surgery|operation)\b|\b999\b",
        r"\bdvt\b|\bembolism\b|\bheart attack\b|\bbroken\b(?! (?:tv|television|chairs?|lifts?|machines?|toilets?|windows?|doors?|barriers?|meters?|vending|promises?|heating|showers?|phones?|english|down|wrist|arm|leg|ankle|toe|finger|foot|hand|nose|ribs?|collarbone|bone))|\bjaundice\b",
        r"\bforg(?:o|e)t(?:ten)? (?:him|her|me|them|my|his|about)\b|\boverlooked\b|\bdismissed\b",
        r"\b(?:not|never|wasn'?t|weren'?t|hadn'?t|nobody|no ?one) (?:been |had )?(?:checked|monitored|examined|assessed)\b",
        # (Not "a mix-up with my bill": words_blind3.jsonl.)
        r"\bmix(?:ed)?[- ]up\b(?! (?:with|over|on|in) (?:my|the|our|his|her) (?:bill|invoice|parking|booking|"
        r"paperwork|insurance|payment|account))|\bmeant for\b|\bthe (?:man|woman|patient|lady) in the next bed\b",
        r"\blifting equipment\b|\bhoist\b|\bon the floor\b|\bwithout (?:a |any )?(?:meal|food|drink|water)\b",
        r"\bdiabetic\b[^.!?]{0,60}\b(?:without|missed|forgot|no )\b|\bat risk of\b",
        # A procedure or a vulnerable patient left without supervision (blind set 13).
        r"\bunsupervised\b|\b(?:without|with no|no) (?:any |proper |adequate )?supervision\b",
        # Equipment nobody on the ward could work: "the pump kept alarming all night and
        # nobody knew how to fix it" (blind set 33; it had rested on the learned tier).
        r"\b(?:nobody|no one|no-one|none of (?:the|them)(?: staff| nurses)?) (?:seemed to |there )?knew how to (?:fix|use|"
        r"work|operate|set up|stop|reset|silence|change)\b",
        # Emergencies and red-flag symptoms, counted in complaints (blind set 15).
        r"\brapid response\b|\bcode blue\b|\bcalled a code\b|\b(?:vomiting|coughing up|throwing up|spitting) blood\b"
        r"|\b(?:nobody|no one|never|wasn'?t|not) (?:re-?)?triaged\b|\babnormal (?:heart )?rhythm\b",
        r"\b(?:hearing aids?|glasses|dentures|false teeth|walking (?:frame|stick))\b[^.!?]{0,30}\b(?:went missing|were lost|"
        r"was lost|got lost|thrown away|never returned)\b",
        # Written blind set 26 (counted in complaints only): a mental-health patient never
        # seen. ("Asked for pain relief" and "has stopped eating" were tried: on the
        # written sets the first flagged five complaints about rudeness and no risk, the
        # second gave patient safety to a self-harm disclosure.)
        r"\bnever (?:actually )?(?:been )?seen (?:by )?anyone\b",
        # Real near misses (EVALUATION.md, "Risk flags on real feedback"): a patient who missed
        # meals because nobody asked, medicine that caused shaking and sedation.
        r"(?<!not )(?<!never )(?<!n't )\b(?:missed|missing|went without|gone without) (?:(?:his|her|their|the|a|any) )?"
        r"(?:lunch|supper|dinner|"
        r"breakfast|meals?)\b",
        r"\b(?:medication|meds|tablets|drugs?|injections?) (?:\w+ ){0,3}(?:caus\w+|gave (?:me|him|her)|left (?:me|him|her)) "
        r"(?:\w+ ){0,3}(?:shak\w+|tremors?|sedat\w*|seizures?|rash\w*|reactions?|falls?|confus\w*|hallucinat\w*|drows\w*|"
        r"dizz\w*)\b",
        # Left without the medicines a patient needs ("leaving me for a month without an
        # antidepressant", "won't give me access to medication"), counted in complaints.
        r"(?<!manage )(?<!managing )(?<!cope )(?<!coping )(?<!do )(?<!doing )\b(?:without |no access to |"
        r"(?:won'?t|wouldn'?t|refus\w+ to) give (?:me|him|her|them) (?:any |access to )?)(?:an? |any |my |his |her |their )?"
        r"(?:medication|medicines?|meds|antidepressants?|antipsychotics?|insulin|inhalers?|painkillers|pain relief)\b",
        # Spanish (counted, like the rest of this tier, only in complaints and neutral comments).
        r"\b(?:infecci(?:ó|o)n|sangr(?:ado|aba|ó|o)|hemorragia|ca(?:í|i)da|se cay(?:ó|o)|uci|ictus|infarto|sepsis|"
        r"equivoc(?:ó|o|aron|ado|ada)|al(?:é|e)rgic[oa]|alergias?|arritmia|perforad[oa]|demasiado tarde)\b"
        r"|\bsin que nadie (?:la|lo|le|me|nos) (?:mirara|viera|atendiera|revisara)\b",
    ],
    "legal_threat": [
        r"\blegal\w*", r"\bclaims?\b", r"\bno win no fee\b",
        # The press as someone to tell, not "press the buzzer" or the paper trolley.
        r"\bthe (?:local |national )?(?:papers|press|newspapers?)\b|\bjournalists?\b",
        # "the media", not the Spanish "media" (half: "media hora", "media planta").
        r"\b(?:the|social|news|to) media\b",
        # Broadcasters by name; not "the sun" or "the times", which NHS comments use
        # for the weather and the clock (text_data, Care Opinion).
        r"\b(?:bbc|itv|sky news|channel (?:4|four|5|five)|daily mail)\b",
        r"\bmy mp\b|\bmember of parliament\b", r"\b(?:professions?|medical|nursing) council\b", r"\bregulator\b",
        r"\btribunal\b", r"\binvestigat\w*", r"\bchief executive\b", r"\btake (?:this|it|things|the matter) further\b",
        r"\bcopies of everything\b",
        r"\blegal representatives?\b|\baccountable\b|\bcourt of law\b|\bjoint action\b|\bstatements\b",
        r"\bpersonal injury\b|\bclaim against\b|\bsubject access\b|\baction against\b|\binquest\b|\bcoroner\b",
        r"\b(?:abogad[oa]s?|denuncia|juzgado|medios de comunicaci(?:ó|o)n|prensa|defensor del paciente)\b",
        # Taking it all the way, not being left till last ("me dejaron hasta el final").
        r"\b(?:llegar(?:emos|é|e)?|ir(?:emos|é|e)?|llevarlo|llevarla|seguir(?:emos|é|e)?) hasta el final\b",
    ],
    "privacy_breach": [
        rf"\b{_INFO}\b[^.!?]{{0,80}}\b{_EXPOSE}",
        rf"\b{_EXPOSE}[^.!?]{{0,80}}\b{_INFO}\b",
        r"\bwhole (?:ward|bay|room|waiting room|department) (?:heard|could hear|knew)\b",
        r"\bwent to (?:my|his|her) (?:husband|wife|partner|parents?|mum|dad|mother|father)'?s? (?:phone|email|address)\b",
        r"\b(?:in|across) (?:a |the )?(?:full|packed|busy|crowded) (?:waiting room|reception|ward|bay|corridor)\b",
        r"\bknew about my\b|\bbefore my family\b|\bdelivered to (?:his|her|my|the) (?:school|work|employer|neighbou?r)\b",
        r"\bwhatsapp\b|\bgroup chat\b|\bphotos? (?:of me|of my)\b(?![^.!?]{0,60}\b(?:permission|consent)\b)|\bpinned up\b|\bon display\b|\bfor all to see\b",
        r"\b(?:every|each|all the) patients?'?s? names?\b|\b(?:names?|diagnos\w*) (?:was |were )?(?:visible|displayed|on the board)\b",
        r"\bwithout (?:anyone |anybody )?asking me\b",
        r"\b(?:todo el mundo|toda mi familia|todo el pueblo|todo el barrio) (?:se enter(?:ó|o)|sab(?:í|i)a|lo sab(?:í|i)a)\b",
    ],
    "discrimination_abuse": [
        r"\bforeign\w*", r"\benglish (?:was|is) (?:too )?(?:poor|bad)\b|\bspeak properly\b",
        r"\bturban\b|\bhijab\b|\bheadscarf\b|\breligio\w*", r"\bwheelchair users?\b|\bdisab\w*|\bdeaf\b|\bblind\b",
        r"\b(?:dirty|stupid|silly|fat|lazy|mad|crazy) (?:old )?(?:woman|man|cow|git|people)\b",
        # "Called me a liar", "called him names"; not "called me back", "called an
        # ambulance" (labelled real NHS sample: five of five such flags were calls).
        r"\bcalled (?:me|him|her|them|us|my (?!name\b|number\b|surname\b)\w+) (?:(?:a|an) (?!taxi\b|cab\b|ambulance\b|"
        r"doctor\b|nurse\b|porter\b|gp\b|paramedic\b)\w+|names\b|(?:stupid|fat|lazy|difficult|dramatic|pathetic|"
        r"hysterical|demanding|aggressive|rude|disgusting|useless|mad|crazy|liars?)\b)", r"\bfists?\b|\braised (?:his|her|their) (?:hand|fist)\b",
        r"\bmanhandl\w*", r"\bmutter\w*", r"\bwhin\w*", r"\bwaste of (?:a bed|space)\b",
        r"\bfollowed (?:me|him|her|us)\b", r"\blaugh\w* (?:about|at)\b", r"\bsneer\w*",
        r"\bas if (?:i|he|she|they|we)\b[^.!?]{0,40}\b(?:couldn'?t|can'?t|wasn'?t|weren'?t|was stupid|didn'?t exist)\b",
        r"\byou people\b|\bpeople like (?:you|him|her|them|us|me|my)\b|\btoo old\b|\bas an? (?:older|elderly|old|disabled|black|foreign|gay|trans)\b",
        r"\bpinch(?:ed|ing)\b|\bshov(?:ed|ing)\b|\bpush(?:ed|ing) (?:him|her|me|them|my)\b|\bhit (?:his|her|my|their) head\b",
        r"\bmade fun of\b|\bmock(?:ed|ing)\b|\bscold(?:ed|ing)\b|\btold (?:me|him|her) off\b|\bslapp?ed\b|\bsmack(?:ed)?\b",
        r"\bsnapped at\b|\bbelittl\w*|\btreated (?:me |him |her |us |them )?like\b|\broughly\b|\baggressive(?:ly)?\b(?! (?:patients?|drunks?)\b)",
        r"\bstammer\b|\bautis\w*|\bdementia\b[^.!?]{0,60}\b(?:shout|ignor|rough|laugh)\w*",
        # Who someone is, named in a complaint: sexual orientation, gender identity, Gypsy
        # and Traveller communities (blind set 13).
        r"\bgay\b|\blesbian\b|\bbisexual\b|\bhomosexual\w*|\bsexuality\b|\bsexual orientation\b|\btransgender\b"
        r"|\btrans (?:man|woman|person|people|patient|son|daughter|child|teenager)\b|\btravell?ers?\b|\bgypsy\b|\bgypsies\b",
        r"\b(?:told|tell|telling) (?:me|him|her|them|us|my \w+) to (?:stop|quit) (?:being (?:a baby|pathetic|silly|dramatic|"
        r"a drama queen|difficult)|whinging|whining|moaning|making a fuss)\b|\bfrequent flyer\b",
        r"\b(?:racis\w+|discrimin\w+|humill\w+|moratones|(?:mujer|hombre|persona|chica|chico) trans|marroqu(?:í|i)e?s?|"
        r"gitan[oa]s?|inmigrantes?|extranjer[oa]s?)\b|\bustedes siempre\b",
    ],
    "self_harm": [
        r"\b(?:bottle|box|packet|handful) of (?:pills|tablets|paracetamol)\b|\bstockpil\w*",
        r"(?<!in the )(?<!at the )(?<!by the )\bend (?:things|it)\b", r"\bplanning to (?:end|die|go)\b", r"\bscars?\b|\bcuts? (?:on|all over) (?:my|his|her|their) (?:arms?|legs?|wrists?)\b",
        r"\bkeep (?:myself|himself|herself|themselves) safe\b", r"\btr(?:y|ied|ying) to (?:take|end) (?:my|his|her|their)\b",
        r"\b(?:no longer|don'?t|do not) want to (?:live|be alive|carry on)\b", r"\bgoodbye (?:note|letter|message)\b",
        r"\bhopeless\w*|\bworthless\b", r"\bgive up\b",
        r"\bwhat (?:i'?ll|i will|i might|i may|he'?ll|she'?ll|he might|she might) do to (?:myself|himself|herself)\b",
        r"\brather be (?:gone|dead)\b|\bbetter (?:off )?without me\b|\bnot (?:be )?(?:here|around) (?:any ?more|much longer)\b",
        r"\b(?:a|the) plan and the means\b|\bthe means to\b|\b(?:round|around) (?:her|his|my|their) neck\b",
        r"\bhurt(?:ing)? (?:myself|himself|herself)\b|\bthe voices\b|\bgone for good\b|\bno way out\b",
        r"(?<!in the )(?<!at the )(?<!by the )\bend it\b",
        # Spelled out so that it is gated on its first word ("'ve had" would be searched through every text).
        r"\b(?:had|have had|had had|i'?ve had|we'?ve had|he'?s had|she'?s had|they'?ve had) enough of (?:everything|life|"
        r"living|it all|being alive)\b",
        r"\b(?:no (?:quiere|quiero) vivir|no puedo m(?:á|a)s|sin salida|desaparecer|de golpe)\b",
    ],
}

RISK_FLAG_ORDER: tuple[str, ...] = RISK_FLAG_CODES
