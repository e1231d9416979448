"""A statement's cover: the issuing state's name, identifiers after their labels and the year covered are no
headings (pdf_page_titles.cover_fields).

The compte financier unique of Cabestany prints on its cover, all in 14-pt bold but for the identifiers,
``RÉPUBLIQUE FRANÇAISE``, the commune, ``Numéro SIRET : ...`` / ``POSTE COMPTABLE : ...``, the statement's title
``Compte financier unique (M57)`` and ``ANNEE 2024``: only the title is a heading (tests/realdocs/README.md: a cover's
issuer lines are paragraphs, not the title)."""

from __future__ import annotations

from tests.ingest._realpages import block_text, outline, read_pages


def test_cover_of_a_statement_has_one_title(tmp_path) -> None:
    blocks = read_pages("cabestany-cfu-2024.pdf", [0, 6], tmp_path)
    heads = [t for _, t in outline(blocks)]
    assert "Compte financier unique (M57)" in heads
    assert not any(t.startswith(("RÉPUBLIQUE", "Numéro SIRET", "ANNEE")) for t in heads), heads
    texts = [block_text(b) for b in blocks]
    assert "RÉPUBLIQUE FRANÇAISE" in texts and "ANNEE 2024" in texts  # kept, as paragraphs
    assert any(t.startswith("Numéro SIRET : 21660028800015") for t in texts)
    levels = dict((t, lv) for lv, t in outline(blocks))
    assert levels["Compte financier unique (M57)"] == 1
    part = next(t for t in heads if t.startswith("I – INFORMATIONS"))
    assert levels[part] == 2  # the cover stays a title page: the parts one level under its title


def test_fields_and_titles_told_apart() -> None:
    from transform.ingest.pdf_page_titles import _FIELD, _PERIOD, STATES, _plain

    assert _plain("RÉPUBLIQUE  FRANÇAISE") in STATES and _plain("المملكة المغربية") in STATES
    assert _plain("République du Sénégal et de ses régions") not in STATES
    assert _FIELD.match("Numéro SIRET : 21660028800015") and _FIELD.match("POSTE COMPTABLE : 066028 SGC SAINT-ESTEVE")
    assert not _FIELD.match("Axe 2 « Appui à la généralisation du préscolaire » : 294 MDH")  # a part's title with its amount
    assert not _FIELD.match("1-2 : La restauration scolaire")
    assert _PERIOD.match("ANNEE 2024") and _PERIOD.match("Exercice 2025")
    assert not _PERIOD.match("Budget 2024") and not _PERIOD.match("Année 2024 : bilan")
