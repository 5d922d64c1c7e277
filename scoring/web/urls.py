from django.urls import path

from scoring.web import views

app_name = "scoring"

urlpatterns = [
    path("calculator/", views.calculator, name="calculator"),
]
