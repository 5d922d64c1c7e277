"""Importing through the page as a consultant would, with the worker's part run in the test."""

from django.test import Client as Browser
from django.urls import reverse

from profiles.models import ClientImport
from profiles.services import import_jobs


def import_through_page(browser: Browser, upload, **data) -> tuple[ClientImport, str]:
    """Post ``upload``, run the queued job as a worker would, and return it with its page."""
    response = browser.post(reverse("profiles:client_import"), {"file": upload, **data})
    assert response.status_code == 302, response.content.decode()[:500]
    job = ClientImport.objects.filter(created_by=response.wsgi_request.user).first()
    assert response["Location"] == reverse("profiles:client_import_job", args=[job.pk])
    import_jobs.run_import(job.pk)
    job.refresh_from_db()
    return job, browser.get(response["Location"]).content.decode()
