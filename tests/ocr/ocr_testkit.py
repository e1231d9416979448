"""Test helpers: make bilingual PDFs, scan them, corrupt their text layer, read their text layer."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from transform.context import RunContext
from transform.ingest.base import TextLine
from transform.options import TransformOptions

AR_TEXT = """برنامج التنمية الجهوية لجهة الدار البيضاء سطات
يهدف هذا البرنامج إلى تحسين ظروف عيش السكان في المناطق القروية والحضرية، وذلك من خلال تعزيز البنيات التحتية الأساسية وتوفير الخدمات الاجتماعية للمواطنين.
وقد صادق مجلس الجهة على الميزانية المخصصة لهذا البرنامج خلال دورته العادية المنعقدة في شهر أكتوبر، بعد دراسة المشاريع المقترحة من طرف اللجان الدائمة.
وتشمل المشاريع المبرمجة بناء الطرق والمسالك القروية، وتزويد الدواوير بالماء الصالح للشرب والكهرباء، وإحداث مراكز صحية جديدة، وتأهيل المؤسسات التعليمية.
كما يولي البرنامج أهمية خاصة لتشغيل الشباب ودعم المقاولات الصغيرة والمتوسطة، وتشجيع الاستثمار في القطاعات المنتجة مثل الفلاحة والصناعة والسياحة.
ويتم تتبع تنفيذ هذه المشاريع من طرف لجنة مختصة تقدم تقريرا سنويا إلى المجلس، يتضمن نسبة الإنجاز والصعوبات التي تمت مواجهتها والحلول المقترحة."""

FR_TEXT = """Décision du conseil communal relative au budget de l'exercice
Le conseil communal, réuni en session ordinaire, a examiné le projet de budget présenté par le président ainsi que les observations des commissions permanentes.
Après délibération, le conseil a approuvé à la majorité des membres présents les crédits destinés à l'entretien de la voirie, à l'éclairage public et au ramassage des déchets ménagers.
Les dépenses d'investissement prévoient la construction d'une bibliothèque municipale, la rénovation du marché couvert et l'aménagement d'espaces verts dans les quartiers périphériques.
Le président est chargé de l'exécution de la présente décision, qui sera publiée au bulletin officiel de la commune et affichée au siège de la mairie."""


SAMPLES = Path(__file__).resolve().parents[2] / "samples"
AR_SAMPLE = SAMPLES / "programme-developpement-regional.pdf"
FR_SAMPLE = SAMPLES / "deliberation-conseil.pdf"
MIXED_SAMPLE = SAMPLES / "budget-citoyen-2026.pdf"


def make_ctx(tmp: Path, ocr: str = "auto") -> RunContext:
    return RunContext(options=TransformOptions(ocr=ocr), out_dir=tmp, stem="t")


def page_texts(path: Path) -> list[str]:
    """The text layer of each page as pypdfium2 extracts it (logical order): the ground truth."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def merge_pdfs(out: Path, parts: list[Path]) -> Path:
    with pikepdf.new() as pdf:
        for part in parts:
            with pikepdf.open(part) as src:
                pdf.pages.extend(src.pages)
        pdf.save(out)
    return out


def _page_html(text: str, lang: str, direction: str) -> str:
    head, *paras = text.splitlines()
    out = f'<h1 lang="{lang}" dir="{direction}" style="font-size:18pt">{head}</h1>\n'
    return out + "".join(f'<p lang="{lang}" dir="{direction}" style="font-size:12pt">{p}</p>\n' for p in paras)


def make_pdf(out: Path, pages: list[tuple[str, str]]) -> Path:
    """A text PDF made by LibreOffice from HTML: one page per (text, lang); '' makes a blank page."""
    if shutil.which("soffice") is None:
        raise RuntimeError("LibreOffice (soffice) is needed to build the test PDFs")
    parts = []
    for n, (text, lang) in enumerate(pages):
        if n:
            parts.append('<p style="page-break-before:always;font-size:2pt">&#160;</p>')
        if text:
            parts.append(_page_html(text, lang, "rtl" if lang == "ar" else "ltr"))
    return html_pdf(out, "".join(parts))


def html_pdf(out: Path, body: str) -> Path:
    """A text PDF made by LibreOffice from an HTML body."""
    if shutil.which("soffice") is None:
        raise RuntimeError("LibreOffice (soffice) is needed to build the test PDFs")
    html = ('<!doctype html><html><head><meta charset="utf-8"><style>body{font-family:"Noto Naskh Arabic","Noto Serif";}'
            "</style></head><body>" + body + "</body></html>")
    work = out.parent / f".{out.stem}_lo"
    work.mkdir(parents=True, exist_ok=True)
    src = work / f"{out.stem}.html"
    src.write_text(html, encoding="utf-8")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
         "--convert-to", "pdf:writer_web_pdf_Export", str(src), "--outdir", str(work)],
        check=True, capture_output=True, timeout=180,
    )
    (work / f"{out.stem}.pdf").replace(out)
    return out


def scan_pdf(src: Path, out: Path, dpi: int = 300, *, skew: float = 0.0, noise: bool = False, pages: list[int] | None = None) -> Path:
    """Render pages to images (optionally skewed/blurred like a scanner) and rebuild an image-only PDF."""
    pdf = pdfium.PdfDocument(str(src))
    images = []
    for i in pages if pages is not None else range(len(pdf)):
        img = pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        if skew:
            img = img.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=255)
        if noise:
            img = img.filter(ImageFilter.GaussianBlur(0.6))
        images.append(img)
    pdf.close()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out


def text_lines(path: Path) -> list[list[TextLine]]:
    """Text-layer lines with geometry (PDF points, top-left origin) - a stand-in for the PDF ingester."""
    pdf = pdfium.PdfDocument(str(path))
    pages: list[list[TextLine]] = []
    for i in range(len(pdf)):
        page = pdf[i]
        h = page.get_height()
        tp = page.get_textpage()
        lines = []
        for r in range(tp.count_rects()):
            left, bottom, right, top = tp.get_rect(r)
            text = tp.get_text_bounded(left, bottom, right, top).strip()
            if text:
                lines.append(TextLine(text, left, h - top, right, h - bottom, size=top - bottom, page=i + 1))
        pages.append(lines)
    pdf.close()
    return pages


PLACES_TEXT = """جدول الأقاليم والعمالات المعنية بالبرنامج
تيزنيت تارودانت ورزازات زاكورة الرشيدية تنغير بولمان إفران خنيفرة أزيلال ميدلت
الحسيمة شفشاون وزان تاونات جرادة فجيج بركان الناظور الدريوش طانطان السمارة بوجدور
العيون كلميم آسا الزاك سيدي إفني اشتوكة أيت باها إنزكان أيت ملول الصويرة شيشاوة الحوز
قلعة السراغنة الرحامنة اليوسفية آسفي سيدي بنور الجديدة برشيد سطات بنسليمان خريبكة"""


def permute_tounicode(src: Path, out: Path, swap: dict[str, str] | None = None) -> Path:
    """Keep the glyphs (what a reader sees) but map them to the wrong Arabic letters in ToUnicode.

    By default every Arabic letter is shifted; ``swap`` maps only the letters given.
    """
    letters = [chr(c) for c in range(0x0621, 0x064B)]
    shifted = swap or {a: b for a, b in zip(letters, letters[7:] + letters[:7], strict=True)}
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            for _name, font in (page.Resources.get("/Font") or {}).items():
                tu = font.get("/ToUnicode")
                if tu is None:
                    continue
                data = tu.read_bytes().decode("latin-1")
                new = []
                for tok in data.split("<"):
                    hexpart, sep, rest = tok.partition(">")
                    if sep and len(hexpart) == 4:
                        ch = chr(int(hexpart, 16))
                        if ch in shifted:
                            hexpart = f"{ord(shifted[ch]):04X}"
                    new.append(hexpart + sep + rest)
                tu.write("<".join(new).encode("latin-1"))
        pdf.save(out)
    return out


def png_bytes(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def remap_tounicode(src: Path, out: Path, fn, fonts: str = "") -> Path:  # type: ignore[no-untyped-def]
    """Rewrite every ToUnicode target through ``fn(char) -> char`` (the glyphs, what a reader
    sees, stay); ``fonts``: only fonts whose BaseFont name contains it."""
    done: set[int] = set()
    with pikepdf.open(src) as pdf:
        for page in pdf.pages:
            for _name, font in (page.Resources.get("/Font") or {}).items():
                tu = font.get("/ToUnicode")
                if tu is None or fonts not in str(font.get("/BaseFont", "")) or tu.objgen in done:
                    continue
                done.add(tu.objgen)
                parts = []
                for tok in tu.read_bytes().decode("latin-1").split("<"):
                    hexpart, sep, rest = tok.partition(">")
                    if sep and len(hexpart) == 4:
                        hexpart = f"{ord(fn(chr(int(hexpart, 16)))):04X}"
                    parts.append(hexpart + sep + rest)
                tu.write("<".join(parts).encode("latin-1"))
        pdf.save(out)
    return out


def photo_scan(src: Path, out: Path, page: int = 0, *, dpi: int = 150, banner: str | None = "Scanned with CamScanner",
               layer: Path | None = None) -> Path:
    """A page as a phone-scanner app makes it: a grey-paper JPEG photo of the page, the app's
    banner as text (Helvetica) and its logo as a small image at the bottom; ``layer``: a text
    PDF whose first page is laid invisibly over the photo (render mode 3, as OCR layers are)."""
    pdf = pdfium.PdfDocument(str(src))
    img = pdf[page].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    w_pt, h_pt = pdf[page].get_size()
    pdf.close()
    # grey paper (about 200), ink not quite black (about 55), a little blur, JPEG at 70
    img = img.point(lambda v: int(55 + v * (200 - 55) / 255)).filter(ImageFilter.GaussianBlur(0.5))
    photo = io.BytesIO()
    img.save(photo, "JPEG", quality=70)
    logo = Image.new("L", (60, 60), 255)
    for y in range(8, 52):
        for x in range(8, 52):
            if (x - 30) ** 2 + (y - 30) ** 2 < 400:
                logo.putpixel((x, y), 40)
    logo_buf = io.BytesIO()
    logo.save(logo_buf, "JPEG", quality=90)
    with pikepdf.new() as doc:
        doc.add_blank_page(page_size=(w_pt, h_pt))
        pg = doc.pages[0]

        def jpeg(data: bytes, size: tuple[int, int]) -> pikepdf.Stream:
            st = pikepdf.Stream(doc, data)
            st.Type, st.Subtype, st.Width, st.Height = pikepdf.Name.XObject, pikepdf.Name.Image, size[0], size[1]
            st.ColorSpace, st.BitsPerComponent, st.Filter = pikepdf.Name.DeviceGray, 8, pikepdf.Name.DCTDecode
            return st

        resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=jpeg(photo.getvalue(), img.size), Lg=jpeg(logo_buf.getvalue(), logo.size)))
        ops = [f"q {w_pt:.2f} 0 0 {h_pt:.2f} 0 0 cm /Im0 Do Q"]
        if banner:
            resources.Font = pikepdf.Dictionary(Fb=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                                      BaseFont=pikepdf.Name.Helvetica))
            ops.append(f"q 0 0 1 rg {w_pt - 40:.2f} 4 36 14 re f Q q 30 0 0 30 {w_pt - 190:.2f} 2 cm /Lg Do Q")
            ops.append(f"BT /Fb 8 Tf {w_pt - 150:.2f} 8 Td ({banner}) Tj ET")
        if layer is not None:
            with pikepdf.open(layer) as lay:
                form = doc.copy_foreign(lay.pages[0].as_form_xobject())
            resources.XObject.Tx = form
            ops.append("q 3 Tr /Tx Do Q")
        pg.Resources = resources
        pg.Contents = doc.make_stream("\n".join(ops).encode("latin-1"))
        doc.save(out)
    return out


SUBSIDIES = [("1029", "CENTRE SOCIO KALIMBA ARAGO", "F", "12 500 €"), ("1430", "TASTAVIN LEMASSON MARQUEROSE", "F", "500 €"),
             ("3632", "AMICALE ANCIENS DE TUNISIE", "F", "1 200 €"), ("3324", "ETOILE BLEUE MONTPELLIERAINE", "F", "400 €"),
             ("1530", "CLUB DE LA PRESSE OCCITANIE", "F", "20 000 €"), ("1984", "COMITE ENVIRONNEMENT URBAIN", "P", "1 500 €"),
             ("1687", "CROIX D'ARGENT AGIR AVEC ART", "P", "500 €"), ("296", "JASMIN D'ORIENT AVENTURA", "P", "700 €"),
             ("5820", "LA TEJERA LES GENETS", "F", "2 000 €"), ("121", "MAJORETTES IMPERIALES", "F", "900 €"),
             ("1233", "MALBOSC BOUGE QUARTIER", "F", "3 000 €"), ("3659", "TAEKWONDO MAC ARC CLUB", "F", "7 500 €"),
             ("1918", "ATHLETIC RUNNING MARC", "F", "2 500 €"), ("769", "BADMINTON MBC TOUR", "P", "900 €")]


def subsidies_table_html() -> str:
    """A ruled table of association names (upper case, out of any word list) and amounts, as in
    a city's subsidy deliberation."""
    cells = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>" for a, b, c, d in SUBSIDIES)
    return ('<p style="font-size:11pt">Attributions de subventions, exercice 2014</p>'
            f'<table border="1" cellpadding="6" style="border-collapse:collapse;font-size:11pt">{cells}</table>')


DECREE_AR = """مرسوم رقم 2.21.517 صادر في 5 شوال 1442 (17 ماي 2021) بتحديد مبالغ الدعم
رئيس الحكومة، بناء على القانون رقم 113.14 المتعلق بالجماعات الصادر بتنفيذه الظهير الشريف رقم 1.15.85 بتاريخ 20 رمضان 1436 (7 يوليو 2015)؛
وبعد المداولة في مجلس الحكومة المنعقد بتاريخ 17 ماي 2021، رسم ما يلي:
المادة الأولى: يحدد مبلغ الدعم المخصص لجهة بني ملال خنيفرة في 1 250 000 درهم برسم سنة 2021، ويصرف على قسطين قبل 30 يونيو 2021.
المادة الثانية: يرفع المبلغ إلى 2 970 450 درهم ابتداء من فاتح يناير 2022، أي بزيادة قدرها 12,85 في المائة.
المادة الثالثة: يسند تنفيذ هذا المرسوم إلى وزير الداخلية، وينشر بالجريدة الرسمية عدد 6987 بتاريخ 27 ماي 2021."""

DECREE_FR = """Décret n° 2-21-517 du 5 chaoual 1442 (17 mai 2021) fixant les montants du soutien
Article premier : le montant du soutien alloué à la région de Béni Mellal-Khénifra est fixé à 1 250 000 dirhams au titre de l'année 2021, versé en deux tranches avant le 30 juin 2021.
Article 2 : le montant est porté à 2 970 450 dirhams à compter du 1er janvier 2022, soit une hausse de 12,85 pour cent.
Article 3 : le ministre de l'intérieur est chargé de l'exécution du présent décret, publié au Bulletin officiel n° 6987 du 27 mai 2021."""

SWAP_DIGITS = {"1": "7", "7": "1", "0": "2", "2": "0"}  # 17 May 2021 printed, "71 ... 0207" decoded


def swap_digits(ch: str, swap: dict[str, str] | None = None) -> str:
    return (swap or SWAP_DIGITS).get(ch, ch)


def one_page(src: Path, page: int, out: Path) -> Path:
    """Page ``page`` (1-based) of a real-document PDF as a PDF of its own (skips when the corpus is absent)."""
    import pytest

    if not src.exists():
        pytest.skip("real-document corpus not present")
    with pikepdf.open(src) as pdf, pikepdf.new() as one:
        one.pages.append(pdf.pages[page - 1])
        one.save(out)
    return out


CORPUS_FILES = Path(__file__).resolve().parents[1] / "realdocs" / "files"


def band_lines(name: str, page_no: int, top: float, bottom: float) -> list[str]:
    """The lines ``ocr_page`` reads on a horizontal band (shares of the page height, from the top) of a
    scanned corpus page (``tests/realdocs/files/<name>.pdf``, page ``page_no`` from 1)."""
    import pytest

    from transform.ocr.pages import ocr_page
    from transform.ocr.render import PageImage, render_page, scan_resolution

    path = CORPUS_FILES / f"{name}.pdf"
    if not path.exists():
        pytest.skip("real-document corpus not present")
    pdf = pdfium.PdfDocument(str(path))
    try:
        res = scan_resolution(pdf[page_no - 1])
        full = render_page(pdf, page_no - 1)
    finally:
        pdf.close()
    h = full.image.height
    y0, y1 = round(h * top), round(h * bottom)
    band = PageImage(full.image.crop((0, y0, full.image.width, y1)), full.dpi, full.page, full.width_pt,
                     full.to_points(y1 - y0))
    lines, report = ocr_page(band, ["ar", "fr"], timeout=300, scanned=True, why="test", scan_dpi=res[0] if res else None)
    assert report.method == "ocr"
    return [ln.text for ln in lines]
