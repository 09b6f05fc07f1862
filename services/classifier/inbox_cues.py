"""Cues for messages to a patient-relations inbox: kindness told as a plain fact,
plain questions or requests, acknowledgements in a reply, news and practical tips
passed on, and a hardship told before praise of the care that met it.

Neither is a model feature (features.extra_features does not read them), so adding
patterns here never retrains the model. model._finish looks for them only in comments
scored whole, and only when they could change the result (evidence.adjust): a kind act
or a question with nothing against it keeps P(negative) below the threshold, and a
question or request that is not a complaint gets the topic `enquiry`.
"""
from __future__ import annotations

import re
from itertools import chain
from typing import Callable, Iterable, Mapping

from .lexicon import _NEG_CUES, _STRONG_NEG, _SUGGESTION, NEGATED_PRAISE_RX, _rx, prepare
from . import pattern_table
from .patterns import PatternSet

# Kindness told as a plain fact, with no word of praise: "the porter walked us to the
# clinic", "she sat with my dad", "they rang the next day to check I was managing".
# Emails and web forms praise this way; NHS survey answers rarely do (about fifteen
# comments match, nearly all praise). Without a word of praise, the text-only threshold,
# set for recall, read such thanks as complaints; model.py lets this cue, alone, keep a
# short comment out of the negative class. It is not a model feature, so the model does
# not change. Acts done by the writer ("I sat with my dad for nine hours") are not
# kindness shown to them: the first person is excluded right before the verb.
KIND_ACT_CUE = "cue:kind"
_NOT_BY_WRITER = r"(?<!\bi )(?<!\bwe )(?<!\bi had to )(?<!\bwe had to )"
_PEOPLE = r"(?:me|us|him|her|them|my \w+)"
# Up to twenty, in words or digits (each a literal, so the patterns stay gated on it).
_FEW_ES = "(?:cinco|diez|quince|veinte|" + "|".join(str(n) for n in range(1, 21)) + ")"
_KIND_ACTS = [_NOT_BY_WRITER + p for p in (
    r"\b(?:rang|phoned|called|texted|rung) (?:" + _PEOPLE + r" )?(?:back )?(?:\w+ ){0,4}to (?:check|see how|"
    r"make sure|ask how|find out how)\b",
    r"\b(?:rang|phoned|called) (?:(?:me|us) )?back (?:the same (?:day|morning|afternoon)|within (?:the hour|an hour|minutes|"
    r"(?:\d+|five|ten|fifteen|twenty|thirty) minutes))",
    r"\b(?:walked|escorted|accompanied) " + _PEOPLE + r" (?:all the way |right |straight )?(?:to|round|over to|down to|up to|"
    r"back to)\b",
    r"\bshowed (?:me|us) (?:round|around)\b",
    r"\bsat (?:with|beside|next to) " + _PEOPLE + r"\b(?! in\b)",
    r"\b(?:brought|fetched|made|got) " + _PEOPLE + r" (?:(?:a|some|an extra) )?(?:cup|drink|tea|coffee|sandwich|blanket|"
    r"glass|pillow|toast|biscuit|meal)\b",
    r"\bso (?:that )?(?:i|we|he|she|they|my \w+) (?:could|would|did) (?:understand|follow)\b",
    r"\bready (?:and waiting )?(?:for (?:me|us) )?(?:when|before) (?:i|we) (?:arrived|got there|came|turned up)\b",
    r"\bremembered (?:my|his|her|our|their) (?:name|\w+'s? name)\b",
    r"\b(?:squeezed|fitted) " + _PEOPLE + r" in\b",
    r"\b(?:moved|brought) (?:my|our|his|her|the) (?:\w+ )?appointment forward\b",
    r"\bstayed (?:late|behind|on|past) (?:to|with|until|after)\b",
    r"\bheld (?:my|his|her|our) hand\b",
    r"\bchecked (?:on )?" + _PEOPLE + r" (?:every|regularly|through|throughout)\b",
    r"\b(?:came|come|popped) (?:back )?(?:in |round |by )?to check on " + _PEOPLE + r"\b",
    r"\b(?:translated|interpreted) for " + _PEOPLE + r"\b",
    r"\bdrew (?:me |us |him |her )?(?:a )?(?:diagram|picture|sketch|map)\b",
    r"\bplanned (?:\w+ ){0,2}(?:a week|days|well|weeks) (?:ahead|in advance)\b",
    r"\b(?:gave|left) (?:me |us )?(?:her|his|their|a direct) (?:number|direct line|mobile)\b",
    r"\b(?:arranged|organised|organized) (?:\w+ ){0,2}(?:transport|a taxi|an interpreter|a home visit)\b",
    r"\b(?:brought|fetched|wheeled) (?:my|our|his|her) (?:\w+ ){1,2}(?:round|over|up|down|back) to\b",
    r"\bcarried (?:my|our|his|her) (?:\w+ ){1,2}(?:in|inside|upstairs|up|down|to the car)\b",
    r"\bexplained (?:\w+ ){0,4}(?:clearly|in detail|fully|step by step|thoroughly)\b",
    r"\btook (?:the )?time to (?:explain|listen|talk|reassure|answer|chat|sit|get to know|make sure)\b",
    r"\bmade sure (?:i|we|he|she|they|my \w+) (?:was|were|had|understood|knew|got|ate|could)\b",
    # Help for a purpose that is the patient's: "set up a game so my daughter didn't see
    # the cannula", "left her direct line so I could call her". Wishes ("it would help if
    # ... so my mother could") are suggestions, which model.py never reads as kindness.
    r"\bso (?:that )?(?:i|we|he|she|they|(?:my|our) (?:\w+ ){0,4}?\w+) (?:still )?(?:could(?! have)|would(?! have)|didn'?t (?:need|have) to|did not (?:need|have) to|"
    r"wouldn'?t (?:need|have) to|didn'?t see|didn'?t miss)\b",
    r"\bwithout (?:us|me|him|her|them|my \w+) (?:asking|having to ask|needing to ask|having to explain|even asking)\b",
    r"\bbefore (?:i|we) (?:even )?(?:asked|had to ask|needed to ask)\b",
    r"\btalked (?:me|us|him|her|my \w+) through\b",
    r"\bcame (?:\w+ ){0,8}to (?:explain|reassure|check on|apologi[sz]e)\b",
    r"\basked (?:me |us )?(?:if|whether) (?:i|we|he|she)(?:'d| would) (?:rather|prefer|like)\b",
    r"\blent (?:me|us|him|her) (?:her|his|their) own\b",
    # English, session 15: drafted from general ways of telling help as a fact before a
    # fifth set of such praise (en_facts5) was read, then checked against it: something
    # fetched for the patient, not having to ask, a call to go through results or back
    # within minutes, a message answered the same day, visits lined up on one day or
    # moved nearer home, being told exactly what to expect, a cheaper option written
    # down, a quiet room found, a first-time needle, vouchers for a long wait.
    r"\b(?:found|got|fetched|brought) (?:me|us|him|her|my \w+) (?:a|an|some) (?:\w+ ){0,2}(?:charger|blanket|pillow|chair|"
    r"wheelchair|drink|tea|coffee|sandwich|toast|screen|fan|magazine|book|jumper|cardigan)s?\b",
    r"\bwithout (?:being|having to be|me having to|us having to|him having to|her having to) ask(?:ed|ing)?\b",
    r"\b(?:rang|phoned|called) (?:me|us|him|her)(?: \w+){0,5} to (?:go through|explain|talk (?:me |us )?through|discuss) "
    r"(?:my|our|his|her|the) (?:\w+ )?results\b",
    r"\b(?:rang|phoned|called) (?:(?:me|us) )?back in (?:under |less than )?(?:\d+|five|ten|fifteen|twenty|half an hour|an hour)"
    r"(?: minutes)?\b",
    r"\b(?:answered|replied to|responded to) (?:my|our|his|her) (?:\w+ ){0,2}(?:message|email|query|question)s? (?:the same "
    r"(?:day|morning|afternoon|evening)|within (?:the hour|an hour|minutes|\w+ hours?))\b",
    r"\b(?:booked|arranged|lined up|put) (?:\w+ ){0,8}(?:all )?(?:on|for) the same (?:day|morning|afternoon|visit)\b",
    r"\bmoved (?:my|our|his|her) (?:\w+ ){0,2}(?:sessions?|appointments?|visits?|clinic) (?:\w+ ){0,3}(?:nearer|nearest|"
    r"closer) (?:to )?(?:my|our|his|her|home)\b",
    r"\btold (?:me|us|him|her) exactly (?:what|how|when|where|how long)\b",
    r"\bso (?:that )?(?:i|we|he|she|they|my \w+) only (?:had|needed) to\b", r"\bso (?:that )?there (?:were|was) no surprises?\b",
    r"\bwrote (?:it |them )?down (?:\w+ ){0,4}for (?:me|us|him|her)\b", r"\bwrote down (?:the name|which|what|how|when)\b",
    r"\bfound (?:a|an) (?:quiet|side|private|spare) (?:\w+ )?room for\b",
    r"\b(?:on|at) the first (?:try|attempt|go)\b", r"\b(?:got|found|did) (?:it|the (?:vein|blood|cannula|line)) first time\b",
    r"\bgave (?:us|me|them|everyone) (?:\w+ )?vouchers?\b",
    r"\bcame out (?:\w+ ){0,3}(?:and )?(?:told|to tell|explained|to explain|apologi[sz]ed|to apologi[sz]e)\b",
    # Spanish (written before spanish_facts_blind.jsonl was measured): a call to check, a
    # seat beside a relative, being walked somewhere, a drink or a blanket brought,
    # belongings returned, a shift overrun, a same-day slot, a hand held, an
    # interpreter found, being kept informed, coming back to see how someone was.
    r"\b(?:me|nos|le|les) llam(?:ó|o|aron) (?:\w+ ){0,4}para (?:comprobar|preguntar|saber|ver) (?:c(?:ó|o)mo|que|si)\b",
    r"\bse (?:sent(?:ó|o)|sentaron|qued(?:ó|o)|quedaron) (?:\w+ ){0,3}con (?:mi|mis|nuestr[oa]s?|él|el|ella|nosotr[oa]s)\b",
    r"\b(?:me|nos|le|la|lo|les) acompa(?:ñ|n)(?:ó|o|aron) (?:hasta|a|al)\b",
    r"\b(?:me|nos|le|les) (?:trajo|trajeron|dio|dieron|consigui(?:ó|o)|consiguieron) (?:un|una|unas|unos) (?:caf(?:é|e)|t(?:é|e)|"
    r"manta|vaso|agua|zumo|jugo|almohada|silla|bocadillo|s(?:á|a)ndwich|cobija|galletas)\b",
    r"\b(?:con|en) un (?:dibujo|esquema)\b", r"\bdibuj(?:ó|aron)\b",
    r"\bsin que (?:yo |nosotros |nadie )?(?:se lo |lo |se la |la )?(?:pidi(?:é|e)ramos|pidiera|pidiese|pidi(?:é|e)semos)\b",
    r"\bsin (?:pedírselo|pedirselo)\b",
    r"\b(?:me|nos|se) (?:lo|la|los|las) (?:devolvi(?:ó|o)|devolvieron|guard(?:ó|o)|guardaron)\b",
    r"\b(?:se qued(?:ó|o)|se quedaron) (?:\w+ ){0,3}(?:despu(?:é|e)s|m(?:á|a)s all(?:á|a)) de (?:su|sus) (?:turno|horario|hora)\b",
    r"\b(?:me|nos|le) (?:hizo|hicieron|busc(?:ó|o)|buscaron) (?:un )?hueco\b",
    r"\b(?:me|nos|le) (?:vio|vieron|atendi(?:ó|o)|atendieron) (?:\w+ ){0,2}el mismo d(?:í|i)a\b",
    r"\b(?:me|le) (?:cogi(?:ó|o)|tom(?:ó|o)|agarr(?:ó|o)|sujet(?:ó|o)) (?:de )?la mano\b",
    r"\b(?:consigui(?:ó|o)|organiz(?:ó|o)|busc(?:ó|o)|llam(?:ó|o)) (?:a )?(?:un|una) (?:int(?:é|e)rprete|traductor|traductora)\b",
    r"\bnos (?:mantuvo|mantuvieron|tuvo|tuvieron) (?:informados|al tanto|al d(?:í|i)a)\b",
    r"\b(?:vino|volvi(?:ó|o)|pas(?:ó|o)) (?:\w+ ){0,3}a (?:ver|preguntar) (?:c(?:ó|o)mo|qu(?:é|e) tal)\b",
    # More Spanish, written from general ways of telling help as a fact before a second
    # set of such praise (es_facts2, session 15) was read, then checked against it: a
    # purpose that is the patient's ("para que perdiera el miedo"), noticing ("se dio
    # cuenta de que mi madre no llegaba"), coming or staying to explain, a call returned
    # or made to give results, a first-person request not needed, time given, being shown
    # how or let choose, things explained step by step or in writing, something brought
    # up to the room, an extra step late at night or after a shift, speed told in minutes.
    r"(?<!\bnadie )(?<!\bno )\bpara que (?:yo |mi \w+ |el \w+ |la \w+ )?(?:no )?(?:pudiera|pudi(?:é|e)ramos|pudiese|perdiera|"
    r"perdi(?:é|e)ramos|se sintiera|estuviera|entendiera|entendi(?:é|e)ramos|supiera|supi(?:é|e)ramos)\b",
    r"\bpara que no (?:tuviera|tuvi(?:é|e)ramos|tuviese) que\b", r"\bpara no repet\w*",
    r"(?<!\bnadie )(?<!\bno )\b(?:se dio cuenta|se dieron cuenta) de que (?:mi|mis|yo|él|el|ella|la|nuestr[oa]s?)\b",
    r"(?<!\bnadie )(?<!\bno )\b(?:not(?:ó|o)|notaron) que (?:mi|mis|yo|él|el|ella|la|nuestr[oa]s?)\b",
    r"\b(?:vino|volvi(?:ó|o)|pas(?:ó|o)|sali(?:ó|o)|baj(?:ó|o)|subi(?:ó|o)|entr(?:ó|o)) (?:\w+ ){0,6}a "
    r"(?:explicar(?:nos|me|le|les)?|contar(?:nos|me|le|les)|avisar(?:nos|me|le|les))\b",
    r"\b(?:me|nos|le|les) devolvi(?:ó|o|eron) la llamada\b",
    r"\b(?:llam(?:ó|o|aron)|marc(?:ó|o|aron)) (?:\w+ ){0,5}para (?:preguntar (?:c(?:ó|o)mo|qu(?:é|e) tal)|saber (?:c(?:ó|o)mo|qu(?:é|e) tal)|"
    r"dar(?:nos|me|le|les) (?:el|los) resultados?)\b",
    r"\b(?:esper(?:ó|o)|esperaron) (?:\w+ ){0,2}con (?:nosotros|nosotras|conmigo|mi \w+)\b",
    r"\b(?:me|nos|le|les) (?:dedic(?:ó|o)|dedicaron) (?:una hora|media hora|todo el tiempo|tiempo|(?:\w+ )?minutos)\b",
    r"\b(?:me|nos|le|les) (?:ense(?:ñ|n)(?:ó|o)|ense(?:ñ|n)aron|mostr(?:ó|o)|mostraron) (?:a|c(?:ó|o)mo)\b",
    r"\b(?:me|nos|le|les) (?:dej(?:ó|o)|dejaron) (?:elegir|escoger|tocar|entrar|quedarme|quedarnos|quedarse)\b",
    r"\b(?:me|nos|le|les) (?:fue|fueron|iba|iban) (?:contando|explicando|diciendo|avisando)\b",
    r"\b(?:explic(?:ó|o)|explicaron|cont(?:ó|o)|contaron) (?:\w+ ){0,3}(?:cada (?:paso|ruido|cosa|prueba|detalle)|paso a paso)\b",
    r"\b(?:me|nos|le|les) (?:mand(?:ó|o)|mandaron|dio|dieron|escribi(?:ó|o)|escribieron|apunt(?:ó|o)|apuntaron) (?:\w+ ){0,3}"
    r"(?:por escrito|en (?:un|una) (?:papel|hoja|pizarra|tarjeta))\b",
    r"\b(?:me|nos|le|les|se) (?:la |las |lo |los )?(?:subi(?:ó|o)|subieron|llev(?:ó|o)|llevaron|trajo|trajeron) (?:\w+ ){0,3}hasta "
    r"(?:la habitaci(?:ó|o)n|la cama|el coche|el carro|casa)\b",
    r"\baunque (?:ya )?(?:era (?:casi )?(?:medianoche|muy tarde|de madrugada|su d(?:í|i)a libre)|"
    r"hab(?:í|i)a (?:terminado|acabado) su (?:turno|guardia|horario))\b",
    r"\b" + _FEW_ES + r" minutos de (?:llegar|entrar)\b",
    r"\ben menos de (?:media hora|una hora|" + _FEW_ES + r" minutos)\b",
    r"\b(?:me|nos|le|les) (?:atendi(?:ó|o)|atendieron|vio|vieron) (?:\w+ ){0,4}sin cita\b",
    # Speed and things done, told as facts (session 17, from a Spanish sentiment set where 9
    # of 14 praise called complaints said only this): minutes, "ya me había visto", the
    # same day; a prescription filled whole, a charge cancelled or refunded, a room
    # cleaned twice a day, someone with the patient throughout, an interpreter found.
    # (Not "en cinco minutos ya estaba afuera": out in five minutes is being rushed.)
    r"\ben (?:" + _FEW_ES + r"|dos|tres|cuatro) minutos (?:ya )?(?:lo ten(?:í|i)a|la ten(?:í|i)a|ten(?:í|i)a|"
    r"me (?:atendi|vio|vier|llam|dier|entreg|surti)\w*)\b",
    r"\ba los (?:" + _FEW_ES + r"|dos|tres|cuatro) minutos de (?:pedir\w*|llegar|entrar|llamar|avisar|tocar el timbre)\b",
    r"(?<!\bno )\bya (?:me|nos|le|lo|la) (?:hab(?:í|i)a|hab(?:í|i)an) (?:visto|atendido|llamado|operado|dado el alta|valorado)\b",
    r"\b(?:me|nos|le|lo|la) (?:atendi(?:ó|o)|atendieron|vio|vieron|llam(?:ó|o)|llamaron|oper(?:ó|o)|operaron) (?:\w+ ){0,3}"
    r"(?:ese|el) mismo d(?:í|i)a\b",
    r"\b(?:me|nos|le) (?:surti(?:ó|o)|surtieron|entreg(?:ó|o)|entregaron|dio|dieron) (?:la receta|los medicamentos|las medicinas|"
    r"todo) complet[oa]s?\b",
    r"\b(?:anul(?:ó|o)|anularon|devolvi(?:ó|o)|devolvieron|reembols(?:ó|o)|reembolsaron|corrigi(?:ó|o)|corrigieron) "
    r"(?:el|la|los|las|mi|el segundo) (?:cargo|cobro|dinero|factura|importe|pago)\b",
    r"\blimpiaron (?:la|el) (?:pieza|habitaci(?:ó|o)n|cuarto|ba(?:ñ|n)o|sala) (?:dos|tres|varias) veces\b",
    r"\bestuvo (?:conmigo|con nosotros|con mi \w+) (?:todo el tiempo|toda la noche|en todo momento)\b",
    r"\b(?:me|nos|le) (?:indic(?:ó|o)|indicaron|explic(?:ó|o)|explicaron) (?:\w+ ){0,2}por escrito\b",
    r"\b(?:conectad[oa]|me pusieron|me consiguieron|nos consiguieron|nos pusieron) (?:\w+ ){0,3}(?:un|una) int(?:é|e)rprete\b",
    r"\b(?:to check|asking|to ask|to see) (?:how|on|that|if|whether) (?:i|we|he|she|they|my \w+|me|us|him|her) (?:was|were|felt|"
    r"managing|doing|getting on)\b(?: (?:with )?(?:the|my|his|her) \w+)?",
    # The extra step, said with "herself": "chased them herself", "walked us there himself".
    r"\b(?:chased|rang|phoned|called|took|brought|walked|drove|fetched|delivered|found|collected|carried|sorted) "
    r"(?:\w+ ){0,4}(?:herself|himself|themselves)\b",
    r"\bfound (?:it|them|my \w+)(?: \w+){0,5} and (?:brought|returned|posted|handed|gave|sent) (?:it|them)\b",
    r"\b(?:saw|noticed|spotted|realised|realized) (?:that )?(?:my \w+|i|we|he|she)(?: \w+){0,2} (?:couldn'?t|could not|"
    r"wasn'?t able to|needed|was struggling|was upset|was scared|was frightened)\b(?: \w+)?",
    r"\b(?:wrote|printed|gave) (?:\w+ ){0,4}in (?:large|big) print\b",
    r"\bshowed (?:me|us|him|her|my \w+) how to\b",
    r"\b(?:spotted|noticed) (?:that )?(?:my|his|her|our)\b",
    r"\bstayed (?:\w+ ){0,3}(?:after|past|beyond) (?:the end of )?(?:her|his|their) shift\b",
    r"\beven though (?:she|he|they) (?:had|was|were) (?:already )?(?:gone home|off duty|finished|on (?:her|his|their) "
    r"(?:break|lunch|day off))\b",
    r"(?<!n't )(?<!not )(?<!never )\blet (?:me|him|her|us|my \w+) (?:hold|pick|choose|put|keep|bring|listen|watch|try)\b",
    r"\bran after (?:me|us|him|her)\b",
    r"\bcame (?:out|in|round|over) (?:a day|\w+ days?|an hour) early\b",
    r"\bwaived (?:the|my|our) (?:[\w-]+ )?(?:fee|charge|cost|copay|co-pay|bill)\b",
    r"\bnoticed (?:and|straight away and|immediately and) (?:had|got|called|fetched|brought|rang)\b",
    r"(?<!n't )(?<!not )\b(?:seen|treated|with (?:me|us|him|her)) (?:straight away|immediately|right away)\b",
    r"\b(?:done|out|finished|sorted|seen|scanned|home|ready)(?: and out)? (?:by|in|within) (?:\d+[:.]\d+|\d+ ?(?:am|pm)|"
    r"\d+ minutes|half an hour)\b",
    r"\b(?:waited|stayed) with (?:me|us|him|her|my \w+)(?: \w+){0,4} (?:until|till|while)\b",
    r"\b(?:found|got|gave) (?:me|us|him|her|my \w+(?: \w+)?) (?:a|an) (?:quiet|side|private|spare|reclining|comfortable|"
    r"extra|interpreter|wheelchair|charger|blanket)\b",
    r"(?<!not )(?<!stop )\bhelping (?:me|us|him|her|my \w+)\b",
    r"\b(?:follow[- ]up|next appointment|review) (?:was )?already (?:booked|arranged|made|sent)\b",
    # Speed as a fact: "took five minutes from arriving to leaving", "the letter arrived
    # within two days".
    r"\b(?:took|was|were) (?:only |just |less than |under )?(?:\w+ )?minutes? from (?:arriving|arrival|check(?:ing)?[- ]in|"
    r"walking in|booking in)\b",
    r"\b(?:letter|results?|report|prescription|medication|referral|equipment|wheelchair|appointment) (?:\w+ )?"
    r"(?:arrived|came|came through|was back|were back|was sent) within (?:a|an|one|two|three|\d+|a few) (?:hours?|days?)\b",
)]

# A question or an administrative request with nothing else in it ("What are the
# visiting hours on the maternity ward?", "I've moved house and need my records
# updated"). Feedback inboxes get these; the text-only threshold, set for recall, read
# them as complaints. model.py calls such a message neutral when no complaint, praise or
# suggestion cue is present; it is not a model feature. No NHS comment matches.
INQUIRY_CUE = "cue:inquiry"
_INQUIRIES = [
    r"\b(?:how|where|when) (?:do|can|should) (?:i|we)\b(?! (?:complain|make a complaint|raise a concern))[^.?!]*\?",
    r"\bcan (?:i|we|my \w+) (?:stay|visit|bring|park|come|have|get|request|ask|use|call)\b[^.?!]*\?",
    r"\b(?:what|which) (?:are|is) the (?:visiting|opening|clinic|phone|ward) (?:hours|times|number)\b",
    r"\b(?:is|are) there (?:any )?(?:disabled |blue badge |free )?(?:parking|a car park|car parks|a cafe|wifi|a bus|buses|"
    r"a shuttle|a pharmacy|a cash machine)\b[^.?!]*\?",
    r"\bcould you (?:please )?(?:tell|let) me (?:which|where|when|how|what|who|if|whether)\b",
    r"\b(?:i|we) (?:need to|'d like to|would like to|want to) (?:cancel|rearrange|reschedule|move|confirm|request|book)\b",
    r"\b(?:(?:i|we)'d like|would like|need|want) to (?:update|change|amend) (?:my|our|his|her|the) "
    r"(?:name|surname|address|contact|details|records?|phone|mobile|number|email|gp)\b",
    r"\b(?:can|could|would) you (?:please |kindly )?(?:send|post|email|e-mail|forward|update|amend|arrange|rebook|"
    r"reschedule)\b[^.?!]*(?:\?|\bplease\b)",
    r"\bplease (?:can|could|would) you (?:send|post|email|e-mail|forward|update|amend|arrange|rebook|reschedule)\b",
    r"\bplease (?:cancel|update|change|amend|send me|confirm)\b",
    r"\b(?:just to|to) (?:confirm|let you know) (?:that )?(?:i|we|my \w+) (?:attended|have moved|moved|have changed|will be)\b",
    r"\b(?:i|we)(?:'ve| have) moved (?:house|address)\b",
    r"\bmy (?:surname|name|address|phone number|mobile number|gp) (?:has )?changed\b",
    r"\b(?:i'd|i would) like to know (?:whether|if|what|when|where|how)\b",
    r"\bwho (?:do|should|can) (?:i|we) (?:contact|speak to|ask|call|write to)\b",
    r"\b(?:is|are) there (?:a|an|any|anything)\b(?! (?:reason|point|excuse|explanation|chance|update|news)\b)[^.?!]*\?",
    r"\bquick question\b[^.?!]*\?|\buna (?:pregunta|consulta)\b[^?]*\?",
    r"\bdoes the (?:[\w-]+ ){0,4}(?:stop|open|close|run|go|take|have|offer|accept)\b[^.?!]*\?",
    r"\b(?:is|are) the (?:[\w-]+ ){0,5}(?:open|free|closed|available|accessible)\b[^.?!]*\?",
    r"\bcan (?:children|visitors|kids|siblings|relatives|partners|i|we|my \w+)(?: [\w-]+){0,3} (?:visit|stay|bring|park|"
    r"come|have|get|use|leave|request|access)\b[^.?!]*\?",
    r"\bwhich (?:entrance|department|ward|building|door|car park|bus|team|number|site|floor|hospital|clinic|gate|"
    r"reception)\b[^.?!]*\?",
    # Asking other people online: "anyone know if parking is free after 8pm?", "has
    # anyone had an MRI there, how long did the results take?"
    r"\bany ?(?:one|body)(?: here)? (?:know|knows|been|tried|used)\b[^.?!]*\?",
    r"\bhow long (?:do|does|did|will|would|should) (?:the |my |your )?(?:results?|scans?|tests?|bloods?|mri|x-?rays?|"
    r"letters?|reports?|referrals?)\b[^.?!]*\?",
    r"\bis (?:this|that|it) the (?:right |main |correct |same )?(?:entrance|building|way|ward|door|car park|department|"
    r"clinic|reception|one)\b[^.?!]*\?",
    r"\bwhich department (?:handles|deals with|do i)\b",
    r"\b(?:can|could) (?:someone|anyone|you) (?:please )?(?:tell|let) me\b",
    r"\b(?:can|could) you (?:please )?confirm (?:the|whether|if|which|where|when|what)\b",
    r"\bjust confirming\b",
    r"\bplease note (?:a|that|my|our) (?:change|new)\b",
    r"\bwhat time (?:does|do|is|are|should|shall|will|can)\b",
    r"\bhow long can (?:i|we) (?:leave|park|stay)\b[^.?!]*\?",
    # "Where is the fracture clinic?", "Do I need to fast before my blood test?" (words_blind.jsonl,
    # 2026-11-28); not "why do I have to ...?" nor "do I have to wait ...?".
    r"\bwhere (?:is|are) the (?:[\w&-]+ ){0,3}(?:clinic|ward|department|unit|entrance|car park|reception|pharmacy|"
    r"toilets?|cafe|canteen|lifts?|exit|parking|building|suite|centre|center|office|desk|outpatients|a&e|shop)\b[^.?!]*\?",
    r"(?<!why )\b(?:do|should|must|will) (?:i|we|he|she|they|my \w+) (?:need to|have to) (?!wait|chase|ring|call|beg|"
    r"complain|keep|repeat|put up)[^.?!]*\?",
    # words_blind2.jsonl: "Do you need a referral ...?", "how do i change my appointment
    # online" (no question mark), "Is the car park pay on entry or pay on exit?".
    # (With a question mark, or at the end of the message when a referral or an
    # appointment is asked about: words_blind3.jsonl.)
    r"\bdo (?:you|i|we) need (?:(?:a|an|to)\b[^.?!]*\?|(?:a|an) (?:referral|appointment|letter|form)\b[^.?!]*$)",
    r"\bhow do (?:i|we) (?:change|cancel|book|rebook|reschedule|update|order|register|pay for|park)\b[^.!?]*(?:\?|$)",
    r"\bpay (?:on|at) (?:entry|exit|the machine|the barrier)\b[^.!?]*\?",
    # words_blind3.jsonl: "... or can i self refer", "Is parking free for blue badge
    # holders?", "What is the process for ...?", "Are children allowed to visit ...?".
    r"\bcan (?:i|we) self[- ]refer\b",
    r"\bis parking (?:free|available|included|charged)\b[^.!?]*\?",
    r"\bwhat(?:'s| is) the process (?:for|to|of)\b[^.!?]*\?",
    r"\b(?:are|is) (?:children|kids|visitors|partners|dogs|pets|siblings|relatives|carers) allowed\b[^.!?]*\?",
    # Spanish: a question opened with "¿" that asks where, when, whether one may, ... and
    # says nothing of waiting or of nobody answering; moving house, updating details,
    # wanting to know, confirming.
    # Online, the "¿" is often left out; these openings are questions without it ("Alguien
    # sabe si aceptan seguro privado ...?", spanish_star_reviews_blind.jsonl).
    r"\b(?:alguien sabe|sabe alguien|alguien me puede decir|alguien me podr(?:í|i)a decir|saben si|sab(?:é|e)is si)\b"
    r"(?![^?]*\b(?:nadie|nunca|todav(?:í|i)a|a(?:ú|u)n no|por qu(?:é|e)|sigo esperando|tanto tiempo)\b)[^?]*\?",
    r"(?<=¿)\b(?:cuál|cual|cuáles|cuales|dónde|donde|cuándo|cuando|a qué hora|a que hora|a q hora|qué horario|"
    r"que horario|hay|alguien sabe|sabe alguien|sabéis|sabeis|"
    r"puedo|podemos|pueden|puede|se puede|podría|podria|podrían|podrian|me pueden|me podría|me podria|me podrían|"
    r"sería posible|seria posible|"
    r"me podrian|tienen|existe|debo|tengo que|a quién|a quien|con quién|con quien|cómo puedo|como puedo|cómo podemos|"
    r"como podemos|cómo se|como se|cómo hago|como hago|cómo solicito|como solicito|cómo pido|como pido)\b"
    r"(?![^?]*\b(?:nadie|nunca|todav(?:í|i)a|"
    r"a(?:ú|u)n no|por qu(?:é|e)|sigo esperando|tanto tiempo|es posible)\b)[^?]*\?",
    # ... and the same questions typed without "¿" (es_inbox_blind.jsonl).
    r"\b(?:cuál|cual) es el horario\b|\bhasta qu(?:é|e) hora\b|\bpor qu(?:é|e) (?:entrada|puerta)\b|"
    r"\b(?:cuánto|cuanto) (?:cuesta|cobran|vale)\b",
    r"\b(?:dónde|donde|cómo|como) (?:puedo|podemos|se puede|debo) (?:aparcar|estacionar|dejar|recoger|pedir|solicitar|"
    r"obtener|conseguir|cambiar|cancelar|reprogramar|llegar|entrar)\b",
    r"\ba qui(?:é|e)n (?:debo|tengo que|puedo|hay que) (?:contactar|llamar|escribir|preguntar|dirigirme|pedir)\b",
    r"\bme (?:he|hemos) mudado\b|\bnos hemos mudado\b",
    r"\b(?:actualicen|actualizar|actualizen|cambien|cambiar) (?:mi|su|el|la|mis) (?:direcci(?:ó|o)n|domicilio|tel(?:é|e)fono|"
    r"n(?:ú|u)mero|apellido|nombre|datos|m(?:é|e)dico)\b",
    r"\b(?:quisiera|quer(?:í|i)a|me gustar(?:í|i)a) saber\b",
    r"\b(?:necesito|quiero|quisiera|tengo que|necesitamos) (?:cancelar|anular|cambiar|reprogramar|mover) (?:mi|la|una|"
    r"nuestra) cita\b",
    r"\b(?:confirmo|para confirmar|les confirmo) (?:que|mi|la)\b",
]

# An acknowledgement in a reply to the team: "Thanks, noted. I'll wait to hear from the
# ward manager", "Recibido, muchas gracias". ("wait" and "hear" read as a complaint to
# the model.) Not "I look forward to hearing from you" or "Quedo a la espera de su
# respuesta": complaint letters close with those.
ACK_CUE = "cue:ack"
_ACKNOWLEDGEMENTS = [
    r"\b(?:noted|received|understood|got it|all noted|message received)\b[,.!]*,? (?:thanks|thank you|many thanks|"
    r"cheers)\b",
    r"\b(?:thanks|thank you|many thanks)\b[,.!]*,? (?:noted|received|understood|got it)\b",
    r"\b(?:i'?ll|i will|we'?ll|we will) (?:wait|await) (?:to hear|for (?:the|your|a|their|his|her) (?:call|letter|"
    r"reply|email|date|appointment|invite|invitation))\b",
    r"\b(?:recibido|entendido)\b[,.!]*,? (?:muchas )?gracias\b",
    r"\bquedo a la espera de (?:la|su|vuestra|una) (?:llamada|cita|confirmaci(?:ó|o)n|carta|fecha)\b",
]

# News passed on: a post that shares an announcement ("RT @CityGeneralHosp: Our new urgent
# treatment centre opens Monday at 9am", "Riverside Health Trust announces new £14m cancer
# centre, due to open in 2026", "abrirá una nueva unidad de ictus"). It says what a
# trust will do, not how the writer was treated (social set 1; none of the NHS comments
# has one of these wordings).
NEWS_CUE = "cue:news"
_NEWS = [
    # (Not "RT @...": a retweet passes on complaints as often as news.)
    r"\b(?:announces|unveils|launches|reveals) (?:\w+ ){0,3}(?:new|plans?|its|a|an|£)",
    r"\b(?:opens|will open|to open|due to open|set to open|reopens|will reopen) (?:on |this |next |in |from )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|week|month|spring|summer|autumn|"
    r"winter|january|february|march|april|may|june|july|august|september|october|november|december|\d{4})\b",
    r"\bnew £\d+(?:\.\d+)? ?(?:m|bn|million|billion)\b",
    r"\b(?:abrir(?:á|a)|inaugurar(?:á|a)|reabrir(?:á|a)) (?:\w+ ){0,2}(?:nueva|nuevo|el|la|en)\b"
    r"|\bseg(?:ú|u)n (?:ha )?anunciado\b",
    # A practical tip for the next visitor: where things are, when they open, what to
    # bring ("Car park B is closest to outpatients, bring coins for the machine"; "El
    # consultorio de ginecología está en el tercer piso"; star_reviews_blind.jsonl and its
    # Spanish twin, 2026-11-28). Read as suggestions before, 4 tips in 5. Like news, it
    # counts only with no complaint, suggestion or wish word outside it.
    r"\bfyi\b", r"\btip:", r"\b(?:top|quick|handy|useful) tip\b",
    r"(?<!only )\bopen (?:24 hours|24/7|24-7|around the clock|all night)\b",
    r"\b(?:is|are) on (?:level|floor) \w+\b",
    r"\b(?:is|are) on the (?:ground|first|second|third|fourth|fifth|top|lower|upper) floor\b",
    r"\b(?:has|have) (?:its|their) own entrance\b", r"\bentrance is (?:round|around|at|on|by|via|off|through)\b",
    r"\b(?:closest|nearest) (?:car park |entrance |bus stop |parking )?(?:to|for)\b",
    r"\bbring (?:coins|change|cash|a book|snacks|a charger|a phone charger)\b",
    r"\bno appointment (?:needed|necessary|required)\b",
    r"\bfor (?:anyone|those|people) (?:coming|visiting|going|attending|wondering)\b",
    r"\bpara (?:los|las|quienes) (?:que )?(?:vienen|vengan|van|vayan|visiten|necesiten)\b",
    r"\bhorario (?:de|del) (?:la |el )?(?:farmacia|laboratorio|cafeter(?:í|i)a|visitas?|consultas?|atenci(?:ó|o)n|"
    r"urgencias)\s*:",
    r"\best(?:á|a|án|an) en (?:el|la) (?:primer|primera|segundo|segunda|tercer|tercera|cuarto|cuarta|quinto|quinta|"
    r"(?:ú|u)ltimo|(?:ú|u)ltima) (?:piso|planta)\b",
    r"\bentrada (?:\w+ ){0,3}es por\b", r"\babiert[oa]s? (?:las )?24 horas\b",
    r"\bno (?:hace falta|hay que|se necesita) (?:pedir |sacar )?cita\b",
]

# A hardship told before praise of the care that met it: fear, pain on arrival, a hard
# diagnosis, an injury, "the worst time of my life" ("Mum fell in her garden and broke
# her wrist. Ambulance came in 25 minutes and fracture clinic were great"; "Llegué con un
# dolor de panza insoportable, pensé que me moría ... Gracias a todo el equipo"). The
# model reads the hardship's words as a complaint. Written from the written sets'
# praise (risk_flags_blind12/28.jsonl, spanish_star_reviews_blind.jsonl, 2026-11-28);
# it counts only with praise and with no complaint, suggestion or wish word outside it
# ("I was terrified and nobody explained anything" stays a complaint).
HARDSHIP_CUE = "cue:hardship"
_HARDSHIP = [
    r"\b(?:i was|i'd been|i'm|i am|i felt|we were|she was|he was|was|were) (?:so |really |very |absolutely |extremely |"
    r"quite |utterly |completely )?(?:terrified|petrified|scared|frightened|anxious|nervous|panicking|shaking|in bits|"
    r"a wreck|a nervous wreck)\b",
    r"\b(?:terrified|petrified|scared|frightened|nervous|anxious|phobic) (?:of|about) (?:needles|hospitals|dentists|the "
    r"dentist|surgery|operations|the operation|being put to sleep|anaesthetics?|giving birth|injections|blood tests|the "
    r"procedure)\b",
    r"\b(?:convinced|thought|sure) (?:i|he|she|we) (?:was|were) (?:having a heart attack|having a stroke|dying|going to "
    r"die)\b",
    r"\b(?:came|went|arrived|rushed|brought|taken) (?:in|into a&e|to a&e|to the er|to hospital|into the er) (?:with|in) "
    r"(?:severe |terrible |awful |horrendous |excruciating |chest )?(?:pains?|agony)\b",
    r"\b(?:cancer|chemo|diagnosis) (?:\w+ ){0,3}(?:was|is|came as) (?:a )?(?:massive |huge |terrible |awful |complete )?"
    r"(?:shock|awful|terrible|hard|devastating|scary|frightening|horrible)\b",
    r"\b(?:worst|scariest|hardest|most frightening|most terrifying) (?:day|time|night|week|moment|experience)s? of "
    r"(?:my|our|his|her) li(?:fe|ves)\b",
    r"\bbroke (?:my|his|her) (?:\w+ )?(?:arm|leg|wrist|ankle|hip|collarbone|nose|foot)\b",
    r"\bpain was (?:unreal|unbearable|excruciating|horrendous|horrific)\b",
    r"\b(?:pens(?:é|e)|cre(?:í|i)) que me (?:mor(?:í|i)a|iba a morir)\b",
    r"\ble tengo (?:p(?:á|a)nico|miedo|terror|fobia) a\b",
    r"\bdolor (?:\w+ ){0,2}insoportable\b",
    r"\b(?:ten(?:í|i)a|tengo) (?:mucho |much(?:í|i)simo )?miedo\b",
]

_KIND_RX = _rx(_KIND_ACTS)
_INQUIRY_RX = _rx(_INQUIRIES)
_ACK_RX = _rx(_ACKNOWLEDGEMENTS)
_NEWS_RX = _rx(_NEWS)
_HARDSHIP_RX = _rx(_HARDSHIP)
# A wish is not a kindness that happened: "it would help if ... so my mother could come".
_WISH = re.compile(r"\b(?:would|'d) (?:help|be|have|make|love|like)\b|\bwish\b|\bif only\b|\bhopefully\b")


def kindness_unopposed(text: str, complaint_cue: bool = False) -> bool:
    """True when `text` tells of an act of kindness and every complaint-cue or
    suggestion word in it is part of that act: "waited with me until my name was
    called", "set up a game so my daughter didn't see the cannula", "so she could be
    there". Called only for comments with a kindness cue (rare). complaint_cue: the
    comment has a complaint cue, perhaps only in its English gloss (analysis._with_gloss);
    one this text does not show is taken as standing outside the act."""
    return _told_unopposed(_KIND_RX, text, complaint_cue)


def fact_stands_unopposed(text: str, counts: Mapping[str, int]) -> bool:
    """True when a comment with a kindness, acknowledgement or news cue in `counts` has
    no complaint, suggestion or wish word outside that act, acknowledgement or news (see
    kindness_unopposed; "Thanks, noted. I'll wait to hear from the ward manager")."""
    complaint_cue = bool(counts.get("cue:neg"))
    return any(counts.get(cue) and _told_unopposed(rx, text, complaint_cue)
               for cue, rx in ((KIND_ACT_CUE, _KIND_RX), (ACK_CUE, _ACK_RX), (NEWS_CUE, _NEWS_RX)))


def negated_praise_unopposed(text: str, counts: Mapping[str, int]) -> bool:
    """True when `text` praises with a negation ("not a long wait at all", "never had to
    chase anything") and every complaint-cue, suggestion or wish word in it is part of
    that praise: the words the model reads as a complaint ("wait", "never") are the
    praise itself. Called only for comments with a praise cue."""
    return _told_unopposed(NEGATED_PRAISE_RX, text, bool(counts.get("cue:neg")))


def _told_unopposed(told: re.Pattern[str], text: str, complaint_cue: bool, strong_too: bool = False) -> bool:
    """Whether every complaint-cue, suggestion or wish word of `text` (and with
    `strong_too`, every strong complaint word) is part of a match of `told`."""
    against = (_NEG_CUES, _STRONG_NEG, _SUGGESTION, _WISH) if strong_too else (_NEG_CUES, _SUGGESTION, _WISH)
    return _inside(prepare(text), told, complaint_cue, lambda p: chain.from_iterable(rx.finditer(p) for rx in against))


def hardship_unopposed(text: str, counts: Mapping[str, int]) -> bool:
    """True when a comment with a hardship cue in `counts` praises the care (a praise or
    kindness cue) and every complaint-cue, strong complaint, suggestion or wish word in
    it is part of the hardship: "Broke my arm in 3 places and the pain was unreal. ER had
    pain relief in me within minutes" ("pain" is a complaint cue)."""
    if not (counts.get(HARDSHIP_CUE) and (counts.get("cue:pos") or counts.get(KIND_ACT_CUE))):
        return False
    return _told_unopposed(_HARDSHIP_RX, text, bool(counts.get("cue:neg")), strong_too=True)


def enquiry_unopposed(text: str, complaint_cue: bool = True) -> bool:
    """True when every complaint-cue word in `text` is part of its question or request:
    "I need to cancel my appointment on Thursday" ("cancel" is a complaint word).
    Called only for comments with a question cue and a complaint cue (rare)."""
    return _inside(prepare(text), _INQUIRY_RX, complaint_cue, _NEG_CUES.finditer)


def _inside(prepared: str, act: re.Pattern[str], complaint_cue: bool,
            against: Callable[[str], Iterable[re.Match[str]]]) -> bool:
    """Whether `act` matches and every match of `against(prepared)` overlaps one of its
    matches; False when the comment has a complaint cue this text does not show (it
    came from the English gloss of a Spanish comment, so where it stands is unknown)."""
    if complaint_cue and _NEG_CUES.search(prepared) is None:
        return False
    spans = [m.span() for m in act.finditer(prepared)]
    return bool(spans) and all(any(start < m.end() and m.start() < end for start, end in spans)
                               for m in against(prepared))


# Kindness told as a fact and plain questions matter only for comments scored whole
# (evidence.adjust), so stories never pay for them: a matcher of their own.
def _build_fact_matcher() -> PatternSet:
    return PatternSet({KIND_ACT_CUE: list(_KIND_ACTS), INQUIRY_CUE: list(_INQUIRIES), ACK_CUE: list(_ACKNOWLEDGEMENTS),
                       NEWS_CUE: list(_NEWS), HARDSHIP_CUE: list(_HARDSHIP)}, facts=pattern_table.load())


_FACT_MATCHER = _build_fact_matcher()


# Words of which every _INQUIRIES pattern not ending in "?" has one: a cheap test (a set
# lookup per word) of whether a comment the model reads as not a complaint could be an
# enquiry.
_ENQUIRY_HINT_WORDS = frozenset({
    "please", "confirm", "confirming", "moved", "changed", "cancel", "reschedule", "rearrange", "book", "request",
    "move", "what", "which", "who", "tell", "know", "update", "change", "amend", "referral", "refer",
    "mudado", "actualicen", "actualizar", "actualizen", "cambien", "cambiar", "saber", "confirmo", "confirmar",
    "horario", "hora", "entrada", "puerta", "cuesta", "cobran", "vale", "puedo", "podemos", "debo", "quien", "quién",
    "cancelar", "anular", "reprogramar", "mover",
})


def may_be_enquiry(prepared: str, tokens: Iterable[str]) -> bool:
    return "?" in prepared or not _ENQUIRY_HINT_WORDS.isdisjoint(tokens)


def inquiry_cues(prepared: str, tokens_at: list[tuple[str, int]] | None = None) -> dict[str, int]:
    """{INQUIRY_CUE: count} of a `prepare()`d text (fact_cues without the kindness cue)."""
    # Emails scored sentence by sentence only use the question cue (model._finish). The
    # fact matcher finds it as well; a matcher of its own would plan every word again.
    count = _FACT_MATCHER.scan(prepared, tokens_at).get(INQUIRY_CUE)
    return {INQUIRY_CUE: count} if count else {}


def fact_cues(prepared: str, tokens_at: list[tuple[str, int]] | None = None) -> dict[str, int]:
    """{KIND_ACT_CUE|INQUIRY_CUE: count} of a `prepare()`d text."""
    return _FACT_MATCHER.scan(prepared, tokens_at)
