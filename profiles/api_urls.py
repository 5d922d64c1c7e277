"""REST API routes of this app, mounted under /api/v1/."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from . import api, api_dashboard

router = SimpleRouter()
router.register("clients", api.ClientViewSet, basename="api-client")

urlpatterns = [
    path("me/", api.MeView.as_view(), name="api-me"),
    path("dashboard/", api_dashboard.DashboardView.as_view(), name="api-dashboard"),
    *router.urls,
]
