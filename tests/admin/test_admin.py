"""Every model is in the admin, and its pages render with a bounded number of
queries: seed facts are browsable there."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape

from agreements.models import Agreement
from core.content_apps import content_app_labels

pytestmark = pytest.mark.django_db

OUR_APPS = set(content_app_labels())
REGISTERED = sorted(
    (model._meta.app_label, model._meta.model_name)
    for model in admin.site._registry
    if model._meta.app_label in OUR_APPS
)


def test_every_model_of_ours_is_editable_in_the_admin():
    from django.apps import apps

    inline = {
        (inline.model._meta.app_label, inline.model._meta.model_name)
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }
    ours = {
        (model._meta.app_label, model._meta.model_name)
        for label in OUR_APPS
        for model in apps.get_app_config(label).get_models()
        # django-simple-history's records are shown in each model's history.
        if not hasattr(model, "instance_type")
    }
    assert ours - set(REGISTERED) - inline == set()


@pytest.fixture
def staff_client(client, django_user_model, seeded):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_changelist_renders_with_bounded_queries(
    staff_client, app_label, model_name, django_assert_max_num_queries
):
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    with django_assert_max_num_queries(20):
        response = staff_client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize(("app_label", "model_name"), REGISTERED)
def test_change_and_add_pages_render(
    staff_client, app_label, model_name, django_assert_max_num_queries
):
    model = next(
        m
        for m in admin.site._registry
        if (m._meta.app_label, m._meta.model_name) == (app_label, model_name)
    )
    obj = model.objects.order_by("pk").first()
    # Every registered model has rows in the seed data: no change page goes
    # untested. (A new model without seed rows needs one made here.)
    assert obj is not None, f"no {model._meta.label} row to open: add one"
    with django_assert_max_num_queries(40):
        response = staff_client.get(
            reverse(f"admin:{app_label}_{model_name}_change", args=(obj.pk,))
        )
    assert response.status_code == 200
    assert escape(str(obj)) in response.content.decode()
    add = staff_client.get(reverse(f"admin:{app_label}_{model_name}_add"))
    # SeedRecord is the loader's own bookkeeping: it cannot be added by hand.
    assert add.status_code == (403 if model_name == "seedrecord" else 200)


def test_the_spca_change_page_shows_its_status_history_and_quotes(staff_client):
    spca = Agreement.objects.get(slug="spca")
    response = staff_client.get(reverse("admin:agreements_agreement_change", args=(spca.pk,)))
    content = response.content.decode()
    assert "ratification pending" in content.lower()
    assert "which was signed in April 2024" in content
    assert content.count('name="status_events-') > 4


def test_changelist_search_finds_a_seed_fact(staff_client):
    response = staff_client.get(reverse("admin:agreements_agreement_changelist"), {"q": "seasonal"})
    assert "MoU on Kazakh seasonal workers" in response.content.decode()
