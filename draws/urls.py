from django.urls import path

from draws import views

app_name = "draws"

urlpatterns = [
    path("draws/", views.draw_list, name="draw_list"),
    # Before draws/<number>/, which would otherwise take "runs" for a round number.
    path("draws/runs/", views.run_list, name="run_list"),
    path("draws/runs/resume/", views.run_resume, name="run_resume"),
    path("draws/<str:number>/", views.draw_detail, name="draw_detail"),
]
