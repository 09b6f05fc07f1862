"""A small, dependency-free language identifier for short feedback comments.

Two signals:
1. Script: text written mostly in a non-Latin script (Cyrillic, Arabic, CJK, ...) is
   identified by Unicode block alone.
2. Latin-script text: a profile of very frequent function words per language plus a
   few diacritics/letters that only some languages use. The language with the highest
   share of matching tokens wins if it clears a margin; otherwise the result is "und".

It only needs to be good at one decision: "is this English or Spanish (which we
classify) or something else (which goes to human review)". Short comments made only of
words shared by many languages ("OK", "Super") default to English, the language of the
services this runs for, unless a caller-supplied language says otherwise.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)

# Function words and very common feedback words. Words shared by several languages are
# kept in all of them (they add evidence for each equally).
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("""
        the a an and or but of to in on at for with from by about as into than then so very
        is are was were be been being am have has had do does did done not no nothing none
        i me my mine we us our you your he him his she her they them their it its this that
        these those there here what which who when where why how all any some more most less
        can could would should will shall may might must just too also only even still ever
        good great excellent bad poor staff nurse nurses doctor care service services time
        wait waiting appointment thank thanks thankyou helpful friendly kind lovely nice
        everything everyone nobody someone really well better best always never again
        made make feel felt help helped told get got being like after before because
        improve improved improvement nil n/a yes ok okay parking food ward hospital team
        listened professional quick quickly seen experience rude long
        it's don't didn't doesn't wasn't weren't isn't aren't couldn't wouldn't shouldn't
        can't won't haven't hasn't hadn't i'm i've i'd i'll you're you've they're they've
        we're we've he's she's that's what's there's who's let's dont didnt doesnt wasnt
        werent isnt couldnt wouldnt cant havent
    """.split()),
    "es": frozenset("""
        el la los las un una unos unas y o pero de del al a en con por para sin sobre
        es son era eran fue fueron ser estar estaba estaban está están estoy he ha han
        había hay muy más menos mucho mucha muchos muchas poco todo todos toda todas nada
        nadie algo alguien yo me mi mis mí nosotros nos nuestro nuestra usted ustedes
        él ella ellos ellas su sus le les lo que qué quien cuando donde dónde como cómo
        porque esto este esta estos estas ese esa eso también tampoco siempre nunca ya
        bien mal bueno buena malo mala mejor peor gracias atención personal médico médica
        enfermera enfermeras hospital cita esperar espera horas trato amable amables
        servicio cuidado me nos se si sí no ninguna ninguno ningún e u
    """.split()),
    "fr": frozenset("""
        le la les un une des et ou mais de du au aux en dans avec pour par sans sur est
        sont était étaient être avoir ai as a avons ont très plus moins beaucoup peu
        tout tous toute toutes rien personne je moi mon ma mes nous notre vous votre il
        elle ils elles leur leurs ce cette ces qui que quoi quand où comment pourquoi
        parce aussi toujours jamais bien mal bon bonne mauvais merci personnel médecin
        infirmière hôpital attente rendez-vous ne pas se sa son
    """.split()),
    "de": frozenset("""
        der die das den dem des ein eine einen einem einer und oder aber von zu im in an
        auf mit für bei nach aus ist sind war waren sein haben hat hatte habe sehr mehr
        weniger viel nicht kein keine nichts alles ich mich mein meine wir uns unser sie
        ihr er es wer wann wo wie warum weil auch immer nie gut schlecht besser danke
        personal arzt ärztin krankenhaus wartezeit termin freundlich
    """.split()),
    "it": frozenset("""
        il lo la i gli le un uno una e o ma di da del della dei delle in con per su tra
        è sono era erano essere avere ho ha hanno molto più meno poco tutto tutti niente
        nessuno io mi mio mia noi ci nostro voi lui lei loro che chi quando dove come
        perché anche sempre mai bene male buono buona cattivo grazie personale medico
        infermiera ospedale attesa non si
    """.split()),
    "pt": frozenset("""
        o a os as um uma uns umas e ou mas de do da dos das em no na nos nas com por para
        sem sobre é são era eram foi foram ser estar está estava tenho tem têm muito mais
        menos pouco tudo todos nada ninguém eu me meu minha nós nosso você vocês ele ela
        eles elas seu sua que quem quando onde como porque também sempre nunca bem mal
        bom boa ruim obrigado obrigada atendimento médico enfermeira hospital não
    """.split()),
    "nl": frozenset("""
        de het een en of maar van te in op aan met voor bij naar uit is zijn was waren
        hebben heeft had heel zeer meer minder veel niet geen niets alles ik mij mijn wij
        we ons onze jij je jullie hij zij ze wie wanneer waar hoe waarom omdat ook altijd
        nooit goed slecht beter dank bedankt personeel arts ziekenhuis wachten afspraak
    """.split()),
    "pl": frozenset("""
        i w na z do nie się jest są był była było byli to że a ale lub od po przez za
        dla bardzo więcej mniej dużo mało wszystko nic nikt ja mnie mój moja my nas nasz
        ty wy on ona oni ich co kto kiedy gdzie jak dlaczego bo też zawsze nigdy dobrze
        źle dobry dobra zły dziękuję personel lekarz pielęgniarka szpital czekać wizyta
    """.split()),
    "ro": frozenset("""
        și sau dar de la în pe cu pentru din este sunt era au am foarte mai mult puțin
        tot toate nimic nimeni eu meu mea noi voi el ea ei ele ce cine când unde cum
        pentru că și mereu niciodată bine rău bun bună mulțumesc personal medic spital
        nu se
    """.split()),
    "cy": frozenset("""
        y yr a ac ond o i yn ar gyda am mae roedd oedd bod wedi iawn mwy llai dim popeth
        neb fi fy ni ein chi eich ef hi nhw eu beth pwy pryd ble sut pam hefyd bob amser
        byth da drwg gwell diolch staff meddyg nyrs ysbyty aros apwyntiad
    """.split()),
}

# Letters that point strongly at one language when present.
_MARKERS: dict[str, str] = {
    "ñ": "es", "¿": "es", "¡": "es",
    "ß": "de",
    "ł": "pl", "ą": "pl", "ę": "pl", "ś": "pl", "ź": "pl", "ż": "pl", "ć": "pl", "ń": "pl",
    "ã": "pt", "õ": "pt",
    "ă": "ro", "ș": "ro", "ț": "ro", "ş": "ro", "ţ": "ro",
    "ŵ": "cy", "ŷ": "cy",
    "œ": "fr",
}

# Non-Latin scripts -> language code (the dominant language written in it; good enough
# for "unsupported, send to review").
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("CYRILLIC", "ru"), ("ARABIC", "ar"), ("HEBREW", "he"), ("GREEK", "el"),
    ("DEVANAGARI", "hi"), ("BENGALI", "bn"), ("GURMUKHI", "pa"), ("GUJARATI", "gu"),
    ("TAMIL", "ta"), ("TELUGU", "te"), ("THAI", "th"), ("HANGUL", "ko"),
    ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"), ("ETHIOPIC", "am"),
    ("GEORGIAN", "ka"), ("ARMENIAN", "hy"), ("SINHALA", "si"), ("KHMER", "km"),
)

LANGUAGES_KNOWN: frozenset[str] = frozenset(_STOPWORDS) | frozenset(c for _, c in _SCRIPTS)


_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


def _script_language(text: str) -> str | None:
    # Only letters outside ASCII can belong to another script, and a story has few of
    # them: look those up one by one, and count all letters only if some are foreign.
    counts: dict[str, int] = {}
    for ch in _NON_ASCII_WORD_CHAR.findall(text):
        if not ch.isalpha():
            continue
        try:
            name = unicodedata.name(ch)
        except ValueError:
            continue
        for key, code in _SCRIPTS:
            if name.startswith(key):
                counts[code] = counts.get(code, 0) + 1
                break
    if not counts:
        return None
    letters = sum(map(str.isalpha, text))
    code, n = max(counts.items(), key=lambda kv: kv[1])
    if "ja" in counts and code == "zh":  # kana alongside kanji means Japanese
        code = "ja"
    return code if n / letters >= 0.3 else None


_WORD_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in _words:
        _WORD_LANGS[_w] = _WORD_LANGS.get(_w, ()) + (_lang,)


# Up to this many words, each is looked up as it comes: building a Counter costs a
# survey comment more than the lookups it saves (scores are whole numbers either way).
_FEW_WORDS = 40


def detect_language(text: str, tokens: list[str] | None = None) -> tuple[str, float]:
    """Return (ISO 639-1 code or "und", confidence 0..1).

    tokens: the lower-cased words of `text`, if the caller already has them.
    """
    if not text or not text.strip():
        return "und", 0.0
    lowered = text.lower()
    if not lowered.isascii():
        script = _script_language(text)
        if script is not None:
            return script, 0.95
    if tokens is None:
        tokens = _WORD.findall(lowered)
    if not tokens:
        return "und", 0.0
    scores: dict[str, float] = dict.fromkeys(_STOPWORDS, 0.0)
    if len(tokens) <= _FEW_WORDS:
        for tok in tokens:
            for lang in _WORD_LANGS.get(tok, ()):
                scores[lang] += 1
    else:
        # Count each distinct word once (Counter and the key intersection run in C: a
        # long story has hundreds of words but only a few dozen distinct function words).
        counts = Counter(tokens)
        for tok in counts.keys() & _WORD_LANGS.keys():
            n_tok = counts[tok]
            for lang in _WORD_LANGS[tok]:
                scores[lang] += n_tok
    if not lowered.isascii():
        for ch, lang in _MARKERS.items():
            if ch in lowered:
                scores[lang] += 1.5
        # Spanish/Portuguese/French accents that English never uses.
        if re.search(r"[áéíóú]", lowered):
            for lang in ("es", "pt", "fr", "it"):
                scores[lang] += 0.5
    # The best score and the languages that reach it (the first of them by name wins),
    # and the runner-up's score: what sorting every language's score gave, in a third
    # of the time.
    s1 = max(scores.values())
    tied = sorted(lang for lang, s in scores.items() if s == s1)
    best = tied[0]
    s2 = s1 if len(tied) > 1 else max(s for s in scores.values() if s != s1)
    n = len(tokens)
    if s1 == 0:
        # No function word at all. Short comments ("Brilliant!", "Excelente") are
        # common; call them English only if they are plain ASCII.
        if n <= 3 and lowered.isascii():
            return "en", 0.4
        return "und", 0.0
    if s1 == s2:
        # Tie: prefer English (the deployment language), then Spanish, when tied.
        for pref in ("en", "es"):
            if pref in tied:
                return pref, 0.4
        return "und", 0.2
    conf = min(1.0, (s1 - s2) / max(1.0, s1) * 0.5 + min(s1, 6) / 12)
    return best, round(conf, 3)
