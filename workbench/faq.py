# ruff: noqa: E501  (quoted FAQ text is kept one string per answer)
"""The FAQ the workbench encodes, question by question, for citing.

Text of JST's "ASPIRE 日蘭共同公募 研究セキュリティに関する FAQ" of 2025-05-20,
in the Japanese original (line breaks of the source joined), with a short English
digest of each answer. Every finding cites questions by their key (``"Q3.6"``);
:func:`cite` turns keys into a short citation line for reports and the dashboard.

The original text of A3.12 begins ``居住者」`` — the opening ``「非`` was lost
in the source copy; it is restored here, as the question is about non-residents.

Examples
--------
>>> FAQ["Q3.6"].summary_en.startswith("A researcher with co-authored papers")
True
>>> cite(("Q3.9", "Q3.6"))
'FAQ Q3.6, Q3.9'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: Date of the FAQ edition transcribed here.
FAQ_EDITION = "2025-05-20"


@dataclass(frozen=True, slots=True)
class FaqQuestion:
    """One question of the FAQ: its key, the Japanese text, and an English digest."""

    key: str
    title_ja: str | None
    question_ja: str
    answer_ja: str
    summary_en: str

    @property
    def number(self) -> tuple[int, int]:
        """``(3, 6)`` for ``"Q3.6"``, for sorting."""
        major, minor = self.key[1:].split(".")
        return int(major), int(minor)


def _q(
    key: str, title_ja: str | None, question_ja: str, answer_ja: str, summary_en: str
) -> FaqQuestion:
    return FaqQuestion(key, title_ja, question_ja, answer_ja, summary_en)


FAQ: dict[str, FaqQuestion] = {
    q.key: q
    for q in (
        _q(
            "Q1.1",
            "研究セキュリティの確保に係る取組みのねらい",
            "研究セキュリティの確保に取組むねらいは何でしょうか？",
            "昨今、研究機関等からの技術情報流出対策の重要性が指摘される中で、公開前の研究成果や研究競争力の源泉となりうるノウハウ等の意図せぬ流出を防ぐとともに、アカデミアにおける研究の独立性、透明性、開放性を最大限守り、安心して研究を遂行できる環境を整えるためです",
            "Why research security: prevent unintended outflow of unpublished results and know-how while keeping research independent, transparent and open.",
        ),
        _q(
            "Q1.2",
            None,
            "なぜ ASPIRE 日蘭共同公募は研究セキュリティ確保の取組みの対象なのですか？",
            "JST では経済安全保障上の重要技術について、公開前の研究成果や研究競争力の源泉となりうるノウハウ等の意図せぬ流出を防ぐとともに、アカデミアにおける研究の独立性、透明性、開放性を最大限守り、安心して研究を遂行できる環境を整えるための取組として、研究セキュリティの確保を推進する取組（JST-TRUST）を開始しました。本年度は、半導体分野、量子技術分野における研究公募を行う事業においてパイロット的取組を実施することとしており、ASPIRE を該当事業として位置づけているものです。",
            "ASPIRE Japan–Netherlands is a JST-TRUST pilot (semiconductors, quantum), hence in scope of research-security checks.",
        ),
        _q(
            "Q1.3",
            None,
            "研究セキュリティの確認でリスクありと判定された場合は、研究が実施できなくなるのでしょうか？ 何をすれば研究が実施できるのでしょうか？",
            "仮にリスクありと判定された場合でも、適切なリスク軽減策を講じることで研究は実施可能です。",
            "A risk found does not stop the research: with adequate mitigation it can proceed.",
        ),
        _q(
            "Q1.4",
            None,
            "研究セキュリティの確保を通じて軽減しようとしている「リスク」とは何ですか？",
            "JST では、公開前の研究成果や研究競争力の源泉となりうるノウハウ等の意図せぬ流出、または、経済安全保障上重要な技術情報やデュアル・ユース的な応用の可能性のある技術情報等の意図せぬ流出・移転を削減すべき「リスク」として捉えています。",
            "The risk: unintended outflow or transfer of unpublished results, know-how, and economically security-relevant or dual-use technical information.",
        ),
        _q(
            "Q1.5",
            None,
            "研究セキュリティ・アンケートへの記載内容は、採択に影響しますか？",
            "研究セキュリティ・アンケートへの記載内容については、必要な情報が適切に記載されている限りにおいて、研究提案に対する審査には影響しません。（ただし、必要に応じて、研究開始までに適切なリスク軽減策を講じることが求められることがあります。）",
            "What the questionnaire declares does not affect the scientific review as long as the needed information is given (mitigation before start may be asked).",
        ),
        _q(
            "Q2.1",
            "適格性審査で研究セキュリティ確保がされていると判断された場合の対応",
            "ASPIRE 日蘭共同公募では、研究セキュリティの確認の結果、確保がされていると判断されれば、以後のプロセスはどのようになりますか？",
            "ＪＳT が研究セキュリティ・アンケートの記載内容等から研究セキュリティが確保されていることを確認した後、研究提案の審査を実施します。なお、必要に応じて、面接時にリスク軽減策の内容や実施状況等を確認することがあります。",
            "Security confirmed: the scientific review proceeds; the interview may check the mitigation and its progress.",
        ),
        _q(
            "Q2.2",
            "適格性審査で疑義ありとされた場合の対応",
            "ASPIRE 日蘭共同公募では、研究セキュリティ・アンケートの確認の結果、何らかのリスクが確認された場合は、以後のプロセスはどのようになりますか？",
            "研究内容によっては採択や採択後の研究推進にあたり、リスク軽減策の対応を依頼する場合があります。なお、その対応が不十分な場合、機構は関係する研究機関で適切な対応が講じられるまで、頂いた提案に対する審査を留保する場合があります。",
            "Risk found: JST may ask for mitigation; if the response is inadequate, JST may withhold the review until the institution acts.",
        ),
        _q(
            "Q3.1",
            "ＡＳＰＩＲＥ日蘭共同公募で研究セキュリティ確保が求められる研究提案の範囲",
            "ＡＳＰＩＲＥ日蘭共同公募における研究セキュリティ確保の取組みは全ての研究提案が対象ですか？",
            "はい。本公募では、全ての研究提案について研究セキュリティ・アンケートの提出を依頼します。",
            "Every proposal submits the research-security questionnaire.",
        ),
        _q(
            "Q3.2",
            "ＪＳＴの研究セキュリティ・アンケートの確認範囲（対象者）",
            "ＪＳＴの研究セキュリティ・アンケートの確認範囲（対象者）は日本側研究体制のみか、日蘭双方か、いずれでしょうか？",
            "日本側研究体制について確認をお願いします。また、研究実施にあたり、日本側研究体制に含まれない国内外の協力機関・研究者がある場合(オランダ側研究体制は含みません)は、そのような協力機関等について確認をお願いします。",
            "The Japanese-side team is screened, plus domestic or foreign cooperating institutions and researchers outside it; the Dutch-side team is not.",
        ),
        _q(
            "Q3.3",
            "研究資金を受けない協力機関に対する確認",
            "研究提案で提案する研究体制には、研究資金を受けない協力機関（企業等）が含まれる場合があります。こうした機関も同様のチェックを行うのでしょうか？",
            "はい。ＪＳＴによる研究セキュリティ・アンケートについては、本事業による研究資金を受けない日本側の協力機関・協力者についても記入を要請しています。なお、本事業に係る研究体制には、直接研究資金の支援を受けない Cooperation partners（主に企業）や Co-funders（in-kind による共同研究への貢献）が参画する場合があることを想定しています。また、提案された研究体制の外に国内外の協力機関・研究者などがある場合も想定しています。",
            "Cooperating institutions that receive no funding (cooperation partners, in-kind co-funders) are screened too.",
        ),
        _q(
            "Q3.4",
            "企業等がＣｏｏｐｅｒａｔｉｏｎ partners として研究体制に加わる場合や研究体制外の協力者に加わる場合",
            "企業等は、拠点が複数の国に渡っている場合もあり、研究セキュリティのアンケートで求めていることが調べられない場合があります。こうした機関も調べてアンケートに記載する必要がありますか？",
            "企業等がＣｏｏｐｅｒａｔｉｏｎ partners として研究体制に加わる場合や研究体制外の協力者に加わる場合は、研究セキュリティのアンケートに則り、企業本体および懸念機関から出資を受けていることが明らかな場合はその機関について、経済産業省の外国ユーザーリスト等に記載がないか必ず調査して下さい。なお、これは、大学、研究機関等が企業等と協力する場合と同様の手続きとなりますので、大学、研究機関等の担当部署にご相談ください。",
            "A company joining as cooperation partner or outside collaborator: check the company and any body of concern clearly investing in it against METI's End User List and the like.",
        ),
        _q(
            "Q3.5",
            "研究体制へのリスクがある研究者の参加",
            "日本側研究体制に、経産省の外国ユーザーリスト等に登録された機関にも所属している研究者の参加を予定していますが、参加を避けた方が良いのでしょうか？",
            "まず、当該研究者の受け入れに関し、日本側あるいは相手国側の大学、研究機関の安全保障貿易管理担当部門に相談いただき、その上で、当該研究者が研究体制に参加する場合は、研究開発において取り扱う情報の内容等を踏まえ、適切なリスク軽減策を講じてください。",
            "A researcher also affiliated with a listed organization: consult the export-control office; if they join, take mitigation fitted to the information handled.",
        ),
        _q(
            "Q3.6",
            "リスクがある研究者との共著論文がある研究者の参加",
            "日本側研究体制に、外国ユーザーリスト等に掲載された研究機関に所属している研究者との共著論文等がある研究者の参加を予定しています。その者の参加は避けた方が良いでしょうか？",
            "過去 2 年以内に、そうした研究機関所属の研究者と共著論文等がある研究者が研究体制に参加する場合は、研究開発において取り扱う情報の内容等を踏まえ、必要に応じて適切なリスク軽減策を講じてください。",
            "A researcher with co-authored papers within the past 2 years with researchers of a listed organization: mitigation as needed.",
        ),
        _q(
            "Q3.7",
            "研究室に所属している者の対象範囲",
            "研究セキュリティのアンケートで求めている研究室に現在所属している者についての確認は、どこまでを対象とするのでしょうか？ 例えば、秘書や事務員なども確認の対象でしょうか？",
            "研究室が実施する研究に関係するメンバーを対象としてください。秘書や事務員が研究に直接関与せず、研究内容に直接関係する情報にアクセスしないのであれば、対象にはなりません。",
            "Lab members involved in the research are in scope; a secretary or clerk not involved and without access to research information is not.",
        ),
        _q(
            "Q3.8",
            "研究体制に参加するメンバーに兼務先がある場合",
            "研究体制に参加する PI もしくは Co-PI に兼務先がある場合は、その兼務先での確認も必要でしょうか？",
            "兼務先も研究実施機関である場合は、PI もしくは Co-PI の本機関における研究室に現在所属している者についても「１．（１）および（２）」では、回答に含めて下さい。",
            "When a PI or Co-PI has a concurrent post at another research institution, the current members of their lab there are in scope too.",
        ),
        _q(
            "Q3.9",
            "外国ユーザーリストや統合スクリーニングリストに登録されている機関に過去所属していた研究者への対応",
            "過去、外国ユーザーリストや統合スクリーニングリストに登録されている機関に所属していた研究者が研究に参加する場合は、どのような対応が必要でしょうか？",
            "現在所属していなければ、研究セキュリティ・アンケートに記載する必要はありませんが、過去 2 年以内に、当該研究機関所属の研究者等との共著論文等がある場合は、その情報について記載して下さい。",
            "A past affiliation with a listed organization is not reportable by itself; co-authorship with its researchers within 2 years is.",
        ),
        _q(
            "Q3.10",
            "想定されるリスク軽減策",
            "「研究開発において取り扱う情報の内容等を踏まえ、必要に応じて適切なリスク軽減策を講じる」とは、具体的にはどのようなリスク軽減策が考えらますか。",
            "例えば、研究提案にある研究活動において取り扱う又は産み出すことが見込まれる、研究競争力の源泉となりうるノウハウや経済安全保障上重要な技術に関する知見や情報を「特定研究情報」として定義・特定し、これらの特定研究情報については、これを取り扱ったり、アクセスできる者を限定するという措置が考えられます。",
            "Typical mitigation: define 'specified research information' and limit who may handle or access it.",
        ),
        _q(
            "Q3.11",
            "リスクが見当たらない場合",
            "研究セキュリティ・アンケートにおいて、懸念となる事項が全く無かった場合は、リスク軽減策についての記入（「4．」）は行わなくてよいでしょうか？",
            "記入しなくて問題ありませんが、研究提案が採択された際には、研究参加者の研究セキュリティに関する意識を涵養するための何らかの取組を行うことが期待されます。",
            "No concern at all: the mitigation section may stay empty, but on adoption some awareness-raising on research security is expected.",
        ),
        _q(
            "Q3.12",
            "日本側研究体制への「非居住者」の参加",
            "日本側研究体制の一部に「非居住者」にあたる研究者がいますが、リスク軽減が必要な対象になるのでしょうか？ そのような研究者は研究体制に含まない方がよいのでしょうか？",
            "「非居住者」にあたる研究者への技術提供は、海外に送付する場合はもちろんのこと、日本国内においても、「みなし輸出管理」の対象として輸出管理が必要になります。したがって、研究開発において取り扱う情報の内容等を踏まえ、必要に応じて適切なリスク軽減策を講じてください。なお、「非居住者」に該当するからといって、安全保障上懸念がある者とみなされるわけではないことに留意が必要です。",
            "Non-residents: providing technology is a deemed export even inside Japan; mitigation as needed. Being a non-resident is not itself a concern.",
        ),
        _q(
            "Q3.13",
            "日本側研究体制への「特定類型」該当者の参加",
            "日本側研究体制の一部の研究参加者は、外国の大学、研究機関とクロスアポイントメントを有していますが、リスク軽減が必要な対象になるのでしょうか？",
            "当該研究参加者が、「居住者」であっても、安全保障貿易管理における「特定類型」に該当する場合、「みなし輸出管理」の対象となります。したがって、研究開発において取り扱う情報の内容等を踏まえ、必要に応じて適切なリスク軽減策を講じてください。なお、「特定類型」に該当するからといって安全保障上懸念がある者とみなされるわけではないことに留意が必要です。",
            "Residents in the 'specific category' (e.g. cross-appointment abroad) fall under deemed-export control; mitigation as needed. Not itself a concern.",
        ),
        _q(
            "Q4.1",
            "機微性／対応要否／軽減策の妥当性の判断",
            "研究提案の研究内容に対する機微性、研究セキュリティ確保の対応要否、軽減策の妥当性は、誰が／どうやって／いつ判断するのでしょうか？",
            "JST の評価者が研究提案に基づき研究内容の重要性や機微性を評価するとともに、研究セキュリティのアンケートの内容等から、リスク軽減策の必要性や妥当性を判断します。ASPIRE 日蘭共同公募では、公募締切直後に研究提案に関する適格性審査を行います。",
            "JST evaluators judge sensitivity and the need for and adequacy of mitigation, in the eligibility review right after the call closes.",
        ),
        _q(
            "Q4.2",
            "研究セキュリティ・アンケートの記載内容（「4．リスク軽減策について」関連）",
            "「特定研究情報」とは、誰がどのように決めればいいのでしょうか？",
            "研究提案者には、必要に応じて、研究提案にある研究活動において取り扱う又は産み出すことが見込まれる、研究競争力の源泉となりうるノウハウや、経済安全保障上重要な技術に関する知見や情報等を「特定研究情報」として定義・特定していただきます。採択候補課題となった場合、JST 側から、その内容、範囲について助言を行うことがあります。",
            "The proposer defines 'specified research information'; JST may advise on its content and scope once the proposal is a candidate for adoption.",
        ),
        _q(
            "Q5.1",
            "JST の判断で研究セキュリティのリスクがあると判断された場合のオランダ側への波及",
            "JST で研究セキュリティのリスクがあると判断された場合、日蘭の体制全体を変更するケースがあるでしょうか？",
            "JST では、研究セキュリティのアンケートに基づき、日本側の研究体制の確認を実施しますので、オランダ側の研究体制への変更に及ぶことは想定していません。",
            "JST checks only the Japanese-side team; changes to the Dutch-side team are not expected.",
        ),
        _q(
            "Q6.1",
            "研究開始までにリスク軽減策が完了しない場合",
            "研究開始までにリスク軽減策の対応が完了しない場合、どのような対応になるのでしょうか？",
            "本公募では、適切なリスク軽減策が講じられることを前提にして審査を実施します。したがって、採択された場合には、研究計画書に研究開始までにリスク軽減策を講じる旨記載を求める場合があります。",
            "Mitigation not finished by the start: the review assumes it will be; on adoption the research plan may have to state it will be in place before the start.",
        ),
        _q(
            "Q6.2",
            "研究開始までには対応が完了するが、審査開始には間に合わない場合",
            "研究開始までには対応が完了するが、審査開始には間に合わない場合、どのような対応になるのでしょうか？",
            "研究開始までにリスク軽減策が講じられることを前提にして審査を実施します。",
            "Mitigation ready by the start but not by the review: the review assumes it will be in place before the start.",
        ),
        _q(
            "Q7.1",
            "研究体制の変更により新たなメンバーが加わる場合、新たなメンバーのレベル",
            "研究体制の変更により新たなメンバーが加わる都度、研究セキュリティ・アンケートを提出する必要がありますか？ 研究開始後に加わる新たなメンバーとは、Co-PI レベルでしょうか？ 若手研究者や学生も含みますか? また、コーディネーターなども対象であるでしょうか？ 日蘭双方のメンバーが対象になるのでしょうか？",
            "研究体制や所属の変更があった場合、JST は研究計画書の変更を求めます。その内容によっては、JST から研究セキュリティの確認を行う場合があります。",
            "A change of team or affiliation: JST asks for a revised research plan and may re-check research security.",
        ),
        _q(
            "Q7.2",
            "研究体制変更時のオランダ側資金配分機関からの要請",
            "研究体制変更時、オランダ側資金配分機関である NWO に対して何らかの報告が必要でしょうか？",
            "NWO 側にも研究体制の変更に必要な手続きがある可能性があることから、オランダ側研究代表者から NWO に確認をお願いします。",
            "On a team change, the Dutch PI checks NWO's own procedure.",
        ),
        _q(
            "Q7.3",
            "研究体制の変更時 JST 側の要求に応えられない場合",
            "研究体制の変更時、JST 側の要求に応えられない場合、メンバーの追加ができない、研究支援が一時的に停止するなどの措置がありますか？",
            "研究体制の変更について、JST 側で精査したのち、日本側研究代表者に対応を相談します。",
            "If JST's requests on a team change cannot be met, JST reviews and consults the Japanese PI.",
        ),
        _q(
            "Q8.1",
            "チームメンバーが虚偽の申告をした場合",
            "JST に提出する研究セキュリティのアンケートの記載の際、研究体制のメンバーが虚偽や事実と異なる申告をしていた場合には、どのような対応になりますか？",
            "大学、研究機関側で研究セキュリティ・アンケートに記載すべき情報の再度の確認および必要に応じて適切なリスク軽減策を講じた上で、研究セキュリティ・アンケートの再提出をお願いします。",
            "A false or inaccurate declaration: the institution re-checks, takes mitigation as needed, and the questionnaire is submitted again.",
        ),
    )
}


def sort_keys(keys: Iterable[str]) -> tuple[str, ...]:
    """FAQ keys in the FAQ's own order, duplicates removed; unknown keys raise ``KeyError``.

    Examples
    --------
    >>> sort_keys(["Q3.13", "Q3.2", "Q3.2"])
    ('Q3.2', 'Q3.13')
    """
    return tuple(sorted(set(keys), key=lambda k: FAQ[k].number))


def cite(keys: Iterable[str]) -> str:
    """A short citation line: ``"FAQ Q3.6, Q3.9"``."""
    return "FAQ " + ", ".join(sort_keys(keys))
