"""Read-only API of documents and messages: a file's checklist and thread, for its firm's
consultants (``/api/v1/clients/<id>/documents/``, ``…/messages/``) and for the client
(``/api/v1/me/documents/``, ``/api/v1/me/messages/``). Scoped like the pages: another firm's
file is a 404. Files are linked to the download view, never to the storage."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from profiles import selectors as profile_selectors
from profiles.api import InRequestLanguage, IsClient, IsConsultant
from profiles.models import DocumentFile, DocumentItem, Message

from . import selectors


class DocumentFileSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id")
    download = serializers.SerializerMethodField()

    class Meta:
        model = DocumentFile
        fields = ["id", "filename", "content_type", "size", "uploaded_at", "download"]

    def get_download(self, document: DocumentFile) -> str:
        return reverse("profiles:document_download", args=[document.public_id])


class DocumentItemSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id")
    files = DocumentFileSerializer(many=True)

    class Meta:
        model = DocumentItem
        fields = [
            "id", "kind", "person", "person_name", "detail", "phase", "status",
            "rejection_reason", "due_on", "expires_on", "files",
        ]  # fmt: skip


class ThreadMessageSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id")
    attachments = DocumentFileSerializer(many=True)

    class Meta:
        model = Message
        fields = ["id", "from_client", "body", "sent_at", "read_at", "attachments"]


def _file_of(request: Request, id) -> object:
    return get_object_or_404(profile_selectors.clients_visible_to(user=request.user), public_id=id)


class ClientDocumentsView(InRequestLanguage, APIView):
    permission_classes = [IsConsultant]

    @extend_schema(responses=DocumentItemSerializer(many=True))
    def get(self, request: Request, id) -> Response:
        """The file's checklist, each item with its files."""
        items = selectors.checklist_of(client=_file_of(request, id))
        return Response(DocumentItemSerializer(items, many=True).data)


class ClientMessagesView(InRequestLanguage, APIView):
    permission_classes = [IsConsultant]

    @extend_schema(responses=ThreadMessageSerializer(many=True))
    def get(self, request: Request, id) -> Response:
        """The file's thread, oldest first (reading it here marks nothing read)."""
        thread = selectors.thread_of(client=_file_of(request, id))
        return Response(ThreadMessageSerializer(thread, many=True).data)


class OwnDocumentsView(InRequestLanguage, APIView):
    permission_classes = [IsClient]

    @extend_schema(responses=DocumentItemSerializer(many=True))
    def get(self, request: Request) -> Response:
        """The signed-in client's checklist (items marked not needed left out)."""
        client = profile_selectors.own_client_file(user=request.user)
        items = [
            item
            for item in selectors.checklist_of(client=client)
            if item.status != DocumentItem.Status.NOT_NEEDED
        ]
        return Response(DocumentItemSerializer(items, many=True).data)


class OwnMessagesView(InRequestLanguage, APIView):
    permission_classes = [IsClient]

    @extend_schema(responses=ThreadMessageSerializer(many=True))
    def get(self, request: Request) -> Response:
        """The signed-in client's thread with their firm, oldest first."""
        client = profile_selectors.own_client_file(user=request.user)
        return Response(ThreadMessageSerializer(selectors.thread_of(client=client), many=True).data)
