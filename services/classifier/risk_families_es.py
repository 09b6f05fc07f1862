"""Spanish risk-flag families: patterns for Spanish wording of the five flags, each
written after a Spanish set in tests/fixtures/classifier was first measured, or from a
category list (services/classifier/EVALUATION.md, "Spanish"). `risk_families.FAMILIES`
orders them among the English ones; `risk_lexicon` joins them. Plain data: raw regex
strings.
"""
from __future__ import annotations


# Spanish counterparts of the English families above, written after a blind Spanish
# set (spanish_risk_blind.jsonl, 2026-11-27) found 9 of 22 flags at first sight.
RISK_PATTERNS_ES: dict[str, list[str]] = {
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


# Spanish families added after a second Spanish risk set (spanish_risk_blind2.jsonl)
# was first measured at P 0.737 / R 0.609 with 3 of 8 hard negatives flagged.
RISK_PATTERNS_ES2: dict[str, list[str]] = {
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


# Spanish, by category, after the third Spanish risk set (spanish_risk_blind3.jsonl,
# 2026-11-27) read P 0.867 / R 0.448 at first sight: wishes to die said in the third
# person, what someone keeps or swallows, jumping "del puente"; a wrong blood group, no
# doctor all night, "dijeron que era un virus" and it was not; suing, going to the
# television, "nos vemos en los tribunales"; a relative told before the patient, a file
# left open, a diagnosis over the loudspeaker, photos uploaded; a nationality said to
# exaggerate, slurs shouted, care refused once staff found out who someone is.
_NO_DE = r"(?! de (?:verg(?:ü|u)enza|risa|ganas|miedo|hambre|sue(?:ñ|n)o|calor|fr(?:í|i)o|pena|envidia|aburrimiento|dolor))"
RISK_PATTERNS_ES3: dict[str, list[str]] = {
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


# The same categories in Spanish (never events, types of abuse, exposure of a diagnosis,
# warning signs). 7 of 24 Spanish sentences written for them were flagged before.
RISK_PATTERNS_ES_CATEGORIES: dict[str, list[str]] = {
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


# Spanish reviews of several sentences (spanish_risk_blind4.jsonl, 2026-11-27): first
# sight P 0.571 / R 0.286. Medicines withheld, a patient with dementia gone from the
# ward, "dijo que era un empacho" and an operation the next day, too late for treatment;
# going to the media (future tense); "en voz alta" with the reason for the visit; the
# whole family knowing; pulling by the arm; being laughed at; thinking of taking all the
# pills at once.
RISK_PATTERNS_ES4: dict[str, list[str]] = {
    "patient_safety": [
        r"\b(?:l[oa]s?|le|les|me|nos) dejaron sin (?:la |su |mi |sus |mis )?(?:medicaci(?:ó|o)n|medicamentos?|pastillas|"
        r"insulina|tratamiento|ox(?:í|i)geno|comida|agua)\b",
        r"\bse (?:escap(?:ó|o)|fue|march(?:ó|o)) (?:\w+ ){0,2}(?:de la planta|del hospital|de la residencia|de urgencias|"
        r"de la unidad)\b",
        r"\b(?:dijo|dijeron|diciendo) que (?:era|solo era|s(?:ó|o)lo era|no era) .{0,120}?\b(?:al d(?:í|i)a siguiente|a las "
        r"pocas horas|d(?:í|i)as despu(?:é|e)s)\b.{0,60}?\b(?:operaron|ingresaron|uci|perforad[oa]|sepsis|infarto|ictus|"
        r"c(?:á|a)ncer|fractura)",
        r"\bya era (?:demasiado )?tarde para (?:el |la )?(?:tratamiento|trombolisis|trombólisis|operar|operación|salvarl[oa])\b",
    ],
    "legal_threat": [
        r"\b(?:ir(?:é|e|emos)|acudir(?:é|e|emos)|llevar(?:é|e|emos)|contar(?:é|e|emos)) (?:\w+ ){0,3}(?:a|en) (?:la prensa|"
        r"los medios(?: de comunicaci(?:ó|o)n)?|la televisi(?:ó|o)n|la tele|los peri(?:ó|o)dicos|las redes(?: sociales)?)\b",
        r"\b(?:hemos|he) contratado a un abogado\b|\bvamos a llegar hasta el final\b",
    ],
    "privacy_breach": [
        r"\ben voz alta\b[^.!?]{0,60}\b(?:aborto|embarazo|vih|prueba|resultados?|c(?:á|a)ncer|depresi(?:ó|o)n|venía por|"
        r"ven(?:í|i)a a)\b",
        r"\btod[oa] (?:mi|la|el) (?:familia|pueblo|barrio|trabajo|empresa|vecindario|oficina)\b[^.!?]{0,30}\b(?:sab(?:í|i)a|"
        r"se enter(?:ó|o)|conoc(?:í|i)a)\b",
    ],
    "discrimination_abuse": [
        r"\b(?:le|la|lo|me) (?:tiraba|tir(?:ó|o)|tiraron|tiraban|jal(?:ó|o)|jalaba) del (?:brazo|pelo|cuello|pijama)\b",
        r"\bse (?:ri(?:ó|o)|rieron|burl(?:ó|o)) de (?:m(?:í|i)|(?:é|e)l|ella|nosotros|mi \w+)\b",
        r"\bse negaron a (?:usar|llamarme por|llamarla por|llamarle por) (?:mi|su) nombre\b",
    ],
    "self_harm": [
        r"\b(?:pensado|pensando|pienso|pensaba|pens(?:é|e)) en (?:tomarme|tomarse|tragarme|tragarse) (?:todas )?(?:las |mis |sus )?"
        r"(?:pastillas|medicamentos|somn(?:í|i)feros|calmantes)\b|\btodas las pastillas de golpe\b",
    ],
}


# Who someone is ("por ser indígena") and being refused or left ("nadie me quiso atender").
_GROUP = "(?:" + "|".join([
    r"ind(?:í|i)genas?", r"ind(?:í|i)[oa]s?", r"negr[oa]s?", r"moren[oa]s?", r"gitan[oa]s?", "trans", "gays?",
    "lesbianas?", r"extranjer[oa]s?", "inmigrantes?", "migrantes?", "pobres?", "de pueblo",
]) + ")"
_REFUSED = "(?:" + "|".join([
    r"no (?:me|l[oa]s?|nos) (?:quisieron|quiso) atender", r"nadie (?:me|l[oa]s?|nos) (?:quiso|quer(?:í|i)a) atender",
    r"(?:me|l[oa]s?|nos) dejaron (?:hasta el final|al final|esperando)",
    r"(?:me|l[oa]s?|nos) trataron (?:mal|peor|distinto|diferente|con desprecio|como)",
    r"(?:me|les?|nos) negaron", r"no (?:me|l[oa]s?|nos) atendieron", r"(?:me|l[oa]s?|nos) ignoraron",
]) + ")"

# Latin American web-form wording (spanish_risk_blind5.jsonl, 2026-11-27): first sight
# P 0.900 / R 0.818, 1 of 8 hard negatives flagged. Nearly bleeding or dying; "said it
# was gas" and it was something else; a diagnosis told to an employer in the present
# tense ("que tengo VIH"); care refused "por ser indígena" (either order); blame for
# someone's weight ("está así por gorda").
RISK_PATTERNS_ES5: dict[str, list[str]] = {
    "patient_safety": [
        r"\b(?:casi|por poco) (?:me|se|nos) (?:desangr\w+|mor(?:í|i)a|mor(?:í|i)|muero|muere|muri(?:ó|o))\b"
        r"|\b(?:casi|por poco) (?:l[oa]|l[oa]s) perd(?:emos|imos|(?:í|i)amos)\b|\ba punto de (?:morir|desangrarse)\b",
        r"\b(?:dijo|dijeron|asegur(?:ó|o)|aseguraron) que (?:solo |s(?:ó|o)lo )?(?:eran?|no era nada)\b[^.!?]{0,40}[.!?,;] ?"
        r"(?:y |pero )?(?:en realidad |resulta que )?(?:era|ten(?:í|i)a) (?:un|una) (?:embarazo ect(?:ó|o)pico|"
        r"apendicitis|infarto|ictus|meningitis|sepsis|trombosis|embolia|peritonitis|fractura|tumor|c(?:á|a)ncer|neumon(?:í|i)a)\b",
    ],
    "privacy_breach": [
        r"\b(?:le|les) (?:cont(?:ó|o)|dijo|contaron|dijeron|coment(?:ó|o)|comentaron) a (?:mi|mis) \w+ (?:que (?:yo )?"
        r"(?:tengo|tiene|estoy|est(?:á|a)) (?:vih|sida|c(?:á|a)ncer|hepatitis|embarazada|depresi(?:ó|o)n|esquizofrenia)|"
        r"mi diagn(?:ó|o)stico)\b",
    ],
    "discrimination_abuse": [
        rf"\bpor ser {_GROUP}\b[^.!?]{{0,80}}\b{_REFUSED}\b|\b{_REFUSED}\b[^.!?]{{0,40}}\bpor ser {_GROUP}\b",
        r"\b(?:as(?:í|i)|enferm[oa]|mal) por (?:gord[oa]|obes[oa]|flo[jx][oa]|perezos[oa])\b|\b(?:gord[oa]|obes[oa]) y "
        r"(?:flo[jx][oa]|perezos[oa]|descuidad[oa])\b",
    ],
}


# Everyday Latin American, US and Spain Spanish told plainly (a set written in session 15
# by a helper who read no file, es_risk6; first sight P 0.857 / R 0.500, abuse 1 of 7,
# privacy 2 of 7, 2 of 12 hard negatives flagged). Written as families: a wound left to
# infect or care without gloves, another patient's medicine, a day without food or
# water, an alarm nobody answered, a device that failed or a dose run in the wrong
# time; saying one wants to die and cutting; slurs for a disability, a sexuality or
# migrants, "learn English", restraint to the bed, groping; a medicine or result handed
# or sent to someone else, an employer told, photos without consent, a case gossiped
# "con nombre y apellido", a whole neighbourhood knowing; the ombudsman and a claim
# against the public health service.
RISK_PATTERNS_ES6: dict[str, list[str]] = {
    "patient_safety": [
        r"\b(?:herida|cicatriz|v(?:í|i)a|cat(?:é|e)ter|sonda|puntos) (?:\w+ ){0,5}(?:infectad[oa]s?|se (?:le )?infect(?:ó|o|aron))\b",
        r"\bsin (?:lavarse|lavar) las manos\b|\bsin (?:ponerse )?guantes\b",
        r"\b(?:dosis|insulina|medicaci(?:ó|o)n|medicamentos?|pastillas|tratamiento|suero|sangre) (?:\w+ ){0,3}de(?:l| la) "
        r"(?:paciente|se(?:ñ|n)ora?|enferm[oa]|chic[oa]|muchach[oa]) de (?:la cama de )?(?:al lado|enfrente|la otra cama)\b",
        r"\bsin comer ni tomar (?:agua|nada|l(?:í|i)quidos)\b|\bsin (?:comer|beber|tomar agua) (?:en )?todo el d(?:í|i)a\b",
        r"\b(?:monitor|alarma|timbre|bomba|aparato|m(?:á|a)quina)\b[^.!?]{0,40}\b(?:pitando|sonando|son(?:ó|o))\b[^.!?]{0,50}"
        r"\b(?:nadie (?:vino|acudi(?:ó|o)|hizo caso|contest(?:ó|o))|sin que (?:nadie|ninguna enfermera|ning(?:ú|u)n enfermero) "
        r"(?:viniera|acudiera))\b",
        r"\b(?:bomba|monitor|respirador|desfibrilador|ventilador|marcapasos)(?: de (?:infusi(?:ó|o)n|insulina|perfusi(?:ó|o)n|"
        r"ox(?:í|i)geno))? (?:\w+ ){0,6}fall(?:ó|o)\b",
        r"\ben (?:vez|lugar) de en (?:\d+|veinticuatro|doce|seis|ocho)(?: horas)?\b",
    ],
    "self_harm": [
        r"\b(?:me|se) quer(?:í|i)a matar\b|\bme quiero matar\b|\bquer(?:í|i)a (?:matarse|suicidarse|quitarse la vida)\b",
        r"\bse (?:cort(?:ó|o)|cortaba|ha cortado|hab(?:í|i)a cortado) (?:los brazos|las mu(?:ñ|n)ecas|las piernas|el brazo)\b",
    ],
    "discrimination_abuse": [
        r"\b(?:con|como|a) ['\"“‘]?(?:un|una|este|esta|ese|esa) (?:inv(?:á|a)lid[oa]|retrasad[oa]|mong(?:ó|o)lic[oa]|subnormal|"
        r"tullid[oa])\b",
        r"\bmaric(?:ó|o)n(?:es)?\b|\bmaricas\b|\bjotos?\b|\btortilleras?\b|\bbolleras?\b|\bsudacas?\b|\bpanchitos?\b",
        r"\baprend(?:a|e|an) (?:ingl(?:é|e)s|espa(?:ñ|n)ol|castellano|el idioma)\b",
        r"\b(?:los|ustedes los|unos|estos|esos) ilegales\b",
        r"\b(?:amarrad[oa]|atad[oa]|inmovilizad[oa])s? (?:\w+ ){0,3}a la cama\b|\b(?:lo|la|le|me|nos) (?:amarraron|ataron|"
        r"amarr(?:ó|o)) (?:\w+ ){0,3}a la cama\b",
        r"\bviej[oa] (?:cochin[oa]|asqueros[oa]|in(?:ú|u)til|de mierda|loc[oa])\b",
        r"\b(?:me|le|la) (?:toc(?:ó|o)|tocaron|agarr(?:ó|o)|manose(?:ó|o)) (?:los pechos|el pecho|los senos|el culo|las nalgas|"
        r"la entrepierna|sus partes|mis partes|las partes)\b",
    ],
    "privacy_breach": [
        r"\b(?:entregaron|dieron|dio|entreg(?:ó|o)) (?:mis|sus|los|las) (?:medicamentos|medicinas|resultados|informes?|papeles|"
        r"an(?:á|a)lisis|recetas)\b[^.!?]{0,50}\ba (?:mi|su) (?:cu(?:ñ|n)ad[oa]|vecin[oa]|jefe|jefa|herman[oa]|suegr[oa]|ex|"
        r"compa(?:ñ|n)er[oa]|prim[oa]|t(?:í|i)[oa])\b",
        r"\b(?:resultados|an(?:á|a)lisis|informes?|cartas?|historial)\b[^.!?]{0,40}\b(?:llegaron|lleg(?:ó|o)|mandaron|enviaron|"
        r"envi(?:ó|o)) a (?:la )?(?:casa|direcci(?:ó|o)n|correo|buz(?:ó|o)n) de (?:mi|otr[oa]|una|un) \w+",
        r"\b(?:mandaron|enviaron|envi(?:ó|o)|mand(?:ó|o)) (?:los|las|mis|sus) (?:resultados|an(?:á|a)lisis|informes?|cartas?|"
        r"papeles)\b[^.!?]{0,40}\ba (?:la )?(?:casa|direcci(?:ó|o)n|correo|buz(?:ó|o)n) de (?:mi|otr[oa]|una|un) \w+",
        r"\b(?:llamaron|llam(?:ó|o)|contactaron|escribieron) a mi (?:jefe|jefa|empresa|trabajo|empleador|escuela|colegio)\b"
        r"[^.!?]{0,60}\b(?:contaron|dijeron|cont(?:ó|o)|dijo|informaron)\b",
        r"\b(?:sac(?:ó|o)|sacaron|tom(?:ó|o)|tomaron|hizo|hicieron) (?:unas? )?fotos?\b[^.!?]{0,60}\bsin (?:pedir(?:nos|me|le)? )?"
        r"(?:permiso|consentimiento|autorizaci(?:ó|o)n)\b",
        r"\bcon nombre y apellidos?\b[^.!?]{0,60}\b(?:sobredosis|diagn(?:ó|o)stico|enfermedad|vih|aborto|intento|c(?:á|a)ncer)\b",
        r"\b(?:medio|todo el|toda la) (?:barrio|pueblo|hospital|planta|edificio|oficina|colonia)\b[^.!?]{0,20}\b(?:ya )?"
        r"(?:lo sabe|se enter(?:ó|o)|sabe)\b",
    ],
    "legal_threat": [
        r"\bdefensor del (?:pueblo|paciente)\b|\breclamaci(?:ó|o)n patrimonial\b",
    ],
}
