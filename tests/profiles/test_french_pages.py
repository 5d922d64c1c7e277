"""The profiles pages and e-mails in French: the /fr/ pages speak French (IRCC's terms, French
dates) and an e-mail rendered in the recipient's language reads as French plain text."""

from datetime import date

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from tests.factories import ClientFactory, LanguageResultFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_again_after_each_test():
    """A /fr/ request leaves French active in the thread (LocaleMiddleware never resets it), so
    the next test's reverse() would give /fr/ URLs and its pages would come out in French."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _fr(name: str, *args) -> str:
    with translation.override("fr"):
        return reverse(name, args=args)


def test_the_french_portal_speaks_to_the_client_in_french(client, firm_a_client):
    file = firm_a_client.client_file
    LanguageResultFactory(client=file)
    client.force_login(firm_a_client)
    response = client.get(_fr("profiles:portal"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Votre dossier Entrée express" in page
    assert "Mes documents" in page
    assert "Coordonnées" in page
    assert "Your Express Entry file" not in page
    assert "Contact details" not in page
    with translation.override("fr"):
        assert date_format(file.birth_date, "DATE_FORMAT") in page


def test_the_french_dashboard_names_its_views_in_french(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    page = client.get(_fr("profiles:dashboard")).content.decode()
    assert '<h1 class="h3 mb-1">Tableau de bord</h1>' in page
    assert "Mes dossiers" in page and "Tout le cabinet" in page
    assert "Whole firm" not in page
    assert "Archived and decided files are left out" not in page


def test_the_french_client_page_uses_irccs_terms(client, firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a, birth_date=date(1990, 8, 5))
    LanguageResultFactory(client=file)
    client.force_login(firm_a_consultant)
    page = client.get(_fr("profiles:client_detail", file.public_id)).content.decode()
    assert "Renseignements personnels" in page
    assert "Détail de la note SCG" in page
    assert "Fonds d&#x27;établissement" in page or "Fonds d'établissement" in page
    assert "5 août 1990" in page
    assert "1990-08-05" not in page.replace('datetime="1990-08-05"', "")
    assert "Personal facts" not in page
    assert "History of this file" not in page


def test_the_french_client_form_has_french_headings(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    page = client.get(_fr("profiles:client_create")).content.decode()
    assert "<title>" in page and "Nouveau client" in page
    for legend in (
        "Époux ou conjoint de fait",
        "Facteurs supplémentaires",
        "Profil Entrée express",
    ):
        assert f'<legend class="h5">{legend}</legend>' in page
    assert "Family and settlement funds" not in page
    assert ">Enregistrer</button>" in page


def test_an_invitation_rendered_in_french_reads_as_french_plain_text(firm_a_client):
    context = {"user": firm_a_client, "firm": "Dupont & Fils", "as_consultant": False,
               "valid_days": 3, "link": "https://example.com/fr/welcome/x/"}  # fmt: skip
    with translation.override("fr"):
        subject = render_to_string("profiles/email/invitation_subject.txt", context).strip()
        body = render_to_string("profiles/email/invitation_body.txt", context)
    assert subject == "Votre dossier Entrée express chez Dupont & Fils"
    assert body.startswith(f"Bonjour {firm_a_client.first_name or firm_a_client.email},")
    assert "Dupont & Fils a ouvert votre dossier Entrée express" in body
    assert "note SCG" in body and "ronde d'invitations" in body
    assert "expire dans 3 jours" in body
    assert "&amp;" not in body and "&#x27;" not in body
