"""Accessible publications: HTML, EPUB 3 with Media Overlays, DOCX and the self-describing bundle.

The renderers live in :mod:`transform.publish.render` (outputs ``html``, ``epub``, ``docx``, ``bundle``).
"""
