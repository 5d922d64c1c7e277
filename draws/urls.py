from django.urls import path

from draws import views

app_name = "draws"

urlpatterns = [
    path("draws/", views.draw_list, name="draw_list"),
    path("draws/<str:number>/", views.draw_detail, name="draw_detail"),
]
