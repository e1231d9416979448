"""Same outputs before and after a refactoring: fingerprints of every output of every sample.

    .venv/bin/python bench/compare_outputs.py record  -o /tmp/before.json [--video] [--inputs FILE...]
    .venv/bin/python bench/compare_outputs.py compare -b /tmp/before.json [--video] [--keep DIR]

``record`` converts each input (``samples/*.pdf``, ``samples/*.docx``, ``samples/src/*.md``, and
``tests/realdocs/files/*`` when that corpus is present; ``--inputs`` replaces the list) with every
output (``video`` only with ``--video``: about a minute per document), then re-renders the approved
Darija / easy-read drafts through the review workflow, and writes one fingerprint per file.
``compare`` does the same again and lists every file that is missing, new, or different.

A fingerprint is exact where the output is deterministic:

* text formats (JSON, TXT, BRL, SRT, VTT, HTML, PEF...) and the BRF: sha256 of the content after
  masking the wall-clock values a run writes (ISO timestamps, ``"seconds"`` timings, review-file
  export time);
* zip containers (EPUB, DOCX, bundle): the member list and each member fingerprinted by its kind
  (the bundle's ``manifest.json`` without sizes and checksums, which follow the timestamps);
* PDF (the interpreter's cue sheet, printed by chromium with a creation date): page count and text;
* audio and video: stream properties read by ffprobe (codec, rate, channels, size, frame rate,
  duration to the millisecond, tags, chapters) - the bytes are listed too, as information only.

The run is made deterministic where the code allows: narration uses one espeak-ng worker
(``audio.workers = 1``). With two or more persistent workers the sentence lengths move by a
few tens of milliseconds from run to run (each worker's synthesis depends on what it said
before), which would move every timing downstream (captions, read-along, video).

The per-run summary (status, artifacts with role/lang/media type/description, errors) is part of
the record, so a renderer that starts warning differently shows up too.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TIME_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z| ?UTC|[+-]\d{2}:?\d{2})?"
)
SECONDS_RE = re.compile(r'("seconds"|"duration_s"|"elapsed_s"):\s*-?[0-9.e+-]+')
TEXT_EXT = {
    ".json", ".txt", ".brl", ".srt", ".vtt", ".html", ".md", ".pef", ".ass", ".xml", ".xhtml", ".smil",
    ".opf", ".ncx", ".css", ".js", ".rels", ".brf",
}
MEDIA_EXT = {".mp3", ".opus", ".m4a", ".mp4", ".wav"}
ZIP_EXT = {".epub", ".docx", ".zip", ".odt"}
APPROVER = "Compare Outputs"


def default_inputs() -> list[Path]:
    files = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "samples").glob("*.docx"))
    files += sorted((ROOT / "samples" / "src").glob("*.md"))
    corpus = ROOT / "tests" / "realdocs" / "files"
    if corpus.is_dir():
        files += sorted(p for p in corpus.iterdir() if p.is_file() and not p.name.startswith("."))
    return files


def mask(text: str) -> str:
    return SECONDS_RE.sub(r"\1: 0", TIME_RE.sub("<TIME>", text))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


def text_print(name: str, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return "bytes:" + _digest(data)
    if name.endswith("manifest.json"):
        try:
            obj = json.loads(text)
        except ValueError:
            pass
        else:
            text = json.dumps(_strip_manifest(obj), ensure_ascii=False, sort_keys=True)
    return "text:" + _digest(mask(text).encode())


def _strip_manifest(obj: Any) -> Any:
    """A bundle manifest without what follows timestamps (sizes and checksums of members)."""
    if isinstance(obj, dict):
        return {k: _strip_manifest(v) for k, v in obj.items() if k not in ("size", "sha256", "bytes")}
    if isinstance(obj, list):
        return [_strip_manifest(v) for v in obj]
    return obj


def zip_print(data: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for i, info in enumerate(zf.infolist()):
            member = zf.read(info)
            out[f"{i:03d} {info.filename} [{info.compress_type}]"] = member_print(info.filename, member)
    return out


def member_print(name: str, data: bytes) -> str:
    ext = Path(name).suffix.lower()
    if ext in ZIP_EXT:
        return "zip:" + _digest(json.dumps(zip_print(data), sort_keys=True).encode())
    if ext == ".pdf":
        return pdf_print(data)
    if ext in MEDIA_EXT or ext in {".png", ".jpg", ".jpeg", ".ttf", ".otf", ".woff", ".woff2"}:
        return "bytes:" + _digest(data)
    return text_print(name, data)


def pdf_print(data: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    return f"pdf:{len(texts)}p:" + _digest("\f".join(texts).encode())


def media_print(path: Path) -> dict[str, Any]:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", "-show_chapters", str(path)],
        capture_output=True, timeout=60, check=True,
    ).stdout
    info = json.loads(out)
    streams = []
    for s in info.get("streams", []):
        keep = {k: s.get(k) for k in ("codec_type", "codec_name", "sample_rate", "channels", "width", "height",
                                       "r_frame_rate", "pix_fmt", "nb_frames")}
        keep["duration_ms"] = round(float(s.get("duration") or 0) * 1000)
        keep["tags"] = {k: v for k, v in (s.get("tags") or {}).items() if k in ("language", "title", "handler_name")}
        streams.append(keep)
    fmt = info.get("format", {})
    chapters = [[round(float(c["start_time"]) * 1000), round(float(c["end_time"]) * 1000), (c.get("tags") or {}).get("title")]
                for c in info.get("chapters", [])]
    tags = {k: v for k, v in (fmt.get("tags") or {}).items() if k.lower() not in ("encoder", "creation_time")}
    return {"format": fmt.get("format_name"), "duration_ms": round(float(fmt.get("duration") or 0) * 1000),
            "streams": streams, "chapters": chapters, "tags": tags}


def file_print(path: Path) -> dict[str, Any]:
    ext = path.suffix.lower()
    data = path.read_bytes()
    if ext in MEDIA_EXT:
        return {"media": media_print(path), "info_bytes": _digest(data)}
    if ext in ZIP_EXT:
        return {"zip": zip_print(data)}
    if ext == ".pdf":
        return {"print": pdf_print(data)}
    return {"print": member_print(path.name, data)}


def summary(result: Any) -> dict[str, Any]:
    return {
        "status": result.status.value,
        "artifacts": sorted(
            [a.name, a.role, a.lang, a.media_type, mask(a.description)] for a in result.artifacts
        ),
        "errors": sorted([e.stage, e.code, e.severity, mask(e.message)] for e in result.errors),
    }


def folder_prints(folder: Path) -> dict[str, Any]:
    return {p.relative_to(folder).as_posix(): file_print(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def run_one(src: Path, work: Path, video: bool) -> dict[str, Any]:
    import transform
    from transform import TransformOptions
    from transform.render import RENDERERS

    outputs = [n for n in RENDERERS.names() if video or n != "video"]
    options = TransformOptions(outputs=outputs, audio={"workers": 1})
    key = src.relative_to(ROOT).as_posix() if src.is_relative_to(ROOT) else src.as_posix()
    out_root = work / "convert" / _digest(key.encode())[:8]
    t0 = time.perf_counter()
    result = transform.convert(src, options, out_root, raises_on_error=False)
    record: dict[str, Any] = {"summary": summary(result), "files": {}, "review": {}}
    if result.output_dir:
        record["files"] = folder_prints(Path(result.output_dir))
        record["review"] = review_all(Path(result.output_dir), work / "review" / out_root.name, video)
    record["seconds"] = round(time.perf_counter() - t0, 1)
    return record


def review_all(out_dir: Path, dest: Path, video: bool) -> dict[str, Any]:
    """Approve each draft as it is and render it again through the review workflow."""
    from transform import TransformOptions
    from transform.simplify import review

    rendered: dict[str, Any] = {}
    outputs = ["text", "braille", "audio", "captions", "html", "epub", "docx"]  # video: same renderer as above
    for draft in sorted(out_dir.glob("*.draft.json")):
        doc = review.load_document(draft)
        approved, _record = review.approve(doc, APPROVER, allow_untranslated=True)
        stem = draft.name[: -len(".draft.json")].rsplit(".", 1)[0]
        target = dest / draft.name
        result = review.publish(approved, TransformOptions(outputs=outputs, audio={"workers": 1}), target, stem=stem)
        rendered[draft.name] = {"summary": summary(result), "files": folder_prints(Path(result.output_dir or target))}
    return rendered


def record_all(inputs: list[Path], video: bool, keep: Path | None) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="taysir-compare-")) if keep is None else keep
    if keep is not None:
        shutil.rmtree(keep, ignore_errors=True)
        keep.mkdir(parents=True)
    try:
        docs: dict[str, Any] = {}
        for src in inputs:
            src = src.resolve()
            key = src.relative_to(ROOT).as_posix() if src.is_relative_to(ROOT) else src.as_posix()
            print(f"{key} ...", end=" ", flush=True)
            docs[key] = run_one(src, work, video)
            print(f"{docs[key]['summary']['status']}, {len(docs[key]['files'])} files, {docs[key]['seconds']} s", flush=True)
        return json.loads(json.dumps({"video": video, "docs": docs}))  # as it reads back from a file
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def diff(a: Any, b: Any, path: str, out: list[str], info: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            sub = f"{path}/{k}"
            if k == "seconds":
                continue
            if k not in b:
                out.append(f"missing now: {sub}")
            elif k not in a:
                out.append(f"new: {sub}")
            elif k == "info_bytes":
                if a[k] != b[k]:
                    info.append(f"bytes differ (properties equal): {path}")
            else:
                diff(a[k], b[k], sub, out, info)
    elif a != b:
        out.append(f"differs: {path}\n    before: {str(a)[:300]}\n    after:  {str(b)[:300]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("record", "compare"):
        p = sub.add_parser(name)
        p.add_argument("--video", action="store_true", help="also the video output (about a minute per document)")
        p.add_argument("--inputs", nargs="*", type=Path, help="documents to convert (default: samples and the real-document corpus)")
        p.add_argument("--keep", type=Path, help="keep the converted files in this folder (emptied first)")
        if name == "record":
            p.add_argument("-o", "--out", type=Path, required=True, help="fingerprint file to write")
        else:
            p.add_argument("-b", "--baseline", type=Path, required=True, help="fingerprint file written by `record`")
            p.add_argument("--save", type=Path, help="also write this run's fingerprints here")
    args = ap.parse_args()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if args.cmd == "record":
        rec = record_all(args.inputs or default_inputs(), args.video, args.keep)
        args.out.write_text(json.dumps(rec, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        print(f"written: {args.out}")
        return 0
    base = json.loads(args.baseline.read_text(encoding="utf-8"))
    inputs = args.inputs or [ROOT / k if not Path(k).is_absolute() else Path(k) for k in base["docs"]]
    video = args.video or bool(base.get("video"))
    now = record_all(inputs, video, args.keep)
    if args.save:
        args.save.write_text(json.dumps(now, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    problems: list[str] = []
    info: list[str] = []
    for key, rec in now["docs"].items():
        before = base["docs"].get(key)
        if before is None:
            info.append(f"not in the baseline: {key}")
            continue
        diff(before, rec, key, problems, info)
    for line in info:
        print("info:", line)
    for line in problems:
        print("DIFF:", line)
    files = sum(len(d["files"]) + sum(len(r["files"]) for r in d["review"].values()) for d in now["docs"].values())
    print(f"{len(now['docs'])} documents, {files} files compared: {'identical' if not problems else f'{len(problems)} difference(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
