"""An ODT's title typed in the word processor's Title style, and its table of contents' title (transform/ingest/fodt.py).

pandoc reads a paragraph in the Title style as a plain paragraph: the document's title is lost from the outline. It is
the level-1 heading, the document's own headings one level under it; the contents index's title stands at the level of
the headings it lists; a paragraph in a style derived from Title (Subtitle, Author) stays a paragraph. Small ODTs made
here, read through pandoc, flat and packaged."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ._compare import load
from ._office import headings

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"')
STYLES = ('<office:styles><style:style style:name="Title" style:family="paragraph"/>'
          '<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Title"/></office:styles>')
AUTOMATIC = ('<office:automatic-styles><style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title">'
             '<style:paragraph-properties fo:text-align="center"/></style:style></office:automatic-styles>')


def _body(top: int) -> str:
    """A title (through automatic style P1), a subtitle, a contents index, two headings (the first at ``top``)."""
    return ('<office:body><office:text>'
            '<text:p text:style-name="P1">Déclaration d’accessibilité du portail</text:p>'
            '<text:p text:style-name="Subtitle">Version de novembre 2026</text:p>'
            '<text:table-of-content text:name="Sommaire"><text:index-body>'
            '<text:index-title><text:p>Table des matières</text:p></text:index-title>'
            '<text:p>État de conformité<text:tab/>3</text:p></text:index-body></text:table-of-content>'
            f'<text:h text:outline-level="{top}">État de conformité</text:h>'
            '<text:p>Le portail est partiellement conforme au référentiel.</text:p>'
            f'<text:h text:outline-level="{top + 1}">Résultats des tests</text:h>'
            '<text:p>Quarante pages ont été auditées en octobre 2026.</text:p>'
            '</office:text></office:body>')


EXPECTED = [(1, "Déclaration d'accessibilité du portail"), (2, "Table des matières"), (2, "État de conformité"),
            (3, "Résultats des tests")]


def test_flat_odt_title_style_is_the_level_one_heading(tmp_path: Path) -> None:
    """The document's headings start at level 1: they go one level down under the title."""
    path = tmp_path / "declaration.fodt"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><office:document {NS} '
                    f'office:mimetype="application/vnd.oasis.opendocument.text">{STYLES}{AUTOMATIC}{_body(1)}</office:document>',
                    encoding="utf-8")
    assert headings(load(path)) == EXPECTED


def test_odt_package_title_over_headings_that_start_at_level_two(tmp_path: Path) -> None:
    """Headings that start at level 2 (the rgaa declaration's) stay where they are; the index's title joins them."""
    path = tmp_path / "declaration.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>{AUTOMATIC}{_body(2)}'
                                   "</office:document-content>")
        zf.writestr("styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS}>{STYLES}</office:document-styles>')
        zf.writestr("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>')
    assert headings(load(path)) == EXPECTED
