"""Staff record and correct draws here; every save goes through record_draw.

The draw's change page also shows its re-evaluation runs, live (the staff runs page's table,
polled with htmx), and a save says whether the re-evaluation could be queued.
"""

from datetime import UTC, datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AdminSplitDateTime
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.models import construct_instance
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from draws import selectors
from draws.models import DRAW_FIELDS, Draw, DrawCategory
from draws.reevaluation import notices
from draws.services import RecordedDraw, draw_values, record_draw
from draws.views import run_table
from scoring.json_input import MAX_DEPTH, Decoder


class UTCSplitDateTimeWidget(AdminSplitDateTime):
    """The admin's date and time inputs, in UTC, with shortcuts that fill UTC.

    Django's "Now" and "Today" fill the server's zone (Toronto), so a "Now" in a field labelled
    UTC saved a moment four or five hours off; ``js/admin_utc.js`` makes the shortcuts of the
    inputs marked ``data-time-zone="UTC"`` fill UTC, and says so where Django's note speaks of
    "server time".
    """

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs)
        for widget in self.widgets:
            widget.attrs["data-time-zone"] = "UTC"

    @property
    def media(self) -> forms.Media:
        # After DateTimeShortcuts.js, whose functions it wraps: listed together, or the merge
        # of the form's media is free to put it first.
        shortcuts = ["admin/js/calendar.js", "admin/js/admin/DateTimeShortcuts.js"]
        return super().media + forms.Media(js=[*shortcuts, "js/admin_utc.js"])

    def decompress(self, value: datetime | None) -> list:
        # Shown as IRCC publishes it, in UTC, not in the site's Toronto time.
        if value:
            value = value.astimezone(UTC)
            return [value.date(), value.time()]
        return [None, None]


class UTCSplitDateTimeField(forms.SplitDateTimeField):
    """A date and time typed in UTC: IRCC publishes tie-breaks in UTC, and converting them by
    hand to Toronto time is a mistake waiting to happen."""

    widget = UTCSplitDateTimeWidget
    default_error_messages = {
        **forms.SplitDateTimeField.default_error_messages,  # its __init__ reads them from here
        "date_missing": _("Enter the date too (YYYY-MM-DD)."),
        "time_missing": _("Enter the time too (UTC, HH:MM:SS)."),
    }

    def compress(self, data_list: list) -> datetime | None:
        if not data_list:
            return None
        # Half a moment is refused, not dropped: a date without its time saved no tie-break.
        day, moment = data_list
        if day in self.empty_values:
            raise ValidationError(self.error_messages["date_missing"], code="date_missing")
        if moment in self.empty_values:
            raise ValidationError(self.error_messages["time_missing"], code="time_missing")
        return datetime.combine(day, moment).replace(tzinfo=UTC)


class DrawAdminForm(forms.ModelForm):
    """Parses what staff typed; the rules (``Draw.clean`` and the field validators) are run once
    per save, by ``record_draw``, with the same messages as the import and the API.

    So the form's last validation step is the save itself: an error ``record_draw`` raises
    must be shown next to its field, and the admin shows errors only from ``is_valid``. Nothing
    after ``is_valid`` can refuse the save (the draw page has no inlines), and the change view
    is one transaction with it.
    """

    # Set by DrawAdmin.get_form: who is saving, for the draw's history.
    recorded_by: AbstractBaseUser | None = None
    recorded: RecordedDraw | None = None

    tie_break_at = UTCSplitDateTimeField(
        label=_("Tie-breaking rule (UTC)"),
        required=False,
        help_text=Draw._meta.get_field("tie_break_at").help_text,
    )
    ran_at = UTCSplitDateTimeField(label=_("Round run at (UTC)"), required=False)
    pool = forms.JSONField(
        label=_("Pool distribution"),
        required=False,
        help_text=Draw._meta.get_field("pool").help_text,
        # Python's json recursed into a 1,000-level paste and the page answered 500.
        decoder=Decoder,
        error_messages={
            # Lazy: the form class is built at import, before any language is active.
            "invalid": lazy(
                lambda: (
                    gettext("Enter valid JSON, nested at most %(depth)s levels deep.")
                    % {"depth": MAX_DEPTH}
                ),
                str,
            )()
        },
    )
    ircc_url = forms.URLField(
        label=_("IRCC page"), max_length=300, required=False, assume_scheme="https"
    )

    class Meta:
        model = Draw
        fields = DRAW_FIELDS

    def _post_clean(self) -> None:
        # In place of ModelForm's, which runs Draw.full_clean before record_draw runs it again.
        try:
            self.instance = construct_instance(
                self, self.instance, self._meta.fields, self._meta.exclude
            )
        except ValidationError as error:
            self._field_errors(error)
        # A new round's number must be new: given an existing one, record_draw corrects it.
        self.validate_unique()
        if self.errors:
            # Refused, so nothing is saved; the rules still judge the fields that parsed, so
            # staff see every problem at once. Still one full_clean for the post.
            try:
                self.instance.full_clean(
                    exclude=self._get_validation_exclusions(),
                    validate_unique=False,
                    validate_constraints=False,
                )
            except ValidationError as error:
                self._field_errors(error)
            return
        try:
            self.recorded = record_draw(
                **draw_values(self.instance), by=self.recorded_by, source=Draw.Source.ADMIN
            )
        except ValidationError as error:
            self._field_errors(error)
            return
        self.instance = self.recorded.draw

    def _field_errors(self, error: ValidationError) -> None:
        # Next to their fields; one on a field not in the form (the number of a draw being
        # corrected is read-only) at the top instead of a ValueError.
        by_field = error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error}
        for field, errors in by_field.items():
            self.add_error(field if field in self.fields else None, errors)


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Draw.objects.dates("held_on", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        # Only a year the list offers: "abc", 0 or 99999 in the address raised ValueError.
        if self.value() in dict(self.lookup_choices):
            return queryset.filter(held_on__year=int(self.value()))
        return queryset


@admin.register(Draw)
class DrawAdmin(SimpleHistoryAdmin):
    form = DrawAdminForm
    list_display = ["number", "held_on", "category", "invitations", "cutoff", "source"]
    list_select_related = ["category"]
    list_filter = [YearFilter, "category"]
    search_fields = ["=number"]
    search_help_text = _("Round number, e.g. 434 or 91a.")
    ordering = ["-held_on", "-sequence", "-number"]
    # The French name comes from IRCC's French feed only (import_rounds ee_rounds_123_fr.json).
    readonly_fields = ["name_fr", "pool_warning", "source"]

    def get_readonly_fields(self, request: HttpRequest, obj: Draw | None = None) -> list[str]:
        # The number is the round's identity; the import and the API find it by number.
        return [*self.readonly_fields, "number"] if obj else self.readonly_fields

    def get_form(self, request: HttpRequest, obj: Draw | None = None, **kwargs) -> type:
        form = super().get_form(request, obj, **kwargs)
        form.recorded_by = request.user  # a class made for this call (modelform_factory)
        return form

    def save_model(self, request: HttpRequest, obj: Draw, form: DrawAdminForm, change: bool):
        # Recorded already, by the form's validation (DrawAdminForm): nothing left to save.
        request._recorded_draw = form.recorded  # told after the commit, in changeform_view

    def changeform_view(
        self, request: HttpRequest, object_id=None, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        draw = self.get_object(request, unquote(object_id)) if object_id else None
        if draw is not None and request.method == "GET":
            # The draw's runs with live progress (change_form.html includes the runs table).
            params = QueryDict(mutable=True)
            params["draw"] = draw.number
            table = run_table(selectors.runs_for_list().filter(draw=draw), params, filtered=False)
            extra_context = {**(extra_context or {}), "run_table": table}
        response = super().changeform_view(request, object_id, form_url, extra_context)
        # The admin saves inside a transaction and the run is queued when it commits, which
        # is now: only from here can the notice say whether the broker took it.
        recorded = getattr(request, "_recorded_draw", None)
        if recorded is not None:
            messages.add_message(request, *notices.notice(recorded))
        return response

    def message_user(self, request: HttpRequest, message, level=messages.INFO, *args, **kwargs):
        # Replaced by notices.notice, which starts "Draw saved." and says what became of the
        # re-evaluation; the admin's "was changed successfully" would repeat half of it.
        if level == messages.SUCCESS and hasattr(request, "_recorded_draw"):
            return
        super().message_user(request, message, level, *args, **kwargs)

    def revert_disabled(self, request: HttpRequest, obj: Draw | None = None) -> bool:
        # Reverting from history would save the old row directly, around record_draw; a
        # correction is made by editing the draw instead.
        return True


@admin.register(DrawCategory)
class DrawCategoryAdmin(admin.ModelAdmin):
    """Read-only: the rows are copied from scoring/categories.py by draws.categories."""

    list_display = ["name", "version", "key", "family", "in_force_from", "in_force_to"]
    list_filter = ["kind", "family"]
    search_fields = ["name", "key"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
