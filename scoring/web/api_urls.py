"""REST API routes of this app, mounted under /api/v1/."""

from django.urls import path

from scoring.web import api

urlpatterns = [
    path("crs/", api.CRSScoreAPI.as_view(), name="api-crs"),
]
