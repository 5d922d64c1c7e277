"""Staff edit client files in the admin; a save there re-scores the file like any other write."""

import pytest
from django.urls import reverse

from profiles.models import Client
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def test_staff_edit_in_the_admin_re_scores_the_client(client, staff_user, firm_a):
    file = ClientFactory(firm=firm_a, current_crs=None)
    client.force_login(staff_user)
    url = reverse("admin:profiles_client_change", args=[file.pk])
    assert client.get(url).status_code == 200
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update({"firm": firm_a.pk, "birth_date": "1990-01-01", "first_name": "Zed"})
    for prefix in ("credentials", "language_results", "work_periods"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    file.refresh_from_db()
    assert file.first_name == "Zed" and file.current_crs is not None
    assert Client.history.filter(id=file.pk).latest().history_user == staff_user


def test_client_history_page_opens_for_staff(client, staff_user, firm_a):
    file = ClientFactory(firm=firm_a)
    client.force_login(staff_user)
    assert client.get(reverse("admin:profiles_client_history", args=[file.pk])).status_code == 200
