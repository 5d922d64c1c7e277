"""The profiles app's own words in French (issue 15): forms, errors, e-mails' links and items,
import problems and API errors. The e-mail templates' sentences are the templates' catalogue
entries; here, what the Python code writes."""

import csv
import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.formats import date_format

from eeportal.languages import language_of, save_language
from profiles import tasks
from profiles.models import Client, ClientImport, WorkPeriod
from profiles.services import import_jobs
from profiles.services.csv_import import ImportRejected, import_clients_csv
from profiles.services.reminders import send_weekly_reminders
from profiles.templatetags.profiles_tags import work_title
from tests.factories import ClientFactory, ConsultantFactory
from tests.profiles.dashboard_files import invited
from tests.profiles.test_client_form import _as_posted

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_english():
    """A /fr/ request leaves French active in this thread (LocaleMiddleware never resets it):
    later tests, which run outside requests, must start in the default language again."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_the_french_client_form_has_french_labels_and_a_french_field_error(
    client, firm_a, firm_a_consultant
):
    file = ClientFactory(firm=firm_a)
    client.force_login(firm_a_consultant)
    url = f"/fr/clients/{file.public_id}/edit/"
    data = _as_posted(client.get(url).context["form"])
    data["birth_date"] = "1850-01-01"
    response = client.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form["first_name"].label == "Prénom"
    assert form["birth_date"].label == "Date de naissance"
    assert form.errors["birth_date"] == ["Entrez une date de naissance entre 1900 et aujourd'hui."]


def test_a_client_invited_from_a_french_page_gets_a_french_link_and_keeps_french(
    client, firm_a, firm_a_consultant
):
    file = ClientFactory(firm=firm_a, email="lina@example.com")
    client.force_login(firm_a_consultant)
    response = client.post(f"/fr/clients/{file.public_id}/invite/")
    assert response.status_code == 302
    (message,) = mail.outbox
    assert re.search(r"http://testserver/fr/welcome/\S+", message.body)
    file.refresh_from_db()
    assert language_of(file.user) == "fr"


def test_a_resent_invitation_follows_the_clients_french_preference(
    client, firm_a, firm_a_consultant
):
    file = ClientFactory(firm=firm_a, email="lina@example.com", with_login=True)
    file.user.set_unusable_password()
    file.user.save()
    save_language(file.user, "fr")
    client.force_login(firm_a_consultant)
    client.post(f"/clients/{file.public_id}/invite/")  # from an English page
    (message,) = mail.outbox
    assert "http://testserver/fr/welcome/" in message.body


def test_a_french_consultants_reminder_has_french_items_and_fr_links(firm_a):
    consultant = ConsultantFactory(membership__firm=firm_a)
    save_language(consultant, "fr")
    file = invited(firm_a, consultant, days_ago=55, last_name="Kowalczyk")
    assert send_weekly_reminders() == 1
    (message,) = mail.outbox
    with translation.override("fr"):
        day = date_format(file.ita_received_on)  # "5 août 2026"
    assert f"Demande à présenter: IPD du {day}" in message.body
    assert f"{settings.SITE_URL}/fr/dashboard/" in message.body
    assert f"{settings.SITE_URL}/fr/clients/{file.public_id}/" in message.body


def test_an_english_consultants_reminder_stays_english(firm_a, firm_a_consultant):
    invited(firm_a, firm_a_consultant, days_ago=55, last_name="Kowalczyk")
    send_weekly_reminders()
    (message,) = mail.outbox
    assert "Application due: ITA of " in message.body
    assert "/fr/" not in message.body


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


BAD_DATE = {"first_name": "Amara", "last_name": "Okafor", "birth_date": "12/04/1996"}


def test_an_import_problem_is_in_french_with_its_line_number(firm_a, firm_a_consultant):
    with translation.override("fr"), pytest.raises(ImportRejected) as rejected:
        import_clients_csv(firm=firm_a, by=firm_a_consultant, file=io.BytesIO(_csv([BAD_DATE])))
    (problem,) = rejected.value.problems
    assert (problem.line, problem.column) == (2, "birth_date")
    assert problem.message == "Entrez une date au format AAAA-MM-JJ."
    assert str(rejected.value.message) == "1 problème trouvé; rien n'a été importé."


def test_a_file_uploaded_from_the_french_page_is_imported_in_french(
    client, firm_a_consultant, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(
        tasks.run_client_import, "apply_async", lambda args, **kw: sent.append((args, kw))
    )
    client.force_login(firm_a_consultant)
    upload = SimpleUploadedFile("clients.csv", _csv([BAD_DATE]), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/clients/import/", {"file": upload})
    [(args, options)] = sent
    assert options["kwargs"] == {"language": "fr"}
    import_jobs.run_import(*args, **options["kwargs"])
    job = ClientImport.objects.get()
    assert job.status == ClientImport.Status.REJECTED
    assert job.problems == [
        {"line": 2, "column": "birth_date", "message": "Entrez une date au format AAAA-MM-JJ."}
    ]


def test_an_api_error_is_in_french_for_accept_language_fr(client, firm_a_client):
    Client.objects.filter(user=firm_a_client).update(contact_updates_allowed=True)
    client.force_login(firm_a_client)
    response = client.patch(
        "/api/v1/me/",
        {"first_name": "Zed"},
        content_type="application/json",
        headers={"accept-language": "fr"},
    )
    assert response.status_code == 400
    [message] = response.json()["first_name"]
    assert message.startswith("En lecture seule ici: vous pouvez modifier seulement ")


def test_the_french_dashboard_words_its_deadlines_in_french(client, firm_a, firm_a_consultant):
    invited(firm_a, firm_a_consultant, days_ago=55, last_name="Kowalczyk")
    client.force_login(firm_a_consultant)
    board = client.get("/fr/dashboard/").context["board"]
    [section] = [section for section in board.sections if section.key == "ita-deadlines"]
    assert section.title == "Échéances des demandes après une IPD"
    [item] = section.items
    assert item.what == "Demande à présenter"
    assert item.means.startswith("5 jours restants (IPD du ")
    assert item.when == "dans 5 jours"


def test_a_work_periods_noc_title_is_shown_in_french_on_french_pages():
    work = WorkPeriod(noc="21232", title="Software developers and programmers")
    typed = WorkPeriod(noc="21232", title="Lead developer")
    with translation.override("fr"):
        assert work_title(work).startswith("Développeurs/développeuses et programmeurs")
        assert work_title(typed) == "Lead developer"
    assert work_title(work) == "Software developers and programmers"
