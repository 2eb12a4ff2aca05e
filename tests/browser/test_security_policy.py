"""The Content-Security-Policy in a real browser: the public site, the admin
and both API docs work under it, with no violation and no console message."""

import pytest
from django.contrib.auth.models import User

from agreements.models import Agreement
from dialogue.models import Meeting

pytestmark = pytest.mark.django_db(transaction=True)

# Runs before any of the page's own scripts, and is not subject to the policy.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} `
    + `at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@pytest.fixture
def watched(page):
    """The page, and a function returning every policy violation and console
    message it has seen so far."""
    messages = []
    page.on("console", lambda message: messages.append(f"console {message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"error: {error}"))
    page.add_init_script(RECORD_VIOLATIONS)

    def clean(where: str, expected: list[str] = ()) -> None:
        """Fails naming every message and violation, but those mentioning
        one of the `expected` blocked addresses."""
        found = [
            problem
            for problem in messages + page.evaluate("window.__violations")
            if not any(url in problem for url in expected)
        ]
        if found:
            pytest.fail(f"{where}:\n" + "\n".join(found), pytrace=False)

    return page, clean


def _visit(page, url: str) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    assert "default-src 'self'" in response.headers["content-security-policy"], url
    page.wait_for_load_state("networkidle")


def test_the_public_site_runs_under_the_policy(site, watched):
    page, clean = watched
    for path in ("/", "/agreements/spca/", "/timeline/", "/sources/"):
        _visit(page, site + path)
        clean(path)


def test_the_admin_runs_under_the_policy(site, watched):
    page, clean = watched
    User.objects.create_superuser("admin", "admin@example.org", "a long passphrase")
    _visit(page, f"{site}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "a long passphrase")
    page.click("input[type=submit]")
    page.wait_for_url(f"{site}/admin/")
    agreement = Agreement.objects.get(slug="spca")
    meeting = Meeting.objects.order_by("pk").first()
    for path in (
        "/admin/",
        "/admin/agreements/agreement/",
        f"/admin/agreements/agreement/{agreement.pk}/change/",
        "/admin/agreements/agreement/add/",
        f"/admin/dialogue/meeting/{meeting.pk}/change/",
        f"/admin/agreements/agreement/{agreement.pk}/history/",
    ):
        _visit(page, site + path)
        clean(path)
    # The changelist's scripts really ran: ticking a row counts it.
    _visit(page, f"{site}/admin/agreements/agreement/")
    page.locator("input.action-select").first.check()
    assert "1 of" in page.locator(".action-counter").inner_text()
    clean(page.url)


def test_swagger_ui_renders_the_operations_under_the_policy(site, watched):
    page, clean = watched
    _visit(page, f"{site}/api/v1/docs/")
    operations = page.locator(".opblock")
    operations.first.wait_for(timeout=15_000)
    assert operations.count() > 40  # a list and a detail per resource, each with its methods
    assert page.locator(".opblock-summary-path", has_text="/api/v1/agreements/").count() > 0
    clean(page.url)


# Redoc always shows Redocly's logo from Redocly's servers; the policy blocks
# that third-party request, as it should, and Redoc hides the broken image.
REDOCLY_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


def test_redoc_renders_the_operations_under_the_policy(site, watched):
    page, clean = watched
    _visit(page, f"{site}/api/v1/redoc/")
    page.locator("h2", has_text="agreements").first.wait_for(timeout=15_000)
    assert page.locator("[role=menuitem]").count() > 40
    # Its search runs (in a worker made from a blob, which the page allows).
    page.get_by_placeholder("Search...").fill("sources")
    page.locator("[data-role='search:results'] li").first.wait_for(timeout=10_000)
    clean(page.url, expected=[REDOCLY_LOGO])
