"""The runtime shared by the API process and the workers: settings, store and queue."""

from __future__ import annotations

import logging

from .queue.huey_app import TaskQueue
from .settings import ServiceSettings
from .storage import Storage, register
from .store import Store

log = logging.getLogger("service")


class Runtime:
    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = Store(settings.db_url, settings.data_dir)
        self.storage = register(Storage(settings.data_dir, settings.min_free_bytes))  # the free-space reserve (service/storage.py)
        self.queue = TaskQueue(self)

    def close(self) -> None:
        self.queue.close()
        self.store.close()
