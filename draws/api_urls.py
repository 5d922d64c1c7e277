"""REST API routes of this app, mounted under /api/v1/."""

from django.urls import path

from draws import api

urlpatterns = [
    path("draws/", api.DrawListAPI.as_view(), name="api-draw-list"),
    path("draws/<str:number>/", api.DrawDetailAPI.as_view(), name="api-draw-detail"),
]
