"""Drafted replies to negative feedback, and a checker for replies written by staff.

The drafts follow the feedback-handling guidance in the design notes:

- acknowledge and thank; never defensive; validate the person's feelings;
- a specific, genuine apology tied to what the feedback is about (never "sorry for any
  inconvenience");
- a concrete next step: a named contact route and an offer to talk;
- public replies are brief and professional and carry no private details: they never
  confirm that the author is a patient and contain no names, dates, diagnoses or
  treatments; they move the conversation offline;
- private outreach is warmer and longer, quotes the ticket reference, offers a call
  and asks for a convenient time.

Drafts are built only from fixed template text selected by *codes* (topic, risk flag,
severity, channel) plus three organisation-supplied strings (facility display name,
contact route, ticket reference). Patient text is never an input, and unknown codes are
ignored rather than echoed, so free text smuggled into a code field cannot reach a
draft. Phrasing variants are chosen by a stable hash of the ticket reference: the same
ticket always gets the same wording.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from careloop.core.taxonomy import RISK_FLAG_CODES, RISK_TOPICS, TOPIC_CODES, TRAILING_TOPICS

DEFAULT_URGENT_HELP = (
    "If you or someone else needs urgent help right now, please call 999 or NHS 111."
)

_REFERENCE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$")

# A flagged ticket's drafts address the flag's topic first, whatever the comment is
# mainly about; a flag whose topic is only "other" (a legal threat) adds none.
_RISK_TOPIC: dict[str, str] = {f: t for f, t in RISK_TOPICS.items() if t not in TRAILING_TOPICS}

_RISK_PRIORITY: tuple[str, ...] = (
    "self_harm",
    "patient_safety",
    "discrimination_abuse",
    "privacy_breach",
    "legal_threat",
)
assert set(_RISK_PRIORITY) == set(RISK_FLAG_CODES)

# Topics where a public reply should say explicitly that details stay private.
_SENSITIVE_TOPICS = frozenset({"safety", "privacy_dignity", "clinical_care", "medication", "pain", "discharge"})

_CHANNELS = ("public_review", "email", "survey", "web_form", "phone", "none")
_SEVERITIES = ("low", "medium", "high", "critical")


@dataclass(frozen=True)
class ReplyContext:
    """Everything a draft may use. No patient text, no patient identity.

    ``topics`` and ``risk_flags`` are classifier codes; unknown codes are ignored.
    ``contact_route`` is the organisation's contact (e.g. "our Patient Experience team on
    0300 000 0000 or px@example.org"). ``ticket_reference`` is a system reference
    (letters, digits, ``. _ / -``; anything else raises ``ValueError``).
    """

    facility_display_name: str
    topics: Sequence[str]
    sentiment: str
    severity: str
    reply_channel: str
    contact_route: str
    ticket_reference: str
    risk_flags: Sequence[str] = ()
    urgent_help_text: str = DEFAULT_URGENT_HELP
    # The classifier could not read the feedback (needs_review): nobody knows yet whether it
    # is a complaint, so the drafts thank, promise a reading and offer help, but apologise
    # for nothing in particular.
    unread: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.ticket_reference, str) or not _REFERENCE_RE.match(self.ticket_reference):
            raise ValueError("ticket_reference must be 1-64 characters of letters, digits, '.', '_', '/' or '-'")
        for name in ("facility_display_name", "contact_route", "urgent_help_text"):
            value = " ".join(str(getattr(self, name)).split())
            if not value:
                raise ValueError(f"{name} must not be empty")
            object.__setattr__(self, name, value)
        object.__setattr__(self, "topics", tuple(t for t in self.topics if t in TOPIC_CODES))
        object.__setattr__(self, "risk_flags", tuple(f for f in self.risk_flags if f in RISK_FLAG_CODES))

    @property
    def ordered_topics(self) -> tuple[str, ...]:
        """Known topics in the order the drafts address them: the topic of the most
        serious risk flag, then safety (never second to food or parking), then the
        classification's own order, which puts what the feedback is mainly about first
        (ranking every topic by seriousness gave a complaint about a three-hour wait an
        apology for "concerns about medication", from a weak medication topic);
        ``enquiry`` and ``other`` last; ``("other",)`` when none are known."""
        flagged = [_RISK_TOPIC[f] for f in _RISK_PRIORITY if f in self.risk_flags and f in _RISK_TOPIC]
        ordered = dict.fromkeys(t for t in (*flagged, "safety", *self.topics) if t in self.topics)
        return tuple(sorted(ordered, key=lambda t: t in TRAILING_TOPICS)) or ("other",)

    @property
    def top_risk(self) -> str | None:
        return next((f for f in _RISK_PRIORITY if f in self.risk_flags), None)

    @property
    def channel(self) -> str:
        return self.reply_channel if self.reply_channel in _CHANNELS else "none"

    @property
    def serious(self) -> bool:
        return self.severity in ("high", "critical")

    @property
    def answering_question(self) -> bool:
        """A question or an administrative request (topic ``enquiry``) that is not a
        complaint and carries no risk flag: the drafts thank and promise an answer, and
        apologise for nothing."""
        return "enquiry" in self.topics and self.sentiment != "negative" and self.top_risk is None

    @property
    def awaiting_reading(self) -> bool:
        """Unread by the classifier and with no risk flag: the drafts thank and promise a
        reading, and apologise for nothing yet."""
        return self.unread and self.top_risk is None


def _pick(options: Sequence[str], reference: str, slot: str) -> str:
    """Choose a variant by a stable hash of (reference, slot)."""
    digest = hashlib.sha256(f"{reference}|{slot}".encode()).digest()
    return options[int.from_bytes(digest[:8], "big") % len(options)]


# ---------------------------------------------------------------- public reply text
# Public sentences talk about "what you describe" / "this review", never about the
# author's stay, care or appointment, so they cannot confirm that the author is a patient.

_PUBLIC_OPENING = {
    "public_review": (
        "Thank you for taking the time to write this review.",
        "Thank you for sharing this review with us.",
        "Thank you for your review and for raising this.",
    ),
    "default": (
        "Thank you for taking the time to share this.",
        "Thank you for raising this with us.",
        "Thank you for telling us about this.",
    ),
}

_PUBLIC_VALIDATION = (
    "We can understand why this has upset you.",
    "Your frustration is completely understandable.",
    "We understand why you feel let down.",
    "It is clear how upsetting this has been.",
)

_PUBLIC_APOLOGY: dict[str, tuple[str, ...]] = {
    "waiting": (
        "We are sorry for the long wait you describe; waiting without updates is stressful.",
        "We apologise for the delay described here; that is not the standard we aim for.",
    ),
    "staff_attitude": (
        "We are sorry the attitude you describe fell short of the kindness and respect everyone deserves.",
        "We apologise that the behaviour described here lacked the courtesy we expect of our team.",
    ),
    "communication": (
        "We are sorry communication fell short like this; nobody should be left unsure what is happening.",
        "We apologise for the poor communication described here; clear, honest information matters.",
    ),
    "clinical_care": (
        "We are sorry for the worry behind these concerns about care, and we want to look into them properly.",
        "We apologise for the distress these concerns about care have caused; we want to understand them fully.",
    ),
    "medication": (
        "We are sorry for the worry behind these concerns about medicines, and we take them seriously.",
        "We apologise for the anxiety these concerns about medication have caused; we will look into them carefully.",
    ),
    "pain": (
        "We are sorry to read these concerns about pain relief; nobody should feel their discomfort is overlooked.",
        "We apologise that these concerns about managing pain have left you feeling unheard.",
    ),
    "discharge": (
        "We are sorry to read these concerns about discharge; going home should feel planned and well explained.",
        "We apologise that the discharge process described here felt rushed or unclear.",
    ),
    "billing": (
        "We are sorry for the confusion about billing you describe; charges should always be clearly explained.",
        "We apologise for the worry this billing issue has caused; nobody should have to chase answers.",
    ),
    "scheduling_access": (
        "We are sorry it has been so hard to reach us and make arrangements; that should be simple.",
        "We apologise for the difficulty getting through to us that you describe.",
    ),
    "cleanliness_facilities": (
        "We are sorry about the condition of the facilities described; everyone should find them clean and well kept.",
        "We apologise that the cleanliness described fell below the standard we set ourselves.",
    ),
    "food": (
        "We are sorry the food described was not up to standard; good meals matter to everyone.",
        "We apologise for the disappointing food and drink you describe.",
    ),
    "parking_transport": (
        "We are sorry for the stress the parking and travel difficulties you describe have caused.",
        "We apologise for the parking and transport problems described; getting to us should not be this hard.",
    ),
    "privacy_dignity": (
        "We are sorry to read these concerns about privacy and dignity; everyone deserves to have both respected.",
        "We apologise for the distress these concerns about privacy and dignity have caused.",
    ),
    "safety": (
        "We are sorry for the worry behind these safety concerns, and we are reviewing them urgently.",
        "We apologise for the distress these safety concerns have caused; we are reviewing them urgently.",
    ),
    "enquiry": (
        "We are sorry if finding this out has not been straightforward; we will make sure you get an answer.",
        "We apologise if the information you needed was hard to find; we will answer your question.",
    ),
    "other": (
        "We are sorry that what you describe fell short of what you should expect from us.",
        "We apologise that things did not go as they should have in the way you describe.",
    ),
}
assert set(_PUBLIC_APOLOGY) == set(TOPIC_CODES)

_PUBLIC_RISK: dict[str, str] = {
    "self_harm": "{urgent_help} We are reviewing this urgently.",
    "patient_safety": "Safety concerns are reviewed urgently by our senior team.",
    "discrimination_abuse": "Any report of discrimination or abuse is looked into urgently.",
    "privacy_breach": "Privacy concerns are looked into urgently by our governance team.",
    "legal_threat": "We take this seriously and want to address it properly.",
}

_PUBLIC_PRIVACY = "To protect privacy, we will not discuss details here."
_PUBLIC_SERIOUS = "A senior colleague will look into this personally."

_PUBLIC_NEXT_STEP = (
    "Please contact {contact}, quoting {ref}, so we can talk this through directly.",
    "We would like to speak with you directly: please contact {contact}, quoting {ref}.",
    "Please get in touch with {contact}, quoting {ref}, so we can follow this up personally.",
)


# Feedback the classifier could not read (ReplyContext.unread): no validation or apology,
# since nobody knows yet what it says.
_PUBLIC_UNREAD_OPENING = (
    "Thank you for taking the time to share your feedback.",
    "Thank you for writing to us.",
)
_PUBLIC_UNREAD = (
    "A member of our team will read it in full and respond.",
    "A member of our team is reading it and will reply.",
)
_PRIVATE_UNREAD_OPENING = "Thank you for the feedback you shared about {facility}."
_PRIVATE_UNREAD = (
    "A member of our team is reading it now. If it would help to talk it through, we can arrange an "
    "interpreter in the language of your choice, at no cost to you."
)


# A question or an administrative request (ReplyContext.answering_question): thanks and
# the promise of an answer; nothing went wrong, so nothing to apologise for.
_PUBLIC_QUESTION_OPENING = (
    "Thank you for your question.",
    "Thank you for getting in touch with your question.",
)
_PUBLIC_QUESTION = (
    "A member of our team will answer it directly.",
    "A member of our team will get back to you with an answer.",
)
_PRIVATE_QUESTION = (
    "Thank you for your message to {facility}. A member of our team has your question and will reply to you "
    "with an answer, or pass it straight to the department that can help."
)
_PRIVATE_QUESTION_REFERENCE = "Your message is logged under reference {ref}."


def draft_public_reply(ctx: ReplyContext) -> str:
    """A short public reply (at most about 80 words with a typical contact route; urgent-help
    signposting for self-harm adds about 15). Names no patient detail; mentions only the first of `ordered_topics`."""
    ref = ctx.ticket_reference
    if ctx.awaiting_reading:
        parts = [_pick(_PUBLIC_UNREAD_OPENING, ref, "p-open"), _pick(_PUBLIC_UNREAD, ref, "p-unread")]
    elif ctx.answering_question:
        parts = [_pick(_PUBLIC_QUESTION_OPENING, ref, "p-open"), _pick(_PUBLIC_QUESTION, ref, "p-question")]
    else:
        parts = _public_acknowledgement(ctx)
    parts.append(_pick(_PUBLIC_NEXT_STEP, ref, "p-next").format(contact=ctx.contact_route, ref=ref))
    body = " ".join(parts)
    return f"{body}\n{ctx.facility_display_name}"


def _public_acknowledgement(ctx: ReplyContext) -> list[str]:
    """Thanks, validation, the apology for the first of `ordered_topics`, and what follows from a
    risk flag or a serious severity."""
    ref = ctx.ticket_reference
    topic = ctx.ordered_topics[0]
    risk = ctx.top_risk
    parts = [
        _pick(_PUBLIC_OPENING["public_review" if ctx.channel == "public_review" else "default"], ref, "p-open"),
        _pick(_PUBLIC_VALIDATION, ref, "p-validate"),
        _pick(_PUBLIC_APOLOGY[topic], ref, f"p-apology-{topic}"),
    ]
    if risk is not None:
        parts.append(_PUBLIC_RISK[risk].format(urgent_help=ctx.urgent_help_text))
    elif ctx.serious and topic != "safety":
        parts.append(_PUBLIC_SERIOUS)
    if risk is not None or topic in _SENSITIVE_TOPICS:
        parts.append(_PUBLIC_PRIVACY)
    return parts


# ---------------------------------------------------------------- private outreach text

_PRIVATE_OPENING = {
    "email": "Thank you for your email, and for taking the time to tell us about your experience with {facility}.",
    "survey": "Thank you for completing our feedback survey, and for being so open about your experience with {facility}.",
    "web_form": "Thank you for the feedback you sent us through our website about {facility}.",
    "phone": "Thank you for speaking with us about your experience with {facility}.",
    "public_review": "Thank you for the review you shared about {facility}. We are getting in touch because we would like to understand what happened.",
    "none": "Thank you for sharing your feedback about {facility}.",
}

_PRIVATE_VALIDATION = (
    "I am sorry you have had to go through this. It is completely understandable that you feel upset and let down.",
    "I can hear how distressing this has been, and your feelings about it are entirely valid.",
    "Reading your feedback, it is clear how frustrating and upsetting this has been, and you are right to tell us.",
)

_PRIVATE_APOLOGY: dict[str, tuple[str, ...]] = {
    "waiting": (
        "I am sincerely sorry for the long wait, and for the worry that waiting without clear updates causes.",
        "I am truly sorry that you were kept waiting; your time matters, and so does being kept informed.",
    ),
    "staff_attitude": (
        "I am very sorry that you were not treated with the kindness and respect you should always receive from us.",
        "I am truly sorry for the way you felt you were spoken to; that is not how we want anyone to feel.",
    ),
    "communication": (
        "I am sorry that we did not keep you properly informed; clear, honest communication is something you should be able to count on.",
        "I am truly sorry that our communication let you down and left you unsure about what was happening.",
    ),
    "clinical_care": (
        "I am very sorry for the worry your concerns about care have caused, and I want to make sure they are looked at properly by the right clinicians.",
        "I am truly sorry that you have concerns about the care provided, and we want to understand them fully.",
    ),
    "medication": (
        "I am very sorry for the worry your concerns about medication have caused; we take these concerns very seriously.",
        "I am truly sorry that you have had reason to worry about medicines, and we want to look into this carefully.",
    ),
    "pain": (
        "I am very sorry that your pain did not seem to be taken seriously enough; nobody should feel their discomfort is overlooked.",
        "I am truly sorry for the distress your concerns about pain relief describe.",
    ),
    "discharge": (
        "I am sorry that going home felt rushed or unclear; discharge should be well planned and properly explained.",
        "I am truly sorry that the discharge arrangements did not give you the confidence and information you needed.",
    ),
    "billing": (
        "I am sorry for the confusion and stress the billing issue has caused; charges should always be clear.",
        "I am truly sorry that you have had to chase answers about charges; that should never be necessary.",
    ),
    "scheduling_access": (
        "I am sorry it has been so difficult to reach us and make arrangements; that should be straightforward.",
        "I am truly sorry for the effort it has taken to get through to us and arrange what you needed.",
    ),
    "cleanliness_facilities": (
        "I am sorry that our facilities were not as clean and well kept as they should be.",
        "I am truly sorry that the condition of our buildings fell below the standard we set ourselves.",
    ),
    "food": (
        "I am sorry that the food and drink were not up to standard; good meals matter to everyone's wellbeing.",
        "I am truly sorry the meals were disappointing; they should be something people can rely on.",
    ),
    "parking_transport": (
        "I am sorry for the stress that parking and travel caused you; getting to us should not add to a difficult day.",
        "I am truly sorry for the trouble with parking and transport; we know how much it adds to an already stressful time.",
    ),
    "privacy_dignity": (
        "I am very sorry that your privacy and dignity were not respected in the way you have every right to expect.",
        "I am truly sorry for the distress your concerns about privacy and dignity describe; we take them very seriously.",
    ),
    "safety": (
        "I am very sorry for the worry behind your safety concerns.",
        "I am truly sorry that you have had cause to be concerned about safety.",
    ),
    "enquiry": (
        "I am sorry if it has not been easy to find out what you needed; I will make sure your question is answered.",
        "I am truly sorry if the information you were looking for was hard to get; your question will be answered.",
    ),
    "other": (
        "I am sorry that your experience fell short of what you should be able to expect from us.",
        "I am truly sorry that things did not go as they should have.",
    ),
}
assert set(_PRIVATE_APOLOGY) == set(TOPIC_CODES)

_PRIVATE_ALSO = "I am also sorry about {what}."
_PRIVATE_ALSO_NAMES: dict[str, str] = {
    "waiting": "the waiting",
    "staff_attitude": "how you felt you were treated by staff",
    "communication": "the communication",
    "clinical_care": "your concerns about care",
    "medication": "your concerns about medication",
    "pain": "your concerns about pain relief",
    "discharge": "the discharge arrangements",
    "billing": "the billing problems",
    "scheduling_access": "how hard it was to reach us",
    "cleanliness_facilities": "the condition of our facilities",
    "food": "the food",
    "parking_transport": "the parking and transport problems",
    "privacy_dignity": "your concerns about privacy and dignity",
    "safety": "your safety concerns",
    "enquiry": "how hard it was to get an answer to your question",
    "other": "the other issues you raised",
}
assert set(_PRIVATE_ALSO_NAMES) == set(TOPIC_CODES)

_PRIVATE_RISK: dict[str, str] = {
    "self_harm": (
        "{urgent_help} Your wellbeing matters to us, and we are reviewing your feedback urgently. "
        "If it would help, we can also put you in touch with support services."
    ),
    "patient_safety": "Because you have raised a safety concern, it has been passed to our senior team, who are reviewing it urgently.",
    "discrimination_abuse": "We take any report of discrimination or abuse extremely seriously, and it is being looked into as a priority.",
    "privacy_breach": "Because you have raised a concern about privacy, our information governance team is looking into it as a priority.",
    "legal_threat": "If you would like to make a formal complaint, we can explain how to do that and support you through the process.",
}

_PRIVATE_SAFETY_TOPIC = "Concerns about safety are reviewed urgently by our senior team."
_PRIVATE_SERIOUS = "Given how serious this is, a senior member of staff will oversee our response."

_PRIVATE_NEXT_STEP = (
    "Your feedback is logged under reference {ref}, so you will not need to explain everything again.",
    "I have logged your feedback under reference {ref}, so you will not have to repeat yourself.",
)
_PRIVATE_CALL = (
    "I would very much like to call you, listen to your experience in more detail and agree together what happens next. "
    "Could you let us know a day and time that suits you, and the best way to reach you? "
    "If you would rather not talk on the phone, we are just as happy to continue in writing."
)
_PRIVATE_CONTACT = "You can also contact {contact} at any time, quoting reference {ref}."
_PRIVATE_CLOSING = (
    "Thank you again for telling us; it helps us put things right.",
    "Thank you again for taking the time to tell us. Feedback like yours helps us improve.",
)


def draft_private_outreach(ctx: ReplyContext) -> str:
    """A warmer, longer private message: ticket reference, offer of a call, request for
    a convenient time. Mentions up to three topics; never includes patient text."""
    ref = ctx.ticket_reference
    paragraphs = ["Hello,"]
    if ctx.awaiting_reading:
        paragraphs.append(f"{_PRIVATE_UNREAD_OPENING.format(facility=ctx.facility_display_name)} {_PRIVATE_UNREAD}")
        paragraphs.append(" ".join([_pick(_PRIVATE_NEXT_STEP, ref, "q-next").format(ref=ref),
                                    _PRIVATE_CONTACT.format(contact=ctx.contact_route, ref=ref)]))
    elif ctx.answering_question:
        paragraphs.append(_PRIVATE_QUESTION.format(facility=ctx.facility_display_name))
        paragraphs.append(" ".join([_PRIVATE_QUESTION_REFERENCE.format(ref=ref),
                                    _PRIVATE_CONTACT.format(contact=ctx.contact_route, ref=ref)]))
    else:
        paragraphs.extend(_private_acknowledgement(ctx))
    paragraphs.append(f"With kind regards,\nThe team at {ctx.facility_display_name}")
    return "\n\n".join(paragraphs)


def _private_acknowledgement(ctx: ReplyContext) -> list[str]:
    """The paragraphs between greeting and sign-off: thanks and validation, the apology
    (up to three topics, a risk flag, a serious severity), the offer of a call, closing."""
    ref = ctx.ticket_reference
    topics = ctx.ordered_topics
    risk = ctx.top_risk
    opening = _PRIVATE_OPENING[ctx.channel].format(facility=ctx.facility_display_name)
    paragraphs = [f"{opening} {_pick(_PRIVATE_VALIDATION, ref, 'q-validate')}"]

    apology = [_pick(_PRIVATE_APOLOGY[topics[0]], ref, f"q-apology-{topics[0]}")]
    extra = [_PRIVATE_ALSO_NAMES[t] for t in topics[1:3]]
    if extra:
        apology.append(_PRIVATE_ALSO.format(what=" and ".join(extra)))
    if risk is not None:
        apology.append(_PRIVATE_RISK[risk].format(urgent_help=ctx.urgent_help_text))
    elif "safety" in topics:
        apology.append(_PRIVATE_SAFETY_TOPIC)
    if ctx.serious:
        apology.append(_PRIVATE_SERIOUS)
    paragraphs.append(" ".join(apology))

    paragraphs.append(
        " ".join(
            [
                _pick(_PRIVATE_NEXT_STEP, ref, "q-next").format(ref=ref),
                _PRIVATE_CALL,
                _PRIVATE_CONTACT.format(contact=ctx.contact_route, ref=ref),
            ]
        )
    )
    paragraphs.append(_pick(_PRIVATE_CLOSING, ref, "q-close"))
    return paragraphs


# ---------------------------------------------------------------- checker


@dataclass(frozen=True)
class ReplyIssue:
    code: str
    message: str


PUBLIC_MAX_WORDS = 120

_DEFENSIVE = [
    r"you failed to",
    r"our polic(?:y|ies) (?:clearly|states?|is clear|are clear)",
    r"as you (?:should|would|must|ought to) (?:know|be aware|have known)",
    r"unfortunately,? you",
    r"we did (?:nothing|not do anything) wrong",
    r"you should(?: not|n't)? have",
    r"(?:it|this) (?:is|was)(?: not|n't) our fault",
    r"not our (?:fault|responsibility|problem)",
    r"we cannot be held responsible",
    r"(?:your|the|these|this) (?:claims?|allegations?) (?:is|are) (?:false|untrue|unfounded|incorrect|baseless)",
    r"(?:that|this) is (?:simply |just )?(?:not true|untrue|false)",
    r"contrary to (?:your|what you)",
    r"we (?:strongly |firmly )?(?:reject|dispute|deny) ",
    r"you chose to",
    r"you were (?:clearly )?(?:told|informed|warned)",
    r"(?:was|were|is) clearly (?:explained|stated|signposted)",
    r"you must understand",
    r"if you had (?:read|listened|followed|arrived)",
    r"staff (?:acted|behaved|followed) (?:correctly|appropriately|procedure)",
]
_NON_APOLOGY = [
    r"(?:sorry|apologi[sz]e) for any (?:inconvenience|upset|trouble|distress)(?: caused)?",
    r"regret any inconvenience",
    r"(?:we )?apologi[sz]e if you (?:feel|felt)",
    r"sorry if you (?:feel|felt)",
    r"sorry (?:that )?you (?:feel|felt) (?:that way|like that|this way)",
    r"sorry you see it that way",
    r"apologi[sz]e for any misunderstanding",
]
_CONFIRMS_PATIENT = [
    r"during your (?:stay|visit|admission|appointment|treatment|procedure|operation)",
    r"your (?:treatment|diagnosis|procedure|operation|surgery|medication|prescription|test results?|scan|x-ray|admission|discharge|care plan|medical records?|notes|condition|consultant|ward)\b",
    r"your (?:appointment|visit|stay)(?: on| at| with| in)?\b",
    r"your care\b",
    r"the (?:care|treatment) you received",
    r"when you (?:were|came|attended|visited) (?:admitted|in|here|seen|treated|discharged)",
    r"you were (?:admitted|seen|treated|discharged|examined|operated)",
    r"our records (?:show|indicate|confirm)",
    r"we have (?:checked|reviewed|looked at) your",
    r"as (?:our|a) patient",
]
_APOLOGY_WORDS = re.compile(r"\b(?:sorry|apologi[sz]e|apologies|apology)\b", re.IGNORECASE)
_NEXT_STEP = re.compile(
    r"\b(?:contact|get in touch|call|phone|ring|e-?mail|speak|talk|reach (?:out|us)|follow (?:this )?up|"
    r"write to|message us|arrange)\b",
    re.IGNORECASE,
)

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DATE_RES = [
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
    re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b"),
    re.compile(rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"),
    re.compile(rf"\b(?i:on|last|this|next)\s+{_WEEKDAYS}\b"),
]
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBER_RE = re.compile(r"\+?\d[\d\s().-]{5,}\d")
_TITLE_NAME_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Nurse|Sister|Prof|Professor|Matron)\.?\s+[A-Z][a-zA-Z'-]+"
)
_GREETING_RE = re.compile(r"^\s*(?:Dear|Hi|Hello|Hey)\s+([A-Z][a-zA-Z'-]+)", re.MULTILINE)
_GREETING_OK = {"Reviewer", "Sir", "Madam", "Friend", "All", "There", "Everyone", "Customer", "Patient"}


def _find_any(patterns: Sequence[str], text: str) -> list[str]:
    found = []
    for pattern in patterns:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            found.append(m.group(0).strip())
    return found


def _blank(text: str, span_re: re.Pattern[str]) -> str:
    return span_re.sub(lambda m: " " * len(m.group(0)), text)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def check_reply(
    text: str,
    *,
    public: bool,
    known_private_terms: Sequence[str] = (),
    allowed_contacts: Sequence[str] = (),
    allowed_terms: Sequence[str] = (),
    expects_apology: bool = True,
) -> list[ReplyIssue]:
    """Flag a reply (drafted or written by staff) that breaks the reply rules.

    Both kinds: ``defensive``, ``non_apology``, ``missing_apology``, ``missing_next_step``,
    ``private_term`` (any of ``known_private_terms`` — e.g. the patient's name or words
    from their feedback — appears). Public only: ``confirms_patient``, ``private_name``,
    ``private_date``, ``private_email``, ``private_phone``, ``private_id_number``,
    ``too_long`` (> 120 words).

    ``allowed_contacts`` are the organisation's contact strings (the contact route);
    emails and phone numbers found in them are not flagged. ``allowed_terms`` are other
    organisation strings (facility name, ticket reference) that are ignored by the
    private-detail scan. ``expects_apology=False`` (feedback nobody has read yet, such as
    a language the classifier does not support) drops the ``missing_apology`` check.
    """
    issues: list[ReplyIssue] = []

    def add(code: str, message: str) -> None:
        issues.append(ReplyIssue(code, message))

    if not text or not text.strip():
        return [ReplyIssue("empty", "the reply is empty")]

    for phrase in _find_any(_DEFENSIVE, text):
        add("defensive", f"defensive phrasing: {phrase!r}; acknowledge the concern instead of arguing it")
    generic = _find_any(_NON_APOLOGY, text)
    for phrase in generic:
        add("non_apology", f"generic non-apology: {phrase!r}; apologise specifically for what went wrong")
    remaining = text
    for pattern in _NON_APOLOGY:
        remaining = re.sub(pattern, " ", remaining, flags=re.IGNORECASE)
    if expects_apology and not _APOLOGY_WORDS.search(remaining):
        add("missing_apology", "no specific, genuine apology")
    if not _NEXT_STEP.search(text):
        add(
            "missing_next_step",
            "no concrete next step: offer a call or name a contact route"
            + (" to move the conversation offline" if public else ""),
        )
    for term in known_private_terms:
        term = term.strip()
        if len(term) >= 2 and re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text, re.IGNORECASE):
            add("private_term", f"contains private information: {term!r}")

    if not public:
        return issues

    words = len(text.split())
    if words > PUBLIC_MAX_WORDS:
        add("too_long", f"public reply has {words} words; keep it under {PUBLIC_MAX_WORDS} (aim for about 80)")
    for phrase in _find_any(_CONFIRMS_PATIENT, text):
        add("confirms_patient", f"confirms the author is a patient: {phrase!r}; talk about 'what you describe' instead")

    # Scan for private details with organisation strings blanked out.
    scan = text
    for term in sorted(allowed_terms, key=len, reverse=True):
        if term.strip():
            scan = re.sub(re.escape(term), lambda m: " " * len(m.group(0)), scan, flags=re.IGNORECASE)
    allowed_emails = {e.lower() for c in allowed_contacts for e in _EMAIL_RE.findall(c)}
    allowed_numbers = {
        _digits(n) for c in allowed_contacts for n in _NUMBER_RE.findall(_blank(c, _EMAIL_RE))
    }

    for m in _EMAIL_RE.finditer(scan):
        if m.group(0).lower() not in allowed_emails:
            add("private_email", f"email address in a public reply: {m.group(0)!r}")
    scan = _blank(scan, _EMAIL_RE)
    for date_re in _DATE_RES:
        for m in date_re.finditer(scan):
            add("private_date", f"date in a public reply: {m.group(0)!r}")
        scan = _blank(scan, date_re)
    for m in _NUMBER_RE.finditer(scan):
        digits = _digits(m.group(0))
        if digits in allowed_numbers or len(digits) < 7:
            continue
        if len(digits) == 10 and not digits.startswith("0"):
            add("private_id_number", f"NHS-number-like digits in a public reply: {m.group(0)!r}")
        elif m.group(0).startswith(("+", "0", "(")) and 9 <= len(digits) <= 13:
            add("private_phone", f"phone number in a public reply: {m.group(0)!r}")
        else:
            add("private_id_number", f"identifying number in a public reply: {m.group(0)!r}")
    for m in _TITLE_NAME_RE.finditer(scan):
        add("private_name", f"a person's name in a public reply: {m.group(0)!r}")
    for m in _GREETING_RE.finditer(scan):
        if m.group(1) not in _GREETING_OK:
            add("private_name", f"addresses the author by name in a public reply: {m.group(1)!r}")
    return issues


def check_draft(ctx: ReplyContext, text: str, *, public: bool, known_private_terms: Sequence[str] = ()) -> list[ReplyIssue]:
    """``check_reply`` with the context's own organisation strings allowed."""
    return check_reply(
        text,
        public=public,
        known_private_terms=known_private_terms,
        allowed_contacts=[ctx.contact_route],
        allowed_terms=[ctx.facility_display_name, ctx.ticket_reference, ctx.contact_route, ctx.urgent_help_text],
        expects_apology=not (ctx.awaiting_reading or ctx.answering_question),
    )
