"""The Celery app: settings from Django's CELERY_* names; tasks from each app's tasks.py."""

import gc
import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eeportal.settings")

app = Celery("eeportal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _freeze_startup_objects(**kwargs: object) -> None:
    # Django's and the app's own objects live as long as the worker: moved out of the collected
    # generations, a full collection no longer walks them after every few chunks.
    gc.freeze()
