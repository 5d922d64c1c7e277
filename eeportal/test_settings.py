"""Settings for the test suite: real PostgreSQL and Redis by default (DESIGN.md §8).

The environment still wins, so CI or a developer can point the suite elsewhere.
"""

import os

os.environ.setdefault("DATABASE_URL", "postgres://root@127.0.0.1:5432/eeportal")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/15")
os.environ.setdefault("DEBUG", "true")

from .settings import *  # noqa: F403

# Hashing with the default PBKDF2 takes ~0.3 s per password; tests create hundreds of users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Tests clear the cache; in Redis that would flush the broker's queued tasks too.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
