"""The runtime shared by the API process and the workers: settings, store and queue."""

from __future__ import annotations

import logging

from .queue.huey_app import TaskQueue
from .settings import ServiceSettings
from .store import Store

log = logging.getLogger("service")


class Runtime:
    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = Store(settings.db_url, settings.data_dir)
        self.queue = TaskQueue(self)

    def close(self) -> None:
        self.queue.close()
        self.store.close()
