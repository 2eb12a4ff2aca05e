"""Hostile records in a real browser: no script they carry ever runs, and
their bidi controls never reorder the text around them."""

import pytest

from tests.core.test_escaping import PAGES
from tests.support.hostile import BIDI_CONTROLS, build_hostile_records

pytestmark = pytest.mark.django_db(transaction=True)

# Every text node holding a bidi control, with how its element is laid out:
# the control stays inside its element when that element is a block (its own
# bidi paragraph) or is isolated, and it is the element's only text.
_LEAKS = """(controls) => {
  const leaks = [];
  const walker = document.createTreeWalker(document.querySelector("main"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (![...node.data].some((c) => controls.includes(c))) continue;
    const element = node.parentElement;
    if (element.closest(".source-text")) continue;
    const style = getComputedStyle(element);
    const own = style.display !== "inline" || style.unicodeBidi === "isolate";
    const alone = element.textContent.trim() === node.data.trim();
    if (!(own && alone)) leaks.push(`${element.tagName}: ${element.textContent.slice(0, 80)}`);
  }
  return leaks;
}"""


def test_hostile_records_run_no_script_and_reorder_nothing(live_server, page):
    build_hostile_records()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert page.locator("img[src='x'], svg[onload]").count() == 0, path
        assert page.evaluate(_LEAKS, BIDI_CONTROLS) == [], path
    assert dialogs == []
    assert errors == []


_PAREN_FOLLOWS_NAME = """(raw) => {
  const name = document.querySelector("section.card p bdi");
  if (raw !== null) name.textContent = raw;
  const range = document.createRange();
  range.setStart(name.nextSibling, 0);
  range.setEnd(name.nextSibling, 1);
  const paren = range.getBoundingClientRect();
  const sameLine = [...name.getClientRects()].filter(
    (r) => r.bottom > paren.top + 1 && r.top < paren.bottom - 1);
  return paren.left >= Math.max(...sameLine.map((r) => r.right)) - 1;
}"""


def test_the_bidi_isolation_holds_in_the_layout(live_server, page):
    """The check above reads styles; this one reads the layout. The party's
    name ends in an unterminated right-to-left isolate: as served, the
    closing parenthesis after it still follows it. As stored (unbalanced),
    the name would take its <bdi>'s closing mark in Chromium and carry the
    parenthesis to the left: why kzuk_site.bidi balances every page."""
    records = build_hostile_records()
    page.goto(live_server.url + "/agreements/hostile-agreement/")
    assert page.evaluate(_PAREN_FOLLOWS_NAME, None)
    assert not page.evaluate(_PAREN_FOLLOWS_NAME, records["organisation"].name)
