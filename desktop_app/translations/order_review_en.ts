<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AutoMapping</name>
    <message>
        <location filename="../wording/auto_mapping.py" line="10"/>
        <source>Покупатели узнаны автоматически: {by_mapping} по прежним связям, {by_requisites} по ИНН и КПП; к отправке в 1С без подтверждения: {queued}.</source>
        <translation>Buyers recognised automatically: {by_mapping} by earlier links, {by_requisites} by INN and KPP; to be written to 1C without confirmation: {queued}.</translation>
    </message>
</context>
<context>
    <name>BatchConfirm</name>
    <message>
        <location filename="../ui/batch_confirm.py" line="39"/>
        <source>1С больше не предлагает этого контрагента покупателю</source>
        <translation>1C no longer offers this counterparty for the buyer</translation>
    </message>
    <message>
        <location filename="../ui/batch_confirm.py" line="41"/>
        <source>контрагент, которого нет в копии справочника 1С</source>
        <translation>a counterparty that is not in the 1C directory copy</translation>
    </message>
    <message>
        <location filename="../ui/batch_confirm.py" line="44"/>
        <source>№ {0} · {1} → {2}: {3}</source>
        <translation>No. {0} · {1} → {2}: {3}</translation>
    </message>
    <message>
        <location filename="../ui/batch_confirm.py" line="57"/>
        <source>Подтвердить автоматические связи</source>
        <translation>Confirm automatic links</translation>
    </message>
    <message>
        <location filename="../ui/batch_confirm.py" line="60"/>
        <source>Подтвердить автоматические связи заказов ({0})?</source>
        <translation>Confirm automatic links of orders ({0})?</translation>
    </message>
    <message>
        <location filename="../ui/batch_confirm.py" line="72"/>
        <source>Подтвердить ({0})</source>
        <translation>Confirm ({0})</translation>
    </message>
    <message>
        <location filename="../ui/batch_confirm.py" line="103"/>
        <source>Подтвердить выбранные автоматические связи</source>
        <translation>Confirm selected automatic links</translation>
    </message>
    <message>
        <location filename="../ui/batch_confirm.py" line="108"/>
        <source>Подтвердить автоматические связи выбранных в очереди заказов, просмотрев причину каждой ({0})</source>
        <translation>Confirm automatic links of the orders selected in the queue, after reviewing the reason for each ({0})</translation>
    </message>
    <message>
        <location filename="../ui/batch_confirm.py" line="135"/>
        <source>Среди выбранных заказов нет автоматических связей, ждущих подтверждения.</source>
        <translation>None of the selected orders has an automatic link waiting for confirmation.</translation>
    </message>
    <message>
        <location filename="../ui/batch_confirm.py" line="155"/>
        <source>Подтверждение связей</source>
        <translation>Link confirmation</translation>
    </message>
</context>
<context>
    <name>CandidateTree</name>
    <message>
        <location filename="../ui/candidate_tree.py" line="36"/>
        <source>Контрагент, почему в списке</source>
        <translation>Counterparty, why listed</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="37"/>
        <source>ИНН, КПП</source>
        <translation>INN, KPP</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="38"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="56"/>
        <source>наименование, ИНН другой</source>
        <translation>name, different INN</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="58"/>
        <source>наименование</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="62"/>
        <source>связь подтверждена</source>
        <translation>link confirmed</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="63"/>
        <source>ИНН и КПП</source>
        <translation>INN and KPP</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="64"/>
        <source>связь не подтверждена</source>
        <translation>link not confirmed</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="67"/>
        <source>другой КПП</source>
        <translation>different KPP</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="68"/>
        <source>тот же ИНН</source>
        <translation>same INN</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="69"/>
        <source>не кандидат</source>
        <translation>not a candidate</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="71"/>
        <source>, удалён</source>
        <translation>, deleted</translation>
    </message>
    <message>
        <location filename="../ui/candidate_tree.py" line="144"/>
        <source>Сходство наименований, от 0 до 100</source>
        <translation>Name similarity, from 0 to 100</translation>
    </message>
</context>
<context>
    <name>Candidates</name>
    <message>
        <location filename="../wording/candidates.py" line="14"/>
        <source>Эту организацию (её ИНН и КПП) уже сопоставляли с этим контрагентом (подтверждено).</source>
        <translation>This company (its INN and KPP) was matched with this counterparty before (confirmed).</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="18"/>
        <source>Связь перенесена из прежней версии, где связи хранились по пользователю портала, а он заказывал от имени нескольких организаций: сама она не применяется. Подтвердите её («Связать»), если это та же организация.</source>
        <translation>The link was carried over from an earlier version, which kept links per portal user, and this user ordered on behalf of several companies: it is not applied by itself. Confirm it (“Link”) if it is the same company.</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="24"/>
        <source>Совпадают ИНН {inn} и КПП {kpp}.</source>
        <translation>The INN {inn} and the KPP {kpp} match.</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="25"/>
        <source>Тот же ИНН {inn}, другой КПП (в 1С {onec_kpp}, в заказе {kpp}): в 1С это другое обособленное подразделение той же организации.</source>
        <translation>The same INN {inn}, another KPP (in 1C {onec_kpp}, in the order {kpp}): in 1C this is another branch of the same company.</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="30"/>
        <source>Тот же ИНН {inn}, другой КПП (в 1С {onec_kpp}, в заказе {kpp}): та же организация — если КПП в заказе новый, заказ от её филиала, которого в 1С ещё нет.</source>
        <translation>The same INN {inn}, another KPP (in 1C {onec_kpp}, in the order {kpp}): the same company; if the order&apos;s KPP is new, the order comes from a branch that 1C does not have yet.</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="35"/>
        <source>не указан</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="36"/>
        <source>Совпадает ИНН {inn} (у ИП и физического лица КПП нет).</source>
        <translation>The INN {inn} matches (a sole trader or a private person has no KPP).</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="39"/>
        <source>Совпадает ИНН {inn}; КПП в заказе не указан, сравнить его нельзя.</source>
        <translation>The INN {inn} matches; the order gives no KPP, so it cannot be compared.</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="42"/>
        <source>Наименование совпадает (без учёта кавычек, формы собственности, регистра, ё/е)</source>
        <translation>The name matches (ignoring quotes, legal form, case, and the letters yo/e)</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="46"/>
        <source>Совпадает полное наименование (без учёта кавычек, формы собственности, регистра, ё/е)</source>
        <translation>The full name matches (ignoring quotes, legal form, case, and the letters yo/e)</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="50"/>
        <source>Похожее наименование (сходство {score} %)</source>
        <translation>A similar name ({score} % alike)</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="53"/>
        <source>{match}; ИНН в 1С не указан.</source>
        <translation>{match}; 1C has no INN for it.</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="54"/>
        <source>{match}, но ИНН другой: в 1С {inn}.</source>
        <translation>{match}, but the INN differs: in 1C it is {inn}.</translation>
    </message>
    <message>
        <location filename="../wording/candidates.py" line="57"/>
        <source>{match}.</source>
        <translation>{match}.</translation>
    </message>
</context>
<context>
    <name>CardEditors</name>
    <message>
        <location filename="../ui/card_editors.py" line="104"/>
        <source>как на портале</source>
        <translation>as on the portal</translation>
    </message>
    <message>
        <location filename="../ui/card_editors.py" line="111"/>
        <source>Из реестра (ЕГРЮЛ/ЕГРИП); на портале: «{0}»</source>
        <translation>From the state registry (EGRUL/EGRIP); on the portal: &quot;{0}&quot;</translation>
    </message>
    <message>
        <location filename="../ui/card_editors.py" line="115"/>
        <source>Из реестра (ЕГРЮЛ/ЕГРИП); портал не прислал</source>
        <translation>From the state registry (EGRUL/EGRIP); the portal sent none</translation>
    </message>
    <message>
        <location filename="../ui/card_editors.py" line="117"/>
        <source>Вернуть значение портала</source>
        <translation>Put the portal&apos;s value back</translation>
    </message>
</context>
<context>
    <name>CardFields</name>
    <message>
        <location filename="../wording/card_fields.py" line="53"/>
        <source>Юридическое лицо</source>
        <translation>Legal entity</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="54"/>
        <source>Индивидуальный предприниматель</source>
        <translation>Sole proprietor</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="55"/>
        <source>Физическое лицо</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="56"/>
        <source>Вид не определён</source>
        <translation>Type unknown</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="19"/>
        <source>Вид</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="20"/>
        <source>Вид (юр./физ. лицо)</source>
        <translation>Kind (company / person)</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="21"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="22"/>
        <source>Официальное наименование</source>
        <translation>Official name</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="23"/>
        <source>Полное наименование</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="24"/>
        <source>ФИО</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="25"/>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="26"/>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="28"/>
        <source>ОКПО</source>
        <translation>OKPO</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="29"/>
        <source>ОКВЭД</source>
        <translation>OKVED</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="30"/>
        <source>Юридический адрес</source>
        <translation>Legal address</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="31"/>
        <source>Адрес регистрации</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="32"/>
        <source>Адрес</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="33"/>
        <source>Фактический адрес</source>
        <translation>Actual address</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="34"/>
        <source>Расчётный счёт</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="35"/>
        <source>Банк</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="36"/>
        <source>БИК</source>
        <translation>BIC</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="37"/>
        <source>Корр. счёт</source>
        <translation>Corr. account</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="38"/>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="39"/>
        <source>Эл. почта</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="40"/>
        <source>Представитель</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="41"/>
        <source>Ид на портале</source>
        <translation>Portal ID</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="46"/>
        <source>Покупатель</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="57"/>
        <source>Юридическое лицо (нерезидент)</source>
        <translation>Company (non-resident)</translation>
    </message>
    <message>
        <location filename="../ui/card_fields.py" line="101"/>
        <location filename="../ui/card_fields.py" line="124"/>
        <source>да</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="27"/>
        <source>ОГРН / ОГРНИП</source>
        <translation>OGRN / OGRNIP</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="42"/>
        <source>Обособленное подразделение</source>
        <translation>Branch</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="43"/>
        <source>Головной контрагент</source>
        <translation>Head counterparty</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="44"/>
        <source>Партнёр</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../wording/card_fields.py" line="45"/>
        <source>Пометка удаления</source>
        <translation>Marked for deletion</translation>
    </message>
</context>
<context>
    <name>CardPanel</name>
    <message>
        <location filename="../ui/card_panel.py" line="70"/>
        <source>Создать контрагента в 1С</source>
        <translation>Create counterparty in 1C</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="108"/>
        <location filename="../ui/card_panel.py" line="320"/>
        <source>Создать в 1С</source>
        <translation>Create in 1C</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="110"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="118"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="119"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="123"/>
        <source>Партнёр в 1С</source>
        <translation>Partner in 1C</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="137"/>
        <source>Расчётный счёт, как его прислал портал. В 1С он пока не записывается: добавьте его в карточке контрагента в 1С (банковские счета контрагента).</source>
        <translation>Bank account as sent by the portal. It is not written to 1C yet: add it on the counterparty card in 1C (counterparty bank accounts).</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="188"/>
        <source>Руководитель по реестру (ЕГРЮЛ): {0}</source>
        <translation>Head according to the registry (EGRUL): {0}</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="208"/>
        <source>партнёр головной организации «{0}»</source>
        <translation>partner of the head organization &quot;{0}&quot;</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="213"/>
        <source>новый партнёр с тем же наименованием</source>
        <translation>new partner with the same name</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="214"/>
        <source>В 1С уже есть «{0}» с этим ИНН (КПП {1}): новый контрагент будет записан как его обособленное подразделение.</source>
        <translation>1C already has &quot;{0}&quot; with this INN (KPP {1}): the new counterparty will be written as its separate branch.</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="301"/>
        <source>Исправьте поля, отмеченные красным: с ними 1С не записать.</source>
        <translation>Fix the fields marked in red: 1C cannot be written with them.</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="312"/>
        <source>Проверьте перед созданием контрагента в 1С:</source>
        <translation>Check before creating the counterparty in 1C:</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="316"/>
        <source>Создать в 1С?</source>
        <translation>Create in 1C?</translation>
    </message>
    <message>
        <location filename="../ui/card_panel.py" line="323"/>
        <source>Вернуться к карточке</source>
        <translation>Back to the card</translation>
    </message>
</context>
<context>
    <name>CardProblems</name>
    <message>
        <location filename="../wording/card_problems.py" line="21"/>
        <source>Нет поля «{field}» в карточке контрагента. Есть: {known}.</source>
        <translation>The counterparty card has no field “{field}”. It has: {known}.</translation>
    </message>
    <message>
        <location filename="../wording/card_problems.py" line="24"/>
        <source>«{value}» не подходит для поля inn: нужен ИНН: 10 цифр у организации, 12 у ИП и физлица, с верным контрольным числом.</source>
        <translation>“{value}” does not fit the field inn: an INN is needed: 10 digits for a company, 12 for a sole trader or a person, with a correct check digit.</translation>
    </message>
    <message>
        <location filename="../wording/card_problems.py" line="29"/>
        <source>«{value}» не подходит для поля kpp: нужен КПП: 9 знаков (4 цифры, 2 цифры или латинские заглавные буквы, 3 цифры).</source>
        <translation>“{value}” does not fit the field kpp: a KPP is needed: 9 characters (4 digits, 2 digits or Latin capital letters, 3 digits).</translation>
    </message>
    <message>
        <location filename="../wording/card_problems.py" line="34"/>
        <source>«{value}» не подходит для поля ogrn: нужен ОГРН (13 цифр) или ОГРНИП (15 цифр) с верным контрольным числом.</source>
        <translation>“{value}” does not fit the field ogrn: an OGRN (13 digits) or OGRNIP (15 digits) with a correct check digit is needed.</translation>
    </message>
    <message>
        <location filename="../wording/card_problems.py" line="39"/>
        <source>«{value}» не подходит для поля head_key: нужен ключ головного контрагента в 1С (GUID).</source>
        <translation>“{value}” does not fit the field head_key: the 1C key of the head counterparty (a GUID) is needed.</translation>
    </message>
    <message>
        <location filename="../wording/card_problems.py" line="44"/>
        <source>Вид контрагента: legal (юрлицо), entrepreneur (ИП) или person (физлицо).</source>
        <translation>The counterparty kind: legal (a company), entrepreneur (a sole trader) or person (a private person).</translation>
    </message>
    <message>
        <location filename="../wording/card_problems.py" line="48"/>
        <source>У контрагента должно быть наименование.</source>
        <translation>A counterparty must have a name.</translation>
    </message>
    <message>
        <location filename="../wording/card_problems.py" line="51"/>
        <source>«{value}» — не ключ партнёра 1С: нужен его GUID (см. directory find).</source>
        <translation>“{value}” is not a 1C partner key: its GUID is needed (see directory find).</translation>
    </message>
    <message>
        <location filename="../wording/card_problems.py" line="55"/>
        <source>Контрагент не создан: поле «{field}» — {finding}</source>
        <translation>Counterparty not created: field &quot;{field}&quot; — {finding}</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message>
        <location filename="../ui/value_label.py" line="57"/>
        <source>Копировать значение</source>
        <translation>Copy value</translation>
    </message>
    <message>
        <location filename="../ui/value_label.py" line="62"/>
        <source>Копировать выделенное</source>
        <translation>Copy selection</translation>
    </message>
</context>
<context>
    <name>CommerceMLError</name>
    <message>
        <location filename="../wording/portal_errors.py" line="139"/>
        <source>Файл объявляет неизвестную кодировку «{encoding}»; прочитать файл нельзя.</source>
        <translation>The file declares an unknown encoding “{encoding}”; the file cannot be read.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="143"/>
        <source>Сервер указал неизвестную кодировку «{encoding}»; прочитать файл нельзя.</source>
        <translation>The server specified an unknown encoding “{encoding}”; the file cannot be read.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="147"/>
        <source>Пустой ответ: в файле нет ни одного символа данных.</source>
        <translation>Empty response: the file contains no data at all.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="150"/>
        <source>В файле есть объявление DTD или сущностей (&lt;!DOCTYPE …&gt;). В документах обмена его не бывает, а через него читают чужие файлы, поэтому такой файл не принимается.</source>
        <translation>The file contains a DTD or entity declaration (&lt;!DOCTYPE …&gt;). Exchange documents never have one, and it can be used to read other files, so such a file is not accepted.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="155"/>
        <source>Файл оборван в самом начале: даже корневой элемент не получен целиком.</source>
        <translation>The file is cut off at the very beginning: not even the root element was received in full.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="158"/>
        <source>В начале файла не найден корневой элемент CommerceML.</source>
        <translation>No CommerceML root element was found at the beginning of the file.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="161"/>
        <source>Это XML, но не CommerceML: корневой элемент «{root}» вместо «{expected}».</source>
        <translation>This is XML, but not CommerceML: the root element is “{root}” instead of “{expected}”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="165"/>
        <source>Портал отказал вместо выдачи заказов: «{words}».</source>
        <translation>The portal refused instead of returning orders: “{words}”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="168"/>
        <source>Портал отказал вместо выдачи заказов: «причина не указана».</source>
        <translation>The portal refused instead of returning orders: “no reason given”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="171"/>
        <source>Получен не XML-документ, а текст: «{words}».</source>
        <translation>Received plain text instead of an XML document: “{words}”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="174"/>
        <source>Портал выгрузил заказы с {adjective} тегами ({root} вместо {expected}): страница обмена на портале работает на языке «{language}», а Битрикс пишет теги выгрузки на языке страницы. Order Review читает только русский CommerceML, поэтому ответ не принят и порталу не подтверждён — заказы придут снова. Попросите администратора портала перевести страницу обмена на русский язык: для страницы в публичной части — русский язык у сайта, на котором она стоит (Настройки → Настройки продукта → Сайты), для /bitrix/admin/1c_exchange.php — русский язык административного раздела по умолчанию.</source>
        <translation>The portal exported orders with {adjective} tags ({root} instead of {expected}): the exchange page on the portal runs in the “{language}” language, and Bitrix writes the export tags in the page’s language. Order Review reads only Russian CommerceML, so the response was not accepted and not confirmed to the portal — the orders will come again. Ask the portal administrator to switch the exchange page to Russian: for a page in the public section, set Russian as the language of the site it is on (Settings → System settings → Sites); for /bitrix/admin/1c_exchange.php, set Russian as the default language of the admin section.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="184"/>
        <source>английскими</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="185"/>
        <source>немецкими</source>
        <translation>German</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="186"/>
        <source>Вместо документа CommerceML получена веб-страница — вероятно, ошибка на сайте.</source>
        <translation>A web page was received instead of a CommerceML document — probably an error on the site.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="190"/>
        <source>Вместо документа CommerceML получена веб-страница — вероятно, ошибка на сайте: «{page}».</source>
        <translation>A web page was received instead of a CommerceML document — probably an error on the site: “{page}”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="194"/>
        <source>Файл объявлен в кодировке {declared}, но записан в {real}: текст в нём прочитался бы искажённым, поэтому файл не принят.</source>
        <translation>The file is declared as {declared} but is actually written in {real}: its text would be read garbled, so the file was not accepted.</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <location filename="../ui/connection_form.py" line="47"/>
        <source>Сколько самое большее ждать ответа целиком, даже если сервер присылает его по байту.</source>
        <translation>The longest to wait for a whole answer, even if the server sends it a byte at a time.</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="59"/>
        <source> с</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="73"/>
        <source>оставьте пустым, чтобы не менять</source>
        <translation>leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="77"/>
        <source>не нужен для обычного сертификата</source>
        <translation>not needed for a regular certificate</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="81"/>
        <source>Выбрать файл сертификатов (PEM)</source>
        <translation>Choose a certificate file (PEM)</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="86"/>
        <source>Проверить подключение</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="97"/>
        <source>Адрес</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="99"/>
        <source>Логин</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="100"/>
        <source>Пароль</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="103"/>
        <source>Сертификаты ЦС</source>
        <translation>CA certificates</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="111"/>
        <source>Файл сертификатов</source>
        <translation>Certificate file</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="113"/>
        <source>Сертификаты (*.pem *.crt *.cer);;Все (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="127"/>
        <source>Адрес начинается с http://: пароль и данные покупателей будут передаваться по сети незашифрованными — попросите администратора адрес с https://.</source>
        <translation>The address starts with http://: the password and buyers’ data will travel unencrypted — ask the administrator for an https:// address.</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="141"/>
        <source>Проверяю…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="159"/>
        <source>Портал (обмен заказами 1С-Битрикс)</source>
        <translation>Portal (1C-Bitrix order exchange)</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="163"/>
        <source>Своя страница обмена</source>
        <translation>Own exchange page</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="167"/>
        <source>Страница 1С (peek)</source>
        <translation>1C’s page (peek)</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="171"/>
        <source>Своя страница обмена: полученные заказы подтверждаются порталу, следующий обмен приносит только новые и изменённые.
Страница 1С (peek): порталу ничего не подтверждается, курсор 1С не сдвигается.</source>
        <translation>Own exchange page: received orders are confirmed to the portal; the next exchange brings only new and changed ones.
1C’s page (peek): nothing is confirmed to the portal; 1C’s cursor does not move.</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="178"/>
        <source>Режим</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="339"/>
        <source>Введите пароль пользователя 1С или отметьте «У пользователя нет пароля».</source>
        <translation>Enter the 1C user password or check &quot;The user has no password&quot;.</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="219"/>
        <source> мин</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="220"/>
        <source>только вручную</source>
        <translation>manual only</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="185"/>
        <location filename="../ui/connection_form.py" line="268"/>
        <source>Ждать соединения</source>
        <translation>Connect timeout</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="186"/>
        <location filename="../ui/connection_form.py" line="269"/>
        <source>Ждать ответа</source>
        <translation>Answer timeout</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="188"/>
        <source>Шаг обмена целиком, не дольше</source>
        <translation>Exchange step, at most</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="190"/>
        <source>Повторов при обрыве</source>
        <translation>Retries on a dropped link</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="222"/>
        <source>Получать заказы каждые</source>
        <translation>Fetch orders every</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="216"/>
        <location filename="../ui/connection_form.py" line="224"/>
        <source>Подключение к порталу работает: вход выполнен.</source>
        <translation>The portal connection works: signed in.</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="219"/>
        <source>Что изменить администратору портала:</source>
        <translation>What the portal administrator should change:</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="228"/>
        <source>Укажите адрес страницы обмена и логин. {0}</source>
        <translation>Enter the exchange page address and the login. {0}</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="234"/>
        <source>Введите пароль пользователя портала.</source>
        <translation>Enter the portal user’s password.</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="238"/>
        <source>Портал не отвечает. {0}</source>
        <translation>The portal does not answer. {0}</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="242"/>
        <source>Портал не пустил: {0}</source>
        <translation>The portal refused the login: {0}</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="246"/>
        <source>Портал ответил не по протоколу: {0}</source>
        <translation>The portal’s answer breaks the protocol: {0}</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="255"/>
        <source>1С:Управление торговлей 11 (OData)</source>
        <translation>1C:Trade Management 11 (OData)</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="257"/>
        <source>У пользователя нет пароля</source>
        <translation>The user has no password</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="259"/>
        <source>1С пускает пользователя с пустым паролем: отметьте, если пароля у него нет.</source>
        <translation>1C lets a user in with an empty password: check this if the user has no password.</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="272"/>
        <source>Запрос целиком, не дольше</source>
        <translation>Whole request, at most</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="275"/>
        <source>пусто — та, что ставит новым партнёрам обмен с сайтом</source>
        <translation>empty: as the site exchange sets it</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="278"/>
        <source>Группа доступа новых партнёров</source>
        <translation>Access group of new partners</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="282"/>
        <source> ч</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="285"/>
        <source>Копия справочника устаревает через</source>
        <translation>Directory copy goes stale after</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="323"/>
        <source>Подключение к 1С работает, в публикации OData есть всё нужное.</source>
        <translation>The 1C connection works; the OData publication has everything needed.</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="328"/>
        <source>1С отвечает, но в публикации OData не хватает:
{0}</source>
        <translation>1C answers, but the OData publication lacks:
{0}</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="333"/>
        <source>Укажите адрес публикации OData и логин. {0}</source>
        <translation>Enter the OData publication address and the login. {0}</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="346"/>
        <source>1С не отвечает. {0}</source>
        <translation>1C does not answer. {0}</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="350"/>
        <source>1С не пустила: {0}</source>
        <translation>1C refused the login: {0}</translation>
    </message>
    <message>
        <location filename="../ui/connection_form.py" line="354"/>
        <source>1С ответила ошибкой: {0}</source>
        <translation>1C answered with an error: {0}</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../ui/crash_dialog.py" line="52"/>
        <source>Поток: {0}</source>
        <translation>Thread: {0}</translation>
    </message>
    <message>
        <location filename="../ui/crash_dialog.py" line="62"/>
        <source>Ошибка в программе</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../ui/crash_dialog.py" line="65"/>
        <source>В программе произошла ошибка. Уже сохранённые заказы и решения не потеряны. Скопируйте подробности и отправьте их разработчикам вместе с журналом.</source>
        <translation>An error occurred in the program. Orders and decisions already saved are not lost. Copy the details and send them to the developers with the log.</translation>
    </message>
    <message>
        <location filename="../ui/crash_dialog.py" line="72"/>
        <source>журнал не ведётся</source>
        <translation>no log is kept</translation>
    </message>
    <message>
        <location filename="../ui/crash_dialog.py" line="73"/>
        <source>Журнал: {0}</source>
        <translation>Log: {0}</translation>
    </message>
    <message>
        <location filename="../ui/crash_dialog.py" line="78"/>
        <source>Скопировать подробности</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../ui/crash_dialog.py" line="154"/>
        <source>Order Review</source>
        <translation>Order Review</translation>
    </message>
</context>
<context>
    <name>DecisionError</name>
    <message>
        <location filename="../wording/service_errors.py" line="14"/>
        <source>В заказе {order} нет покупателя.</source>
        <translation>Order {order} has no buyer.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="15"/>
        <source>{order} Он не будет перезаписан без явного решения заменить его.</source>
        <translation>{order} It will not be overwritten without an explicit decision to replace it.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="18"/>
        <source>«{key}» — не ключ контрагента 1С (GUID).</source>
        <translation>“{key}” is not a 1C counterparty key (GUID).</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="21"/>
        <source>Этот контрагент уже в заказе 1С: заменять нечего.</source>
        <translation>This counterparty is already in the 1C order: there is nothing to replace.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="24"/>
        <source>В заказе 1С № {number} сейчас контрагент «{holder}», а не {key}: обновите данные 1С и решите снова.</source>
        <translation>1C order No. {number} now has counterparty “{holder}”, not {key}: refresh the 1C data and decide again.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="29"/>
        <source>Пометить на удаление можно только контрагента, которого, судя по данным 1С, создал обмен с сайтом. Этого пометьте в самой 1С, если он действительно лишний.</source>
        <translation>A deletion mark can only be set on a counterparty that, according to the 1C data, was created by the exchange with the site. Set the mark on this one in 1C itself if it really is unneeded.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="34"/>
        <source>«{key}» — не ключ контрагента 1С: нужен его ref_key (GUID, см. directory find или candidates).</source>
        <translation>“{key}” is not a 1C counterparty key: its ref_key is needed (a GUID, see directory find or candidates).</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="39"/>
        <source>Укажите причину отказа.</source>
        <translation>Enter the reason for rejection.</translation>
    </message>
</context>
<context>
    <name>DecisionFlow</name>
    <message>
        <location filename="../ui/decision_flow.py" line="111"/>
        <source>нового контрагента по карточке портала</source>
        <translation>a new counterparty from the portal card</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="135"/>
        <source>не указан</source>
        <translation>not specified</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="136"/>
        <source>ИНН покупателя: {0}.
ИНН контрагента 1С «{1}»: {2}.

Это разные ИНН — возможно, другое юридическое лицо. Всё равно связать заказ с этим контрагентом?</source>
        <translation>Buyer INN: {0}.
INN of 1C counterparty &quot;{1}&quot;: {2}.

These are different INNs — possibly a different legal entity. Link the order to this counterparty anyway?</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="141"/>
        <source>Связать с другим ИНН?</source>
        <translation>Link with a different INN?</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="151"/>
        <source>Копия справочника 1С ещё не полная: этот контрагент может уже быть в 1С, и новый стал бы дублем. Лучше дождаться копии (или «Обновить справочник 1С»).</source>
        <translation>The 1C directory copy is not complete yet: this counterparty may already be in 1C, and a new one would be a duplicate. Better wait for the copy (or use &quot;Refresh 1C directory&quot;).</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="158"/>
        <source>Копия справочника 1С сделана {0} — больше {1} ч назад: этот контрагент мог появиться в 1С с тех пор, и новый стал бы дублем. Лучше сначала «Обновить справочник 1С».</source>
        <translation>The 1C directory copy was made {0} — more than {1} h ago: this counterparty may have appeared in 1C since then, and a new one would be a duplicate. Better use &quot;Refresh 1C directory&quot; first.</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="164"/>
        <source>Всё равно создать контрагента?</source>
        <translation>Create the counterparty anyway?</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="165"/>
        <source>Создать в 1С?</source>
        <translation>Create in 1C?</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="226"/>
        <source>Отклонить контрагента заказа</source>
        <translation>Reject the order’s counterparty</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="228"/>
        <source>Почему? (например: тестовый заказ, дубль, мошенничество)</source>
        <translation>Why? (e.g. test order, duplicate, fraud)</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="231"/>
        <source>Отклонить</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../ui/decision_flow.py" line="232"/>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DecisionWords</name>
    <message>
        <location filename="../ui/decision_words.py" line="33"/>
        <source>Решение: {0} ({1}, {2}).</source>
        <translation>Decision: {0} ({1}, {2}).</translation>
    </message>
    <message>
        <location filename="../ui/decision_words.py" line="37"/>
        <source>Причина: {0}.</source>
        <translation>Reason: {0}.</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../wording/decisions.py" line="16"/>
        <source>создать в 1С</source>
        <translation>create in 1C</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="17"/>
        <source>связать</source>
        <translation>link</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="18"/>
        <source>отклонить</source>
        <translation>reject</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="19"/>
        <source>отложить</source>
        <translation>postpone</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="25"/>
        <source>ждёт отправки в 1С</source>
        <translation>waiting to be sent to 1C</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="26"/>
        <location filename="../wording/decisions.py" line="46"/>
        <source>ждёт заказ в 1С</source>
        <translation>waiting for the order in 1C</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="27"/>
        <source>ошибка записи</source>
        <translation>write error</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="28"/>
        <source>записано в 1С</source>
        <translation>written to 1C</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="29"/>
        <source>конфликт в 1С</source>
        <translation>conflict in 1C</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="35"/>
        <source>партнёр</source>
        <translation>partner</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="36"/>
        <source>контрагент</source>
        <translation>counterparty</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="37"/>
        <source>связь заказа</source>
        <translation>order link</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="38"/>
        <source>пометка на удаление</source>
        <translation>deletion mark</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="39"/>
        <source>перепроведение заказа</source>
        <translation>order reposting</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="45"/>
        <source>готово</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="47"/>
        <source>ошибка</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="48"/>
        <source>ответ 1С не получен</source>
        <translation>no answer from 1C</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="49"/>
        <source>конфликт</source>
        <translation>conflict</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="50"/>
        <source>ждёт предыдущий шаг</source>
        <translation>waiting for the previous step</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="51"/>
        <source>в очереди</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="54"/>
        <source>{kind} (авто)</source>
        <translation>{kind} (auto)</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="55"/>
        <source>{kind} (авто, подтвердите)</source>
        <translation>{kind} (auto, please confirm)</translation>
    </message>
    <message>
        <location filename="../wording/decisions.py" line="56"/>
        <source>{decision}, {write}</source>
        <translation>{decision}, {write}</translation>
    </message>
</context>
<context>
    <name>DemoStart</name>
    <message>
        <location filename="../ui/demo_start.py" line="29"/>
        <source>Демонстрация: запускаются встроенные портал и 1С…</source>
        <translation>Demo: starting the built-in portal and 1C…</translation>
    </message>
</context>
<context>
    <name>DomainErrors</name>
    <message>
        <location filename="../wording/domain_errors.py" line="15"/>
        <source>Укажите причину отказа.</source>
        <translation>Enter the reason for rejection.</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="16"/>
        <source>Пометить на удаление можно только заменяемого контрагента.</source>
        <translation>Only the counterparty being replaced can be marked for deletion.</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="19"/>
        <source>Контрагент не может заменить сам себя.</source>
        <translation>A counterparty cannot replace itself.</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="22"/>
        <source>шаблон номера «{template}» не разобран: {error}</source>
        <translation>the number template “{template}” cannot be parsed: {error}</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="25"/>
        <source>в шаблоне номера «{template}» нужны поля из списка: {known}</source>
        <translation>the number template “{template}” needs fields from this list: {known}</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="28"/>
        <source>в шаблоне номера «{template}» нужны поля из списка: {known} (нет поля «{unknown}»)</source>
        <translation>the number template “{template}” needs fields from this list: {known} (there is no field “{unknown}”)</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="32"/>
        <source>шаблон номера длиннее {most} знаков</source>
        <translation>the number template is longer than {most} characters</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="35"/>
        <source>формат поля {{{name}}} «{spec}» не разобран</source>
        <translation>the format “{spec}” of the field {{{name}}} cannot be parsed</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="38"/>
        <source>ширина поля {{{name}}} в шаблоне номера — не больше {most} знаков</source>
        <translation>the width of the field {{{name}}} in the number template is at most {most} characters</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="41"/>
        <source>формат в шаблоне номера «{template}» не подходит к его полям</source>
        <translation>the format in the number template “{template}” does not suit its fields</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="44"/>
        <source>для property нужен ключ свойства (GUID): property:ГУИД[:Название]</source>
        <translation>property needs the property&apos;s key (a GUID): property:GUID[:Name]</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="47"/>
        <source>для field нужно имя поля заказа: field:НомерПоДаннымКлиента</source>
        <translation>field needs the name of an order field: field:FIELD (for example the customer&apos;s order number field)</translation>
    </message>
    <message>
        <location filename="../wording/domain_errors.py" line="50"/>
        <source>auto, bitrix, property:ГУИД или field:ПОЛЕ</source>
        <translation>auto, bitrix, property:GUID or field:FIELD</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <location filename="../wording/entities.py" line="16"/>
        <source>ИНН {inn}, КПП {kpp}</source>
        <translation>INN {inn}, KPP {kpp}</translation>
    </message>
    <message>
        <location filename="../wording/entities.py" line="17"/>
        <source>ИНН {inn}, без КПП</source>
        <translation>INN {inn}, no KPP</translation>
    </message>
    <message>
        <location filename="../wording/entities.py" line="18"/>
        <source>без ИНН (по наименованию и адресу)</source>
        <translation>no INN (by name and address)</translation>
    </message>
    <message>
        <location filename="../wording/entities.py" line="21"/>
        <source>другой организации</source>
        <translation>another company</translation>
    </message>
    <message>
        <location filename="../wording/entities.py" line="22"/>
        <source>Этот покупатель уже заказывал от имени {name}. Реквизиты в этом заказе другие: это другая организация, её проверяют как новую — с контрагентом {name} в 1С её не связывают.</source>
        <translation>This buyer has ordered on behalf of {name} before. The requisites in this order differ: it is another company, reviewed as a new one; it is not linked to the counterparty {name} in 1C.</translation>
    </message>
    <message>
        <location filename="../wording/entities.py" line="28"/>
        <source>Этот покупатель уже заказывал от имени {name} ({requisites}). Реквизиты в этом заказе другие: это другая организация, её проверяют как новую — с контрагентом {name} в 1С её не связывают.</source>
        <translation>This buyer has ordered on behalf of {name} ({requisites}) before. The requisites in this order differ: it is another company, reviewed as a new one; it is not linked to the counterparty {name} in 1C.</translation>
    </message>
    <message>
        <location filename="../wording/entities.py" line="34"/>
        <source>Не кандидат: это контрагент {name} — другой организации, от имени которой этот покупатель заказывал раньше. Показан для сравнения карточек.</source>
        <translation>Not a candidate: this is the counterparty {name} of another company, on whose behalf this buyer ordered before. Shown to compare the cards.</translation>
    </message>
    <message>
        <location filename="../wording/entities.py" line="39"/>
        <source>Не кандидат: это контрагент {name} ({requisites}) — другой организации, от имени которой этот покупатель заказывал раньше. Показан для сравнения карточек.</source>
        <translation>Not a candidate: this is the counterparty {name} ({requisites}) of another company, on whose behalf this buyer ordered before. Shown to compare the cards.</translation>
    </message>
    <message>
        <location filename="../wording/entities.py" line="44"/>
        <source>не указаны</source>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../wording/entities.py" line="45"/>
        <source>Автоматическое решение снято: в новой версии заказа у покупателя другие реквизиты (было: {was}; стало: {now}). Это может быть другая организация — проверьте покупателя.</source>
        <translation>The automatic decision is withdrawn: in the new version of the order the buyer has other requisites (was: {was}; now: {now}). It may be another company: check the buyer.</translation>
    </message>
</context>
<context>
    <name>EntityNotes</name>
    <message>
        <location filename="../ui/entity_notes.py" line="33"/>
        <source>Карточка в 1С</source>
        <translation>Card in 1C</translation>
    </message>
    <message>
        <location filename="../ui/entity_notes.py" line="61"/>
        <source>Внимание: {0}</source>
        <translation>Warning: {0}</translation>
    </message>
    <message>
        <location filename="../ui/entity_notes.py" line="72"/>
        <source>Показать контрагента 1С этой организации в колонке 1С</source>
        <translation>Show this organization’s 1C counterparty in the 1C column</translation>
    </message>
    <message>
        <location filename="../ui/entity_notes.py" line="74"/>
        <source>Этого контрагента нет в копии справочника 1С: обновите справочник (Shift+F5).</source>
        <translation>This counterparty is not in the copy of the 1C directory: refresh the directory (Shift+F5).</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../wording/errors.py" line="90"/>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="91"/>
        <source>{count} МБ</source>
        <translation>{count} MB</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="92"/>
        <source>{count} КБ</source>
        <translation>{count} KB</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="93"/>
        <source>на незащищённый адрес</source>
        <translation>to an insecure address</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="94"/>
        <source>на другой адрес</source>
        <translation>to a different address</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../ui/export_actions.py" line="95"/>
        <source>Счёт на оплату в XLSX…</source>
        <translation>Invoice to XLSX…</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="98"/>
        <source>Счета по заказам очереди в папку…</source>
        <translation>Invoices for queued orders to a folder…</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="101"/>
        <source>Список заказов в XLSX…</source>
        <translation>Order list to XLSX…</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="118"/>
        <source>Выберите заказ в очереди.</source>
        <translation>Select an order in the queue.</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="122"/>
        <source>Этот заказ известен только из 1С (портал его не отдал): строк заказа портала нет, счёт по нему выставляется в 1С.</source>
        <translation>This order is known from 1C only (the portal did not send it): there are no portal order lines; invoice it in 1C.</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="130"/>
        <source>Счёт {0}.xlsx</source>
        <translation>Invoice {0}.xlsx</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="141"/>
        <source>Заказы.xlsx</source>
        <translation>Orders.xlsx</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="153"/>
        <source>Книга Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="181"/>
        <source>Счёт сохранён: {0}</source>
        <translation>Invoice saved: {0}</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="184"/>
        <source>Счёт</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="200"/>
        <source>Счета сохранены в {0}: {1} из {2}.</source>
        <translation>Invoices saved to {0}: {1} of {2}.</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="206"/>
        <source>Счета</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="222"/>
        <source>Список сохранён: {0} (заказов: {1}).</source>
        <translation>List saved: {0} (orders: {1}).</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="225"/>
        <source>Список заказов</source>
        <translation>Order list</translation>
    </message>
    <message>
        <location filename="../ui/export_actions.py" line="245"/>
        <source>Экспорт в XLSX</source>
        <translation>Export to XLSX</translation>
    </message>
</context>
<context>
    <name>ExportError</name>
    <message>
        <location filename="../wording/service_errors.py" line="43"/>
        <source>Имя файла должно оканчиваться на .xlsx: {name}</source>
        <translation>The file name must end with .xlsx: {name}</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="46"/>
        <source>Папки {folder} нет: счёт не сохранён.</source>
        <translation>Folder {folder} does not exist: the invoice was not saved.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="49"/>
        <source>Папки {folder} нет: список не сохранён.</source>
        <translation>Folder {folder} does not exist: the list was not saved.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="52"/>
        <source>Заказа «{key}» нет в локальной базе (получить заказы: fetch).</source>
        <translation>Order “{key}” is not in the local database (to get orders: fetch).</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="55"/>
        <source>Номер «{key}» есть у нескольких заказов; укажите Ид: {ids}.</source>
        <translation>Several orders have number “{key}”; specify the ID: {ids}.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="58"/>
        <source>Заказ «{key}» {reason}.</source>
        <translation>Order “{key}” {reason}.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="59"/>
        <source>известен только из 1С (портал его не отдал): строк заказа портала нет, счёт по нему выставляется в 1С</source>
        <translation>is known only from 1C (the portal did not provide it): there are no portal order lines, so its invoice is issued in 1C</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="64"/>
        <source>Заказа «{key}» больше нет в локальной базе.</source>
        <translation>Order “{key}” is no longer in the local database.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="67"/>
        <source>{folder} — файл, а не папка: счета не сохранены.</source>
        <translation>{folder} is a file, not a folder: the invoices were not saved.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="70"/>
        <source>Папку {folder} не создать: {detail}.</source>
        <translation>Cannot create folder {folder}: {detail}.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="73"/>
        <source>Файл {path} не записать: нет прав или он открыт в другой программе (закройте его в Excel и повторите).</source>
        <translation>Cannot write file {path}: no permission, or it is open in another program (close it in Excel and try again).</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="78"/>
        <source>Файл {path} не записать: {detail}.</source>
        <translation>Cannot write file {path}: {detail}.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="81"/>
        <source>Выгрузка списка отменена.</source>
        <translation>List export cancelled.</translation>
    </message>
</context>
<context>
    <name>ExportNotice</name>
    <message>
        <location filename="../ui/export_notice.py" line="64"/>
        <source>Открыть</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../ui/export_notice.py" line="77"/>
        <source>Открыть {0}</source>
        <translation>Open {0}</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <location filename="../wording/findings.py" line="18"/>
        <source>В заказе нет покупателя.</source>
        <translation>The order has no buyer.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="19"/>
        <source>ИНН «{value}» должен состоять только из цифр (10 у организации, 12 у ИП и физического лица); проверьте, нет ли в нём пробелов, букв или других знаков.</source>
        <translation>The INN “{value}” must consist of digits only (10 for a company, 12 for a sole trader or a private person); check it for spaces, letters or other characters.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="24"/>
        <source>В ИНН {inn} {count} цифра, а должно быть 10 (организация) или 12 (ИП, физическое лицо).</source>
        <translation>The INN {inn} has {count} digit, but it must have 10 (a company) or 12 (a sole trader, a private person).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="29"/>
        <source>В ИНН {inn} {count} цифры, а должно быть 10 (организация) или 12 (ИП, физическое лицо).</source>
        <translation>The INN {inn} has {count} digits, but it must have 10 (a company) or 12 (a sole trader, a private person).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="34"/>
        <source>В ИНН {inn} {count} цифр, а должно быть 10 (организация) или 12 (ИП, физическое лицо).</source>
        <translation>The INN {inn} has {count} digits, but it must have 10 (a company) or 12 (a sole trader, a private person).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="39"/>
        <source>ИНН {inn} не проходит проверку контрольных цифр — вероятно, опечатка. Сверьте с документами покупателя.</source>
        <translation>The INN {inn} fails the check-digit test: probably a typo. Compare it with the buyer&apos;s documents.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="44"/>
        <source>Номер {inn} не проходит проверку российского ИНН. У иностранной компании это может быть её собственный налоговый номер (БИН, УНП) — уточните.</source>
        <translation>The number {inn} fails the Russian INN check. For a foreign company it may be its own tax number (BIN, UNP): ask.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="49"/>
        <source>КПП «{kpp}» неверного вида: в КПП 9 знаков — цифры, только 5-й и 6-й могут быть латинскими заглавными буквами.</source>
        <translation>The KPP “{kpp}” has the wrong form: a KPP has 9 characters, all digits; only the 5th and 6th may be Latin capital letters.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="54"/>
        <source>КПП «{kpp}» неверного вида: в КПП 9 знаков — цифры, только 5-й и 6-й могут быть латинскими заглавными буквами. Похоже, вместо нуля набрана буква «О».</source>
        <translation>The KPP “{kpp}” has the wrong form: a KPP has 9 characters, all digits; only the 5th and 6th may be Latin capital letters. It looks as if the letter “O” was typed instead of a zero.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="60"/>
        <source>ОГРН «{value}» должен состоять только из цифр (13 у организации, 15 у ИП); проверьте, нет ли в нём пробелов, букв или других знаков.</source>
        <translation>The OGRN “{value}” must consist of digits only (13 for a company, 15 for a sole trader); check it for spaces, letters or other characters.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="65"/>
        <source>В ОГРН {number} {count} цифра, а должно быть 13 (ОГРН организации) или 15 (ОГРНИП индивидуального предпринимателя).</source>
        <translation>The OGRN {number} has {count} digit, but it must have 13 (a company&apos;s OGRN) or 15 (a sole trader&apos;s OGRNIP).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="70"/>
        <source>В ОГРН {number} {count} цифры, а должно быть 13 (ОГРН организации) или 15 (ОГРНИП индивидуального предпринимателя).</source>
        <translation>The OGRN {number} has {count} digits, but it must have 13 (a company&apos;s OGRN) or 15 (a sole trader&apos;s OGRNIP).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="75"/>
        <source>В ОГРН {number} {count} цифр, а должно быть 13 (ОГРН организации) или 15 (ОГРНИП индивидуального предпринимателя).</source>
        <translation>The OGRN {number} has {count} digits, but it must have 13 (a company&apos;s OGRN) or 15 (a sole trader&apos;s OGRNIP).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="80"/>
        <source>ОГРН {number} не проходит проверку контрольной цифры — вероятно, опечатка. Сверьте с выпиской из реестра.</source>
        <translation>The OGRN {number} fails the check-digit test: probably a typo. Compare it with the registry extract.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="85"/>
        <source>ОГРНИП {number} не проходит проверку контрольной цифры — вероятно, опечатка. Сверьте с выпиской из реестра.</source>
        <translation>The OGRNIP {number} fails the check-digit test: probably a typo. Compare it with the registry extract.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="90"/>
        <source>{number} похож на номер записи в реестре (ГРН), а не на ОГРН: ОГРН начинается с 1 или 5. Уточните у покупателя.</source>
        <translation>{number} looks like a register entry number (GRN), not an OGRN: an OGRN starts with 1 or 5. Ask the buyer.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="95"/>
        <source>{number} похож на номер записи в реестре (ГРН), а не на ОГРНИП: ОГРНИП начинается с 3. Уточните у покупателя.</source>
        <translation>{number} looks like a register entry number (GRN), not an OGRNIP: an OGRNIP starts with 3. Ask the buyer.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="100"/>
        <source>ОКПО «{okpo}» неверного вида: в нём 8 цифр (организация) или 10 (ИП, обособленное подразделение).</source>
        <translation>The OKPO “{okpo}” has the wrong form: it has 8 digits (a company) or 10 (a sole trader, a branch).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="105"/>
        <source>ОКПО {okpo} не проходит проверку контрольной цифры — вероятно, опечатка.</source>
        <translation>The OKPO {okpo} fails the check-digit test: probably a typo.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="109"/>
        <source>БИК «{bik}» неверного вида: в БИК 9 цифр.</source>
        <translation>The BIC “{bik}” has the wrong form: a BIC has 9 digits.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="110"/>
        <source>Расчётный счёт «{account}» неверного вида: в счёте 20 цифр.</source>
        <translation>The settlement account “{account}” has the wrong form: an account has 20 digits.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="113"/>
        <source>Корреспондентский счёт «{account}» неверного вида: в счёте 20 цифр.</source>
        <translation>The correspondent account “{account}” has the wrong form: an account has 20 digits.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="116"/>
        <source>Расчётный счёт {account} указан без БИК банка, поэтому его нельзя проверить.</source>
        <translation>The settlement account {account} is given without the bank&apos;s BIC, so it cannot be checked.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="120"/>
        <source>Корреспондентский счёт {account} указан без БИК банка, поэтому его нельзя проверить.</source>
        <translation>The correspondent account {account} is given without the bank&apos;s BIC, so it cannot be checked.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="124"/>
        <source>Расчётный счёт {account} не сходится с БИК {bik} по контрольному ключу: опечатка в счёте или в БИК.</source>
        <translation>The settlement account {account} does not agree with the BIC {bik} by the check key: a typo in the account or in the BIC.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="129"/>
        <source>Корреспондентский счёт {account} не сходится с БИК {bik} по контрольному ключу: опечатка в счёте или в БИК.</source>
        <translation>The correspondent account {account} does not agree with the BIC {bik} by the check key: a typo in the account or in the BIC.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="134"/>
        <source>Расчётный счёт {account} — счёт ИП или физического лица, а покупатель — организация (её счета начинаются с 407). Проверьте, чей это счёт.</source>
        <translation>The settlement account {account} is a sole trader&apos;s or a private person&apos;s, but the buyer is a company (its accounts start with 407). Check whose account it is.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="139"/>
        <source>Расчётный счёт {account} — счёт организации, а покупатель — ИП (его счета начинаются с 40802). Проверьте, чей это счёт.</source>
        <translation>The settlement account {account} is a company&apos;s, but the buyer is a sole trader (whose accounts start with 40802). Check whose account it is.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="144"/>
        <source>ИНН в карточке покупателя {card}, а в свойствах заказа {property}: уточните у покупателя, какой верный.</source>
        <translation>The INN on the buyer&apos;s card is {card}, and in the order&apos;s properties {property}: ask the buyer which is right.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="149"/>
        <source>КПП в карточке покупателя {card}, а в свойствах заказа {property}: уточните у покупателя, какой верный.</source>
        <translation>The KPP on the buyer&apos;s card is {card}, and in the order&apos;s properties {property}: ask the buyer which is right.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="154"/>
        <source>ИНН {property} взят из свойств заказа: в карточке покупателя его нет.</source>
        <translation>The INN {property} is taken from the order&apos;s properties: the buyer&apos;s card has none.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="157"/>
        <source>КПП {property} взят из свойств заказа: в карточке покупателя его нет.</source>
        <translation>The KPP {property} is taken from the order&apos;s properties: the buyer&apos;s card has none.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="160"/>
        <source>Указан КПП {kpp}, но ИНН {inn} из 12 цифр — это ИНН ИП или физического лица, а у них КПП не бывает. Уточните у покупателя, не организация ли это.</source>
        <translation>The KPP {kpp} is given, but the INN {inn} has 12 digits: it belongs to a sole trader or a private person, who have no KPP. Ask the buyer whether it is a company.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="165"/>
        <source>ИНН {inn} из 12 цифр принадлежит ИП или физическому лицу, а по остальным данным покупатель похож на организацию (у организации ИНН из 10 цифр).</source>
        <translation>The INN {inn} has 12 digits and belongs to a sole trader or a private person, but by the rest of the data the buyer looks like a company (a company&apos;s INN has 10 digits).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="170"/>
        <source>ИНН {inn} из 10 цифр — это ИНН организации, а покупатель указан как ИП (у ИП и физического лица ИНН из 12 цифр).</source>
        <translation>The INN {inn} has 10 digits: it is a company&apos;s, but the buyer is given as a sole trader (a sole trader&apos;s and a private person&apos;s INN has 12 digits).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="175"/>
        <source>ИНН {inn} из 10 цифр — это ИНН организации, а покупатель указан как физическое лицо (у ИП и физического лица ИНН из 12 цифр).</source>
        <translation>The INN {inn} has 10 digits: it is a company&apos;s, but the buyer is given as a private person (a sole trader&apos;s and a private person&apos;s INN has 12 digits).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="180"/>
        <source>ИНН не указан: похоже, это иностранная организация — у неё российского ИНН может не быть. В 1С её заводят как нерезидента.</source>
        <translation>No INN is given: this looks like a foreign company, which may have no Russian INN. In 1C it is entered as a non-resident.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="185"/>
        <source>ИНН не указан: без него организацию не найти в 1С надёжно и не проверить. Запросите ИНН у покупателя (если это не иностранная компания).</source>
        <translation>No INN is given: without it the company can be neither found in 1C reliably nor checked. Ask the buyer for the INN (unless it is a foreign company).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="190"/>
        <source>Указан КПП {kpp}, но не указан ИНН: КПП без ИНН организацию не определяет.</source>
        <translation>The KPP {kpp} is given but no INN: a KPP without an INN does not identify a company.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="194"/>
        <source>У организации (ИНН {inn} из 10 цифр) должен быть КПП, а он не указан. Запросите КПП у покупателя.</source>
        <translation>A company (INN {inn}, 10 digits) must have a KPP, and none is given. Ask the buyer for the KPP.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="199"/>
        <source>КПП {kpp} — КПП обособленного подразделения (причина постановки на учёт 43): заказ сделан от имени филиала организации.</source>
        <translation>The KPP {kpp} is a branch&apos;s KPP (registration reason 43): the order is made on behalf of a branch of the company.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="204"/>
        <source>КПП {kpp} выдан инспекцией по крупнейшим налогоплательщикам: то, что он не совпадает с началом ИНН, нормально.</source>
        <translation>The KPP {kpp} was issued by the inspectorate for the largest taxpayers: that it does not match the start of the INN is normal.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="209"/>
        <source>КПП {kpp} выдан налоговой инспекцией {kpp_office}, а ИНН {inn} — инспекцией {inn_office} (другой инспекции). Так бывает у филиала или после переезда организации; сверьте КПП с документами покупателя.</source>
        <translation>The KPP {kpp} was issued by tax office {kpp_office}, and the INN {inn} by office {inn_office} (another office). This happens with a branch or after a company moves; compare the KPP with the buyer&apos;s documents.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="215"/>
        <source>КПП {kpp} выдан налоговой инспекцией {kpp_office}, а ИНН {inn} — инспекцией {inn_office} (другого региона). Так бывает у филиала или после переезда организации; сверьте КПП с документами покупателя.</source>
        <translation>The KPP {kpp} was issued by tax office {kpp_office}, and the INN {inn} by office {inn_office} (another region). This happens with a branch or after a company moves; compare the KPP with the buyer&apos;s documents.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="221"/>
        <source>ОГРН покупателя в заказе не указан: при создании контрагента его можно заполнить по выписке из ЕГРЮЛ/ЕГРИП.</source>
        <translation>The order gives no OGRN of the buyer: when the counterparty is created, it can be filled in from the EGRUL/EGRIP extract.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="226"/>
        <source>ОГРНИП покупателя в заказе не указан: при создании контрагента его можно заполнить по выписке из ЕГРЮЛ/ЕГРИП.</source>
        <translation>The order gives no OGRNIP of the buyer: when the counterparty is created, it can be filled in from the EGRUL/EGRIP extract.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="231"/>
        <source>Указан ОГРН {number} из 13 цифр — такой бывает у организации, а покупатель — ИП или физическое лицо (у ИП ОГРНИП из 15 цифр).</source>
        <translation>The OGRN {number} has 13 digits, as a company&apos;s has, but the buyer is a sole trader or a private person (a sole trader&apos;s OGRNIP has 15 digits).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="236"/>
        <source>Указан ОГРНИП {number} из 15 цифр — такой бывает у ИП, а покупатель — организация (у организации ОГРН из 13 цифр).</source>
        <translation>The OGRNIP {number} has 15 digits, as a sole trader&apos;s has, but the buyer is a company (a company&apos;s OGRN has 13 digits).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="241"/>
        <source>«{email}» — не адрес электронной почты: нужен вид имя@домен.зона, без пробелов.</source>
        <translation>&quot;{email}&quot; is not an email address: it must look like name@domain.zone, without spaces.</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="245"/>
        <source>«{phone}» не похож на номер телефона: в нём должно быть от 10 до 15 цифр (с кодом города или оператора), без букв; добавочный — в конце («доб. 12»).</source>
        <translation>&quot;{phone}&quot; does not look like a phone number: it must have 10 to 15 digits (with the area or carrier code), no letters; an extension goes at the end (&quot;ext. 12&quot;).</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="259"/>
        <source>ошибка</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="260"/>
        <source>внимание</source>
        <translation>warning</translation>
    </message>
    <message>
        <location filename="../wording/findings.py" line="261"/>
        <source>примечание</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="14"/>
        <source>ИНН {inn} нет в реестре (ЕГРЮЛ/ЕГРИП): такой организации или ИП не зарегистрировано. Сверьте ИНН с документами покупателя.</source>
        <translation>INN {inn} is not in the state registry (EGRUL/EGRIP): no such organization or sole proprietor is registered. Check the INN against the buyer&apos;s documents.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="19"/>
        <source>По реестру (ЕГРЮЛ/ЕГРИП) покупатель ликвидирован {date}: с ним нельзя заключать сделки. Уточните у покупателя, от чьего имени заказ.</source>
        <translation>According to the state registry (EGRUL/EGRIP), the buyer was liquidated on {date}: no deals can be made with it. Ask the buyer on whose behalf the order is placed.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="24"/>
        <source>По реестру (ЕГРЮЛ) покупатель в процессе ликвидации.</source>
        <translation>According to the state registry (EGRUL), the buyer is being liquidated.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="27"/>
        <source>По реестру (ЕГРЮЛ/ЕГРИП) покупатель признан банкротом.</source>
        <translation>According to the state registry (EGRUL/EGRIP), the buyer has been declared bankrupt.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="30"/>
        <source>По реестру (ЕГРЮЛ) покупатель в процессе реорганизации: реквизиты могут скоро измениться.</source>
        <translation>According to the state registry (EGRUL), the buyer is being reorganized: its details may change soon.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="34"/>
        <source>Налоговая отметила сведения о покупателе в реестре как недостоверные (например, адрес или руководителя).</source>
        <translation>The tax office has marked the buyer&apos;s data in the registry as unreliable (for example, the address or the director).</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="39"/>
        <source>Название на портале «{portal}», а в реестре (ЕГРЮЛ/ЕГРИП) — «{registry}».</source>
        <translation>Name on the portal is &quot;{portal}&quot;, but in the state registry (EGRUL/EGRIP) it is &quot;{registry}&quot;.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="42"/>
        <source>КПП на портале {portal}, а в реестре (ЕГРЮЛ) — {registry}.</source>
        <translation>KPP on the portal is {portal}, but in the state registry (EGRUL) it is {registry}.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="45"/>
        <source>КПП {kpp} нет ни у головной организации, ни у филиалов в реестре (ЕГРЮЛ); у части филиалов КПП в реестре не указан, так что это может быть один из них. Сравнение — с головной организацией (КПП {head_kpp}).</source>
        <translation>KPP {kpp} belongs neither to the head organization nor to its branches in the state registry (EGRUL); some branches have no KPP in the registry, so it may be one of them. Compared with the head organization (KPP {head_kpp}).</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="51"/>
        <source>Юридический адрес на портале «{portal}», а в реестре (ЕГРЮЛ/ЕГРИП) — «{registry}».</source>
        <translation>Legal address on the portal is &quot;{portal}&quot;, but in the state registry (EGRUL/EGRIP) it is &quot;{registry}&quot;.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="55"/>
        <source>На портале покупатель — организация, а по реестру этот ИНН принадлежит индивидуальному предпринимателю ({name}).</source>
        <translation>On the portal the buyer is an organization, but according to the registry this INN belongs to a sole proprietor ({name}).</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="60"/>
        <source>На портале покупатель — ИП, а по реестру этот ИНН принадлежит организации ({name}).</source>
        <translation>On the portal the buyer is a sole proprietor, but according to the registry this INN belongs to an organization ({name}).</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="64"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: не задан ключ DaData (команда login registry).</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: no DaData key is set (the login registry command).</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="68"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: нет связи с сервисом DaData. Проверьте сеть.</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: the DaData service cannot be reached. Check the network.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="72"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: DaData не приняла ключ (login registry).</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: DaData did not accept the key (login registry).</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="75"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: исчерпан лимит запросов DaData; повторите позже.</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: the DaData request limit is used up; try again later.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="79"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: сервис DaData ответил ошибкой; повторите позже.</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: the DaData service answered with an error; try again later.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="83"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: ответ сервиса DaData не удалось разобрать.</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: the DaData service&apos;s answer could not be read.</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="86"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: покупателя ещё не проверяли (registry check ORDER).</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: the buyer has not been checked yet (registry check ORDER).</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="93"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: не задан ключ DaData (Настройки → «Ключ DaData (реестр)»).</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: no DaData key is set (Settings → &quot;DaData key (registry)&quot;).</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="98"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: DaData не приняла ключ; введите верный в Настройках («Ключ DaData (реестр)»).</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: DaData did not accept the key; enter the right one in Settings (&quot;DaData key (registry)&quot;).</translation>
    </message>
    <message>
        <location filename="../wording/registry_findings.py" line="103"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: покупателя ещё не проверяли: это делается после получения заказов или кнопкой «Проверить в реестре».</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: the buyer has not been checked yet; this happens after orders are fetched, or with &quot;Check in the registry&quot;.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../ui/help_menu.py" line="70"/>
        <location filename="../ui/help_menu.py" line="73"/>
        <source>Клавиши</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.py" line="73"/>
        <source>Действие</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.py" line="93"/>
        <source>Order Review {0}

Проверка заказов с портала и запись контрагентов в 1С.

Папка данных: {1}
Папка журналов: {2}</source>
        <translation>Order Review {0}

Checks portal orders and writes counterparties to 1C.

Data folder: {1}
Log folder: {2}</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.py" line="107"/>
        <source>&amp;Справка</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.py" line="108"/>
        <source>Клавиши…</source>
        <translation>Keys…</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.py" line="110"/>
        <source>О программе…</source>
        <translation>About…</translation>
    </message>
    <message>
        <location filename="../ui/help_menu.py" line="123"/>
        <source>О программе</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../ui/jobs.py" line="58"/>
        <source>Портал не настроен: укажите адрес и логин в настройках.</source>
        <translation>The portal is not set up: enter its address and login in Settings.</translation>
    </message>
    <message>
        <location filename="../ui/jobs.py" line="63"/>
        <source>Пароль портала не сохранён: введите его в настройках.</source>
        <translation>The portal password is not saved: enter it in Settings.</translation>
    </message>
    <message>
        <location filename="../ui/jobs.py" line="106"/>
        <source>1С не настроена: укажите адрес и логин в настройках.</source>
        <translation>1C is not set up: enter its address and login in Settings.</translation>
    </message>
    <message>
        <location filename="../ui/jobs.py" line="110"/>
        <source>Пароль 1С не сохранён: введите его в настройках.</source>
        <translation>The 1C password is not saved: enter it in Settings.</translation>
    </message>
</context>
<context>
    <name>KeychainError</name>
    <message>
        <location filename="../wording/service_errors.py" line="121"/>
        <source>Системное хранилище паролей недоступно ({detail}). В Linux нужен работающий Secret Service (GNOME Keyring, KWallet); в Windows — диспетчер учётных данных.</source>
        <translation>The system password store is unavailable ({detail}). On Linux a running Secret Service (GNOME Keyring, KWallet) is required; on Windows, Credential Manager.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="126"/>
        <source>Системное хранилище паролей не загружается: в переменной окружения PYTHON_KEYRING_BACKEND указано «{chosen}», а такого нет — исправьте или уберите эту настройку.</source>
        <translation>The system password store does not load: the PYTHON_KEYRING_BACKEND environment variable is set to “{chosen}”, which does not exist — correct or remove this setting.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="132"/>
        <source>Системное хранилище паролей не загружается: в настройках keyring (keyringrc.cfg) указано хранилище, а такого нет — исправьте или уберите эту настройку.</source>
        <translation>The system password store does not load: the keyring settings (keyringrc.cfg) name a store that does not exist — correct or remove this setting.</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../ui/launch.py" line="54"/>
        <source>Подключения к порталу и 1С ещё не настроены.

Показать демонстрацию? Она запускает встроенные портал 1С-Битрикс и 1С:УТ 11 с придуманными заказами и ничего не меняет на этом компьютере.</source>
        <translation>The portal and 1C connections are not set up yet.

Show the demo? It runs a built-in 1C-Bitrix portal and 1C:Trade Management 11 with made-up orders and changes nothing on this computer.</translation>
    </message>
    <message>
        <location filename="../ui/launch.py" line="60"/>
        <location filename="../ui/launch.py" line="109"/>
        <source>Order Review</source>
        <translation>Order Review</translation>
    </message>
    <message>
        <location filename="../ui/launch.py" line="61"/>
        <source>Демонстрация</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../ui/launch.py" line="63"/>
        <source>Настроить подключения</source>
        <translation>Set up connections</translation>
    </message>
    <message>
        <location filename="../ui/launch.py" line="65"/>
        <source>Выход</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>LinkGuard</name>
    <message>
        <location filename="../ui/link_guard.py" line="53"/>
        <source>Проверки нашли в заказе замечания:</source>
        <translation>The checks found issues in the order:</translation>
    </message>
    <message>
        <location filename="../ui/link_guard.py" line="54"/>
        <source>Всё равно связать заказ с выбранным контрагентом 1С?</source>
        <translation>Link the order to the selected 1C counterparty anyway?</translation>
    </message>
    <message>
        <location filename="../ui/link_guard.py" line="57"/>
        <source>Связать заказ с замечаниями</source>
        <translation>Link an order with issues</translation>
    </message>
    <message>
        <location filename="../ui/link_guard.py" line="60"/>
        <source>Связать</source>
        <translation>Link</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="77"/>
        <source>Order Review — проверка заказов с портала</source>
        <translation>Order Review — portal order review</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="79"/>
        <source> (демонстрация)</source>
        <translation> (demo)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="115"/>
        <source>Настройки…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="156"/>
        <source>Действия</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="166"/>
        <source>&amp;Файл</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="169"/>
        <location filename="../ui/main_window.py" line="256"/>
        <source>Выход</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="172"/>
        <source>&amp;Заказы</source>
        <translation>&amp;Orders</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="175"/>
        <source>&amp;Решение</source>
        <translation>&amp;Decision</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="181"/>
        <source>&amp;Экспорт</source>
        <translation>E&amp;xport</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="251"/>
        <source>Решения, ещё не записанные в 1С: {0}. Они сохранены и будут отправлены в 1С при следующем запуске программы, когда 1С будет на связи. Выйти сейчас?</source>
        <translation>Decisions not yet written to 1C: {0}. They are saved and will be sent to 1C the next time the program starts and 1C is reachable. Quit now?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="318"/>
        <source>Order Review</source>
        <translation>Order Review</translation>
    </message>
</context>
<context>
    <name>OneCColumn</name>
    <message>
        <location filename="../ui/onec_column.py" line="47"/>
        <source>1С</source>
        <translation>1C</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="56"/>
        <source>Выберите контрагента 1С в списке выше.</source>
        <translation>Select a 1C counterparty in the list above.</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="204"/>
        <source>Ни один кандидат не совпадает с покупателем по ИНН и КПП. Если это он, выберите контрагента в списке выше сами; иначе — «Создать в 1С».</source>
        <translation>No candidate matches the buyer by INN and KPP. If it is the buyer, pick the counterparty in the list above yourself; otherwise use &quot;Create in 1C&quot;.</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="210"/>
        <source>Пока копия справочника 1С не полная, создавать контрагента рано: можно создать дубль.</source>
        <translation>While the 1C directory copy is incomplete, it is too early to create a counterparty: you may create a duplicate.</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="214"/>
        <source>Такого контрагента в 1С нет. Его можно будет создать в 1С по карточке портала («Создать в 1С»).</source>
        <translation>1C has no such counterparty. You can create it in 1C from the portal card (“Create in 1C”).</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="168"/>
        <source>Почему в списке</source>
        <translation>Why listed</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="94"/>
        <source>Решение записано в 1С {0}: в заказе 1С теперь этот контрагент. Чтобы принять другое решение, нажмите «Изменить решение».</source>
        <translation>Decision written to 1C {0}: the 1C order now has this counterparty. To make another decision, click &quot;Change decision&quot;.</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="101"/>
        <source>В заказе 1С</source>
        <translation>In the 1C order</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="102"/>
        <source>записано в 1С {0}</source>
        <translation>written to 1C {0}</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="104"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="105"/>
        <source>в копии справочника 1С его ещё нет — карточка появится после обновления справочника</source>
        <translation>not in the 1C directory copy yet — the card will appear after the directory is refreshed</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="110"/>
        <source>Карточка</source>
        <translation>Card</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="180"/>
        <source>Кандидаты в копии справочника 1С, лучшие первыми ({0}):</source>
        <translation>Candidates in the 1C directory copy, best first ({0}):</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="184"/>
        <source>Копия справочника 1С ещё не полная: контрагент может быть в 1С, хотя здесь его не видно. Дождитесь окончания копирования (или «Обновить справочник 1С»).</source>
        <translation>The 1C directory copy is not complete yet: the counterparty may be in 1C even though it is not shown here. Wait for the copy to finish (or use &quot;Refresh 1C directory&quot;).</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="190"/>
        <source>В копии справочника 1С нет контрагентов с ИНН {0} и похожих по наименованию: похоже, это новый контрагент.</source>
        <translation>The 1C directory copy has no counterparty with INN {0} and none with a similar name: this looks like a new counterparty.</translation>
    </message>
    <message>
        <location filename="../ui/onec_column.py" line="195"/>
        <source>У покупателя нет ИНН, и похожих по наименованию в копии справочника 1С нет.</source>
        <translation>The buyer has no INN, and the 1C directory copy has no similar names.</translation>
    </message>
</context>
<context>
    <name>OneCError</name>
    <message>
        <location filename="../wording/errors.py" line="18"/>
        <source>{what}: {said}</source>
        <translation>{what}: {said}</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="19"/>
        <source>{what}: {said} «{page}»</source>
        <translation>{what}: {said} “{page}”</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="20"/>
        <source>1С не приняла логин или пароль (или у пользователя нет прав на OData): проверьте onec.user и пароль (login onec).</source>
        <translation>1C did not accept the login or password (or the user has no OData rights): check onec.user and the password (login onec).</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="25"/>
        <source>Сервер 1С ответил «не найдено» (HTTP 404) — проверьте адрес публикации (onec.url); слишком длинный запрос тоже так выглядит.</source>
        <translation>The 1C server answered “not found” (HTTP 404): check the publication address (onec.url); a request that is too long looks the same.</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="30"/>
        <source>Вместо ответа 1С пришла веб-страница (HTTP {status}).</source>
        <translation>A web page came instead of 1C&apos;s answer (HTTP {status}).</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="33"/>
        <source>{what}: 1С ответила ошибкой (HTTP {status}): {onec_message}</source>
        <translation>{what}: 1C answered with an error (HTTP {status}): {onec_message}</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="36"/>
        <source>{what}: 1С ответила ошибкой (HTTP {status}, код {code}): {onec_message}</source>
        <translation>{what}: 1C answered with an error (HTTP {status}, code {code}): {onec_message}</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="39"/>
        <source>{what}: у пользователя 1С «{user}» нет права записывать {object} ({entity_set}). Администратору 1С: дайте ему право добавлять и изменять {object}; при ограничении доступа на уровне записей — и доступ к группе доступа партнёров, которую программа ставит новым партнёрам (настройка onec.partner_access_group). Ответ 1С: «{onec_message}».</source>
        <translation>{what}: the 1C user “{user}” has no right to write {object} ({entity_set}). For the 1C administrator: give this user the right to add and change {object}; with record-level access restrictions, also access to the partner access group the app gives new partners (setting onec.partner_access_group). 1C&apos;s answer: “{onec_message}”.</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="47"/>
        <source>{what}: пользователь 1С «{user}» не может прочитать этот объект: {object} ({entity_set}). Либо у него нет права чтения этого объекта, либо объект скрыт ограничением доступа на уровне записей (например, группой доступа партнёра). Администратору 1С: дайте пользователю право чтения {object} и доступ к нужным группам. Ответ 1С: «{onec_message}».</source>
        <translation>{what}: the 1C user “{user}” cannot read this object: {object} ({entity_set}). Either the user has no right to read it, or record-level access restrictions hide it (a partner&apos;s access group, say). For the 1C administrator: give the user the right to read {object} and access to the groups needed. 1C&apos;s answer: “{onec_message}”.</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="55"/>
        <source>{what}: у пользователя 1С «{user}» нет права чтения: {object} ({entity_set}). Администратору 1С: дайте этому пользователю право на чтение {object} (профиль групп доступа или роль), программа без него не работает. Ответ 1С: «{onec_message}».</source>
        <translation>{what}: the 1C user “{user}” has no right to read {object} ({entity_set}). For the 1C administrator: give this user the right to read {object} (an access group profile or a role); the app does not work without it. 1C&apos;s answer: “{onec_message}”.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="16"/>
        <source>{what}: 1С ответила, что объект создан, но не сообщила его ключ (ни в ответе, ни в заголовке Location). Проверьте в 1С, появился ли он, прежде чем повторять.</source>
        <translation>{what}: 1C replied that the object was created but did not give its key (neither in the response nor in the Location header). Check in 1C whether it appeared before trying again.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="21"/>
        <source>{what}: 1С ответила ошибкой: «{words}».</source>
        <translation>{what}: 1C returned an error: “{words}”.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="24"/>
        <source>{what}: 1С ответила ошибкой: «без текста».</source>
        <translation>{what}: 1C returned an error: “no text”.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="27"/>
        <source>{what}: в ответе 1С нет списка записей — это не ответ OData.</source>
        <translation>{what}: the 1C response has no list of records — this is not an OData response.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="30"/>
        <source>{what}: в ответе 1С вместо записи «{answer}» — это не ответ OData.</source>
        <translation>{what}: the 1C response contains “{answer}” instead of a record — this is not an OData response.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="33"/>
        <source>{what}: 1С вернула вместо записи «{answer}» — такой ответ не разобрать.</source>
        <translation>{what}: 1C returned “{answer}” instead of a record — such a response cannot be parsed.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="36"/>
        <source>{what}: 1С вернула запись без ключа (Ref_Key) — такой ответ не разобрать.</source>
        <translation>{what}: 1C returned a record without a key (Ref_Key) — such a response cannot be parsed.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="39"/>
        <source>{what}: 1С вернула запись с ключом «{answer}», а это не ссылка 1С — такой ответ не разобрать.</source>
        <translation>{what}: 1C returned a record with the key “{answer}”, which is not a 1C reference — such a response cannot be parsed.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="44"/>
        <source>{what}: ответ 1С пришёл неполным или испорченным (JSON не разобрать).</source>
        <translation>{what}: the 1C response arrived incomplete or corrupted (the JSON cannot be parsed).</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="47"/>
        <source>{what}: 1С ответила не объектом JSON.</source>
        <translation>{what}: 1C did not reply with a JSON object.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="48"/>
        <source>{what}: 1С ответила «выполнено» (HTTP {status}), но ответ пришёл не целиком.</source>
        <translation>{what}: 1C replied “done” (HTTP {status}), but the response did not arrive in full.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="51"/>
        <source>{what}: 1С ответила «выполнено» (HTTP {status}), но ответ оборвался на середине.</source>
        <translation>{what}: 1C replied “done” (HTTP {status}), but the response was cut off halfway.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="55"/>
        <source>{what}: ответ 1С оборвался на середине (соединение разорвано). Проверьте сеть.</source>
        <translation>{what}: the 1C response was cut off halfway (the connection was broken). Check the network.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="59"/>
        <source>{what}: 1С не ответила вовремя (сервер 1С бывает медленным; можно увеличить onec.read_timeout).</source>
        <translation>{what}: 1C did not respond in time (the 1C server can be slow; you can increase onec.read_timeout).</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="64"/>
        <source>{what}: 1С не ответила вовремя (сервер 1С бывает медленным; можно увеличить onec.read_timeout). Неизвестно, успела ли 1С выполнить запись.</source>
        <translation>{what}: 1C did not respond in time (the 1C server can be slow; you can increase onec.read_timeout). It is unknown whether 1C managed to complete the write.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="69"/>
        <source>{what}: не удалось связаться с 1С — соединение не установлено или разорвано. Проверьте адрес (onec.url) и сеть.</source>
        <translation>{what}: could not reach 1C — the connection was not established or was broken. Check the address (onec.url) and the network.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="74"/>
        <source>{what}: не удалось связаться с 1С — соединение не установлено или разорвано. Проверьте адрес (onec.url) и сеть. Неизвестно, успела ли 1С выполнить запись.</source>
        <translation>{what}: could not reach 1C — the connection was not established or was broken. Check the address (onec.url) and the network. It is unknown whether 1C managed to complete the write.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="79"/>
        <source>{what}: 1С не ответила полностью за {seconds} с (если 1С просто медленная, увеличьте onec.deadline).</source>
        <translation>{what}: 1C did not respond in full within {seconds} s (if 1C is just slow, increase onec.deadline).</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="84"/>
        <source>{what}: 1С не ответила полностью за {seconds} с (если 1С просто медленная, увеличьте onec.deadline). Неизвестно, успела ли 1С выполнить запись.</source>
        <translation>{what}: 1C did not respond in full within {seconds} s (if 1C is just slow, increase onec.deadline). It is unknown whether 1C managed to complete the write.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="89"/>
        <source>{what}: 1С перенаправила запрос {where} ({target}); пароль туда не отправлен.</source>
        <translation>{what}: 1C redirected the request {where} ({target}); the password was not sent there.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="92"/>
        <source>{what}: не удалось проверить сертификат сервера 1С. Если у него собственный сертификат, укажите файл: config set onec.ca_bundle ФАЙЛ.</source>
        <translation>{what}: could not verify the 1C server certificate. If it uses its own certificate, specify the file: config set onec.ca_bundle FILE.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="97"/>
        <source>{what}: 1С прислала ответ длиннее {size} — столько программа не читает; уменьшите размер страницы или проверьте, что отвечает 1С.</source>
        <translation>{what}: 1C sent a response longer than {size} — the program does not read that much; reduce the page size or check what 1C is returning.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="102"/>
        <source>1С вернула вместо числа: «{answer}»</source>
        <translation>1C returned this instead of a number: “{answer}”</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="106"/>
        <source>Адрес 1С «{url}» — не полный URL. Нужен адрес OData-сервиса публикации, например https://1c.example.ru/ut11/odata/standard.odata/</source>
        <translation>The 1C address “{url}” is not a full URL. The address of the publication’s OData service is needed, for example https://1c.example.ru/ut11/odata/standard.odata/</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="111"/>
        <source>Файл сертификатов «{path}» (onec.ca_bundle) не найден.</source>
        <translation>Certificate file “{path}” (onec.ca_bundle) not found.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="114"/>
        <source>Вместо описания публикации ($metadata) пришло не то: «{page}» ({detail}).</source>
        <translation>Something other than the publication description ($metadata) was received: “{page}” ({detail}).</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="117"/>
        <source>В 1С не найден предопределённый вид контактной информации «{name}» ({entity_set}): без вида строка контактной информации не видна в формах 1С, поэтому контрагент не создан. Администратору 1С: добавьте справочник «Виды контактной информации» в состав OData и дайте пользователю право его читать; затем «Проверить подключение».</source>
        <translation>The predefined contact information kind “{name}” ({entity_set}) was not found in 1C: without a kind, a contact information line is not visible in 1C forms, so the counterparty was not created. For the 1C administrator: add the “Contact information kinds” directory to the OData content and give the user the right to read it; then “Check connection”.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="124"/>
        <source>Не удалось определить группу доступа для нового партнёра: укажите её (config set onec.partner_access_group НАЗВАНИЕ).</source>
        <translation>Could not determine the access group for the new partner: specify it (config set onec.partner_access_group NAME).</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="132"/>
        <source>{what}: записей «{value}» больше, чем 1С (или прокси перед ней) отдаёт за один запрос ({count}) — прочитать их все нельзя, чтение прервано.</source>
        <translation>{what}: there are more “{value}” records than 1C (or a proxy in front of it) returns in one request ({count}) — they cannot all be read, reading stopped.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="137"/>
        <source>{what}: 1С (или прокси перед ней) на запрос следующей страницы снова отдаёт уже прочитанные строки — похоже, отбор ($filter) не учитывается; чтение прервано.</source>
        <translation>{what}: when asked for the next page, 1C (or a proxy in front of it) returns rows that were already read — it seems the filter ($filter) is ignored; reading stopped.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="142"/>
        <source>{what}: 1С вернула «{name}» не строкой — постраничное чтение по нему невозможно.</source>
        <translation>{what}: 1C returned “{name}” not as a string — page-by-page reading by it is impossible.</translation>
    </message>
    <message>
        <location filename="../wording/onec_errors.py" line="146"/>
        <source>1С сообщает о {count} записях ({entity_set}), но не отдала ни одной — копия справочника не изменена. Проверьте права пользователя 1С на чтение.</source>
        <translation>1C reports {count} records ({entity_set}) but returned none — the directory copy was not changed. Check the 1C user’s read permissions.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="17"/>
        <source>1С не приняла логин или пароль (или у пользователя нет прав на OData): проверьте пользователя и пароль 1С в Настройках.</source>
        <translation>1C did not accept the login or password (or the user has no OData rights): check the 1C user and password in Settings.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="22"/>
        <source>Сервер 1С ответил «не найдено» (HTTP 404) — проверьте адрес 1С в Настройках; слишком длинный запрос тоже так выглядит.</source>
        <translation>The 1C server answered &quot;not found&quot; (HTTP 404) — check the 1C address in Settings; a request that is too long also looks like this.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="27"/>
        <source>{what}: у пользователя 1С «{user}» нет права записывать {object}. Администратору 1С: дайте ему право добавлять и изменять {object}; при ограничении доступа на уровне записей — и доступ к группе доступа партнёров, которую программа ставит новым партнёрам (она указана в Настройках). Ответ 1С: «{onec_message}».</source>
        <translation>{what}: 1C user &quot;{user}&quot; has no right to write {object}. For the 1C administrator: give the user the right to add and change {object}; with record-level access restrictions, also give access to the partner access group the program assigns to new partners (it is set in Settings). 1C answer: &quot;{onec_message}&quot;.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="34"/>
        <source>{what}: пользователь 1С «{user}» не может прочитать этот объект: {object}. Либо у него нет права чтения этого объекта, либо объект скрыт ограничением доступа на уровне записей (например, группой доступа партнёра). Администратору 1С: дайте пользователю право чтения {object} и доступ к нужным группам. Ответ 1С: «{onec_message}».</source>
        <translation>{what}: 1C user &quot;{user}&quot; cannot read this object: {object}. Either the user has no right to read it, or it is hidden by record-level access restrictions (for example, by a partner access group). For the 1C administrator: give the user the right to read {object} and access to the needed groups. 1C answer: &quot;{onec_message}&quot;.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="41"/>
        <source>{what}: у пользователя 1С «{user}» нет права чтения: {object}. Администратору 1С: дайте этому пользователю право на чтение {object} (профиль групп доступа или роль), программа без него не работает. Ответ 1С: «{onec_message}».</source>
        <translation>{what}: 1C user &quot;{user}&quot; has no right to read: {object}. For the 1C administrator: give this user the right to read {object} (access group profile or role); the program does not work without it. 1C answer: &quot;{onec_message}&quot;.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="50"/>
        <source>{what}: 1С не ответила вовремя (сервер 1С бывает медленным; время ожидания можно увеличить в Настройках).</source>
        <translation>{what}: 1C did not answer in time (the 1C server can be slow; you can increase the timeout in Settings).</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="55"/>
        <source>{what}: 1С не ответила вовремя (сервер 1С бывает медленным; время ожидания можно увеличить в Настройках). Неизвестно, успела ли 1С выполнить запись.</source>
        <translation>{what}: 1C did not answer in time (the 1C server can be slow; you can increase the timeout in Settings). It is unknown whether 1C managed to complete the write.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="61"/>
        <source>{what}: не удалось связаться с 1С — соединение не установлено или разорвано. Проверьте адрес 1С в Настройках и сеть.</source>
        <translation>{what}: could not reach 1C — the connection was not established or was broken. Check the 1C address in Settings and the network.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="66"/>
        <source>{what}: не удалось связаться с 1С — соединение не установлено или разорвано. Проверьте адрес 1С в Настройках и сеть. Неизвестно, успела ли 1С выполнить запись.</source>
        <translation>{what}: could not reach 1C — the connection was not established or was broken. Check the 1C address in Settings and the network. It is unknown whether 1C managed to complete the write.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="72"/>
        <source>{what}: 1С не ответила полностью за {seconds} с (если 1С просто медленная, увеличьте время ответа 1С в Настройках).</source>
        <translation>{what}: 1C did not answer fully within {seconds} s (if 1C is just slow, increase the 1C response time in Settings).</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="77"/>
        <source>{what}: 1С не ответила полностью за {seconds} с (если 1С просто медленная, увеличьте время ответа 1С в Настройках). Неизвестно, успела ли 1С выполнить запись.</source>
        <translation>{what}: 1C did not answer fully within {seconds} s (if 1C is just slow, increase the 1C response time in Settings). It is unknown whether 1C managed to complete the write.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="83"/>
        <source>{what}: не удалось проверить сертификат сервера 1С. Если у него собственный сертификат, укажите файл сертификатов 1С в Настройках.</source>
        <translation>{what}: could not verify the 1C server certificate. If it has its own certificate, set the 1C certificate file in Settings.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="88"/>
        <source>Файл сертификатов 1С «{path}», указанный в Настройках, не найден.</source>
        <translation>The 1C certificate file &quot;{path}&quot; set in Settings was not found.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="91"/>
        <source>Вместо описания публикации 1С пришло не то: «{page}» ({detail}).</source>
        <translation>Something other than the 1C publication description came back: &quot;{page}&quot; ({detail}).</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="94"/>
        <source>В 1С не найден предопределённый вид контактной информации «{name}»: без вида строка контактной информации не видна в формах 1С, поэтому контрагент не создан. Администратору 1С: добавьте справочник «Виды контактной информации» в состав OData и дайте пользователю право его читать; затем «Проверить подключение» в Настройках.</source>
        <translation>The predefined contact information kind &quot;{name}&quot; was not found in 1C: without a kind, a contact information line is not visible in 1C forms, so the counterparty was not created. For the 1C administrator: add the contact information kinds directory to the OData content and give the user the right to read it; then use &quot;Check connection&quot; in Settings.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="101"/>
        <source>Не удалось определить группу доступа для нового партнёра: укажите её в Настройках.</source>
        <translation>Could not determine the access group for the new partner: set it in Settings.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="105"/>
        <source>1С сообщает о {count} записях, но не отдала ни одной — копия справочника не изменена. Проверьте права пользователя 1С на чтение.</source>
        <translation>1C reports {count} records but returned none — the directory copy was not changed. Check the 1C user&apos;s read rights.</translation>
    </message>
</context>
<context>
    <name>OneCOrder</name>
    <message>
        <location filename="../wording/onec_orders.py" line="17"/>
        <source>создан за {seconds} с до заказа — так его создаёт обмен с сайтом</source>
        <translation>created {seconds} s before the order, as the site exchange creates it</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="20"/>
        <source>создан за {minutes} мин до заказа — так его создаёт обмен с сайтом</source>
        <translation>created {minutes} min before the order, as the site exchange creates it</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="23"/>
        <source>партнёр «{partner}»</source>
        <translation>partner “{partner}”</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="24"/>
        <source>партнёр создан обменом с сайтом автоматически, вместе с заказом</source>
        <translation>the partner was created by the site exchange automatically, with the order</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="27"/>
        <source>те же ИНН и КПП, что у {others}</source>
        <translation>the same INN and KPP as {others}</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="28"/>
        <source>те же ИНН, что у {others}</source>
        <translation>the same INN as {others}</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="29"/>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="33"/>
        <source>Заказ 1С № {number} (проведён)</source>
        <translation>1C order No. {number} (posted)</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="34"/>
        <source>Заказ 1С № {number} (не проведён)</source>
        <translation>1C order No. {number} (not posted)</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="35"/>
        <source>{head}: контрагент не указан.</source>
        <translation>{head}: no counterparty.</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="36"/>
        <source>{head}: контрагент «{name}»{deleted}{partner}</source>
        <translation>{head}: counterparty “{name}”{deleted}{partner}</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="37"/>
        <source> [помечен на удаление]</source>
        <translation> [marked for deletion]</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="38"/>
        <source>, партнёр «{partner}»</source>
        <translation>, partner “{partner}”</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="39"/>
        <source>{line}. Похоже, создан обменом с сайтом: {signs}.</source>
        <translation>{line}. It looks as if the site exchange created it: {signs}.</translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="42"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../wording/onec_orders.py" line="43"/>
        <source>{line}.</source>
        <translation>{line}.</translation>
    </message>
</context>
<context>
    <name>OrderLink</name>
    <message>
        <location filename="../wording/order_links.py" line="14"/>
        <source>дополнительном реквизите «{name}»</source>
        <translation>the additional attribute “{name}”</translation>
    </message>
    <message>
        <location filename="../wording/order_links.py" line="15"/>
        <source>поле «{field}»</source>
        <translation>the field “{field}”</translation>
    </message>
    <message>
        <location filename="../wording/order_links.py" line="16"/>
        <source>неизвестно где</source>
        <translation>an unknown place</translation>
    </message>
    <message>
        <location filename="../wording/order_links.py" line="17"/>
        <source>Ид заказа сайта</source>
        <translation>the site order&apos;s ID</translation>
    </message>
    <message>
        <location filename="../wording/order_links.py" line="18"/>
        <source>номер заказа сайта</source>
        <translation>the site order&apos;s number</translation>
    </message>
    <message>
        <location filename="../wording/order_links.py" line="19"/>
        <source>Обмен 1С с сайтом — модуль обмена 1С-Битрикс («Свойства БУС»): {holds} — в {place} заказа клиента. Заказы новых покупателей приходят с пустым контрагентом.</source>
        <translation>1C&apos;s exchange with the site is the 1C-Bitrix exchange module (“BUS properties”): {holds} is in {place} of the customer order. Orders of new buyers arrive with an empty counterparty.</translation>
    </message>
    <message>
        <location filename="../wording/order_links.py" line="24"/>
        <source>Обмен 1С с сайтом — стандартный «Обмен с сайтом» УТ 11: {holds} — в {place} заказа клиента. Этот обмен сам подбирает или создаёт контрагента (партнёр «Неизвестный партнер») и проводит заказ.</source>
        <translation>1C&apos;s exchange with the site is UT 11&apos;s standard “Exchange with the site”: {holds} is in {place} of the customer order. This exchange picks or creates the counterparty itself (the partner “Unknown partner”) and posts the order.</translation>
    </message>
    <message>
        <location filename="../wording/order_links.py" line="30"/>
        <source>Обмен 1С с сайтом — свой (доработанный) обмен: {holds} — в {place} заказа клиента.</source>
        <translation>1C&apos;s exchange with the site is a custom (modified) exchange: {holds} is in {place} of the customer order.</translation>
    </message>
    <message>
        <location filename="../wording/order_links.py" line="34"/>
        <source>Не известно, где 1С хранит номер заказа сайта.</source>
        <translation>It is not known where 1C keeps the site&apos;s order number.</translation>
    </message>
</context>
<context>
    <name>OrderTables</name>
    <message>
        <location filename="../ui/order_tables.py" line="73"/>
        <source>Значение</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="45"/>
        <source>Артикул</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="46"/>
        <source>Наименование</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="48"/>
        <source>Кол-во</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="52"/>
        <source>Ед.</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="53"/>
        <source>Цена</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="55"/>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="57"/>
        <source>НДС</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="72"/>
        <source>Свойство</source>
        <translation>Property</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="82"/>
        <source>Версия</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="83"/>
        <source>Получена</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="84"/>
        <source>Что изменилось</source>
        <translation>What changed</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="95"/>
        <source>номер</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="96"/>
        <source>номер версии</source>
        <translation>version number</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="97"/>
        <source>дата</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="98"/>
        <source>время</source>
        <translation>time</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="99"/>
        <source>операция</source>
        <translation>operation</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="100"/>
        <source>роль</source>
        <translation>role</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="101"/>
        <source>валюта</source>
        <translation>currency</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="102"/>
        <source>курс</source>
        <translation>rate</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="103"/>
        <source>сумма</source>
        <translation>amount</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="104"/>
        <source>комментарий</source>
        <translation>comment</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="105"/>
        <source>пометка удаления</source>
        <translation>deletion mark</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="106"/>
        <source>налоги</source>
        <translation>taxes</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="107"/>
        <source>скидки</source>
        <translation>discounts</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="108"/>
        <source>строки</source>
        <translation>lines</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="109"/>
        <source>покупатель</source>
        <translation>buyer</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="110"/>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="111"/>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="112"/>
        <source>наименование</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="113"/>
        <source>официальное наименование</source>
        <translation>official name</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="114"/>
        <source>полное наименование</source>
        <translation>full name</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="115"/>
        <source>ОКПО</source>
        <translation>OKPO</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="116"/>
        <source>банковские счета</source>
        <translation>bank accounts</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="117"/>
        <source>юридический адрес</source>
        <translation>legal address</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="118"/>
        <source>адрес</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="119"/>
        <source>контакты</source>
        <translation>contacts</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="120"/>
        <source>исходные поля</source>
        <translation>raw fields</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="127"/>
        <source>свойство {0}</source>
        <translation>property {0}</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="137"/>
        <source>первая версия</source>
        <translation>first version</translation>
    </message>
    <message>
        <location filename="../ui/order_tables.py" line="139"/>
        <source>без изменений</source>
        <translation>no changes</translation>
    </message>
</context>
<context>
    <name>PageWarnings</name>
    <message>
        <location filename="../wording/page_warnings.py" line="15"/>
        <source>Если Order Review стоит на нескольких рабочих местах, пусть заказы получает одно из них, или у каждого будет своя страница обмена, или остальные работают в режиме peek (см. README, «Несколько рабочих мест»).</source>
        <translation>If Order Review is installed on several workstations, let only one of them get orders, or give each its own exchange page, or have the others work in peek mode (see README, “Several workstations”).</translation>
    </message>
    <message>
        <location filename="../wording/page_warnings.py" line="21"/>
        <source>Портал потребовал sessid («Ошибка проверки источника запроса»): на сайте включён защищённый режим обмена (secure_1c_exchange), он один на весь сайт. Программа отправляла sessid только после этого требования; обмен 1С без идентификатора сессии на таком сайте не работает (подробнее: check portal).</source>
        <translation>The portal demanded sessid (“Request source check error”): the site has the secure exchange mode (secure_1c_exchange) turned on, and it applies to the whole site. The program sent sessid only after this demand; a 1C exchange without a session ID does not work on such a site (details: check portal).</translation>
    </message>
    <message>
        <location filename="../wording/page_warnings.py" line="28"/>
        <source>Портал не принял подтверждение получения: пока шёл обмен, на этой же странице вошла другая программа (другое рабочее место Order Review или 1С). Полученные заказы сохранены, но не подтверждены — следующее получение принесёт их снова. {choices}</source>
        <translation>The portal did not accept the receipt confirmation: while the exchange was running, another program logged in on the same page (another Order Review workstation or 1C). The received orders are saved but not confirmed — the next fetch will bring them again. {choices}</translation>
    </message>
    <message>
        <location filename="../wording/page_warnings.py" line="35"/>
        <source>Заказы с Ид {ids} появились на портале после прошлого получения, но в программу не пришли. Так бывает, когда на этой же странице обмена заказы подтверждает ещё одна программа (у страницы один курсор на всех), или когда 1С уже загрузила их и записала обратно на сайт. Проверьте эти заказы в 1С. {choices}</source>
        <translation>Orders with ID {ids} appeared on the portal after the last fetch but did not reach the program. This happens when another program also confirms orders on the same exchange page (the page has one cursor shared by all), or when 1C has already loaded them and written them back to the site. Check these orders in 1C. {choices}</translation>
    </message>
    <message>
        <location filename="../wording/page_warnings.py" line="42"/>
        <source>Заказы с Ид {ids} и ещё {more} появились на портале после прошлого получения, но в программу не пришли. Так бывает, когда на этой же странице обмена заказы подтверждает ещё одна программа (у страницы один курсор на всех), или когда 1С уже загрузила их и записала обратно на сайт. Проверьте эти заказы в 1С. {choices}</source>
        <translation>Orders with ID {ids} and {more} more appeared on the portal after the last fetch but did not reach the program. This happens when another program also confirms orders on the same exchange page (the page has one cursor shared by all), or when 1C has already loaded them and written them back to the site. Check these orders in 1C. {choices}</translation>
    </message>
    <message>
        <location filename="../wording/page_warnings.py" line="49"/>
        <source>Заказы с Ид {ids} (и, возможно, другие, сохранённые в ту же секунду) не пришли: PHP на сайте прервал выгрузку, а ответ, продолжавший её, потерялся в сети. Сайт отметил эти заказы в журнале обмена как выгруженные, и пока действует ограничение времени PHP, ни один запрос их не получит (до очистки журнала через сутки-двое или до изменения заказов). Попросите администратора сайта увеличить max_execution_time PHP или задать у компонента bitrix:sale.export.1c на странице программы INTERVAL = 0. {then}</source>
        <translation>Orders with ID {ids} (and possibly others saved in the same second) did not arrive: PHP on the site interrupted the export, and the response that continued it was lost in the network. The site marked these orders as exported in the exchange log, and while the PHP time limit is in effect, no request will get them (until the log is cleared in a day or two, or until the orders change). Ask the site administrator to increase PHP max_execution_time or to set INTERVAL = 0 for the bitrix:sale.export.1c component on the program’s page. {then}</translation>
    </message>
    <message>
        <location filename="../wording/page_warnings.py" line="59"/>
        <source>Пока они не придут, программа не подтверждает получение (иначе курсор страницы прошёл бы их навсегда): следующее получение после снятия ограничения их принесёт.</source>
        <translation>Until they arrive, the program does not confirm receipt (otherwise the page cursor would skip them forever): the next fetch after the limit is lifted will bring them.</translation>
    </message>
    <message>
        <location filename="../wording/page_warnings.py" line="64"/>
        <source>Программа ждала их три дня и снова подтверждает получение: проверьте эти заказы на сайте и в 1С (их могли удалить или загрузить в 1С).</source>
        <translation>The program waited three days for them and is confirming receipt again: check these orders on the site and in 1C (they may have been deleted or loaded into 1C).</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="176"/>
        <source>Портал потребовал идентификатор сеанса («Ошибка проверки источника запроса»): на сайте включён защищённый режим обмена, он один на весь сайт. Программа отправляла идентификатор только после этого требования; обмен 1С без идентификатора сессии на таком сайте не работает (подробности в журнале).</source>
        <translation>The portal required a session ID (&quot;Request source check error&quot;): the site has secure exchange mode turned on, and it applies to the whole site. The program sent the ID only after this request; a 1C exchange without a session ID does not work on such a site (details in the log).</translation>
    </message>
</context>
<context>
    <name>PortalColumn</name>
    <message>
        <location filename="../ui/portal_column.py" line="34"/>
        <source>Портал</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../ui/portal_column.py" line="44"/>
        <location filename="../ui/portal_column.py" line="89"/>
        <source>В заказе нет покупателя.</source>
        <translation>The order has no buyer.</translation>
    </message>
    <message>
        <location filename="../ui/portal_column.py" line="79"/>
        <source>Исходные данные портала недоступны: {0} Ниже — контрагент, указанный в заказе 1С.</source>
        <translation>The portal’s raw data is not available: {0} Below is the counterparty given in the 1C order.</translation>
    </message>
    <message>
        <location filename="../ui/portal_column.py" line="87"/>
        <source>В заказе 1С контрагент не указан.</source>
        <translation>The 1C order has no counterparty.</translation>
    </message>
    <message>
        <location filename="../ui/portal_column.py" line="112"/>
        <source>Как прислал портал: нет данных (заказ получен из 1С)</source>
        <translation>As the portal sent it: no data (order received from 1C)</translation>
    </message>
    <message>
        <location filename="../ui/portal_column.py" line="130"/>
        <source>Как прислал портал, по элементам документа (полей: {0})</source>
        <translation>As sent by the portal, by document elements (fields: {0})</translation>
    </message>
</context>
<context>
    <name>PortalError</name>
    <message>
        <location filename="../wording/portal_errors.py" line="15"/>
        <source>Портал ответил на вход непонятным текстом: «{answer}».</source>
        <translation>The portal answered the login with unclear text: “{answer}”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="18"/>
        <source>Портал ответил на вход неполно: нет имени и значения cookie сеанса.</source>
        <translation>The portal’s login answer is incomplete: the session cookie name and value are missing.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="21"/>
        <source>Портал ответил на начало обмена (init) непонятным текстом: «{answer}».</source>
        <translation>The portal answered the start of the exchange (init) with unclear text: “{answer}”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="24"/>
        <source>Портал прислал пустой ответ на запрос заказов — обычно это ошибка PHP на сайте (в 1С такой случай называется «Получен пустой ответ сервера»).</source>
        <translation>The portal sent an empty response to the order request — usually this is a PHP error on the site (in 1C this case is called “Empty server response received”).</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="29"/>
        <source>Портал не принял подтверждение получения (success ответил «error»): с тех пор как программа вошла, на этой же странице обмена вошла другая программа — другое рабочее место Order Review или 1С.</source>
        <translation>The portal did not accept the receipt confirmation (success answered “error”): since the program logged in, another program has logged in on the same exchange page — another Order Review workstation or 1C.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="35"/>
        <source>Портал не подтвердил получение заказов: {answer}</source>
        <translation>The portal did not confirm receipt of the orders: {answer}</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="38"/>
        <source>{refusal} Портал требует sessid, но при входе его не выдал.</source>
        <translation>{refusal} The portal requires sessid but did not provide it at login.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="41"/>
        <source>Портал не пустил в обмен: «{words}». Проверьте логин и пароль (login portal) и право пользователя выгружать заказы.</source>
        <translation>The portal did not allow the exchange: “{words}”. Check the login and password (login portal) and the user’s permission to export orders.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="46"/>
        <source>Портал не пустил в обмен: «без объяснения». Проверьте логин и пароль (login portal) и право пользователя выгружать заказы.</source>
        <translation>The portal did not allow the exchange: “no explanation”. Check the login and password (login portal) and the user’s permission to export orders.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="54"/>
        <source>Портал прислал пустой ответ (шаг «{mode}», HTTP {status}) — обычно это ошибка PHP на сайте.</source>
        <translation>The portal sent an empty response (step “{mode}”, HTTP {status}) — usually this is a PHP error on the site.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="59"/>
        <source>Вместо ответа обмена портал прислал веб-страницу (шаг «{mode}», HTTP {status}): «{page}».</source>
        <translation>Instead of an exchange response, the portal sent a web page (step “{mode}”, HTTP {status}): “{page}”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="63"/>
        <source>Портал отказал (шаг «{mode}»): «{words}».</source>
        <translation>The portal refused (step “{mode}”): “{words}”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="64"/>
        <source>Портал отказал (шаг «{mode}»): «причина не указана».</source>
        <translation>The portal refused (step “{mode}”): “no reason given”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="67"/>
        <source>Портал ответил ошибкой HTTP {status} (шаг «{mode}»): «{page}».</source>
        <translation>The portal returned HTTP error {status} (step “{mode}”): “{page}”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="70"/>
        <source>Портал прислал на шаг «{mode}» (HTTP {status}) ответ длиннее {size} — это не ответ обмена: «{page}».</source>
        <translation>For step “{mode}” (HTTP {status}) the portal sent a response longer than {size} — this is not an exchange response: “{page}”.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="75"/>
        <source>Портал прислал пустой zip-архив вместо заказов.</source>
        <translation>The portal sent an empty zip archive instead of orders.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="78"/>
        <source>Архив от портала распаковывается в слишком большой файл.</source>
        <translation>The archive from the portal unpacks into a file that is too large.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="81"/>
        <source>Архив от портала повреждён: {detail}.</source>
        <translation>The archive from the portal is damaged: {detail}.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="85"/>
        <source>Адрес портала «{url}» — не полный URL. Нужен адрес страницы обмена целиком, например https://b2b.example.ru/bitrix/admin/1c_exchange.php</source>
        <translation>The portal address “{url}” is not a full URL. The full address of the exchange page is needed, for example https://b2b.example.ru/bitrix/admin/1c_exchange.php</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="90"/>
        <source>Файл сертификатов «{path}» (portal.ca_bundle) не найден.</source>
        <translation>Certificate file “{path}” (portal.ca_bundle) not found.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="93"/>
        <source>Ответ портала оборвался: получено {received} из {total} байт.</source>
        <translation>The portal’s response was cut off: {received} of {total} bytes received.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="96"/>
        <source>Ответ портала оборвался на середине (соединение закрылось раньше конца данных).</source>
        <translation>The portal’s response was cut off halfway (the connection closed before the end of the data).</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="100"/>
        <source>Портал не ответил полностью за {seconds} с (шаг «{mode}»); если портал просто медленный, увеличьте portal.deadline.</source>
        <translation>The portal did not respond in full within {seconds} s (step “{mode}”); if the portal is just slow, increase portal.deadline.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="105"/>
        <source>Портал не ответил вовремя (шаг «{mode}»). Проверьте связь или увеличьте portal.read_timeout.</source>
        <translation>The portal did not respond in time (step “{mode}”). Check the connection or increase portal.read_timeout.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="110"/>
        <source>Не удалось связаться с порталом (шаг «{mode}»): соединение не установлено или разорвано. Проверьте адрес портала и подключение к сети.</source>
        <translation>Could not reach the portal (step “{mode}”): the connection was not established or was broken. Check the portal address and the network connection.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="115"/>
        <source>Не удалось проверить сертификат портала. Если у портала собственный сертификат, укажите файл центра сертификации: config set portal.ca_bundle ФАЙЛ.</source>
        <translation>Could not verify the portal certificate. If the portal uses its own certificate, specify the certificate authority file: config set portal.ca_bundle FILE.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="120"/>
        <source>Портал перенаправил вход {where} ({target}); пароль туда не отправлен.</source>
        <translation>The portal redirected the login {where} ({target}); the password was not sent there.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="123"/>
        <source>Портал перенаправил запрос (шаг «{mode}») {where} ({target}); пароль и cookie сеанса туда не отправлены.</source>
        <translation>The portal redirected the request (step “{mode}”) {where} ({target}); the password and session cookie were not sent there.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="128"/>
        <source>Ответ портала на запрос заказов оборвался при каждой попытке; заказы, полученные целиком до обрыва, сохранены, подтверждение не отправлено.</source>
        <translation>The portal’s response to the order request was cut off on every attempt; orders received in full before the cut-off are saved, no confirmation was sent.</translation>
    </message>
    <message>
        <location filename="../wording/portal_errors.py" line="133"/>
        <source>Ответ портала на запрос заказов не принят: {reason}</source>
        <translation>The portal’s response to the order request was not accepted: {reason}</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="113"/>
        <source>Портал ответил на начало обмена непонятным текстом: «{answer}».</source>
        <translation>The portal answered the exchange start with unclear text: &quot;{answer}&quot;.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="116"/>
        <source>Портал не принял подтверждение получения: с тех пор как программа вошла, на этой же странице обмена вошла другая программа — другое рабочее место Order Review или 1С.</source>
        <translation>The portal did not accept the receipt confirmation: since the program logged in, another program has logged in on the same exchange page — another Order Review workstation or 1C.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="121"/>
        <source>{refusal} Портал требует идентификатор сеанса, но при входе его не выдал.</source>
        <translation>{refusal} The portal requires a session ID but did not issue one at login.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="125"/>
        <source>Портал не пустил в обмен: «{words}». Проверьте логин и пароль портала в Настройках и право пользователя выгружать заказы.</source>
        <translation>The portal refused the exchange: &quot;{words}&quot;. Check the portal login and password in Settings and the user&apos;s right to export orders.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="130"/>
        <source>Портал не пустил в обмен: «без объяснения». Проверьте логин и пароль портала в Настройках и право пользователя выгружать заказы.</source>
        <translation>The portal refused the exchange: &quot;no explanation&quot;. Check the portal login and password in Settings and the user&apos;s right to export orders.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="135"/>
        <source>Файл сертификатов портала «{path}», указанный в Настройках, не найден.</source>
        <translation>The portal certificate file &quot;{path}&quot; set in Settings was not found.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="138"/>
        <source>Портал не ответил полностью за {seconds} с (шаг «{mode}»); если портал просто медленный, увеличьте время ответа портала в Настройках.</source>
        <translation>The portal did not answer fully within {seconds} s (step &quot;{mode}&quot;); if the portal is just slow, increase the portal response time in Settings.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="143"/>
        <source>Портал не ответил вовремя (шаг «{mode}»). Проверьте связь или увеличьте время ожидания портала в Настройках.</source>
        <translation>The portal did not answer in time (step &quot;{mode}&quot;). Check the connection or increase the portal timeout in Settings.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="148"/>
        <source>Не удалось проверить сертификат портала. Если у портала собственный сертификат, укажите файл сертификатов портала в Настройках.</source>
        <translation>Could not verify the portal certificate. If the portal has its own certificate, set the portal certificate file in Settings.</translation>
    </message>
</context>
<context>
    <name>ProgressWords</name>
    <message>
        <location filename="../ui/progress_words.py" line="33"/>
        <source>Получение заказов: подключение к порталу…</source>
        <translation>Fetching orders: connecting to the portal…</translation>
    </message>
    <message>
        <location filename="../ui/progress_words.py" line="40"/>
        <source>Проверка в реестре (ЕГРЮЛ/ЕГРИП): {0} из {1}</source>
        <translation>Registry check (EGRUL/EGRIP): {0} of {1}</translation>
    </message>
    <message>
        <location filename="../ui/progress_words.py" line="44"/>
        <source>Получение заказов: подтверждение порталу…</source>
        <translation>Fetching orders: confirming to the portal…</translation>
    </message>
    <message>
        <location filename="../ui/progress_words.py" line="52"/>
        <source>{0} из {1} МБ</source>
        <translation>{0} of {1} MB</translation>
    </message>
    <message>
        <location filename="../ui/progress_words.py" line="56"/>
        <source>{0} МБ</source>
        <translation>{0} MB</translation>
    </message>
    <message>
        <location filename="../ui/progress_words.py" line="57"/>
        <source>Получение заказов: {0}, сохранено заказов: {1}</source>
        <translation>Fetching orders: {0}, orders saved: {1}</translation>
    </message>
    <message>
        <location filename="../ui/progress_words.py" line="64"/>
        <source>Обновление справочника 1С: подключение…</source>
        <translation>Refreshing the 1C directory: connecting…</translation>
    </message>
    <message>
        <location filename="../ui/progress_words.py" line="70"/>
        <source>партнёры</source>
        <translation>partners</translation>
    </message>
    <message>
        <location filename="../ui/progress_words.py" line="72"/>
        <source>контрагенты</source>
        <translation>counterparties</translation>
    </message>
    <message>
        <location filename="../ui/progress_words.py" line="75"/>
        <source>Обновление справочника 1С: {0}, {1} из {2}</source>
        <translation>Refreshing the 1C directory: {0}, {1} of {2}</translation>
    </message>
    <message>
        <location filename="../ui/progress_words.py" line="79"/>
        <source>Обновление справочника 1С: {0}, {1}</source>
        <translation>Refreshing the 1C directory: {0}, {1}</translation>
    </message>
</context>
<context>
    <name>PushController</name>
    <message>
        <location filename="../ui/push_controller.py" line="54"/>
        <source>Запись в 1С: заказ {0}, {1} — {2}</source>
        <translation>Writing to 1C: order {0}, {1} — {2}</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="61"/>
        <source>Запись в 1С: подключение…</source>
        <translation>Writing to 1C: connecting…</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="81"/>
        <source>Отправить в 1С</source>
        <translation>Send to 1C</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="84"/>
        <source>Записать принятые решения в 1С (Ctrl+Shift+S)</source>
        <translation>Write the decisions made to 1C (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="126"/>
        <source>записано {0}</source>
        <translation>{0} written</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="127"/>
        <source>ждут заказ в 1С {0}</source>
        <translation>{0} waiting for their 1C order</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="128"/>
        <source>не дошли, повторятся {0}</source>
        <translation>not delivered, will retry {0}</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="129"/>
        <source>с ошибкой {0}</source>
        <translation>{0} failed</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="130"/>
        <source>конфликтов {0}</source>
        <translation>{0} in conflict</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="136"/>
        <source>не записано {0}</source>
        <translation>not written {0}</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="138"/>
        <source>ждут решения конфликтов {0}</source>
        <translation>waiting for conflict resolution {0}</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="140"/>
        <source>Запись в 1С: {0}.</source>
        <translation>Writing to 1C: {0}.</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="141"/>
        <source>нечего записывать</source>
        <translation>nothing to write</translation>
    </message>
    <message>
        <location filename="../ui/push_controller.py" line="158"/>
        <source>Запись в 1С</source>
        <translation>Writing to 1C</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../ui/queue_model.py" line="75"/>
        <source>1С загрузила этот заказ с сайта и отправила обратно раньше, чем программа его получила; портал больше не отдаёт его на страницу обмена, пока заказ не изменят на сайте. Проверяйте по данным 1С.</source>
        <translation>1C loaded this order from the site and sent it back before this program received it; the portal will not offer it on the exchange page again until the order is edited on the site. Review it by 1C’s data.</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="276"/>
        <source>Проверки заказа: самое серьёзное замечание (подробно — в подсказке)</source>
        <translation>Order checks: the most serious issue (details in the tooltip)</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="280"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП): что сказал реестр о покупателе (подробно — в подсказке)</source>
        <translation>Registry (EGRUL/EGRIP): what the registry says about the buyer (details in the tooltip)</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="287"/>
        <source>Состояние</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="288"/>
        <source>Дата</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="289"/>
        <source>Номер</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="290"/>
        <source>Покупатель</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="291"/>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="292"/>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="293"/>
        <source>Пров.</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="294"/>
        <source>Решение</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="295"/>
        <source>Реестр</source>
        <translation>Registry</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="320"/>
        <source> • изменён</source>
        <translation> • changed</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="344"/>
        <source>Портал изменил заказ после того, как его начали проверять.</source>
        <translation>The portal changed the order after its review began.</translation>
    </message>
    <message>
        <location filename="../ui/queue_model.py" line="348"/>
        <source>КПП {0}</source>
        <translation>KPP {0}</translation>
    </message>
    <message>
        <location filename="../ui/queue_annotations.py" line="50"/>
        <source>Портал не прислал ИНН покупателя.</source>
        <translation>The portal sent no INN for the buyer.</translation>
    </message>
    <message>
        <location filename="../ui/queue_annotations.py" line="52"/>
        <source>Проверки замечаний не нашли.</source>
        <translation>The checks found no issues.</translation>
    </message>
    <message>
        <location filename="../ui/queue_annotations.py" line="109"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) замечаний не нашёл.</source>
        <translation>The registry (EGRUL/EGRIP) found nothing to note.</translation>
    </message>
    <message>
        <location filename="../ui/unread_words.py" line="15"/>
        <source>Не прочитан</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <location filename="../ui/unread_words.py" line="19"/>
        <source>Программа не смогла прочитать этот документ с портала; портал считает его уже переданным и пришлёт снова, только если заказ изменят на сайте, поэтому его текст сохранён здесь и будет прочитан новой версией программы.</source>
        <translation>The program could not read this document from the portal. The portal considers it delivered and will send it again only if the order is edited on the site, so its text is kept here for a newer version of the program to read.</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../ui/queue_panel.py" line="82"/>
        <source>Поиск: номер, покупатель, ИНН</source>
        <translation>Search: number, buyer, INN</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.py" line="171"/>
        <source>Все ({0})</source>
        <translation>All ({0})</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.py" line="183"/>
        <source>Проблемы в реестре ({0})</source>
        <translation>Registry problems ({0})</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.py" line="229"/>
        <source>Заказов: {0}</source>
        <translation>Orders: {0}</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.py" line="231"/>
        <source>Нет заказов</source>
        <translation>No orders</translation>
    </message>
    <message>
        <location filename="../ui/queue_panel.py" line="234"/>
        <source>; не прочитано документов: {0}</source>
        <translation>; unreadable documents: {0}</translation>
    </message>
</context>
<context>
    <name>RawFieldGroups</name>
    <message>
        <location filename="../wording/raw_field_groups.py" line="15"/>
        <source>Реквизиты</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../wording/raw_field_groups.py" line="16"/>
        <source>Юридический адрес</source>
        <translation>Legal address</translation>
    </message>
    <message>
        <location filename="../wording/raw_field_groups.py" line="17"/>
        <source>Адрес (фактический)</source>
        <translation>Address (actual)</translation>
    </message>
    <message>
        <location filename="../wording/raw_field_groups.py" line="18"/>
        <source>Адрес регистрации</source>
        <translation>Registration address</translation>
    </message>
    <message>
        <location filename="../wording/raw_field_groups.py" line="21"/>
        <source>Расчётный счёт</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../wording/raw_field_groups.py" line="22"/>
        <source>Контакты</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location filename="../wording/raw_field_groups.py" line="23"/>
        <source>Представитель</source>
        <translation>Representative</translation>
    </message>
</context>
<context>
    <name>RawFields</name>
    <message>
        <location filename="../ui/raw_fields_model.py" line="104"/>
        <source>Поле</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../ui/raw_fields_model.py" line="104"/>
        <source>Значение</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../ui/raw_fields_view.py" line="54"/>
        <source>Копировать значение</source>
        <translation>Copy value</translation>
    </message>
    <message>
        <location filename="../ui/raw_fields_view.py" line="58"/>
        <source>Копировать путь</source>
        <translation>Copy path</translation>
    </message>
</context>
<context>
    <name>RegistryActions</name>
    <message>
        <location filename="../ui/registry_actions.py" line="53"/>
        <source>Проверить в реестре</source>
        <translation>Check in the registry</translation>
    </message>
    <message>
        <location filename="../ui/registry_actions.py" line="57"/>
        <source>Спросить ЕГРЮЛ/ЕГРИП (DaData) о покупателе этого заказа сейчас, даже если ответ уже есть.</source>
        <translation>Ask EGRUL/EGRIP (DaData) about this order&apos;s buyer now, even if an answer is already stored.</translation>
    </message>
    <message>
        <location filename="../ui/registry_actions.py" line="73"/>
        <source>У покупателя этого заказа нет ИНН для реестра.</source>
        <translation>This order&apos;s buyer has no INN to look up in the registry.</translation>
    </message>
    <message>
        <location filename="../ui/registry_actions.py" line="78"/>
        <source>Проверка покупателя в реестре…</source>
        <translation>Checking the buyer in the registry…</translation>
    </message>
</context>
<context>
    <name>RegistryError</name>
    <message>
        <location filename="../wording/registry_errors.py" line="14"/>
        <source>DaData не приняла ключ API (HTTP {status}). Задайте ключ заново: order-review login registry.</source>
        <translation>DaData did not accept the API key (HTTP {status}). Set the key again: order-review login registry.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="19"/>
        <source>В ключе API DaData есть буквы не латиницы или пробелы — ключ из кабинета DaData состоит из латинских букв и цифр. Задайте его заново: order-review login registry.</source>
        <translation>The DaData API key contains non-Latin letters or spaces — a key from the DaData account consists of Latin letters and digits. Set it again: order-review login registry.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="24"/>
        <source>Исчерпан дневной лимит запросов DaData (HTTP {status}); проверка по реестру снова заработает завтра (по московскому времени).</source>
        <translation>The daily DaData request limit is used up (HTTP {status}); the registry check will work again tomorrow (Moscow time).</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="29"/>
        <source>DaData просит спрашивать реже (HTTP {status}: слишком много запросов в секунду); повторите чуть позже.</source>
        <translation>DaData asks for fewer requests (HTTP {status}: too many requests per second); try again a bit later.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="34"/>
        <source>Сервис DaData ответил ошибкой (HTTP {status}); повторите позже.</source>
        <translation>The DaData service returned an error (HTTP {status}); try again later.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="37"/>
        <source>DaData не приняла запрос (HTTP {status}); проверьте адрес сервиса (registry.url).</source>
        <translation>DaData did not accept the request (HTTP {status}); check the service address (registry.url).</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="41"/>
        <source>Вместо ответа DaData пришло «{answer}» — похоже, адрес сервиса (registry.url) неверен или между программой и DaData стоит прокси.</source>
        <translation>Instead of a DaData answer, &quot;{answer}&quot; came back — the service address (registry.url) seems wrong, or there is a proxy between the program and DaData.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="46"/>
        <source>DaData не ответила за {seconds} с; проверьте сеть и повторите.</source>
        <translation>DaData did not answer within {seconds} s; check the network and try again.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="49"/>
        <source>Не удалось связаться с DaData — соединение не установлено или разорвано. Проверьте сеть и адрес сервиса (registry.url).</source>
        <translation>Could not reach DaData — the connection was not established or was broken. Check the network and the service address (registry.url).</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="54"/>
        <source>Сервис по адресу registry.url перенаправил запрос на другой сервер ({target}); ключ туда не отправлен.</source>
        <translation>The service at registry.url redirected the request to another server ({target}); the key was not sent there.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="59"/>
        <source>Адрес сервиса реестра «{url}» неполный: нужен адрес вида https://suggestions.dadata.ru.</source>
        <translation>The registry service address &quot;{url}&quot; is incomplete: it must look like https://suggestions.dadata.ru.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="65"/>
        <source>DaData не приняла ключ API (HTTP {status}). Введите ключ заново в Настройках («Ключ DaData (реестр)»).</source>
        <translation>DaData did not accept the API key (HTTP {status}). Enter the key again in Settings (&quot;DaData key (registry)&quot;).</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="70"/>
        <source>В ключе API DaData есть буквы не латиницы или пробелы — ключ из кабинета DaData состоит из латинских букв и цифр. Введите его заново в Настройках («Ключ DaData (реестр)»).</source>
        <translation>The DaData API key has non-Latin letters or spaces; a key from the DaData account has Latin letters and digits only. Enter it again in Settings (&quot;DaData key (registry)&quot;).</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="76"/>
        <source>DaData не приняла запрос (HTTP {status}); проверьте в Настройках «Адрес сервиса реестра (DaData)».</source>
        <translation>DaData refused the request (HTTP {status}); check &quot;Registry service address (DaData)&quot; in Settings.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="81"/>
        <source>Вместо ответа DaData пришло «{answer}» — похоже, «Адрес сервиса реестра (DaData)» в Настройках неверен или между программой и DaData стоит прокси.</source>
        <translation>Instead of DaData&apos;s answer came &quot;{answer}&quot;: the &quot;Registry service address (DaData)&quot; in Settings seems wrong, or a proxy stands between the program and DaData.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="86"/>
        <source>Не удалось связаться с DaData — соединение не установлено или разорвано. Проверьте сеть и «Адрес сервиса реестра (DaData)» в Настройках.</source>
        <translation>Could not reach DaData: the connection was not made or was dropped. Check the network and the &quot;Registry service address (DaData)&quot; in Settings.</translation>
    </message>
    <message>
        <location filename="../wording/registry_errors.py" line="91"/>
        <source>Сервис реестра перенаправил запрос на другой сервер ({target}); ключ туда не отправлен. Проверьте «Адрес сервиса реестра (DaData)» в Настройках.</source>
        <translation>The registry service redirected the request to another server ({target}); the key was not sent there. Check the &quot;Registry service address (DaData)&quot; in Settings.</translation>
    </message>
</context>
<context>
    <name>RegistryLine</name>
    <message>
        <location filename="../ui/registry_line.py" line="29"/>
        <source>сегодня</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../ui/registry_line.py" line="31"/>
        <source>вчера</source>
        <translation>yesterday</translation>
    </message>
    <message>
        <location filename="../ui/registry_line.py" line="33"/>
        <source>{0} день назад</source>
        <translation>{0} days ago</translation>
    </message>
    <message>
        <location filename="../ui/registry_line.py" line="35"/>
        <source>{0} дня назад</source>
        <translation>{0} days ago</translation>
    </message>
    <message>
        <location filename="../ui/registry_line.py" line="36"/>
        <source>{0} дней назад</source>
        <translation>{0} days ago</translation>
    </message>
    <message>
        <location filename="../ui/registry_line.py" line="42"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП) не спрашивали: покупатель связан с контрагентом 1С подтверждённым сопоставлением.</source>
        <translation>The registry (EGRUL/EGRIP) was not asked: the buyer is linked to a 1C counterparty by a confirmed mapping.</translation>
    </message>
    <message>
        <location filename="../ui/registry_line.py" line="53"/>
        <source>Реестр (ЕГРЮЛ/ЕГРИП): проверено {0}.</source>
        <translation>Registry (EGRUL/EGRIP): checked {0}.</translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message>
        <location filename="../ui/replace_dialog.py" line="26"/>
        <source>Заменить контрагента в заказе 1С</source>
        <translation>Replace the counterparty in the 1C order</translation>
    </message>
    <message>
        <location filename="../ui/replace_dialog.py" line="30"/>
        <source>В заказе 1С № {0} уже указан контрагент «{1}».</source>
        <translation>1C order No. {0} already has the counterparty “{1}”.</translation>
    </message>
    <message>
        <location filename="../ui/replace_dialog.py" line="39"/>
        <source>Заменить его на «{0}»?</source>
        <translation>Replace it with “{0}”?</translation>
    </message>
    <message>
        <location filename="../ui/replace_dialog.py" line="42"/>
        <source>Пометить «{0}» на удаление (создан обменом с сайтом)</source>
        <translation>Mark “{0}” for deletion (created by the site exchange)</translation>
    </message>
    <message>
        <location filename="../ui/replace_dialog.py" line="50"/>
        <source>Заменить</source>
        <translation>Replace</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../ui/review_actions.py" line="48"/>
        <source>Создать в 1С</source>
        <translation>Create in 1C</translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="49"/>
        <source>Создать контрагента в 1С по карточке портала</source>
        <translation>Create a counterparty in 1C from the portal card</translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="52"/>
        <source>Связать</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="53"/>
        <source>Связать заказ с контрагентом 1С, выбранным в списке</source>
        <translation>Link the order to the 1C counterparty selected in the list</translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="56"/>
        <source>Отклонить</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="57"/>
        <source>Отклонить контрагента заказа, с причиной</source>
        <translation>Reject the order’s counterparty, with a reason</translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="60"/>
        <source>Отложить</source>
        <translation>Defer</translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="61"/>
        <source>Вернуться к заказу позже</source>
        <translation>Come back to the order later</translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="86"/>
        <source>Изменить решение</source>
        <translation>Change decision</translation>
    </message>
    <message>
        <location filename="../ui/review_actions.py" line="122"/>
        <source>Открыть «Создать в 1С» и «Связать» для нового решения</source>
        <translation>Enable &quot;Create in 1C&quot; and &quot;Link&quot; for a new decision</translation>
    </message>
</context>
<context>
    <name>ReviewHooks</name>
    <message>
        <location filename="../ui/review_hooks.py" line="107"/>
        <source>(помечен на удаление)</source>
        <translation>(marked for deletion)</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../ui/review_panel.py" line="94"/>
        <source>Выберите заказ в очереди слева.</source>
        <translation>Select an order in the queue on the left.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel.py" line="125"/>
        <source>Строки заказа</source>
        <translation>Order lines</translation>
    </message>
    <message>
        <location filename="../ui/review_panel.py" line="127"/>
        <source>Свойства заказа</source>
        <translation>Order properties</translation>
    </message>
    <message>
        <location filename="../ui/review_panel.py" line="129"/>
        <source>История</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../ui/review_panel.py" line="268"/>
        <source>Заказ № {0}</source>
        <translation>Order No. {0}</translation>
    </message>
    <message>
        <location filename="../ui/review_panel.py" line="270"/>
        <source>от {0}</source>
        <translation>dated {0}</translation>
    </message>
    <message>
        <location filename="../ui/review_panel.py" line="284"/>
        <source>В 1С (прочитано {0}): {1}</source>
        <translation>In 1C (read {0}): {1}</translation>
    </message>
    <message>
        <location filename="../ui/review_panel.py" line="288"/>
        <source>«Связать» или «Создать в 1С» предложат заменить его.</source>
        <translation>“Link” or “Create in 1C” will offer to replace it.</translation>
    </message>
    <message>
        <location filename="../ui/review_panel.py" line="326"/>
        <source>Отличается от выбранного контрагента 1С</source>
        <translation>Differs from the selected 1C counterparty</translation>
    </message>
    <message>
        <location filename="../ui/review_panel.py" line="329"/>
        <source>Отличается от карточки портала</source>
        <translation>Differs from the portal card</translation>
    </message>
    <message>
        <location filename="../ui/review_panel.py" line="340"/>
        <source>Решение по заказу уже записано в 1С; чтобы принять другое, нажмите «Изменить решение»</source>
        <translation>The decision on this order is already written to 1C; to make another one, click &quot;Change decision&quot;</translation>
    </message>
    <message>
        <location filename="../ui/unread_view.py" line="44"/>
        <source>Документ с портала № {0} не прочитан</source>
        <translation>Portal document No. {0} could not be read</translation>
    </message>
    <message>
        <location filename="../ui/unread_view.py" line="46"/>
        <source>(Ид {0})</source>
        <translation>(ID {0})</translation>
    </message>
    <message>
        <location filename="../ui/unread_view.py" line="48"/>
        <source>Причина: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
    <message>
        <location filename="../ui/unread_view.py" line="50"/>
        <source>Портал считает этот заказ переданным и пришлёт его снова, только если заказ изменят на сайте; найдите его там по номеру, а текст документа ниже сохранён и будет прочитан заново, когда новая версия программы сможет его прочитать.</source>
        <translation>The portal considers this order delivered and will send it again only if the order is edited on the site; find it there by its number. The document text below is kept and will be read again once a newer version of the program can read it.</translation>
    </message>
    <message>
        <location filename="../ui/unread_view.py" line="58"/>
        <source>Текст документа не сохранён.</source>
        <translation>The document text was not kept.</translation>
    </message>
</context>
<context>
    <name>ReviewStates</name>
    <message>
        <location filename="../wording/states.py" line="16"/>
        <source>новый</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../wording/states.py" line="17"/>
        <source>на проверке</source>
        <translation>in review</translation>
    </message>
    <message>
        <location filename="../wording/states.py" line="18"/>
        <source>решение принято</source>
        <translation>decided</translation>
    </message>
    <message>
        <location filename="../wording/states.py" line="19"/>
        <source>записан в 1С</source>
        <translation>written to 1C</translation>
    </message>
    <message>
        <location filename="../wording/states.py" line="20"/>
        <source>отклонён</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../wording/states.py" line="21"/>
        <source>ошибка</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../wording/states.py" line="24"/>
        <source>есть в 1С, не получен с портала</source>
        <translation>in 1C, not received from the portal</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <location filename="../ui/screenshots.py" line="143"/>
        <source>В демонстрации нет подходящего заказа для {0}</source>
        <translation>The demo has no suitable order for {0}</translation>
    </message>
</context>
<context>
    <name>SellerNotes</name>
    <message>
        <location filename="../wording/seller_notes.py" line="14"/>
        <source>У организации «{name}» в 1С нет банковского счёта.</source>
        <translation>The organization &quot;{name}&quot; has no bank account in 1C.</translation>
    </message>
    <message>
        <location filename="../wording/seller_notes.py" line="17"/>
        <source>У организации «{name}» в 1С несколько банковских счетов; в счёт взят {account}. Другой можно задать: config set seller.account …</source>
        <translation>The organization &quot;{name}&quot; has several bank accounts in 1C; the invoice uses {account}. Another can be set: config set seller.account …</translation>
    </message>
    <message>
        <location filename="../wording/seller_notes.py" line="22"/>
        <source>В 1С нет организации с ИНН {inn} (настройка seller.inn).</source>
        <translation>1C has no organization with INN {inn} (the seller.inn setting).</translation>
    </message>
    <message>
        <location filename="../wording/seller_notes.py" line="25"/>
        <source>В 1С нет ни одной организации.</source>
        <translation>1C has no organization at all.</translation>
    </message>
    <message>
        <location filename="../wording/seller_notes.py" line="28"/>
        <source>В 1С несколько организаций: {names}. Укажите, от какой выставлять счета: config set seller.inn ИНН</source>
        <translation>1C has several organizations: {names}. Say which one issues the invoices: config set seller.inn INN</translation>
    </message>
    <message>
        <location filename="../wording/seller_notes.py" line="33"/>
        <location filename="../wording/seller_notes.py" line="40"/>
        <source>Реквизиты продавца из 1С не прочитаны: {error}</source>
        <translation>The seller&apos;s details were not read from 1C: {error}</translation>
    </message>
    <message>
        <location filename="../wording/seller_notes.py" line="36"/>
        <source>Реквизиты продавца из 1С не прочитаны: пароль 1С не сохранён (login onec).</source>
        <translation>The seller&apos;s details were not read from 1C: no 1C password is saved (login onec).</translation>
    </message>
    <message>
        <location filename="../wording/seller_notes.py" line="45"/>
        <source>У организации «{name}» в 1С несколько банковских счетов; в счёт взят {account}. Другой можно указать в Настройках, на вкладке «Продавец».</source>
        <translation>The organization &quot;{name}&quot; has several bank accounts in 1C; the invoice uses {account}. Another can be chosen in Settings, on the &quot;Seller&quot; tab.</translation>
    </message>
    <message>
        <location filename="../wording/seller_notes.py" line="50"/>
        <source>В 1С нет организации с ИНН {inn} — с тем, что указан в Настройках на вкладке «Продавец».</source>
        <translation>1C has no organization with INN {inn}, the one given in Settings on the &quot;Seller&quot; tab.</translation>
    </message>
    <message>
        <location filename="../wording/seller_notes.py" line="55"/>
        <source>В 1С несколько организаций: {names}. Укажите ИНН той, от которой выставлять счета, в Настройках на вкладке «Продавец».</source>
        <translation>1C has several organizations: {names}. Give the INN of the one that issues the invoices in Settings, on the &quot;Seller&quot; tab.</translation>
    </message>
    <message>
        <location filename="../wording/seller_notes.py" line="60"/>
        <source>Реквизиты продавца из 1С не прочитаны: пароль 1С не сохранён (Настройки, вкладка «1С»).</source>
        <translation>The seller&apos;s details were not read from 1C: no 1C password is saved (Settings, the &quot;1C&quot; tab).</translation>
    </message>
</context>
<context>
    <name>SettingRule</name>
    <message>
        <location filename="../wording/setting_rules.py" line="15"/>
        <source>записать в одну строку, без управляющих символов</source>
        <translation>be written on one line, without control characters</translation>
    </message>
    <message>
        <location filename="../wording/setting_rules.py" line="18"/>
        <source>число от {low} и не больше {high}</source>
        <translation>be a number from {low} to {high}</translation>
    </message>
    <message>
        <location filename="../wording/setting_rules.py" line="21"/>
        <source>число больше 0 и не больше {high}</source>
        <translation>be a number greater than 0 and at most {high}</translation>
    </message>
    <message>
        <location filename="../wording/setting_rules.py" line="24"/>
        <source>убрать из адреса пробелы</source>
        <translation>have no spaces in the address</translation>
    </message>
    <message>
        <location filename="../wording/setting_rules.py" line="25"/>
        <source>исправить адрес: он не разбирается (проверьте скобки)</source>
        <translation>be a valid address: this one cannot be parsed (check the brackets)</translation>
    </message>
    <message>
        <location filename="../wording/setting_rules.py" line="28"/>
        <source>начать адрес с https:// (или http://)</source>
        <translation>start the address with https:// (or http://)</translation>
    </message>
    <message>
        <location filename="../wording/setting_rules.py" line="31"/>
        <source>указать в адресе имя сервера</source>
        <translation>name the server in the address</translation>
    </message>
    <message>
        <location filename="../wording/setting_rules.py" line="32"/>
        <source>указать номер порта от 1 до 65535</source>
        <translation>give a port number from 1 to 65535</translation>
    </message>
    <message>
        <location filename="../wording/setting_rules.py" line="33"/>
        <source>Нужно {expected}.</source>
        <translation>Expected: {expected}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settings_tabs.py" line="42"/>
        <location filename="../ui/settings_tabs.py" line="149"/>
        <source>Портал</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="42"/>
        <location filename="../ui/settings_tabs.py" line="150"/>
        <source>1С</source>
        <translation>1C</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="44"/>
        <source>адрес</source>
        <translation>address</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="45"/>
        <source>логин</source>
        <translation>login</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="46"/>
        <source>сертификаты ЦС</source>
        <translation>CA certificates</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="47"/>
        <source>группа доступа новых партнёров</source>
        <translation>access group of new partners</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="63"/>
        <source>Где 1С хранит заказ сайта</source>
        <translation>Where 1C stores the site order</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="64"/>
        <source>Адрес сервиса реестра (DaData)</source>
        <translation>Registry service address (DaData)</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="65"/>
        <source>Ответ реестра устаревает через, дней</source>
        <translation>A registry answer gets old after, days</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="93"/>
        <source>оставьте пустым, чтобы не менять</source>
        <translation>leave empty to keep it unchanged</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="95"/>
        <source>Ключ API DaData для проверки покупателей по ЕГРЮЛ/ЕГРИП. Хранится в хранилище паролей системы, как пароли портала и 1С.</source>
        <translation>The DaData API key for checking buyers in EGRUL/EGRIP. Kept in the system&apos;s password store, like the portal and 1C passwords.</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="101"/>
        <source>Ключ DaData (реестр)</source>
        <translation>DaData key (registry)</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="151"/>
        <source>Продавец</source>
        <translation>Seller</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="152"/>
        <source>Счета</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="154"/>
        <source>Проверка и загрузка</source>
        <translation>Check and import</translation>
    </message>
    <message>
        <location filename="../ui/settings_tabs.py" line="183"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="59"/>
        <source>Пароли хранятся в системном хранилище паролей.</source>
        <translation>Passwords are kept in the system keychain.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="61"/>
        <source>Демонстрация: пароли хранятся только в памяти и забываются при выходе.</source>
        <translation>Demo: passwords are kept in memory only and forgotten on exit.</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="224"/>
        <source>как в системе</source>
        <translation>as in the system</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="225"/>
        <source>Русский</source>
        <translation>Русский (Russian)</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="49"/>
        <source>Настройки</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="167"/>
        <source>Проверка не удалась: {0}</source>
        <translation>The check failed: {0}</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="177"/>
        <source>{0}: нужно {1}.</source>
        <translation>{0}: must be {1}.</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.py" line="233"/>
        <source>Не удалось сохранить настройки: {0}</source>
        <translation>Could not save the settings: {0}</translation>
    </message>
</context>
<context>
    <name>SettingsError</name>
    <message>
        <location filename="../wording/service_errors.py" line="85"/>
        <source>«{value}» — не {what}.</source>
        <translation>“{value}” is not {what}.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="86"/>
        <source>ИНН (10 или 12 цифр с верным ключом)</source>
        <translation>a valid INN (10 or 12 digits with a correct check digit)</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="87"/>
        <source>КПП (9 знаков)</source>
        <translation>a valid KPP (9 characters)</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="88"/>
        <source>БИК (9 цифр)</source>
        <translation>a valid BIC (9 digits)</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="89"/>
        <source>корреспондентский счёт (20 цифр)</source>
        <translation>a valid correspondent account (20 digits)</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="90"/>
        <source>расчётный счёт (20 цифр)</source>
        <translation>a valid settlement account (20 digits)</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="91"/>
        <source>{key}: {detail}.</source>
        <translation>{key}: {detail}.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="92"/>
        <source>Пароли в файлах настроек не хранятся. Сохраните пароль в системном хранилище: python -m desktop_app login {section} --password-stdin</source>
        <translation>Passwords are not stored in settings files. Save the password in the system store: python -m desktop_app login {section} --password-stdin</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="97"/>
        <source>Нет такой настройки «{key}». Есть: {known}.</source>
        <translation>There is no setting “{key}”. Available: {known}.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="100"/>
        <source>Нет такой настройки «{key}».</source>
        <translation>There is no setting “{key}”.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="101"/>
        <source>«{value}» не подходит для {key}: нужно {expected}.</source>
        <translation>“{value}” does not fit {key}: {expected} is needed.</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="104"/>
        <source>положительное число</source>
        <translation>a positive number</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="105"/>
        <source>целое число, не меньше нуля</source>
        <translation>a whole number, zero or greater</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="106"/>
        <source>целое положительное число</source>
        <translation>a positive whole number</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="107"/>
        <source>да или нет</source>
        <translation>yes or no</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="108"/>
        <source>own-page или peek</source>
        <translation>own-page or peek</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="109"/>
        <source>order или today</source>
        <translation>order or today</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="110"/>
        <source>system, ru или en</source>
        <translation>system, ru or en</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="111"/>
        <source>текст</source>
        <translation>text</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="112"/>
        <source>Файл настроек {path} не читается: {detail}</source>
        <translation>Settings file {path} cannot be read: {detail}</translation>
    </message>
    <message>
        <location filename="../wording/service_errors.py" line="115"/>
        <source>Файл настроек {path} не подходит: {problem} — исправьте или удалите его.</source>
        <translation>Settings file {path} is not valid: {problem} — correct or delete it.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="186"/>
        <source>Пароли в файлах настроек не хранятся. Введите пароль в Настройках: программа хранит его в системном хранилище паролей.</source>
        <translation>Passwords are not stored in settings files. Enter the password in Settings: the program keeps it in the system password store.</translation>
    </message>
</context>
<context>
    <name>SettingsForms</name>
    <message>
        <location filename="../ui/settings_forms.py" line="51"/>
        <source>Нужно одно из: {0}.</source>
        <translation>Must be one of: {0}.</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="132"/>
        <source>Наименование организации</source>
        <translation>Organization name</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="133"/>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="134"/>
        <source>КПП</source>
        <translation>KPP</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="135"/>
        <source>Адрес</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="136"/>
        <source>Банк (наименование и город)</source>
        <translation>Bank (name and city)</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="137"/>
        <source>БИК</source>
        <translation>BIK</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="138"/>
        <source>Корр. счёт</source>
        <translation>Corr. account</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="139"/>
        <source>Расчётный счёт</source>
        <translation>Bank account</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="140"/>
        <source>Руководитель</source>
        <translation>Director</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="141"/>
        <source>Бухгалтер</source>
        <translation>Accountant</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="150"/>
        <source>Реквизиты продавца в счетах. Незаполненные берутся из 1С (организация и её банковский счёт), если 1С подключена.</source>
        <translation>Seller details on invoices. Empty ones are taken from 1C (the organization and its bank account) if 1C is connected.</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="166"/>
        <source>Номер счёта (шаблон)</source>
        <translation>Invoice number (template)</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="170"/>
        <source>{number} — номер заказа на портале, {id} — Ид заказа, {year} — год. Например: СЧ-{year}-{number}</source>
        <translation>{number} — order number on the portal, {id} — order ID, {year} — year. For example: INV-{year}-{number}</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="179"/>
        <source>дата заказа</source>
        <translation>order date</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="180"/>
        <source>день выписки</source>
        <translation>issue date</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="182"/>
        <source>Дата счёта</source>
        <translation>Invoice date</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="197"/>
        <source>Записывать в 1С заказы уже связанных покупателей сразу</source>
        <translation>Write orders of already linked buyers to 1C right away</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="202"/>
        <source>Записывать первое точное совпадение ИНН и КПП сразу</source>
        <translation>Write the first exact INN and KPP match right away</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="207"/>
        <source>Перепроводить проведённый заказ после замены контрагента</source>
        <translation>Repost a posted order after the counterparty is replaced</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="215"/>
        <source>Записей в 1С одновременно</source>
        <translation>Simultaneous writes to 1C</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="228"/>
        <source>Язык окна</source>
        <translation>Window language</translation>
    </message>
    <message>
        <location filename="../ui/settings_forms.py" line="231"/>
        <source>Язык окна меняется при следующем запуске.</source>
        <translation>The window language changes at the next start.</translation>
    </message>
</context>
<context>
    <name>SettingsHelp</name>
    <message>
        <location filename="../wording/settings_help.py" line="14"/>
        <source>полный адрес страницы обмена портала</source>
        <translation>the full address of the portal&apos;s exchange page</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="18"/>
        <source>пользователь портала с правом выгрузки заказов</source>
        <translation>the portal user allowed to export orders</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="22"/>
        <source>own-page (своя страница обмена, с подтверждением) или peek (без подтверждения)</source>
        <translation>own-page (an exchange page of its own, with confirmation) or peek (without confirmation)</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="26"/>
        <source>файл сертификатов центра сертификации портала (PEM), если он свой</source>
        <translation>the portal&apos;s certificate authority file (PEM), if it has its own</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="30"/>
        <source>сколько секунд ждать соединения с порталом</source>
        <translation>how many seconds to wait for a connection to the portal</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="34"/>
        <source>сколько секунд ждать ответа портала</source>
        <translation>how many seconds to wait for the portal&apos;s answer</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="38"/>
        <source>сколько секунд самое большее длится шаг обмена с порталом целиком</source>
        <translation>the most seconds a whole exchange step with the portal may take</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="42"/>
        <source>сколько раз повторять шаг обмена при обрыве связи</source>
        <translation>how many times to repeat an exchange step when the connection breaks</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="46"/>
        <source>через сколько минут окно программы само получает заказы (0 — вручную; по умолчанию 3: пустое получение — 3 запроса и около 2 КБ, на старом ядре Битрикса — 5 запросов и последний заказ дважды)</source>
        <translation>every how many minutes the window fetches orders by itself (0: by hand only; default 3: an empty fetch is 3 requests and about 2 KB, on an older Bitrix core 5 requests and the last order twice)</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="52"/>
        <source>адрес OData-сервиса 1С (…/odata/standard.odata/)</source>
        <translation>the address of 1C&apos;s OData service (…/odata/standard.odata/)</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="56"/>
        <source>пользователь 1С</source>
        <translation>the 1C user</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="60"/>
        <source>файл сертификатов центра сертификации 1С (PEM)</source>
        <translation>1C&apos;s certificate authority file (PEM)</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="64"/>
        <source>сколько секунд ждать соединения с 1С</source>
        <translation>how many seconds to wait for a connection to 1C</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="68"/>
        <source>сколько секунд ждать ответа 1С</source>
        <translation>how many seconds to wait for 1C&apos;s answer</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="72"/>
        <source>сколько секунд самое большее длится один запрос к 1С целиком</source>
        <translation>the most seconds one whole request to 1C may take</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="76"/>
        <source>группа доступа новых партнёров в 1С (название или GUID); пусто — та, что ставит обмен с сайтом</source>
        <translation>the access group of new partners in 1C (a name or a GUID); empty: the one the site exchange sets</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="81"/>
        <source>где 1С хранит номер заказа сайта: auto (как определила проверка подключения к 1С), bitrix (Б_Идентификатор), property:ГУИД (доп. реквизит), field:ПОЛЕ</source>
        <translation>where 1C stores the site order number: auto (as found by the 1C connection check), bitrix (the Bitrix identifier attribute), property:GUID (additional attribute), field:FIELD</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="86"/>
        <source>через сколько часов копия справочника 1С считается устаревшей: «Создать в 1С» тогда предупреждает, что контрагент может уже быть в 1С (по умолчанию 24)</source>
        <translation>after how many hours the 1C directory copy is considered stale: &quot;Create in 1C&quot; then warns that the counterparty may already be in 1C (default 24)</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="91"/>
        <source>да/нет: записывать в 1С без подтверждения заказы покупателей, уже связанных раньше</source>
        <translation>yes/no: write to 1C without confirmation the orders of buyers linked before</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="95"/>
        <source>да/нет: записывать без подтверждения первое точное совпадение ИНН+КПП</source>
        <translation>yes/no: write without confirmation the first exact match of INN+KPP</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="99"/>
        <source>да/нет: перепроводить проведённый заказ 1С после замены контрагента</source>
        <translation>yes/no: repost a posted 1C order after its counterparty is replaced</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="103"/>
        <source>сколько решений записывать в 1С одновременно</source>
        <translation>how many decisions to write to 1C at once</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="107"/>
        <source>продавец в счетах: наименование организации</source>
        <translation>the seller on invoices: the company&apos;s name</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="111"/>
        <source>ИНН продавца</source>
        <translation>the seller&apos;s INN</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="115"/>
        <source>КПП продавца (у ИП пусто)</source>
        <translation>the seller&apos;s KPP (empty for a sole trader)</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="119"/>
        <source>адрес продавца</source>
        <translation>the seller&apos;s address</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="123"/>
        <source>банк продавца (наименование и город)</source>
        <translation>the seller&apos;s bank (name and city)</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="127"/>
        <source>БИК банка продавца</source>
        <translation>the BIC of the seller&apos;s bank</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="131"/>
        <source>корреспондентский счёт банка продавца</source>
        <translation>the correspondent account of the seller&apos;s bank</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="135"/>
        <source>расчётный счёт продавца</source>
        <translation>the seller&apos;s settlement account</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="139"/>
        <source>руководитель (подпись в счёте)</source>
        <translation>the director (signature on the invoice)</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="143"/>
        <source>бухгалтер (подпись в счёте)</source>
        <translation>the accountant (signature on the invoice)</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="147"/>
        <source>номер счёта: шаблон с полями {{number}}, {{id}}, {{year}}</source>
        <translation>the invoice number: a template with the fields {{number}}, {{id}}, {{year}}</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="151"/>
        <source>дата счёта: order (дата заказа) или today (день выписки)</source>
        <translation>the invoice date: order (the order&apos;s date) or today (the day it is made)</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="155"/>
        <source>язык окна: system (как в системе), ru или en; действует со следующего запуска</source>
        <translation>the window&apos;s language: system (as the system&apos;s), ru or en; takes effect at the next start</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="159"/>
        <source>адрес сервиса проверки по реестру ЕГРЮЛ/ЕГРИП (DaData); ключ API задаёт команда login registry</source>
        <translation>address of the state registry (EGRUL/EGRIP) check service (DaData); the API key is set with the login registry command</translation>
    </message>
    <message>
        <location filename="../wording/settings_help.py" line="164"/>
        <source>через сколько дней ответ реестра считается устаревшим и спрашивается заново</source>
        <translation>after how many days a registry answer is considered stale and requested again</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../ui/status_bar.py" line="45"/>
        <source>не проверялся</source>
        <translation>not checked</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="46"/>
        <source>на связи</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="47"/>
        <source>не настроен</source>
        <translation>not set up</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="48"/>
        <source>нет пароля</source>
        <translation>no password</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="49"/>
        <source>нет связи</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="50"/>
        <source>не принимает вход</source>
        <translation>login refused</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="51"/>
        <source>ошибка</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="88"/>
        <source>Отменить</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="121"/>
        <source>Портал</source>
        <translation>Portal</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="121"/>
        <source>1С</source>
        <translation>1C</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="127"/>
        <source>запись не проходит</source>
        <translation>write failing</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="140"/>
        <source>Ждут записи в 1С: {0}</source>
        <translation>Waiting to be written to 1C: {0}</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="143"/>
        <source>Ждут заказ в 1С: {0}</source>
        <translation>Waiting for the order in 1C: {0}</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="146"/>
        <source>Решения записаны бы, но заказа в 1С ещё нет: они уйдут сами, когда 1С получит заказ с портала.</source>
        <translation>The decisions are ready to be written, but the order is not in 1C yet: they will be sent automatically once 1C receives the order from the portal.</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="156"/>
        <source>Заказы ещё не получены</source>
        <translation>No orders fetched yet</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="162"/>
        <source>Последнее получение: {0}</source>
        <translation>Last fetch: {0}</translation>
    </message>
    <message>
        <location filename="../ui/status_bar.py" line="230"/>
        <source>Отмена…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <location filename="../wording/errors.py" line="64"/>
        <source>База данных создана более новой версией Order Review (ревизия {revision}). Обновите программу до последней версии или укажите другую папку данных. Файл не изменён: {location}</source>
        <translation>The database was made by a newer version of Order Review (revision {revision}). Update the app to the latest version or choose another data folder. The file is unchanged: {location}</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="70"/>
        <source>Не удалось записать {what} в папку данных {folder}: на диске не осталось места, освободите место и повторите.</source>
        <translation>Could not write {what} to the data folder {folder}: the disk is full; free some space and try again.</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="75"/>
        <source>Не удалось записать {what} в папку данных {folder}: папка открыта только для чтения или нет прав на запись, проверьте права на папку.</source>
        <translation>Could not write {what} to the data folder {folder}: the folder is read-only or you have no right to write to it; check the folder&apos;s permissions.</translation>
    </message>
    <message>
        <location filename="../wording/errors.py" line="80"/>
        <source>Не удалось записать {what} в папку данных {folder}: ошибка диска ({detail}), проверьте диск.</source>
        <translation>Could not write {what} to the data folder {folder}: a disk error ({detail}); check the disk.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="14"/>
        <source>Не удаётся создать папку данных {folder}: {detail}</source>
        <translation>Cannot create data folder {folder}: {detail}</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="17"/>
        <source>Неверный адрес базы данных {location}: {detail}</source>
        <translation>Invalid database address {location}: {detail}</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="20"/>
        <source>Не удаётся открыть базу данных {location}: {detail}. Проверьте, что папка данных доступна для чтения и записи (или что сервер базы данных доступен).</source>
        <translation>Cannot open database {location}: {detail}. Check that the data folder can be read and written (or that the database server is reachable).</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="25"/>
        <source>Не удаётся открыть базу данных {location}: файл повреждён или не является базой данных ({detail}). Переместите его или укажите другую папку данных.</source>
        <translation>Cannot open database {location}: the file is damaged or is not a database ({detail}). Move it or specify a different data folder.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="30"/>
        <source>{location} — база данных другой программы, а не Order Review. Укажите другую папку данных.</source>
        <translation>{location} is a database of another program, not Order Review. Specify a different data folder.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="35"/>
        <source>Не удалось обновить базу данных {location}: {detail}. Изменения отменены.</source>
        <translation>Could not upgrade database {location}: {detail}. The changes were rolled back.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="39"/>
        <source>Не удалось обновить базу данных {location}: {detail}. Изменения отменены. Копия базы до обновления: {backup}.</source>
        <translation>Could not upgrade database {location}: {detail}. The changes were rolled back. Copy of the database before the upgrade: {backup}.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="44"/>
        <source>Обновление базы данных нарушило ссылочную целостность ({count} строк, например {example}); база данных оставлена без изменений.</source>
        <translation>The database upgrade broke referential integrity ({count} rows, for example {example}); the database was left unchanged.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="49"/>
        <source>Не удалось сохранить копию базы данных перед обновлением ({detail}). База данных не изменена: {location}</source>
        <translation>Could not save a copy of the database before the upgrade ({detail}). The database was not changed: {location}</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="54"/>
        <source>Не найдены сценарии обновления базы данных ({folder}): установка программы повреждена, переустановите Order Review.</source>
        <translation>Database upgrade scripts not found ({folder}): the program installation is damaged, reinstall Order Review.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="62"/>
        <source>Файл базы данных{location} повреждён (проверка нашла: {detail}), и программа больше ничего в него не пишет: восстановите его из резервной копии или перенесите и получите заказы заново.</source>
        <translation>The database file{location} is damaged (the check found: {detail}), and the program no longer writes anything to it: restore it from a backup, or move it away and fetch the orders again.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="68"/>
        <source>Файл базы данных{location} повреждён (при чтении), и программа больше ничего в него не пишет: восстановите его из резервной копии или перенесите и получите заказы заново.</source>
        <translation>The database file{location} is damaged (found while reading), and the program no longer writes anything to it: restore it from a backup, or move it away and fetch the orders again.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="73"/>
        <source>База данных занята другой программой дольше {seconds} с, изменения не сохранены: повторите позже.</source>
        <translation>The database has been busy with another program for more than {seconds} s, the changes were not saved: try again later.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="78"/>
        <source>На диске с папкой данных{where} не осталось места, изменения не сохранены: освободите место и повторите.</source>
        <translation>The disk with the data folder{where} is out of space, the changes were not saved: free up space and try again.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="83"/>
        <source>Папка данных{where} открыта только для чтения, изменения не сохранены: проверьте права на папку и её файлы.</source>
        <translation>The data folder{where} is read-only, the changes were not saved: check the permissions on the folder and its files.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="88"/>
        <source>Диск с папкой данных{where} не дал прочитать или записать базу данных ({detail}): изменения не сохранены, проверьте диск.</source>
        <translation>The disk with the data folder{where} did not allow reading or writing the database ({detail}): the changes were not saved, check the disk.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="93"/>
        <source>Файл базы данных в папке данных{where} не открыть ({detail}): проверьте, что папка доступна.</source>
        <translation>Cannot open the database file in the data folder{where} ({detail}): check that the folder is accessible.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="98"/>
        <source>Не хватило памяти для работы с базой данных: закройте другие программы и повторите.</source>
        <translation>Not enough memory to work with the database: close other programs and try again.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="105"/>
        <source>У заказа {portal_id} нет автоматического решения.</source>
        <translation>Order {portal_id} has no automatic decision.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="108"/>
        <source>Заказа {portal_id} нет в локальной базе.</source>
        <translation>Order {portal_id} is not in the local database.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="109"/>
        <source>no outbox step {step_id}</source>
        <translation>no outbox step {step_id}</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="110"/>
        <source>неизвестный формат сохранённого заказа: {start}</source>
        <translation>unknown format of the saved order: {start}</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="113"/>
        <source>сохранённый заказ повреждён: {detail}</source>
        <translation>the saved order is damaged: {detail}</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="116"/>
        <source>сохранённый заказ повреждён: нет объекта заказа</source>
        <translation>the saved order is damaged: there is no order object</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="119"/>
        <source>Запись этого решения в 1С прервалась, и неизвестно, успела ли 1С её выполнить: решение не меняется, пока следующая запись в 1С (push или «Записать в 1С») не проверит это в 1С.</source>
        <translation>Writing this decision to 1C was interrupted, and it is unknown whether 1C managed to complete it: the decision cannot be changed until the next write to 1C (push or “Write to 1C”) checks this in 1C.</translation>
    </message>
    <message>
        <location filename="../wording/store_errors.py" line="125"/>
        <source>Решение по этому заказу уже (возможно, частично) записано в 1С и больше не меняется здесь. Исправьте заказ или контрагента в самой 1С.</source>
        <translation>The decision on this order has already been (possibly partly) written to 1C and can no longer be changed here. Correct the order or the counterparty in 1C itself.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../ui/sync_controller.py" line="95"/>
        <source>Получить заказы</source>
        <translation>Fetch orders</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="99"/>
        <source>Обновить справочник 1С</source>
        <translation>Refresh the 1C directory</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="199"/>
        <source>Заказы получены: новых {0}, изменённых {1}, без изменений {2}.</source>
        <translation>Orders fetched: {0} new, {1} changed, {2} unchanged.</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="203"/>
        <source>Отложено из-за ошибок: {0}.</source>
        <translation>Set aside due to errors: {0}.</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="207"/>
        <source>Ответ портала оборван; следующее получение повторит его.</source>
        <translation>The portal’s answer was cut off; the next fetch will repeat it.</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="211"/>
        <source>Внимание: {0}</source>
        <translation>Warning: {0}</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="239"/>
        <source>В 1С найдены заказы с сайта, которые портал программе не отдал: {0}. Они в очереди: «Есть в 1С, не получен с портала».</source>
        <translation>1C has site orders the portal did not send to this program: {0}. They are in the queue as “Only in 1C”.</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="260"/>
        <source>Получение заказов</source>
        <translation>Fetching orders</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="299"/>
        <source>Справочник 1С прочитан не полностью, копия с 1С не сверена.</source>
        <translation>The 1C directory was not read in full; the copy was not reconciled with 1C.</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="303"/>
        <source>Справочник 1С обновлён: партнёров {0}, контрагентов {1}.</source>
        <translation>1C directory refreshed: {0} partners, {1} counterparties.</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="314"/>
        <source>Обновление справочника 1С</source>
        <translation>Refreshing the 1C directory</translation>
    </message>
    <message>
        <location filename="../ui/sync_controller.py" line="364"/>
        <source>Проверка связи</source>
        <translation>Connection check</translation>
    </message>
</context>
<context>
    <name>WindowWords</name>
    <message>
        <location filename="../wording/window_words.py" line="19"/>
        <source>вход</source>
        <translation>login</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="20"/>
        <source>начало обмена</source>
        <translation>exchange start</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="21"/>
        <source>получение заказов</source>
        <translation>receiving orders</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="22"/>
        <source>подтверждение получения</source>
        <translation>receipt confirmation</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="23"/>
        <source>передача файла</source>
        <translation>file transfer</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="24"/>
        <source>загрузка файла</source>
        <translation>file upload</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="27"/>
        <source>обмен</source>
        <translation>exchange</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="30"/>
        <source>контрагентов</source>
        <translation>counterparties</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="31"/>
        <source>контактов контрагентов</source>
        <translation>counterparty contacts</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="34"/>
        <source>партнёров</source>
        <translation>partners</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="35"/>
        <source>контактов партнёров</source>
        <translation>partner contacts</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="38"/>
        <source>организаций</source>
        <translation>organizations</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="39"/>
        <source>банковских счетов</source>
        <translation>bank accounts</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="40"/>
        <source>видов контактной информации</source>
        <translation>contact information kinds</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="43"/>
        <source>заказов клиентов</source>
        <translation>customer orders</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="44"/>
        <source>описания публикации 1С</source>
        <translation>the 1C publication description</translation>
    </message>
    <message>
        <location filename="../wording/window_words.py" line="47"/>
        <source>данных 1С</source>
        <translation>1C data</translation>
    </message>
</context>
<context>
    <name>WriteOutcome</name>
    <message>
        <location filename="../wording/outcomes.py" line="18"/>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="19"/>
        <source>Не известно, где 1С хранит номер заказа сайта, поэтому связь ждёт. Проверьте 1С (check onec или «Проверить подключение» в настройках) или укажите место вручную: config set onec.order_link.</source>
        <translation>It is not known where 1C keeps the site&apos;s order number, so the link waits. Check 1C (check onec, or “Check connection” in the settings) or set the place by hand: config set onec.order_link.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="25"/>
        <source>Не известно, где 1С хранит номер заказа сайта, поэтому связь ждёт. {reason} Проверьте 1С (check onec или «Проверить подключение» в настройках) или укажите место вручную: config set onec.order_link.</source>
        <translation>It is not known where 1C keeps the site&apos;s order number, so the link waits. {reason} Check 1C (check onec, or “Check connection” in the settings) or set the place by hand: config set onec.order_link.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="31"/>
        <source>Контрагент ещё не создан в 1С.</source>
        <translation>The counterparty is not created in 1C yet.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="34"/>
        <source>1С ещё не загрузила заказ {order}: ни в одном заказе 1С нет «{key}» в {place}. Связь будет записана, когда он появится.</source>
        <translation>1C has not loaded order {order} yet: no 1C order has “{key}” in {place}. The link will be written when it appears.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="39"/>
        <source>В 1С нет контрагента с ключом {key} (удалён или ключ ошибочен): заказ не связан. Обновите справочник и выберите другого.</source>
        <translation>1C has no counterparty with the key {key} (deleted, or a wrong key): the order is not linked. Refresh the directory and choose another.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="44"/>
        <source>Заказ 1С № {number} уже связан с контрагентом {who}, а не с {was}, которого вы заменяли: его успели заменить раньше (другой менеджер или сама 1С); ничего не перезаписано.</source>
        <translation>1C order No. {number} is already linked to the counterparty {who}, not to {was}, whom you were replacing: it was replaced earlier (by another manager or by 1C itself); nothing was overwritten.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="50"/>
        <source>Заказ 1С № {number} уже связан с контрагентом {who}, другой менеджер или сама 1С успели раньше. Заменить его можно только явно: решение «Связать» или «Создать в 1С» с заменой; ничего не перезаписано.</source>
        <translation>1C order No. {number} is already linked to the counterparty {who}: another manager or 1C itself was first. It can be replaced only explicitly: a “Link” or “Create in 1C” decision with replacement; nothing was overwritten.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="56"/>
        <source>В заказе 1С № {numbers} контрагент заменён: был {was}, теперь {now}.</source>
        <translation>The counterparty in 1C order No. {numbers} is replaced: it was {was}, now it is {now}.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="59"/>
        <source>Заменённого контрагента в 1С уже нет.</source>
        <translation>The replaced counterparty is no longer in 1C.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="62"/>
        <source>Контрагент «{name}» помечен на удаление.</source>
        <translation>The counterparty “{name}” is marked for deletion.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="65"/>
        <source>Заказ 1С № {number} проведён, а перепроведение выключено (review.repost_orders): его движения по регистрам ещё с прежним контрагентом.</source>
        <translation>1C order No. {number} is posted and reposting is off (review.repost_orders): its register entries still have the old counterparty.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="70"/>
        <source>Связь записана, но 1С не провела заказ № {number}: «{words}». Перепроведение повторится при следующей записи в 1С.</source>
        <translation>The link is written, but 1C did not post order No. {number}: “{words}”. Reposting will be tried again at the next write to 1C.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="75"/>
        <source>Заказ 1С № {number} перепроведён.</source>
        <translation>1C order No. {number} is reposted.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="76"/>
        <source>В 1С уже есть контрагент «{name}» с этими ИНН и КПП, но его, похоже, создал обмен с сайтом (партнёр «{partner}»): новый не создан, этот не взят. Решите явно: «Связать» с ним — или «Создать в 1С» с заменой его в заказе (и, если это дубль, с пометкой на удаление).</source>
        <translation>1C already has the counterparty “{name}” with this INN and KPP, but the site exchange seems to have made it (partner “{partner}”): no new one was created and this one was not taken. Decide explicitly: “Link” to it, or “Create in 1C” replacing it in the order (and, if it is a duplicate, marking it for deletion).</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="83"/>
        <source>В 1С уже есть контрагент «{name}» с этими ИНН и КПП: взят его партнёр, новый не создан.</source>
        <translation>1C already has the counterparty “{name}” with this INN and KPP: its partner is taken, no new one was created.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="88"/>
        <source>В 1С уже есть контрагент «{name}» с этими ИНН и КПП: заказ связывается с ним, второй не создан.</source>
        <translation>1C already has the counterparty “{name}” with this INN and KPP: the order is linked to it, no second one was created.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="93"/>
        <source>«{name}» уже создан в 1С по заказу {order}: заказ связывается с ним, второй не создан.</source>
        <translation>“{name}” is already created in 1C for order {order}: the order is linked to it, no second one was created.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="98"/>
        <source>«{name}» создаётся в 1С по заказу {order}, а запись того заказа ещё не закончена: компания создаётся один раз, этот заказ будет связан с ней при следующей записи в 1С.</source>
        <translation>“{name}” is being created in 1C for order {order}, and that order&apos;s write is not finished yet: the company is created once; this order will be linked to it at the next write to 1C.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="104"/>
        <source>{error} Повторим, сначала проверив в 1С, не записалось ли.</source>
        <translation>{error} We will try again, first checking in 1C whether it was written.</translation>
    </message>
    <message>
        <location filename="../wording/outcomes.py" line="107"/>
        <source>Внутренняя ошибка программы ({kind}); подробности в журнале.</source>
        <translation>An internal error of the app ({kind}); the details are in the log.</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="156"/>
        <location filename="../wording/window_variants.py" line="162"/>
        <source>Не известно, где 1С хранит номер заказа сайта, поэтому связь ждёт. Проверьте 1С кнопкой «Проверить подключение» в Настройках; если и она не найдёт, администратор укажет место вручную (подробности в журнале).</source>
        <translation>It is not known where 1C stores the site order number, so the link is waiting. Check 1C with the &quot;Check connection&quot; button in Settings; if that does not find it either, the administrator will set the place manually (details in the log).</translation>
    </message>
    <message>
        <location filename="../wording/window_variants.py" line="168"/>
        <source>Заказ 1С № {number} проведён, а перепроведение выключено в Настройках: его движения по регистрам ещё с прежним контрагентом.</source>
        <translation>1C order No. {number} is posted, and reposting is turned off in Settings: its register entries still have the previous counterparty.</translation>
    </message>
</context>
</TS>
