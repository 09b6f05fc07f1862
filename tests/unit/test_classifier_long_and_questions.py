"""Long stories are scored sentence by sentence; answers to "what was good?" need an
explicit complaint to count as one (careloop.classifier.model, shipped model)."""
from __future__ import annotations

import copy

from careloop.classifier import analysis, model
from careloop.classifier.analysis import analyze
from careloop.classifier.model import classify, classify_batch

PRAISE_Q = "What was good about your experience?"

STORY_OF_PRAISE_WITH_ONE_GRUMBLE = (
    "I was admitted to the surgical ward after a fall at home and stayed for nine days. "
    "The nurses were kind and patient with me every single day and always explained what was happening. "
    "The doctors took time to answer my daughter's questions and made sure she understood the plan. "
    "The physiotherapy team got me walking again and were lovely and encouraging throughout. "
    "One night the call bell took a while to be answered, which was a bit disappointing. "
    "Overall I cannot thank the whole team enough for the excellent care I received."
)

STORY_CRITICAL_THROUGHOUT = (
    "My father waited eleven hours in the emergency department on a trolley in a corridor. "
    "Nobody told us what was happening and the staff we asked were dismissive and rude to us. "
    "He was not given any water or pain relief for most of that time despite us asking repeatedly. "
    "When he was finally admitted his notes had been lost and we had to explain everything again. "
    "We are still waiting for a reply to the complaint we made three weeks ago."
)


def test_a_short_comment_is_scored_as_one_unit():
    assert analyze("The nurses were lovely. The food was cold.").sentences is None


def test_a_long_story_is_split_into_sentences_for_scoring():
    a = analyze(STORY_OF_PRAISE_WITH_ONE_GRUMBLE)
    assert a.sentences is not None
    assert len(a.sentences) == 6


def test_sentence_fragments_shorter_than_three_words_join_their_neighbour():
    text = ("Dr. Patel explained everything about the operation and the recovery in detail. "
            "Thanks! " + "The ward was calm and clean and the staff were always around to help us " * 2)
    a = analyze(text)
    assert a.sentences is not None
    assert all(len([f for f in s if " " not in f and not f.startswith(("^", "~", "#"))]) >= 3
               for s in a.sentences)


def test_one_grumble_in_a_long_story_of_praise_is_not_a_complaint():
    c = classify(STORY_OF_PRAISE_WITH_ONE_GRUMBLE)
    assert c.sentiment == "positive"


def test_a_long_story_critical_throughout_is_a_complaint():
    c = classify(STORY_CRITICAL_THROUGHOUT)
    assert c.sentiment == "negative"
    assert c.severity in ("medium", "high", "critical")


def test_a_risk_flag_in_a_long_positive_story_still_makes_it_critical():
    text = STORY_OF_PRAISE_WITH_ONE_GRUMBLE + " A nurse gave me the wrong medication once but it was caught quickly."
    c = classify(text)
    assert "patient_safety" in c.risk_flags
    assert c.severity == "critical"


def test_batch_and_single_calls_agree_on_long_and_short_documents():
    texts = [STORY_OF_PRAISE_WITH_ONE_GRUMBLE, STORY_CRITICAL_THROUGHOUT, "More parking.", "Lovely staff."]
    batch = classify_batch([{"text": t} for t in texts])
    assert batch == [classify(t) for t in texts]


def test_naming_what_was_good_is_not_a_complaint_under_the_praise_question():
    for text in ["Food service.", "Talk to me while doing it.", "Kept informing me of what is to happen."]:
        assert classify(text, question=PRAISE_Q).sentiment != "negative", text


def test_an_explicit_complaint_under_the_praise_question_is_still_a_complaint():
    c = classify("Nothing. The staff were rude and nobody listened.", question=PRAISE_Q)
    assert c.sentiment == "negative"


def test_the_praise_question_lowers_the_odds_of_a_complaint_rather_than_overruling_them():
    text = "Waited a long time to be seen."
    assert classify(text).sentiment == "negative"
    with_q = classify(text, question=PRAISE_Q)
    assert with_q.score > classify(text).score


def test_without_a_model_long_stories_still_classify_with_rules(monkeypatch):
    model.use_model(None)
    try:
        c = classify(STORY_CRITICAL_THROUGHOUT)
        assert c.sentiment == "negative"
    finally:
        model.reload()


def test_praise_without_a_complaint_is_positive_not_neutral():
    for text in ["Excellent service and helpful.", "All staff really friendly and helpful.", "5 star service, thank you"]:
        assert classify(text).sentiment == "positive", text


def _shipped_model_with(**meta):
    shipped = model._model()
    twin = copy.copy(shipped)
    twin.meta = dict(shipped.meta, **meta)
    return twin


def test_long_documents_are_judged_against_their_own_threshold():
    strict = _shipped_model_with(long_doc_neg_threshold=0.99)
    lenient = _shipped_model_with(long_doc_neg_threshold=0.01)
    try:
        model.use_model(strict)
        assert classify(STORY_CRITICAL_THROUGHOUT).sentiment != "negative"
        assert classify("Rude staff and a long wait.").sentiment == "negative"
        model.use_model(lenient)
        assert classify(STORY_OF_PRAISE_WITH_ONE_GRUMBLE).sentiment == "negative"
        assert classify("Lovely staff.").sentiment == "positive"
    finally:
        model.reload()


def test_a_model_without_a_long_document_threshold_uses_the_comment_threshold():
    shipped = model._model()
    meta = {k: v for k, v in shipped.meta.items() if k != "long_doc_neg_threshold"}
    old_style = copy.copy(shipped)
    old_style.meta = meta
    expected_critical = classify(STORY_CRITICAL_THROUGHOUT).sentiment
    try:
        model.use_model(old_style)
        assert classify(STORY_CRITICAL_THROUGHOUT).sentiment == expected_critical == "negative"
    finally:
        model.reload()


def test_the_words_after_the_last_turn_of_a_short_english_comment_are_its_tail():
    assert analyze("Lovely staff, only thing is the toilets were filthy.").tail[0] == [
        "is", "the", "toilets", "were", "filthy"]
    assert analyze("Good care but slow, but the parking is very expensive.").tail[0][:3] == ["the", "parking", "is"]


def test_a_comment_without_a_turn_word_or_with_nothing_after_it_has_no_tail():
    assert analyze("The nurses were lovely and kind.").tail is None
    assert analyze("Lovely nurses, long wait though.").tail is None       # one word would follow at most
    assert analyze("Las enfermeras muy amables, pero esperé dos horas.", "es").tail is None  # Spanish: pero rule


def test_a_mixed_comment_whose_last_clause_complains_is_a_complaint():
    for text in ["Lovely ward and caring staff, only thing is the toilets were filthy.",
                 "Good service overall apart from the phone line, which nobody ever answers.",
                 "The health visitor was supportive, although she was late to every visit."]:
        assert classify(text).sentiment == "negative", text


def test_hardship_followed_by_praise_is_not_made_a_complaint_by_its_last_clause():
    a = analyze("I was terrified before the procedure but the team put me completely at ease.")
    assert a.tail is not None
    assert classify("I was terrified before the procedure but the team put me completely at ease.").sentiment == "positive"


def test_under_the_praise_question_a_qualifying_but_does_not_make_a_complaint():
    # ("filthy", a strong complaint word since 2026-11-27, says it plainly: that one is a complaint.)
    text = "Lovely staff, only thing is the toilets were dirty."
    assert classify(text, question="What was good about your care?").sentiment == "positive"
    assert classify(text, question="What could we do better?").sentiment == "negative"


def test_batch_and_single_calls_agree_on_comments_with_a_tail():
    texts = ["Lovely staff, only thing is the toilets were filthy.", "Fine.",
             "I was terrified but the team put me at ease.", "Great surgeon, shame about the food.",
             "Nice staff however the wait was four hours and nobody said why."]
    batch = classify_batch([{"text": t} for t in texts])
    assert [c.to_dict() for c in batch] == [classify(t).to_dict() for t in texts]


def test_every_turn_word_holds_one_of_the_texts_checked_before_the_turn_search():
    # _tail_start looks for a "but" only in comments holding one of _TURN_TEXTS: a turn
    # word added to _TURN without one would never be found.
    alternatives = analysis._TURN.pattern.removeprefix(r"\b(?:").removesuffix(r")\b").split("|")
    assert "but" in alternatives and "on the other hand" in alternatives
    assert [a for a in alternatives if not any(t in a for t in analysis._TURN_TEXTS)] == []
    assert model.classify("Lovely staff, but the toilets were filthy.").sentiment == "negative"
