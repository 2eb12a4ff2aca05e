"""The layout on a phone (390×844) and a desktop (1280×800): no page scrolls
sideways, a list's first result and an agreement's status are on the first
screen, and the header's search and language switch are within reach."""

import pytest

from tests.browser.test_public_site import PAGE_TYPES

pytestmark = pytest.mark.django_db(transaction=True)

SCREENS = {"phone": (390, 844), "desktop": (1280, 800)}

# Where each list's first result is: a table row, a card, a list item.
FIRST_RESULT = {
    "dashboard": "main figure.chart",
    "agreement-list": "main table tbody tr",
    "commitment-list": "main table tbody tr",
    "figure-list": "main table tbody tr",
    "meeting-list": "main table tbody tr",
    "person-list": "main table tbody tr",
    "organisation-list": "main table tbody tr",
    "topic-list": "main ul.topic-list > li",
    "source-list": "main table tbody tr",
    "timeline": "main ol.timeline > li",
    "search": "main ol.search-results > li",
}


def _overflow(page) -> int:
    """How far the page reaches past the right edge of the window, in pixels."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def _top(page, selector: str) -> float:
    return page.locator(selector).first.bounding_box()["y"]


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    width, height = SCREENS[request.param]
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=width < 700, locale="en-GB"
    )
    yield request.param, height, context.new_page()
    context.close()


def test_no_page_type_scrolls_sideways_and_lists_start_on_the_first_screen(
    site, screen, screenshot
):
    name, height, page = screen
    for kind, path in PAGE_TYPES.items():
        assert page.goto(site + path).status == 200, path
        assert _overflow(page) <= 1, f"{kind} overflows by {_overflow(page)} px at {name}"
        if kind in FIRST_RESULT:
            top = _top(page, FIRST_RESULT[kind])
            assert top < height, f"{kind}: first result at {top} px at {name}"
        screenshot(page, f"layout-{name}-{kind}")


def test_an_agreements_status_is_on_the_first_screen(site, screen):
    name, height, page = screen
    page.goto(site + "/agreements/spca/")
    status = page.locator("#status-now").locator("..").locator(".status").first
    box = status.bounding_box()
    assert box["y"] + box["height"] <= height, name


def test_the_search_and_the_language_switch_are_reachable(site, screen):
    name, height, page = screen
    page.goto(site + "/agreements/")
    for selector in ("#site-search", "#language", "form.language-form button"):
        element = page.locator(selector)
        assert element.is_visible(), (selector, name)
        box = element.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], (
            selector,
            name,
        )
        assert box["y"] + box["height"] <= height, (selector, name)
    page.fill("#site-search", "SPCA")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=SPCA*")


def test_a_long_source_text_wraps_within_the_page(site, screen):
    name, _, page = screen
    page.goto(site + "/sources/kazinform-2025-02-strategic-dialogue-8/")
    text = page.locator(".source-text").bounding_box()
    assert text["x"] + text["width"] <= page.viewport_size["width"], name
    assert page.evaluate("document.querySelector('.source-text').scrollWidth") <= text["width"] + 1
