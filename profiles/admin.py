"""Staff administration of firms, seats and client files, with each file's change history.

Edits here bypass the consultant forms, so saving a client re-scores it and tells the
re-evaluation (``services.facts_were_changed``) like every other write.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .forms import KeepsSubmissionTimeForm
from .models import Client, EducationCredential, Firm, LanguageTestResult, Membership, WorkPeriod


@admin.register(Firm)
class FirmAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "firm", "is_firm_admin"]
    list_select_related = ["user", "firm"]
    list_filter = ["firm"]
    raw_id_fields = ["user"]


class CredentialInline(admin.TabularInline):
    model = EducationCredential
    extra = 0


class LanguageResultInline(admin.TabularInline):
    model = LanguageTestResult
    extra = 0


class WorkPeriodInline(admin.TabularInline):
    model = WorkPeriod
    extra = 0
    readonly_fields = ["teer"]


@admin.register(Client)
class ClientAdmin(SimpleHistoryAdmin):
    list_display = ["last_name", "first_name", "firm", "current_crs", "crs_computed_on"]
    list_select_related = ["firm"]
    list_filter = ["firm"]
    search_fields = ["last_name", "first_name", "email"]
    raw_id_fields = ["user"]
    readonly_fields = ["current_crs", "crs_computed_on", "eligible_for"]
    inlines = [CredentialInline, LanguageResultInline, WorkPeriodInline]
    form = KeepsSubmissionTimeForm
    # Client pages are for the firm's consultants; staff who are not members get a 404 there.
    view_on_site = False

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        services.facts_were_changed(
            client_ids=[form.instance.pk], by=request.user, reason="Client file edited in the admin"
        )
