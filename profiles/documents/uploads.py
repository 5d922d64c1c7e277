"""What an uploaded file must be before anything is stored: its name, size and content.

The content decides the type, never the name or the browser's Content-Type: a script renamed
``passport.pdf`` is refused. Each refusal is a ``ValidationError`` a client understands, on the
form's file field; nothing reaches the storage before all checks pass.
"""

from __future__ import annotations

import unicodedata

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext

# What IRCC's portal takes for documents, by content: {MIME type: the extension we store}.
ALLOWED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
MAX_NAME = 150
_SEPARATORS = ("/", "\\")


def _megabytes(size: int) -> str:
    return gettext("%(size)s MB") % {"size": f"{size / (1024 * 1024):.0f}"}


def check_name(name: str) -> str:
    """The name as given, refused when it carries a path or control characters (a name such
    as ``../../etc/passwd`` or one with a newline would break the download header)."""
    if not name or not name.strip():
        raise ValidationError(gettext("The file has no name; rename it and upload it again."))
    if any(sep in name for sep in _SEPARATORS) or name in (".", ".."):
        raise ValidationError(gettext("The file name may not contain / or \\; rename the file."))
    if any(unicodedata.category(char).startswith("C") for char in name):
        raise ValidationError(
            gettext("The file name contains invisible control characters; rename it.")
        )
    if len(name) > MAX_NAME:
        raise ValidationError(
            gettext("The file name is longer than %(most)s characters; shorten it.")
            % {"most": MAX_NAME}
        )
    return name


def check_upload(upload: UploadedFile) -> tuple[str, str]:
    """(MIME type, extension) of an acceptable upload, else ValidationError."""
    check_name(upload.name)
    limit = settings.DOCUMENTS_MAX_UPLOAD_BYTES
    if upload.size == 0:
        raise ValidationError(
            gettext("The file is empty (0 bytes); choose the scanned document again.")
        )
    if upload.size > limit:
        raise ValidationError(
            gettext(
                "The file is %(size)s; the largest accepted is %(limit)s. "
                "Scan at a lower resolution or split the document."
            )
            % {"size": _megabytes(upload.size), "limit": _megabytes(limit)}
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED:
        raise ValidationError(
            gettext(
                "This file is not a PDF, JPEG or PNG file (checked by its content, not its name). "
                "Save or scan it as PDF, JPEG or PNG."
            )
        )
    return kind.mime, ALLOWED[kind.mime]


def download_name(name: str) -> str:
    """An ASCII fallback for the download header's plain ``filename``: only letters, digits,
    dots, dashes and underscores (the UTF-8 name rides in ``filename*``)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in ascii_name).strip("._")
    return safe or "document"
