"""The reply checker flags each kind of rule break and passes good replies."""
from __future__ import annotations

import pytest

from careloop.router.replies import check_reply

CONTACT = "our Patient Experience team on 0300 000 0000 or px@example.org"

GOOD_PUBLIC = (
    "Thank you for raising this with us. We understand why you feel let down. We are sorry for the long wait "
    f"you describe. Please contact {CONTACT}, quoting CL-123, so we can talk this through directly."
)
GOOD_PRIVATE = (
    "Hello, thank you for your email. I am truly sorry that you waited so long on 3 March and that Dr Patel "
    "did not explain the delay. I would like to call you; could you tell me a time that suits you?"
)


def codes(text: str, *, public: bool, **kwargs) -> list[str]:
    return [issue.code for issue in check_reply(text, public=public, **kwargs)]


def good_public_with(sentence: str) -> str:
    return GOOD_PUBLIC + " " + sentence


def test_a_good_public_reply_has_no_issues():
    assert codes(GOOD_PUBLIC, public=True, allowed_contacts=[CONTACT]) == []


def test_a_good_private_reply_may_mention_dates_and_names():
    assert codes(GOOD_PRIVATE, public=False) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "You failed to bring your letter.",
        "Our policy clearly states visiting ends at eight.",
        "As you should know, the car park is busy.",
        "Unfortunately you arrived late.",
        "We did nothing wrong here.",
        "You should have asked at reception.",
        "This was not our fault.",
        "That is simply not true.",
        "We reject these comments.",
        "You were told about the wait.",
    ],
)
def test_defensive_phrasing_is_flagged(phrase):
    assert "defensive" in codes(good_public_with(phrase), public=True, allowed_contacts=[CONTACT])
    assert "defensive" in codes(GOOD_PRIVATE + " " + phrase, public=False)


@pytest.mark.parametrize(
    "phrase",
    [
        "We are sorry for any inconvenience caused.",
        "We apologise if you feel let down.",
        "We are sorry if you felt unwelcome.",
        "We regret any inconvenience.",
        "We are sorry you feel that way.",
    ],
)
def test_generic_non_apologies_are_flagged(phrase):
    text = f"Thank you for your feedback. {phrase} Please contact {CONTACT}."
    found = codes(text, public=True, allowed_contacts=[CONTACT])
    assert "non_apology" in found
    assert "missing_apology" in found  # a generic non-apology does not count as an apology


def test_a_specific_apology_for_how_someone_felt_is_not_a_non_apology():
    text = good_public_with("We are sorry that you felt ignored by our reception team.")
    assert codes(text, public=True, allowed_contacts=[CONTACT]) == []


def test_a_reply_without_any_apology_is_flagged():
    text = f"Thank you for your feedback. Please contact {CONTACT}."
    assert codes(text, public=True, allowed_contacts=[CONTACT]) == ["missing_apology"]


@pytest.mark.parametrize(
    "phrase",
    [
        "We hope the rest of your stay was better during your stay with us.",
        "We have reviewed your treatment.",
        "We are sorry about your appointment on Friday.",
        "We are sorry about what happened when you were admitted.",
        "We have looked into your diagnosis.",
        "We are sorry the care you received fell short.",
        "Our records show a delay.",
    ],
)
def test_public_replies_that_confirm_the_author_is_a_patient_are_flagged(phrase):
    assert "confirms_patient" in codes(good_public_with(phrase), public=True, allowed_contacts=[CONTACT])
    assert "confirms_patient" not in codes(GOOD_PRIVATE + " " + phrase, public=False)


@pytest.mark.parametrize(
    "phrase, code",
    [
        ("We have passed this to Dr Patel.", "private_name"),
        ("Nurse Abbott will call.", "private_name"),
        ("We are looking into what happened on 12/03/2026.", "private_date"),
        ("We are looking into what happened on 3 March.", "private_date"),
        ("We are looking into what happened on March 3rd.", "private_date"),
        ("We are looking into what happened last Tuesday.", "private_date"),
        ("We are looking into 2026-03-12.", "private_date"),
        ("We will ring you on 07700 900123.", "private_phone"),
        ("We will ring you on +44 7700 900123.", "private_phone"),
        ("Or email jane.doe@gmail.com.", "private_email"),
        ("Your NHS number 943 476 5919 is noted.", "private_id_number"),
        ("Reference 9434765919 is noted.", "private_id_number"),
    ],
)
def test_private_details_in_public_replies_are_flagged(phrase, code):
    assert code in codes(good_public_with(phrase), public=True, allowed_contacts=[CONTACT])


def test_addressing_the_author_by_name_in_public_is_flagged():
    assert "private_name" in codes("Dear Margaret,\n" + GOOD_PUBLIC, public=True, allowed_contacts=[CONTACT])
    assert "private_name" not in codes("Dear Reviewer,\n" + GOOD_PUBLIC, public=True, allowed_contacts=[CONTACT])


def test_the_organisations_own_contact_details_are_allowed_in_public():
    assert codes(GOOD_PUBLIC, public=True, allowed_contacts=[CONTACT]) == []
    flagged = codes(GOOD_PUBLIC, public=True)
    assert "private_phone" in flagged and "private_email" in flagged


def test_allowed_terms_such_as_a_facility_name_are_not_mistaken_for_names():
    text = GOOD_PUBLIC + "\nDr Gray's Hospital"
    assert "private_name" in codes(text, public=True, allowed_contacts=[CONTACT])
    assert codes(text, public=True, allowed_contacts=[CONTACT], allowed_terms=["Dr Gray's Hospital"]) == []


def test_known_private_terms_are_flagged_in_public_and_private_replies():
    terms = ["Margaret", "hip replacement"]
    public = good_public_with("We hope the hip replacement went well.")
    assert "private_term" in codes(public, public=True, allowed_contacts=[CONTACT], known_private_terms=terms)
    assert "private_term" in codes(GOOD_PRIVATE + " Margaret, thank you.", public=False, known_private_terms=terms)
    assert "private_term" not in codes(GOOD_PUBLIC, public=True, allowed_contacts=[CONTACT], known_private_terms=terms)


def test_a_public_reply_without_a_next_step_is_flagged():
    text = "Thank you for your review. We are sorry for the long wait you describe."
    assert codes(text, public=True) == ["missing_next_step"]


def test_a_private_reply_without_a_next_step_is_flagged():
    assert codes("Hello. I am sorry for the long wait.", public=False) == ["missing_next_step"]


def test_a_public_reply_over_120_words_is_flagged():
    padding = " ".join(["We value every comment we receive."] * 16)
    assert "too_long" in codes(good_public_with(padding), public=True, allowed_contacts=[CONTACT])
    assert "too_long" not in codes(GOOD_PRIVATE + " " + padding, public=False)


def test_an_empty_reply_is_flagged():
    assert codes("   ", public=True) == ["empty"]


def test_issues_carry_a_readable_message():
    issue = check_reply("You failed to read the letter. Sorry for any inconvenience.", public=True)[0]
    assert issue.code == "defensive"
    assert "you failed to" in issue.message.lower()
