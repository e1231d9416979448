"""OpenAPI description of the multipart body that the upload routes parse themselves (streamed)."""

from __future__ import annotations

from typing import Any


def multipart_body(*, many: bool) -> dict[str, Any]:
    files: dict[str, Any] = {"type": "string", "format": "binary"}
    props: dict[str, Any] = {
        "files": {"type": "array", "items": files, "description": "One or more documents (PDF, DOCX, ODT, HTML, Markdown, text, PNG/JPEG/TIFF)."}
        if many else {**files, "description": "One document."},
        "options": {"type": "string", "description": "JSON of TransformOptions (see the TransformOptions schema), "
                    "e.g. {\"outputs\": [\"braille\", \"audio\"]} (default json,text)."},
    }
    if many:
        props["webhook_url"] = {"type": "string", "description": "Called (signed POST) when every document is finished."}
        props["webhook_secret"] = {"type": "string", "description": "HMAC-SHA256 key for the webhook signature."}
    return {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {"type": "object", "required": ["files"], "properties": props}}}}}
