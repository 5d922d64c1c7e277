from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import js_catalogue, views
from .language_choice import switch_language
from .mfa import views as mfa_views

api_v1 = [
    path("", include("scoring.web.api_urls")),
    path("", include("draws.api_urls")),
    path("", include("profiles.api_urls")),
]

# Pages have a French twin under /fr/ (issue 15): the URL says the language, so a page can be
# linked and found in either; the machine-facing URLs below have one address.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("language/<str:language>/", switch_language, name="switch_language"),
    # Browsers ask for /favicon.ico on pages without an icon link (the admin, API answers).
    # Lazy: the static file's hashed name is known only once the app is loaded; 302, not 301,
    # because the name changes with the file.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.svg"))),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up script from a URL (?script), not inline, so the
    # page passes the site's Content-Security-Policy; the template moves its <style> to a file.
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="api/swagger_ui.html"
        ),
        name="api-docs",
    ),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("glossary/", views.glossary, name="glossary"),
    # The calculator's and charts' words, in the page's language (the URL carries it).
    path("jsi18n/", js_catalogue.catalogue, name="javascript-catalog"),
    # Before Django's own: the same page and name, with a landing page per role.
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/confirm/", mfa_views.confirm, name="reauth"),
    path("accounts/", include("eeportal.mfa.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("scoring.web.urls")),
    path("", include("draws.urls")),
    path("", include("profiles.urls")),
    prefix_default_language=False,
)

admin.site.site_header = _("EE Portal administration")
admin.site.site_title = _("EE Portal admin")
handler400 = "eeportal.api_errors.bad_request"
