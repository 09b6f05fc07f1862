"""Risk-flag patterns: what raises patient_safety, legal_threat, privacy_breach,
discrimination_abuse and self_harm, what vetoes a match, and the broader second tier.

Plain data (raw regex strings, matched against `lexicon.prepare`d text by
`lexicon.scan`). Written for recall: a flag that fires needlessly costs a reviewer a
minute, a missed one can cost a patient. The families after the first dict were each
written after a set of examples in tests/fixtures/classifier (README, "Risk flags").
"""
from __future__ import annotations

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
        r"\bcan go on\b|\bcarry on (?:living|like this)\b",
        r"\bjump(?:ed|ing|s)? (?:off|in front of|from)\b",
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
        r"\banother patient'?s (?:tablets|medication|medicine|prescription|blood)\b",
        r"\b(?:seizure|stroke|heart attack|cardiac arrest|haemorrhag\w*|hemorrhag\w*|fit)\b[^.!?]{0,80}\b(?:hours?|no ?one|nobody|didn'?t|did not|wasn'?t|not|never|ignored|left|waited|delay\w*)\b",
        r"\b(?:badly |became |got |was |were )infected\b|\binfection (?:after|from|because)\b",
        r"\b(?:drug|medication|medicine|tablets?) interactions?\b|\binteract\w* with (?:his|her|my|the|their|other|another) (?:\w+ )?(?:medication|medicine|drugs?|tablets|treatment)\b|\b(?:just|only just) in time\b|\b(?:nearly|almost) too late\b",
        r"\b(?:recording|prescribing|dispensing|administration|drug|medication|dosing) (?:error|mistake)s?\b",
        r"\b(?:didn'?t|did not|failed to|never|weren'?t|wasn'?t|not) (?:monitor\w*|observ\w*|check\w*|spot\w*|notic\w*|recogni[sz]\w*|escalat\w*) (?:on )?(?:his|her|my|the|their|that)\b",
        r"\bstopped breathing\b|\b(?:went|turned) blue\b|\bcouldn'?t breathe\b|\bcould not breathe\b",
        r"\bhours before (?:a |any )?(?:doctor|nurse|anyone|someone|somebody)\b",
        r"\b(?:born|baby) in distress\b|\bfoetal distress\b|\bfetal distress\b",
        r"\bwander\w* (?:off|out)\b|\babscond\w*",
        r"\bbed ?rails?\b|\brolled (?:out|off)\b",
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
        r"\bformal complaint\b",
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
        r"\bread (?:my|his|her|out) (?:notes|details|results|diagnosis)\b",
        r"\b(?:notes|records|files|screen) (?:were |was )?left (?:open|lying|out|on)\b",
        r"\bsocial media\b|\bfacebook\b",
        r"\b(?:told|informed|contacted) my (?:employer|boss|work|neighbou?rs?)\b",
        r"\bprivacy (?:was |has been )?(?:breached|violated|invaded|ignored|not respected)\b",
        r"\bno privacy\b|\black of privacy\b|\binvasion of (?:my )?privacy\b",
        r"\b(?:everyone|everybody|others|other patients|people|the whole \w+(?: \w+)?|the bay|the ward) (?:\w+ ){0,3}(?:could|can|would) (?:all )?hear\b",
        r"\b(?:talk\w*|gossip\w*|chat\w*|discuss\w*|jok\w*) about (?:my|his|her|their|another patient'?s?|other patients'?|patients'?) (?:\w+ )?(?:diagnosis|condition|results|history|illness|termination|treatment|status|problems|case|notes|details|miscarriage|abortion)\b",
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
        r"\b(?:verbal(?:ly)?|physical(?:ly)?|sexual(?:ly)?|emotional(?:ly)?) (?:abuse|abused|abusive|assault\w*|harass\w*)\b",
        r"\babus(?:ed|ive)\b",
        r"\babuse\b",
        r"\bassault\w*",
        r"\bharass\w*",
        r"\bbull(?:ied|ying|y)\b",
        r"\b(?:hit|slapped|punched|kicked|pushed|shoved|grabbed|manhandled|restrained roughly|pinned down) (?:me|him|her|them|my|us)\b",
        r"\b(?:shouted|screamed|swore|yelled) at (?:me|him|her|them|us|my)\b",
        r"\b(?:swearing|shouting|screaming) at (?:me|him|her|them|us|patients)\b",
        r"\bcalled (?:me|him|her|them|us) (?:a |an )?(?:names|stupid|fat|liar|junkie|idiot|attention seeker|drama queen)\b",
        r"\bslurs?\b",
        r"\binappropriate(?:ly)? touch\w*|\btouched (?:me|her|him) inappropriately\b",
        r"\bintimidat\w*|\bthreaten(?:ed|ing)? (?:me|him|her|us|them)\b",
        r"\bhumiliat\w*|\bdegrading\b|\bmock(?:ed|ing)\b",
        r"\bbecause of (?:my|his|her|their|where) (?:\w+ ){0,4}(?:race|colou?r|skin|religion|faith|accent|disability|age|sexuality|gender|weight|ethnicity|nationality|background|postcode|live|lives)\b",
        r"\bdrug[- ]seek\w*|\battention[- ]seek\w*",
        r"\b(?:spoke|spoken|talked|treated) (?:to )?(?:me |him |her |them |us )?like (?:a |an )?(?:child|idiot|animal|criminal|dog|piece of)\b",
        r"\brefused to (?:treat|see|help) (?:me|him|her|us|them) because\b",
        r"\bshould go back (?:home|to)\b|\bgo back to (?:your|my|his|her|their) (?:own )?country\b",
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

# Paraphrase families added after blind set 2 (written from the flag definitions, not
# from any evaluation set): inflections ("took her own life", "harmed myself"),
# passive voice ("was slapped by"), and the common wordings of each risk.
_P = r"(?:my ?self|herself|himself|themselves|themself)"
_WHO = r"(?:me|him|her|them|us|my \w+|his \w+|her \w+)"
_RISK_PATTERNS_EXTRA: dict[str, list[str]] = {
    "self_harm": [
        r"\b(?:took|taken|taking|tried to take|attempted to take) (?:my|his|her|their) (?:own )?li(?:fe|ves)\b",
        r"\b(?:end|ending|ended|finish|finishing) (?:it|things|everything) (?:all|for good)\b",
        r"\b(?:end|ending) it\b(?! (?:there|here|now|early|at that|with))[^.!?]{0,30}\b(?:myself|life|all|anymore|any more)\b",
        rf"\b(?:harm(?:ed|s|ing)?|hurt(?:s|ing)?|cut(?:s|ting)?|burn(?:ed|t|ing)?|injur(?:ed|ing|e)|starv(?:ed|ing|e)|kill(?:ed|ing|s)?|hang(?:ed|ing|s)?|strangl(?:ed|ing|e)|poison(?:ed|ing)?|top(?:ped|ping)?|do(?:ne|ing)? away with) {_P}\b",
        r"\bi (?:really |just |honestly )?(?:don'?t|do not|didn'?t|did not|no longer) (?:really )?want(?:ed)? to be here\b",
        r"\b(?:don'?t|doesn'?t|do not|does not|didn'?t|did not|no longer|not) (?:really )?want(?:ed|s)? to (?:be alive|live|exist|go on living|carry on living|wake up)\b",
        r"\b(?:wish(?:ed)?|hope(?:d)?) (?:i|he|she) (?:was|were|had(?:n'?t| not)?|would(?:n'?t| not)?) (?:dead|gone|never been born|not woken up|not wake up|die|be dead)\b",
        r"\b(?:go to sleep|fall asleep) and (?:never|not) wake up\b",
        r"\b(?:better off|happier|be better) without (?:me|him|her)\b",
        r"\b(?:no|nothing|not much|little) (?:point|reason|purpose) (?:in |to )?(?:living|live|being alive|carrying on|going on|life)\b",
        r"\bwhat'?s the point (?:in|of) (?:living|life|going on|carrying on|being here)\b",
        r"\b(?:suicid\w*|self[- ]?harm\w*|overdos\w*)",
        r"\b(?:attempt(?:ed|s)?|tr(?:y|ied|ying)) (?:on (?:my|his|her) (?:own )?life|to (?:kill|hang|harm|hurt|strangle|poison) (?:my|him|her|them)|to end (?:it|my|his|her|their|things)|to take (?:my|his|her|their) (?:own )?life)",
        r"\b(?:slit|slash(?:ed)?|cut(?:ting)?) (?:my|his|her|their) (?:wrists?|arms?|throat)\b",
        r"\b(?:cutting|self[- ]?injur\w*) (?:again|myself|herself|himself)\b|\bstarted cutting\b|\bbeen cutting\b",
        r"\b(?:step|stepped|walk|walked|throw|threw) (?:my ?self |himself |herself )?(?:in front of|into) (?:a |the )?(?:train|traffic|bus|car|lorry|river|sea)\b",
        r"\b(?:thinking|thought|thoughts|think|planning|plans?) (?:of|about) (?:ending|killing|hurting|harming|taking|dying|death|suicide|not being here)\b",
        r"\b(?:wanted|want|wanting|wants) to (?:die|disappear for good|end (?:it|my life|things))\b",
        r"\b(?:can'?t|cannot|couldn'?t) (?:see )?(?:a |any )?(?:way out|reason to (?:live|go on)|go on (?:like this|any ?more|living))\b",
        r"\b(?:no longer|not) (?:be )?(?:here|around|alive) (?:any ?more|much longer|by (?:the|next))\b",
        r"\b(?:took|swallowed|taken) (?:a |an )?(?:lot of|load of|handful of|whole (?:box|packet|bottle) of|all (?:my|his|her|the)) (?:pills|tablets|paracetamol|medication|meds)\b(?! (?:as |like )?(?:prescribed|directed|instructed|advised|told)\b)",
        r"\bnoose\b|\bsuicide note\b|\bgoodbye (?:note|letter)\b",
    ],
    "patient_safety": [
        r"\b(?:fell|fallen|falling) (?:out of|off|from|over|down) (?:the |his |her |my |a )?(?:bed|chair|trolley|commode|toilet|stretcher|wheelchair|hoist|stairs)\b",
        r"\bfell (?:on|in|at) the (?:ward|bay|unit|hospital|home|corridor|toilet|bathroom|shower)\b|\bfell (?:twice|again|repeatedly|several times)\b",
        r"\b(?:two|three|four|several|multiple|repeated|repeat|another|second|third|numerous|frequent) (?:\w+ )?falls\b|\bfalls? (?:on|in) the (?:ward|unit|home|hospital)\b",
        r"\bfound (?:\w+ )?(?:on the floor|unconscious|unresponsive|collapsed|not breathing|dead)\b|\bunresponsive\b",
        r"\bwrong (?:\w+ )?(?:medication|medicine|drug|dose|dosage|tablets?|pills?|injection|patient|leg|arm|side|blood|prescription|insulin|site|eye|knee|hip|kidney|limb|strength|baby|notes|person)\b",
        r"\b(?:given|gave|giving|received) (?:me |him |her |them |my \w+ )?(?:\w+ )?(?:neighbour'?s|another patient'?s|someone else'?s|somebody else'?s|the next patient'?s|other patient'?s|the wrong)\b",
        r"(?<=\w )\btimes (?:the|his|her|my) (?:\w+ )?(?:dose|dosage|amount|prescribed)\b",
        r"\b(?:overdosed|underdosed|over-?medicated)\b",
        r"\b(?:mis-?read|mis-?labell?ed|mislabel\w*|mis-?prescribed|mis-?identified|mixed up (?:the |my |his |her )?(?:samples?|bloods?|results|notes|medication|tablets|patients|babies))\b",
        r"\b(?:connected|inserted|placed|labell?ed|fitted|administered|put in|sited|set up|prescribed|given) (?:\w+ )?(?:wrongly|incorrectly|in the wrong)\b",
        r"\b(?:fracture|break|sepsis|infection|stroke|cancer|jaundice|diagnosis|bleed|clot|heart attack|appendicitis|meningitis|tumou?r|symptoms|signs|deterioration|condition|pneumonia|blood clot|embolism)s? (?:\w+ )?(?:was|were|had been|got|went) (?:completely |totally )?(?:missed|overlooked|ignored|undiagnosed|unnoticed|not (?:picked up|spotted|noticed|diagnosed|recogni[sz]ed|treated))\b",
        r"\b(?:getting|got|became|grew|was) (?:\w+ )?(?:worse|sicker|more unwell|more poorly|weaker)\b[^.!?]{0,80}\b(?:no ?one|nobody|no (?:doctor|nurse)|ignored|hours|didn'?t|did not|wasn'?t|not)\b",
        r"\bno (?:doctor|nurse|one|medic)s? (?:came|arrived|saw|checked|looked)\b",
        r"\b(?:never|not|wasn'?t|weren'?t) (?:turned|repositioned|moved|fed|given (?:a )?drink)\b[^.!?]{0,40}\b(?:hours|days|night|sore|ulcer|weeks)?",
        r"\b(?:grade \d|category \d) (?:\w+ )?(?:sore|ulcer)\b|\bbedsores?\b",
        r"\b(?:wound|line|cannula|site|stitches|scar|incision|drip) (?:\w+ )?(?:got |became |was |went )?(?:infected|septic|an infection)\b",
        r"\bcaught (?:covid|norovirus|noro|an? infection|a bug|pneumonia|mrsa|c\.? ?diff|e\.? ?coli|flu)\b|\bsuperbug\b|\bnorovirus\b|\be\.? ?coli\b",
        r"\b(?:nearly|almost|very nearly|could have|might have|lucky (?:he|she|i|they)) (?:died|dead|lost (?:his|her|my|their) (?:life|lives|leg|sight|baby)|been killed|killed (?:him|her|me|them))\b|\blucky to be alive\b",
        r"\b(?:even though|despite|although|when) (?:\w+ ){0,5}(?:allergic|allergy|allergies)\b|\ballergy (?:band|bracelet|wristband|label|alert)\b",
        r"\baspirat(?:ed|ing|ion pneumonia)\b|\bchoked on\b",
        r"\b(?:left|lying|waiting|stuck) (?:\w+ ){0,3}(?:for|over) (?:\d+|several|many|twelve|fourteen|\w+teen) hours\b[^.!?]{0,60}\b(?:stroke|heart attack|sepsis|bleed|fracture|broken|chest pain|seizure|unconscious)\b",
        r"\bmissed (?:his|her|my|the|their) (?:\w+ )?(?:deterioration|sepsis|stroke|fracture|bleed|clot|diagnosis)\b",
        r"\b(?:dnr|dnacpr|do not resuscitate)\b[^.!?]{0,60}\b(?:without|never|not)\b",
    ],
    "legal_threat": [
        r"\bsu(?:ed|ing)\b",
        r"\b(?:to|will|going to|gonna|could|should|would|might|can|shall|i'?ll|we'?ll|i'?d|we'?d|intend to|"
        r"plan to|want to|consider(?:ing)?|threaten(?:ed|ing)? to) sue\b",
        r"\bsue (?:you|them|him|the (?:trust|hospital|nhs|ward|"
        r"doctor|surgeon|practice|surgery|council|consultant)|for (?:negligence|compensation|damages))\b",
        r"\b(?:legal|law) (?:action|advice|proceedings|claim|case|route|steps|firm|representation|representative)\b|\blegally\b",
        # A legal team is a threat when it is the writer's, not "the legal team at work".
        r"\b(?:my|our|a) (?:legal|law) (?:team|department)\b",
        r"\b(?:no win no fee|personal injury|small claims|judicial review|litigat\w*|damages)\b",
        r"\b(?:make|making|made|put in|submit\w*|pursu\w*|file|filed|filing|bring\w*|start\w*|lodg\w*) (?:a |an |my |our )?(?:\w+ )?(?:claim|case|lawsuit)\b",
        r"\b(?:report|reported|reporting|refer|referred|referring|escalat\w*|complain\w*|write|wrote|written|go|going|went|take|taking|taken|took) (?:\w+ ){0,3}(?:to )?(?:the )?(?:cqc|gmc|nmc|hcpc|ombudsman|police|regulator|healthwatch|my mp|an mp|papers|press|newspapers?|media)\b",
        r"\b(?:health ?service|phso|parliamentary) ombudsman\b|\bhealth and care professions council\b",
        r"\b(?:instruct\w*|contact\w*|consult\w*|spoke to|speaking to|seen|see|get|got|getting) (?:a |my |our )?(?:\w+ )?(?:solicitors?|lawyers?|legal (?:team|advice|firm))\b",
        r"\b(?:expect|you will|you'll|will be|be) (?:\w+ )?(?:hear(?:ing)? from|contacted by) (?:my|our) (?:solicitor|lawyer|legal)\b",
        r"\b(?:take|taking|took|bring|go) (?:this|it|them|you|the trust|the hospital|the matter) (?:all the way )?(?:to court|to a tribunal|further|legal)\b",
        r"\b(?:seek\w*|claim\w*|want\w*|entitled to) (?:\w+ )?(?:compensation|damages|redress)\b",
    ],
    "privacy_breach": [
        r"\b(?:shared|disclosed|passed on|gave out|gave away|leaked|discussed|revealed|sent|posted|told|mentioned|announced|read out|broadcast|spread) (?:\w+ )?(?:my|his|her|their|patient'?s?) (?:\w+ ){0,2}(?:information|info|details|data|records?|notes|results|diagnosis|condition|address|history|status|pregnancy|termination|miscarriage|illness|medication|problems?)\b",
        r"\b(?:my|his|her|our|their|patient'?s?) (?:\w+ ){0,2}(?:information|info|details|data|records?|notes|results|letters?|diagnosis|file|report) (?:was |were |had been |have been |got )?(?:shared|disclosed|sent|emailed|faxed|left|given|passed|leaked|read out|lost|posted|accessed|seen|viewed|opened|delivered|discussed)\b[^.!?]{0,60}\b(?:wrong|old|another|someone|somebody|without|neighbou?r|ex|employer|everyone|anyone|public|open|opened|read|stranger|other)\b",
        r"\b(?:looked (?:up|at|through|into)|accessed|went into|snoop\w*|nos(?:ed|ing|y) (?:in|through|at)) (?:\w+ )?(?:my|his|her|their) (?:\w+ )?(?:records?|notes|files?|details|information|results|history)\b[^.!?]{0,80}\b(?:without|not involved|no reason|neighbou?r|friend|nosy|nosey|curious|wasn'?t (?:involved|treating)|isn'?t (?:involved|treating)|even though|no business|had no)\b",
        r"\b(?:rang|phoned|called|told|informed|contacted|texted|emailed|wrote to) (?:my |his |her )(?:\w+ ){0,2}(?:with|about|regarding) (?:my|his|her) (?:\w+ )?(?:results|diagnosis|condition|illness|pregnancy|status|treatment|mental health|history)\b",
        r"\b(?:told|informed|contacted|rang|phoned|wrote to|emailed) (?:my|his|her) (?:employer|boss|manager|work|school|neighbou?rs?|landlord|colleagues?|ex)\b",
        r"\bloud(?:ly)?\b[^.!?]{0,60}\b(?:diagnosis|condition|results|problems?|miscarriage|termination|abortion|hiv|std|sti|cancer|mental health|overdose|pregnancy|bowel|bladder)\b",
        r"\b(?:diagnosis|condition|results|problems?|miscarriage|termination|abortion|hiv|cancer|mental health|overdose|pregnancy|bowel|bladder)\b[^.!?]{0,60}\b(?:loud(?:ly)?|whole (?:bay|ward|room|waiting room|corridor)|everyone (?:could|can|heard)|other patients (?:could|heard))\b",
        r"\b(?:whole|entire) (?:bay|ward|room|waiting room|corridor|department|reception)\b[^.!?]{0,60}\b(?:heard|hear|knew|know|listen\w*)\b|\b(?:heard|hear) (?:the |my )?(?:whole|entire)\b",
        r"\b(?:photo|photos|picture|pictures|video|selfie)s? (?:of|with) (?:me|him|her|my|patients?)\b[^.!?]{0,60}\b(?:posted|online|shared|facebook|instagram|tiktok|twitter|social|whatsapp)\b",
        r"\b(?:without|never asked for|didn'?t ask for|no) (?:my|his|her|their) (?:consent|permission|agreement)\b",
        r"\bconfidentiality\b|\bprivacy (?:breach|violation)\b|\b(?:breach\w*|broke|broken|violat\w*) (?:\w+ )?(?:privacy|confidentiality|data protection|gdpr)\b",
        r"\b(?:stapled|attached|enclosed|included|mixed up) (?:\w+ ){0,3}(?:someone|somebody|another patient|other patients?)\b|\b(?:someone|somebody|another patient)(?:'s| else'?s) (?:\w+ )?(?:results|letter|notes|records|details|information|paperwork|discharge)\b",
    ],
    "discrimination_abuse": [
        r"\b(?:was|were|got|been|had been) (?:\w+ )?(?:slapped|punched|kicked|manhandled|assaulted|groped|spat (?:on|at)|sworn at)\b",
        r"\b(?:was|were|got|been|had been) (?:\w+ )?(?:hit|pushed|shoved|grabbed|pinched|struck|dragged|shouted at|screamed at|yelled at|mocked|ridiculed|taunted|bullied|belittled|humiliated|handled|restrained|pulled) (?:\w+ )?by (?:a |an |the |one of the |some |two )?(?:\w+ ){0,2}(?:staff|nurses?|carers?|doctors?|porters?|hcas?|assistants?|members?|consultants?|sister|security|receptionists?|paramedics?|workers?|midwi(?:fe|ves)|physios?|surgeons?|managers?|guards?|man|woman|lady|someone|wrists?|arms?|hair|neck|collar|throat|shoulders?)\b",
        r"\b(?:made|making) fun of\b|\bpoke?d? fun at\b|\bridicul(?:ed|ing|e)\b(?<!not ridiculed)(?<!not get ridiculed)(?<!never ridiculed)(?<!never get ridiculed)(?<!never been ridiculed)|\btaunt(?:ed|ing|s)?\b",
        r"\bmisgender\w*|\bdead ?nam\w*|\b(?:wrong|correct|my|his|her|their) pronouns\b",
        r"\b(?:ageis\w*|ableis\w*|fatphob\w*|fat[- ]sham\w*|body[- ]sham\w*|agist)\b",
        r"\bgrop\w*|\bsexual(?:ly)? (?:comments?|remarks?|advances?|jokes?|inappropriate|harass\w*)\b|\binappropriate (?:comments?|remarks?|touching|jokes?|sexual)\b",
        r"\btreated (?:\w+ )?like (?:dirt|rubbish|scum|vermin|a leper|a second[- ]class|second[- ]class|an? (?:animal|criminal|dog|idiot|child|piece of))\b|\bsecond[- ]class (?:citizen|patient)s?\b",
        r"\bcalled (?:me|him|her|them|us|my \w+) (?:a |an )?(?:\w+ )?(?:pig|cow|bitch|idiot|moron|junkie|druggie|liar|lazy|attention seeker|time waster|timewaster|fat|stupid|pathetic|disgusting|dirty|names|the n[- ]word|retard\w*|mental|psycho|nutter|drunk)\b",
        r"\bbecause (?:i'?m|i am|he'?s|he is|she'?s|she is|they'?re|they are|we'?re|we are|i was|he was|she was) (?:\w+ )?(?:black|asian|muslim|jewish|gay|lesbian|bisexual|trans\w*|foreign|deaf|blind|autistic|disabled|old|elderly|a woman|pregnant|fat|overweight|in a wheelchair|on benefits|homeless|a traveller|an immigrant|a refugee|polish|romanian|irish|african|indian|pakistani|chinese)\b",
        r"\b(?:because|as) (?:i|he|she|they|we) (?:don'?t|doesn'?t|do not|does not|can'?t|cannot) (?:speak|understand) (?:\w+ )?english\b",
        r"\b(?:rough(?:ly)?|violent(?:ly)?|aggressive(?:ly)?) (?:handl\w*|treat\w*|push\w*|grabb\w*|restrain\w*|manhandl\w*|pull\w*|moved|put)\b|\b(?:handled|treated|pushed|grabbed|pulled|moved) (?:\w+ ){0,3}(?:roughly|violently|aggressively)\b",
        r"\b(?:so hard|hard enough) (?:that )?(?:it )?(?:left|leaving|caused) (?:\w+ )?bruis\w*",
        r"\b(?:racist|sexist|homophobic|transphobic|derogatory|offensive|demeaning|degrading) (?:comments?|remarks?|jokes?|language|names?|abuse)\b",
    ],
}

# Families added after blind set 4 was first measured (its misses showed wordings no
# family covered: an overdose told as "took every tablet", exposure during an
# examination, ridicule of a same-sex couple, refusal "because of my wheelchair").
_GROUNDS = (r"(?:wheelchair|disabilit(?:y|ies)|weight|age|race|religion|colou?r|accent|sexuality|gender|autism|"
            r"learning disabilit(?:y|ies)|deafness|blindness|headscarf|hijab|turban|ethnicity|nationality|"
            r"mental health|(?:hearing|sight) (?:loss|problems?|impairment))")
_RISK_PATTERNS_FOURTH: dict[str, list[str]] = {
    "self_harm": [
        # "took every tablet in the house", "all the pills I had" - not "as prescribed".
        r"\b(?:took|swallowed|taken|take|taking) (?:every|each|all the|all of (?:my|the|his|her|their)) (?:\w+ )?(?:pills?|tablets?|paracetamol|meds|medication|medicines?) (?:in|i|she|he|they|we|at once|from|that|left|together)\b",
        r"\bnot (?:feel(?:ing)? |be )?safe (?:on (?:my|his|her|their) own|alone|by (?:my|him|her|them)sel(?:f|ves)|from (?:my|him|her|them)sel(?:f|ves)|with(?:out)? (?:my|him|her)self|at home alone)\b",
        r"\b(?:don'?t|doesn'?t|didn'?t|do not|does not|did not) (?:feel|trust) (?:safe )?(?:my|him|her)self\b",
        r"\bfound (?:\w+ ){0,2}(?:on|at|near|by) (?:a |the )?(?:bridge|railway|train tracks|tracks|cliffs?|cliff edge|motorway bridge|roof of)\b",
    ],
    "privacy_breach": [
        r"\b(?:curtains?|doors?|blinds?|screens?) (?:\w+ ){0,2}(?:left |wide |kept )?open\b[^.!?]{0,80}\b(?:examin\w*|undress\w*|naked|exposed|changing|bed ?bath|washed|catheter|see (?:me|everything|him|her))",
        r"\b(?:examin\w*|undress\w*|naked|exposed|bed ?bath|being washed)\b[^.!?]{0,80}\b(?:curtains?|doors?|blinds?|screens?) (?:\w+ ){0,2}(?:left |wide |kept )?open\b",
        # Spanish: walked in on a patient undressing or washing, curtain left open.
        r"\b(?:entr(?:aban|aron|ó|o)|abr(?:ieron|ían|ían|i(?:ó|o)))\b[^.!?]{0,40}\bmientras (?:me|le|la|lo) (?:duchaba|cambiaba|vest(?:í|i)a|desvest(?:í|i)a|lavaba[n]?|explorab?a)\b",
        r"\b(?:cortina|puerta) (?:\w+ ){0,2}abierta\b[^.!?]{0,60}\b(?:desnud[oa]|desvest\w*|explor\w*|lav\w*)",
        # Spanish: a record left where others could read it.
        r"\b(?:historial|expediente|informe|resultados)\b[^.!?]{0,60}\b(?:(?:dejaron|qued(?:ó|o)) (?:abiert[oa]s?|a la vista)|lo (?:vio|vieron|ley(?:ó|o)|leyeron) (?:media planta|todo el mundo|todos|otros))",
    ],
    "discrimination_abuse": [
        r"\b(?:laugh(?:ed|ing)?|snigger(?:ed|ing)?|smirk(?:ed|ing)?|giggl(?:ed|ing)|sneer(?:ed|ing)?) (?:at|about) (?:me|us|him|her|them|my|our|his|their)\b(?! (?:\w+ )?(?:jokes?|silly|stories|story)\b)",
        r"\b(?:where|who) (?:the |his |her |their )?real (?:dad|father|mum|mother|parents?) (?:was|is|were)\b",
        r"\b(?:both women|both men|two mums|two mothers|two dads|two fathers|same[- ]sex (?:couple|partner|parents)|gay couple|lesbian couple)\b[^.!?]{0,80}\b(?:laugh\w*|jok\w*|mock\w*|snigger\w*|comments?|stared|refused|real (?:dad|father|mum|mother))",
        rf"\b(?:refus\w*|turned (?:me |him |her |us |them )?away|denied|treated (?:\w+ )?(?:differently|worse)|ignored|wouldn'?t|won'?t|couldn'?t be bothered)\b[^.!?]{{0,80}}\bbecause of (?:my|his|her|their|our) {_GROUNDS}\b",
        rf"\bbecause of (?:my|his|her|their|our) {_GROUNDS}\b[^.!?]{{0,40}}\b(?:refus\w*|turned (?:me |him |her |us |them )?away|denied|treated (?:\w+ )?(?:differently|worse)|ignored)\b",
    ],
    "legal_threat": [
        r"\b(?:prepar\w*|build\w*|bring\w*|have|has|got|putting together) (?:a |our |my )?(?:\w+ )?case against\b",
    ],
    "patient_safety": [
        r"\bmedicaci(?:ó|o)n (?:de otr[oa]|de la otra|del otro) (?:paciente|persona|señor|señora)\b",
        r"\b(?:le|me|nos) (?:dieron|pusieron|administraron) (?:\w+ ){0,3}(?:equivocad[oa]s?|de otro paciente)\b",
        r"\bacab(?:ó|o|aron|é|e) en (?:la )?(?:uci|cuidados intensivos|urgencias)\b",
    ],
}

# Spanish counterparts of the English families above, written after a blind Spanish
# set (spanish_risk_blind.jsonl, 2026-11-27) found 9 of 22 flags at first sight.
_RISK_PATTERNS_ES: dict[str, list[str]] = {
    "self_harm": [
        r"\b(?:tirar(?:me|se|te)|lanzar(?:me|se)|se iba a tirar|me voy a tirar|me quiero tirar) (?:por|desde|a) (?:la ventana|el balc(?:ó|o)n|un puente|las v(?:í|i)as|el tren)\b",
        r"\b(?:me corto|cortarme|me hago cortes|se corta|se hace cortes|me autolesiono|se autolesiona)\b",
        r"\b(?:se|me) tom(?:ó|o|é|e) (?:un bote|una caja|todas las pastillas|todas sus pastillas|todo el bote)\b|\bsobredosis\b",
        r"\b(?:acabar con todo|no veo salida|no quiero seguir viviendo|quitarse la vida|quitarme de en medio|desaparecer para siempre)\b",
    ],
    "patient_safety": [
        r"\btransfusi(?:ó|o)n (?:\w+ ){0,6}(?:equivocad[oa]|que no era (?:el|la|su)|de otr[oa])",
        r"\b(?:rodilla|pierna|cadera|ojo|brazo|pie|mano|lado|ri(?:ñ|n)(?:ó|o)n|dosis|paciente) equivocad[oa]\b",
        r"\bsin comer ni beber\b|\bsin (?:agua|comida) (?:\w+ ){0,2}(?:d(?:í|i)as|horas)\b",
        r"\b(?:se (?:le |me )?infect(?:ó|o)|infecci(?:ó|o)n (?:de la herida|hospitalaria))\b",
        r"\b(?:dieron|pusieron|administraron)\b[^.!?]{0,60}\b(?:aunque|a pesar de|sabiendo)\b[^.!?]{0,60}\bal(?:é|e)rgic[oa]\b",
    ],
    "legal_threat": [
        r"\bbufete\b|\b(?:llevar(?:lo|los|esto)?|ir) a (?:los )?tribunales\b",
        r"\b(?:ir|acudir|llevarlo) a (?:la prensa|los medios|la televisi(?:ó|o)n|los peri(?:ó|o)dicos)\b",
        r"\bpor la v(?:í|i)a legal\b|\bdenunciar(?:los|les|lo)?\b",
    ],
    "privacy_breach": [
        r"\b(?:inform\w*|resultados|historial|datos|cartas?) (?:m(?:é|e)dic[oa]s )?de otr[oa] (?:paciente|persona|se(?:ñ|n)or[a]?)\b",
        r"\bfotos? (?:m(?:í|i)as?|de m(?:í|i)|de mi \w+)\b[^.!?]{0,60}\bredes sociales\b",
        r"\ble (?:cont(?:ó|o)|dijo|cont(?:aron)|dijeron) a (?:mi|mis) (?:vecin[oa]s?|jefe|compa(?:ñ|n)er[oa]s?|familia)\b",
        r"\ben voz alta\b[^.!?]{0,60}\b(?:enfermedad|diagn(?:ó|o)stico|nombre)|\b(?:enfermedad|diagn(?:ó|o)stico)\b[^.!?]{0,60}\ben voz alta\b",
    ],
    "discrimination_abuse": [
        r"\b(?:empuj(?:ó|o|aron)|zarande(?:ó|o|aron)|peg(?:ó|o|aron)|golpe(?:ó|o|aron)|ató|ataron) a (?:mi|mis|la|el) \w+",
        r"\bse re(?:í|i)a(?:n)? de (?:mi|mí|mis|él|ella|nosotros)\b|\bse burlaba(?:n)? de\b",
        r"\bse negaron a (?:atender|tratar|ver)(?:me|le|la|lo|nos)?\b",
        r"\b(?:las|los) (?:\w+ )?(?:mujeres|gitan[oa]s|extranjer[oa]s|inmigrantes|negr[oa]s|moros|latin[oa]s|mayores) (?:\w+ )?(?:siempre|todos|todas) \w+",
    ],
}
# Families added after blind set 5 (risk_flags_blind5.jsonl, 2026-11-27) was first
# measured at P 0.791 / R 0.791 with 6 of 13 hard negatives flagged.
_RISK_PATTERNS_FIFTH: dict[str, list[str]] = {
    "self_harm": [
        r"\bstanding (?:on|at) (?:the |a )?(?:edge of (?:the |a )?)?(?:bridge|ledge|cliff|roof|platform edge|railway)\b",
    ],
    "privacy_breach": [
        r"\b(?:screens?|curtains?|blinds?)\b (?:was |were )?(?:never|not|n'?t) (?:\w+ )?(?:pulled|drawn|closed|put)(?: round| around| across)?\b",
    ],
    "discrimination_abuse": [
        r"\brefused to (?:treat|see|help|examine) (?:\w+ ){0,3}(?:because|once|when|after) (?:they |he |she )?(?:saw|found out|realised|realized|learned|heard|knew|discovered|finding out|learning|realising|realizing|hearing|seeing|discovering)\b",
        r"\bdragged (?:\w+ ){0,4}by (?:her|his|their|my|the) (?:arms?|hair|legs?|wrists?|clothes)\b",
    ],
}

# Families added after blind set 6 (risk_flags_blind6.jsonl, 2026-11-27) was first
# measured at P 0.732 / R 0.872 with 8 of 18 hard negatives flagged.
_RISK_PATTERNS_SIXTH: dict[str, list[str]] = {
    "patient_safety": [
        # A confused patient leaving the ward unnoticed; a tube or line placed wrongly.
        r"\b(?:walked|wandered|got|let \w+ walk) (?:straight |right )?out of (?:the )?(?:ward|unit|hospital|home|building)\b"
        r"|\bwent missing from\b",
        r"\b(?:tube|line|cannula|catheter|drain|needle|drip)s? (?:was |were |had been |been )?(?:put |placed |inserted |"
        r"positioned |sited )?in the wrong (?:place|position|vein|lung|side)\b|\bmisplaced (?:ng |nasogastric |feeding )?tube\b",
    ],
    "self_harm": [
        r"\b(?:thought|thinking|think|thoughts) (?:about|of) (?:driving|crashing|steering|walking|stepping|jumping|"
        r"throwing (?:myself|himself|herself)) (?:my car |the car )?(?:into|off|in front of|under)\b",
    ],
}

# Families added after blind set 7 (written after set 6's changes) was first measured
# at P 0.795 / R 0.795 with 4 of 16 hard negatives flagged: its misses, in general form.
_RISK_PATTERNS_SEVENTH: dict[str, list[str]] = {
    "privacy_breach": [
        r"\b(?:another|other|a stranger'?s|someone else'?s|somebody else'?s) (?:woman|man|lady|person|patient|family|"
        r"child|baby|mum|mother|father|dad)'?s (?:\w+ )?(?:results|letters?|notes|records|details|scan|report|"
        r"prescription|paperwork|file)\b",
        r"\b(?:the whole|all the|all my) (?:street|village|estate|town|school|office|family|ward|neighbours) "
        r"(?:now )?knows?\b|\bnow (?:everyone|everybody) knows\b",
        r"\b(?:patient lists?|names and (?:diagnos\w+|addresses|details|dates of birth)|handover (?:sheets?|notes))\b"
        r"[^.!?]{0,60}\b(?:left|lying|found|visible|on display|in the (?:public|corridor|waiting))\b",
        r"\b(?:spoke|talked|talking|speaking|discussed|gossip\w*|chatting) (?:about|of) (?:my|his|her|our|their) "
        r"(?:case|condition|diagnosis|illness|results|situation|problems?|history|treatment|depression|pregnancy|"
        r"termination|miscarriage|mental health) (?:\w+ ){0,2}(?:to|with|in front of) (?:another|other|a|an|my|the|"
        r"her|his|their)\b",
    ],
    "discrimination_abuse": [
        r"\b(?:was|were|been|being|got|get) called (?:a |an )?(?:\w+ )?(?:junkie|druggie|addict|nutter|psycho|loony|"
        r"retard|freak|liar|drama queen|attention seeker|time ?waster|cow|bitch|idiot|stupid|scrounger)\b",
    ],
    "self_harm": [
        r"\b(?:won'?t|will not|wouldn'?t|not going to|don'?t think (?:i|he|she)'?(?:ll| will)) be (?:around|here|alive) "
        r"(?:for|by|at|much longer|next|to see)\b",
        r"\b(?:will|might|may|going to|gonna|could|would|(?:i|he|she)'?ll) do something (?:stupid|silly|drastic)\b",
        r"\b(?:has|have|had|got|bought|keeps?|kept|hidden|hid) (?:a |some )?rope\b",
    ],
}

# Families added after blind set 8 (written after set 7's changes) was first measured
# at P 0.727 / R 0.667 with 7 of 15 hard negatives flagged. Rather than its misses
# alone, these follow the usual categories: the warning signs of suicide that
# prevention guidance lists (a plan, nothing to live for, giving things away, saying
# goodbye, wishing not to wake up, methods), and incident categories for safety
# (equipment, delayed diagnosis or results, nutrition and hydration).
_RISK_PATTERNS_EIGHTH: dict[str, list[str]] = {
    "self_harm": [
        r"\b(?:nothing|no one|nobody|no reason|not much) (?:left )?to live for\b|\bno (?:reason|point) (?:in )?"
        r"(?:living|to live|going on|carrying on)\b",
        r"\b(?:plan(?:ned|ning)?|decided|worked out|thought about|researching|looked up) (?:exactly )?how (?:i|he|she|"
        r"they) (?:would|will|could|might|am going to|was going to|is going to) (?:do it|end it|kill|die|go)\b",
        r"\bgiv(?:ing|en|e) (?:all )?(?:his|her|my|their) (?:things|stuff|belongings|possessions) away\b",
        r"\bsa(?:ying|id|ys) (?:his |her |my |their )?goodbyes? to (?:people|everyone|everybody|(?:his|her|my|their|the) "
        r"(?:family|friends|kids|children)|us all|friends|family)\b|\b(?:been|started|keeps?|kept) saying goodbye\b",
        r"\b(?:go to sleep|fall asleep|close my eyes) and (?:not|never) wake up\b|\b(?:not|never) (?:to )?wake up "
        r"(?:again|tomorrow|in the morning)\b",
        r"\bengine running\b|\b(?:jumped|jump|jumping) (?:from|off) (?:a |the )?(?:\w+ )?(?:roof|bridge|building|"
        r"balcony|cliff|car park|multi[- ]?storey)\b",
        r"\b(?:scratch|scratched|scratching|pick|picked|picking|bang|banged|banging|hit|hitting) (?:my|his|her|their) "
        r"(?:arms?|legs?|skin|head|wrists?) (?:until|till|til|against)\b",
        r"\b(?:can'?t|cannot) (?:go on|cope) (?:any ?more|like this)\b|\bcan'?t see (?:a|any) (?:future|way out|point)\b",
        r"\btook (?:\w+ )?(?:\d+|ten|twenty|thirty|forty|fifty|a handful of|all (?:of )?(?:my|his|her)) "
        r"(?:paracetamol|tablets|pills|co-codamol|sertraline|painkillers|meds|medication)\b",
    ],
    "patient_safety": [
        r"\b(?:defibrillator|defib|crash trolley|oxygen|suction|hoist|sling|monitor|pump|bed|equipment|call bell|"
        r"emergency (?:bell|buzzer|cord))s? (?:\w+ ){0,3}(?:out of date|broken|faulty|missing|not working|didn'?t work|"
        r"failed|ripped|snapped|gave way|collapsed|empty)\b",
        r"\bby (?:then|the time) (?:\w+ ){0,6}(?:had |has )?(?:spread|grown|burst|perforated|gone septic|become terminal)\b"
        r"|\b(?:delayed|late|missed) (?:cancer |stroke |sepsis )?(?:diagnosis|referral)\b|\bput off referring\b",
        r"\b(?:results?|bloods?|scans?|x-rays?|reports?) (?:\w+ ){0,4}(?:sat|sitting|left|ignored|unread|unseen|not "
        r"(?:looked at|seen|acted on|read)) (?:\w+ ){0,3}(?:for (?:a |two |three |several )?(?:days?|weeks?|months?)|before "
        r"(?:anyone|somebody|someone) (?:looked|noticed|acted))\b",
        r"\b(?:nothing|no food|no water|no drink|not anything) (?:\w+ ){0,2}(?:to eat or drink|or (?:water|drink|food)) "
        r"for (?:\w+ )?(?:hours|days?)\b|\b(?:severely |badly )?(?:dehydrated|malnourished)\b",
    ],
    "privacy_breach": [
        r"\b(?:discussed|talked about|announced|said|asked about|shouted) (?:my|his|her|their) (?:\w+ ){0,2}(?:at full "
        r"volume|loudly|out loud|through (?:a |the )?(?:thin )?curtain|in front of (?:everyone|other patients|the (?:whole )?"
        r"(?:bay|ward|waiting room)))\b",
        r"\b(?:posted|delivered|sent) (?:through|to) (?:the |my )?(?:neighbou?r'?s|wrong) (?:door|address|house)\b|"
        r"\bopened and read\b",
    ],
    "discrimination_abuse": [
        r"\bthrew (?:my|his|her|their) (?:\w+ ){0,2}(?:walking frame|frame|stick|crutches|belongings|things|clothes|food|"
        r"tray|bag|phone) (?:across|at|on the floor|in the bin)\b|\bin (?:a )?temper\b",
        r"\bheld (?:\w+ )?face down\b|\bpulled (?:his|her|my|their) hair\b",
    ],
}

# Families added after blind set 11 (written last, 2026-11-27) was first measured at
# P 0.818 / R 0.581 with 2 of 12 hard negatives flagged: its plainest misses, in
# general form.
_RISK_PATTERNS_ELEVENTH: dict[str, list[str]] = {
    "self_harm": [
        r"\b(?:found|discovered|caught) (?:(?:him|her|them|(?:my|his|her|our|their) \w+) )?(?:hanging|with a "
        r"(?:ligature|noose|rope))\b",
        r"\b(?:to|just) not exist\b|\bnot (?:to )?exist any ?more\b|\bstop existing\b|\bpeaceful (?:\w+ ){0,4}"
        r"(?:not (?:to )?(?:exist|be here|wake up)|to (?:just |simply )?(?:die|be gone|disappear))\b",
        r"\b(?:don'?t|do not|can'?t|cannot) trust (?:myself|himself|herself|themselves) (?:\w+ ){0,3}(?:alone|tonight|"
        r"safe|around)\b",
        r"\bstopped (?:taking|having) (?:my|his|her|their) (?:\w+ ){0,2}(?:tablets|medication|meds|insulin|pills)\b "
        r"(?:\w+ ){0,2}(?:on purpose|deliberately|intentionally)\b",
    ],
    "patient_safety": [
        r"\b(?:doctor|nurse|surgeon|anaesthetist|anesthetist|paramedic|carer|staff|midwife|consultant|gp|dentist)s? "
        r"(?:\w+ ){0,3}(?:was|were|seemed|looked|appeared|smelt|smelled) (?:\w+ )?(?:drunk|intoxicated|under the "
        r"influence|high|of alcohol)\b",
        r"\b(?:into|in) an artery\b|\b(?:monitor|alarm|pump|ventilator|machine)s? (?:\w+ ){0,4}(?:wasn'?t|was not|weren'?t|"
        r"were not|never) (?:plugged in|switched on|turned on|connected)\b",
    ],
    "privacy_breach": [
        r"\b(?:my|his|her|our) (?:own )?(?:\w+ )?(?:results|notes|records|details|letter|scan) (?:\w+ ){0,2}on "
        r"(?:someone|somebody|another person|a stranger)'?s? (?:screen|phone|computer|laptop|desk)\b",
    ],
    "discrimination_abuse": [
        # Sweeping claims about a group: "Asian patients always exaggerate".
        r"\b(?:asian|black|white|polish|foreign|eastern european|muslim|jewish|gay|trans|elderly|old|fat|disabled|"
        r"traveller|immigrant|overweight|young|autistic|deaf)s? (?:patients|people|women|men|mums|mothers|folk) "
        r"(?:always|all|never|just) \w+",
        r"\b(?:mimick|imitat|mock)\w* (?:my|his|her|their|the) (?:\w+(?:'s)? )?(?:speech|voice|accent|stammer|stutter|"
        r"walk|disability)\b",
        r"\btied (?:\w+ )?(?:in|into|to) (?:her|his|their|the|a) (?:chair|bed|wheelchair)\b",
    ],
}

# Spanish families added after a second Spanish risk set (spanish_risk_blind2.jsonl)
# was first measured at P 0.737 / R 0.609 with 3 of 8 hard negatives flagged.
_RISK_PATTERNS_ES2: dict[str, list[str]] = {
    "self_harm": [
        r"\b(?:intent(?:ó|o|é|e|aba)|quiso|quería|quiere) (?:\w+ )?(?:ahorcarse|ahorcarme|suicidarse|suicidarme|"
        r"matarse|matarme|quitarse la vida|tirarse|tirarme)\b|\bahorc(?:arse|arme|ó|o|ado|ada)\b",
        r"\b(?:estar(?:í|i)a(?:mos|n)?|estamos|est(?:á|a)n|vivir(?:í|i)a(?:mos|n)?) (?:todos |todas )?mejor sin "
        r"(?:m(?:í|i)|(?:é|e)l|ella)\b",
    ],
    "patient_safety": [
        r"\b(?:insulina|medicaci(?:ó|o)n|medicamentos?|pastillas|sangre|dosis) de otr[oa] (?:paciente|persona|enferm[oa])\b",
        r"\b(?:en|tirad[oa] en) el suelo (?:\w+ ){0,5}(?:horas|toda la noche)\b|\b(?:horas|toda la noche) en el suelo\b"
        r"|\bca(?:erse|y(?:ó|o)) de la cama\b",
        r"\bresult(?:ó|o) (?:ser|que era|que ten(?:í|i)a) (?:un |una )?(?:infarto|ictus|sepsis|apendicitis|c(?:á|a)ncer|"
        r"tumor|fractura|embolia|meningitis)\b",
        r"\b(?:monitor|alarma|bomba|respirador|aparato)(?:es)? (?:\w+ ){0,3}(?:estaba|estaban|estuvo) (?:apagad[oa]s?|"
        r"desconectad[oa]s?|sin pilas)\b",
    ],
    "privacy_breach": [
        r"\b(?:coment(?:ó|o|aron)|cont(?:ó|o|aron)|habl(?:ó|o|aron) de) (?:mi|su|el) (?:enfermedad|diagn(?:ó|o)stico|caso|"
        r"embarazo|resultado|problema)s? (?:\w+ ){0,2}(?:con|a) (?:mis|sus|los|las|otr[oa]s?) ?(?:vecin[oa]s|familiares|"
        r"compañer[oa]s|pacientes|gente)?\b",
    ],
    "discrimination_abuse": [
        r"\b(?:le|me|nos|les) (?:dio|dieron|peg(?:ó|o|aron)) (?:un |una )?(?:tortazo|bofet(?:ó|o)n|bofetada|guantazo|"
        r"golpe|empuj(?:ó|o)n|manotazo)\b",
    ],
}

# Written after blind set 12 (self-harm wording, 2026-11-27), by kind of sign rather
# than by sentence: injuries seen on the body, heights, farewell letters, ligature items
# taken away, repeated attempts. None matches any of the 12,268 NHS comments.
_RISK_PATTERNS_TWELFTH: dict[str, list[str]] = {
    "self_harm": [
        r"\b(?:arms?|wrists?|legs?|thighs?) (?:were |was |all )?(?:bandaged|covered in (?:cuts|scars|burns)|cut up)\b",
        r"\b(?:cuts|scars|burns) (?:on|all over|up) (?:my|her|his|their) (?:arms?|wrists?|legs?|thighs?)\b",
        r"\bbandaged (?:arms?|wrists?)\b",
        r"\b(?:multi-?storey|rooftop|roof|bridge|cliff|balcony)\b[^.!?]{0,40}\b(?:edge|ledge|railings?)\b",
        r"\b(?:edge|ledge|railings?) of (?:a |the )?(?:multi-?storey|rooftop|roof|bridge|cliff|balcony)\b",
        r"\b(?:letters?|notes?|messages?|texts?) (?:\w+ ){0,3}(?:saying|to say) goodbye\b",
        r"\b(?:took|taken|removed|confiscated) (?:away )?(?:my|his|her|their) (?:shoe ?laces|belts?|dressing gown cords?)\b",
        # "has tried twice this year"; not "have tried twice to get through".
        r"\b(?:has|had|have) (?:already )?tried (?:twice|three times|again|\d+ times|several times|before)\b(?! to\b)",
    ],
}

# Blind set 13 (46 comments over all five flags, 2026-11-27): a serious condition put
# down to something minor, a stockpile of one's own medicines, farewells already said.
_RISK_PATTERNS_THIRTEENTH: dict[str, list[str]] = {
    "patient_safety": [
        r"\b(?:fracture|break|sepsis|infection|stroke|cancer|bleed|clot|heart attack|appendicitis|meningitis|tumou?r|"
        r"pneumonia|blood clot|embolism|ectopic pregnancy|miscarriage|deterioration)s? (?:\w+ )?(?:was|were|had been|got) "
        r"(?:\w+ )?(?:treated as|dismissed as|put down to|mistaken for|written off as|passed off as|diagnosed as)\b",
    ],
    "self_harm": [
        r"\bstockpil\w* (?:up )?(?:all )?(?:my|his|her|their) (?:\w+ )?(?:pills|tablets|painkillers|medication|medicines|"
        r"meds|paracetamol|insulin|antidepressants)\b",
        # Farewells someone has made; not a family's goodbye to a dying relative.
        r"\b(?:she|he|they)(?:'s| has| had|'d| have|'ve)? (?:already )?said (?:her|his|their) goodbyes\b"
        r"(?! to (?:him|her|them|dad|mum|(?:her|his|their|my|our) (?:\w+ )?(?:dad|mum|father|mother|husband|wife|"
        r"gran\w*|nan|grandad|grandpa|grandma|baby|son|daughter|brother|sister|partner)))",
    ],
}

# Spanish, by category, after the third Spanish risk set (spanish_risk_blind3.jsonl,
# 2026-11-27) read P 0.867 / R 0.448 at first sight: wishes to die said in the third
# person, what someone keeps or swallows, jumping "del puente"; a wrong blood group, no
# doctor all night, "dijeron que era un virus" and it was not; suing, going to the
# television, "nos vemos en los tribunales"; a relative told before the patient, a file
# left open, a diagnosis over the loudspeaker, photos uploaded; a nationality said to
# exaggerate, slurs shouted, care refused once staff found out who someone is.
_NO_DE = r"(?! de (?:verg(?:ü|u)enza|risa|ganas|miedo|hambre|sue(?:ñ|n)o|calor|fr(?:í|i)o|pena|envidia|aburrimiento|dolor))"
_RISK_PATTERNS_ES3: dict[str, list[str]] = {
    "self_harm": [
        r"\bno (?:quiere|quiero|quer(?:í|i)a|quiera|quieren) (?:seguir )?(?:viviendo|vivir|seguir aqu(?:í|i)|estar aqu(?:í|i))\b",
        r"\b(?:(?:me|se|te) (?:quiere|quiero|quer(?:í|i)a|quieren|quer(?:í|i)an) morir|quiero morirme|quiere morirse|"
        r"ganas de morir(?:me|se)?)\b" + _NO_DE,
        r"\b(?:tengo|tiene|ten(?:í|i)a|llevo|lleva) (?:\w+ ){0,2}(?:guardad[oa]s|escondid[oa]s|acumulad[oa]s) (?:\w+ ){0,2}"
        r"(?:pastillas|medicamentos|medicinas|calmantes|ansiol(?:í|i)ticos|somn(?:í|i)feros)\b"
        r"|\b(?:guardando|acumulando|escondiendo) (?:\w+ ){0,2}(?:pastillas|medicamentos|medicinas|calmantes)\b",
        r"\b(?:se|me|te) (?:tom(?:ó|o|é|e)|trag(?:ó|o|ué|ue)) (?:un |una |el |la |todo el |toda la )?(?:frasco|bote|caja|"
        r"bl(?:í|i)ster|tira|pu(?:ñ|n)ado)s? (?:enter[oa] |complet[oa] )?de (?:pastillas|paracetamol|ibuprofeno|calmantes|"
        r"medicamentos|medicinas|somn(?:í|i)feros|ansiol(?:í|i)ticos)\b",
        r"\b(?:tirar|lanzar|aventar)(?:me|se|te) (?:del?|desde|por) (?:la |el |un |una )?(?:puente|ventana|balc(?:ó|o)n|"
        r"azotea|edificio|techo|tejado|acantilado|v(?:í|i)as|tren|metro)\b",
        r"\b(?:se|me) (?:quema|quemaba|quemaban|corta|cortaba|cortaban) (?:los|las|sus|mis) (?:brazos|piernas|mu(?:ñ|n)ecas|"
        r"muslos)\b|\bcon una soga\b|\buna soga (?:al|en el) cuello\b",
    ],
    "patient_safety": [
        r"\bsangre de otro grupo\b|\bgrupo (?:sangu(?:í|i)neo )?equivocado\b|\bsangre equivocada\b",
        r"\b(?:ning(?:ú|u)n|ninguna) (?:m(?:é|e)dic[oa]|doctor[a]?|enfermer[oa]) (?:\w+ ){0,2}(?:vino|lleg(?:ó|o)|pas(?:ó|o)|"
        r"(?:lo|la|nos|me|le) (?:vio|revis(?:ó|o)|atendi(?:ó|o)))\b"
        r"|\bnadie (?:vino|lleg(?:ó|o)|pas(?:ó|o)) a (?:verl[oa]|vernos|verme|revisarl[oa]|atenderl[oa])\b",
        r"\b(?:dijeron|diciendo|dijo|dec(?:í|i)an) que (?:solo |s(?:ó|o)lo )?(?:era|ser(?:í|i)a|no era) (?:\w+ ){0,3}"
        r"(?:y|pero) (?:\w+ )?result(?:a|ó|o) (?:que|ser)\b",
        r"\bresulta (?:ser|que (?:era|ten(?:í|i)a)) (?:un |una )?(?:infarto|ictus|sepsis|apendicitis|c(?:á|a)ncer|tumor|"
        r"fractura|embolia|meningitis|peritonitis|trombosis)\b",
        r"\bca(?:erse|y(?:ó|o)|yeron|i|í) (?:de|desde) la (?:cuna|camilla|silla de ruedas|gr(?:ú|u)a|incubadora)\b",
    ],
    "legal_threat": [
        r"\b(?:demandar(?:los|les|lo|la)?|demandaremos|demandar(?:é|e)|demanda (?:judicial|contra))\b",
        r"\b(?:llevar|ir|acudir|contar|publicar|sacar)(?:lo|la|los|las)? (?:\w+ ){0,3}(?:a|en) (?:la prensa|los medios|"
        r"la televisi(?:ó|o)n|la tele|los peri(?:ó|o)dicos|las noticias|las redes(?: sociales)?)\b",
        r"\bnos vemos en (?:los tribunales|el juzgado|(?:el )?juicio)\b|\bjuicio contra\b",
        r"\b(?:secretar(?:í|i)a de salud|conamed|defensor del paciente|colegio de m(?:é|e)dicos|fiscal(?:í|i)a)\b",
    ],
    "privacy_breach": [
        r"\bantes de que (?:yo )?(?:se lo |lo |les )?(?:dijera|contara|supiera|pudiera decir)\w*\b",
        r"\b(?:le|les) (?:cont(?:ó|o)|dijo|contaron|dijeron) a (?:mi|mis) \w+ (?:que (?:yo )?(?:estaba embarazada|ten(?:í|i)a "
        r"(?:vih|sida|c(?:á|a)ncer)|era seropositiv[oa])|lo de mi (?:embarazo|aborto|enfermedad|diagn(?:ó|o)stico))\b",
        r"\b(?:expediente|historial|historia cl(?:í|i)nica|resultados|informe)s? (?:\w+ ){0,3}(?:abiert[oa]s?|a la vista|en el "
        r"mostrador|encima del mostrador|en el pasillo)\b|\bcualquiera (?:pod(?:í|i)a|pudiera|puede) (?:leer|ver)\b",
        r"\b(?:por (?:el )?altavoz|por megafon(?:í|i)a|delante de (?:todos|todo el mundo)|frente a (?:todos|todo el mundo|"
        r"otros pacientes))\b[^.!?]{0,80}\b(?:vih|sida|diagn(?:ó|o)stico|enfermedad|embarazo|aborto|resultados?|prueba|"
        r"c(?:á|a)ncer)\b",
        r"\b(?:subi(?:ó|o)|subieron|public(?:ó|o)|publicaron|colg(?:ó|o)|colgaron) (?:a |en )?(?:facebook|instagram|tiktok|"
        r"twitter|las redes(?: sociales)?|internet)\b[^.!?]{0,40}\b(?:fotos?|v(?:í|i)deos?)\b",
    ],
    "discrimination_abuse": [
        r"\b(?:los|las) (?:mexican|latin|hispan|sudamerican|colombian|venezolan|dominican|ecuatorian|peruan|cuban|"
        r"extranjer|inmigrant|gitan|negr|chin|rumen|indi|ind(?:í|i)gen)[oa]s (?:\w+ )?(?:siempre|todos|todas|son unos|"
        r"son unas|exager\w*)\b|\b(?:los|las) (?:marroqu(?:í|i)es|árabes|arabes|musulmanes|africanos) (?:\w+ )?"
        r"(?:siempre|todos|son unos|exager\w*)\b",
        r"\b(?:como|porque) no (?:hablo|habla|hablaba|hablamos|hablan|s(?:é|e)|sabe) (?:bien |mucho |nada de )?(?:el )?"
        r"(?:ingl(?:é|e)s|espa(?:ñ|n)ol|idioma)\b[^.!?]{0,60}\b(?:trat\w*|grit\w*|ignor\w*|burl\w*|tont[oa]|idiota|rieron)\b",
        r"\b(?:me|nos|la|lo|le|les) trat(?:ó|o|aron) como (?:si (?:fuera|fu(?:é|e)ramos) )?(?:un |una )?(?:tont[oa]s?|idiotas?|"
        r"ignorantes?|basura|perros?|animal(?:es)?)\b",
        r"\b(?:me|le|nos|les) (?:grit(?:ó|o|aron)|llam(?:ó|o|aron)|dijo|dijeron|insult(?:ó|o|aron)) (?:a (?:mi|mis) \w+ )?"
        r"(?:\w+ ){0,2}(?:viej[oa] (?:in(?:ú|u)til|loc[oa]|asqueros[oa])|gord[oa] asqueros[oa]|in(?:ú|u)til|idiota|"
        r"imb(?:é|e)cil|sudaca|borrach[oa]|drogadict[oa])\b|\b(?:me|le|nos|les) insult(?:ó|o|aron|aba|aban)\b",
        r"\b(?:me|lo|la|nos|los|las) (?:empuj(?:ó|o|aron)|zarande(?:ó|o|aron)|golpe(?:ó|o|aron)) (?:contra|al|hacia|sobre)\b",
        r"\b(?:no (?:quisieron|quiso|quer(?:í|i)an)|se neg(?:ó|o|aron) a) (?:atender|tratar|ver|revisar|examinar|tocar)"
        r"(?:me|le|la|lo|nos|les)?\b[^.!?]{0,60}\b(?:cuando|al|porque|despu(?:é|e)s de que?) (?:se )?(?:enter(?:ó|o|aron)|"
        r"supo|supieron|vio|vieron|saber|ver|enterarse)\b",
    ],
}

# Blind set 14 (30 multi-sentence reviews, 2026-11-27): the flag sits in one sentence of
# a story, often after praise. By category: a dose given twice, searching for ways to
# die, letters or results sent to an old, work or wrong address, a diagnosis talked
# through where others hear, a name called out with the reason for the visit.
_SENSITIVE = (r"(?:hiv|diagnosis|condition|results|status|history|cancer|pregnancy|miscarriage|termination|"
              r"mental health|sti|std|overdose)")
_RISK_PATTERNS_FOURTEENTH: dict[str, list[str]] = {
    "patient_safety": [
        r"\b(?:injection|dose|medication|medicine|tablets?|insulin|morphine|antibiotics?|blood thinners?|"
        r"painkillers?)s? (?:\w+ ){0,2}(?:was |were )?(?:given|administered|signed for) twice\b|\bdouble[- ]dos(?:e|ed|es|ing)\b",
    ],
    "self_harm": [
        r"\b(?:looking up|looked up|look up|searching|searched|search|googl\w+|research\w*|reading up on) (?:\w+ ){0,2}"
        r"(?:ways|how|methods?) (?:to|of) (?:die|dying|end (?:it|my life|things|everything)|make it (?:all )?stop|"
        r"kill (?:my|him|her|them)sel(?:f|ves)|overdos\w*|suicide)\b",
    ],
    "privacy_breach": [
        r"\b(?:letters?|results|reports?|records?|notes|details|information|summary|summaries)s? [^.!?]{0,80}?"
        r"\b(?:was|were|got|had been|has been|have been) (?:sent|emailed|posted|faxed|forwarded) to (?:my |his |her |"
        r"their |the |an? )?(?:old|previous|former|wrong|work|ex-?\w*|another|someone|somebody|stranger|employer|boss|"
        r"manager|neighbou?r)\w*",
        rf"\b(?:talked|talking|discussed|discussing|spoke|went|going|read) (?:through |about |out )?(?:my|his|her|their) "
        rf"(?:\w+ ){{0,2}}{_SENSITIVE}\b[^.!?]{{0,80}}\b(?:curtains? (?:were |was )?(?:open|not drawn)|in front of|"
        r"everyone could hear|whole (?:bay|ward)|loud(?:ly)?|normal voice|other patients)",
        r"\bname (?:and|with) (?:the reason|why|what) (?:i|he|she|we|they) (?:was|were|had come|came) (?:there|in)\b",
    ],
}

# Blind set 15 (40 comments in US hospital wording, 2026-11-27): HIPAA and the Office
# for Civil Rights, infusions run too fast, vomiting blood left untriaged, a bunch of
# someone's pills taken, "didn't care if I woke up", photos taken to show co-workers,
# religious dress as the reason for rudeness, prescribing without asking about history.
_RISK_PATTERNS_FIFTEENTH: dict[str, list[str]] = {
    "patient_safety": [
        r"\b(?:drip|infusion|iv|bag|fluids?|potassium|blood|medication|drug)s? (?:\w+ ){0,4}(?:way )?(?:too fast|too quickly|"
        r"at the wrong rate)\b",
        r"\b(?:prescrib\w*|gave|given|started) (?:me |him |her |them )?(?:\w+ ){0,6}without (?:asking|checking) (?:about )?"
        r"(?:my|his|her|their) (?:\w+ ){0,2}(?:history|allergies|medications|meds|other (?:medications|meds|drugs))\b",
    ],
    "legal_threat": [
        r"\bhipaa (?:violation|breach|complaint)s?\b|\bviolat\w* (?:of )?(?:my |our |his |her )?hipaa\b",
        r"\boffice for civil rights\b|\bocr complaint\b|\b(?:state (?:medical |nursing )?board|joint commission|"
        r"attorney general|department of health|better business bureau)\b",
        r"\b(?:malpractice|negligence|wrongful death) (?:suit|lawsuit|claim|case|attorney|lawyer)s?\b|\blawsuit\b",
    ],
    "privacy_breach": [
        r"\bhipaa (?:violation|breach)s?\b|\bviolat\w* (?:of )?(?:my |our |his |her )?hipaa\b",
        r"\b(?:looked up|pulled up|went into|accessed|snooped in) (?:my|his|her|their) (?:chart|records?|file|results)\b"
        r"[^.!?]{0,60}\b(?:curiosity|nosy|nosey|no reason|knows? (?:me|my|him|her)|friend|family|cousin|neighbou?r|told)",
        r"\b(?:took|taking|snapped|takes) (?:a )?(?:photo|picture|pic|video)s? of (?:my|his|her|their|me|him) "
        r"(?:\w+ ){0,3}(?:on|with) (?:her|his|their) (?:own )?(?:phone|cell|mobile)\b",
        r"\bto show (?:her|his|their) (?:co-?workers|colleagues|friends|mates|boyfriend|girlfriend)\b",
    ],
    "discrimination_abuse": [
        r"\bbecause (?:i|he|she|they|we) (?:wear|wears|wore|wearing) (?:a |an )?(?:hijab|headscarf|head scarf|turban|niqab|"
        r"burka|burqa|kippah|yarmulke|veil|patka)\b",
        r"\b(?:asian|black|hispanic|latina?|latino|mexican|muslim|jewish|native|indian|arab|chinese|african|white|gay|"
        r"trans|fat|old|elderly|immigrant)s? (?:women|men|people|patients|mothers|moms|folks) (?:always|all|just) \w+",
        r"\bracial slurs?\b|\b(?:asked|refused|denied|ignored|no) (?:\w+ ){0,3}(?:asl|sign language) interpreter",
    ],
    "self_harm": [
        r"\b(?:took|swallowed|taken|take) (?:a bunch|a load|loads|a lot|all|a handful|a whole bottle|a bottle|the whole bottle|"
        r"a whole packet|the rest) of (?:his|her|my|their|the) (?:\w+ )?(?:pills|tablets|meds|medication|xanax|oxy\w*|"
        r"painkillers|sleeping pills|insulin|antidepressants|prescription|paracetamol|tylenol|advil|ibuprofen)\b",
        r"\b(?:didn'?t|don'?t|do not|did not|doesn'?t|does not) care (?:if|whether) (?:i|he|she|they) (?:woke|wakes?|lived|"
        r"lives?|died|dies?|made it|makes? it)\b",
    ],
}

# The never-event categories (serious incidents that should never happen: wrong route,
# wrong strength or frequency, a feeding tube in the lung, scalding, a patient taken
# for another), in patients' words. Written from the category list on 2026-11-27, not
# from a set: 14 of 20 sentences written for the categories were flagged before.
_RISK_PATTERNS_NEVER_EVENTS: dict[str, list[str]] = {
    "patient_safety": [
        r"\binstead of (?:once a (?:week|day|month)|weekly|monthly|the (?:diluted|right|correct|prescribed|usual|weaker) "
        r"(?:\w+ )?(?:bag|dose|drug|medication|medicine|one|strength|tablets?))\b",
        r"\bshould have (?:gone|been given|been injected|been put) into (?:a |the |her |his |my )?(?:vein|muscle|spine|arm|"
        r"bloodstream)\b|\b(?:injected|given) into (?:her|his|my|the) (?:spine|spinal fluid|artery)\b",
        r"\b(?:feeding|ng|nasogastric|naso-gastric|nose) tube (?:\w+ ){0,3}(?:in|into|down) (?:his|her|my|the) (?:lungs?|"
        r"airway|windpipe)\b",
        r"\bscald(?:ed|ing)\b[^.!?]{0,40}\b(?:bath|shower|water|hot|tea)\b|\b(?:bath|shower|water) (?:that )?(?:was|were) "
        r"(?:far |much |way )?too hot\b",
        r"\bmix(?:ed)? (?:me|him|her|us|them|my \w+) up with (?:another|a different|the wrong|someone else|somebody else)\b"
        r"|\b(?:had|given|got|received|underwent) (?:someone|somebody) else'?s (?:\w+ )?(?:procedure|operation|surgery|"
        r"treatment|scan|results|medication|tablets|injection)\b",
    ],
}

# The safeguarding types of abuse (financial, threats and punishment, age) and warning
# signs of suicide (affairs put in order, researching a lethal amount), in patients'
# words. Written from the category lists on 2026-11-27: 23 of 30 sentences written for
# the categories of all five flags were flagged before.
_RISK_PATTERNS_CATEGORIES: dict[str, list[str]] = {
    "discrimination_abuse": [
        r"\b(?:stole|stolen|stealing|steals) (?:\w+ ){0,2}(?:money|cash|jewellery|jewelry|valuables) from (?:my|his|her|"
        r"their|our) (?:[\w']+ ){0,2}(?:purse|wallet|handbag|bag|room|account|locker|bedside)\b",
        r"\b(?:took|taking|takes|taken|helped (?:herself|himself|themselves) to) (?:\w+ ){0,2}(?:money|cash|jewellery|"
        r"jewelry|valuables) from (?:my|his|her|their|our) (?:[\w']+ ){0,2}(?:purse|wallet|handbag|locker|bedside)\b",
        r"\b(?:staff|carers?|nurses?|a nurse|a carer|porters?|someone on the ward) (?:\w+ ){0,2}(?:stole|had stolen|were "
        r"stealing|was stealing)\b",
        r"\bthreaten(?:ed|ing|s)? (?:\w+ ){0,2}(?:to )?(?:tie|restrain|strap|sedate|lock|hit|slap|smack|section)\b",
        r"\bas (?:a )?punishment\b|\bto punish (?:her|him|me|them|us)\b",
        r"\b(?:women|men|people|patients|someone|mums|mothers) (?:of |at )?(?:my|his|her|your|their) age "
        r"(?:shouldn'?t|should not|can'?t|cannot|don'?t deserve|are too|have no business)\b",
    ],
    "self_harm": [
        r"\b(?:written|wrote|made|sorting|sorted|updated) (?:out )?(?:my|his|her) will\b[^.!?]{0,60}\b(?:given|giving|gave) "
        r"(?:away )?(?:my|his|her)\b",
        r"\b(?:researching|research\w*|googl\w+|looking up|looked up|asking|asked|reading up on) (?:about )?how (?:many|much) "
        r"(?:\w+ ){0,2}(?:paracetamol|pills|tablets|insulin|it takes|would)\b|\bhow many (?:\w+ ){0,2}(?:paracetamol|pills|"
        r"tablets) (?:it )?(?:takes|would take|to kill|are lethal)\b",
    ],
}

# The same categories in Spanish (never events, types of abuse, exposure of a diagnosis,
# warning signs). 7 of 24 Spanish sentences written for them were flagged before.
_RISK_PATTERNS_ES_CATEGORIES: dict[str, list[str]] = {
    "patient_safety": [
        r"\b(?:dejaron|dej(?:ó|o)|olvidaron|olvid(?:ó|o)) (?:una |un |la |el )?(?:gasa|compresa|pinza|aguja|instrumento|"
        r"tijeras|esponja|trozo de \w+)s? (?:\w+ )?(?:dentro|adentro|en el abdomen|en la herida)\b",
        r"\b(?:potasio|medicamento|medicina|f(?:á|a)rmaco|suero|quimioterapia)\b[^.!?]{0,20}\bsin diluir\b",
        r"\ben (?:vez|lugar) de (?:una vez (?:por|a la|al) (?:semana|d(?:í|i)a|mes)|semanal|mensual)\b",
        r"\bsonda\b(?: \w+){0,4} (?:en|dentro de)l? (?:el |los )?pulm(?:ó|o)n(?:es)?\b",
        r"\bse (?:quem(?:ó|o)|escald(?:ó|o)) con (?:el )?agua\b|\bagua (?:\w+ ){0,3}(?:hirviendo|ardiendo)\b",
        r"\b(?:me|lo|la|le|nos) (?:confundieron|confundi(?:ó|o)) con otr[oa] (?:paciente|persona|se(?:ñ|n)ora|se(?:ñ|n)or)\b",
        r"\batrapad[oa] (?:entre|en) (?:las )?barandillas?\b",
        r"\b(?:le|me) (?:pusieron|dieron|administraron) (?:la |el |una )?(?:insulina|morfina|dosis|medicaci(?:ó|o)n|"
        r"pastilla)s? dos veces\b",
    ],
    "discrimination_abuse": [
        r"\b(?:me|la|le|lo) (?:toc(?:ó|o)|tocaron|manose(?:ó|o)|manosearon) (?:de (?:forma|manera) )?(?:inapropiada|"
        r"indebida|sexual)\w*\b|\bmanose(?:ó|o|aron|aba|ando)\b|\bacoso sexual\b|\bcomentarios sexuales\b",
        r"\b(?:robaba|rob(?:ó|o)|robaron|robaban) (?:\w+ ){0,2}(?:dinero|joyas|anillo|reloj|cartera|monedero)\b",
        r"\bamenaz(?:ó|o|aron|aba|aban) con (?:amarrar|atar|sedar|encerrar|pegar|inmovilizar)\w*\b",
        r"\bcomo castigo\b|\bpara castigar(?:la|lo|me|nos|les)?\b",
    ],
    "privacy_breach": [
        r"\b(?:diagn(?:ó|o)stico|enfermedad|resultados?|vih|embarazo|aborto|c(?:á|a)ncer)\b[^.!?]{0,60}\b(?:con la puerta "
        r"abierta|todo el mundo (?:escuchando|oyendo)|delante de (?:todos|todo el mundo|otros pacientes))\b",
    ],
    "self_harm": [
        r"\b(?:hice|hizo|he hecho|ha hecho|escrib(?:í|i)|escribi(?:ó|o)) (?:mi|su) testamento\b[^.!?]{0,60}\b(?:regal(?:é|e|ó|o)|"
        r"di|dio|he dado|ha dado)\b",
        r"\b(?:buscando|busqu(?:é|e)|busca|busc(?:ó|o)|investigando|preguntando|pregunt(?:ó|o)) (?:\w+ ){0,3}"
        r"cu(?:á|a)nt[oa]s? (?:pastillas|paracetamol|insulina|medicamentos?|hacen? falta|se necesitan?)\b",
        r"\b(?:me|se|te) (?:he |ha |has )?vuelto a (?:cortar|hacer da(?:ñ|n)o|lastimar|autolesionar)\b"
        r"|\bvolv(?:í|i|i(?:ó|o)) a (?:cortarme|cortarse|hacerme da(?:ñ|n)o|hacerse da(?:ñ|n)o)\b",
        r"\b(?:soy|siento que soy|me siento como|se siente como|dice que es) una carga para (?:todos|todo el mundo|mi familia|"
        r"su familia|los dem(?:á|a)s|mis hijos|sus hijos)\b",
    ],
}

# Blind set 16 (30, written after the category families, 2026-11-27): first sight P 0.842
# / R 0.696. A reassurance that turned out to be cancer, a threat to go to the papers by
# name, "told half the town", unequal treatment because of mental illness or disability.
_RISK_PATTERNS_SIXTEENTH: dict[str, list[str]] = {
    "patient_safety": [
        r"\b(?:nothing to worry about|nothing serious|told (?:me|him|her|us) it was (?:just|only))\b.{0,80}?\b(?:stage "
        r"(?:two|three|four|[234])|had spread|turned out to be|it was (?:cancer|a tumou?r|sepsis|a stroke|a heart attack|"
        r"meningitis|broken|a fracture))\b",
    ],
    "legal_threat": [
        r"\b(?:expect to see|you'?ll see|you will see|going to see|will be reading) (?:this|it|my story|our story|all of this) "
        r"(?:story )?(?:in|on) (?:the )?\w+",
    ],
    "privacy_breach": [
        r"\btold (?:half (?:the|of the) |the whole |all (?:the|of the) )(?:town|village|street|estate|school|ward|office|"
        r"family|church)\b|\btold (?:everyone|everybody) (?:that )?(?:i|he|she|we)(?:'d| had| was|'s| has| is)\b",
    ],
    "discrimination_abuse": [
        r"\b(?:made|kept|left|treated|ignored|refused|put|seen) (?:\w+ ){0,6}because (?:he|she|i|they|we) (?:has|have|had) "
        r"(?:mental health (?:problems|issues|difficulties)|a mental illness|autism|a learning disability|learning "
        r"difficulties|dementia|hiv|a disability|a stammer)\b",
    ],
}

# Every family joins its flag's patterns, in the order the families were written.
for _family in (_RISK_PATTERNS_EXTRA, _RISK_PATTERNS_FOURTH, _RISK_PATTERNS_ES, _RISK_PATTERNS_FIFTH,
                _RISK_PATTERNS_SIXTH, _RISK_PATTERNS_SEVENTH, _RISK_PATTERNS_EIGHTH, _RISK_PATTERNS_ELEVENTH,
                _RISK_PATTERNS_ES2, _RISK_PATTERNS_TWELFTH, _RISK_PATTERNS_THIRTEENTH,
                _RISK_PATTERNS_ES3, _RISK_PATTERNS_FOURTEENTH, _RISK_PATTERNS_FIFTEENTH,
                _RISK_PATTERNS_NEVER_EVENTS, _RISK_PATTERNS_CATEGORIES, _RISK_PATTERNS_ES_CATEGORIES,
                _RISK_PATTERNS_SIXTEENTH):
    for _flag, _pats in _family.items():
        RISK_PATTERNS[_flag].extend(_pats)

# Spans that look like a flag but are not one (a match of either tier overlapping one
# is ignored).
_KILLING_LAUGHING = r"\bkilling (?:my|her|him|them|our|your)sel(?:f|ves) laughing\b"
_OVERDOSE_SERVICE = r"\boverdose (?:clinic|awareness|prevention|talk|training|service|team|kit)s?\b"
# Thanks for care after a past attempt: "admitted after an overdose last spring and I
# want to say thank you" (blind set 14). The rest of such a story is still read.
_RECOVERED = (r"(?=[^.!?]{0,80}\b(?:thank|grateful|now (?:i'?m|i am|doing)|back at work|doing well|saved my life|sober|"
              r"clean for|in recovery|into rehab)\b)")
_OVERDOSE_THANKS = (r"\b(?:admitted|brought in|came in|taken in|treated) (?:\w+ ){0,2}(?:after|following|for) (?:an? |my )?"
                    r"(?:overdose|suicide attempt|attempt on my life)\b" + _RECOVERED
                    + r"|\b(?:on|under) suicide watch\b" + _RECOVERED)
RISK_VETO: dict[str, str] = {
    "discrimination_abuse": "|".join([
        # Window blinds, not a blind person: "the cord on the blind", "pulled the blinds".
        r"\bblinds? cords?\b|\bcords? (?:on|of|from) the blinds?\b|\b(?:window|roller|venetian|vertical) blinds?\b",
        r"\b(?:pull|pulled|close|closed|shut|open|opened|draw|drew|drawn) (?:the )?blinds\b",
        r"\b(?:substance|drug|drugs|alcohol|opioid|solvent) (?:and (?:alcohol|drug) )?(?:mis)?abuse\b",
        r"\b(?:non[- ]?)?discriminat\w* (?:between|test)\b",
        # Staff handling someone else's aggression well: "dealt with an aggressive visitor calmly".
        r"\b(?:dealt with|handled|calmed|managed|defused|de-escalated) (?:a |an |the )?(?:\w+ )?(?:aggressive|violent|abusive) (?:visitor|patient|relative|man|woman|person)\b",
        r"\b(?:stayed|kept|remained) calm (?:\w+ ){0,3}(?:a |an |the )?(?:\w+ )?(?:visitor|patient|relative|man|woman|"
        r"person) (?:became|got|was|turned) (?:aggressive|violent|abusive)\b",
        _KILLING_LAUGHING,
        # Encouragement in therapy: "the physio pushed me hard but it was what I needed".
        r"\bpushed (?:me|him|her|them|us) (?:hard|harder|further|to (?:walk|do|keep|try|get|be|achieve|improve|my limits?|"
        r"his limits?|her limits?|the limit))\b"
        r"(?! (?:against|into|onto|over|down|out|to the (?:floor|ground|wall)))",
    ]),
    "patient_safety": "|".join([
        r"\b(?:never|not|wasn'?t|weren'?t|didn'?t|no|nothing) (?:\w+ )?(?:unsafe|dangerous|neglect\w*)\b",
        r"\bno harm (?:was )?done\b|\bcaught (?:the |my |his |her )?(?:\w+ )?infection early\b",
        # Checks done right: "double checked my allergy band before every dose, very reassuring".
        r"\b(?:double[- ]?check\w*|checked|confirmed) (?:\w+ ){0,2}(?:allerg\w*|wristband|band|identity|name|dose|doses|"
        r"medication)s?\b(?=[^.!?]{0,60}\b(?:reassur\w*|safe|thorough|careful)\b)",
        # A danger someone caught in time is praise: "spotted a dangerous interaction".
        # ... and what they caught: "caught a dangerous drug interaction the other doctor missed" (first, so that
        # the whole phrase is what a match of this veto covers).
        r"(?<!nobody )(?<!no one )(?<!never )(?<!not )(?<!n't )\b(?:spotted|caught|noticed|prevented|picked up|flagged|"
        r"averted) (?:a |an |the |that )?(?:\w+ ){0,2}(?:drug |medication |medicine )?(?:interactions?|mix-ups?|"
        r"errors?|mistakes?)(?: (?:\w+ ){0,3}missed)?\b",
        r"\b(?:spotted|caught|noticed|prevented|picked up|flagged|averted) (?:a |an |the )?(?:\w+ )?(?:dangerous|unsafe)\b",
        _OVERDOSE_SERVICE,
        # A fall at home or in the street is why someone came, not an incident.
        r"\b(?:had a fall|fell|fallen|tripped|slipped) (?:over |down )?(?:\w+ )?(?:at home|in the garden|in the street|"
        r"in town|at work|in the park|on the ice|in the snow|at the shops|on holiday|down the stairs at home)\b",
        r"\b(?:me ca(?:í|i)|se cay(?:ó|o)|(?:una )?ca(?:í|i)da) (?:\w+ ){0,2}(?:en casa|en la calle|en el trabajo|jugando)\b",
        # Broken amenities, as the second tier's "broken" already leaves out when they
        # follow it: "the car park barrier was broken".
        r"\b(?:barriers?|(?:ticket|pay|parking|vending|coffee) machines?|lifts?|tvs?|televisions?|heating|showers?|"
        r"phones?|wi-?fi|chairs?|(?:phone |booking |appointment )?system|process) (?:was|were|is|are|had been|has been|"
        r"have been) (?:\w+ )?broken\b",
        _OVERDOSE_THANKS,
    ]),
    "legal_threat": "|".join([
        r"\bclaim (?:forms?|back)\b(?= (?:for|to) (?:travel|parking|fares|expenses|mileage|costs|benefits))",
        r"\bsu(?:e|ed|ing)\b(?= (?:\w+ )?(?:ryder|me the|for the))",
        r"\bsolicitors?'?s? (?:office|offices|next door|building|firm next door)\b(?! (?:told|said|advised|are|will|have))",
        # A lawyer as someone's job, not the writer's recourse: "my solicitor husband".
        r"\b(?:solicitor|lawyer|barrister) (?:husband|wife|partner|friend|son|daughter|dad|father|mum|mother|brother|"
        r"sister)\b|\b(?:i am|i'm|i was|as|is|was) a (?:retired |trainee )?(?:solicitor|lawyer|barrister)\b",
        r"\bombudsman(?:'s)? (?:leaflets?|posters?|information|details|website|number|contact details)\b",
        # A lawyer's recommendation of the service: "my solicitor recommended this practice".
        r"\b(?:solicitor|lawyer|barrister|attorney|legal team)s?(?: at work)? (?:had |has )?(?:recommended|suggested) "
        r"(?:this|the|your|you|dr|doctor|him|her)\b(?! (?:\w+ )?(?:complain|claim|sue|take))",
        r"\babogad[oa]s? (?:\w+ ){0,3}(?:nos|me) (?:recomend(?:ó|o)|aconsej(?:ó|o)) (?:este|esta|el|la) (?:centro|hospital|"
        r"cl(?:í|i)nica|m(?:é|e)dic[oa]|consulta)\b",
    ]),
    "privacy_breach": "|".join([
        # Privacy respected: "respetaron mi intimidad".
        r"\b(?:respet\w+|cuid\w+|protegi\w+|mantuvieron|preserv\w+) (?:\w+ ){0,5}(?:mi|su|nuestra|la) "
        r"(?:intimidad|privacidad)\b",
        # Confidentiality kept, not breached: "kept my details confidential".
        r"\b(?:kept (?:\w+ ){0,3}|(?:complete|completely|total|totally|absolute|absolutely|strict|strictly|fully|"
        r"always|very) )confidential\w*\b",
    ]),
    "self_harm": "|".join([
        # Ward safety done right: "checked for ligature points", "anti-ligature fittings".
        r"\banti-?ligature\w*|\bligature[- ]free\b|\b(?:checked|checks?|audit\w*|removed|free of|no) (?:for |of )?"
        r"(?:any |all )?(?:the )?ligature points?\b",
        r"\bin crisis\b(?= (?:team|line|service|house|cafe|café|centre|center|unit))",
        r"\b(?:pensaba|pens(?:é|e)|quer(?:í|i)a|hab(?:í|i)a pensado) en quitarme la vida\b"
        r"(?=[^.!?]{0,60}\b(?:hoy|ahora|ya) (?:estoy|me siento)\b)",
        # Suicidal feelings the writer describes as past: "felt suicidal when I came in, now ...".
        r"\b(?:felt|was feeling|had been feeling|used to feel|years of feeling) suicidal\b"
        r"(?=[^.!?]{0,60}\b(?:now|finally|thanks to|today)\b)",
        # A service's name: "the self harm support group", "self-harm team".
        r"\bself[- ]?harm (?:(?:support|awareness|recovery|liaison) )?(?:group|team|service|clinic|nurse|worker|"
        r"practitioner|course|workshop|sessions?|pathway)s?\b",
        r"\bsuicide (?:prevention|awareness|bereavement) (?:training|team|service|strategy|course|charity|line|"
        r"worker|lead|group|session|week|day)s?\b",
        _KILLING_LAUGHING,
        _OVERDOSE_SERVICE,
        _OVERDOSE_THANKS,
    ]),
}

# Second tier: broader cues that only count when the comment as a whole is not read as
# positive, that is for complaints and neutral comments (model._finish decides). They trade precision for recall on indirect
# wording ("the drain came out and nobody noticed", "I'm going to the papers").
_INFO = (r"(?:records?|files?|notes|letters?|text message|results|address|hospital number|details|history|"
         r"diagnosis|information|condition|appointment)")
_EXPOSE = (r"(?:heard|hear|overheard|curtain open|visitor|recogni[sz]ed|told my (?:friends|family|neighbou?rs?|"
           r"colleagues|husband|wife|partner|boss)|looked at|went to my|someone else'?s|anyone to (?:read|see)|"
           r"for anyone|without (?:any reason|checking|asking(?! about)|permission)|on the (?:counter|desk)|left (?:on|out|open))")
RISK_BROAD: dict[str, list[str]] = {
    "patient_safety": [
        # Generic words, but not where they are plainly about admin or logistics
        # ("the wrong date on the letter", "nearly missed my bus").
        r"\bwrong\w*(?! (?:date|time|day|department|room|clinic|address|number|phone number|name|way|place|building|"
        r"entrance|floor|appointment|letter|information|details|hospital|ward|queue|desk|bus|car park|form|email|impression))",
        r"\bmistakes?\b", r"\berrors?\b",
        r"\bmissed\b(?<!nearly missed)(?<!almost missed)(?! (?:my |his |her |the |an? |our |their )?(?:appointment|bus|train|call|calls|lunch|"
        r"dinner|breakfast|meal|work|slot|flight|lift|transport|connection|letter|phone|text|scan appointment|clinic))", r"\b(?:fell|fallen|tripped|slipped)\b",
        r"\bfractur\w*|\bbroke (?:his|her|my|their)\b", r"\bbleed\w*", r"\bclots?\b", r"\binfect\w*",
        r"\btemperature (?:was|of) \d+|\bfever\b", r"\boxygen\b", r"\bdrain\b", r"\ballerg\w*", r"\breaction\b",
        r"\bnil by mouth\b[^.!?]{0,40}\b(?:days|\d\d+ hours|over (?:a|24)|two days|whole day)\b"
        r"|\b(?:despite|ignor\w*|even though|in spite of) (?:\w+ ){0,3}nil by mouth\b|\bnil by mouth (?:sign|notice|board)\b", r"\boverdos\w*", r"\bdouble\b", r"\b(?:nearly|almost) (?:gave|given|died|lost|killed)\b",
        r"\bconfused\b[^.!?]{0,40}\b(?:alone|home|night)\b", r"\b(?:let|sent) (?:him|her|me|them|my \w+) (?:go )?home\b",
        r"\bharm(?:ed)?\b", r"\binjur\w*", r"\bresus\w*", r"\bcollaps\w*", r"\bbreath\w*", r"\bheart rate\b",
        r"\bseizures?\b|\bstrokes?\b", r"\b(?:no ?one|nobody|noone|never|not) noticed\b", r"\bran out\b",
        r"\bturned out to be\b", r"\bstill let\b", r"\bdidn'?t read (?:my|his|her|the) notes\b",
        r"\bhead (?:wound|injury)\b|\bburn(?:ed|t|s)\b|\bblisters?\b|\bwound\b|\bstitches\b|\btransfusion\b",
        r"\bintensive care\b|\bicu\b|\bitu\b|\bre-?admitted\b|\bemergency (?:surgery|operation)\b|\b999\b",
        r"\bdvt\b|\bembolism\b|\bheart attack\b|\bbroken\b(?! (?:tv|television|chairs?|lifts?|machines?|toilets?|windows?|doors?|barriers?|meters?|vending|promises?|heating|showers?|phones?|english|down|wrist|arm|leg|ankle|toe|finger|foot|hand|nose|ribs?|collarbone|bone))|\bjaundice\b",
        r"\bforg(?:o|e)t(?:ten)? (?:him|her|me|them|my|his|about)\b|\boverlooked\b|\bdismissed\b",
        r"\b(?:not|never|wasn'?t|weren'?t|hadn'?t|nobody|no ?one) (?:been |had )?(?:checked|monitored|examined|assessed)\b",
        r"\bmix(?:ed)?[- ]up\b|\bmeant for\b|\bthe (?:man|woman|patient|lady) in the next bed\b",
        r"\blifting equipment\b|\bhoist\b|\bon the floor\b|\bwithout (?:a |any )?(?:meal|food|drink|water)\b",
        r"\bdiabetic\b[^.!?]{0,60}\b(?:without|missed|forgot|no )\b|\bat risk of\b",
        # A procedure or a vulnerable patient left without supervision (blind set 13).
        r"\bunsupervised\b|\b(?:without|with no|no) (?:any |proper |adequate )?supervision\b",
        # Emergencies and red-flag symptoms, counted in complaints (blind set 15).
        r"\brapid response\b|\bcode blue\b|\bcalled a code\b|\b(?:vomiting|coughing up|throwing up|spitting) blood\b"
        r"|\b(?:nobody|no one|never|wasn'?t|not) (?:re-?)?triaged\b|\babnormal (?:heart )?rhythm\b",
        r"\b(?:hearing aids?|glasses|dentures|false teeth|walking (?:frame|stick))\b[^.!?]{0,30}\b(?:went missing|were lost|"
        r"was lost|got lost|thrown away|never returned)\b",
    ],
    "legal_threat": [
        r"\blegal\w*", r"\bclaims?\b", r"\bno win no fee\b", r"\b(?:papers|press|journalists?)\b",
        # "the media", not the Spanish "media" (half: "media hora", "media planta").
        r"\b(?:the|social|news|to) media\b",
        # Broadcasters by name; not "the sun" or "the times", which NHS comments use
        # for the weather and the clock (text_data, Care Opinion).
        r"\b(?:bbc|itv|sky news|channel (?:4|four|5|five)|daily mail)\b",
        r"\bmy mp\b|\bmember of parliament\b", r"\b(?:professions?|medical|nursing) council\b", r"\bregulator\b",
        r"\btribunal\b", r"\binvestigat\w*", r"\bchief executive\b", r"\btake (?:this|it|things|the matter) further\b",
        r"\bcopies of everything\b|\bevidence\b", r"\breferred to the\b",
        r"\blegal representatives?\b|\baccountable\b|\bcourt of law\b|\bjoint action\b|\bstatements\b",
        r"\bpersonal injury\b|\bclaim against\b|\bsubject access\b|\baction against\b|\binquest\b|\bcoroner\b",
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
    ],
    "discrimination_abuse": [
        r"\bforeign\w*", r"\benglish (?:was|is) (?:too )?(?:poor|bad)\b|\bspeak properly\b",
        r"\bturban\b|\bhijab\b|\bheadscarf\b|\breligio\w*", r"\bwheelchair users?\b|\bdisab\w*|\bdeaf\b|\bblind\b",
        r"\b(?:dirty|stupid|silly|fat|lazy|mad|crazy) (?:old )?(?:woman|man|cow|git|people)\b",
        r"\bcalled (?:me|him|her|them|us|my \w+) (?:a |an )?\w+\b", r"\bfists?\b|\braised (?:his|her|their) (?:hand|fist)\b",
        r"\bmanhandl\w*", r"\bmutter\w*", r"\brolled (?:her|his|their) eyes\b", r"\bwhin\w*", r"\bwaste of (?:a bed|space)\b",
        r"\bfollowed (?:me|him|her|us)\b", r"\blaugh\w* (?:about|at)\b", r"\bsneer\w*",
        r"\bas if (?:i|he|she|they|we)\b[^.!?]{0,40}\b(?:couldn'?t|can'?t|wasn'?t|weren'?t|was stupid|didn'?t exist)\b",
        r"\byou people\b|\bpeople like (?:you|him|her|them|us|me|my)\b|\btoo old\b|\bas an? (?:older|elderly|old|disabled|black|foreign|gay|trans)\b",
        r"\bpinch(?:ed|ing)\b|\bshov(?:ed|ing)\b|\bpush(?:ed|ing) (?:him|her|me|them|my)\b|\bhit (?:his|her|my|their) head\b",
        r"\bmade fun of\b|\bmock(?:ed|ing)\b|\bscold(?:ed|ing)\b|\btold (?:me|him|her) off\b|\bslapp?ed\b|\bsmack(?:ed)?\b",
        r"\bsnapped at\b|\bbelittl\w*|\btreated (?:me |him |her |us |them )?like\b|\broughly\b|\baggressive(?:ly)?\b",
        r"\bstammer\b|\bautis\w*|\bdementia\b[^.!?]{0,60}\b(?:shout|ignor|rough|laugh)\w*",
        # Who someone is, named in a complaint: sexual orientation, gender identity, Gypsy
        # and Traveller communities (blind set 13).
        r"\bgay\b|\blesbian\b|\bbisexual\b|\bhomosexual\w*|\bsexuality\b|\bsexual orientation\b|\btransgender\b"
        r"|\btrans (?:man|woman|person|people|patient|son|daughter|child|teenager)\b|\btravell?ers?\b|\bgypsy\b|\bgypsies\b",
        r"\b(?:told|tell|telling) (?:me|him|her|them|us|my \w+) to (?:stop|quit) (?:being (?:a baby|pathetic|silly|dramatic|"
        r"a drama queen|difficult)|whinging|whining|moaning|making a fuss)\b|\bfrequent flyer\b",
    ],
    "self_harm": [
        r"\b(?:bottle|box|packet|handful) of (?:pills|tablets|paracetamol)\b|\bstockpil\w*",
        r"\bend (?:things|it)\b", r"\bplanning to (?:end|die|go)\b", r"\bscars?\b|\bcuts? (?:on|all over) (?:my|his|her|their) (?:arms?|legs?|wrists?)\b",
        r"\bkeep (?:myself|himself|herself|themselves) safe\b", r"\btr(?:y|ied|ying) to (?:take|end) (?:my|his|her|their)\b",
        r"\b(?:no longer|don'?t|do not) want to (?:live|be alive|carry on)\b", r"\bgoodbye (?:note|letter|message)\b",
        r"\bhopeless\w*|\bworthless\b", r"\bgive up\b",
        r"\bwhat (?:i'?ll|i will|i might|i may|he'?ll|she'?ll|he might|she might) do to (?:myself|himself|herself)\b",
        r"\brather be (?:gone|dead)\b|\bbetter (?:off )?without me\b|\bnot (?:be )?(?:here|around) (?:any ?more|much longer)\b",
        r"\b(?:a|the) plan and the means\b|\bthe means to\b|\b(?:round|around) (?:her|his|my|their) neck\b",
        r"\bhurt(?:ing)? (?:myself|himself|herself)\b|\bthe voices\b|\bend it\b|\bgone for good\b|\bno way out\b",
        # Spelled out so that it is gated on its first word ("'ve had" would be searched through every text).
        r"\b(?:had|have had|had had|i'?ve had|we'?ve had|he'?s had|she'?s had|they'?ve had) enough of (?:everything|life|"
        r"living|it all|being alive)\b",
    ],
}

RISK_FLAG_ORDER: tuple[str, ...] = (
    "patient_safety", "legal_threat", "privacy_breach", "discrimination_abuse", "self_harm",
)
