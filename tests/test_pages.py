import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_front_page_lists_every_agreement_with_its_status(
    client, seeded, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        response = client.get(reverse("agreements:status-list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Agreement on Strategic Partnership and Cooperation" in content
    assert "ratification pending" in content
    assert "11 February 2025" in content
    assert "April 2024" in content
