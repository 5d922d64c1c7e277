"""Documents tests write to a throwaway storage folder, never the real private one."""

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile

# The smallest files whose content says what they are (magic numbers), for the sniffer.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20


@pytest.fixture(autouse=True)
def documents_storage(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documents"), "base_url": None},
        },
    }
    return storages["documents"]


def stored_names(storage) -> list[str]:
    """Every stored object's name (the storage keeps them in two-letter folders)."""
    if not storage.exists(""):
        return []
    folders, _ = storage.listdir("")
    return [f"{folder}/{name}" for folder in folders for name in storage.listdir(folder)[1]]


def pdf(name: str = "passport.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")
