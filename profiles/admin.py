"""Staff administration of firms, seats and client files, with each file's change history.

Edits here bypass the consultant forms, so the admin keeps the services' rules itself: saving a
client re-scores it and tells the re-evaluation (``services.facts_were_changed``), fact rows
get the same person check, and deleting goes through ``services.delete_client``.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_noop
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .forms import SUBMISSION_TIME_HELP, KeepsSubmissionTimeForm
from .models import (
    Client,
    EducationCredential,
    FileAccess,
    Firm,
    LanguageTestResult,
    Membership,
    StageChange,
    WorkPeriod,
)
from .services.stages import first_stage_changes, follow_facts, open_files


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


class FactFormSet(BaseInlineFormSet):
    """Fact rows added or changed here pass the check the consultant forms and the API get
    from the services: no spouse rows for a client without a spouse or partner. ``instance``
    already has the marital status posted with it (the client form is validated first).
    Unchanged rows are left alone, as a consultant may keep a former spouse's rows.
    """

    def clean(self) -> None:
        super().clean()
        for form in self.forms:
            if not form.has_changed() or self._should_delete_form(form):
                continue
            person = getattr(form, "cleaned_data", {}).get("person")
            if person is None:
                continue
            try:
                services.check_person(self.instance, person)
            except ValidationError as error:
                form.add_error(None, error)


class CredentialInline(admin.TabularInline):
    model = EducationCredential
    formset = FactFormSet
    extra = 0


class LanguageResultInline(admin.TabularInline):
    model = LanguageTestResult
    formset = FactFormSet
    extra = 0


class WorkPeriodInline(admin.TabularInline):
    model = WorkPeriod
    formset = FactFormSet
    extra = 0
    readonly_fields = ["teer"]


@admin.register(Client)
class ClientAdmin(SimpleHistoryAdmin):
    list_display = ["last_name", "first_name", "firm", "current_crs", "crs_computed_on"]
    list_select_related = ["firm"]
    list_filter = ["firm"]
    search_fields = ["last_name", "first_name", "email"]
    raw_id_fields = ["user"]
    readonly_fields = [
        "current_crs",
        "crs_computed_on",
        "eligible_for",
        "stage",
        "stage_on",
        "consultant",
        "archived_at",
    ]  # changed through the services only
    inlines = [CredentialInline, LanguageResultInline, WorkPeriodInline]
    form = KeepsSubmissionTimeForm
    # Client pages are for the firm's consultants; staff who are not members get a 404 there.
    view_on_site = False

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The admin shows and reads this moment in the site's zone, unlike the draws' UTC
        # times: the label says which, as the consultant's form does.
        kwargs.setdefault("help_texts", {"profile_submitted_at": SUBMISSION_TIME_HELP})
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request, obj: Client, form, change) -> None:
        # A file added here gets its consultant and first stage as any other new file; an
        # edit moves the stage forward as the consultant's form does (an ITA date entered).
        if not change:
            open_files([obj], firm=obj.firm, by=request.user)
        super().save_model(request, obj, form, change)
        if change:
            follow_facts(obj, by=request.user)
        else:
            StageChange.objects.bulk_create(first_stage_changes([obj], by=request.user))

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        services.facts_were_changed(
            client_ids=[form.instance.pk],
            by=request.user,
            reason=gettext_noop("Client file edited in the admin"),
        )

    # Through the service, as the consultant's delete does: it also removes the client's portal
    # login, which a plain delete left active with no file behind it.
    def delete_model(self, request, obj: Client) -> None:
        services.delete_client(client=obj, by=request.user)

    def delete_queryset(self, request, queryset) -> None:
        for client in queryset:
            services.delete_client(client=client, by=request.user)


@admin.register(FileAccess)
class FileAccessAdmin(admin.ModelAdmin):
    """The access log is evidence: staff read it, nobody adds, edits or removes a line."""

    list_display = ["at", "firm", "action", "user", "user_ref", "client_ref"]
    list_select_related = ["firm", "user"]
    list_filter = ["action", "firm"]
    search_fields = ["client_ref", "user_ref"]
    date_hierarchy = "at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
