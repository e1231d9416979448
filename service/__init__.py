"""Taysir's HTTP service: a thin door onto the ``transform`` library (see docs/service.md).

``service.app.create_app(settings)`` builds the FastAPI app; ``taysir serve`` runs it with an
embedded job consumer, ``taysir worker`` runs more consumers.
"""
