"""The classification lists its topics main one first: routing sends a complaint to the
team of what it is mainly about (`main_topic_in`), not of every topic it mentions."""
from __future__ import annotations

import pytest

from careloop.classifier import model
from careloop.classifier.model import classify, classify_batch
from careloop.classifier.outcome import order_topics


@pytest.mark.parametrize("text, main, mentioned", [
    ("The nurse was rude to my mother while we waited in A&E.", "staff_attitude", "waiting"),
    ("The toilets on the ward were filthy and we waited ages for the nurse.", "cleanliness_facilities", "waiting"),
    ("Waited 3 hours past my appointment time, nobody told us why.", "waiting", "communication"),
])
def test_a_complaint_lists_what_it_is_mainly_about_before_what_it_mentions(text, main, mentioned):
    c = classify(text)
    assert c.sentiment == "negative"
    assert c.topics[0] == main
    assert mentioned in c.topics[1:]


def test_a_topic_only_keywords_name_comes_before_a_broad_head_that_is_not_sure():
    # No head was learned for billing (too few NHS examples); the clinical-care head
    # reads about 0.5 on a parking charge.
    c = classify("Charged 12 pounds for parking, the machine ate my ticket")
    assert c.topics[:2] == ("billing", "parking_transport")


def test_a_question_lists_what_it_asks_about_before_the_enquiry_topic():
    c = classify("What time does the pharmacy open?")
    assert c.topics[-1] == "enquiry" and len(c.topics) > 1


def test_batch_and_single_calls_give_the_same_topic_order():
    texts = ["The nurse was rude to my mother while we waited in A&E.",
             "Charged 12 pounds for parking, the machine ate my ticket",
             "I waited six weeks for a scan and when I finally got there the radiographer was lovely but the "
             "ward was filthy and the food was cold, and nobody explained the results to me afterwards at all."]
    assert [c.topics for c in classify_batch([{"text": t} for t in texts])] == [classify(t).topics for t in texts]


def test_topics_are_ordered_by_weight_with_ties_and_unweighted_topics_in_taxonomy_order():
    weights = {"waiting": 0.2, "staff_attitude": 1.5, "food": 0.2}
    assert order_topics({"food", "waiting", "staff_attitude"}, weights) == ("staff_attitude", "waiting", "food")
    assert order_topics({"pain", "waiting"}, {"waiting": -3.0}) == ("waiting", "pain")


def test_enquiry_and_other_never_come_first_and_other_only_stands_alone():
    assert order_topics({"enquiry", "waiting"}, {"enquiry": 9.0, "waiting": -2.0}) == ("waiting", "enquiry")
    assert order_topics({"other", "food"}, {"other": 9.0, "food": 0.0}) == ("food",)
    assert order_topics(set(), {}) == ("other",)


def test_without_weights_topics_keep_the_taxonomy_order():
    assert order_topics({"food", "waiting", "staff_attitude"}) == ("waiting", "staff_attitude", "food")


def test_without_a_model_topics_come_in_the_taxonomy_order():
    model.use_model(None)
    try:
        c = classify("The nurse was rude to my mother while we waited in A&E.")
        assert list(c.topics) == sorted(c.topics, key=model.lexicon.TOPIC_CODES.index)
    finally:
        model.reload()
