"""The lines a table's total may sum, added up from prefix sums (issue 17, ``transform/ingest/table_totals.py``):
the four counts each range is tried with are those of the lines it names, short or long, before and after other
totals were found to sum lines; the lower-case test of a table's words never skips a pattern that would match;
a long trial balance's wrong cell is still caught at the right cells."""

from __future__ import annotations

import random
import re
from decimal import Decimal

from transform.ingest.amount_forms import Amount
from transform.ingest.table_sums import check_rows
from transform.ingest.table_totals import _HINT, _SHORT, _hints, _Ranges


def _brute(units: list[int | None], line: list[object], lines: list[int]) -> tuple[int, int, int, int]:
    amounts = [units[i] for i in lines if units[i] is not None]
    words = sum(1 for i in lines if units[i] is None and (line[i] is None or line[i] == "percent"))
    return len(lines), len(amounts), words, sum(a for a in amounts if a is not None)


def test_each_range_is_tried_with_the_counts_of_the_lines_it_names() -> None:
    rnd = random.Random(17)
    checked = {"list": 0, "span": 0}
    for n in (8, 3 * _SHORT, 200):  # runs short (listed) and long (prefix sums)
        for _trial in range(6):
            line: list[object] = [rnd.choice([Amount(Decimal(0), 0), "blank", None, "percent"]) if rnd.random() < 0.15 else Amount(Decimal(0), 0)
                                  for _ in range(n)]
            units = [rnd.randint(-50, 900) if isinstance(v, Amount) else None for v in line]
            totals = sorted(rnd.sample(range(2, n), max(2, n // 9)))
            names = ["Sous-total" if i in totals and rnd.random() < 0.6 else "Total" if i in totals else "ligne" for i in range(n)]
            kin = [""] * n
            excluded = set(rnd.sample(range(n), n // 10)) - set(totals)
            ranges = _Ranges(totals, names, kin, excluded, n)
            col = ranges.column(0, units, line)  # type: ignore[arg-type]
            for t in totals:
                got = list(ranges.of(t, col))
                for counts, spec, _may in got:
                    assert counts == _brute(units, line, col.lines(spec)), (n, t, spec)
                    checked["list" if isinstance(spec, list) else "span"] += 1
                    for i in col.lines(spec):
                        assert i < t and (i not in excluded or i in ranges.is_total)
                counts, spec, _may = got[rnd.randrange(len(got))]
                ranges.cover(t, 0, col.lines(spec))  # as a total found to sum them: later totals leave them out
    assert checked["span"] > 50 and checked["list"] > 50, checked


def test_the_words_test_never_skips_a_pattern_that_matches() -> None:
    cells = ["TOTAL GÉNÉRAL", "Sous-total", "ſous-total", "dont :", "DONT", "RATİO 2025", "Taux", "ANNÉE", "N° de compte",
             "Part", "PARTS", "المجموع", "منها", "نسبة الإنجاز", "Ensemble", "Libellé", "Montant", "Code"]
    for k in range(1, 4):
        for group in zip(*[cells[i::k] for i in range(k)], strict=False):
            words = "\n".join(group)
            for rx in _HINT:
                if any(rx.search(c) for c in group):
                    assert rx in _hints(words), (group, rx.pattern)
    assert not _hints("Libellé\nMontant\n1 250,00")
    head = [["Commune", "RATİO 2025", "RATİO 2026"], ["Nord", "12,40", "12,90"], ["Sud", "10,15", "10,15"],
            ["Total", "41,30", "11,50"]]  # a rate's header (İ: matched by regex's case folding only) is not summed
    assert not check_rows(head, header=[True, False, False, False])
    assert re.search(r"(?i)ratio", "RATİO")


def _amount(x: int) -> str:
    return f"{x:,}".replace(",", " ") + ",00"


def test_a_long_trial_balance_with_sub_totals_is_checked_at_the_right_cells() -> None:
    rows = [["Compte", "Libellé", "Débit", "Crédit"]]
    grand = [0, 0]
    for a in range(60):
        code, sums = str(6000 + a), [0, 0]
        for k in range(4):
            d, c = 100 * (a + 1) + 7 * k, 50 * (k + 1) + a
            sums = [sums[0] + d, sums[1] + c]
            rows.append([f"{code}{k + 1}", f"Compte {code}{k + 1}", _amount(d), _amount(c)])
        rows.append(["", f"Sous total compte {code}", _amount(sums[0]), _amount(sums[1])])
        grand = [grand[0] + sums[0], grand[1] + sums[1]]
    rows.append(["", "TOTAL GÉNÉRAL", _amount(grand[0]), _amount(grand[1])])
    header = [True] + [False] * (len(rows) - 1)
    assert not check_rows(rows, header=header)
    wrong = [list(r) for r in rows]
    wrong[153][3] = "9" + wrong[153][3]  # account 6030's third line, credit: a digit too many
    found = check_rows(wrong, header=header)
    assert [(f.total, f.summed, f.printed) for f in found] == [((155, 3), [(151, 3), (152, 3), (153, 3), (154, 3)], "620,00")]
    assert found[0].note == "the column does not add up: total printed 620,00, cells add up to 9 620,00"
