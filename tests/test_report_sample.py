"""A realistic BriefData for the report tests: 7 organizations of all kinds, every status, an unreachable
site, a manual override, hostile text from a site; plus the previous period for the comparison."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from crawler.models import DocumentSummary, Evidence, FetchAttempt, OrgFindings, OrgKind, RuleResult, Status
from crawler.report import BriefData, Criterion, PeriodSummary
from crawler.report.model import district_genitive, next_monitoring, period_ru, plural

SCRIPT = "<script>alert(1)</script>"
NASTY_FILE = 'Положение & приказ <новая редакция> "2025".pdf'

CRITERIA: list[Criterion] = [
    Criterion(
        id="section",
        title="Раздел «Наставничество»",
        description="Страница о наставничестве, доступная из меню",
        roadmap_items=["2.2"],
        met="страница доступна из меню, содержит документы или содержательный текст",
        partial="заглушка, доступ только по прямой ссылке или документы вне раздела",
        not_met="раздела и документов нет",
        advice="Создать раздел «Наставничество», доступный из главного меню, и разместить в нём документы.",
    ),
    Criterion(
        id="regulation",
        title="Положение о наставничестве",
        roadmap_items=["1.2", "3.1"],
        met="собственное Положение о наставничестве педагогических работников",
        partial="только Положение о наставничестве обучающихся, чужое или без утверждения",
        not_met="Положения нет",
        advice="Разместить утверждённое приказом Положение о системе наставничества педагогических работников.",
    ),
    Criterion(
        id="roadmap",
        title="Дорожная карта / программа",
        roadmap_items=["1.1"],
        met="действующая дорожная карта или программа",
        partial="срок действия истёк",
        not_met="нет",
        advice="Разместить дорожную карту (план мероприятий) на текущий период.",
    ),
    Criterion(
        id="curator",
        title="Приказ о кураторе",
        roadmap_items=["3.1"],
        met="приказ о назначении куратора",
        not_met="нет",
        advice="Разместить приказ о назначении куратора наставничества.",
    ),
    Criterion(
        id="pairs",
        title="Приказ о наставнических парах",
        roadmap_items=["1.2", "3.3"],
        met="приказ на текущий учебный год",
        partial="только приказы прошлых лет",
        not_met="нет",
        advice="Разместить приказ о закреплении наставнических пар на 2025-2026 учебный год.",
    ),
    Criterion(
        id="mentor_base",
        title="База наставников",
        roadmap_items=["3.2"],
        met="база или перечень наставников и наставляемых",
        partial="только список пар в приказе",
        not_met="нет",
        advice="Разместить базу наставников и наставляемых.",
    ),
    Criterion(
        id="pay_incentives",
        title="Стимулирование наставников",
        roadmap_items=["1.3"],
        met="положение об оплате труда с выплатами за наставничество",
        not_met="нет",
        advice="Внести изменения в Положение об оплате труда в части выплат наставникам и разместить их.",
    ),
    Criterion(
        id="practices",
        title="Практики и новости",
        roadmap_items=["4.1", "4.2"],
        met="практики или новости за текущий или прошлый учебный год",
        partial="только старые",
        not_met="нет",
        advice="Публиковать лучшие практики и новости о наставничестве.",
    ),
    Criterion(
        id="monitoring",
        title="Мониторинг и отчёты",
        roadmap_items=["6.1"],
        met="отчёт за текущий или прошлый учебный год",
        partial="только старые",
        not_met="нет",
        advice="Разместить аналитическую справку о реализации программы наставничества.",
    ),
    Criterion(
        id="freshness",
        title="Актуальность",
        roadmap_items=["2.2"],
        met="дата в текущем учебном году",
        partial="в прошлом учебном году",
        not_met="старше или без дат",
        advice="Обновлять раздел не реже одного раза в учебный год.",
    ),
]
IDS = [c.id for c in CRITERIA]
CODE = {"+": Status.met, "~": Status.partial, "-": Status.not_met, "?": Status.unknown}
T0 = datetime(2026, 5, 12, 6, 0, tzinfo=UTC)
ZONES = [("высокий", 80.0), ("средний", 50.0), ("низкий", 0.0)]


def score_of(rules: list[RuleResult]) -> float | None:
    points = [r.points for r in rules if r.points is not None]
    return round(100.0 * sum(points) / (2 * len(points)), 1) if points else None


def zone_of(score: float | None) -> str | None:
    if score is None:
        return None
    return next(name for name, minimum in ZONES if score >= minimum)


def org(
    oid: str,
    name: str,
    kind: OrgKind,
    marks: str,
    n: int,
    *,
    doc_title: str | None = None,
    manual: str | None = None,
) -> OrgFindings:
    site = f"http://127.0.0.{n}:8000/"
    section = f"{site}nastavnichestvo/"
    rules = []
    for cid, code in zip(IDS, marks, strict=True):
        status = CODE[code]
        evidence = []
        note = {
            Status.met: "найдено",
            Status.partial: "найдено с замечаниями",
            Status.not_met: "на сайте не найдено",
            Status.unknown: "",
        }[status]
        if status in (Status.met, Status.partial):
            title = doc_title if (doc_title and cid == "regulation") else f"Документ «{cid}» школы {n}"
            evidence.append(
                Evidence(
                    url=f"{section}{cid}.pdf",
                    title=title,
                    quote=f"УТВЕРЖДЕНО приказом от 01.09.2025 № {n}-од ({cid})",
                    archived=f"{n:02x}" + "a" * 62,
                    fetched_at=T0 + timedelta(minutes=n),
                )
            )
        rules.append(
            RuleResult(
                rule_id=cid,
                status=status,
                note=note,
                evidence=evidence,
                remarks=["нет отметки об электронной подписи"] if status == Status.partial else [],
                manual=cid == manual,
                override_by="методист Иванова А. П., 14.05.2026" if cid == manual else None,
            )
        )
    reachable = "?" not in marks
    score = score_of(rules) if reachable else None
    docs = [
        DocumentSummary(
            url=f"{section}regulation.pdf",
            type="regulation",
            title=doc_title or "Положение о системе наставничества педагогических работников",
            approved_on=date(2025, 9, 1),
            number=f"{n}-од",
            signed=n % 2 == 0,
            sha256=f"{n:02x}" + "b" * 62,
        ),
        DocumentSummary(url=f"{section}pairs.docx", type="pairs_order", title="О закреплении наставнических пар"),
    ]
    return OrgFindings(
        id=oid,
        name=name,
        kind=kind,
        site=site,
        reachable=reachable,
        failure_reason=None if reachable else "ошибка TLS: сертификат просрочен",
        checked_at=T0 + timedelta(minutes=n),
        attempts=[FetchAttempt(url=site, at=T0 + timedelta(minutes=n), status=200 if reachable else None)]
        + (
            []
            if reachable
            else [
                FetchAttempt(url=site, at=T0 + timedelta(hours=6), error="ошибка TLS: сертификат просрочен"),
                FetchAttempt(url=site, at=T0 + timedelta(hours=12), error="ошибка TLS: сертификат просрочен"),
            ]
        ),
        section_url=section if reachable and marks[0] != "-" else None,
        menu_path=["Педагогам", "Наставничество"] if reachable and marks[0] == "+" else [],
        documents=docs if reachable else [],
        rules=rules,
        score=score,
        zone=zone_of(score),
    )


def current_findings() -> list[OrgFindings]:
    return [
        org("sosh1", "МБОУ «Средняя школа № 1»", OrgKind.OO, "++++++++++", 1),
        org(
            "sosh14",
            f"МАОУ «СОШ № 14» {SCRIPT}",
            OrgKind.OO,
            "+++++~+-++",
            2,
            doc_title=f"{SCRIPT} {NASTY_FILE}",
            manual="pay_incentives",
        ),
        org("oosh", "МБОУ «Тонкинская основная школа»", OrgKind.OO, "~~~+~-----", 3),
        org("ds3", "МБДОУ «Детский сад № 3 «Солнышко»»", OrgKind.DOU, "+++-+~+~~+", 4),
        org("ds8", "МБДОУ «Детский сад № 8»", OrgKind.DOU, "~---------", 5),
        org("ddt", "МБУ ДО «Дом детского творчества»", OrgKind.DO, "??????????", 6),
        org("dussh", "МБУ ДО «Детско-юношеская спортивная школа»", OrgKind.DO, "+~+-+-+--~", 7),
    ]


def previous_findings() -> list[OrgFindings]:
    """January: sosh1 had no current pairs order; oosh had a full Положение; ds8 had no section;
    ddt was reachable then; dussh was not in the registry."""
    return [
        org("sosh1", "МБОУ «Средняя школа № 1»", OrgKind.OO, "++++~+++++", 1),
        org("sosh14", "МАОУ «СОШ № 14»", OrgKind.OO, "+++++~+-++", 2),
        org("oosh", "МБОУ «Тонкинская основная школа»", OrgKind.OO, "~+~+~-----", 3),
        org("ds3", "МБДОУ «Детский сад № 3 «Солнышко»»", OrgKind.DOU, "+++-+~+~~+", 4),
        org("ds8", "МБДОУ «Детский сад № 8»", OrgKind.DOU, "----------", 5),
        org("ddt", "МБУ ДО «Дом детского творчества»", OrgKind.DO, "+-+-------", 6),
    ]


def make_brief_data(with_previous: bool = True) -> BriefData:
    return BriefData(
        district="Тонкинский муниципальный округ",  # nominative, as in the registry
        period="2026-05",
        today=date(2026, 5, 15),
        generated_at=datetime(2026, 5, 15, 9, 30, tzinfo=UTC),
        crawl_started=T0,
        crawl_finished=T0 + timedelta(hours=12, minutes=5),
        issuer="Управление образования и молодёжной политики администрации Тонкинского муниципального округа",
        office="Информационно-диагностический кабинет (ИДК)",
        basis="п. 5.1 Дорожной карты по реализации целевой модели наставничества педагогических работников, "
        "утверждённой приказом от 03.02.2023 № 14",
        signatory_position="Руководитель информационно-диагностического кабинета",
        signatory_name="А. П. Иванова",
        rules_version="2026.1",
        zones=ZONES,
        criteria=CRITERIA,
        findings=current_findings(),
        previous_period="2026-01" if with_previous else None,
        previous=previous_findings() if with_previous else None,
        history=[
            PeriodSummary(period="2025-05", mean_score=38.0, share_met={"section": 40.0}),
            PeriodSummary(period="2026-01", mean_score=52.5, share_met={"section": 60.0}),
        ],
        archive_dir="archive",
        rechecks={"ds3": datetime(2026, 5, 14, 8, 0, tzinfo=UTC)},
    )


def test_sample_is_consistent() -> None:
    data = make_brief_data()
    kinds = {o.kind for o in data.findings}
    assert kinds == set(OrgKind)
    statuses = {r.status for o in data.findings for r in o.rules}
    assert statuses == set(Status)


def test_period_and_plural_helpers() -> None:
    assert period_ru("2026-01") == "январь 2026"
    assert period_ru("2026-05") == "май 2026"
    assert period_ru("2025-11") == "ноябрь 2025"
    assert district_genitive("Тонкинский муниципальный округ") == "Тонкинского муниципального округа"
    assert district_genitive("Кстовский муниципальный район") == "Кстовского муниципального района"
    assert district_genitive("Тонкинского муниципального округа") == "Тонкинского муниципального округа"
    assert next_monitoring("2026-01") == "2026-05"
    assert next_monitoring("2026-05") == "2027-01"
    assert [plural(n, "сайт", "сайта", "сайтов") for n in (1, 2, 5, 11, 21, 22, 112)] == [
        "сайт",
        "сайта",
        "сайтов",
        "сайтов",
        "сайт",
        "сайта",
        "сайтов",
    ]
