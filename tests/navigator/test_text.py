import pytest

from righthelp.navigator.text import normalise


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("I Don't  WANT", "i dont want"),
        ("self-harm...now", "self harm now"),
        ("\uff2b\uff29\uff2c\uff2c", "kill"),  # full-width letters
        ("sui\u200bci\u00adde", "suicide"),  # zero-width space, soft hyphen
        ("k i l l my self", "kill my self"),
        ("s.u.i.c.i.d.e", "suicide"),
        ("diiiie", "die"),
        ("k1ll mys3lf", "kill myself"),
        ("$uicide k!ll @ll", "suicide kill all"),
        ("help! in 2024, e14", "help in 2024 eia"),
        ("I OD'd", "i overdosed"),
        ("that's odd", "thats odd"),
    ],
)
def test_normalise_gives_one_form_however_it_was_typed(typed, normal):
    assert normalise(typed) == normal


def test_bengali_letters_typed_precomposed_or_decomposed_normalise_alike():
    assert normalise("যাও\u09dfা") == normalise("যাও\u09af\u09bcা")


def test_bengali_vowel_signs_stay_inside_their_word():
    assert normalise("আমি মরতে চাই।") == "আমি মরতে চাই"
