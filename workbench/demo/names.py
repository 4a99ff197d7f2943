"""Fictitious person names drawn from common given and family names of each culture.

A drawn name is a random combination of common names, so it stands for no one
in particular. Japanese, Chinese, Korean, Iranian and Russian names carry their
original script too, as authors often write them.

Examples
--------
>>> import random
>>> n = draw("japanese", random.Random(1))
>>> n.display == f"{n.given} {n.family}", n.questionnaire == f"{n.family} {n.given}"
(True, True)
>>> Name("Haruki", "Sato", "佐藤 春樹", family_first=True).initials
'H. Sato'
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Name:
    given: str
    family: str
    local: str | None = None  # original script, written as its culture writes it
    family_first: bool = False  # how the questionnaire writes it (Japanese, Chinese, Korean)

    @property
    def display(self) -> str:
        """Given name first, as OpenAlex shows authors."""
        return f"{self.given} {self.family}"

    @property
    def questionnaire(self) -> str:
        return f"{self.family} {self.given}" if self.family_first else self.display

    @property
    def initials(self) -> str:
        parts = self.given.replace("-", " ").split()
        return " ".join(f"{p[0]}." for p in parts) + f" {self.family}"


def _split(text: str) -> list[tuple[str, ...]]:
    """``"Sato 佐藤, Suzuki 鈴木"`` -> ``[("Sato", "佐藤"), ("Suzuki", "鈴木")]``."""
    return [tuple(item.split()) for item in text.replace("\n", " ").split(",") if item.strip()]


def _words(text: str) -> list[str]:
    """Comma-separated names, which may hold spaces (``de Jong``)."""
    return [item.strip() for item in text.replace("\n", " ").split(",") if item.strip()]


# Pools: comma-separated entries, each the romanised name and its script (space-separated).
_JP_FAMILY = _split("""
Sato 佐藤, Suzuki 鈴木, Takahashi 高橋, Tanaka 田中, Ito 伊藤, Watanabe 渡辺, Yamamoto 山本,
Nakamura 中村, Kobayashi 小林, Kato 加藤, Yoshida 吉田, Yamada 山田, Sasaki 佐々木, Yamaguchi 山口,
Matsumoto 松本, Inoue 井上, Kimura 木村, Hayashi 林, Shimizu 清水, Yamazaki 山崎, Mori 森,
Ikeda 池田, Hashimoto 橋本, Abe 阿部, Ishikawa 石川, Yamashita 山下, Nakajima 中島, Ishii 石井,
Ogawa 小川, Maeda 前田, Okada 岡田, Hasegawa 長谷川, Fujita 藤田, Goto 後藤, Kondo 近藤,
Murakami 村上,
Endo 遠藤, Aoki 青木, Sakamoto 坂本, Saito 斎藤, Fukuda 福田, Ota 太田, Nishimura 西村, Fujii 藤井,
Okamoto 岡本, Matsuda 松田, Nakagawa 中川, Harada 原田, Ono 小野, Takeuchi 竹内
""")
_JP_GIVEN = _split("""
Shota 翔太, Daiki 大輝, Kenta 健太, Takumi 拓海, Haruto 陽翔, Ren 蓮, Yuto 悠斗, Hiroto 大翔,
Minato 湊, Sota 颯太, Naoki 直樹, Makoto 誠, Hiroshi 浩, Takashi 隆, Satoshi 聡, Kenichi 健一,
Misaki 美咲, Yui 結衣, Aoi 葵, Hina 陽菜, Mayu 真由, Aya 彩, Yuka 由佳, Megumi 恵, Mai 麻衣,
Chihiro 千尋, Asuka 明日香, Saori 沙織, Mizuki 瑞希, Ryo 涼
""")
_CN_FAMILY = _split("""
Wang 王, Li 李, Zhang 张, Liu 刘, Chen 陈, Yang 杨, Huang 黄, Zhao 赵, Wu 吴, Zhou 周, Xu 徐,
Sun 孙, Ma 马, Zhu 朱, Hu 胡, Guo 郭, He 何, Gao 高, Lin 林, Luo 罗, Zheng 郑, Liang 梁, Xie 谢,
Song 宋, Tang 唐, Han 韩, Feng 冯, Deng 邓, Cao 曹, Peng 彭
""")
_CN_GIVEN = _split("""
Wei 伟, Fang 芳, Na 娜, Min 敏, Jing 静, Qiang 强, Lei 磊, Jun 军, Yang 洋, Yong 勇, Yan 艳,
Jie 杰, Tao 涛, Ming 明, Chao 超, Hua 华, Ping 平, Peng 鹏, Yuhang 宇航, Zihan 子涵, Haoran 浩然,
Xinyi 欣怡, Zixuan 梓萱, Zhiqiang 志强, Xiaodong 晓东, Haiyan 海燕, Wenbo 文博, Yufei 宇飞,
Jiahui 佳慧, Shuo 硕
""")
_KR_FAMILY = _split("""
Kim 김, Lee 이, Park 박, Choi 최, Jung 정, Kang 강, Cho 조, Yoon 윤, Jang 장, Lim 임, Han 한,
Oh 오, Seo 서, Shin 신
""")
_KR_GIVEN = _split("""
Min-jun 민준, Seo-yeon 서연, Ji-hoon 지훈, Ha-eun 하은, Do-yoon 도윤, Ji-woo 지우, Hyun-woo 현우,
Su-bin 수빈, Ye-jun 예준, Min-seo 민서, Sung-min 성민, Eun-ji 은지
""")
_IR_FAMILY = _split("""
Hosseini حسینی, Ahmadi احمدی, Mohammadi محمدی, Rezaei رضایی, Karimi کریمی,
Moradi مرادی, Jafari جعفری, Rahimi رحیمی, Kazemi کاظمی, Ghasemi قاسمی, Sadeghi صادقی,
Heidari حیدری, Najafi نجفی, Ebrahimi ابراهیمی, Mousavi موسوی, Shirazi شیرازی
""")
_IR_GIVEN = _split("""
Reza رضا, Ali علی, Mohammad محمد, Hossein حسین, Mehdi مهدی, Amir امیر, Saeed سعید,
Hamid حمید, Majid مجید, Sara سارا, Maryam مریم, Fatemeh فاطمه, Zahra زهرا, Narges نرگس,
Leila لیلا, Parisa پریسا
""")
# Russian family names: male, female, male script, female script.
_RU_FAMILY = _split("""
Ivanov Ivanova Иванов Иванова, Smirnov Smirnova Смирнов Смирнова,
Kuznetsov Kuznetsova Кузнецов Кузнецова, Popov Popova Попов Попова,
Volkov Volkova Волков Волкова, Morozov Morozova Морозов Морозова,
Sokolov Sokolova Соколов Соколова, Kozlov Kozlova Козлов Козлова,
Novikov Novikova Новиков Новикова, Fedorov Fedorova Фёдоров Фёдорова,
Orlov Orlova Орлов Орлова
""")
_RU_GIVEN_M = _split("""
Ivan Иван, Sergei Сергей, Dmitry Дмитрий, Alexei Алексей, Andrei Андрей,
Mikhail Михаил, Nikolai Николай, Pavel Павел
""")
_RU_GIVEN_F = _split("""
Anastasia Анастасия, Elena Елена, Olga Ольга, Tatiana Татьяна, Maria Мария,
Natalia Наталья
""")
# Latin-script pools: given names, family names.
_NL_GIVEN = _words("""
Daan, Sem, Lucas, Milan, Thijs, Bram, Jesse, Ruben, Stijn, Joost, Pieter, Maarten,
Jeroen, Sanne, Lotte, Emma, Julia, Anouk, Fleur, Iris, Femke, Eva, Noor, Lieke
""")
_NL_FAMILY = _words("""
de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit,
Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker,
Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, Kuipers, Vermeulen, Willems
""")
_IN_GIVEN = _words("""
Aarav, Rahul, Vikram, Arjun, Karthik, Sanjay, Priya, Ananya, Divya, Kavya, Neha, Sneha,
Rohit, Amit, Suresh, Lakshmi
""")
_IN_FAMILY = _words("""
Sharma, Verma, Gupta, Iyer, Nair, Reddy, Rao, Menon, Patel, Singh, Kumar, Mukherjee,
Banerjee, Chatterjee, Krishnan, Subramanian, Joshi
""")
_EU_GIVEN = _words("""
Thomas, Stefan, Julia, Anna, Michael, Laura, Marco, Giulia, Pierre, Camille, Erik,
Ingrid, Lars, Sofia, Jonas, Lea, Matteo, Clara
""")
_EU_FAMILY = _words("""
Müller, Schmidt, Schneider, Fischer, Weber, Rossi, Bianchi, Martin, Bernard, Dubois,
Johansson, Andersson, Nielsen, Hansen, Wagner, Becker, Moreau, Ricci, Lindqvist,
Keller
""")
_US_GIVEN = _words("""
James, Emily, David, Sarah, Daniel, Jessica, Robert, Jennifer, Andrew, Rachel, Matthew,
Megan, Kevin, Olivia
""")
_US_FAMILY = _words("""
Smith, Johnson, Williams, Brown, Miller, Davis, Wilson, Taylor, Anderson, Moore, Clark,
Lewis, Walker, Hall, Young, Allen
""")


def draw(culture: str, rng: random.Random) -> Name:
    """A random name of ``culture``.

    Cultures: japanese, chinese, korean, iranian, russian, dutch, indian, european, american.
    """
    if culture == "japanese":
        (f, fl), (g, gl) = rng.choice(_JP_FAMILY), rng.choice(_JP_GIVEN)
        return Name(g, f, f"{fl} {gl}", family_first=True)
    if culture == "chinese":
        (f, fl), (g, gl) = rng.choice(_CN_FAMILY), rng.choice(_CN_GIVEN)
        return Name(g, f, fl + gl, family_first=True)
    if culture == "korean":
        (f, fl), (g, gl) = rng.choice(_KR_FAMILY), rng.choice(_KR_GIVEN)
        return Name(g, f, fl + gl, family_first=True)
    if culture == "iranian":
        (f, fl), (g, gl) = rng.choice(_IR_FAMILY), rng.choice(_IR_GIVEN)
        return Name(g, f, f"{gl} {fl}")
    if culture == "russian":
        male, female, lm, lf = rng.choice(_RU_FAMILY)
        if rng.random() < 0.6:
            g, gl = rng.choice(_RU_GIVEN_M)
            return Name(g, male, f"{gl} {lm}")
        g, gl = rng.choice(_RU_GIVEN_F)
        return Name(g, female, f"{gl} {lf}")
    pools = {
        "dutch": (_NL_GIVEN, _NL_FAMILY),
        "indian": (_IN_GIVEN, _IN_FAMILY),
        "european": (_EU_GIVEN, _EU_FAMILY),
        "american": (_US_GIVEN, _US_FAMILY),
    }
    given, family = pools[culture]
    return Name(rng.choice(given), rng.choice(family))


#: Who writes papers at an institution of a country: (culture, weight) pairs.
CULTURES_BY_COUNTRY: dict[str, tuple[tuple[str, float], ...]] = {
    "CN": (("chinese", 1.0),),
    "TW": (("chinese", 1.0),),
    "JP": (("japanese", 0.82), ("chinese", 0.1), ("korean", 0.04), ("indian", 0.04)),
    "KR": (("korean", 1.0),),
    "IR": (("iranian", 1.0),),
    "RU": (("russian", 1.0),),
    "IN": (("indian", 1.0),),
    "PK": (("iranian", 1.0),),
    "NL": (("dutch", 0.7), ("european", 0.15), ("chinese", 0.1), ("indian", 0.05)),
    "US": (("american", 0.55), ("chinese", 0.2), ("indian", 0.15), ("korean", 0.1)),
}
_EUROPE = (("european", 0.75), ("chinese", 0.1), ("indian", 0.08), ("dutch", 0.07))


def culture_for(country: str, rng: random.Random) -> str:
    options = CULTURES_BY_COUNTRY.get(country, _EUROPE)
    return rng.choices([c for c, _ in options], weights=[w for _, w in options])[0]


def east(given: str, family: str, local: str) -> Name:
    """A Japanese, Chinese or Korean name, written family name first in the questionnaire."""
    return Name(given, family, local, family_first=True)
