"""On a 375 px phone screen: the client uploads a document from the portal, the consultant
accepts it, the client sees it accepted; a message sent by one arrives for the other."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import (
    PASSWORD,
    ClientFactory,
    ConsultantFactory,
    DocumentItemFactory,
    FirmFactory,
)
from tests.profiles.documents.conftest import PDF


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def desk(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_client_uploads_consultant_accepts_and_they_exchange_messages(
    live_server, phone, desk, tmp_path, settings
):
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "store"), "base_url": None},
        },
    }
    firm = FirmFactory(name="Maple Route Immigration")
    ConsultantFactory(username="chloe", membership__firm=firm)
    file = ClientFactory(firm=firm, with_login=True)
    DocumentItemFactory(client=file, kind="passport")
    scan = tmp_path / "passport.pdf"
    scan.write_bytes(PDF)

    sign_in(phone, live_server, file.user.username, PASSWORD)
    phone.goto(f"{live_server.url}{reverse('profiles:portal_documents')}")
    item = phone.get_by_test_id("item")
    expect(item.get_by_test_id("status")).to_contain_text("Requested")
    item.get_by_label("Files").set_input_files(str(scan))
    item.get_by_role("button", name="Upload").click()
    expect(phone.get_by_test_id("item").get_by_test_id("status")).to_contain_text(
        "Uploaded, waiting for review"
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375

    sign_in(desk, live_server, "chloe", PASSWORD)
    desk.goto(f"{live_server.url}{reverse('profiles:client_documents', args=[file.public_id])}")
    card = desk.get_by_test_id("item")
    expect(card.get_by_role("link", name="passport.pdf")).to_be_visible()
    card.get_by_label("Decision").select_option("accept")
    card.get_by_role("button", name="Save review").click()
    expect(desk.get_by_test_id("item")).to_contain_text("Accepted")

    phone.reload()
    expect(phone.get_by_test_id("item").get_by_test_id("status")).to_contain_text("Accepted")
    expect(phone.get_by_test_id("progress")).to_contain_text("1 accepted")

    phone.goto(f"{live_server.url}{reverse('profiles:portal_messages')}")
    phone.get_by_role("textbox", name="Message").fill("I uploaded my passport.")
    phone.get_by_role("button", name="Send").click()
    expect(phone.get_by_test_id("thread")).to_contain_text("I uploaded my passport.")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375

    desk.reload()
    expect(desk.get_by_test_id("unread")).to_have_text("1 unread")
    desk.get_by_role("link", name="Messages").first.click()
    expect(desk.get_by_test_id("thread")).to_contain_text("I uploaded my passport.")
    desk.get_by_role("textbox", name="Message").fill("Thank you, it is accepted.")
    desk.get_by_role("button", name="Send").click()

    phone.reload()
    expect(phone.get_by_test_id("thread")).to_contain_text("Thank you, it is accepted.")
