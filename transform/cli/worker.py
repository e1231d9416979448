"""`taysir worker`: a job consumer in its own process (on this or another machine)."""

from __future__ import annotations

import argparse
import logging

from .serve import add_settings_args


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("worker", help="run job consumers for the HTTP service (same data dir / database / queue)")
    p.add_argument("-t", "--threads", type=int, default=2, help="documents converted at once by this process (default 2)")
    add_settings_args(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from service.cli_support import settings_from_args
    from service.queue.consumer import Supervisor, make_consumer
    from service.runtime import Runtime

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    logging.getLogger("huey").setLevel(logging.WARNING)
    rt = Runtime(settings_from_args(args))
    consumer = make_consumer(rt, max(1, args.threads), embedded=False)
    supervisor = Supervisor(rt, consumer)
    supervisor.start()
    logging.getLogger("service").info("worker %s: %d thread(s), queue %s", supervisor.worker_id, args.threads,
                                      "redis" if rt.settings.redis_url else "sqlite")
    try:
        consumer.run()
    finally:
        supervisor.stop()
        rt.close()
    return 0
