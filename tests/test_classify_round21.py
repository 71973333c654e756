"""General rules of issue #14, round 21: the council's protocol written inside the head's «УТВЕРЖДАЮ» block, on the
project's own wording."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze
from crawler.models import DocType

BODY = (
    "Положение о системе наставничества педагогических работников\n"
    "1. Общие положения\n"
    "1.1. Настоящее Положение определяет цели, задачи и порядок наставничества педагогических работников.\n"
    "1.2. Наставник назначается приказом директора из числа опытных педагогов.\n"
)


def test_the_councils_protocol_inside_the_heads_block_is_the_approval() -> None:
    # the council named in full after «Протокол», on the block's own line or on the next lines
    for block in (
        "«УТВЕРЖДАЮ» Директор МБОУ «СОШ № 9» ____________ И.П. Котова Протокол педагогического совета № 1 от "
        "28.08.2025г.\n",
        "«УТВЕРЖДАЮ»\nДиректор МБОУ «СОШ № 9»\n____________ И.П. Котова\n"
        "Протокол педагогического совета № 1 от 28.08.2025г.\n",
    ):
        [part] = analyze(block + BODY)
        assert part.type == DocType.regulation
        assert (part.approved_on, part.number) == (date(2025, 8, 28), "1")


def test_a_protocol_of_the_other_column_is_no_approval() -> None:
    # a two-column stamp read line by line: the protocol under «ПРИНЯТО | УТВЕРЖДАЮ» is the council's adoption, and
    # the head's block has no date of its own — nothing is certain
    stamp = (
        "ПРИНЯТО УТВЕРЖДАЮ\n"
        "Протокол педагогического совета Заведующий МБДОУ № 21\n"
        "№ 4 от 30.05.2025г. _____________ /Е.С. Белова/\n"
    )
    [part] = analyze(stamp + BODY)
    assert part.type == DocType.regulation
    assert (part.approved_on, part.number) == (None, None)
