"""Routes of documents and messages, in the ``profiles`` namespace (public UUIDs only)."""

from django.urls import path

from . import views

urlpatterns = [
    path("clients/<uuid:public_id>/documents/", views.client_documents, name="client_documents"),
    path("clients/<uuid:public_id>/documents/generate/", views.generate, name="documents_generate"),
    path("clients/<uuid:public_id>/documents/add/", views.add_item, name="documents_add"),
    path("clients/<uuid:public_id>/messages/", views.client_messages, name="client_messages"),
    path("documents/items/<uuid:item_id>/upload/", views.upload, name="document_upload"),
    path("documents/items/<uuid:item_id>/review/", views.review, name="document_review"),
    path("documents/items/<uuid:item_id>/dates/", views.item_dates, name="document_dates"),
    path("documents/files/<uuid:file_id>/", views.download, name="document_download"),
    path("documents/files/<uuid:file_id>/remove/", views.remove_file, name="document_remove"),
    path("portal/documents/", views.portal_documents, name="portal_documents"),
    path("portal/messages/", views.portal_messages, name="portal_messages"),
    path("portal/messages/emails/", views.portal_message_emails, name="portal_message_emails"),
]
