"""/data/ in a real browser: accessible (axe-core, as every page type in
test_public_site.py), no sideways scrolling on a phone with its 64-character
checksums, and the download link gives the file the checksum describes."""

import datetime
import hashlib
from pathlib import Path

import pytest

from opendata.release import make_release
from tests.browser.test_public_site import _accessibility_violations, _no_horizontal_scroll

pytestmark = pytest.mark.external


def test_the_data_page_is_accessible_and_its_download_matches(
    site, browser, page, settings, tmp_path, screenshot
):
    settings.RELEASES_DIR = tmp_path
    make_release(tmp_path, "2026.1", datetime.date(2026, 3, 1))
    response = page.goto(f"{site}/data/")
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert _accessibility_violations(page) == []
    screenshot(page, "desktop-data")

    with page.expect_download() as download:
        page.get_by_role("link", name="2026.1").click()
    body = Path(download.value.path()).read_bytes()
    assert page.locator("code.checksum").inner_text() == hashlib.sha256(body).hexdigest()

    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        phone_page = phone.new_page()
        phone_page.goto(f"{site}/data/")
        assert _no_horizontal_scroll(phone_page)
        screenshot(phone_page, "phone-data")
    finally:
        phone.close()
