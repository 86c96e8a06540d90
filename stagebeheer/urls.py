from django.contrib import admin
from django.urls import include, path

from core.password_reset import PasswordResetView

urlpatterns = [
    path("admin/", admin.site.urls),
    # Before Django's own: the same address, limited per client and per e-mail address.
    path("accounts/password_reset/", PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("internships.urls")),
    path("", include("compliance.urls")),
    path("documenten/", include("documents.urls")),
    path("", include("portal.urls")),
    path("evaluaties/", include("evaluations.urls")),
    path("logboek/", include("logbook.urls")),
    path("uren/", include("attendance.urls")),
    path("bezoeken/", include("visits.urls")),
    path("bevraging/", include("surveys.urls")),
    path("", include("dashboards.urls")),
]

# Uploaded files are private: access-checked views serve them (never MEDIA_URL).
