"""The short-answer rules (classifier/short_answers.py) as pure functions."""
from __future__ import annotations

import pytest

from careloop.classifier import lexicon, model, short_answers
from careloop.classifier.patterns import words_at
from careloop.classifier.short_answers import (content_free, keep_it_up, negated_praise_word, says_nothing,
                                               score_rating)


@pytest.mark.parametrize("text, rating", [
    ("5/5", 1.0), ("4 out of 5", 0.8), ("7/10!", 0.7), ("11/10", 1.0), ("0/10", 0.0), ("3*", 0.6), ("1 star", 0.2),
    ("2.5 stars", 0.5), ("*****", 1.0), ("**", 0.4), ("50/100", 0.5),
])
def test_a_score_written_as_text_gives_its_rating(text, rating):
    assert score_rating(text) == pytest.approx(rating)


@pytest.mark.parametrize("text", ["5/7", "6 stars", "2/5 stars but the nurse was kind", "Room 5/10", "24/7 care", ""])
def test_anything_but_a_score_on_a_known_scale_gives_no_rating(text):
    assert score_rating(text) is None


@pytest.mark.parametrize("text, expected", [
    ("a", True), ("x x", True), ("1", True), ("n/a", False), ("A+", False), ("ok", False), ("a b c d e f", False),
])
def test_only_single_letters_or_digits_without_a_lexicon_label_are_content_free(text, expected):
    prepared = lexicon.prepare(text)
    assert content_free(text, prepared, words_at(prepared)) is expected


@pytest.mark.parametrize("text, asked, language", [
    ("As above", False, "en"), ("As above", True, "en"), ("Not applicable.", True, "en"),
    ("Not sure", False, "en"), ("Not sure", True, None),
    ("Igual que arriba", True, "es"), ("No sé", False, "es"), ("No sé", True, None),
    ("As above, the wait was too long", False, None), ("Not sure the doctor listened", False, None),
])
def test_an_answer_that_says_nothing_is_named_with_its_language(text, asked, language):
    assert says_nothing(text, len(lexicon.tokenize(lexicon.prepare(text))), asked) == language


def test_a_long_answer_is_never_a_non_answer_whatever_it_starts_with():
    assert says_nothing("As above", 7, asked=False) is None


@pytest.mark.parametrize("text, expected", [
    ("Keep it up!", True), ("Well done, keep it up team", True), ("Keep it up but fix the parking", False),
    ("Keep going.", False),
])
def test_keep_it_up_must_be_the_whole_comment(text, expected):
    assert keep_it_up(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Not great", True), ("wasn't the best", True), ("not always pleasant", True), ("not only great but kind", False),
    ("nothing but excellent", False), ("great", False),
])
def test_a_negated_word_of_praise_is_found_but_not_praise_that_contains_not(text, expected):
    assert negated_praise_word(text) is expected


@pytest.mark.parametrize("text, rating", [
    ("⭐⭐⭐⭐ Dental hospital was great", 0.8),
    ("★★☆☆☆ long wait, rude receptionist", 0.4),
    ("1 star. rude receptionist", 0.2),
    ("Would go again 5/5", 1.0),
    ("Five star treatment all the way", 1.0),
    ("amazing staff ⭐⭐⭐⭐⭐", 1.0),
])
def test_a_review_that_opens_or_ends_with_its_stars_gives_that_rating(text, rating):
    assert short_answers.review_stars(text) == pytest.approx(rating)


@pytest.mark.parametrize("text", [
    "I'd give them 5 stars for the food but not for the wait",  # inside a sentence: the words decide
    "⭐ amazing staff ⭐",                                      # a lone star glyph is decoration
    "The nurses were stars",
    "10/10 would recommend",                                    # not out of five
])
def test_stars_inside_a_sentence_or_as_decoration_give_no_rating(text):
    assert short_answers.review_stars(text) is None


def test_a_one_star_review_is_a_complaint_and_its_stars_count_as_the_rating():
    assert model.classify("1 star. Staff were fine I guess, parking ok.").sentiment == "negative"
    assert model.classify("1 star. Staff were fine I guess, parking ok.", rating=1.0).sentiment != "negative"
