"""A published document's files as citizens look for them: grouped by need, each file once.

Groups, in the order of the public page: listen (MP3), read in braille (BRF, PEF, Unicode braille),
watch (the video with switchable captions, the video with a sign-language interpreter when staff
uploaded one, the caption files), read on screen (accessible web page, simplified texts, plain text,
EPUB, Word), then download everything (the bundle). Files for software (timelines, indexes, JSON)
are published for the API but not listed here; staff artefacts are never published at all
(``service.publishing.STAFF_ONLY``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import quote

from ..publishing import published_files
from ..store import DocumentRow
from ..views import StoredArtifact

# the page's groups, in order, and the kinds each one holds (in order)
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("listen", ("mp3",)),
    ("braille", ("brf", "pef", "brl")),
    ("watch", ("signed", "mp4", "vtt", "srt")),
    ("read", ("html", "darija", "easy", "text", "epub", "docx", "pdf")),
)
KIND_GROUP = {kind: group for group, kinds in GROUPS for kind in kinds}
KIND_ORDER = [kind for _group, kinds in GROUPS for kind in kinds]
# files that open in the browser rather than download
OPEN_IN_BROWSER = ("html",)


def kind_of(a: StoredArtifact) -> str:
    """What a published file is for a citizen; ``other`` for files meant for software."""
    name = a.name.lower()
    ext = PurePosixPath(name).suffix.lstrip(".")
    if ext == "mp4":
        return "signed" if name.endswith(".signed.mp4") or a.role == "sign-language" else "mp4"
    if ext == "txt":
        if a.role == "darija" or a.lang == "ary":
            return "darija"
        return "easy" if a.role == "easy-french" or (a.lang or "").startswith("fr-x-falc") else "text"
    if ext in ("htm", "html", "xhtml"):
        return "html"
    if ext in ("mp3", "brf", "pef", "brl", "vtt", "srt", "epub", "docx", "pdf"):
        return ext
    return "other"


@dataclass
class PublicFile:
    name: str
    kind: str
    lang: str | None
    size: int
    url: str
    media_type: str
    path: str  # relative to the data directory (the published snapshot)

    @property
    def opens(self) -> bool:
        return self.kind in OPEN_IN_BROWSER


@dataclass
class FormatGroup:
    """One format inside a group: described once, one file per language."""

    kind: str
    files: list[PublicFile]


@dataclass
class NeedGroup:
    need: str  # listen | braille | watch | read
    formats: list[FormatGroup]

    @property
    def files(self) -> list[PublicFile]:
        return [f for fmt in self.formats for f in fmt.files]


@dataclass
class Player:
    lang: str | None
    src: PublicFile
    track: PublicFile | None = None  # the WebVTT captions shown by the player (none for burned-in captions)


@dataclass
class PublicDoc:
    id: str
    title: str
    summary: str
    tags: list[str]
    format: str  # the original document's format (pdf, docx...)
    stem: str
    published_at: float | None
    languages: list[str]
    groups: list[NeedGroup]
    audio: list[Player] = field(default_factory=list)
    video: list[Player] = field(default_factory=list)  # captions from the WebVTT track (one layer)
    signed: list[Player] = field(default_factory=list)  # sign-language interpreter, captions in the picture

    @property
    def files(self) -> list[PublicFile]:
        return [f for g in self.groups for f in g.files]

    @property
    def needs(self) -> list[str]:
        return [g.need for g in self.groups]

    @property
    def players(self) -> dict[str, Player]:
        """The player of each audio or video file, by file name."""
        return {p.src.name: p for p in (*self.audio, *self.video, *self.signed)}


def _lang_key(interface: str) -> object:
    order = {interface: 0, "ary": 1}
    return lambda lang: (order.get((lang or "").split("-")[0], 2), lang or "")


def citizen_files(doc: DocumentRow) -> list[PublicFile]:
    """The published files a citizen is offered (page and bundle), in page order."""
    out = []
    for a in published_files(doc):
        kind = kind_of(a)
        if kind == "other":
            continue
        out.append(PublicFile(a.name, kind, a.lang, a.size, f"/v1/catalogue/{doc.id}/files/{quote(a.name)}", a.media_type, a.path))
    return out


def public_doc(doc: DocumentRow, interface: str = "ar") -> PublicDoc:
    import json

    files = citizen_files(doc)
    key = _lang_key(interface)
    groups = []
    for need, kinds in GROUPS:
        formats = []
        for kind in kinds:
            these = sorted((f for f in files if f.kind == kind), key=lambda f: key(f.lang))  # type: ignore[operator]
            if these:
                formats.append(FormatGroup(kind, these))
        if formats:
            groups.append(NeedGroup(need, formats))
    vtts = {f.lang: f for f in files if f.kind == "vtt"}
    by_kind = {g.kind: g.files for grp in groups for g in grp.formats}
    tags = json.loads(getattr(doc, "tags_json", None) or "[]")
    return PublicDoc(
        id=doc.id, title=doc.title or PurePosixPath(doc.filename).stem, summary=getattr(doc, "summary", None) or "",
        tags=[str(t) for t in tags], format=doc.format, stem=doc.stem, published_at=doc.published_at,
        languages=sorted({f.lang for f in files if f.lang}, key=key),  # type: ignore[arg-type]
        groups=groups,
        audio=[Player(f.lang, f, vtts.get(f.lang)) for f in by_kind.get("mp3", [])],
        video=[Player(f.lang, f, vtts.get(f.lang)) for f in by_kind.get("mp4", [])],
        signed=[Player(f.lang, f, None) for f in by_kind.get("signed", [])],
    )
