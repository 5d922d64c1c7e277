"""The dashboard's totals stop at a cap (issue 16), as the client list's count does: exact up to
it, "N+" above, the top rows unchanged. The cap is lowered here so 30 files go past it."""

import pytest
from django.urls import reverse

from profiles.dashboard import dashboard_for
from profiles.pagination import MoreThan
from tests.factories import ClientFactory, DrawFactory, StandingFactory
from tests.profiles.test_dashboard import _every_section_full

pytestmark = pytest.mark.django_db
# Eligibility changes stay exact: counting them once they are found costs nothing.
CAPPED = ["expired-profiles", "expiring-profiles", "expired-facts", "expiring-facts",
          "ita-deadlines", "birthdays", "documents", "latest-draws"]  # fmt: skip


def _rows(board) -> dict[str, list]:
    return {s.key: [(i.client.pk, i.on, i.what, i.means) for i in s.items] for s in board.sections}


def test_a_section_past_the_cap_says_so_and_keeps_its_top_rows(
    firm_a, firm_a_consultant, monkeypatch
):
    _every_section_full(firm_a, firm_a_consultant, 30)
    exact = dashboard_for(user=firm_a_consultant, whole_firm=True)
    monkeypatch.setattr("profiles.dashboard.sections.CAP", 20)
    capped = dashboard_for(user=firm_a_consultant, whole_firm=True)
    totals = {section.key: section.total for section in capped.sections}
    assert all(isinstance(totals[key], MoreThan) for key in CAPPED)
    assert {str(totals[key]) for key in CAPPED} == {"20+"}
    assert totals["eligibility-changes"] == 30
    assert _rows(capped) == _rows(exact)
    # The summary's counts stop at the cap too, each on its own (none derived from a total).
    before = [[t.value for t in s.summary] for s in exact.sections]
    after = [[str(t.value) for t in s.summary] for s in capped.sections]
    assert after[:-1] == [[str(n) if n <= 20 else "20+" for n in row] for row in before[:-1]]
    assert after[-1] == [str(n) for n in before[-1]]  # eligibility changes: exact
    assert any("20+" in row for row in after[:-1]) and any("0" in row for row in after)


def test_totals_below_the_cap_stay_exact(firm_a, firm_a_consultant, monkeypatch):
    _every_section_full(firm_a, firm_a_consultant, 30)
    monkeypatch.setattr("profiles.dashboard.sections.CAP", 30)  # at the cap: still exact
    board = dashboard_for(user=firm_a_consultant, whole_firm=True)
    totals = [section.total for section in board.sections]
    assert totals == [30] * 9
    assert not any(isinstance(total, MoreThan) for total in totals)


def test_the_page_and_the_api_show_a_capped_total(client, firm_a, firm_a_consultant, monkeypatch):
    _every_section_full(firm_a, firm_a_consultant, 30)
    monkeypatch.setattr("profiles.dashboard.sections.CAP", 20)
    client.force_login(firm_a_consultant)
    page = client.get(reverse("profiles:dashboard"), {"files": "firm"}).content.decode()
    assert "20+" in page
    body = client.get(reverse("api-dashboard"), {"files": "firm"}).json()
    sections = {section["key"]: section for section in body["sections"]}
    assert sections["birthdays"]["total"] is None
    assert sections["birthdays"]["more_than"] == 20
    assert sections["eligibility-changes"]["total"] == 30
    assert "more_than" not in sections["eligibility-changes"]


def test_the_latest_draws_total_passes_the_cap_when_its_counts_together_do(
    firm_a, firm_a_consultant, monkeypatch
):
    draw = DrawFactory(cutoff=500)
    for margin, verdict in [(12, "invited")] * 15 + [(-4, "below_cutoff")] * 10:
        file = ClientFactory(firm=firm_a, consultant=firm_a_consultant)
        StandingFactory(draw=draw, client=file, margin=margin, verdict=verdict)
    monkeypatch.setattr("profiles.dashboard.sections.CAP", 20)
    board = dashboard_for(user=firm_a_consultant)
    section = next(section for section in board.sections if section.key == "latest-draws")
    assert str(section.total) == "20+"
    assert [count.value for count in section.summary] == [15, 0, 10]
