"""The public site in a real browser: every page type, filters and search, a
status step followed to its quote, `as_of`, languages, a phone, no JavaScript."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_TYPES = {
    "dashboard": "/",
    "agreement-list": "/agreements/",
    "agreement-detail": "/agreements/spca/",
    "commitment-list": "/commitments/",
    "commitment-detail": "/commitments/cardiff-university-campus-kazakhstan/",
    "figure-list": "/figures/",
    "figure-detail": "/figures/british-companies-in-kazakhstan-580/",
    "timeline": "/timeline/",
    "meeting-list": "/meetings/",
    "meeting-detail": "/meetings/strategic-dialogue-8/",
    "series-detail": "/meeting-series/kz-uk-strategic-dialogue/",
    "person-list": "/people/",
    "person-detail": "/people/roman-vassilenko/",
    "organisation-list": "/organisations/",
    "organisation-detail": "/organisations/united-kingdom/",
    "topic-list": "/topics/",
    "topic-detail": "/topics/critical-minerals/",
    "source-list": "/sources/",
    "source-detail": "/sources/kazinform-2025-02-strategic-dialogue-8/",
    "search": "/search/?q=strategic+dialogue",
    "glossary": "/glossary/",
}


AXE_RULES = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}


def _accessibility_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A/AA and best-practice findings on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": AXE_RULES})
    return [
        f"{violation['id']}: {violation['help']} at {[node['target'] for node in violation['nodes']]}"
        for violation in results.response["violations"]
    ]


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_every_page_type_renders_on_a_desktop_and_a_phone(site, browser, page, screenshot):
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone_page = phone.new_page()
    try:
        for name, path in PAGE_TYPES.items():
            response = page.goto(site + path)
            assert response.status == 200, path
            assert page.locator("h1").count() == 1, path
            assert page.locator("main#main").is_visible()
            assert _accessibility_violations(page) == [], path
            screenshot(page, f"desktop-{name}")

            phone_page.goto(site + path)
            assert _no_horizontal_scroll(phone_page), path
            screenshot(phone_page, f"phone-{name}")
    finally:
        phone.close()


def test_a_reader_filters_and_searches_the_agreements(site, page):
    page.goto(site + "/agreements/")
    # The filters other than the search fold behind one control.
    assert not page.locator("#id_kind").is_visible()
    page.locator("details.more-filters > summary").click()
    page.select_option("#id_kind", "roadmap")
    page.get_by_role("button", name="Apply").click()
    assert "kind=roadmap" in page.url
    rows = page.locator("main table tbody tr")
    assert rows.count() == 1
    # A filtered list opens its filters and says how many apply.
    assert page.locator("details.more-filters").get_attribute("open") is not None
    assert "(1)" in page.locator("details.more-filters > summary").inner_text()
    assert "Roadmap for cooperation in critical minerals" in rows.first.inner_text()

    page.goto(site + "/agreements/")
    page.fill("#id_search", "seasonal")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"search=seasonal"))
    assert "seasonal workers" in page.locator("main table").inner_text()


def test_a_status_step_leads_to_its_quote_on_the_source_page(site, page, screenshot):
    page.goto(site + "/")
    page.get_by_role("link", name=re.compile("Agreement on Strategic Partnership")).first.click()
    assert page.url.endswith("/agreements/spca/")
    assert "ratification pending" in page.locator("#status-now").locator("..").inner_text()

    step = page.locator("ol.timeline > li").filter(has_text="April 2024")
    quote_link = step.locator("ul.quotes a").first
    quote_link.click()
    page.wait_for_url(re.compile(r"/sources/[a-z0-9-]+/#q-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    target = page.locator(f"#{anchor}")
    assert target.count() == 1
    # The anchor opens the highlighted quote in the source's text.
    assert page.locator(f".source-text #{anchor} + mark").count() == 1
    highlighted = page.locator(f".source-text #{anchor} ~ mark").first.inner_text()
    # The text from the anchor on is the step's first quote (the seed's first
    # citation of the signing), and the highlight begins it (where quotes
    # overlap, a highlight is cut where the next begins).
    quote = "the Strategic Partnership and Cooperation Agreement, which was signed in April"
    from_anchor = page.evaluate(
        """(id) => {
            const range = document.createRange();
            range.setStartAfter(document.getElementById(id));
            range.setEndAfter(document.querySelector(".source-text").lastChild);
            return range.toString();
        }""",
        anchor,
    )
    assert from_anchor.startswith(quote)
    assert highlighted and quote.startswith(highlighted)
    screenshot(page, "followed-quote")

    # ...and from the highlight, back to the fact it supports.
    page.locator(f".source-text #{anchor} + mark a").click()
    # The quote supports the agreement's signing: back to the agreement.
    page.wait_for_url(re.compile(r"/agreements/spca/"))


def test_changing_as_of_shows_the_past_status(site, page, screenshot):
    page.goto(site + "/agreements/spca/")
    page.locator("details.as-of-details > summary").click()
    page.fill("#as-of", "2023-12-31")
    page.locator("form.as-of-form button").click()
    page.wait_for_url(re.compile(r"as_of=2023-12-31"))
    assert "31 December 2023" in page.locator(".as-of-banner").inner_text()
    assert "negotiating" in page.locator(".card").first.inner_text()
    assert _accessibility_violations(page) == []
    screenshot(page, "as-of-2023")
    # The date carries over to the next page.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Agreements").click()
    assert "as_of=2023-12-31" in page.url
    assert "negotiating" in page.locator("main table").inner_text()


def test_the_site_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site + "/commitments/")
        # <details> opens without JavaScript.
        page.locator("details.more-filters > summary").click()
        page.select_option("#id_open", "true")
        page.get_by_role("button", name="Apply").click()
        assert "open=true" in page.url
        assert page.locator("main table tbody tr").count() >= 1
    finally:
        context.close()


def test_keyboard_focus_is_visible_and_the_skip_link_works(site, page):
    page.goto(site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip" in focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    # Following the link is a navigation within the page, which the browser
    # may finish after the key press returns: wait for it rather than race it.
    page.wait_for_url(re.compile(r"#main$"), timeout=5_000)
    assert page.url.endswith("#main")


def test_the_language_switcher_changes_the_interface(site, page, screenshot):
    page.goto(site + "/agreements/")
    page.select_option("#language", "ru")
    page.locator("form.language-form button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Соглашения" in page.locator("nav.site-nav").inner_text()
    screenshot(page, "language-ru")
    page.select_option("#language", "kk")
    page.locator("form.language-form button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "kk"
    screenshot(page, "language-kk")
