"""General rules of issue #14, round 18 (fresh21 and fresh25 read), on the project's own synthetic wording."""

from __future__ import annotations

from datetime import date

from crawler.classify import analyze
from crawler.models import DocType


def test_a_decree_on_a_spaced_page_whose_text_layer_glued_the_subjects_preposition() -> None:
    # a regional site sets every line apart by a blank one and its text layer lost the spaces after «Об»
    text = (
        "Указ Губернатора Энской области от 14.03.2021 № 57\n\n"
        "Об утверждении Положения о наставничестве на государственной гражданской службе Энской области\n\n"
        "Губернатор\n\nГУБЕРНАТОРЭНСКОЙ ОБЛАСТИ\n\n \n\nУКАЗ\n\n \n\n14 марта 2021 г. № 57\n\ng. Энск\n\n \n\n"
        "Обутверждении Положения\n\nо порядке осуществления\n\nнаставничествана государственной гражданской службе\n\n"
        "Энской области\n\n \n\n"
        "В целях организации наставничества на государственной гражданской службе Энской области постановляю:\n\n"
        "1. Утвердитьприлагаемое Положение о порядке осуществлениянаставничества на государственной гражданской "
        "службе Энской области.\n"
    )
    part = analyze(text)[0]
    assert part.title.startswith("Указ «Обутверждении Положения о порядке осуществления наставничествана")
    assert part.type == DocType.external_act
    assert (part.approved_on, part.number) == (date(2021, 3, 14), "57")


def test_a_glued_subject_line_under_an_order_heading() -> None:
    text = (
        "МБОУ «СОШ № 4»\n\nПРИКАЗ\n\n12.09.2024 № 140-од\n\n"
        "Оназначении наставников молодым педагогам\n\n"
        "В целях профессиональной адаптации молодых педагогов\nПРИКАЗЫВАЮ:\n"
        "1. Назначить наставниками учителей Иванову А.А. и Петрову Б.Б.\n"
    )
    part = analyze(text)[0]
    assert part.title == "Приказ «Оназначении наставников молодым педагогам»"
    assert (part.approved_on, part.number) == (date(2024, 9, 12), "140-од")
    # a word that only starts like a glued subject is no subject: «Обработка …», «Область …»
    assert analyze("ПРИКАЗ\n\n02.02.2024 № 3\n\nОбработка персональных данных работников\n")[0].title == "Приказ"


def test_an_order_number_with_a_dotted_activity_abbreviation() -> None:
    text = (
        "Согласовано:\nОбщим собранием работников\nПротокол № 1 от 16.01.2025г\n"
        "Утверждено:\nПриказом МБДОУ детский сад № 5 «Ручеёк»\nот 16. 01.2025г. № 11 о.д\n.\n"
        "ПОЛОЖЕНИЕ\nо комиссии по контролю за организацией питания воспитанников\n"
        "1. Общие положения\n1.1. Положение определяет порядок работы комиссии.\n"
    )
    part = analyze(text)[0]
    assert (part.approved_on, part.number) == (date(2025, 1, 16), "11 о.д")
    dotted = "УТВЕРЖДЕНО\nприказом заведующего\nот 01.09.2023 № 45 О.Д.\n\nПОЛОЖЕНИЕ\nо родительском совете\n"
    assert analyze(dotted)[0].number == "45 О.Д."


def test_a_legal_databases_approval_in_parentheses_after_the_title_is_the_acts() -> None:
    text = (
        "Вы можете открыть актуальную версию документа прямо сейчас.\n"
        "Приложение N 1\n"
        "Порядок\n"
        "организации наставничества на муниципальной службе в администрации Энского района\n"
        "(утв. постановлением Администрации Энского района от 3 марта 2016 г. N 88б)\n"
        "1. Общие положения\n"
        "1. Настоящий Порядок определяет цели и задачи наставничества на муниципальной службе.\n"
    )
    part = analyze(text)[0]
    assert part.type == DocType.external_act
    assert (part.approved_on, part.number) == (date(2016, 3, 3), "88б")


def test_a_conference_papers_card_under_the_publishers_contacts_is_an_article() -> None:
    text = (
        "Телефон: 8-800-000-00-00\nWhatsApp: 8-800-000-00-00\nTelegram: publisher\n"
        "Прием заявок круглосуточно\nГрафик работы офиса: с 9.00 до 18.00\n\n"
        "Статья опубликована в рамках: XII Международной научно-практической конференции «Педагогика "
        "сегодня» (Россия, г. Энск, 5 марта 2024 г.)\n\n"
        "Наука: Педагогика\n\nСекция: Профессиональное развитие педагога\n\n"
        "Библиографическое описание:\nСидорова А.Б. НАСТАВНИЧЕСТВО В ДЕТСКОМ САДУ: ПЕРВЫЙ ГОД ВОСПИТАТЕЛЯ // "
        "Педагогика сегодня: сб. ст. – Энск, 2024. – С. 10-15.\n"
        "Проголосовать за статью\nДипломы участников\n\n"
        "НАСТАВНИЧЕСТВО В ДЕТСКОМ САДУ: ПЕРВЫЙ ГОД ВОСПИТАТЕЛЯ\n\nСидорова Анна Борисовна\n"
    )
    part = analyze(text)[0]
    assert part.type == DocType.guidelines
    assert "Прием заявок" not in part.title
    # a card of the same publisher about another topic stays outside mentoring
    other = text.replace("НАСТАВНИЧЕСТВО В ДЕТСКОМ САДУ", "ИГРА В ДЕТСКОМ САДУ")
    assert analyze(other)[0].type == DocType.other


def test_a_news_sites_subscription_prompt_is_never_the_title() -> None:
    text = (
        "Хотите получать уведомления от сайта «Новости Энска»?\n\n15 мая 2025, 18:16\n\n"
        "В Энске прошёл форум молодых педагогов и их наставников\n\n"
        "На форуме наставники школ города рассказали, как помогают молодым учителям в первый год работы.\n"
    )
    assert not analyze(text)[0].title.startswith("Хотите")


def test_a_stamp_with_the_day_written_into_a_blank() -> None:
    text = (
        "ПРИНЯТА\nрешением Педагогического совета\nпротокол от 28.08. 2024 г. № 1\n\n"
        "УТВЕРЖДЕНА\nзаведующим МБДОУ № 7\n_________ Сидорова А.А.\n\n"
        "приказ от _29___. 08.2024 г. № __64__\n\n"
        "РАБОЧАЯ ПРОГРАММА\nвоспитателя средней группы\n"
    )
    part = analyze(text)[0]
    assert (part.approved_on, part.number) == (date(2024, 8, 29), "64")


def test_an_order_word_half_eaten_by_a_seal_still_anchors_the_approval() -> None:
    # a scan's seal took «При» of «Приказ»; the council's protocol above is adoption, the order approves
    text = (
        "Принята:\nПедагогическим советом\nПротокол от «30» августа 2023г. № 1\n\n"
        "ф ум т й ЬМДДОУ № 12\n7\n.Ел ьч и ва\nказ от «31» августа 2023 г. № 161\n\n"
        "ОБРАЗОВАТЕЛЬНАЯ ПРОГРАММА\nДОШКОЛЬНОГО ОБРАЗОВАНИЯ\n"
    )
    part = analyze(text)[0]
    assert (part.approved_on, part.number) == (date(2023, 8, 31), "161")
    # «Указ от …» of a cited act is no half-eaten order word
    cited = "Положение о совете родителей\n1. Общие положения\nУказ от 12.05.2020 № 300 определяет праздники.\n"
    assert analyze(cited)[0].number is None


def test_an_order_whose_number_sign_was_lost_between_two_ots() -> None:
    text = (
        "ПРИНЯТА\nПедагогическим советом\nот 31.08.2016г. Протокол 3\nУТВЕРЖДЕНА\nЗаведующий ГБДОУ детский сад 64\n"
        "________________О.Э.Фёдорова\nПриказ от 71 от 01.09.2016 г\n\n"
        "Адаптированная образовательная программа дошкольного образования\n"
    )
    part = analyze(text)[0]
    assert (part.approved_on, part.number) == (date(2016, 9, 1), "71")


def test_a_pages_list_of_enrolment_orders_is_no_approval() -> None:
    text = (
        "Приём в детский сад ведётся весь год при наличии свободных мест, по заявлению родителей.\n"
        "1. Закрепление территорий\n2. Приказы о зачислении детей\n2017 год\n"
        "Приказы о зачислении в ДОУ 2017 г.\n2018 год\n3. Заявление на приём детей в ДОУ 01.09.2020\n"
    )
    part = analyze(text)[0]
    assert (part.approved_on, part.number) == (None, None)


def test_a_higher_bodys_order_named_after_its_requisites_is_cited() -> None:
    text = (
        "Единый порядок приёма в детские сады\n"
        "Утверждён единый порядок приёма в детские сады. Приказом от 08.04.2014 № 293 Минобрнауки России "
        "дал право саду самостоятельно определять правила приёма.\n"
    )
    part = analyze(text)[0]
    assert (part.approved_on, part.number) == (None, None)


def test_an_item_of_a_bulleted_list_of_legal_bases_is_never_the_title() -> None:
    text = (
        "Об учебном плане\n"
        "Учебный план МБДОУ «Детский сад № 3» разработан на основании нормативных документов:\n"
        "-ФЗ № 273 от 29.12.2012 г. «Об образовании в Российской Федерации»;\n"
        "-ФГОС ДО (утверждён приказом Минобрнауки России от 17 октября 2013 г. № 1155);\n"
        "-«Постановление Главного государственного санитарного врача Российской Федерации от 28.09.2020 № 28 "
        "«Об утверждении санитарных правил СП 2.4.3648-20»;\n"
    )
    part = analyze(text)[0]
    assert "Постановление" not in part.title
    assert (part.approved_on, part.number) == (None, None)


def test_the_body_of_an_appendix_over_the_cards_number_of_the_same_date() -> None:
    text = (
        "Приказ № 45 2-ОД от 12.02.2024 Об организации питания в МБДОУ детский сад «Ласточка»\n\n"
        "Приложение № 1 к приказу\n№ 45/2 -ОД от 12.02.2024 г\n\n"
        "Регламент проведения\nконтрольных мероприятий за качеством питания в МБДОУ «Ласточка»\n"
        "1. Контрольные мероприятия проводятся комиссией ежемесячно.\n"
    )
    part = analyze(text)[0]
    assert (part.approved_on, part.number) == (date(2024, 2, 12), "45/2 -ОД")
    # with no requisites of its own below, the card's stay
    card_only = (
        "Приказ № 45 от 12.02.2024 Об организации питания\n\n"
        "Регламент проведения\nконтрольных мероприятий за качеством питания\n1. Контроль проводится ежемесячно.\n"
    )
    assert analyze(card_only)[0].number == "45"


def test_a_forms_number_alone_on_the_line_above_the_date() -> None:
    text = (
        "УТВЕРЖДЕНО\nПриказом\n\nКГБ ПОУ ЭКТ\n\n01-05/7\n\n14.10.2015 г.\n\n\n"
        "Инструкция по организации итоговой аттестации выпускников\n1. Общие положения\n"
    )
    part = analyze(text)[0]
    assert (part.approved_on, part.number) == (date(2015, 10, 14), "01-05/7")
    # a page's number or a year alone on the line is no order's number
    paged = "УТВЕРЖДЕНО\nПриказом директора\n\n2\n\n14.10.2015 г.\n\nИнструкция по охране труда\n1. Общие положения\n"
    assert analyze(paged)[0].number is None


def test_an_act_linked_from_a_pages_prose_gives_the_page_no_approval() -> None:
    text = (
        "Отдых и оздоровление\nМеста детского отдыха\n"
        "Детский сад не имеет мест для организации детского отдыха за пределами своей территории. Категории "
        "детей, имеющих право на бесплатный отдых, определяет администрация района.\n"
        "Постановление от 14.11.2023 № 1375 «Об утверждении Положения об организации отдыха детей в каникулярное "
        "время»\nhttps://raion.example.ru/dokumenty/1375.html\n"
    )
    part = analyze(text)[0]
    assert (part.approved_on, part.number) == (None, None)
    # the act's own heading on a legal database's page keeps its requisites
    own = (
        "Постановление администрации района от 07.04.2023 N 194 «Об утверждении Положения об оплате труда "
        "работников учреждений дополнительного образования района, подведомственных комитету по культуре»\n\n\n"
        "АДМИНИСТРАЦИЯ ЭНСКОГО РАЙОНА\n\nПОСТАНОВЛЕНИЕ\nот 7 апреля 2023 г. № 194\n\n"
        "ОБ УТВЕРЖДЕНИИ ПОЛОЖЕНИЯ ОБ ОПЛАТЕ ТРУДА РАБОТНИКОВ\nУЧРЕЖДЕНИЙ ДОПОЛНИТЕЛЬНОГО ОБРАЗОВАНИЯ\n"
    )
    part = analyze(own)[0]
    assert (part.approved_on, part.number) == (date(2023, 4, 7), "194")


def test_a_sentence_citing_a_model_regulation_approved_by_a_ministry_gives_no_approval() -> None:
    text = (
        "Совет профилактики в школе — общественный орган образовательной организации, который выявляет и устраняет "
        "причины безнадзорности и правонарушений несовершеннолетних вместе с индивидуальной профилактической "
        "работой с детьми и семьями. Совет создаётся в школе в целях организации работы по предупреждению "
        "правонарушений, безнадзорности и антиобщественных действий обучающихся, осуществляемой вместе с "
        "индивидуальной профилактической работой с детьми и семьями, находящимися в социально опасном положении "
        "(п. 1.2 и ст. 2 Типового положения о Совете профилактики правонарушений в общеобразовательной "
        "организации, утв. Приказом "
        "Министерства образования Энской области от 30.07.2020 N 676-д).\n"
        "Состав совета профилактики формируется директором школы и утверждается приказом. Совет состоит из "
        "председателя, заместителя председателя, секретаря и членов совета (не менее пяти человек).\n"
    )
    part = analyze(text)[0]
    assert (part.approved_on, part.number) == (None, None)
    # a stamp «УТВЕРЖДЕН приказом Министерства …» over a re-published act is still that act's
    stamp = (
        "УТВЕРЖДЕН\nприказом Министерства образования Энской области\nот 30.07.2020 N 676-д\n\n"
        "ТИПОВОЕ ПОЛОЖЕНИЕ\nо Совете профилактики в образовательной организации\n1. Общие положения\n"
    )
    part = analyze(stamp)[0]
    assert (part.approved_on, part.number) == (date(2020, 7, 30), "676-д")


def test_a_colleges_own_document_under_its_founding_ministry_is_its_own() -> None:
    curators = (
        "Министерство образования и науки Энской области\n\nГБПОУ «Энский колледж сервиса»\n\n"
        "Методические рекомендации\n\nпо организации работы куратора учебной группы\n\n"
        "Разработчики:\n\nИванова Т.М., зам. директора по УВР ГБПОУ «ЭКС»\n\nг. Энск,\n\n2021\n\n"
        "Содержание\n\n1. Введение\n\n2. Функции куратора учебной группы\n"
    )
    assert analyze(curators)[0].type == DocType.other
    mentoring = (
        "Министерство образования и науки Энской области\n\nГБПОУ «Энский колледж сервиса»\n\n"
        "Положение о наставничестве педагогических работников\n\n1. Общие положения\n"
        "1.1. Положение определяет порядок наставничества: наставник помогает молодому преподавателю, "
        "наставляемый выполняет персонализированную программу наставничества.\n"
    )
    assert analyze(mentoring)[0].type == DocType.regulation
