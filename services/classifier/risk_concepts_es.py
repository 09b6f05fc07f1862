"""Spanish risk told in everyday words, as pairs of concepts met in one sentence.

Written after two Spanish risk sets by helpers who read no file (session 17,
2026-11-28) read P 0.682 / R 0.385 and P 0.667 / R 0.368 at first sight: the earlier
Spanish families (risk_families_es.py) are phrases, and a new writer rarely uses the
same phrase. Here a flag needs two things said near each other, each from a list of
everyday words, in either order: a piece of health information and someone it reached
or a place it lay open ("le contó a medio barrio ... internado por lo del alcohol");
a fall and nobody there; an alarm and nobody coming; a discharge and the night or no
report; being sent home and what it really was. Lists, not phrases, so that the next
writer's wording has a chance. Plain data: raw regex strings, joined by
`risk_families.FAMILIES` like the other families.
"""
from __future__ import annotations

from .concept_pairs import any_of as _any, near as _near, then as _then


# -- privacy: health information, and who learned it or where it lay open -----------------
_HEALTH_INFO = _any([
    r"diagn(?:ó|o)stic\w*", r"resultados?", r"an(?:á|a)lisis", r"biopsias?", r"historias? cl(?:í|i)nicas?", r"historial\w*",
    r"expedientes?", r"fichas?", r"reportes? (?:de|del|m(?:é|e)dic\w*)", r"informes? m(?:é|e)dic\w*", r"citolog(?:í|i)as?",
    r"embarazo", r"embarazada", r"vih", r"sida", r"alcoholismo", r"lo del alcohol", r"adicci(?:ó|o)n", r"psiqui(?:á|a)tric\w*",
    r"bipolar", r"esquizofrenia", r"depresi(?:ó|o)n", r"trastorno \w+", r"c(?:á|a)ncer", r"aborto", r"hepatitis",
    r"antidepresivos", r"antipsic(?:ó|o)ticos", r"s(?:í|i)filis", r"gonorrea", r"clamidia", r"herpes", r"vph", r"papiloma", r"salud mental", r"(?:estuv(?:e|o)|hab(?:í|i)a estado|he estado|ha estado) internad[oa]",
    r"enfermedad(?:es)? (?:ven(?:é|e)re\w*|de transmisi(?:ó|o)n sexual)",
    r"datos (?:personales|m(?:é|e)dicos|cl(?:í|i)nicos)",
])
# Someone outside the care who should not have learned it.
_OUTSIDER = _any([
    r"(?:mi|su|mis|sus) (?:jef[ea]s?|empresa|empleador|trabajo|compa(?:ñ|n)er[oa]s? de trabajo|vecin[oa]s?|suegr[oa]s?|"
    r"ex(?:marido|esposo|esposa|mujer|pareja|novio|novia)?|casero|casera|colegio|escuela)",
    r"recursos humanos", r"medio (?:barrio|pueblo|edificio|hospital)", r"todo el (?:barrio|pueblo|edificio|mundo)",
    r"toda la (?:sala|planta|colonia|cuadra)",
])
# Said, sent, read or shown to someone.
_TOLD = _any([
    r"cont(?:ó|o)", r"contaron", r"dijo", r"dijeron", r"coment(?:ó|o)", r"comentaron", r"ley(?:ó|o)", r"leyeron",
    r"mand(?:ó|o)", r"mandaron", r"envi(?:ó|o)", r"enviaron", r"mostr(?:ó|o)", r"mostraron", r"ense(?:ñ|n)(?:ó|o)",
    r"pas(?:ó|o) el dato", r"se enter(?:ó|o|aron)", r"llam(?:ó|o|aron) a", r"dio", r"dieron", r"entreg(?:ó|o)", r"entregaron",
    r"explic(?:ó|o)", r"explicaron", r"(?:fueron|fue) (?:enviad|mandad|entregad)[oa]s?",
])
# Lying open, or said where others hear.
_IN_VIEW = _any([
    r"a la vista", r"cualquiera (?:que pasaba|que pase|pod(?:í|i)a|puede|pudo)", r"pude leer", r"se pod(?:í|i)an? leer",
    r"abiert[oa]s?", r"en voz alta", r"en alto", r"en (?:la|su) pantalla",
    r"delante de (?:mi|mis|su|sus) (?:suegr[oa]s?|cu(?:ñ|n)ad[oa]s?|vecin[oa]s?|compa(?:ñ|n)er[oa]s?|jef[ea]s?)",
    r"toda la sala(?: de espera)? (?:lo )?(?:oy(?:ó|o)|escuch(?:ó|o)|escuchando|oyendo|se enter(?:ó|o))",
    r"(?:la gente|cualquiera|todo el mundo) (?:que )?pas(?:aba|a) y (?:miraba|mira|le(?:í|i)a|ve(?:í|i)a)", r"grit(?:ó|o|aba)", r"delante de (?:toda|todo|todos)", r"toda la sala (?:lo )?(?:oy(?:ó|o)|escuch(?:ó|o))",
])
_WITHOUT_CONSENT = (r"sin (?:pedir(?:me|nos|le|les)? )?(?:mi |su |nuestro )?(?:permiso|consentimiento|autorizaci(?:ó|o)n)"
                    r"|sin (?:preguntar|verificar|comprobar|confirmar) (?:nada|qui(?:é|e)n|su identidad|nombre)")
_SHARED_ONLINE = _any([
    r"instagram", r"facebook", r"tiktok", r"whatsapp", r"twitter", r"redes sociales", r"las redes", r"sus redes",
    r"su estado", r"sus estados", r"sus stories", r"sus historias", r"su perfil", r"internet",
])
# Put there by someone, not sent to the patient ("me mandaron la foto de la eco por WhatsApp").
_POSTED = _any([
    r"(?:historias?|stories|story|publicaci(?:ó|o)n|post) de",
    r"subi(?:ó|o)", r"subieron", r"public(?:ó|o)", r"publicaron", r"colg(?:ó|o)", r"colgaron", r"comparti(?:ó|o)",
    r"compartieron", r"vi en", r"sali(?:ó|o) en", r"sal(?:í|i)a en", r"aparec\w+ en", r"circula\w* (?:por|en)",
])
_MEDIA = _any([r"fotos?", r"videos?", r"mi cara", r"su cara", r"mi beb(?:é|e)", r"fotos? m(?:í|i)as?"])
# Handed on without asking (a procedure without consent is not this flag's).
_PASSED_ON = _any([
    r"mand(?:ó|o)", r"mandaron", r"envi(?:ó|o)", r"enviaron", r"cont(?:ó|o)", r"contaron", r"public\w+", r"compart\w+",
    r"fotos?", r"videos?", r"entreg(?:ó|o)", r"entregaron", r"le pasaron", r"le pas(?:ó|o)", r"(?:dio|dieron) (?:el|los|mis|sus) (?:datos|resultados?)",
])
# Said after the telling: it was never agreed to.
_NEVER_AGREED = _any([
    r"(?:nunca|no|jam(?:á|a)s) (?:autoric(?:é|e)|autorizamos|di (?:mi )?(?:permiso|consentimiento|autorizaci(?:ó|o)n))",
    r"sin (?:mi|su|nuestro) (?:permiso|consentimiento|autorizaci(?:ó|o)n)",
])
# Not the writer's own papers ("un informe de alta que no es mío").
_NOT_MINE = _any([
    r"no (?:es|era|son|eran) (?:m(?:í|i)[oa]s?|suy[oa]s?|de (?:mi|él|ella))",
    r"de otr[oa] (?:paciente|persona|se(?:ñ|n)or[a]?|mujer|hombre|ni(?:ñ|n)[oa])",
])
_RECORDS = _any([
    r"historias? cl(?:í|i)nicas?", r"historial", r"an(?:á|a)lisis", r"resultados", r"informes?", r"expedientes?", r"pdf",
    r"papeles", r"recetas?", r"radiograf(?:í|i)as?", r"placas?", r"citolog(?:í|i)as?", r"reportes?",
])

# -- patient safety ------------------------------------------------------------------------
_MEDICINE = _any([
    r"pastillas?", r"medicinas?", r"medicamentos?", r"medicaci(?:ó|o)n", r"inyecci(?:ó|o)n(?:es)?", r"insulina", r"suero",
    r"dosis", r"jarabe", r"gotas", r"antibi(?:ó|o)tico",
])
_NEXT_PATIENT = (r"de(?:l| la) (?:se(?:ñ|n)or[a]?|paciente|ni(?:ñ|n)[oa]|chic[oa]|muchach[oa]|vecin[oa]|compa(?:ñ|n)er[oa]|"
                 r"abuel[oa]|viejit[oa]) (?:de (?:la )?(?:cama|habitaci(?:ó|o)n|cuarto|camilla|box) )?(?:de )?(?:al lado|junto|"
                 r"enfrente|a la par|de al lado|la otra cama)")
_FALL = _any([
    r"se cay(?:ó|o)", r"se cae", r"se ha ca(?:í|i)do", r"se hab(?:í|i)a ca(?:í|i)do", r"me ca(?:í|i)", r"se dio (?:un golpe|la cabeza|con la cabeza)",
    r"se golpe(?:ó|o) (?:la cabeza|contra)", r"contra el (?:piso|suelo)", r"al (?:piso|suelo)", r"en el (?:piso|suelo)",
])
_NOBODY_THERE = _any([
    r"barandas?", r"barandillas?", r"barandales?", r"sin ayuda", r"nadie (?:nos |le |la |lo )?(?:avis(?:ó|o)|vino|ayud(?:ó|o)|"
    r"estaba|se dio cuenta|lo vio|la vio)", r"la dejaron sola", r"lo dejaron solo", r"sin vigilancia", r"sin supervisi(?:ó|o)n",
    r"se levant(?:ó|o) sol[oa]", r"de la cama", r"de la camilla",
])
_ALARM = _any([
    r"m(?:á|a)quinas?", r"monitor(?:es)?", r"aparatos?", r"alarmas?", r"bombas?", r"ox(?:í|i)metro", r"satur(?:ó|o)metro",
])
_SOUNDING = _any([r"pitaba\w*", r"pitando", r"pit(?:ó|o)", r"sonaba\w*", r"sonando", r"son(?:ó|o)"])
_IGNORED = _any([
    r"nadie", r"ninguna enfermera", r"ning(?:ú|u)n enfermero", r"la apagaban", r"lo apagaban", r"la apagaron", r"lo apagaron",
    r"se iban", r"se fueron", r"sin mirarl[oa]", r"sin revisarl[oa]", r"ni caso", r"ni una enfermera", r"no (?:vino|ven(?:í|i)a) nadie",
])
_DISCHARGED = _any([
    r"(?:dieron|dio) de alta", r"dad[oa] de alta", r"(?:le|la|lo|me) dieron el alta", r"(?:le|la|lo|me) mandaron a (?:su |mi )?casa",
])
_UNSAFE_OUT = _any([
    r"a las (?:diez|once|doce|\d+) de la noche", r"de madrugada", r"sin (?:el |ning(?:ú|u)n )?informe",
    r"sin (?:la |su )?medicaci(?:ó|o)n", r"sin (?:las |sus )?medicinas", r"sin receta", r"sin seguimiento",
    r"sin poder (?:caminar|andar|mantenerse en pie)",
    r"sin que (?:me|le|la|lo) (?:viera|valorara|evaluara|revisara) nadie", r"sin (?:valoraci(?:ó|o)n|evaluaci(?:ó|o)n) de psiquiatr\w+", r"con fiebre", r"sangrando", r"que nadie nos (?:hab(?:í|i)a )?ense(?:ñ|n)ado",
])
_SENT_AWAY = _any([
    r"(?:me|lo|la|nos|le) (?:mandaron|mandaban|devolvieron|regresaron|despacharon|enviaron) (?:de vuelta )?a (?:mi |su |la )?casa",
    r"(?:dijeron|dijo|dec(?:í|i)an?) que (?:solo |s(?:ó|o)lo )?(?:era|eran|ser(?:í|i)a|ten(?:í|i)a) (?:un |una |los |las )?"
    r"(?:virus|nada|ansiedad|gases|estr(?:é|e)s|gastritis|resfriado|cansancio|nervios|psicol(?:ó|o)gico|normal|contractura|"
    r"empacho|hemorroides|colitis|la edad|la menopausia|migra(?:ñ|n)a|ci(?:á|a)tica|lumbago|infecci(?:ó|o)n de orina)",
    r"(?:tres|dos|cuatro|cinco|varias|muchas) veces (?:a|en|al|por) (?:la |el |los )?\w+",
])
_WHAT_IT_WAS = _any([
    r"apendicitis", r"ap(?:é|e)ndice (?:reventad[oa]|perforad[oa])", r"infarto", r"ictus", r"derrame", r"embolia", r"trombosis",
    r"co(?:á|a)gulo", r"meningitis", r"sepsis", r"peritonitis", r"embarazo ect(?:ó|o)pico", r"preeclampsia",
    r"obstrucci(?:ó|o)n intestinal", r"torsi(?:ó|o)n", r"neumon(?:í|i)a", r"fractura", r"tumor", r"c(?:á|a)ncer",
    r"se (?:le|me) (?:hab(?:í|i)a )?revent(?:ó|o|ado)",
])
_SORE = _any([r"heridas?", r"llagas?", r"(?:ú|u)lceras?", r"escaras?"])
_SORE_STATE = _any([
    r"en carne viva", r"mal olor", r"por presi(?:ó|o)n", r"infectadas?", r"que ol(?:í|i)a\w*", r"ol(?:í|i)a mal", r"supur\w+", r"pus",
])

# -- discrimination and abuse ----------------------------------------------------------------
_LAUGHED = _any([r"se (?:rieron|re(?:í|i)an|burlaron|burlaban)", r"(?:todos|todas) se (?:rieron|re(?:í|i)an)"])
_IN_FRONT = _any([
    r"delante (?:de|m(?:í|i)o|nuestro)", r"frente a", r"residentes", r"estudiantes", r"acento", r"peso", r"cuerpo",
    r"en (?:mi|su|la) cara", r"b(?:á|a)scula", r"gord\w+",
])
_IMMIGRATION = _any([
    r"(?:ten(?:í|i)a|tiene|tengo|ten(?:í|i)amos|tenemos) papeles", r"inmigraci(?:ó|o)n", r"la migra", r"deport\w+", r"ilegal(?:es)?", r"indocumentad[oa]s?", r"ciudadan(?:í|i)a",
])
_THREAT_OR_ASK = _any([
    r"llamar(?:ía|ia)?", r"iba a llamar", r"amenaz\w+", r"pregunt(?:ó|o) si", r"si (?:yo )?ten(?:í|i)a", r"limpiaran",
])
_LANGUAGE = r"(?:no hablo|no hablaba|no habla|no hablamos|hablar mal|hablo mal|no entiendo|no entend(?:í|i)a) (?:bien |mucho )?(?:el )?(?:ingl(?:é|e)s|espa(?:ñ|n)ol|castellano|idioma)"
_SENT_BACK = _any([
    r"aprendiera", r"aprenda", r"que aqu(?:í|i)", r"se neg(?:ó|o)", r"no (?:me|nos|la|lo) (?:quiso|quisieron) atender",
    r"se burl\w+", r"se ri(?:ó|o)", r"se rieron",
])
# Who someone loves or is (not "mi marido", which half of all reviews name).
_PARTNER = _any([
    r"mi pareja(?:,)? (?:que )?(?:es|era) (?:mi |un |una |otro |otra )?(?:esposo|marido|novio|hombre|esposa|mujer|novia)",
    r"otro hombre", r"otra mujer", r"gay", r"lesbiana", r"trans", r"homosexual", r"noviecit[oa]", r"dos mam(?:á|a)s",
    r"dos pap(?:á|a)s",
])
_SCORN = _any([
    r"no (?:es|era|son|eran) normal(?:es)?", r"no se permiten?", r"esas cosas", r"chistes?", r"burlas?", r"bromas?",
    r"pecado", r"se neg(?:ó|o)", r"se negaron",
])
_BLOW = _any([
    r"tir(?:ó|o)n", r"jal(?:ó|o)n", r"empuj(?:ó|o)n", r"bofetada", r"cachetada", r"pellizco", r"manotazo", r"coscorr(?:ó|o)n",
    r"tortazo", r"guantazo", r"bofet(?:ó|o)n", r"zarandeo",
])
_SHUT_UP = _any([r"c(?:á|a)llate", r"c(?:á|a)llese", r"c(?:á|a)llense", r"cierra la boca"])
_INSULT = _any([
    r"pesad[oa]", r"viej[oa]", r"hart[oa]", r"idiota", r"est(?:ú|u)pid[oa]", r"tont[oa]", r"loc[oa]", r"mierda", r"in(?:ú|u)til",
    r"burr[oa]", r"cochin[oa]", r"asqueros[oa]", r"gord[oa]",
])

# -- self-harm -----------------------------------------------------------------------------
_CANT_GO_ON = _any([
    r"ya no (?:puedo|puede|aguanto|aguanta|quiero|quiere) (?:m(?:á|a)s|seguir|vivir)", r"no aguanto m(?:á|a)s",
])
_HOW_IT_ENDS = _any([
    r"despedirse", r"despedirme", r"despedida", r"lo va a hacer", r"lo voy a hacer", r"matar(?:me|se)", r"suicid\w+",
    r"tirar(?:me|se)", r"quitar(?:me|se) la vida", r"acabar con (?:todo|su vida|mi vida)", r"pastillas", r"tren", r"puente", r"v(?:í|i)as",
    r"cortar(?:me|se)", r"no despertar",
])
_JUMP = _any([
    r"(?:tirar|aventar|lanzar|arrojar|botar)(?:me|se|te)",
    r"(?:se|me|te) (?:quer(?:í|i)a |quiere |quiso |iba a |va a |voy a |quer(?:í|i)a ir a )?(?:tirar|aventar|lanzar|arrojar|botar)",
])
_DROP = _any([
    r"tren", r"metro", r"puente", r"balc(?:ó|o)n", r"ventana", r"v(?:í|i)as", r"azotea", r"edificio", r"cami(?:ó|o)n",
    r"precipicio", r"barranco", r"r(?:í|i)o", r"terraza",
])

# -- legal and regulators --------------------------------------------------------------------
_REGULATOR = _any([
    r"departamento de salud", r"consejer(?:í|i)a de sanidad", r"consejer(?:í|i)a de salud", r"secretar(?:í|i)a de salud",
    r"ministerio de (?:salud|sanidad)", r"superintendencia(?: de salud)?", r"supersalud", r"conamed", r"cndh",
    r"derechos humanos", r"defensor(?:í|i)a del pueblo", r"colegio (?:m(?:é|e)dico|de m(?:é|e)dicos|de enfermer\w+)",
    r"inspecci(?:ó|o)n (?:m(?:é|e)dica|sanitaria)", r"profeco", r"procuradur(?:í|i)a", r"juzgado", r"tribunales",
    r"protecci(?:ó|o)n de datos", r"la consejer(?:í|i)a",
    r"inspecci(?:ó|o)n de servicios sociales", r"office for civil rights", r"derechos civiles",
    r"sernac", r"los peri(?:ó|o)dicos", r"telemundo", r"univisi(?:ó|o)n", r"(?:un|una) periodista", r"(?:el|un) peri(?:ó|o)dico", r"joint commission",
])
_TAKE_IT_TO = _any([
    r"reportar\w*", r"denunciar\w*", r"denuncio", r"denunciaremos", r"quejarme", r"queja", r"reclamaci(?:ó|o)n", r"escrib(?:í|i)", r"escribir", r"he escrito",
    r"llevar (?:mi|el|este|su) caso", r"acudir", r"presentar", r"present(?:é|e)", r"presentamos", r"radiqu(?:é|e)", r"radicar",
    r"puse", r"poner", r"mand(?:é|e) una carta", r"he mandado", r"he enviado", r"mandamos", r"enviamos", r"presentar(?:é|e|emos)", r"llevo", r"llevar(?:lo|é|e|emos)", r"enviar", r"envi(?:é|e)", r"notificar", r"voy a ir", r"vamos a ir",
])


RISK_CONCEPTS_ES: dict[str, list[str]] = {
    "privacy_breach": [
        *_near(_TOLD + r" (?:\w+ ){0,3}" + _OUTSIDER, _HEALTH_INFO, 100),
        *_near(_OUTSIDER + r" (?:ya )?(?:se enter(?:ó|o|aron)|sabe|sab(?:í|i)a|supo|lo sabe)", _HEALTH_INFO, 60),
        r"\b(?:le|les) (?:cont(?:ó|o)|contaron|dijo|dijeron|coment(?:ó|o)|comentaron) a (?:medio|todo el|toda la) "
        r"(?:barrio|pueblo|colonia|edificio|sala|planta|mundo|hospital|cuadra)\b",
        *_near(_HEALTH_INFO, _IN_VIEW, 80),
        *_near(_WITHOUT_CONSENT, _PASSED_ON, 80),
        *_near(_POSTED + r"[^.!?]{0,40}\b" + _SHARED_ONLINE, _MEDIA, 80),
        *_near(r"(?:nunca|no) (?:me|nos) pidieron (?:permiso|autorizaci(?:ó|o)n)", _MEDIA + r"|" + _SHARED_ONLINE, 120),
        *_near(_RECORDS, _NOT_MINE, 60),
        _then(_PASSED_ON, _NEVER_AGREED, 150),
        # Handed over to whoever asked: "se los dieron sin pedirle nada, ni autorización".
        *_near(r"(?:se los|se las|se lo|se la) (?:dieron|dio|entregaron|entreg(?:ó|o))",
               r"sin (?:pedir(?:le|les|me)? )?(?:nada|(?:su|mi) (?:dni|identificaci(?:ó|o)n|c(?:é|e)dula)|autorizaci(?:ó|o)n|permiso)"
               r"|ni autorizaci(?:ó|o)n", 60),
        r"\b(?:dijo|diciendo|dec(?:í|i)a) que era (?:mi|su) (?:esposo|esposa|marido|mujer|hij[oa]|herman[oa]|madre|padre|"
        r"familiar)\b|\bhaci(?:é|e)ndose pasar por (?:mi|su) \w+",
        r"\bse enter(?:ó|o|aron) (?:\w+ ){0,6}antes que (?:yo|ella|(?:é|e)l|el paciente|la paciente|mi (?:madre|padre|familia|"
        r"mam(?:á|a)|pap(?:á|a)))\b",
    ],
    "patient_safety": [
        *_near(_MEDICINE, _NEXT_PATIENT, 60),
        r"\b(?:unidades|miligramos|mg|ml|gotas|dosis)\b[^.!?]{0,40}\b(?:cuando (?:la indicaci(?:ó|o)n|lo indicado|le "
        r"toca(?:ba|ban)|eran|era|deb(?:í|i)an?)|en (?:vez|lugar) de)\b",
        r"\bsobredosis de (?:insulina|morfina|potasio|heparina|anestesia|sedantes?|quimio\w*|fentanilo|digoxina|"
        r"warfarina|anticoagulantes?)\b|\b(?:le|me) (?:dieron|pusieron|aplicaron|administraron|inyectaron) (?:una )?sobredosis\b",
        *_near(_FALL, _NOBODY_THERE, 120),
        _then(_SENT_AWAY, _WHAT_IT_WAS, 300),
        *_near(_SORE, _SORE_STATE, 30),
        r"\b(?:nadie|no) (?:le |la |lo )?(?:cambia|cambiaba|cambiaban|cambiaron|mov(?:í|i)a|mov(?:í|i)an|giraba|giraban) "
        r"(?:de postura|de posici(?:ó|o)n|el pa(?:ñ|n)al|los pa(?:ñ|n)ales)\b"
        r"|\bsin que nadie (?:le |la |lo )?(?:cambiara|cambiase|moviera|limpiara|lavara|diera de comer|diera agua)\b"
        r"|\bno (?:la|lo|le) (?:mov(?:í|i)an|mov(?:í|i)a|giraban|cambiaban de postura)\b"
        r"|\b(?:nadie|no) (?:lo|la|le) (?:da|daba|dan|daban|dio|dieron) (?:la )?vuelta\b",
        r"\bnadie (?:le|les|la|lo) (?:daba|dio|daban|dieron) de (?:beber|comer)\b|\bfuera de su alcance\b",
        r"\b(?:nunca|no) se (?:lav(?:ó|o)|lavaba|lavaban|lavaron) las manos\b|\bni se (?:puso|pon(?:í|i)a|pusieron) guantes\b",
        r"\bpa(?:ñ|n)al (?:empapado|sucio|lleno|mojado|cagado) (?:desde|todo el d(?:í|i)a|toda la (?:noche|ma(?:ñ|n)ana|tarde)|horas)\b",
        _then(_ALARM + r" (?:\w+ ){0,6}" + _SOUNDING, _IGNORED, 150),
        *_near(_DISCHARGED, _UNSAFE_OUT, 120),
        r"\bla ambulancia (?:la|lo|los|las) dej(?:ó|o) (?:en el portal|en la puerta|sol[oa]|en la calle)\b",
        r"\blabios morados\b|\bse (?:puso|estaba poniendo) (?:morad[oa]|azul)\b|\bsaturaci(?:ó|o)n (?:en|de|a|al) [1-8]\d\b",
        r"\b(?:o(?:í|i)do|ojo|pierna|brazo|rodilla|pie|mano|ri(?:ñ|n)(?:ó|o)n|pecho|seno|dedo|cadera|hombro|lado) "
        r"(?:izquierd[oa]|derech[oa])\b[^.!?]{0,40}\b(?:cuando era|y era|pero era|en (?:vez|lugar) del?) (?:el|la) "
        r"(?:derech[oa]|izquierd[oa]|otr[oa])\b",
    ],
    "discrimination_abuse": [
        *_near(_LAUGHED, _IN_FRONT, 120),
        *_near(_SHUT_UP, r"se (?:re(?:í|i)a|re(?:í|i)an|rieron|ri(?:ó|o)|burl\w+)", 80),
        r"\bcuando lo hiciste no (?:gritabas|te quejabas|llorabas|dec(?:í|i)as)\b",
        r"\bcon (?:ese|este|tu|su) (?:cuerpo|peso|panza|barriga)[\s,¿]*qu(?:é|e) (?:esperabas|esperaba|quer(?:í|i)as)\b",
        r"\b(?:con forma|marcas?) de dedos\b",
        r"\bloc[oa]s? como (?:usted|t(?:ú|u)|vos|ust(?:é|e))\b",
        *_near(r"(?:habla|hablaba|hablan) (?:solo |s(?:ó|o)lo |nada m(?:á|a)s )?(?:mixteco|quechua|n(?:á|a)huatl|maya|aymara|"
               r"guaran(?:í|i)|zapoteco|otom(?:í|i)|tsotsil|wayuu|lengua ind(?:í|i)gena)",
               r"rega(?:ñ|n)aron|rega(?:ñ|n)(?:ó|o)|dejaron al final|a prop(?:ó|o)sito|se burl\w+|se re(?:í|i)\w+|"
               r"no (?:la|lo|le|nos) (?:quisieron|quiso) atender", 120),
        *_near(r"(?:le|les) ped(?:í|i)(?:mos)? que (?:parara|pararan|se detuviera|no siguiera)",
               r"sigui(?:ó|o)|siguieron|no par(?:ó|o)|apret(?:ó|o)|me sujet(?:ó|o)|fuerte", 60),
        *_near(r"moretones|moratones|hematomas|marcas", r"nadie (?:nos |me |le )?(?:sabe|supo|sab(?:í|i)a) (?:explicar|decir)|"
               r"sin (?:ninguna )?explicaci(?:ó|o)n|que nadie (?:explica|explic(?:ó|o))", 60),
        r"\b(?:la|lo|le|me|nos) zarande(?:aba|aban|aron|(?:ó|o))\b|\bviej[oa] (?:guarr[oa]|marran[oa]|puerc[oa]|sucia)\b",
        *_near(r"silla de ruedas|discapacidad|s(?:í|i)ndrome de down|autis\w+|sord[oa]|ciego|ciega|demencia",
               r"para qu(?:é|e) (?:vienes|viene)|no te enteras|no se entera de nada|no entiende nada|"
               r"como si fuera (?:tont[oa]|retrasad[oa]|un ni(?:ñ|n)o|una ni(?:ñ|n)a)", 100),
        r"\bcon lo (?:gord|obes|flac|viej)[oa]s? que (?:estoy|est(?:á|a)|es|soy|estaba)\b"
        r"|\b(?:me|le|la|lo) (?:dijo|llam(?:ó|o)|llamaron|dijeron) (?:\w+ ){0,2}(?:gord[oa]|vaca|ballena|cerd[oa]|foca)\b",
        *_near(_IMMIGRATION, _THREAT_OR_ASK, 60),
        *_near(_LANGUAGE, _SENT_BACK, 80),
        r"\baqu(?:í|i) (?:estamos en|es|se habla) (?:am(?:é|e)rica|estados unidos|espa(?:ñ|n)a|ingl(?:é|e)s)\b",
        *_near(_PARTNER, _SCORN, 150),
        r"\b(?:dio|dar(?:le)?|daba|dieron|pegó|pego) (?:un |una )?" + _BLOW + r"\b",
        *_near(_SHUT_UP, _INSULT, 40),
        r"\b(?:me|la|le) toc(?:ó|o|aba|aron) (?:de una (?:forma|manera) (?:que no|rara|extra(?:ñ|n)a|inapropiada|indebida|fea)|"
        r"donde no|sin (?:permiso|guantes)|de (?:forma|manera) (?:rara|extra(?:ñ|n)a|inapropiada|indebida))\b",
        r"\bcomentarios (?:sobre|de) (?:mi|su) cuerpo\b",
        # A trans patient called by the old name; migrants told they come for free care.
        r"\b(?:mi|su) nombre (?:viejo|anterior|de antes|muerto|de nacimiento)\b|\bdeadname\w*",
        r"\besta gente siempre viene\b|\busted(?:es)? (?:\w+ ){0,2}(?:vienen|llegan) (?:aqu(?:í|i)|ac(?:á|a)|a este pa(?:í|i)s)\b",
        r"\b(?:amarraron|ataron|sujetaron|inmovilizaron|amarr(?:ó|o)|at(?:ó|o)|sujet(?:ó|o))\b[^.!?]{0,30}\ba la (?:cama|silla|camilla)\b",
        r"\b(?:la pr(?:ó|o)xima vez|otra vez|a la pr(?:ó|o)xima) lo (?:hiciera|hicieras|haga|hagas|hiciese) bien\b"
        r"|\b(?:hazlo|h(?:á|a)galo) bien\b",
    ],
    "self_harm": [
        *_near(_CANT_GO_ON, _HOW_IT_ENDS, 120),
        r"\bllam(?:ó|o) para despedirse\b|\bcarta de despedida\b|\bse despidi(?:ó|o) de (?:m(?:í|i)|todos|nosotros)\b",
        r"\besta vez (?:s(?:í|i) )?lo (?:va|voy|iba) a hacer\b",
        r"\b(?:pienso|pensaba|piensa|pensando|pens(?:é|e)|ideas de|ganas de) (?:en )?(?:tirarme|matarme|morirme|quitarme la vida|"
        r"suicidarme|acabar con todo|hacerme da(?:ñ|n)o|cortarme|no despertar)\b",
        *_near(_JUMP, _DROP, 30),
        r"\bque (?:se|me) (?:matara|matase|suicidara|hiciera da(?:ñ|n)o|tirara|cortara|ahorcara)\b",
        r"\b(?:se|me) (?:iba|va|voy|van) a matar\b(?! (?:de|a|trabajando|con|en))|\b(?:se|me) (?:iba|va|voy) a quitar la vida\b",
        r"\bse (?:\w+ )?cort(?:ando|aba|a) (?:los brazos|las mu(?:ñ|n)ecas|las piernas|el brazo)\b|\bcort(?:á|a)ndose\b",
        r"\b(?:ser(?:í|i)a|estar(?:í|i)a) mejor no (?:estar|existir|despertar|vivir)\b",
        r"\bno (?:le |les |me )?encuentr\w+ (?:ning(?:ú|u)n )?sentido (?:a nada|a la vida|a vivir|a seguir)\b",
        r"\b(?:mirando|buscando|investigando|averiguando|viendo|pensado|pensando) c(?:ó|o)mo hacerlo\b",
        r"\b(?:va|voy|iba|van) a acabar con (?:su|mi) vida\b|\bregal(?:ó|o|ando|ado) (?:todas )?sus cosas\b",
        r"\bojal(?:á|a) no (?:me |se )?(?:despierte|despertara|despertase|volver a despertar)\b"
        r"|\bno (?:quiero|quiere|quer(?:í|i)a) (?:volver a )?despertar(?:me|se)?\b",
        r"\bganas de (?:desaparecer|morir(?:me|se)?|no despertar|matarme|acabar con todo)\b",
        r"\b(?:tomarme|tomarse|me tom(?:é|e)|se tom(?:ó|o)) (?:un mont(?:ó|o)n|un pu(?:ñ|n)ado|una caja|todas|un frasco|un bote) "
        r"de (?:pastillas|medicamentos|calmantes|somn(?:í|i)feros)\b",
        r"\b(?:quiere|quer(?:í|i)a|queriendo|quiero|sigue queriendo|segu(?:í|i)a queriendo) morir(?:se|me)\b(?! de)",
        r"\bse volvi(?:ó|o) a (?:cortar|hacer da(?:ñ|n)o|lastimar|autolesionar)\b|\bme volv(?:í|i) a (?:cortar|hacer da(?:ñ|n)o|lastimar)\b",
        *_near(r"guardando|guardado|guarda|acumulando|juntando|juntado",
               r"pastillas|medicamentos|medicinas|somn(?:í|i)feros|calmantes", 40),
    ],
    "legal_threat": [
        *_near(_TAKE_IT_TO, _REGULATOR, 60),
        r"\b(?:poner|pongo|pondr(?:é|e)|interponer|interpuse|puse) (?:una )?(?:acci(?:ó|o)n de )?tutela\b|\bacci(?:ó|o)n de tutela\b",
        r"\bacci(?:ó|o)n(?:es)? judicial(?:es)?\b|\bv(?:í|i)a judicial\b",
    ],
}


# Spanish spans that look like a flag and are not one (joined to risk_lexicon.RISK_VETO;
# a match of either tier that overlaps one is ignored). From the hard negatives of the
# same sets: a fall at home before the hospital, a billing error, a lawyer or the
# prosecutor's office as someone's job or referral, "demanda" as demand, the privacy
# policy and a shared room without privacy (dignity, not a breach), an insulin overdose
# staff gave (patient safety, not self-harm). And from the older fixtures: sent home
# from another hospital and caught here, which is praise. And from a set of 80 Spanish
# messages with no risk (es_plain_10, whose three false flags all predate this module):
# a hip broken slipping on ice in the street, "soy abogado" with a court timetable, a
# phone line that "se corta".
RISK_VETO_CONCEPTS_ES: dict[str, list[str]] = {
    # Someone else shouting at staff (aggression towards staff is not this flag's).
    "discrimination_abuse": [
        r"\b(?:un|una|el|la|otro|otra) (?:se(?:ñ|n)or[a]?|paciente|hombre|mujer|chic[oa]|muchach[oa]|familiar)\b[^.!?]{0,40}"
        r"\b(?:le |les )?(?:grit(?:ó|o)|insult(?:ó|o)|amenaz(?:ó|o)|empuj(?:ó|o))\b[^.!?]{0,20}\ba (?:la|el|las|los) "
        r"(?:enfermer|m(?:é|e)dic|doctor|recepcionista|auxiliar|celador|personal|guardia)\w*",
        # "Un abuso" as a rip-off: "el estacionamiento es un abuso: doce dólares".
        r"\b(?:estacionamiento|parqueadero|parking|aparcamiento|cafeter(?:í|i)a|factura|cuenta|precios?|cobr\w+|tarifas?)\b"
        r"[^.!?]{0,40}\b(?:un abuso|abusiv[oa]s?)\b|\bun abuso\b[^.!?]{0,40}\b(?:d(?:ó|o)lares|euros|pesos|precio|cobr\w+|pagar)\b",
    ],
    "patient_safety": [
        r"\b(?:se cay(?:ó|o)|me ca(?:í|i)|se ha ca(?:í|i)do|me he ca(?:í|i)do|se cae|me caigo|nos ca(?:í|i)mos) (?:\w+ ){0,3}"
        r"(?:en|de|por) (?:la |su |mi |una |el )?(?:casa|calle|acera|banqueta|vereda|trabajo|obra|escalera de (?:mi|su) casa|"
        r"bici|bicicleta|moto|caballo|patineta|parque|finca|campo)\b",
        # Sent home elsewhere, then caught here: praise for catching it in time.
        r"\ben otr[oa] (?:hospital|cl(?:í|i)nica|centro(?: de salud)?|sitio|lado|consultorio|urgencias|m(?:é|e)dico)\b"
        r"[^.!?]{0,100}\b(?:mandaron|mandaban|dijeron|dijo|devolvieron|despacharon)\b[^.!?]{0,80}",
        r"\b(?:fractur\w+|romp(?:i(?:ó|o)|erse|(?:í|i))) (?:\w+ ){0,3}(?:al|tras) (?:resbalar|caer(?:se)?|tropezar)\b[^.!?]{0,30}"
        r"\b(?:calle|casa|acera|banqueta|vereda|hielo|escalera|monte|pista|partido|bici|bicicleta)\b",
        r"\b(?:factura|cuenta|cobro|recibo)\b[^.!?]{0,20}\b(?:un |otro )?error\b",
        # The reason for the visit, treated ("fui por una infección de garganta").
        r"\b(?:por|con) (?:una |un )?infecci(?:ó|o)n (?:de|en) (?:la |el |los )?(?:garganta|orina|o(?:í|i)dos?|muelas?|piel|pecho|"
        r"est(?:ó|o)mago|ri(?:ñ|n)(?:ó|o)n)\b",
        # An app or website that fails: "la aplicación da error".
        r"\b(?:aplicaci(?:ó|o)n|app|p(?:á|a)gina|web|sistema|plataforma)\b[^.!?]{0,20}\b(?:da|dio|daba|marca|tiene) (?:un )?error\b",
        r"\berror(?:es)? (?:en|de|del) (?:la |el |mi |su |los |las )?(?:factura|cuenta|cobro|facturaci(?:ó|o)n|recibo|cita|"
        r"direcci(?:ó|o)n|nombre|apellido|fecha|seguro|p(?:ó|o)liza|sistema|papeleo|app|aplicaci(?:ó|o)n|p(?:á|a)gina)\b",
    ],
    "legal_threat": [
        r"\b(?:el|la|los|las|un|una|mucha|mucho|alta|gran) demanda (?:de|del)\b|\bdemanda (?:mucho|mucha|m(?:á|a)s|tanto|tanta|"
        r"poco|personal)\b",
        r"\btrabajo (?:de|como) abogad[oa]\b|\bsalgo (?:tarde )?del bufete\b|\btrabajo en (?:un|el|la) "
        r"(?:bufete|fiscal(?:í|i)a|juzgado|despacho de abogados)\b",
        # One's own job, unless the sentence goes on to legal action ("soy abogado y voy a demandarlos").
        r"\b(?:soy|que es|es|era) (?:abogad[oa]|fiscal|juez[a]?|polic(?:í|i)a|periodista)\b(?![^.!?]*\b(?:demand\w*|denunci\w*|querell\w*|"
        r"acciones legales|v(?:í|i)a legal)\b)[^.!?]{0,80}",
        r"\b(?:el|la) abogad[oa] (?:que|del|de mi) (?:\w+ ){0,8}(?:nos|me) (?:la |lo |los |las )?recomend(?:ó|o)\b",
        # Another legal matter: a theft or a road accident reported.
        r"\b(?:denuncia|juicio|demanda|abogad[oa]|fiscal(?:í|i)a)\b[^.!?]{0,60}\b(?:del|de la|por el|por la|de mi|por mi) "
        r"(?:robo|hurto|atraco|asalto|accidente de tr(?:á|a)fico|choque)\b",
    ],
    "privacy_breach": [
        r"\bpol(?:í|i)tica de privacidad\b",
        # Privacy kept: "no podían darle información sin mi permiso"; more privacy asked for.
        r"\bno (?:pod(?:í|i)an?|pueden|puede) (?:dar(?:le|les|me)?|decir(?:le|les)?) (?:\w+ ){0,2}(?:informaci(?:ó|o)n|nada|datos)"
        r"[^.!?]{0,20}\bsin (?:mi|su) (?:permiso|autorizaci(?:ó|o)n|consentimiento)\b",
        r"\b(?:para tener|tener) (?:algo |un poco )?(?:m(?:á|a)s )?(?:de )?(?:intimidad|privacidad)\b",
        r"\b(?:no hay|no hab(?:í|i)a|sin|poca|falta de|nada de|ninguna) (?:ninguna |nada de )?(?:privacidad|intimidad)\b",
    ],
    "self_harm": [
        # "En mi peor momento, cuando pensaba en quitarme la vida, ... sigo aquí gracias a ellos."
        r"\ben mi peor momento\b[^.!?]{0,80}",
        # A crisis years ago, told in thanks ("hace tres años llegué después de intentar quitarme la vida"); not
        # "hace años que" (still going on).
        r"\bhace (?:unos |dos |tres |cuatro |cinco |muchos |varios )?a(?:ñ|n)os\b(?! que)[^.!?]{0,100}\b(?:intent\w+|quitarme la vida|"
        r"suicid\w+|me cort\w+|sobredosis|acabar con todo|no ve(?:í|i)a salida)",
        # A phone line that cuts off.
        r"\b(?:llamada|l(?:í|i)nea|grabaci(?:ó|o)n|tel(?:é|e)fono|comunicaci(?:ó|o)n|conexi(?:ó|o)n|se(?:ñ|n)al|opci(?:ó|o)n \d|"
        r"videollamada)\b[^.!?]{0,60}\bse corta\b",
        r"\bsobredosis de (?:insulina|morfina|potasio|heparina|anestesia|sedantes?|quimio\w*|fentanilo|digoxina|warfarina|"
        r"anticoagulantes?)\b|\bqueja por (?:la |una )?sobredosis\b|\b(?:le|me) (?:dieron|pusieron|aplicaron|administraron|"
        r"inyectaron) (?:una )?sobredosis\b",
    ],
}
