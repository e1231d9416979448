"""A small builder of flat OpenDocument text (.fodt) for the reading test PDFs.

LibreOffice exports it as a word processor's PDF: real paragraph styles (justified,
first-line indent, right to left), page headers and footers with page-number fields,
sections in columns, bold runs, optional hyphens. Used by ``make_pdfs.py`` only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)


@dataclass
class Doc:
    font: str = "Noto Serif"
    size: float = 11.0
    rtl: bool = False
    lang: str = "fr"
    header: str = ""  # running header text ("{n}": the page number)
    footer: str = ""
    body: list[str] = field(default_factory=list)

    def _run(self, text: str) -> str:
        """Text with ``**bold**`` runs, ``{n}`` page-number fields and ``|`` optional hyphens."""
        out = []
        for k, part in enumerate(text.split("**")):
            part = (escape(part).replace("|", "\u00ad").replace("{n}", '<text:page-number text:select-page="current"/>')
                    .replace("{N}", "<text:page-count/>"))
            out.append(f'<text:span text:style-name="B">{part}</text:span>' if k % 2 else part)
        return "".join(out)

    def p(self, text: str, style: str = "Body") -> Doc:
        self.body.append(f'<text:p text:style-name="{style}">{self._run(text)}</text:p>')
        return self

    def columns(self, n: int, paragraphs: list[tuple[str, str]]) -> Doc:
        inner = "".join(f'<text:p text:style-name="{st}">{self._run(t)}</text:p>' for t, st in paragraphs)
        self.body.append(f'<text:section text:style-name="Cols{n}" text:name="S{len(self.body)}">{inner}</text:section>')
        return self

    def page_break(self) -> Doc:
        self.body.append('<text:p text:style-name="Break"/>')
        return self

    def xml(self) -> str:
        wm = "rl-tb" if self.rtl else "lr-tb"
        start, end = ("end", "start") if self.rtl else ("start", "end")
        def text_props(size: float, bold: bool = False) -> str:
            weight = ' fo:font-weight="bold" style:font-weight-complex="bold"' if bold else ""
            return (f'style:font-name="{self.font}" style:font-name-complex="{self.font}" fo:font-size="{size}pt" '
                    f'style:font-size-complex="{size}pt" fo:language="{self.lang}" style:language-complex="{self.lang}"{weight}')

        def pstyle(name: str, align: str, extra: str = "", size: float | None = None, bold: bool = False) -> str:
            return (f'<style:style style:name="{name}" style:family="paragraph"><style:paragraph-properties fo:text-align="{align}" '
                    f'style:writing-mode="{wm}" {extra}/><style:text-properties {text_props(size or self.size, bold)}/></style:style>')

        bold = 'fo:font-weight="bold" style:font-weight-complex="bold"'
        styles = "".join([
            pstyle("Body", "justify", 'fo:text-indent="0.8cm" fo:margin-bottom="0.15cm"'),
            pstyle("Plain", "justify", 'fo:margin-bottom="0.15cm"'),
            pstyle("Left", start, 'fo:margin-bottom="0.1cm"'),
            pstyle("Title", "center", 'fo:margin-bottom="0.4cm"', 16, True),
            pstyle("Unit", "center", 'fo:margin-top="0.3cm" fo:margin-bottom="0.15cm"', None, True),
            pstyle("Sign", end, 'fo:margin-top="0.3cm"'),
            pstyle("Furniture", "center", "", 9),
            pstyle("Break", start, 'fo:break-after="page"'),
            f'<style:style style:name="B" style:family="text"><style:text-properties {bold}/></style:style>',
            *(f'<style:style style:name="Cols{n}" style:family="section"><style:section-properties>'
              f'<style:columns fo:column-count="{n}" fo:column-gap="0.8cm"/></style:section-properties></style:style>' for n in (2, 3)),
        ])
        header = f'<style:header><text:p text:style-name="Furniture">{self._run(self.header)}</text:p></style:header>' if self.header else ""
        footer = f'<style:footer><text:p text:style-name="Furniture">{self._run(self.footer)}</text:p></style:footer>' if self.footer else ""
        hf = '<style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>' \
             '<style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style>'
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} office:version="1.3" '
            'office:mimetype="application/vnd.oasis.opendocument.text">'
            f'<office:font-face-decls><style:font-face style:name="{self.font}" svg:font-family="&apos;{self.font}&apos;"/></office:font-face-decls>'
            f"<office:styles>{styles}</office:styles>"
            '<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" '
            'fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm" '
            f'style:writing-mode="{wm}"/>{hf}</style:page-layout></office:automatic-styles>'
            f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">{header}{footer}'
            "</style:master-page></office:master-styles>"
            f'<office:body><office:text>{"".join(self.body)}</office:text></office:body></office:document>'
        )
