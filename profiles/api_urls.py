"""REST API routes of this app, mounted under /api/v1/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import api, api_dashboard
from .documents import api as documents_api

router = SimpleRouter()
router.register("clients", api.ClientViewSet, basename="api-client")

urlpatterns = [
    path("me/", api.MeView.as_view(), name="api-me"),
    path("dashboard/", api_dashboard.DashboardView.as_view(), name="api-dashboard"),
    path("me/documents/", documents_api.OwnDocumentsView.as_view(), name="api-me-documents"),
    path("me/messages/", documents_api.OwnMessagesView.as_view(), name="api-me-messages"),
    path(
        "clients/<uuid:id>/documents/",
        documents_api.ClientDocumentsView.as_view(),
        name="api-client-documents",
    ),
    path(
        "clients/<uuid:id>/messages/",
        documents_api.ClientMessagesView.as_view(),
        name="api-client-messages",
    ),
    *router.urls,
]
