"""The editors' and viewers' groups: editors change content and nothing
else; viewers look and change nothing."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from agreements.models import Agreement
from tests.support.admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client, django_user_model):
    def login_as(group_name):
        user = django_user_model.objects.create_user(group_name[:-1], is_staff=True)
        user.groups.add(Group.objects.get(name=group_name))
        client.force_login(user)
        return client

    return login_as


def test_the_groups_exist_after_migrate():
    editors = Group.objects.get(name="editors")
    viewers = Group.objects.get(name="viewers")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_agreement", "change_statusevent", "delete_citation", "view_source"} <= codenames
    assert not any(codename.endswith(("_user", "_group", "_permission")) for codename in codenames)
    assert "change_seedrecord" not in codenames and "view_seedrecord" in codenames
    assert set(viewers.permissions.values_list("codename", flat=True)) == {
        codename for codename in codenames if codename.startswith("view_")
    }


def test_an_editor_changes_content_but_not_users(member, seeded):
    client = member("editors")
    spca = Agreement.objects.get(slug="spca")
    url = reverse("admin:agreements_agreement_change", args=(spca.pk,))
    data = form_data(client.get(url))
    data["signed_at_en"] = "London"
    assert client.post(url, data).status_code == 302
    spca.refresh_from_db()
    assert spca.signed_at_en == "London"
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_a_viewer_sees_everything_and_changes_nothing(member, seeded):
    client = member("viewers")
    spca = Agreement.objects.get(slug="spca")
    url = reverse("admin:agreements_agreement_change", args=(spca.pk,))
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.post(url, {"title": "Vandalised"}).status_code == 403
    assert client.get(reverse("admin:agreements_agreement_add")).status_code == 403
    spca.refresh_from_db()
    assert spca.title != "Vandalised"
