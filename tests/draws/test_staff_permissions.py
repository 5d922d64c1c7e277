"""Staff status alone records nothing: draws and runs need the admin's model permissions
(issue 14, defect 1). Three actors: staff without the permission, staff with it, a consultant."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from rest_framework.test import APIClient

from draws.models import Draw
from tests.draws.test_api import LIST_URL, detail_url, new_draw
from tests.factories import ConsultantFactory, DrawFactory, UserFactory

pytestmark = pytest.mark.django_db
RUNS = reverse("draws:run_list")
RESUME = reverse("draws:run_resume")


def staff(*codenames: str):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def api_for(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_staff_without_the_change_permission_cannot_correct_a_draw():
    DrawFactory(number="434", cutoff=470, held_on=date(2026, 8, 7))
    response = api_for(staff()).patch(detail_url("434"), {"cutoff": 1}, format="json")
    assert response.status_code == 403
    assert Draw.objects.get().cutoff == 470


def test_staff_with_the_change_permission_corrects_a_draw():
    DrawFactory(number="434", cutoff=470, held_on=date(2026, 8, 7))
    response = api_for(staff("change_draw")).patch(
        detail_url("434"), {"cutoff": 471}, format="json"
    )
    assert response.status_code == 200
    assert Draw.objects.get().cutoff == 471


def test_staff_without_the_add_permission_cannot_record_a_draw():
    response = api_for(staff("change_draw")).post(LIST_URL, new_draw(), format="json")
    assert response.status_code == 403
    assert not Draw.objects.exists()


def test_staff_with_the_add_permission_records_a_draw():
    response = api_for(staff("add_draw")).post(LIST_URL, new_draw(), format="json")
    assert response.status_code == 201, response.json()


def test_staff_without_the_view_permission_get_a_403_on_the_runs_page(client):
    client.force_login(staff())
    assert client.get(RUNS).status_code == 403


def test_staff_with_the_view_permission_see_the_runs_page(client):
    client.force_login(staff("view_reevaluationrun"))
    assert client.get(RUNS).status_code == 200


def test_a_consultant_gets_a_404_on_the_runs_page(client):
    client.force_login(ConsultantFactory())
    assert client.get(RUNS).status_code == 404


def test_staff_who_may_only_view_runs_cannot_resume_them(client):
    client.force_login(staff("view_reevaluationrun"))
    assert client.post(RESUME).status_code == 403
