from django.urls import path

from draws import (
    converters,  # noqa: F401  (registers <round:…>)
    views,
)
from eeportal.public_cache import public_page

app_name = "draws"

urlpatterns = [
    path("draws/", public_page(views.draw_list), name="draw_list"),
    path("methods/", public_page(views.methods), name="methods"),
    path("draws/runs/", views.run_list, name="run_list"),
    path("draws/runs/resume/", views.run_resume, name="run_resume"),
    path("draws/<round:number>/", public_page(views.draw_detail), name="draw_detail"),
]
