from django.urls import path

from . import views

app_name = "mfa"

urlpatterns = [
    path("security/", views.security, name="security"),
    path("two-factor/verify/", views.verify, name="verify"),
    path("two-factor/setup/", views.setup, name="setup"),
    path("two-factor/codes/", views.recovery_codes, name="recovery_codes"),
    path("two-factor/codes/new/", views.new_recovery_codes, name="new_recovery_codes"),
    path("two-factor/off/", views.turn_off, name="turn_off"),
]
