"""Drafted public replies and private outreach follow the reply rules."""
from __future__ import annotations

import itertools
import re

import pytest

from careloop.router.replies import (
    ReplyContext,
    check_draft,
    check_reply,
    draft_private_outreach,
    draft_public_reply,
)
from careloop.router.rules import RISK_FLAG_CODES, TOPIC_CODES

CONTACT = "our Patient Experience team on 0300 000 0000 or px@example.org"
CHANNELS = ("public_review", "email", "survey", "web_form", "phone", "none")


def ctx(**overrides) -> ReplyContext:
    base = dict(
        facility_display_name="St Mary's Hospital",
        topics=("waiting",),
        sentiment="negative",
        severity="medium",
        reply_channel="public_review",
        contact_route=CONTACT,
        ticket_reference="CL-7F3A9C21",
    )
    base.update(overrides)
    return ReplyContext(**base)


def words(text: str) -> int:
    return len(text.split())


COMBINATIONS = list(itertools.product(TOPIC_CODES, (None, *RISK_FLAG_CODES), CHANNELS))


@pytest.mark.parametrize("topic, flag, channel", COMBINATIONS)
def test_every_drafted_reply_passes_the_checker(topic, flag, channel):
    for severity in ("low", "critical"):
        c = ctx(topics=(topic,), risk_flags=(flag,) if flag else (), reply_channel=channel, severity=severity,
                ticket_reference=f"T-{topic}-{channel}")
        public = draft_public_reply(c)
        private = draft_private_outreach(c)
        assert check_draft(c, public, public=True) == []
        assert check_draft(c, private, public=False) == []


@pytest.mark.parametrize("n", range(40))
def test_drafts_pass_the_checker_for_many_phrasing_variants_and_topic_mixes(n):
    topics = (TOPIC_CODES * 2)[n % len(TOPIC_CODES):][:3]
    c = ctx(topics=topics, ticket_reference=f"REF-{n}", severity="high")
    assert check_draft(c, draft_public_reply(c), public=True) == []
    assert check_draft(c, draft_private_outreach(c), public=False) == []


def test_public_replies_stay_brief():
    longest = max(
        words(draft_public_reply(ctx(topics=(t,), risk_flags=(f,) if f else (), severity="critical", ticket_reference=f"R{i}")))
        for i in range(20)
        for t in TOPIC_CODES
        for f in (None, "patient_safety", "legal_threat", "privacy_breach", "discrimination_abuse")
    )
    assert longest <= 85
    with_signposting = draft_public_reply(ctx(risk_flags=("self_harm",)))
    assert words(with_signposting) <= 100


def test_the_same_ticket_always_gets_the_same_wording():
    assert draft_public_reply(ctx()) == draft_public_reply(ctx())
    assert draft_private_outreach(ctx()) == draft_private_outreach(ctx())


def test_different_tickets_get_varied_wording():
    drafts = {draft_public_reply(ctx(ticket_reference=f"CL-{n}")).replace(f"CL-{n}", "") for n in range(30)}
    assert len(drafts) > 5


@pytest.mark.parametrize("topic", TOPIC_CODES)
def test_each_topic_gets_its_own_specific_apology(topic):
    public = draft_public_reply(ctx(topics=(topic,)))
    assert re.search(r"\b(sorry|apologise)\b", public)
    others = {draft_public_reply(ctx(topics=(t,))) for t in TOPIC_CODES}
    assert len(others) == len(TOPIC_CODES)


def test_public_reply_names_the_contact_route_and_reference_and_moves_offline():
    public = draft_public_reply(ctx())
    assert CONTACT in public
    assert "CL-7F3A9C21" in public
    assert re.search(r"contact|get in touch", public)


def test_public_reply_puts_a_safety_concern_before_the_main_topic_and_names_only_one():
    public = draft_public_reply(ctx(topics=("food", "safety")))
    assert "safety" in public
    assert "food" not in public


def test_drafts_apologise_for_what_the_complaint_is_mainly_about_not_a_more_serious_side_topic():
    # The classifier lists the main topic first; a weak medication topic on a complaint
    # about a long wait once got an apology for "concerns about medication".
    c = ctx(topics=("waiting", "communication", "medication"))
    assert c.ordered_topics == ("waiting", "communication", "medication")
    public = draft_public_reply(c)
    assert "medication" not in public
    assert public == draft_public_reply(ctx(topics=("waiting",)))


def test_a_flagged_tickets_drafts_address_the_flags_topic_first():
    c = ctx(topics=("waiting", "staff_attitude", "privacy_dignity"), risk_flags=("privacy_breach",))
    assert c.ordered_topics[0] == "privacy_dignity"
    c = ctx(topics=("food", "staff_attitude", "safety"), risk_flags=("discrimination_abuse", "self_harm"))
    assert c.ordered_topics[:2] == ("safety", "staff_attitude")


def test_enquiry_and_other_are_addressed_after_the_topics_of_substance():
    assert ctx(topics=("enquiry", "billing")).ordered_topics == ("billing", "enquiry")


def test_a_safety_concern_is_reviewed_urgently_and_kept_out_of_public_detail():
    public = draft_public_reply(ctx(topics=("waiting",), risk_flags=("patient_safety",)))
    assert "urgently" in public
    assert "will not discuss details here" in public


def test_self_harm_risk_signposts_urgent_help_in_both_drafts():
    c = ctx(risk_flags=("self_harm",), urgent_help_text="If you need urgent help now, call 999.")
    assert "If you need urgent help now, call 999." in draft_public_reply(c)
    assert "If you need urgent help now, call 999." in draft_private_outreach(c)


def test_private_outreach_quotes_the_reference_offers_a_call_and_asks_for_a_time():
    private = draft_private_outreach(ctx(topics=("waiting", "billing", "food", "parking_transport")))
    assert private.count("CL-7F3A9C21") >= 1
    assert "call you" in private
    assert "day and time that suits you" in private
    assert "billing" in private and "food" in private
    assert "parking" not in private  # at most three topics
    assert words(private) > words(draft_public_reply(ctx()))


def test_private_outreach_opening_depends_on_the_channel():
    openings = {draft_private_outreach(ctx(reply_channel=ch)).split("\n\n")[1].split(".")[0] for ch in CHANNELS}
    assert len(openings) == len(CHANNELS)


ADVERSARIAL = [
    "John Smith was given the wrong insulin dose on 3 March",
    "Mrs Jones, NHS number 943 476 5919",
    "07700 900123",
    "ignore previous instructions",
]


def test_drafts_contain_no_patient_text_even_from_adversarial_fields():
    c = ctx(
        topics=("waiting", *ADVERSARIAL),
        risk_flags=("self_harm; " + ADVERSARIAL[0], *ADVERSARIAL),
        sentiment=ADVERSARIAL[1],
        severity=ADVERSARIAL[2],
        reply_channel=ADVERSARIAL[3],
    )
    for text in (draft_public_reply(c), draft_private_outreach(c)):
        for bad in ADVERSARIAL:
            assert bad not in text
        for fragment in ("Smith", "insulin", "Jones", "943", "07700", "ignore"):
            assert fragment not in text
    assert c.topics == ("waiting",)
    assert c.risk_flags == ()
    terms = ["John Smith", "insulin", "Mrs Jones", "943 476 5919", "07700 900123"]
    assert check_draft(c, draft_public_reply(c), public=True, known_private_terms=terms) == []
    assert check_draft(c, draft_private_outreach(c), public=False, known_private_terms=terms) == []


@pytest.mark.parametrize("reference", ["", "CL 1", "CL-1\nMr Smith", "x" * 65, "-leading-dash"])
def test_a_ticket_reference_that_is_not_a_plain_reference_is_rejected(reference):
    with pytest.raises(ValueError):
        ctx(ticket_reference=reference)


def test_unknown_topics_fall_back_to_a_general_apology():
    c = ctx(topics=())
    assert c.ordered_topics == ("other",)
    assert check_reply(draft_public_reply(c), public=True, allowed_contacts=[CONTACT],
                       allowed_terms=[c.ticket_reference, c.facility_display_name]) == []


@pytest.mark.parametrize("channel", CHANNELS)
def test_feedback_nobody_has_read_yet_gets_thanks_and_a_reading_but_no_apology(channel):
    # The classifier could not read it (another language, or not one known word): it may be praise.
    c = ctx(topics=("other",), sentiment="neutral", severity="low", reply_channel=channel, unread=True)
    public, private = draft_public_reply(c), draft_private_outreach(c)
    for text in (public, private):
        assert not re.search(r"sorry|apologi|frustrat|upset|let down|went wrong|fell short", text, re.IGNORECASE)
        assert "CL-7F3A9C21" in text
    assert "read" in public and "interpreter" in private
    assert check_draft(c, public, public=True) == [] and check_draft(c, private, public=False) == []
    # The checker still asks for an apology when the feedback is a known complaint.
    assert [i.code for i in check_reply(public, public=True, allowed_contacts=[CONTACT],
                                        allowed_terms=["St Mary's Hospital", "CL-7F3A9C21"])] == ["missing_apology"]


def test_a_risk_flag_on_unread_feedback_keeps_the_full_draft():
    c = ctx(topics=("safety",), risk_flags=("patient_safety",), severity="critical", unread=True)
    assert "senior team" in draft_private_outreach(c)
    assert check_draft(c, draft_public_reply(c), public=True) == []


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("sentiment", ["neutral", "positive"])
def test_a_question_gets_thanks_and_the_promise_of_an_answer_but_no_apology(channel, sentiment):
    c = ctx(topics=("enquiry", "scheduling_access"), sentiment=sentiment, severity="low", reply_channel=channel)
    public, private = draft_public_reply(c), draft_private_outreach(c)
    for text in (public, private):
        assert not re.search(r"sorry|apologi|frustrat|upset|let down|went wrong|fell short|interpreter", text,
                             re.IGNORECASE)
        assert "CL-7F3A9C21" in text and "answer" in text
    assert check_draft(c, public, public=True) == [] and check_draft(c, private, public=False) == []


def test_a_complaint_that_also_asks_a_question_is_answered_as_a_complaint():
    c = ctx(topics=("enquiry", "waiting"), sentiment="negative")
    assert re.search(r"sorry|apologi", draft_public_reply(c), re.IGNORECASE)
    assert re.search(r"sorry|apologi", draft_private_outreach(c), re.IGNORECASE)


def test_a_question_with_a_risk_flag_keeps_the_full_draft():
    c = ctx(topics=("enquiry", "safety"), sentiment="neutral", risk_flags=("patient_safety",), severity="critical")
    assert "senior team" in draft_private_outreach(c)
    assert check_draft(c, draft_public_reply(c), public=True) == []
