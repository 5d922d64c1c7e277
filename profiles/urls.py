from django.urls import path

from .documents import urls as documents_urls
from .views import clients, dashboard, export, facts, firm, portal, transfer, workflow

app_name = "profiles"

urlpatterns = [
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("clients/", clients.client_list, name="client_list"),
    path("clients/new/", clients.client_create, name="client_create"),
    path("clients/import/", transfer.client_import, name="client_import"),
    path("clients/import/<uuid:job_id>/", transfer.client_import_job, name="client_import_job"),
    path("clients/import/template.csv", transfer.import_template, name="import_template"),
    path("clients/export.csv", transfer.client_export, name="client_export"),
    path("clients/<uuid:public_id>/", clients.client_detail, name="client_detail"),
    path("clients/<uuid:public_id>/export/", export.client_export, name="client_export"),
    path(
        "clients/<uuid:public_id>/export.json",
        export.client_export,
        {"as_json": True},
        name="client_export_json",
    ),
    path("clients/<uuid:public_id>/edit/", clients.client_edit, name="client_edit"),
    path("clients/<uuid:public_id>/delete/", clients.client_delete, name="client_delete"),
    path("clients/<uuid:public_id>/invite/", clients.client_invite, name="client_invite"),
    path("clients/<uuid:public_id>/stage/", workflow.record_stage, name="client_stage"),
    path("clients/<uuid:public_id>/assign/", workflow.assign, name="client_assign"),
    path("clients/<uuid:public_id>/archive/", workflow.archive, name="client_archive"),
    path("clients/<uuid:public_id>/restore/", workflow.restore, name="client_restore"),
    path("clients/<uuid:public_id>/<str:kind>/new/", facts.fact_form, name="fact_create"),
    path(
        "clients/<uuid:public_id>/<str:kind>/<uuid:fact_id>/edit/",
        facts.fact_form,
        name="fact_edit",
    ),
    path(
        "clients/<uuid:public_id>/<str:kind>/<uuid:fact_id>/delete/",
        facts.fact_delete,
        name="fact_delete",
    ),
    path("portal/", portal.portal, name="portal"),
    path("portal/my-file/", export.portal_export, name="portal_export"),
    path("portal/my-file.json", export.portal_export, {"as_json": True}, name="portal_export_json"),
    path("portal/contact/", portal.portal_contact, name="portal_contact"),
    path(
        "portal/contact/confirm/<str:token>/",
        portal.portal_email_confirm,
        name="portal_email_confirm",
    ),
    path("portal/notifications/", portal.portal_notifications, name="portal_notifications"),
    path("welcome/<uidb64>/<token>/", portal.WelcomeView.as_view(), name="welcome"),
    path("firm/", firm.firm_detail, name="firm"),
    path("firm/access/", firm.access_log, name="access_log"),
    path(
        "firm/consultants/<uuid:membership_id>/remove/",
        firm.consultant_remove,
        name="consultant_remove",
    ),
    path(
        "firm/consultants/<uuid:membership_id>/two-factor/reset/",
        firm.consultant_reset_two_factor,
        name="consultant_reset_two_factor",
    ),
]

urlpatterns += documents_urls.urlpatterns
