"""Spanish comments are read through an English gloss as well as in Spanish."""
from __future__ import annotations

import pytest

from careloop.classifier import es, lexicon, model
from careloop.classifier.lang import detect_language


def test_the_gloss_replaces_known_words_and_keeps_punctuation_and_unknown_words():
    assert es.gloss("esperé dos horas, ¡qué xyzzy!") == "i waited two hours, ¡what xyzzy!"


def test_a_comment_of_praise_with_a_real_complaint_after_pero_is_a_complaint():
    for text in ["El doctor muy amable, pero nadie me explicó los resultados y salí sin saber nada.",
                 "El personal muy atento, aunque esperé casi dos horas para que me vieran."]:
        assert model.classify(text, language="es").sentiment == "negative", text


def test_the_gloss_leaves_out_object_pronouns_before_the_verb():
    assert es.gloss("nadie me explicó nada") == "nobody explained nothing"


def test_a_complaint_before_pero_is_still_a_complaint():
    c = model.classify("Nadie me explicó nada, pero las enfermeras fueron muy amables.")
    assert c.language == "es" and c.sentiment == "negative"


def test_a_comment_of_plain_praise_with_pero_is_not_made_a_complaint():
    c = model.classify("Me daba miedo la operación, pero el equipo fue maravilloso.", language="es")
    assert c.sentiment == "positive"


def test_no_complaints_in_spanish_is_not_a_complaint():
    for text in ["No tengo ninguna queja, todo fue muy bien.", "Sin quejas, todo perfecto."]:
        assert model.classify(text).sentiment == "positive", text


def test_spanish_idioms_of_complaint_are_read():
    for text in ["El trato de admisión dejó mucho que desear.", "Me trataron como si fuera un número.",
                 "La recepcionista me habló de muy malas maneras."]:
        c = model.classify(text)
        assert c.language == "es" and c.sentiment == "negative", text


def test_media_in_spanish_is_not_the_press():
    c = model.classify("Esperamos media hora y luego nos atendieron muy bien.")
    assert "legal_threat" not in c.risk_flags


def test_spanish_abuse_of_a_relative_and_unsafe_discharge_raise_flags():
    assert "discrimination_abuse" in model.classify("Una auxiliar le gritó a mi abuelo delante de todos.").risk_flags
    assert "patient_safety" in model.classify("Le dieron el alta demasiado pronto y volvió a urgencias.").risk_flags


def test_a_two_word_spanish_answer_with_ninguna_is_detected_as_spanish():
    assert detect_language("Ninguna sugerencia.")[0] == "es"


def test_a_word_typed_without_its_accents_is_glossed_like_the_accented_one():
    assert es.english_of("carisimo") == es.english_of("carísimo") == ("very", "expensive")
    assert es.gloss("la atencion fue pesima") == es.gloss("la atención fue pésima")


def test_short_words_whose_accent_carries_meaning_are_not_guessed():
    assert es.english_of("si") == ("if",) and es.english_of("sí") == ("yes",)
    assert es.english_of("esta") == ("this",)
    assert all(len(word) >= es.MIN_UNACCENTED_LENGTH for word in es.UNACCENTED)
    assert not set(es.UNACCENTED) & set(es.GLOSSARY)


def test_a_cost_called_dear_after_aunque_makes_praise_a_complaint():
    for text in ["Muy buena atencion en general, aunque el parking es carisimo.",
                 "Todo muy bien, pero la cafetería es carísima."]:
        assert model.classify(text, language="es").sentiment == "negative", text
    assert model.classify("Muy buena atención en general.", language="es").sentiment == "positive"


def test_a_one_word_bien_is_praise():
    assert model.classify("Bien.", language="es").sentiment == "positive"


@pytest.mark.parametrize("text", [
    "El trato del personal de admisión deja bastante que desear.",
    "Comida fría e incomible.",  # "e" (and) is Spanish too, not only Italian and Portuguese
])
def test_more_spanish_complaints_are_read_as_spanish_complaints(text):
    c = model.classify(text)
    assert (c.language, c.sentiment) == ("es", "negative")


def test_never_lacking_reads_as_always_having_not_as_a_negation_and_a_lack():
    assert es.to_english(["nunca", "nos", "faltó", "información"])[:2] == ["always", "had"]
    assert "never" not in es.gloss("nunca nos faltó nada")
    assert es.to_english(["nos", "faltó", "información"]) != es.to_english(["nunca", "nos", "faltó", "información"])


def test_a_spanish_greeting_is_not_read_as_praise():
    assert "cue:pos" not in lexicon.scan(es.gloss("buenas tardes, ¿cuál es el horario de visitas?"))
    assert "cue:pos" in lexicon.scan(es.gloss("muy buena atención"))


@pytest.mark.parametrize("text, flag", [
    ("Le cambiaron el vendaje sin lavarse las manos y a los tres días la herida estaba infectada.", "patient_safety"),
    ("A mi tía le dieron las pastillas del señor de la cama de al lado.", "patient_safety"),
    ("La alarma del monitor estuvo sonando media hora y nadie vino.", "patient_safety"),
    ("El respirador de mi padre falló de madrugada.", "patient_safety"),
    ("Mi hija dijo en triaje que se quería matar y la mandaron a casa.", "self_harm"),
    ("El celador le dijo a mi hermano que aprenda español si quiere que lo atiendan.", "discrimination_abuse"),
    ("Tuvieron a mi abuela amarrada toda la noche a la cama.", "discrimination_abuse"),
    ("Mandaron los resultados de mi biopsia a la casa de mi exmarido.", "privacy_breach"),
    ("Llamaron a mi empresa y le contaron a recursos humanos por qué estaba de baja.", "privacy_breach"),
    ("Si no me responden, voy al Defensor del Pueblo.", "legal_threat"),
])
def test_everyday_spanish_wording_of_each_risk_raises_its_flag(text, flag):
    assert flag in model.classify(text).risk_flags


@pytest.mark.parametrize("text", [
    "Casi me muero del susto cuando vi la cuenta, pero el seguro lo pagó todo.",
    "El abogado de mi madre nos ayudó con los papeles de la residencia.",
    "La máquina del café de la sala de espera falló dos veces.",
])
def test_everyday_spanish_that_only_sounds_risky_raises_no_flag(text):
    assert model.classify(text).risk_flags == ()


# Concept pairs (risk_concepts_es.py): two everyday things said near each other.
@pytest.mark.parametrize("text, flag", [
    ("La recepcionista le contó a mi suegra lo de mi embarazo antes de que yo se lo dijera.", "privacy_breach"),
    ("Dejaron los expedientes a la vista en el mostrador, con nombres y todo.", "privacy_breach"),
    ("Una enfermera subió a su Facebook un video del parto con mi cara.", "privacy_breach"),
    ("Me llegaron por correo los resultados de otra paciente.", "privacy_breach"),
    ("Le pusieron a mi abuela la inyección del señor de la cama de enfrente.", "patient_safety"),
    ("Le pusieron 20 unidades cuando la indicación era de 2.", "patient_safety"),
    ("Mi madre se cayó de noche y nadie se dio cuenta hasta la mañana.", "patient_safety"),
    ("Me mandaron a casa dos veces diciendo que era estrés y al final era un infarto.", "patient_safety"),
    ("Le salieron llagas en carne viva en la espalda por no moverlo.", "patient_safety"),
    ("La alarma del monitor pitaba y pitaba y ninguna enfermera se acercó.", "patient_safety"),
    ("A mi padre le dieron de alta de madrugada, con fiebre y sin el informe.", "patient_safety"),
    ("El guardia le preguntó a mi tío si tenía papeles y amenazó con llamar a inmigración.", "discrimination_abuse"),
    ("Le dio un manotazo a mi madre porque no se estaba quieta.", "discrimination_abuse"),
    ("Cállate, vieja, le gritó la auxiliar a mi abuela.", "discrimination_abuse"),
    ("Dije que ya no aguanto más y que pienso en tirarme del puente, y me dieron cita para marzo.", "self_harm"),
    ("Mi hermana me llamó para despedirse desde la planta de psiquiatría.", "self_harm"),
    ("Ya presenté una queja ante la Secretaría de Salud.", "legal_threat"),
    ("Voy a interponer una tutela si no me dan la cirugía.", "legal_threat"),
    ("La enfermera leyó en alto mi resultado de VIH con la sala llena.", "privacy_breach"),
    ("A mi tío le salieron moretones y nadie nos supo explicar de qué eran.", "discrimination_abuse"),
    ("Mi hija tiene ganas de desaparecer y la cita es para dentro de dos meses.", "self_harm"),
    ("Dejaron a mi padre con la jarra de agua fuera de su alcance toda la tarde.", "patient_safety"),
])
def test_two_everyday_spanish_concepts_said_together_raise_their_flag(text, flag):
    assert flag in model.classify(text, language="es").risk_flags


@pytest.mark.parametrize("text", [
    "Mi padre se cayó en la calle y en urgencias lo atendieron enseguida, muy agradecidos.",
    "Hubo un error en la factura del copago, pero lo arreglaron por teléfono.",
    "Soy abogada y valoro mucho que den citas a última hora.",
    "En este hospital hay mucha demanda y aun así nos atendieron a tiempo.",
    "La habitación era compartida y no había ninguna intimidad para asearse.",
    "En otro hospital me dijeron que era ansiedad y me mandaron a casa; aquí vieron el infarto a tiempo.",
    "Me dieron de alta solo dos días después de la operación, todo perfecto.",
    "Me mandaron por WhatsApp la foto de la ecografía de mi bebé, muy amables.",
    "Ya no aguanto más esta lista de espera, llevo seis meses.",
    "Me tocó esperar de más, pero la doctora fue muy amable.",
    "El parqueadero es un abuso, quince mil pesos la hora.",
    "La aplicación da error cada vez que intento pedir cita.",
    "Hace cuatro años intenté quitarme la vida y este equipo me ayudó a salir adelante; hoy estoy bien.",
    "Mi hermano, que es abogado, me ayudó a rellenar el formulario del reembolso.",
])
def test_everyday_spanish_with_those_words_but_no_risk_raises_no_flag(text):
    assert model.classify(text, language="es").risk_flags == ()


@pytest.mark.parametrize("text", [
    "Llegué a las 10:00 y a las 10:15 ya me había visto la pediatra.",
    "La farmacia me surtió la receta completa y me indicaron por escrito cómo tomarla.",
    "Al día siguiente me devolvieron el dinero del cargo duplicado.",
])
def test_spanish_speed_and_service_told_as_facts_are_not_complaints(text):
    assert model.classify(text, language="es").sentiment != "negative"


def test_spanish_being_out_in_five_minutes_after_being_ignored_is_still_a_complaint():
    text = "Me trataron como a un número: la doctora ni me miró, y en cinco minutos ya estaba afuera."
    assert model.classify(text, language="es").sentiment == "negative"
