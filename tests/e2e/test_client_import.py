"""A CSV import in the browser: the upload waits for a worker, and the page shows the outcome
by itself once a real worker has imported the file (htmx polling, no reload)."""

import pytest
from playwright.sync_api import expect

from profiles.models import Client
from tests import factories
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD
from tests.workers import WorkerProcess

pytestmark = pytest.mark.worker
CSV = b"first_name,last_name,birth_date\nAna,Lima,1990-01-01\nBo,Chen,1991-01-01\n"


def test_an_uploaded_file_is_imported_by_a_worker_while_the_page_waits(live_server, page):
    consultant = factories.ConsultantFactory(membership__firm=factories.FirmFactory())
    sign_in(page, live_server, consultant.username, PASSWORD)
    page.goto(f"{live_server.url}/clients/import/")
    page.locator("#id_file").set_input_files(
        files=[{"name": "clients.csv", "mimeType": "text/csv", "buffer": CSV}]
    )
    page.get_by_role("button", name="Import").click()
    expect(page.locator("#import-status")).to_contain_text("Waiting for a worker")

    worker = WorkerProcess(name="e2e-import")
    try:
        expect(page.locator("#import-status")).to_contain_text(
            "2 client files imported.", timeout=60_000
        )
    finally:
        worker.stop()
    assert Client.objects.filter(firm=consultant.membership.firm).count() == 2
    page.get_by_role("link", name="Open the client list").click()
    expect(page.get_by_role("link", name="Lima, Ana")).to_be_visible()
