"""Spanish support: a word-level glossary into the English feature space.

The sentiment/topic model is trained on English NHS feedback. A Spanish comment is
tokenised, each word mapped through this glossary (a few hundred frequent feedback
words, written for this project), and the resulting English words go through the same
features and weights. Word-by-word translation loses grammar but keeps what a
bag-of-words linear model uses: the evaluative and topical words and negation.
Unknown Spanish words are kept as they are (and usually fall outside the vocabulary).
"""
from __future__ import annotations

import re

from .patterns import WORD_RX

_GLOSSARY_TEXT = """
no=not|nunca=never|jamás=never|jamas=never|nadie=nobody|nada=nothing|ningún=no|ninguna=no|ninguno=none|sin=without
ni=nor|tampoco=neither|pero=but|aunque=although|sin_embargo=however|muy=very|mucho=a lot|mucha=a lot|muchos=many
muchas=many|más=more|mas=more|menos=less|poco=little|poca=little|demasiado=too|bastante=quite|todo=everything
todos=everyone|siempre=always|ya=already|también=also|solo=only|sólo=only|y=and|o=or|el=the|la=the|los=the|las=the
un=a|una=a|de=of|del=of the|en=in|con=with|para=for|por=for|que=that|me=me|mi=my|mis=my|nos=us|nuestro=our
yo=i|estaba=was|estuve=i was|fue=was|fueron=were|era=was|eran=were|es=is|son=are|está=is|están=are|ha=has|han=have
he=have|hubo=there was|hay=there is|tuve=i had|tengo=i have|tuvimos=had|hicieron=did|hizo=did|dijeron=told|dijo=told
bien=good|mal=badly|bueno=good|buena=good|buenos=good|buenas=good|buen=good|malo=bad|mala=bad|malos=bad|malas=bad
mejor=better|peor=worse|excelente=excellent|excelentes=excellent|estupendo=great|estupenda=great|genial=great
maravilloso=wonderful|maravillosa=wonderful|maravillosos=wonderful|fantástico=fantastic|fantástica=fantastic
fantastico=fantastic|perfecto=perfect|perfecta=perfect|increíble=amazing|increible=amazing|magnífico=superb
magnifico=superb|agradable=pleasant|amable=kind|amables=kind|simpático=friendly|simpática=friendly|simpaticos=friendly
simpáticos=friendly|cariñoso=caring|cariñosa=caring|cariñosos=caring|atento=attentive|atenta=attentive|atentos=attentive
atentas=attentive|profesional=professional|profesionales=professional|eficiente=efficient|eficientes=efficient
rápido=quick|rapido=quick|rápida=quick|rápidamente=quickly|rapidamente=quickly|lento=slow|lenta=slow|puntual=on time
gracias=thank you|agradecido=grateful|agradecida=grateful|agradezco=i thank|agradecemos=thank|contento=happy|contenta=happy
satisfecho=satisfied|satisfecha=satisfied|encantado=delighted|encantada=delighted|feliz=happy|recomiendo=i recommend
recomendaría=recommend|horrible=horrible|horribles=horrible|terrible=terrible|terribles=terrible|pésimo=awful|pésima=awful
pesimo=awful|pesima=awful|fatal=awful|vergüenza=disgrace|vergonzoso=disgraceful|vergonzosa=disgraceful|indignante=disgraceful
inaceptable=unacceptable|lamentable=appalling|deplorable=appalling|desastre=disaster|asqueroso=disgusting|asquerosa=disgusting
grosero=rude|grosera=rude|groseros=rude|groseras=rude|maleducado=rude|maleducada=rude|maleducados=rude|borde=rude
antipático=unfriendly|antipática=unfriendly|antipaticos=unfriendly|antipáticos=unfriendly|desagradable=unpleasant
prepotente=arrogant|arrogante=arrogant|despectivo=dismissive|despectiva=dismissive|indiferente=uncaring|frío=cold|fría=cold
incompetente=incompetent|incompetentes=incompetent|inútil=useless|inutil=useless|desorganizado=disorganised
desorganización=disorganised|caos=chaos|decepcionado=disappointed|decepcionada=disappointed|decepción=disappointment
enfadado=angry|enfadada=angry|molesto=upset|molesta=upset|triste=sad|preocupado=worried|preocupada=worried
frustrado=frustrated|frustrada=frustrated|frustrante=frustrating|queja=complaint|quejas=complaints|quejarme=complain
reclamación=complaint|reclamar=complain|problema=problem|problemas=problems|error=mistake|errores=mistakes
equivocado=wrong|equivocada=wrong|incorrecto=wrong|incorrecta=wrong|falta=lack|faltan=lack|faltaba=lacked|necesita=needs
necesitan=need|debería=should|deberían=should|deberian=should|podría=could|podrían=could|mejorar=improve
mejora=improvement|mejoras=improvements|cambiar=change|esperar=wait|espera=wait|esperas=waits|estacionamiento=parking|aparcamiento=parking|parqueo=parking|esperé=i waited|espere=waited|esperamos=waited
esperando=waiting|esperó=waited|esperaron=waited|horas=hours|hora=hour|minutos=minutes|días=days|dias=days|semanas=weeks
meses=months|tarde=late|retraso=delay|retrasos=delays|demora=delay|demoras=delays|cola=queue|colas=queues|lista=list
personal=staff|trabajadores=staff|médico=doctor|medico=doctor|médica=doctor|médicos=doctors|medicos=doctors|doctor=doctor
doctora=doctor|doctores=doctors|enfermera=nurse|enfermero=nurse|enfermeras=nurses|enfermeros=nurses|recepcionista=receptionist
recepción=reception|recepcion=reception|celador=porter|cirujano=surgeon|especialista=specialist|equipo=team|trato=treatment
atención=care|atencion=care|atendieron=saw|atendido=seen|atendida=seen|atender=see|cuidado=care|cuidados=care|cuidaron=cared
trataron=treated|tratamiento=treatment|diagnóstico=diagnosis|diagnostico=diagnosis|operación=operation|operacion=operation
cirugía=surgery|cirugia=surgery|prueba=test|pruebas=tests|análisis=tests|radiografía=x-ray|escáner=scan|consulta=appointment
cita=appointment|citas=appointments|anularon=cancelled|cancelaron=cancelled|cancelada=cancelled|cancelado=cancelled
teléfono=phone|telefono=phone|llamada=call|llamadas=calls|llamé=i phoned|llame=phoned|llamaron=called|contestan=answer
contestaron=answered|información=information|informacion=information|informaron=informed|explicaron=explained
explicó=explained|explicacion=explanation|explicación=explanation|escucharon=listened|escuchan=listen|escuchó=listened
comunicación=communication|comunicacion=communication|medicación=medication|medicacion=medication|medicamento=medication
medicamentos=medication|pastillas=tablets|receta=prescription|farmacia=pharmacy|dolor=pain|dolores=pain|duele=hurts|dolía=hurt
sufrimiento=suffering|alta=discharge|limpio=clean|limpia=clean|limpieza=cleanliness|sucio=dirty|sucia=dirty|incomible=inedible|suciedad=dirt
baño=toilet|baños=toilets|aseo=toilet|habitación=room|habitacion=room|sala=ward|planta=ward|cama=bed|camas=beds|ruido=noise
ruidoso=noisy|olor=smell|calor=hot|instalaciones=facilities|edificio=building|comida=food|comidas=meals|desayuno=breakfast
cena=dinner|almuerzo=lunch|agua=water|café=coffee|aparcamiento=parking|aparcar=park|parking=parking|estacionamiento=parking
transporte=transport|autobús=bus|autobus=bus|ambulancia=ambulance|factura=bill|facturas=bills|cobraron=charged|cobrar=charge
pagar=pay|pagué=i paid|precio=price|caro=expensive|dinero=money|seguro=insurance|privacidad=privacy|intimidad=privacy
dignidad=dignity|respeto=respect|respetuoso=respectful|respetuosa=respectful|seguridad=safety|peligroso=dangerous
urgencias=emergency|hospital=hospital|centro=centre|clínica=clinic|clinica=clinic|servicio=service|servicios=services
experiencia=experience|paciente=patient|pacientes=patients|madre=mother|padre=father|hijo=son|hija=daughter|marido=husband
esposa=wife|familia=family|ayuda=help|ayudaron=helped|ayudó=helped|apoyo=support|ignoraron=ignored|ignorado=ignored
ignorada=ignored|olvidaron=forgot|perdieron=lost|perdido=lost|tardaron=took ages|tardó=took ages|caso=case|vez=time|veces=times
casi=almost|tan=so|tanto=so much|enseguida=straight away|pronto=soon|luego=later|después=after|despues=after|antes=before
todavía=still|todavia=still|aún=still|sigo=still|seguimos=still|respuesta=reply|correo=email|otra=another|otro=another|rato=while|ayer=yesterday|hoy=today|noche=night|mañana=morning
semana=week|mes=month|año=year|años=years|dos=two|tres=three|cuatro=four|cinco=five|seis=six|diez=ten|cuando=when|donde=where
como=like|qué=what|porque=because|si=if|sí=yes|nuestra=our|su=their|sus=their|le=them|les=them|lo=it|se=them|este=this|esta=this|eso=that
llegó=arrived|llegue=arrived|llegué=i arrived|llegaba=arrived|llegamos=arrived|salí=i left|salió=left|salimos=left|vi=i saw|vio=saw
vieron=saw|vieran=saw|ver=see|miró=looked|miraron=looked|mirar=look|habló=spoke|hablaron=spoke|hablar=speak|pregunté=i asked
preguntó=asked|preguntamos=asked|preguntar=ask|dice=says|dicen=say|decir=say|dieron=gave|dio=gave|dar=give|pusieron=put|puso=put
dejaron=left|dejó=left|dejaran=left|dejara=left|dejasen=left|dejase=left|dejar=leave|saber=know|sé=i know|sabía=knew|sabían=knew|entendí=i understood|entender=understand|sentí=i felt
siento=i feel|sentimos=felt|pedí=i asked for|pidió=asked for|pedimos=asked for|pedir=ask for|llevaron=took|trajeron=brought|volver=come back
volví=i came back|vuelvo=come back|quejé=i complained|quejarse=complain|recibí=i received|recibimos=received|funciona=works
funcionaba=worked|funcionaban=worked|cerrado=closed|cerrada=closed|cambiaron=changed|quedé=i stayed|quedó=stayed|estuvimos=were
tenía=had|tenían=had|había=there was|habían=had|puede=can|pueden=can|pude=i could|pudieron=could|quiero=i want|queremos=want
largo=long|larga=long|lleno=full|llena=full|cansado=tired|cansada=tired|nervioso=nervous|nerviosa=nervous|tranquilo=calm
tranquila=calm|sola=alone|nuevo=new|nueva=new|grande=big|pequeño=small|pequeña=small|limpios=clean|limpias=clean
sucios=dirty|sucias=dirty|fríos=cold|frías=cold|caliente=hot|insoportable=unbearable|imposible=impossible|normal=normal
cara=face|vida=life|manera=way|maneras=manners|modales=manners|número=number|numero=number|empatía=empathy|empatia=empathy
sensibilidad=sensitivity|resultados=results|resultado=result|biopsia=biopsy|resonancia=scan|ecografía=scan|sangre=blood
pasillo=corridor|pasillos=corridors|silla=chair|sillas=chairs|camilla=trolley|mensaje=message|carta=letter|papel=paper|jabón=soap
jabon=soap|ducha=shower|sábanas=sheets|sabanas=sheets|manchas=stains|aire=air|calefacción=heating|luz=light|ascensor=lift
puerta=door|intérprete=interpreter|interprete=interpreter|idioma=language|acento=accent|noticias=news|visita=visit|visitas=visits
encanto=lovely|amabilidad=kindness|paciencia=patience|cercano=approachable|cercanos=approachable|cercana=approachable
dedicación=dedication|dedicacion=dedication|tranquilidad=reassurance|eficaz=effective|impecable=spotless|impecables=spotless|malísimo=terrible|malísima=terrible|malísimos=terrible|malísimas=terrible|fenomenal=brilliant
buenísimo=excellent|buenisimo=excellent|estupendamente=brilliantly|cuidada=cared for|cuidadosos=careful
agradecidos=grateful|escuchado=listened to|escuchada=listened to|respetado=respected|respetada=respected|salvaron=saved
recuperación=recovery|recuperacion=recovery|recuperado=recovered|mejorado=improved|pésimamente=terribly|desastroso=disastrous
descuido=neglect|abandono=neglect|abandonado=neglected|abandonada=neglected|abandonados=neglected|burló=mocked|burlaron=mocked
gritó=shouted|gritaron=shouted|humillado=humiliated|humillada=humiliated|insultó=insulted|ignoró=ignored|colgaron=hung up
mintieron=lied|empeoró=got worse|saturados=overstretched|saturado=overstretched|masificado=overcrowded|dolorido=sore
exageraba=exaggerating|gustó=liked|gusta=like|encantó=loved|cueste=costs|cuesta=costs|daño=harm|dano=harm|vigilancia=supervision|solos=alone|inútiles=useless
camillas=trolleys|mantas=blankets|manta=blanket|almohada=pillow|aseos=toilets|juguetes=toys|plástico=plastic|ordenador=computer
gente=people|celadores=porters|auxiliar=assistant|auxiliares=assistants|matrona=midwife|fisioterapeuta=physio
psicóloga=psychologist|psicólogo=psychologist|cirujana=surgeon|mayores=elderly|ancianos=elderly|niños=children|niño=child
niña=child|bebé=baby|mujer=wife|trajo=brought|traer=bring|pidieron=asked|sentado=sitting|sentada=sitting|contestó=answered
contesta=answers|avisó=told|avisaron=told|atendió=saw|tienen=have|tiene=has|agradece=appreciated|contratado=hired|perdí=lost
retrasan=delayed|devuelto=refunded|encantadora=lovely|encantador=lovely|encantadoras=lovely|encantadores=lovely|caros=expensive|carísimo=very expensive
carísima=very expensive|humano=caring|majo=nice|maja=nice|majos=nice|última=last|último=last|turno=shift|pastilla=tablet
pastillas=tablets|analítica=blood test|pasé=i spent|pecho=chest|laberinto=maze|ayunas=fasting
usar=use|usé=i used|usó=used|traducir=translate|tradujo=translated|explicar=explain|explicarnos=explain|explicarme=explain
explicarle=explain|cómo=how|darle=give|medicina=medicine|medicinas=medicines|papá=dad|mamá=mum|equivocó=made a mistake
equivocaron=made a mistake|equivocación=mistake|dosis=dose|adulto=adult|pediatra=paediatrician|amor=love|hijos=children
hijas=daughters|miedo=fear|ángeles=angels|ángel=angel|copago=copay|emergencias=emergency|emergencia=emergency
facturación=billing|resuelve=sorts out|resolvieron=sorted out|consultorio=clinic|recetó=prescribed|revisó=examined
revisaron=examined|disponible=available|próxima=next|mismo=same|cubrió=covered|cubre=covers|papeles=paperwork|mandó=sent
mandaron=sent|desprecio=contempt|fortuna=fortune|rica=tasty|rico=tasty|estrellas=stars|sonrisa=smile|conseguir=get
siguiente=next|vivo=alive|eterna=endless|entrada=entrance|salida=exit|confianza=confidence|cuarto=room|olía=smelled
gritaba=shouted|sorda=deaf|sordo=deaf|tuvieron=had|recomendado=recommended
"""

GLOSSARY: dict[str, tuple[str, ...]] = {}
for _line in _GLOSSARY_TEXT.strip().splitlines():
    for _pair in _line.split("|"):
        if "=" in _pair:
            _es, _en = _pair.split("=", 1)
            GLOSSARY[_es.strip()] = tuple(_en.strip().split())


# Online reviews often drop accents ("atencion", "carisimo"). A word the glossary does
# not know is looked up again without its accents, for words of 5 letters or more
# whose unaccented form is not a glossary word itself and means one thing only (the
# short pairs carry meaning: "si"/"sí", "esta"/"está"). "ñ" is kept: "ano" is not "año".
_UNACCENT = str.maketrans("áéíóúü", "aeiouu")
MIN_UNACCENTED_LENGTH = 5


def _unaccented_glossary() -> dict[str, tuple[str, ...]]:
    meanings: dict[str, set[tuple[str, ...]]] = {}
    for word, english in GLOSSARY.items():
        bare = word.translate(_UNACCENT)
        if bare != word and len(bare) >= MIN_UNACCENTED_LENGTH and bare not in GLOSSARY:
            meanings.setdefault(bare, set()).add(english)
    return {bare: next(iter(found)) for bare, found in meanings.items() if len(found) == 1}


UNACCENTED: dict[str, tuple[str, ...]] = _unaccented_glossary()


def english_of(word: str) -> tuple[str, ...] | None:
    """The glossary's English for a Spanish word, accents optional (None if unknown)."""
    en = GLOSSARY.get(word)
    return UNACCENTED.get(word) if en is None else en


# "Nunca nos faltó": the words to_english and gloss both read as "always had".
_NEVER = frozenset({"nunca", "jamás", "jamas", "no"})
_LACKED = frozenset({"faltó", "falto", "faltaron", "falta", "faltan"})


def to_english(tokens: list[str]) -> list[str]:
    """Spanish tokens -> English tokens (unknown words kept). "Nunca nos faltó" ("we
    never lacked") becomes "always had": word by word it is a negation and a lack."""
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok in _NEVER and i + 2 < n and tokens[i + 1] in _CLITICS and tokens[i + 2] in _LACKED:
            out.extend(("always", "had"))
            i += 3
            continue
        en = english_of(tok)
        if en is None:
            out.append(tok)
        else:
            out.extend(en)
        i += 1
    return out


# Object pronouns that Spanish puts before the verb ("nadie me explicó"): glossed in
# place they split English phrases the cue patterns know ("nobody explained"), so the
# gloss leaves them out. ("la", "lo" are also articles and stay.)
_CLITICS = frozenset({"me", "te", "se", "nos", "os", "le", "les"})
_CLITIC_BEFORE_WORD = re.compile(r"\b(?:" + "|".join(sorted(_CLITICS)) + r") (?=\w)")


# A greeting is not praise: "Buenas tardes" glossed word by word reads "good ...".
_GREETING = re.compile(r"\bbuen(?:os|as) (?:d(?:í|i)as|tardes|noches)\b")
# "Nunca nos faltó información" is praise; word by word it reads "never ... information".
_NEVER_LACKED = re.compile(r"\b(?:" + "|".join(sorted(_NEVER)) + r") (?:nos|me|le|les) (?:"
                           + "|".join(sorted(_LACKED)) + r")\b")


def gloss(prepared: str) -> str:
    """`prepared` (lower-cased Spanish) with every glossary word replaced by its English
    words, punctuation and unknown words kept, object pronouns before a verb dropped,
    greetings read as "hello" and "nunca nos faltó" as "we always had": text the English
    cue patterns can read."""
    return WORD_RX.sub(lambda m: " ".join(english_of(m.group()) or (m.group(),)),
                       _CLITIC_BEFORE_WORD.sub("", _NEVER_LACKED.sub("we always had", _GREETING.sub("hello", prepared))))
