import pytest
from django.core.exceptions import ValidationError

from evidence.quotes import locate_quote, require_quote

TEXT = "Cleverly\u2019s visit to Astana  in\nMarch. \u00abLeeds has got a lot to offer.\u00bb"


def test_an_exact_quote_is_found_with_its_offsets():
    location = locate_quote(TEXT, "visit to Astana")
    assert (location.start, location.end) == (11, 26)
    assert TEXT[location.start : location.end] == "visit to Astana"


def test_typographic_marks_and_white_space_may_differ_but_the_source_wording_is_kept():
    location = locate_quote(TEXT, "Cleverly's visit to Astana in March.")
    assert location.text == "Cleverly\u2019s visit to Astana  in\nMarch."
    assert TEXT[location.start : location.end] == location.text


def test_guillemets_match_straight_double_quotes():
    location = locate_quote(TEXT, '"Leeds has got a lot to offer."')
    assert location.text == "\u00abLeeds has got a lot to offer.\u00bb"


@pytest.mark.parametrize("quote", ["visit to Almaty", "Cleverlys visit", "", "   "])
def test_anything_else_must_match_exactly(quote):
    assert locate_quote(TEXT, quote) is None


def test_require_quote_names_the_quote_field():
    with pytest.raises(ValidationError) as error:
        require_quote(TEXT, "not in the text")
    assert "quote" in error.value.message_dict
    assert "not in the source" in error.value.message_dict["quote"][0]
