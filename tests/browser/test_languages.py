"""Languages in a real browser: the switcher on a filtered list keeps the
page and its filters, and the address says the language (issue 16)."""

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.external]


def test_switching_language_on_a_filtered_list_keeps_the_filters(site, page):
    page.goto(site + "/agreements/?kind=roadmap&as_of=2025-06-01")
    page.select_option("#language", "ru")
    page.locator("form.language-form button").click()
    page.wait_for_load_state()
    assert page.url == site + "/ru/agreements/?kind=roadmap&as_of=2025-06-01"
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("#id_kind").input_value() == "roadmap"
    # The as_of banner speaks Russian, with the date as Russian writes it.
    assert "1 июня 2025" in page.locator(".as-of-banner").inner_text()

    page.select_option("#language", "kk")
    page.locator("form.language-form button").click()
    page.wait_for_load_state()
    assert page.url == site + "/kk/agreements/?kind=roadmap&as_of=2025-06-01"
    banner = page.locator(".as-of-banner").inner_text().replace("\N{NO-BREAK SPACE}", " ")
    assert "2025 жылғы 1 маусымдағы" in banner

    page.select_option("#language", "en")
    page.locator("form.language-form button").click()
    page.wait_for_load_state()
    assert page.url == site + "/agreements/?kind=roadmap&as_of=2025-06-01"
    # Chosen English: an old Russian link is not redirected away from it.
    page.goto(site + "/agreements/spca/")
    assert page.locator("html").get_attribute("lang") == "en"
