"""Narration speed: the whole audio path vs bare espeak-ng + ffmpeg on the same text, in the same run.

    .venv/bin/python bench/audio.py [--words 2000] [--repeat 3]

For Arabic and French, a document of about 2,000 words (headings, paragraphs,
amounts, dates, law numbers) is narrated by ``synthesize_track`` +
``encode_track``: speakable text, one tashkeel call, espeak-ng per sentence on
every core, exact timeline, loudness normalisation, MP3 + ID3 chapters.

The reference is what a person would type: ``espeak-ng -f text.txt -w out.wav``
then ``ffmpeg -i out.wav -c:a libmp3lame -b:a 64k out.mp3`` (one process, one
core), on the document's plain text; and the same two commands given our
prepared text (numbers in words, Arabic diacritised), which is what we really
speak. Prints seconds of audio per wall second and the time ratios. Best of
``--repeat`` runs (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from transform.audio.encode import encode_track  # noqa: E402
from transform.audio.engines import TTS_ENGINES  # noqa: E402
from transform.audio.narrate import synthesize_track  # noqa: E402
from transform.audio.options import AudioOptions  # noqa: E402
from transform.model import Document, DocumentMeta, Heading, Paragraph, Section, Sentence  # noqa: E402

FR = [
    "Le conseil régional a adopté le budget de l'exercice 2026 lors de sa session ordinaire du 15/03/2026.",
    "Les recettes prévues atteignent 2,8 milliards de dirhams, soit une hausse de 12 % par rapport à l'année précédente.",
    "Une enveloppe de 1 250 000 000 DH est consacrée aux routes rurales et au désenclavement des douars.",
    "La loi organique n° 111.14 relative aux régions fixe les compétences propres du conseil.",
    "Le programme de développement régional couvre la période 2022-2027 et compte 48 projets.",
    "M. le président a rappelé que 78 % des crédits d'investissement ont été engagés au 31/12/2025.",
    "Les écoles communautaires accueillent désormais 3 450 élèves dans 17 communes.",
    "Le transport scolaire bénéficie d'un budget de 45 MDH pour l'achat de nouveaux bus.",
    "Chaque citoyen peut consulter les documents budgétaires au siège de la région ou sur son site.",
    "Les associations peuvent déposer une pétition signée par au moins 300 personnes.",
]
AR = [
    "صادق مجلس الجهة على ميزانية سنة 2026 خلال دورته العادية المنعقدة بتاريخ 15/03/2026.",
    "تبلغ المداخيل المتوقعة 2,8 مليار درهم، أي بزيادة قدرها 12% مقارنة مع السنة الماضية.",
    "خصص مبلغ 1 250 000 000 درهم للطرق القروية وفك العزلة عن الدواوير.",
    "يحدد القانون التنظيمي رقم 111.14 المتعلق بالجهات الاختصاصات الذاتية للمجلس.",
    "يغطي برنامج التنمية الجهوية الفترة 2022-2027 ويضم 48 مشروعا.",
    "ذكر رئيس المجلس أن 78 في المائة من اعتمادات الاستثمار تم الالتزام بها إلى غاية 31/12/2025.",
    "تستقبل المدارس الجماعاتية حاليا 3 450 تلميذا في 17 جماعة.",
    "يستفيد النقل المدرسي من ميزانية قدرها 45 مليون درهم لاقتناء حافلات جديدة.",
    "يمكن لكل مواطن الاطلاع على وثائق الميزانية بمقر الجهة أو على موقعها الإلكتروني.",
    "يمكن للجمعيات تقديم عريضة موقعة من طرف ثلاثمائة شخص على الأقل.",
]
HEADINGS = {
    "fr": ["Budget", "Recettes", "Investissements", "Éducation", "Participation"],
    "ar": ["الميزانية", "المداخيل", "الاستثمار", "التعليم", "المشاركة"],
}


def make_doc(lang: str, words: int) -> Document:
    pool = FR if lang == "fr" else AR
    sections: list[Section] = []
    count, k = 0, 0
    while count < words:
        n = len(sections) + 1
        title = HEADINGS[lang][(n - 1) % len(HEADINGS[lang])]
        paras = []
        for p in range(3):
            sents = []
            for _ in range(3):
                text = pool[k % len(pool)]
                k += 1
                sents.append(Sentence(id=f"s{n}-p{p}-{len(sents)}", text=text))
                count += len(text.split())
            paras.append(Paragraph(id=f"s{n}-p{p}", sentences=sents))
        heading = Heading(id=f"s{n}-h", sentences=[Sentence(id=f"s{n}-h-1", text=title)])
        count += len(title.split())
        sections.append(Section(id=f"s{n}", heading=heading, blocks=paras))
    return Document(meta=DocumentMeta(title="Bench", lang=lang), sections=sections)


def plain(doc: Document) -> str:
    from transform.model import iter_sentences

    return "\n".join(loc.sentence.text for loc in iter_sentences(doc))


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    return time.perf_counter() - t0


def bare(text: str, voice: str, rate: int, tmp: Path, extra: list[str]) -> float:
    src = tmp / "bare.txt"
    src.write_text(text, encoding="utf-8")
    wav, mp3 = tmp / "bare.wav", tmp / "bare.mp3"
    t = timed(["espeak-ng", "-v", voice, "-s", str(rate), "-f", str(src), "-w", str(wav)])
    t += timed(["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(wav), "-c:a", "libmp3lame", "-b:a", "64k", *extra, str(mp3)])
    return t


def ours(doc: Document, lang: str, opts: AudioOptions, tmp: Path) -> tuple[float, float, dict[str, float]]:
    t0 = time.perf_counter()
    engine = TTS_ENGINES.create(opts.engine, options=opts)
    track = synthesize_track(doc, lang, opts, title="Bench", engine=engine)
    t1 = time.perf_counter()
    encode_track(track, tmp / f"ours.{lang}", opts, title="Bench")
    t2 = time.perf_counter()
    steps = dict(track.timings, encode=t2 - t1)
    return t2 - t0, track.timeline.duration_ms / 1000, steps


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    opts = AudioOptions()
    print(f"cores: {os.cpu_count()}, espeak rate {opts.rate} wpm, MP3 64 kb/s mono 22.05 kHz, LAME quality {opts.mp3_quality}")
    from transform.audio.speech import prepare

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for lang in ("ar", "fr"):
            doc = make_doc(lang, args.words)
            words = sum(len(s.text.split()) for s in iter_all(doc))
            engine = TTS_ENGINES.create("espeak", options=opts)
            items, _ = prepare(doc, lang, engine, opts)
            prepared = "\n".join(it.speak for it in items)
            runs = []
            for _ in range(args.repeat):
                wall, audio_s, steps = ours(doc, lang, opts, tmp)
                b_raw = bare(plain(doc), lang, opts.rate, tmp, [])
                b_same = bare(prepared, lang, opts.rate, tmp, ["-compression_level", str(opts.mp3_quality)])
                runs.append((wall, audio_s, steps, b_raw, b_same))
            wall, audio_s, steps, b_raw, b_same = min(runs, key=lambda r: r[0])
            b_raw, b_same = min(r[3] for r in runs), min(r[4] for r in runs)
            print(f"\n[{lang}] {words} words, {len(items)} sentences, {audio_s:.1f} s of audio")
            print(
                f"  taysir narration path : {wall:6.2f} s wall = {audio_s / wall:6.1f} x real time   steps: "
                + ", ".join(f"{k} {v:.2f}" for k, v in steps.items())
            )
            print(
                f"  bare espeak+ffmpeg    : {b_raw:6.2f} s (raw text, ffmpeg defaults)      ratio taysir/bare = {wall / b_raw:.2f}"
            )
            print(
                f"  bare, same text+codec : {b_same:6.2f} s (prepared text, LAME q{opts.mp3_quality})   ratio taysir/bare = {wall / b_same:.2f}"
            )


def iter_all(doc: Document) -> list[Sentence]:
    from transform.model import iter_sentences

    return [loc.sentence for loc in iter_sentences(doc)]


if __name__ == "__main__":
    main()
