"""REST API routes of this app, mounted under /api/v1/."""

from django.urls import path

from draws import (
    api,
    converters,  # noqa: F401  (registers <round:…>)
)

urlpatterns = [
    path("draws/", api.DrawListAPI.as_view(), name="api-draw-list"),
    path("draws/<round:number>/", api.DrawDetailAPI.as_view(), name="api-draw-detail"),
]
