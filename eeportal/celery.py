"""The Celery app: settings from Django's CELERY_* names; tasks from each app's tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eeportal.settings")

app = Celery("eeportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
