"""Problem messages in Japanese and English: what the page shows when a save or a file fails.

A :class:`~workbench.errors.Problem` carries its message in English, as the
command line prints it. The review page speaks the reviewer's language: each
kind of problem it can show has a code here, recognised from the problem's field
and message, with a Japanese and an English text ("期限は今日以降の日付にしてください").
:func:`localise` gives the text of a problem in a language; a problem no code
recognises keeps its own (English) words, so nothing is ever hidden.

Examples
--------
>>> from workbench.errors import Problem
>>> p = Problem("review of P-1", "new measure", "due",
...             "2020-01-01 is in the past (today is 2025-06-20)", "today or a later date")
>>> code_of(p)
'due.past'
>>> localise(p, "ja")
'期限は今日以降の日付にしてください（2020-01-01 は過去の日付です）。'
>>> localise(p, "en")
'The due date must be today or later (2020-01-01 is in the past).'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.errors import Problem


@dataclass(frozen=True, slots=True)
class Message:
    """How to recognise one kind of problem (field and message patterns) and say it."""

    field: str  # regular expression the problem's field matches in full ("" for any)
    message: str  # regular expression searched in the message; its named groups fill the texts
    ja: str
    en: str


#: code -> message. The save problems of the review page (the store's commands) come first.
MESSAGES: dict[str, Message] = {
    "due.past": Message(
        "due",
        r"(?P<value>\S+) is in the past",
        "期限は今日以降の日付にしてください（{value} は過去の日付です）。",
        "The due date must be today or later ({value} is in the past).",
    ),
    "due.not_a_date": Message(
        "due",
        r"not a date: (?P<value>.*)",
        "期限は YYYY-MM-DD 形式の日付で入力してください（入力: {value}）。",
        "The due date must be a date, YYYY-MM-DD (given: {value}).",
    ),
    "rationale.dismissal": Message(
        "rationale",
        r"a dismissal needs a rationale",
        "却下するには理由を入力してください。",
        "Please give a rationale to dismiss a finding.",
    ),
    "text.empty": Message(
        r"text|notes|rationale|persons\[\d+\]",
        r"^empty$",
        "入力が空です。",
        "This may not be empty.",
    ),
    "text.control": Message(
        "",
        r"contains control characters",
        "制御文字（ESC、NUL など）は使えません。",
        "Control characters (such as ESC or NUL) are not allowed.",
    ),
    "text.too_long": Message(
        "",
        r"(?P<n>\d+) characters long",
        "長すぎます（{n} 文字）。",
        "Too long ({n} characters).",
    ),
    "text.not_text": Message(
        "", r"^not text: ", "文字列で入力してください。", "This must be text."
    ),
    "persons.not_list": Message(
        "persons",
        r"a single text, not a list",
        "アクセスできる者は氏名の一覧で入力してください。",
        "Persons with access must be a list of names.",
    ),
    "choice.unknown": Message(
        r"outcome|disposition|kind|status|verdict|scope",
        r"unknown value (?P<value>.*)",
        "選択肢にない値です（{value}）。一覧から選んでください。",
        "Not one of the choices ({value}); please pick one from the list.",
    ),
    "review.not_started": Message(
        "proposal_id",
        r"no review has been started",
        "この提案の審査はまだ開始されていません。先に確認（スクリーニング）を実行してください。",
        "No review has been started for this proposal; screen it first.",
    ),
    "finding.unknown": Message(
        "finding_key",
        r"unknown finding",
        "この所見は審査開始時の確認結果にありません。もう一度確認してください。",
        "This finding was not in the screening the review started with; screen again.",
    ),
    "finding.repeated": Message(
        "finding_keys",
        r"a finding key is repeated",
        "所見が重複しています。",
        "A finding is listed twice.",
    ),
    "measure.unknown": Message(
        "measure_id", r"unknown measure", "その措置はありません。", "There is no such measure."
    ),
    "measure.no_change": Message(
        "changes",
        r"nothing would change",
        "変更がありません（状況・期限などが同じです）。",
        "Nothing would change (the status and due date are the same).",
    ),
    "save.nothing": Message(
        "commands", r"nothing to save", "保存する内容がありません。", "There is nothing to save."
    ),
    # the questionnaire (shown as warnings beside the proposal)
    "role.unknown": Message(
        "role",
        r"unknown role (?P<value>'[^']*')",
        "役割 {value} は既定の選択肢にありません。そのまま記録し、範囲は研究への関与と研究情報への"
        "アクセスで判断します（Q3.7）。",
        "The role {value} is not one of the choices: kept as given; scope follows involvement "
        "and access to research information (Q3.7).",
    ),
    # files handed in on the review page (workbench.session.intake)
    "upload.none": Message(
        r"\(file\)", r"^no file$", "ファイルが選ばれていません。", "No file was chosen."
    ),
    "upload.kind": Message(
        r"\(file\)",
        r"not a questionnaire or publications file",
        "質問票（.xlsx・提案 JSON）でも論文ファイル（.json・.jsonl・.csv・.parquet）"
        "でもありません。",
        "Neither a questionnaire (.xlsx, proposal JSON) nor a publications file "
        "(.json, .jsonl, .csv, .parquet).",
    ),
    "upload.questionnaires": Message(
        r"\(file\)",
        r"questionnaires: (?P<value>.*)",
        "質問票はちょうど1つ渡してください（渡されたもの: {value}）。",
        "Hand in exactly one questionnaire (given: {value}).",
    ),
    "upload.size": Message(
        r"\(file\)",
        r"^(?P<value>[\d,]+) bytes$",
        "ファイルが大きすぎます（{value} バイト）。",
        "The file is too large ({value} bytes).",
    ),
    "upload.count": Message(
        r"\(file\)",
        r"^(?P<value>\d+) files$",
        "一度に渡せるファイルの数を超えています（{value} 件）。",
        "Too many files at once ({value}).",
    ),
    "field.missing": Message(
        "", r"^missing$", "必須項目「{field}」がありません。", "The field '{field}' is missing."
    ),
    "choice.unknown_input": Message(
        "",
        r"unknown value (?P<value>.*)",
        "「{field}」の値 {value} は使えません。",
        "The value {value} of '{field}' is not one the workbench knows.",
    ),
}


def code_of(problem: Problem) -> str | None:
    """The code of the first message recognising ``problem``, or ``None``."""
    for code, m in MESSAGES.items():
        if m.field and not re.fullmatch(m.field, problem.field):
            continue
        if re.search(m.message, problem.message):
            return code
    return None


def localise(problem: Problem, language: str = "ja") -> str:
    """The problem in ``language``: its code's text, else its own message (and field)."""
    code = code_of(problem)
    if code is None:
        return f"{problem.field}: {problem.message}"
    m = MESSAGES[code]
    found = re.search(m.message, problem.message)
    values = {"field": problem.field, **(found.groupdict() if found else {})}
    return (m.ja if language == "ja" else m.en).format(**values)
