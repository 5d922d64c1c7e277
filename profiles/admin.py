from django.contrib import admin

from .models import Client, Firm, Membership


@admin.register(Firm)
class FirmAdmin(admin.ModelAdmin):
    list_display = ["name", "created_at"]
    search_fields = ["name"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "firm", "is_firm_admin"]
    list_select_related = ["user", "firm"]
    list_filter = ["firm"]


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "firm"]
    list_select_related = ["firm"]
    list_filter = ["firm"]
    search_fields = ["last_name", "first_name", "email"]
