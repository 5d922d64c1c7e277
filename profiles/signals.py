"""Signals other apps listen to, so `profiles` never imports them (DESIGN.md §1).

``facts_changed`` is sent after the transaction that changed one or more client files commits
(``client_ids``: list of ``Client`` pks). The re-evaluation (draws) connects a receiver that
queues the small "re-score these clients against recent draws" task (DESIGN.md §5). It is sent
from the services, never from a model ``post_save``: bulk imports send it once for the batch.
"""

from django.dispatch import Signal

facts_changed = Signal()
