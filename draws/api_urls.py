"""REST API routes of this app, mounted under /api/v1/."""

from django.urls import path

from draws import (
    answer_api,
    api,
    converters,  # noqa: F401  (registers <round:…>)
)
from eeportal.public_cache import public_page

urlpatterns = [
    path("draws/", public_page(api.DrawListAPI.as_view()), name="api-draw-list"),
    path("draws/<round:number>/", public_page(api.DrawDetailAPI.as_view()), name="api-draw-detail"),
    path("me/outlook/", answer_api.OwnAnswerView.as_view(), name="api-me-outlook"),
    path(
        "clients/<uuid:id>/outlook/",
        answer_api.ClientAnswerView.as_view(),
        name="api-client-outlook",
    ),
]
