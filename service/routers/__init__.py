"""API routers, one per area: health, jobs, convert, documents (review), catalogue (public)."""
