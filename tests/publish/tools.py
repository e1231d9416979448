"""Helpers of the publication tests: real narration (espeak-ng + ffmpeg) and the EPUB validators."""

from __future__ import annotations

import json
import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import pytest

from transform.model import Cue, Document, Timeline, iter_sentences

ROOT = Path(__file__).resolve().parents[2]
NODE_BIN = ROOT / "tests" / "node" / "node_modules" / ".bin"
VOICES = {"ar": "ar", "ary": "ar", "fr": "fr"}


# -- narration: real espeak-ng speech, real ffmpeg MP3 -----------------------------------------------


@dataclass
class Narr:
    audio: Path
    timeline: Timeline


def synthesize(track: Document, out_dir: Path, name: str) -> Narr:
    """Speak every sentence with espeak-ng, join the WAVs, encode an MP3; cue times from the sample counts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cues: list[Cue] = []
    frames_total = 0
    params = None
    joined = out_dir / f"{name}.wav"
    chunks: list[bytes] = []
    for i, loc in enumerate(iter_sentences(track)):
        wav = out_dir / f"{name}-{i}.wav"
        voice = VOICES.get(loc.lang, "fr")
        subprocess.run(["espeak-ng", "-v", voice, "-s", "240", "-w", str(wav), loc.sentence.text], check=True, timeout=60)
        with wave.open(str(wav)) as w:
            params = params or w.getparams()
            n = w.getnframes()
            chunks.append(w.readframes(n))
        rate = params.framerate
        begin = round(frames_total * 1000 / rate)
        frames_total += n
        end = round(frames_total * 1000 / rate)
        kind = "heading" if loc.role == "heading" else "sentence"
        cues.append(
            Cue(
                sentence_id=loc.sentence.id,
                text=loc.sentence.text,
                lang=loc.lang,
                begin_ms=begin,
                end_ms=end,
                kind=kind,
                section_id=loc.section.id,
            )
        )
        wav.unlink()
    assert params is not None
    with wave.open(str(joined), "wb") as w:
        w.setparams(params)
        for c in chunks:
            w.writeframes(c)
    mp3 = out_dir / f"{name}.mp3"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y", "-i", str(joined), "-ac", "1", "-b:a", "48k", str(mp3)], check=True, timeout=120
    )
    joined.unlink()
    lang = track.meta.lang
    return Narr(mp3, Timeline(lang=lang, cues=cues, duration_ms=cues[-1].end_ms if cues else 0))


# -- validators ------------------------------------------------------------------------------------


def epubcheck_jar() -> Path:
    """The jar of Debian's epubcheck (its `epubcheck` command is the bare jar and fails when run directly)."""
    listed = subprocess.run(["dpkg", "-L", "epubcheck"], capture_output=True, text=True, timeout=30).stdout.split()
    jars = [Path(p) for p in listed if p.endswith(".jar") and "/usr/share/java/" in p and "debian" not in p]
    if not jars:
        pytest.fail("epubcheck is not installed (apt-get install epubcheck)")
    return sorted(jars, key=lambda p: len(p.name))[0]


def epubcheck(path: Path, tmp: Path) -> list[dict]:  # type: ignore[type-arg]
    """EPUBCheck's messages (each with severity, ID, message, locations)."""
    report = tmp / (path.name + ".epubcheck.json")
    subprocess.run(
        ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", str(epubcheck_jar()), str(path), "--json", str(report)],
        capture_output=True,
        timeout=300,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    return list(data["messages"])


def ace(path: Path, out: Path) -> dict:  # type: ignore[type-arg]
    """Run Ace by DAISY (ace-puppeteer with Debian's Chromium); returns report.json."""
    binary = NODE_BIN / "ace-puppeteer"
    if not binary.exists():
        pytest.fail("Ace by DAISY is not installed; run npm install in tests/node (scripts/test.sh does)")
    env = {"PUPPETEER_EXECUTABLE_PATH": "/usr/bin/chromium", "PATH": "/usr/bin:/bin", "HOME": str(out)}
    proc = subprocess.run(
        [str(binary), "--silent", "--outdir", str(out), str(path)], capture_output=True, text=True, timeout=300, env=env
    )
    report = out / "report.json"
    assert report.exists(), proc.stdout + proc.stderr
    return json.loads(report.read_text(encoding="utf-8"))


def ace_violations(report: dict) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    """(impact, rule title, description) of every failed assertion."""
    out = []
    for doc in report.get("assertions", []):
        for a in doc.get("assertions", []):
            if a.get("earl:result", {}).get("earl:outcome") == "fail":
                t = a.get("earl:test", {})
                out.append((t.get("earl:impact", ""), t.get("dct:title", ""), a["earl:result"].get("dct:description", "")))
    return out


def smil_clips(epub: Path) -> dict[str, tuple[int, int]]:
    """sentence id -> (clipBegin, clipEnd) in ms, from every SMIL document of an EPUB."""
    import zipfile

    from lxml import etree

    from transform.publish.smil import parse_clock

    ns = {"smil": "http://www.w3.org/ns/SMIL"}
    out: dict[str, tuple[int, int]] = {}
    with zipfile.ZipFile(epub) as zf:
        for name in zf.namelist():
            if not name.endswith(".smil"):
                continue
            for par in etree.fromstring(zf.read(name)).xpath("//smil:par", namespaces=ns):
                frag = par.xpath("smil:text/@src", namespaces=ns)[0].split("#", 1)[1]
                a = par.xpath("smil:audio", namespaces=ns)[0]
                assert frag not in out, f"{frag} is narrated twice"
                out[frag] = (parse_clock(a.get("clipBegin")), parse_clock(a.get("clipEnd")))
    return out


def epubcheck_many(paths: list[Path], tmp: Path, workers: int = 2) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    """EPUBCheck on several books, two JVMs at a time (each run is mostly JVM start-up)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(lambda p: epubcheck(p, tmp), paths))
    return {str(p): r for p, r in zip(paths, results, strict=True)}
