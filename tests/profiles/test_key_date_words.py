"""A key date's words are stored in English and read back to be said in the reader's language
(issue 15): every kind of description the finder writes is read back to its message."""

from datetime import date

from django.utils import translation

from eeportal.i18n import tr
from profiles.key_dates import described


def test_a_spouses_result_is_read_back_as_the_spouses():
    words = described("Spouse's IELTS result of 2024-10-22")
    assert words.msgid == "Spouse's %(test)s result of %(day)s"
    assert words.params == {"test": "IELTS", "day": date(2024, 10, 22)}


def test_an_eca_is_read_back_with_its_level_and_day():
    words = described("ECA for the bachelor's degree (2023-01-02)")
    assert words.params == {"level": "bachelor's degree", "day": date(2023, 1, 2)}


def test_a_birthday_is_read_back_with_the_age():
    assert described("Turns 32").params == {"age": 32}


def test_words_read_back_are_the_same_in_english():
    text = "Spouse's IELTS result of 2024-10-22"
    assert str(described(text)) == text


def test_a_stored_description_is_said_in_french():
    with translation.override("fr"):
        said = tr(described("Spouse's IELTS result of 2024-10-22"))
    assert said == "résultat IELTS du 22 octobre 2024 de l'époux ou conjoint de fait"


def test_unknown_words_are_left_as_they_are():
    assert described("Something else") == "Something else"
