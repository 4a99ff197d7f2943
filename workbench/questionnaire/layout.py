"""The questionnaire workbook's layout: its sheets, columns, choices and instructions.

One declaration serves both the writer and the reader, so the template and
what is read back from it cannot drift apart. Column keys are the field names
of the JSON questionnaire (:mod:`workbench.proposal`).

Examples
--------
>>> PEOPLE.column("side").header
'日本側・オランダ側 / Side'
>>> PEOPLE.column("side").choices
('JP', 'NL')
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.model import PERSON_ROLES, AffiliationType, OrgRole, Residency, Side

YES, NO = "yes", "no"
#: Spellings read as yes/no (besides Excel's own TRUE/FALSE).
YES_WORDS = frozenset({"yes", "y", "true", "1", "はい", "○", "◯", "有", "あり"})
NO_WORDS = frozenset({"no", "n", "false", "0", "いいえ", "×", "無", "なし"})


#: What a drop-down shows for each stored value, in Japanese and in English. The
#: Japanese template shows the first, the English one the second; either, or the
#: stored value itself, reads back as the value.
CHOICE_LABELS: dict[str, tuple[str, str]] = {
    "JP": ("日本側", "Japanese side"),
    "NL": ("オランダ側", "Dutch side"),
    "PI": ("研究代表者（PI）", "PI"),
    "Co-PI": ("主たる共同研究者（Co-PI）", "Co-PI"),
    "researcher": ("研究者", "researcher"),
    "postdoc": ("ポスドク", "postdoc"),
    "student": ("学生", "student"),
    "technician": ("技術職員", "technician"),
    "secretary": ("秘書・事務職員", "secretary"),
    "external-collaborator": ("外部協力者", "external collaborator"),
    "resident": ("居住者", "resident"),
    "non-resident": ("非居住者", "non-resident"),
    "primary": ("主たる所属", "primary"),
    "concurrent": ("兼務先", "concurrent"),
    "past": ("過去の所属", "past"),
    "cooperation-partner": ("協力機関", "cooperation partner"),
    "co-funder": ("共同出資機関", "co-funder"),
    YES: ("はい", "yes"),
    NO: ("いいえ", "no"),
}


def choice_label(value: str, lang: str) -> str:
    """The label the template in ``lang`` shows for ``value``.

    >>> choice_label("NL", "ja"), choice_label("NL", "en"), choice_label("yes", "ja")
    ('オランダ側', 'Dutch side', 'はい')
    """
    ja, en = CHOICE_LABELS.get(value, (value, value))
    return ja if lang == "ja" else en


def choice_value(label: str, values: tuple[str, ...]) -> str | None:
    """The stored value among ``values`` that ``label`` (either language, or the value) names.

    >>> choice_value("オランダ側", ("JP", "NL")), choice_value("external collaborator",
    ...     ("PI", "external-collaborator")), choice_value("Mars", ("JP", "NL"))
    ('NL', 'external-collaborator', None)
    """
    text = " ".join(label.split()).casefold()
    for value in values:
        names = (value, *CHOICE_LABELS.get(value, ()))
        if any(text == " ".join(n.split()).casefold() for n in names):
            return value
    return None


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a sheet: the data field it holds and how it is shown."""

    key: str
    ja: str
    en: str
    kind: str = "text"  # text | bool | date | choice | ref
    choices: tuple[str, ...] = ()
    width: int = 16
    note: str = ""  # shown as the header cell's comment

    @property
    def header(self) -> str:
        return f"{self.ja} / {self.en}"

    def matches(self, text: str) -> bool:
        """Whether a header cell's text names this column (bilingual, English, Japanese or key)."""
        t = " ".join(text.split()).casefold()
        return t in {
            self.header.casefold(),
            self.en.casefold(),
            self.ja.casefold(),
            self.key.casefold(),
        }


@dataclass(frozen=True, slots=True)
class Sheet:
    """A sheet with one record per row under a header row."""

    name: str
    columns: tuple[Column, ...]
    #: For child sheets: the column that names the parent record, and the parent sheet.
    parent: tuple[str, str] | None = None

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def matches(self, title: str) -> bool:
        t = " ".join(title.split()).casefold()
        return t == self.name.casefold() or t == self.name.split(" ", 1)[-1].casefold()


def _choice(key: str, ja: str, en: str, values: tuple[str, ...], width: int, note: str) -> Column:
    return Column(key, ja, en, "choice", values, width, note)


def _yes_no(key: str, ja: str, en: str, note: str) -> Column:
    return Column(key, ja, en, "bool", (YES, NO), 14, note)


INSTRUCTIONS = "説明 Instructions"
PROPOSAL = Sheet(
    "提案 Proposal",
    (
        Column("proposal_id", "提案番号", "Proposal ID", width=24),
        Column("title", "研究課題名", "Title", width=60),
        Column("field", "分野", "Field", width=20),
        Column("call", "公募名", "Call", width=36),
        Column("submitted", "提出日", "Submitted", "date", width=14),
    ),
)
PEOPLE = Sheet(
    "研究者 People",
    (
        Column("id", "ID", "Person ID", width=10, note="p1, p2, … 各人に一意 / unique per person"),
        Column("name", "氏名", "Name", width=24, note="ローマ字 / in Latin script"),
        Column("name_local", "氏名（現地表記）", "Name (local script)", width=20),
        _choice(
            "side",
            "日本側・オランダ側",
            "Side",
            tuple(s.value for s in Side),
            12,
            "JP: 日本側チーム / Japanese-side team (Q3.2); NL: オランダ側 / Dutch side (Q5.1)",
        ),
        _choice("role", "役割", "Role", PERSON_ROLES, 20, "Q3.7"),
        Column(
            "lab_of",
            "所属研究室の代表者ID",
            "Lab of (PI's ID)",
            "ref",
            width=16,
            note="研究室メンバーの場合、その研究室の PI/Co-PI の ID / for lab members: the ID "
            "of the lab's PI or Co-PI (Q3.7, Q3.8)",
        ),
        Column(
            "lab_site",
            "研究室の所在機関",
            "Lab site",
            width=22,
            note="兼務先の研究室の場合はその機関 / the PI's concurrent institution when the "
            "lab is there (Q3.8)",
        ),
        _yes_no("involved_in_research", "研究への参加", "Involved in research", "Q3.7"),
        _yes_no(
            "accesses_research_information",
            "研究情報へのアクセス",
            "Accesses research information",
            "Q3.7",
        ),
        _choice(
            "residency",
            "居住性",
            "Residency",
            tuple(r.value for r in Residency),
            14,
            "外為法上の居住者・非居住者 / under the Foreign Exchange Act (Q3.12)",
        ),
        _yes_no("specific_category", "特定類型", "Specific category", "Q3.13"),
        Column("specific_category_note", "特定類型の内容", "Specific category note", width=30),
        Column("orcid", "ORCID", "ORCID iD", width=22, note="0000-0000-0000-0000"),
        Column("openalex_id", "OpenAlex 著者ID", "OpenAlex author ID", width=16),
    ),
)
AFFILIATIONS = Sheet(
    "所属 Affiliations",
    (
        Column("person_id", "研究者ID", "Person ID", "ref", width=10),
        Column("organization", "機関名", "Organization", width=40),
        Column("country", "国・地域", "Country", width=10, note="ISO 3166 (JP, NL, CN, …)"),
        _choice(
            "type",
            "種別",
            "Type",
            tuple(t.value for t in AffiliationType),
            14,
            "primary: 本務 / main post; concurrent: 兼務 / concurrent post (Q3.8); "
            "past: 過去の所属 / former (Q3.9)",
        ),
        _yes_no("is_research_institution", "研究機関", "Research institution", "Q3.8"),
        Column("start", "開始日", "Start", "date", width=14),
        Column("end", "終了日", "End", "date", width=14, note="現職は空欄 / empty while current"),
    ),
    parent=("person_id", "people"),
)
ORGANIZATIONS = Sheet(
    "協力機関 Organizations",
    (
        Column("id", "ID", "Organization ID", width=10, note="o1, o2, …"),
        Column("name", "名称", "Name", width=40),
        Column("name_local", "名称（現地表記）", "Name (local script)", width=30),
        Column("country", "国・地域", "Country", width=10),
        _choice("role", "参加形態", "Role", tuple(r.value for r in OrgRole), 22, "Q3.3, Q3.4"),
        _yes_no("receives_funding", "研究費の配分", "Receives funding", "Q3.3"),
    ),
)
INVESTORS = Sheet(
    "出資者 Investors",
    (
        Column("organization_id", "協力機関ID", "Organization ID", "ref", width=14),
        Column("name", "出資者名", "Investor name", width=40),
        Column("country", "国・地域", "Country", width=10),
        _yes_no(
            "clearly_identified",
            "明確に特定",
            "Clearly identified",
            "懸念機関による出資が明確に確認できる / clearly identified investor (Q3.4)",
        ),
    ),
    parent=("organization_id", "organizations"),
)
#: The record sheets, in workbook order.
SHEETS = (PEOPLE, AFFILIATIONS, ORGANIZATIONS, INVESTORS)

INSTRUCTION_LINES: tuple[tuple[str, str], ...] = (
    ("研究セキュリティに関する質問票 / Research-security questionnaire", "title"),
    ("ASPIRE 日本–オランダ共同公募。JST の研究セキュリティ FAQ に沿って記入してください。", "ja"),
    ("ASPIRE Japan–Netherlands joint call. Fill in following JST's research-security FAQ.", "en"),
    ("", ""),
    ("記入の仕方 / How to fill in", "head"),
    (
        "各シートの1行目は見出しです。2行目から1行に1件ずつ記入してください。選択肢のある列は"
        "プルダウンから選び、日付は YYYY-MM-DD で記入してください。",
        "ja",
    ),
    (
        "Row 1 of each sheet is the header; enter one record per row from row 2. Pick values "
        "from the drop-downs where offered; write dates as YYYY-MM-DD.",
        "en",
    ),
    (
        "「提案 Proposal」には提案の基本情報を、「研究者 People」には1人1行、"
        "「所属 Affiliations」には"
        "所属1件ごとに1行（研究者IDで結びます）、"
        "「協力機関 Organizations」と「出資者 Investors」には"
        "協力機関とその出資者を記入します。",
        "ja",
    ),
    (
        "'提案 Proposal' holds the proposal; '研究者 People' one person per row; "
        "'所属 Affiliations' one affiliation per row, linked by Person ID; "
        "'協力機関 Organizations' and '出資者 Investors' the cooperating organizations and "
        "their investors, linked by Organization ID.",
        "en",
    ),
    ("", ""),
    ("誰を記入するか / Whom to list", "head"),
    (
        "Q3.2: 日本側研究チームの全員と、チーム外の国内外の協力機関・協力研究者を記入します"
        "（オランダ側チームは JST の確認対象外ですが、Side=NL として記入できます）。",
        "ja",
    ),
    (
        "Q3.2: list everyone in the Japanese-side team and every domestic or foreign cooperating "
        "institution or researcher outside it (the Dutch-side team is not screened by JST; "
        "you may list it with Side = NL).",
        "en",
    ),
    (
        "Q3.7: 研究室のメンバーは、研究に参加する人、研究情報にアクセスする人を記入します。"
        "研究に参加せず研究情報にもアクセスしない秘書等は、両欄を no としてください。",
        "ja",
    ),
    (
        "Q3.7: lab members count when they take part in the research or access research "
        "information; a secretary who does neither is marked 'no' in both columns.",
        "en",
    ),
    (
        "Q3.8: PI・Co-PI が他の研究機関に兼務先を持つ場合、兼務先の研究室の現メンバーも対象です。"
        "「所属研究室の代表者ID」に PI の ID を、「研究室の所在機関」に兼務先を記入します。",
        "ja",
    ),
    (
        "Q3.8: when a PI or Co-PI holds a concurrent post at another research institution, the "
        "current members of their lab there are in scope too: enter the PI's ID under "
        "'Lab of' and the institution under 'Lab site'.",
        "en",
    ),
    (
        "Q3.4: 企業が協力機関等として参加する場合、その企業と、懸念のある機関による出資が明確に"
        "確認できる出資者を「出資者 Investors」に記入します（明確に特定 = yes）。",
        "ja",
    ),
    (
        "Q3.4: when a company joins as cooperation partner or collaborator, list the company and "
        "any investor clearly identified as a body of concern under '出資者 Investors' "
        "(Clearly identified = yes).",
        "en",
    ),
    (
        "Q3.12: 外国為替及び外国貿易法上の非居住者は「居住性」を non-resident としてください"
        "（みなし輸出管理の対象。非居住者であること自体は懸念ではありません）。",
        "ja",
    ),
    (
        "Q3.12: mark non-residents under the Foreign Exchange Act as 'non-resident' (deemed-export "
        "control applies; being a non-resident is not itself a concern).",
        "en",
    ),
    (
        "Q3.13: 居住者のうち「特定類型」に該当する人"
        "（例：外国の大学等とのクロスアポイントメント）は"
        "「特定類型」を yes とし、内容を記入してください。",
        "ja",
    ),
    (
        "Q3.13: for a resident in the deemed-export 'specific category' (e.g. a cross-appointment "
        "with a foreign university), set 'Specific category' to yes and describe it.",
        "en",
    ),
    ("", ""),
    ("所属の種別 / Affiliation types", "head"),
    (
        "primary = 本務、concurrent = 兼務先（Q3.8）、past = 過去の所属（Q3.9）。"
        "現職の終了日は空欄にしてください。",
        "ja",
    ),
    (
        "primary = main post, concurrent = concurrent post (Q3.8), past = former affiliation "
        "(Q3.9). Leave the end date empty while the post is current.",
        "en",
    ),
)
