"""Accepting work: a multipart upload becomes a job (validated, stored, queued), and waiting for it."""

from __future__ import annotations

import json
import logging
import shutil
import time
import uuid

import anyio
from fastapi import Request
from pydantic import ValidationError

from transform import TransformOptions
from transform.api import safe_stem
from transform.checksum import sha256_file
from transform.errors import InputError, OptionsError, UnsupportedFormatError
from transform.ingest import detect_format
from transform.pipeline import plan_outputs
from transform.simplify.options import LLMOptions

from .errors import BadRequest, NotFound, QueueFull, Unavailable, Unprocessable
from .runtime import Runtime
from .store import TERMINAL, DocumentRow, NewDocument, QueueLimitReached
from .uploads import receive_multipart
from .webhooks import WebhookError, check_target

log = logging.getLogger("service.submission")
EXTENSIONS = {"pdf": ".pdf", "docx": ".docx", "odt": ".odt", "html": ".html", "markdown": ".md", "text": ".txt",
              "png": ".png", "jpeg": ".jpg", "tiff": ".tif"}


MAX_JSON_DEPTH = 32  # TransformOptions nests 3 levels; anything deeper is refused before parsing


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON ``text`` (strings skipped), without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def parse_options(raw: str | None, rt: Runtime) -> TransformOptions:
    """``options`` form field (JSON of TransformOptions) -> options capped by the deployment limits."""
    if raw and json_depth(raw) > MAX_JSON_DEPTH:
        raise OptionsError(f"The options field is nested more than {MAX_JSON_DEPTH} levels deep.",
                           hint="Send a JSON object of TransformOptions (see the API reference); it needs 3 levels at most.")
    try:
        data = json.loads(raw) if raw and raw.strip() else {}
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" (at character {exc.pos})" if isinstance(exc, json.JSONDecodeError) else ""
        raise OptionsError(f"The options field is not valid JSON{where}.",
                           hint="Send a JSON object, e.g. {\"outputs\": [\"braille\", \"audio\"]}.") from None
    if not isinstance(data, dict):
        raise OptionsError("The options field must be a JSON object (see TransformOptions in the API reference).")
    try:
        options = TransformOptions.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise OptionsError(f"Invalid options: {where}: {first.get('msg')}.", hint="See TransformOptions in the API reference.") from None
    _refuse_server_side_choices(options, rt)
    plan_outputs(options.outputs)  # unknown output names -> OptionsError (400) listing the known ones
    s = rt.settings
    options.max_pages = min(options.max_pages, s.max_pages)
    options.timeout_s = min(options.timeout_s, s.job_timeout_s)
    return options


def _refuse_server_side_choices(options: TransformOptions, rt: Runtime) -> None:
    """Options that name server files or network endpoints belong to the operator, not to a job.

    A job may ask for the ``llm`` engine only when the operator configured TAYSIR_LLM_BASE_URL;
    the endpoint, model and key variable then come from the settings, never from the request.
    """
    paths = {
        "simplify.arabic_source": options.simplify.arabic_source,
        "video.logo": options.video.logo,
        "audio.piper_model": options.audio.piper_model,
        "simplify.memory.tmx": options.simplify.memory.tmx,  # the service's memory and term base are its own (/v1/memory, /v1/terms)
        "simplify.memory.termbase": options.simplify.memory.termbase,
    }
    named = [k for k, v in paths.items() if v]
    if named:
        raise OptionsError(
            f"Job options cannot name files on the server ({', '.join(named)}).",
            hint="Upload the Arabic version as a second file of the same job; logos and voices are set by the operator.",
        )
    if options.braille.tables:  # a table name is a file liblouis compiles (CVE-2023-26767/26768/26769: docs/security.md)
        raise OptionsError(
            "Job options cannot choose braille tables (braille.tables): the server's tables are used.",
            hint="Choose the grade instead: braille.french = g2, g1, comp6 or comp8; braille.english = g2 or g1.",
        )
    llm = options.simplify.llm
    if llm != LLMOptions():
        raise OptionsError(
            "Job options cannot choose the LLM endpoint, model or key (simplify.llm).",
            hint="The operator sets TAYSIR_LLM_BASE_URL and TAYSIR_LLM_MODEL; ask for simplify.engine='llm' only.",
        )
    if options.audio.engine == "gtts" and not rt.settings.allow_gtts:
        raise OptionsError(
            "This service does not send document text to Google's speech service (audio.engine='gtts').",
            hint="Use audio.engine='espeak' (offline, the default); the operator may allow gTTS with TAYSIR_ALLOW_GTTS=1.",
        )
    if options.simplify.engine == "llm":
        s = rt.settings
        if not s.llm_base_url:
            raise OptionsError("This service has no LLM endpoint configured.", hint="Use simplify.engine='rules' (the default).")
        options.simplify.llm = LLMOptions(base_url=s.llm_base_url, model=s.llm_model, api_key_env="TAYSIR_LLM_API_KEY")


def _check_queue(rt: Runtime) -> int:
    depth = rt.store.jobs.queued_count()
    if depth >= rt.settings.max_queue_depth:
        raise QueueFull(f"The queue is full ({depth} documents waiting, limit {rt.settings.max_queue_depth}).", hint="Retry in a few minutes.",
                        headers={"Retry-After": "30"})
    return depth


async def submit(request: Request, rt: Runtime, *, created_by: str, sync: bool = False) -> tuple[str, int]:
    """Receive, validate and queue a job; returns (job id, documents waiting ahead of it)."""
    s = rt.settings
    depth = await anyio.to_thread.run_sync(_check_queue, rt)
    job_id = uuid.uuid4().hex
    with rt.store.claim_job_dir(job_id) as job_dir:  # a crash before the job row exists leaves a folder the next start sweeps
        try:
            form = await receive_multipart(request, job_dir / "incoming", max_bytes=s.max_upload_bytes,
                                           max_files=1 if sync else s.max_files_per_job, storage=rt.storage)
        except BaseException:  # also a cancelled request (client gone, server shutting down): leave no partial files
            shutil.rmtree(job_dir, ignore_errors=True)
            raise
        try:
            return await anyio.to_thread.run_sync(_accept, rt, job_id, form, created_by, sync, depth)
        except BaseException:
            shutil.rmtree(job_dir, ignore_errors=True)
            raise


def _accept(rt: Runtime, job_id: str, form, created_by: str, sync: bool, depth: int) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    options = parse_options(form.fields.get("options"), rt)
    if not form.files:
        raise BadRequest("No file was sent.", code="no_files", hint="Add one or more `files` parts to the form.")
    webhook_url = (form.fields.get("webhook_url") or "").strip() or None
    webhook_secret = (form.fields.get("webhook_secret") or "").strip() or None
    if webhook_url:
        try:
            check_target(webhook_url, allow_private=rt.settings.webhook_allow_private)
        except WebhookError as exc:
            raise Unprocessable(f"Webhook refused: {exc}.", code="webhook_refused",
                                hint="Use a public https:// URL (private targets need TAYSIR_WEBHOOK_ALLOW_PRIVATE=1).") from None
        if not (webhook_secret or rt.settings.webhook_secret):
            raise Unprocessable("A webhook needs a signing secret.", code="webhook_secret_missing",
                                hint="Send webhook_secret with the job, or set TAYSIR_WEBHOOK_SECRET on the server.")
    formats: list[str] = []
    refused: list[dict[str, str]] = []
    for f in form.files:
        try:
            formats.append(detect_format(f.path))
        except UnsupportedFormatError as exc:
            refused.append({"file": f.filename, "code": exc.code, "message": exc.message})
        except InputError as exc:
            raise InputError(f"{f.filename}: {exc.message.split(': ', 1)[-1]}", hint=exc.hint) from None
    if refused:
        raise UnsupportedFormatError(
            f"{', '.join(r['file'] for r in refused)}: not a document format Taysir reads (checked by content).",
            hint="Send PDF, DOCX, ODT, HTML, Markdown, plain text or a scanned image (PNG, JPEG, TIFF).",
        )
    docs: list[NewDocument] = []
    stems: set[str] = set()
    for i, (f, fmt) in enumerate(zip(form.files, formats, strict=True)):
        stem = base = safe_stem(f.filename)
        n = 2
        while stem in stems:
            stem, n = f"{base}-{n}", n + 1
        stems.add(stem)
        doc_id = uuid.uuid4().hex
        dest = rt.store.job_dir(job_id) / "uploads" / doc_id / f"{stem}{EXTENSIONS.get(fmt, '')}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        f.path.replace(dest)
        docs.append(NewDocument(id=doc_id, position=i, filename=f.filename, stem=stem, source_path=rt.store.rel(dest),
                                format=fmt, size=f.size, sha256=sha256_file(dest)))
    shutil.rmtree(rt.store.job_dir(job_id) / "incoming", ignore_errors=True)
    try:
        rt.store.jobs.create(job_id, options.model_dump_json(), docs, created_by=created_by, webhook_url=webhook_url,
                             webhook_secret=webhook_secret, sync=sync, max_queued=rt.settings.max_queue_depth)
    except QueueLimitReached as exc:  # places are reserved atomically with the insert (issue 21 item 9)
        room = max(0, rt.settings.max_queue_depth - exc.queued)
        raise QueueFull(f"The queue is full: {exc.queued} documents are waiting and this job has {len(docs)} "
                        f"(room for {room}, limit {rt.settings.max_queue_depth}).",
                        hint="Retry in a few minutes, or send fewer files per job.", headers={"Retry-After": "30"}) from None
    try:
        for d in docs:
            rt.queue.convert(d.id)
    except Exception as exc:  # noqa: BLE001 - e.g. Redis unreachable
        log.warning("job %s: the queue refused it: %s: %s", job_id, type(exc).__name__, exc)
        rt.store.jobs.delete(job_id)
        raise Unavailable("The job queue is not reachable: the job was not accepted.", code="queue_unavailable",
                          hint="Check the queue (GET /ready) and retry.") from None
    return job_id, depth


async def wait_for_job(rt: Runtime, job_id: str, timeout: float) -> bool:
    """Wait until every document of the job is finished; True if it is, False on timeout."""
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        got = await anyio.to_thread.run_sync(rt.store.jobs.get, job_id)
        if got is None:
            raise NotFound(f"Job {job_id} does not exist (it may have been deleted).")
        if all(d.status in TERMINAL for d in got[1]):
            return True
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        await anyio.sleep(min(delay, left))
        delay = min(delay * 1.5, 0.5)


async def wait_for_render(rt: Runtime, doc_id: str, timeout: float) -> DocumentRow:
    """Wait until the document's re-render (if any) has ended; returns the latest row."""
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        row = await anyio.to_thread.run_sync(rt.store.documents.get, doc_id)
        if row is None:
            raise NotFound(f"Document {doc_id} does not exist (it may have been deleted).")
        left = deadline - time.monotonic()
        if row.render_state not in ("queued", "running") or left <= 0:
            return row
        await anyio.sleep(min(delay, left))
        delay = min(delay * 1.5, 0.5)


def remove_job_files(rt: Runtime, job_id: str) -> None:
    shutil.rmtree(rt.store.job_dir(job_id), ignore_errors=True)
