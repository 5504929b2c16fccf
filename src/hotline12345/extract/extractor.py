"""From a source document's text to candidate rows of the printed-figures seed, and the names not on record.

Deterministic: the same text and reference seeds give the same rows in the same order. For each figure:

- subject: the nearest name on record before it in its sentence that is not an intake name (a district, a
  category, a unit, a topic, 全市); else the longest intake name in its own clause (群众反映, 派单办理); else the
  words before it in its clause (公众来电23898件); else the subject of the figure before it in the sentence. Names
  after 占 (what a share is of) and names listed before 等 (…等17个问题) are not subjects.
- measure: the nearest cue word before it (vocabulary.py): a change (同比, 环比), a share (占比, refined by the part
  before 占 or what follows 占), a named rate (解决率); a count's cue (区级部门承办); else the one measure of its
  unit (倍 → a multiple); else the measure of the figure before it in the sentence.
- phrase: from the subject's name to the figure's unit when that is one clause or two, else the name, ` … ` and
  the figure's own clause; always text of the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from fractions import Fraction

from hotline12345.extract.document import (
    ALIGNED_GAP,
    BARE_TABLE_NUMBER,
    TRIPLE,
    Heading,
    Part,
    bare_table_group,
    bare_table_period,
    pipe_cells,
    sentences,
    split_document,
)
from hotline12345.extract.patterns import (
    Number,
    chinese_numeral_value,
    find_numbers,
    is_bare_number,
    number_pattern,
    numeric_value,
    signed,
)
from hotline12345.extract.references import Name, References, likely_subject_type, new_name_row
from hotline12345.extract.vocabulary import (
    ANOTHER_HOTLINE,
    ANY_HOTLINE_NUMBER,
    BODY_COUNTED_AFTER,
    BODY_NOUNS_AFTER,
    BODY_NOUNS_BEFORE,
    BODY_PASSING_AFTER,
    BODY_TOTAL_AFTER,
    BODY_TOTAL_BEFORE,
    BODY_TOTAL_UNITS,
    BODY_UNITS,
    BOUND_AROUND,
    BREAKDOWN_ITEM_OPENS,
    CHANGE_SIZE_WORDS,
    CLASS_BOUND_AFTER,
    COLUMN_HEAD_MEASURE_WORDS,
    COUNTED_LINES_AFTER,
    CUT_MARK,
    DEADLINE_AFTER,
    DEADLINE_UNITS,
    EXTRA_UNITS,
    EXTRA_WORDINGS,
    FALL_WORDS,
    GLOSS_BASE_BEFORE,
    GLOSS_PART_BEFORE,
    HOTLINE_MENTION,
    JOINED_TO_A_NUMBER,
    KIND_AFTER_A_CATEGORY,
    LIST_FINISHED,
    MEMBERS_OF_A_CLASS_AFTER,
    MERGED_LINE_NAME,
    MERGED_LINES,
    MERGING_VERB,
    NAME_AROUND_A_NAME,
    NAME_LEADING_FILLERS,
    NAME_TRAILING_FILLERS,
    NOT_A_COLUMN_UNIT,
    NOT_A_FIGURE_BEFORE,
    NOT_A_SHARE_AFTER,
    OTHER_SYSTEM,
    PERIOD_COLUMN,
    PERIOD_LABEL,
    PHRASE_FRAGMENT,
    PLATFORM_MENTION,
    POINTS_UNIT,
    RANK_BEFORE,
    RANK_COLUMN,
    RANK_UNITS,
    RATE_QUALIFIERS,
    RATE_WORD,
    RESTATED_WHOLE,
    RISE_WORDS,
    SCORE_UNIT,
    STATUS_DIMENSION,
    THRESHOLD_AFTER,
    TICKET_NUMBER_COLUMN,
    TOTAL_BEFORE,
    MeasureCue,
    name_key,
    simplified,
)
from hotline12345.glosses import PINYIN_GLOSS

# A clause ends at a comma, colon, enumeration comma or opening bracket, but not at the bracket of pinyin left by
# a mirror's conversion (辦結(jié)).
# A share's whole the page does not state, as ref_measures' share_denominator names it.
UNSTATED_WHOLE = "unstated:whole"
# A share printed with no whole named (占比13.9%, not 占总数的34.8%: a whole the page names is stated, if not read).
SHARE_OF_NO_NAMED_WHOLE = r"占比(?:为|达到?|是)?\s*(?:约|近)?"
# A count in 家 or 个 and the words after it to a percentage, with no other number and at most one clause break
# between (37个区直部门综合满意率达到, 72家，占比).
# Members named before a count of bodies in passing (教体局、人社局、住建局等37个区直部门): the list, its last 等 kept out.
NAMED_BEFORE_BODIES = r"((?:[\u4e00-\u9fff]{2,}、)+[\u4e00-\u9fff]{2,})等$"
BODIES_THEN_PERCENT = r"(\d+)(?:余|多)?(家|个)([^\d%，,。；;]*[，,]?[^\d%，,。；;]*)$"
# A breakdown of the count before it opens (其中): its parts with no cue of their own are of that count's measure.
BREAKDOWN_OF_A_COUNT = r"其中"
# The last member of a list closed by 等 and what the list names (供气等方面的案卷): the list is one name.
LIST_CLOSED_BY_DENG = r"^[\u4e00-\u9fff]{1,8}等(?![\d级])[\u4e00-\u9fff]"
CLAUSE_BREAK = re.compile(r"[，,：:、]|[（(](?![a-zA-Z\u00c0-\u024f]+[）)])")
ENUMERATION_BREAK = re.compile(r"[，,：:“”\"。；;]")
SHARE_WORD = re.compile(r"占")
# what stands between a name and a later item of its list: its count, then names and their counts (740件,西安城投集团
# 688件,)
LISTED_ITEMS = r"\s*\d+(?:\.\d+)?\s*[件个宗次%]\s*[，,、]\s*(?:[\u4e00-\u9fff（）()]{2,20}\s*\d+(?:\.\d+)?\s*[件个宗次%]\s*[，,、]\s*)*"
# A count in a list of counts (咨询类1077件, 求助类两件): where the name before it ends.
LISTED_COUNT = r"[约近超]?\s*(?:\d|[零〇一二两三四五六七八九十百千]+[件宗])"
# 甲、乙均达到100%, 甲、乙均受理50件: the value is every name's (not 平均, 日均, 人均: an average)
# A kind not on record right before the intake word it qualifies (道路运输类电话817件): the count is the kind's.
KIND_BEFORE_INTAKE = r"[\u4e00-\u9fff]{2,10}类$"
NOT_A_KIND = r"(?:各|此|该|这|本|同|多|几|[一二两三四五六七八九十]+)类"  # 受理各类有效服务诉求: every kind
SHARED_BEFORE = r"(?<![平人日月周年户])均[\u4e00-\u9fff]{0,2}\s*$"
SHARED_LEAD = r"^.*(?:有|是|为)"  # 办理较好的单位有甲局: the list opens after the verb
SHARED_JOINT = r"以及|、|和|及(?![时早])"  # 及时回复率 is one word
# The verb between rates listed and the one value they share (办结率、反馈率达到100%; 满意率、回访率均为99%).
RATES_LISTED_VERB = r"(?:均|都)?(?:达到|达|为|是|保持在|保持|在)?\s*$"
EACH_BEFORE = r"各(?:为|是|有)?\s*$"  # 甲、乙及丙各1件: the figure is each name's
LIST_JOINT = r"以及|[、及]"
RESPECTIVELY = re.compile(r"分别(?:为|是|提升至|提高到|达到|达|占)?")
LIST_SEPARATORS = re.compile(r"[、和及与]")
CJK_NAME = re.compile(r"^[\u4e00-\u9fff“”\"（）()·A-Za-z\u00c0-\u024f0-9-]{2,24}$")
# An aside in brackets that holds Chinese or digits (其他来电(超出受理范围、无效电话等)); pinyin left by a mirror's
# conversion (辦結(jié)) stays, as printed.
BRACKETED_ASIDE = r"[（(](?=[^（）()]*[\u4e00-\u9fff\d])[^（）()]*[）)]"
# A name holds no number, but a group named by its size may (5个区, 13个市职能部门, 第一类10个市职能部门和责任单位).
NAME_WITH_NUMBERS = re.compile(r"^(?!(?:第[一二三四五六七八九十]+类)?\d+个[\u4e00-\u9fff])[^\d]*\d")
TABLE_NUMBER_UNIT = "件"
# Spaces between two Chinese characters of one table cell, put there to align a short name with longer ones (two or
# more, or an ideographic space; one space is where a long name wraps in its cell, kept as printed).
ALIGNING_SPACES = r"(?<=[\u4e00-\u9fff])(?:[ \t]{2,}|\u3000+)(?=[\u4e00-\u9fff])"
LONG_PHRASE_CHARS = 60
LEAD_MAX_CHARS = 30
RECEIVED = r"(?:共|累计)?(?:受理|接收)"
# Words that open a list of names and their counts (领域前十分别为城市建设与管理742件、…): the first name follows.
LIST_OPENS = r"(?:分别|依次)(?:为|是)\s*[:：]?"
# A list item's name before its colon, at the sentence's start (1.城市综合：共接收交办件12262件): what the item counts.
ITEM_NAME_BEFORE_COLON = (
    r"^\s*(?:\d+\s*[.．、]|[（(][一二三四五六七八九十\d]+[)）])?\s*([\u4e00-\u9fff]{2,8})\s*[:：]\s*$"
)
HOTLINE_NUMBER = "12345"
# A line named at a clause's start before the verb that received what it counts (常水热线共受理, 12315消费者投诉举报热线共
# 接听来电, 12348法律咨询热线共解答): its name (simplified; 热线 or 专线 last, no verb or number of lines inside).
LINE_OF_ITS_OWN = (
    r"^\s*(?P<line>(?:123\d\d)?[\u4e00-\u9fff“”]{0,10}?(?:热线|专线))\s*"
    r"(?:共|累计|全年|本月|本周)?(?:受理|接听|接到|办理|解答|收到)"
)
# Words naming the platform's own line (本热线, 本月热线, 市长热线 …), lines merged or counted, or not one line.
NOT_A_LINE_OF_ITS_OWN = (
    r"(?:[本该此上今当全各每][\u4e00-\u9fff]{0,4}|市|区|县|省|市长|政务服务|政府|整合|归并|[\u4e00-\u9fff]*条)?"
    r"(?:热线|专线)|.*[、和及].*"
)
# A rate's own subject named beside it is a name of some length (群众诉求在线解答率); 群众满意率 is the platform's.
RATE_SUBJECT_MIN_CHARS = 3
# A rate's own word when no cue on record names it: two characters and 率 (办理率, 签收率), with what is before it
# its subject.
UNKNOWN_RATE_WORD = r"[\u4e00-\u9fff]{2}率\s*$"
# A table head that names a count of its own (件数, 数量, 受理量, 工单数): its bare numbers are counts.
COUNT_HEAD = r"(?:数|数量|量)$"
# The subject type of a platform's own rates (解决率, 满意率 of 全市), as ref_subject_types names it.
SERVICE_QUALITY = "service_quality"


@dataclass
class Figure:
    """One candidate row before it is written out."""

    section: str
    subject_type: str
    subject: str
    parent: str
    list_position: str
    measure: str
    wording: str
    observation: str
    value_printed: str
    unit: str
    phrase: str
    subject_known: bool = True
    rate_word: str = ""  # a rate's own word when no cue on record names its measure (办理率)
    restates: bool = False  # printed as the whole of a breakdown that follows (派遣的16件中): maybe said before
    top_section: str = ""  # the outermost heading above it (二、12319城管热线), '' above the first
    repeats_a_name: bool = False  # a member of a class named after its rate: maybe given that rate before


@dataclass
class Extraction:
    figures: list[Figure] = field(default_factory=list)
    new_names: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def propose(self, seed: str, row: dict[str, str]) -> None:
        rows = self.new_names.setdefault(seed, [])
        if row not in rows:
            rows.append(row)


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    name: Name

    @property
    def is_intake(self) -> bool:
        return self.name.subject_type == "intake"


class Extractor:
    def __init__(self, references: References, observations: list[str]) -> None:
        self.references = references
        self.observations = sorted(observations, key=len, reverse=True)
        units = set(references.units) | {unit.unit_printed for unit in EXTRA_UNITS}
        self.units = sorted(units)
        wordings = {wording: row["printed_position"] for wording, row in references.wordings.items() if wording}
        wordings |= {wording: position for wording, position, _ in EXTRA_WORDINGS}
        self.pattern = number_pattern(
            units,
            [wording for wording, position in wordings.items() if position == "before"],
            [wording for wording, position in wordings.items() if position == "after"],
        )
        self.cues = [(re.compile(cue.pattern), cue) for cue in references.cues if cue.pattern]
        self.rate_measures = {cue.measure for cue in references.cues if cue.kind == "rate"}
        self.change_measures = {cue.measure for cue in references.cues if cue.kind == "change"}
        # the measure of a change of a share or rate in points (the one a 个百分点 unit names)
        self.points_measure = next((cue.measure for _, _, cue in self.cue_matches(POINTS_UNIT, {"unit"})), "")
        self.count_measure = references.measure_of_kind("count")
        self.lines_merged = False  # whether the paragraph so far said its lines are kept in parallel or merged
        self.share_measure = references.measure_of_kind("share")
        self.share_of_measures = {cue.measure for cue in references.cues if cue.kind == "of"}
        self.whole_rates = {cue.measure for cue in references.cues if cue.kind == "whole"}
        self.network_measures = {cue.measure for cue in references.cues if cue.kind == "network"}
        # units whose figures a cue must name (天, 元): any unit of a measure with a cue of kind `named`
        self.named_units = {self.measure_unit(cue.measure) for cue in references.cues if cue.kind == "named"}
        self.names_by_first: dict[str, list[str]] = {}
        for key in references.by_key:
            if len(key) >= 2:
                self.names_by_first.setdefault(key[0], []).append(key)
        for candidates in self.names_by_first.values():
            candidates.sort(key=len, reverse=True)

    # -- names -------------------------------------------------------------------------------------------------

    def name_matches(self, text: str) -> list[NameMatch]:
        """Names on record in `text`, longest first at each position, not overlapping; a name printed in traditional
        characters is found by its simplified key, and resolves to the name on record."""
        plain = simplified(text)
        found: list[NameMatch] = []
        position = 0
        while position < len(text):
            for key in self.names_by_first.get(plain[position], []):
                if plain.startswith(key, position):
                    printed = text[position : position + len(key)]
                    found.append(NameMatch(position, position + len(key), self.references.lookup(printed)[0]))
                    position += len(key)
                    break
            else:
                position += 1
        return found

    @staticmethod
    def masked_spans(sentence: str) -> list[tuple[int, int]]:
        """Where names are not subjects: after 占 to the clause's end, and a list of names before 等."""
        spans: list[tuple[int, int]] = []
        for match in SHARE_WORD.finditer(sentence):
            end = CLAUSE_BREAK.search(sentence, match.end())
            spans.append((match.start(), end.start() if end else len(sentence)))
        for match in re.finditer(r"等", sentence):
            before = sentence[: match.start()]
            last_break = max((m.end() for m in ENUMERATION_BREAK.finditer(before)), default=0)
            if "、" in before[last_break:] and not re.search(r"\d", before[last_break:]):
                spans.append((last_break, match.start()))
        return spans

    def heuristic_name(self, clause: str, plain: str = "") -> str:
        """The words before a number in its clause, without verbs and fillers: 公众来电, 咨询, 河洲街道. The
        fillers are found in `plain` (the clause in simplified characters), the name is taken from `clause`."""
        words, plain = _remove(r"\s+", clause, plain or simplified(clause))
        words, plain = _remove(PLATFORM_MENTION, words, plain)
        words, plain = _remove(NAME_LEADING_FILLERS, words, plain)
        stripped, stripped_plain = _remove(NAME_TRAILING_FILLERS, words, plain)
        stripped, stripped_plain = _remove(NAME_LEADING_FILLERS, stripped, stripped_plain)
        words, plain = (stripped, stripped_plain) if len(stripped) >= 2 else (words, plain)  # 各类诉求, not 各
        listed = words.replace("、", "") if re.search(LIST_CLOSED_BY_DENG, plain.split("、")[-1]) else words
        if not CJK_NAME.match(listed) or NAME_WITH_NUMBERS.search(words) or re.search(PHRASE_FRAGMENT, plain):
            return ""
        return words

    # -- measures ----------------------------------------------------------------------------------------------

    def cue_matches(self, text: str, kinds: set[str]) -> list[tuple[int, int, MeasureCue]]:
        found: list[tuple[int, int, MeasureCue]] = []
        for pattern, cue in self.cues:
            if cue.kind in kinds:
                found.extend(
                    (match.start(), match.end(), cue)
                    for match in pattern.finditer(text)
                    if not (cue.kind == "share" and re.match(NOT_A_SHARE_AFTER, text[match.end() :]))
                )  # 占道经营问题16件: a word of its own, no share
        return found

    def nearest_cue(self, text: str, kinds: set[str]) -> tuple[int, int, MeasureCue] | None:
        found = self.cue_matches(text, kinds)
        if not found:
            return None
        return max(found, key=lambda hit: (hit[1], hit[1] - hit[0]))

    def named_measure(self, number: Number, before: str) -> MeasureCue | None:
        """The cue of kind `named` of a measure in the figure's unit that its clause names before it (平均办理时长为
        4天, 较以往缩短了3天, 投入73万元), nearest first; None when none does."""
        unit_kind = self.normalised_unit(number.unit)
        clause = re.split(r"[，,。；;：:！？!?]", before)[-1]
        found = [hit for hit in self.cue_matches(clause, {"named"}) if self.measure_unit(hit[2].measure) == unit_kind]
        return max(found, key=lambda hit: (hit[1], hit[1] - hit[0]))[2] if found else None

    def measure_unit(self, measure: str) -> str:
        """The normalised unit of a measure on record (or named by a cue), '' when it is not known."""
        if measure in self.references.measures:
            return self.references.measures[measure]["normalised_unit"]
        return "percent" if measure in self.rate_measures else ""

    def normalised_unit(self, unit: str) -> str:
        if unit in self.references.units:
            return self.references.units[unit]["normalised_unit"]
        return next((extra.normalised_unit for extra in EXTRA_UNITS if extra.unit_printed == unit), "")

    def measure_of(
        self,
        number: Number,
        window: str,
        after: str,
        previous: str,
        since_share: str = "",
        before: str = "",
        previous_share: str = "",
    ) -> tuple[str, bool]:
        """(measure, whether a fall makes it negative) for a figure with `window` the sentence's text since the
        figure before it, `after` the text after it, `previous` the measure of the figure before it and
        `since_share` the text since the percentage before it (where the part a share is of is named)."""
        unit_kind = self.normalised_unit(number.unit)
        if unit_kind in self.named_units:
            cue = self.named_measure(number, before or window)
            clause = re.split(r"[，,。；;：:！？!?]", before or window)[-1]
            return (
                (cue.measure, cue.kind == "named" and re.search(FALL_WORDS, clause) is not None) if cue else ("", False)
            )
        named = self.cue_matches(number.unit, {"unit"})
        if named:
            return named[0][2].measure, re.search(FALL_WORDS, window) is not None
        if unit_kind == "percent":
            nearest = self.nearest_cue(window, {"change", "share", "rate"})
            points = self.change_in_points(window, nearest, previous)
            if points:
                return points, re.search(f"(?:{FALL_WORDS})了?\\s*$", window) is not None
            if nearest is None and re.search(
                f"^[^，,；;]*(?:{FALL_WORDS}|{RISE_WORDS})|^[，,]\\s*(?:{CHANGE_SIZE_WORDS})", window
            ):  # 同比减少101件，减幅6.44%: the size of the change just named
                earlier = self.nearest_cue(before, {"change"})  # 同比上升5%，受理量下降8.32%
                if earlier:
                    return earlier[2].measure, re.search(FALL_WORDS, window) is not None
            if nearest is None and re.search(RATE_WORD + r"\s*$", window):
                return "", False  # a rate with no cue on record: its measure is proposed, never a count's
            if nearest is None:
                return (previous if self.measure_unit(previous) == "percent" else ""), False
            start, end, cue = nearest
            if cue.kind == "change":
                return cue.measure, re.search(FALL_WORDS, window[end:]) is not None
            if cue.kind == "share":
                part = self.nearest_cue(
                    (since_share or window)[: len(since_share or window) - len(window) + start], {"part"}
                )
                if part:
                    return part[2].measure, False
                of = self.nearest_cue(window[start:], {"of"})
                if of:
                    return of[2].measure, False
                # 天宁区587件，占五个区立项数的34.63%；钟楼区468件，占27.61%: a list's shares have one whole
                return (previous_share if previous_share in self.share_of_measures else cue.measure), False
            return cue.measure, False
        if unit_kind == "items":
            following = self.cue_matches(after, {"items_after"})
            if following:
                return following[0][2].measure, False
            nearest = self.nearest_cue(window, {"items"})
            if nearest is None:
                return self.change_in_items(window) or (self.count_measure, False)
            start, end, cue = nearest
            # 同比减少101件: a change in items whose own cue names a fall is negative
            return cue.measure, re.search(FALL_WORDS, window[start:end]) is not None
        if number.unit == SCORE_UNIT:
            score = self.nearest_cue(before or window, {"score"})
            return (score[2].measure if score else self.references.measure_of_kind("score")), False
        if unit_kind == "count":
            network = self.network_measure(before, after) if self.counts_bodies(number, before, after) else ""
            if network:
                return network, False  # 涵盖市政府工作部门33家, 诉求涉及全区14个镇街: the platform's network
            counted = self.cue_matches(after, {"count_after"}) or self.cue_matches(before, {"count_before"})
            if counted:
                return counted[0][2].measure, False
            # 平均每天呼入数2974个: a count in 个 that an items cue names (a day's average, a change) is that measure
            nearest = self.nearest_cue(window, {"items"})
            if nearest is None:
                return self.count_measure, False
            return nearest[2].measure, re.search(FALL_WORDS, window[nearest[0] : nearest[1]]) is not None
        candidates = self.references.measures_of_unit(unit_kind)
        return (candidates[0] if len(candidates) == 1 else previous), False

    def change_in_points(self, window: str, nearest: tuple[int, int, MeasureCue] | None, previous: str) -> str:
        """占比呈下降趋势，下降了2.3%; 办结率91.87%，与未开展活动前相比，提升了14.71%: a percentage right after a verb of
        a rise or a fall, in a clause no change cue opens (同比, 环比), whose words before it name a share or a rate (or
        follow one), is the change of that share or rate in points: the measure a 个百分点 unit names. '' otherwise
        (受理量下降8.32% stays a change in percent of a count)."""
        if not re.search(f"(?:{FALL_WORDS}|{RISE_WORDS})了?\\s*$", window) or re.search(
            f"(?:{CHANGE_SIZE_WORDS})\\s*$", window
        ):
            return ""
        if self.cue_matches(window, {"change"}):
            return ""
        follows_a_rate = self.measure_unit(previous) == "percent" and previous not in self.change_measures
        of_a_rate = nearest[2].kind in ("share", "rate") if nearest else follows_a_rate
        return self.points_measure if of_a_rate else ""

    def what_is_counted(self, sentence: str, plain: str, number: Number) -> tuple[str, str, str, bool, int] | None:
        """What a count in 个, 名, 条 … counts, where the cue naming its measure says so in its group `counted`
        (80部坐席 → 坐席, 设置座席150个 → 座席, 33条自治区相关行业系统热线): the count's subject, as printed."""
        if self.normalised_unit(number.unit) != "count":
            return None
        for kind, text, offset in (
            ("count_after", plain[number.end :], number.end),
            ("count_before", plain[: number.start], 0),
        ):
            for pattern, cue in self.cues:
                found = pattern.search(text) if cue.kind == kind and "counted" in pattern.groupindex else None
                if found and found["counted"]:
                    start, end = offset + found.start("counted"), offset + found.end("counted")
                    verb = self.merging_verb(plain, number, start, kind == "count_after")
                    return verb + sentence[start:end], "", "", False, start
        return None

    @staticmethod
    def merging_verb(plain: str, number: Number, start: int, after: bool) -> str:
        """The verb that merged the lines a count counts, printed right before the number (整合33条服务热线) or
        opening the clause of the lines' name before it (共整合其他公共服务热线17条 … 归并我市各类政务服务热线26条), as the
        lines' name keeps it; '' for a count of anything else."""
        name_end = plain.find("\n", start)  # the lines' name runs to the number (before) or after it
        named = plain[start : number.start] if not after else plain[number.end : name_end if name_end > 0 else None]
        if not re.search(MERGED_LINE_NAME, re.split(r"[，。；,;、\s]", named.strip())[0] if after else named.strip()):
            return ""
        before = plain[: number.start if after else start]
        found = re.search(rf"({MERGING_VERB})[\u4e00-\u9fff]{{0,4}}$", before)
        return found[1].removesuffix("了") if found else ""

    def change_in_items(self, window: str) -> tuple[str, bool] | None:
        """环比减少252件, 较上期相比减少41件: items right after a rise or a fall, in a clause a change cue opens, are a
        change in items. Its measure is the items cue that one of the change measure's own words, joined to the
        verb, names (较上期 + 减少: 较上期减少); '' (a measure to propose) when none does. None when no verb of a
        change stands right before the number or no change cue opens its clause."""
        verb = re.search(rf"(?:{FALL_WORDS}|{RISE_WORDS})了?\s*$", window)
        clause = re.split(r"[，,；;。]", window[: verb.start()])[-1] if verb else ""
        change = self.nearest_cue(clause, {"change"}) if verb else None
        if verb is None or change is None:
            return None
        falls = re.match(FALL_WORDS, verb[0]) is not None
        words = [
            word
            for pattern, cue in self.cues
            if cue.kind == "change" and cue.measure == change[2].measure
            for word in pattern.pattern.split("|")
            if re.fullmatch(r"[\u4e00-\u9fff]+", word)
        ]
        for word in [clause[change[0] : change[1]], *words]:
            named = self.cue_matches(word + verb[0], {"items"})
            if named:
                return named[0][2].measure, falls
        return "", falls

    # -- prose -------------------------------------------------------------------------------------------------

    def prose_figures(self, part: Part) -> list[Figure]:
        figures: list[Figure] = []
        lead = ""
        carried = ""  # a share's whole, carried over a ； into the list's next item
        other_hotline = False  # whether the hotline named last is another than the platform's own
        item_opens = False  # whether the sentence before ended with a ；, so this one opens an item of a list
        head = ""  # the measure of the count the sentence before ended with, when its breakdown may follow
        self.lines_merged = False
        for _, sentence in sentences(part.text):
            found = self.sentence_figures(part, sentence, lead, carried, other_hotline, item_opens, head)
            counts = [figure for figure in found if self.normalised_unit(figure.unit) != "percent"]
            head = counts[-1].measure if counts and self.heads_a_breakdown(counts[-1].measure) else ""
            # lines named kept in parallel or merged (留号并行热线电话中，…；…) stay the platform's to the paragraph's end
            self.lines_merged = not sentence.endswith("\n") and (
                self.lines_merged or re.search(MERGED_LINES, simplified(sentence)) is not None
            )
            item_opens = sentence.rstrip().endswith(("；", ";"))
            # another hotline's figures run to the paragraph's end, not into the next (a line ending with a colon
            # opens its own figures below it)
            other_hotline = self.another_hotline(simplified(sentence), other_hotline) and not (
                sentence.endswith("\n") and not sentence.rstrip().endswith(("：", ":"))
            )
            figures.extend(found)
            shares = [figure.measure for figure in found if figure.measure in self.share_of_measures]
            carried = shares[-1] if shares and sentence.rstrip().endswith(("；", ";")) else ""
            lead = "" if found or len(sentence) > LEAD_MAX_CHARS else sentence.rstrip("。；;！？!?\n")
        return figures

    def counts_bodies(self, number: Number, before: str, after: str) -> bool:
        """Whether a count counts bodies: in 家, or in 个 … with a body named right after it (5个区, 13个部门) or
        right before it (涉及镇街4个)."""
        if number.unit in BODY_UNITS:
            return True
        return self.normalised_unit(number.unit) == "count" and (
            re.match(BODY_NOUNS_AFTER, after) is not None or re.search(BODY_NOUNS_BEFORE, before) is not None
        )

    def network_measure(self, before: str, after: str) -> str:
        """The measure of a count of bodies that its sentence says make the platform's network or that the
        period's items concerned (a cue of kind `network` in the sentence before the count or in its clause after
        it: 涵盖, 纳入, 协同, 涉及); '' for bodies named in passing (37个区直部门综合满意率达到100%) or with no such
        cue."""
        if re.match(BODY_PASSING_AFTER, after):
            return ""
        clause_after = re.split(r"[，,。；;：:]", after, maxsplit=1)[0]
        found = self.nearest_cue(before, {"network"}) or self.nearest_cue(clause_after, {"network"})
        return found[2].measure if found else ""

    def network_body(
        self, sentence: str, plain: str, number: Number, named_after: bool = False
    ) -> tuple[str, str, str, bool, int] | None:
        """What a count of a network's bodies counts, as printed: the bodies named after it (协同3000余家四级网络
        单位, 1个市热线中心), else, unless a cue names them after it (`named_after`), the list item before it (涵盖市
        政府工作部门33家、政府派出机构1家; 涉及镇街4个), without the network's verb; None when neither is there."""
        after = re.match(BODY_COUNTED_AFTER, plain[number.end :])
        if after:
            start = number.end + after.start("counted")
            return sentence[start : number.end + after.end("counted")], "", "", False, start
        if named_after:
            return None  # 14条区县(市)热线: the lines a cue names after the count; 设置座席150个: seats
        start, depth = number.start, 0
        while start > 0 and (depth or plain[start - 1] not in "，,。；;：:、"):
            depth += {")": 1, "）": 1, "(": -1, "（": -1}.get(plain[start - 1], 0)
            start -= 1
        verb = self.nearest_cue(plain[start : number.start], {"network"})
        if verb:
            start += verb[1]
        words = plain[start : number.start].rstrip()
        end = start + len(re.sub(r"(?:共计|共有|共|有|为|达)$", "", words))
        scope = re.match(r"(?:全区|全市|全县|全州|全省|各级)(?=..)", words)
        start += scope.end() if scope else 0
        name = sentence[start:end]
        unbracketed = re.sub(r"[(（][^)）]*[)）]", "", simplified(name))  # 各县(市、区)6家
        return (name, "", "", False, start) if CJK_NAME.match(unbracketed) else None

    @staticmethod
    def members_before_bodies(before: str) -> tuple[int, list[str]] | None:
        """The members a sentence names before the count of bodies a percentage is said of in passing (教体局、人社局、
        住建局等37个区直部门综合满意率达到100%), and where their list starts; None when it names none."""
        found = re.search(BODIES_THEN_PERCENT, before)
        listed = re.search(NAMED_BEFORE_BODIES, before[: found.start(1)]) if found else None
        if listed is None:
            return None
        start = max((m.end() for m in re.finditer(r"[，,。；;：:]", before[: listed.start(1)])), default=0)
        members = (before[start : listed.start(1)] + listed[1]).split("、")
        members[0] = re.sub(r"^(?:其中|另外|此外)", "", members[0])
        return (start, members) if all(re.fullmatch(r"[\u4e00-\u9fff]{2,}", member) for member in members) else None

    def of_bodies_in_passing(self, before: str) -> bool:
        """Whether a percentage printed after `before` is said of a count of bodies in passing, with no other
        number between: the condition they meet (5个区满意率超过95%) or their share (A类的责任单位72家，占比78.3%)."""
        found = re.search(BODIES_THEN_PERCENT, before)
        if found is None:
            return False
        count = Number(found.start(1), found.end(1), found[1], found[2], "")
        after = before[found.end(2) :]
        return self.counts_bodies(count, before[: found.start(1)], after) and not self.network_measure(
            before[: found.start(1)], after
        )

    def is_a_figure(self, plain: str, number: Number) -> bool:
        """Not a count of bodies (5个区, 前8名), unless its sentence says they make the platform's network (涵盖
        市政府工作部门33家), and not a figure cut short with its unit (提高0.50个百...)."""
        after = plain[number.end :]
        network = self.network_measure(plain[: number.start], after)
        if self.normalised_unit(number.unit) == "count" and re.match(BODY_NOUNS_AFTER, after) and not network:
            return False
        if number.unit in BODY_UNITS and not network:
            return False  # 56家承办单位: a count of companies or units
        if number.unit in RANK_UNITS and plain[: number.start].endswith(RANK_BEFORE):
            return False
        if (
            re.match(BODY_TOTAL_AFTER, after)
            and re.search(BODY_TOTAL_BEFORE, plain[: number.start])
            and (number.unit in BODY_TOTAL_UNITS)
        ):
            return False  # (共4家, 满分为150分): how many members a group has
        if self.normalised_unit(number.unit) in self.named_units and not self.named_measure(
            number, plain[: number.start]
        ):
            return False  # 一年365天, 每周7天, 最低50元: a span of time or money no measure's cue names
        if re.search(NOT_A_FIGURE_BEFORE, plain[: number.start]):
            return False  # 满分为150分, 低于最低标准85%: a scale or a threshold, not a figure
        if re.search(BOUND_AROUND[0], plain[: number.start]) and re.match(BOUND_AROUND[1], after):
            return False  # 得分在99分以上: a bound
        if re.match(THRESHOLD_AFTER, after):
            return False  # 重办3次以上未解决…的工单: the threshold of a rule
        if re.match(CLASS_BOUND_AFTER, after) and not self.members_of_a_class(after):
            return False  # 满意率90%以上的单位21家: the bound of a class of units
        if self.normalised_unit(number.unit) in DEADLINE_UNITS and re.match(DEADLINE_AFTER, after):
            return False  # 1个工作日内办结: a deadline
        if (
            self.normalised_unit(number.unit) == "percent"
            and self.of_bodies_in_passing(plain[: number.start])
            and not self.members_before_bodies(plain[: number.start])
        ):
            return False  # 37个区直部门综合满意率达到100%, A类的责任单位72家，占比78.3%: the bodies' condition or share
        if re.search(GLOSS_BASE_BEFORE, plain[: number.start]) or re.search(GLOSS_PART_BEFORE, plain[: number.start]):
            return False  # 每10个来电中，超过7个: a rate said again in words
        cut = re.match(rf"([^\s\d，。；,;：:.…]{{1,3}})(?:{CUT_MARK})", after)
        return not (cut and any(unit.startswith(number.unit + cut[1]) for unit in self.units))

    def members_of_a_class(self, after: str, printed: str = "") -> list[str]:
        """The bodies named after a rate said of their class (满意率为100%的部门有：甲局、乙局), each by its name, the
        last left out where the list runs unfinished to the end of the copy (…、县人社局、县水); none where fewer than
        two names are read. `printed` is `after` as printed (its names are quoted from it)."""
        listed = re.match(MEMBERS_OF_A_CLASS_AFTER, after)
        if not listed:
            return []
        text = (printed or after)[listed.start("listed") : listed.end("listed")]
        pieces = [piece.strip() for piece in re.split(LIST_JOINT, text) if piece.strip()]
        if not re.search(LIST_FINISHED, after[: listed.end() + 1]):
            pieces = pieces[:-1]  # cut short by the copy's end
        names = [self.heuristic_name(piece) for piece in pieces]
        return names if len(names) >= 2 and all(names) else []

    def another_hotline(self, text: str, carried: bool = False) -> bool:
        """Whether the last hotline `text` names is another than the platform's own and than those of its place on
        record (“12320”卫生热线 on a 12345 platform); `carried` when it names none. Never when the platform's own
        number is not known; not a line named jointly with the platform's own (12345、12301两条热线)."""
        own = self.references.hotline_number
        if not own:
            return carried
        mentions = [
            (
                match.start(),
                own if re.search(JOINED_TO_A_NUMBER.format(number=own), text[: match.start()]) else match[1],
            )
            for match in re.finditer(ANOTHER_HOTLINE, text)
        ]  # 12345、12301两条热线共受理: the two lines' joint figure is the platform's own
        mentions += [(match.start(), own) for match in re.finditer(ANY_HOTLINE_NUMBER, text) if match[0] == own]
        if not mentions:
            return carried
        last = max(mentions)
        if self.lines_merged or re.search(MERGED_LINES, text[: last[0]]):
            return False  # 留号并行热线电话中，12333社保查询热线…: a line kept in parallel is the platform's
        return last[1] not in self.references.held_numbers

    @staticmethod
    def is_the_hotlines(plain: str, number: Number) -> bool:
        """Not a figure of another system: after a word naming one (数字城管, 信访, 关注度) in its sentence, unless a
        clause naming a hotline stands between (其中数字城管平台案件1259件，市12345政务热线平台案件38件), or what it
        counts, named right after it, is a hotline (信访办设立了300多部信访热线电话: the line's own telephones)."""
        before = plain[: number.start]
        other = max((match.end() for match in re.finditer(OTHER_SYSTEM, before)), default=-1)
        hotline = max((match.end() for match in re.finditer(HOTLINE_MENTION, before)), default=-1)
        counts_lines = re.match(COUNTED_LINES_AFTER.format(hotline=HOTLINE_MENTION), plain[number.end :]) is not None
        return other < 0 or hotline > other or counts_lines

    def names_its_measure(self, name: str, measure: str) -> bool:
        """Whether a count's subject holds the very word that named its measure (直办 for direct_handling_items,
        网络转办 for transferred_items): then it is the subject's count."""
        plain = name_key(name)
        return any(
            cue.kind == "items" and cue.measure == measure and pattern.search(plain) for pattern, cue in self.cues
        )

    def platform_as_a_whole(self, position: int) -> tuple[str, str, str, bool, int] | None:
        """The platform's own subject for its rates (全市, service_quality): the first on record, whatever word
        the page prints for it (全县, 全区: the phrase keeps the page's word)."""
        for entry in self.references.aggregates:
            if entry.subject_type == SERVICE_QUALITY:
                return entry.name_zh, entry.subject_type, "", True, position
        return None

    def sentence_figures(
        self,
        part: Part,
        sentence: str,
        lead: str = "",
        carried: str = "",
        other_hotline: bool = False,
        item_opens: bool = False,
        head: str = "",
    ) -> list[Figure]:
        """The figures of one sentence; `lead` is the sentence before it when that one holds no figure (a heading
        run into the text: 1.住房和城乡建设类问题。共受理1099件); `other_hotline` when the sentences before it last
        named another hotline than the platform's."""
        plain = simplified(sentence)
        numbers = [
            number
            for number in find_numbers(sentence, self.pattern)
            if self.is_a_figure(plain, number)
            and self.is_the_hotlines(plain, number)
            and not self.another_hotline(plain[: number.start], other_hotline)
        ]
        if not numbers:
            return []
        masked = self.masked_spans(plain) + [
            (start, end) for start, end, _ in self.cue_matches(plain, {"change", "share", "rate"})
        ]
        names = [
            match
            for match in self.name_matches(sentence)
            if not any(start <= match.start < end for start, end in masked)
        ]
        respectively = self.respectively(plain, numbers)
        figures: list[Figure] = []
        enumeration_position = 0
        previous_end = previous_percent_end = 0
        previous_measure, previous_share = "", carried
        previous_subject: tuple[str, str, str, bool, int] | None = None
        previous_rate: tuple[str, str, str, bool, int] | None = None  # the rate printed just before, as a subject
        counted: list[tuple[int, tuple[str, str, str, bool, int] | None]] = []  # each count's start and subject
        breakdown, breakdown_start = head, 0  # the measure of the count a breakdown (其中) may be of, and its end
        for index, number in enumerate(numbers):
            clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(plain, 0, number.start)), default=0)
            if clause_start > number.start:
                clause_start = 0
            window = plain[previous_end : number.start]
            after = plain[number.end :]
            since_share = plain[previous_percent_end : number.start]
            measure, falls = self.measure_of(
                number, window, after, previous_measure, since_share, plain[: number.start], previous_share
            )
            part_of_breakdown = False
            if (
                breakdown
                and measure == self.count_measure
                and self.normalised_unit(number.unit) == "items"
                and not self.cue_matches(window, {"items"})
                and (
                    re.search(BREAKDOWN_OF_A_COUNT, plain[breakdown_start : number.start])
                    or (breakdown_start == 0 and item_opens)
                )
            ):
                measure = breakdown  # 超期办结工单18件。其中，甲乡2件: each part is of the count's own measure
                part_of_breakdown = True
            rate_word = re.search(UNKNOWN_RATE_WORD, window) if not measure else None
            if measure in self.rate_measures or rate_word:
                # an unknown rate's subject is named before its word (全县诉求 | 办理率)
                named = replace(number, start=number.start - len(rate_word[0])) if rate_word else number
                subject = self.subject_of(sentence, plain, names, named, clause_start, clause_only=True)
                if measure in self.whole_rates and subject is not None and subject[3]:
                    subject = None  # 电话接通率: a connection rate is the line's, the channel named is its calls
                subject = (
                    subject
                    or self.breakdown_item(plain, number, counted, item_opens)
                    or self.printed_count(plain, number, counted, measure)
                    or self.platform_as_a_whole(clause_start)
                )
            else:
                subject = self.what_is_counted(sentence, plain, number)
                if measure in self.network_measures:
                    body = self.network_body(
                        sentence,
                        plain,
                        number,
                        named_after=subject is not None or not self.counts_bodies(number, plain[: number.start], after),
                    )
                    if body and (subject is None or len(body[0]) > len(subject[0])):
                        subject = body  # 1个市热线中心, not 市热线; 整合了14条部门热线 keeps its lines' name
                subject = subject or self.subject_of(sentence, plain, names, number, clause_start)
            of_the_rate = (
                previous_rate is not None
                and (measure in self.change_measures or measure == self.points_measure)
                and not self.names_between(names, previous_end, number)
            )
            if of_the_rate:
                subject = previous_rate  # 解决率90.05%，环比上升2.12%: the change is the rate's
            bracketed = self.bracketed_name(sentence, plain, number)
            if bracketed and (subject is None or not subject[3] or subject[4] < clause_start - 1):
                subject = bracketed  # 吴集镇(39件)、新塘镇(34件): the name before the bracket
            if subject is None and index == 0 and lead:
                name = self.heuristic_name(*self.clause_words(lead))
                subject = (name, "", "", False, clause_start) if name else None
            if subject is None:
                subject = previous_subject or self.nearest_intake(sentence, names, number)
            if index in respectively:
                override_measure, override_subject, rate = respectively[index]
                if rate and override_measure in self.rate_measures and measure and measure not in self.rate_measures:
                    subject = rate  # a change of the rate listed (提高1.53个百分点): its subject is the rate
                else:
                    measure = override_measure or measure
                    subject = override_subject or subject
            name_zh, subject_type, parent, known, name_start = subject or ("", "", "", False, clause_start)
            if self.names_its_measure(name_zh, measure):
                measure = self.count_measure  # 直办15.85万件: the subject is 直办, counted in items
            in_enumeration = sentence[max(0, number.start - 1) : number.start] in ("（", "(")
            list_position = ""
            if in_enumeration:
                enumeration_position += 1
                list_position = str(enumeration_position)
                if not known and part.heading is not None:
                    subject_type = self.references.child_type(self.heading_type(part.heading))
                    parent = part.heading.title
            if subject_type in ("subcategory",) and not parent and part.heading is not None:
                parent = part.heading.title
            if part.heading is not None and name_zh and part.heading.title == name_zh:
                list_position = self.heading_position(part.heading)
            figures.append(
                Figure(
                    section=part.section,
                    subject_type=subject_type,
                    subject=name_zh,
                    parent=parent,
                    list_position=list_position,
                    measure=measure,
                    wording=number.wording,
                    observation=self.observation(plain[clause_start : number.start]),
                    value_printed=signed(number.value_printed, falls),
                    unit=number.unit,
                    phrase=self.phrase(sentence, name_start, clause_start, number),
                    subject_known=known,
                    rate_word=rate_word[0].strip() if rate_word else "",
                    restates=re.search(RESTATED_WHOLE[0], plain[: number.start]) is not None
                    and re.match(RESTATED_WHOLE[1], plain[number.end :]) is not None,
                    top_section=part.headings[0].text if part.headings else "",
                )
            )
            figures[-1:] = self.each_of_a_list(sentence, plain, number, figures[-1])
            listed = self.all_of_a_list(sentence, plain, number, figures[-1])
            if len(listed) == 1 and self.normalised_unit(number.unit) == "percent":
                listed = self.rates_of_a_list(sentence, plain, number, listed[0])
            figures[-1:] = listed
            members = (
                self.members_before_bodies(plain[: number.start])
                if self.normalised_unit(number.unit) == "percent"
                else None
            )
            if members:  # 教体局、人社局、住建局等37个区直部门…满意率达到100%: each member named meets it
                phrase = sentence[members[0] : number.end].strip()
                figures[-1:] = [self.named(figures[-1], member, phrase) for member in members[1]]
            listed_after = (
                self.members_of_a_class(plain[number.end :], sentence[number.end :])
                if self.normalised_unit(number.unit) == "percent"
                else []
            )
            if listed_after:  # 回访满意率为100%的部门有：甲局、乙局: each body named has that rate
                phrase = sentence[clause_start:].strip()
                figures[-1:] = [
                    replace(self.named(figures[-1], member, phrase), repeats_a_name=True) for member in listed_after
                ]
            previous_end = number.end
            if self.normalised_unit(number.unit) == "percent":
                previous_percent_end = number.end
                previous_share = measure
            previous_measure = measure
            if self.normalised_unit(number.unit) != "percent" and not part_of_breakdown:
                breakdown, breakdown_start = (measure, number.end) if self.heads_a_breakdown(measure) else ("", 0)
            previous_subject = subject
            if self.normalised_unit(number.unit) != "percent":
                counted.append((number.start, subject))
            previous_rate = (
                self.rate_as_subject(sentence, plain, clause_start, number)
                if measure in self.rate_measures or rate_word
                else None
            )
        return figures

    def heads_a_breakdown(self, measure: str) -> bool:
        """Whether a count of `measure` gives its measure to the parts of a breakdown after it (共解决…25.81万件，其中
        …4.11万件；…): a count of items its own cue names (resolved, completed late), not plain items, a change or a
        resource."""
        row = self.references.measures.get(measure, {})
        return (
            measure != self.count_measure
            and measure not in self.network_measures
            and row.get("normalised_unit") == "items"
            and row.get("min_value") == "0"  # a change in items may fall below zero: no part of a whole
        )

    def counts_of_items(
        self, counted: list[tuple[int, tuple[str, str, str, bool, int] | None]]
    ) -> list[tuple[int, tuple[str, str, str, bool, int]]]:
        """The counts of a sentence a rate with no subject of its own may be a rate of: those with a subject that is
        no status (已办结, 办结: a count of a status is a part of an item, not an item)."""
        return [
            (start, subject)
            for start, subject in counted
            if subject is not None
            and subject[0]
            and not any(name.code.startswith(STATUS_DIMENSION + ".") for name in self.references.lookup(subject[0]))
        ]

    def breakdown_item(
        self,
        plain: str,
        number: Number,
        counted: list[tuple[int, tuple[str, str, str, bool, int] | None]],
        item_opens: bool,
    ) -> tuple[str, str, str, bool, int] | None:
        """The item of a breakdown a rate with no subject of its own stands in: the subject counted last before it
        since the item opened (其中，协调办理3267件，办结率100%; …；交办处理1213件，已办结1154件，办结率95%: 交办处理;
        其中，接听电话56466人次，登记交办14691件，已办结14691件，办结率100%: 登记交办), not a count of a status (已办结), when it is no total of the platform's (共受理) and no one of the platform's own subjects;
        `item_opens` when the sentence opens an item itself (after a ；)."""
        opened = max(
            (match.end() for match in re.finditer(BREAKDOWN_ITEM_OPENS, plain[: number.start])),
            default=0 if item_opens else -1,
        )
        items = [(start, subject) for start, subject in self.counts_of_items(counted) if start >= opened >= 0]
        if not items:
            return None
        start, subject = items[-1]
        if subject[1] == SERVICE_QUALITY or re.search(TOTAL_BEFORE, plain[:start]):
            return None
        return subject

    def printed_count(
        self,
        plain: str,
        number: Number,
        counted: list[tuple[int, tuple[str, str, str, bool, int] | None]],
        measure: str,
    ) -> tuple[str, str, str, bool, int] | None:
        """The subject a rate with no subject of its own is a rate of when it follows a count in its sentence: the
        subject counted last before it, not a count of a status (办理工单1164件，办结1164件，办结率100%: 工单), when
        that subject is a printed name no reference row holds, or one on record as a rate's subject (a name on record
        otherwise, a channel, a type, a total, keeps its rates on the platform as a whole, as hand rows hold them, and so
        does a rate of a cue of kind `whole`, 接通率)."""
        items = [subject for start, subject in self.counts_of_items(counted) if start < number.start]
        if not items or items[-1][1] == SERVICE_QUALITY or measure in self.whole_rates:
            return None
        name, _, _, _, position = items[-1]
        on_record = self.references.lookup(name)
        if any(entry.subject_type == SERVICE_QUALITY for entry in on_record):
            return name, SERVICE_QUALITY, "", True, position
        return None if on_record else items[-1]

    @staticmethod
    def names_between(names: list[NameMatch], start: int, number: Number) -> bool:
        return any(start <= match.start and match.end <= number.start for match in names)

    def rate_as_subject(
        self, sentence: str, plain: str, clause_start: int, number: Number
    ) -> tuple[str, str, str, bool, int] | None:
        """The rate printed before `number` in its clause (接通率 of 接通率63.20%), as the subject of a change of it
        that follows: the platform's service quality, by the name on record when there is one."""
        word = re.search(
            rf"([\u4e00-\u9fff]{{0,6}}{RATE_WORD})\s*(?:为|达|达到|是)?\s*$", plain[clause_start : number.start]
        )
        if word is None:
            return None
        start = clause_start + word.start(1)
        printed = sentence[start : clause_start + word.end(1)]
        printed = self.heuristic_name(printed) or printed  # 本周接通率 → 接通率
        start = sentence.find(printed, start)
        found = [name for name in self.references.lookup(printed) if name.subject_type == SERVICE_QUALITY]
        if found:
            return found[0].name_zh, SERVICE_QUALITY, "", True, start
        return printed, SERVICE_QUALITY, "", False, start

    def all_of_a_list(self, sentence: str, plain: str, number: Number, figure: Figure) -> list[Figure]:
        """甲局、乙局，及时回复率、满意率均达到100%: one value printed once for every name listed and every rate
        listed before 均, a figure for each pair (the rates listed in the clause of 均, the names in that clause or,
        when the rates are there, in the clause before). The figure as read when the names listed are fewer than
        two: 各地区均达到98% names no one."""
        before = plain[: number.start]
        shared = re.search(SHARED_BEFORE, before)
        if not shared:
            return [figure]
        breaks = [match.end() for match in re.finditer(r"[，,：:“”\"]", before[: shared.start()])]
        clause_start = breaks[-1] if breaks else 0
        pieces = [piece for piece in re.split(SHARED_JOINT, before[clause_start : shared.start()]) if piece.strip()]
        cues = [self.nearest_cue(piece, {"rate"}) for piece in pieces]
        if pieces and all(re.search(rf"{RATE_WORD}\s*$", piece) for piece in pieces) and not all(cues):
            return [figure]  # 按时办结率、回复率均为100%: a rate no cue names, its measure unknown
        if pieces and all(cues):
            measures = [cue[2].measure for cue in cues if cue]
            names_start = breaks[-2] if len(breaks) > 1 else 0
            names_text = before[names_start : max(clause_start - 1, names_start)]
        else:
            measures, names_start, names_text = [figure.measure], clause_start, before[clause_start : shared.start()]
        pieces = [piece for piece in re.split(SHARED_JOINT, names_text) if piece.strip()]
        if pieces and not self.heuristic_name(pieces[0]):
            pieces[0] = re.sub(SHARED_LEAD, "", pieces[0])
        names = [self.heuristic_name(piece) for piece in pieces]
        if len(names) < 2 or not all(names):
            return [figure]
        phrase = sentence[names_start : number.end].strip()
        return [self.named(figure, name, measure=measure, phrase=phrase) for name in names for measure in measures]

    def rates_of_a_list(self, sentence: str, plain: str, number: Number, figure: Figure) -> list[Figure]:
        """办结率、反馈率达到100%: one value printed once right after two or more rates listed in its clause, each named
        by a cue, is every rate's, a figure for each (its subject as read). The figure as read otherwise, and where
        the clause lists values one for each (分别) or the figure is already one of several names'."""
        clause = re.split(r"[，,。；;：:！？!?]", plain[: number.start])[-1]
        phrase = sentence[number.start - len(clause) : number.end].strip()
        if re.search(r"分别|各", clause) or figure.measure not in self.rate_measures:
            return [figure]
        pieces = [piece for piece in re.split(SHARED_JOINT, re.sub(RATES_LISTED_VERB, "", clause)) if piece.strip()]
        cues = [self.nearest_cue(piece, {"rate"}) for piece in pieces]
        if len(pieces) < 2 or not all(
            cue and re.search(rf"{RATE_WORD}\s*$", piece) for cue, piece in zip(cues, pieces, strict=True)
        ):
            return [figure]
        measures = list(dict.fromkeys(cue[2].measure for cue in cues if cue))
        if figure.measure not in measures or len(measures) < 2:
            return [figure]
        return [replace(figure, measure=measure, phrase=phrase) for measure in measures]

    def named(self, figure: Figure, name: str, phrase: str, measure: str = "") -> Figure:
        """`figure` as the figure of `name`, a list's member, printed in `phrase`: the subject on record where the name
        is, else the name as printed (not known); its measure `measure` where one is given."""
        found = self.references.lookup(name)
        return replace(
            figure,
            subject=found[0].name_zh if found else name,
            subject_type=found[0].subject_type if found else "",
            parent=found[0].parent_zh if found else "",
            subject_known=bool(found),
            measure=measure or figure.measure,
            phrase=phrase,
        )

    def each_of_a_list(self, sentence: str, plain: str, number: Number, figure: Figure) -> list[Figure]:
        """杜集区政府、市城市管理局及中国联通淮北分公司各1件: one figure for each name of the list before 各, the
        figure as read (one row) when 各 does not stand right before the number or the list holds fewer than two
        names. Its phrase is the whole list."""
        before = plain[: number.start]
        if not re.search(EACH_BEFORE, before):
            return [figure]
        start = max((match.end() for match in ENUMERATION_BREAK.finditer(before)), default=0)
        listed = re.sub(EACH_BEFORE, "", before[start:])
        names = [self.heuristic_name(piece) for piece in re.split(LIST_JOINT, listed)]
        if len(names) < 2 or not all(names):
            return [figure]
        phrase = sentence[start : number.end].strip()
        return [self.named(figure, name, phrase=phrase) for name in names]

    def subject_of(
        self,
        sentence: str,
        plain: str,
        names: list[NameMatch],
        number: Number,
        clause_start: int,
        clause_only: bool = False,
    ) -> tuple[str, str, str, bool, int] | None:
        """The figure's subject (name, type, parent, whether on record, where it starts), or None; `clause_only`
        looks for a name on record in the figure's own clause only (a rate's subject is named next to it)."""
        line = None if clause_only else self.line_of_its_own(sentence, plain, number, clause_start)
        if line:
            return line
        before = [match for match in names if match.end <= number.start]
        others = [
            match
            for match in before
            if not match.is_intake
            and (match.start >= clause_start or not clause_only)
            and (clause_only or match.name.subject_type != SERVICE_QUALITY)
        ]
        if others:
            match = others[-1]
            own = (
                self.own_new_name(sentence, plain, number, clause_start)
                or self.listed_new_name(sentence, plain, number, clause_start, match.end)
                if match.end <= clause_start
                else None
            )
            if own:
                return own  # 广电信息网络公司占10.45%，联通公司占7.46%: the unit named in the figure's own clause
            return match.name.name_zh, match.name.subject_type, match.name.parent_zh, True, match.start
        # before a rate, a word that qualifies rates (回访综合满意率) is not its subject, though it names intake too
        in_clause = [
            match
            for match in before
            if match.start >= clause_start
            and not (clause_only and re.fullmatch(f"(?:{RATE_QUALIFIERS})+", simplified(match.name.name_zh)))
        ]
        if in_clause:
            match = max(in_clause, key=lambda m: (m.end - m.start, m.start))
            kind = re.search(KIND_BEFORE_INTAKE, plain[clause_start : match.start])
            name = self.heuristic_name(sentence[clause_start + kind.start() : match.start]) if kind else ""
            if name and not re.fullmatch(NOT_A_KIND, simplified(name)):
                # 道路运输类电话817件: calls of a kind not on record, counted by the kind
                return name, "", "", False, sentence.rfind(name, 0, match.start)
            whole = self.heuristic_name(*self.clause_words(sentence[: number.start], plain[: number.start]))
            inside = simplified(whole).split(simplified(sentence[match.start : match.end]), 1)
            if (
                len(inside) == 2
                and any(inside)
                and all(re.fullmatch(NAME_AROUND_A_NAME, words) for words in inside)
                and not any(re.fullmatch(NOT_A_KIND, words) for words in inside)
            ):
                # 政策咨询341件, 按期办结10324件: a name on record printed inside a longer one, the name printed
                return whole, "", "", False, sentence.rfind(whole, 0, number.start)
            return match.name.name_zh, match.name.subject_type, match.name.parent_zh, True, match.start
        words = self.clause_words(sentence[: number.start], plain[: number.start])
        item = re.match(ITEM_NAME_BEFORE_COLON, plain[:clause_start]) if re.match(RECEIVED, words[1]) else None
        if item and not re.search(HOTLINE_MENTION, item[1]):
            # 1.城市综合：共接收交办件12262件: the item named before the colon received them
            return sentence[item.start(1) : item.end(1)], "", "", False, item.start(1)
        # 市长信箱共受理…: the receiver; 本周共受理群众诉求: no receiver but a time, so what was received
        name = self.heuristic_name(*self.receiver_or_object(*words)) or self.heuristic_name(*self.received(*words))
        if name and likely_subject_type(self.references, name) == SERVICE_QUALITY:
            received = self.heuristic_name(*self.received(*words))
            position = sentence.rfind(name, 0, number.start)
            if received and received != name and not clause_only:
                return received, "", "", False, sentence.rfind(received, 0, number.start)  # 全区共受理…工单468件
            # 全县, 全区: the page's word for the platform as a whole, held by the shared name on record (全市)
            return self.platform_as_a_whole(position) or (name, SERVICE_QUALITY, "", False, position)
        if clause_only and len(re.sub(RATE_QUALIFIERS, "", simplified(name))) < RATE_SUBJECT_MIN_CHARS:
            return None
        if name:
            found = sentence.rfind(name, 0, number.start)
            return name, "", "", False, found if found >= 0 else clause_start
        return None

    def line_of_its_own(
        self, sentence: str, plain: str, number: Number, clause_start: int
    ) -> tuple[str, str, str, bool, int] | None:
        """常水热线共受理606件, 12315消费者投诉举报热线共接听来电8459人次: a line named at its clause's start, before the
        verb that received what is counted, is the count's subject, where it is not the platform's own line (its
        number, or a bare 热线) and not a line merged or counted (整合33条热线)."""
        found = re.match(LINE_OF_ITS_OWN, plain[clause_start : number.start])
        if not found:
            return None
        line = found["line"]
        own = self.references.hotline_number or HOTLINE_NUMBER
        if (
            own in line
            or re.fullmatch(NOT_A_LINE_OF_ITS_OWN, line)
            or any(line in name for name in self.references.platform_names)  # 建设热线 of 城乡建设局建设热线
            or plain[clause_start - 1 : clause_start] == "、"  # 12345、12301两条热线: lines named jointly
        ):
            return None
        start = clause_start + found.start("line")
        printed = sentence[start : start + len(line)]
        names = self.references.lookup(printed)
        return (
            names[0].name_zh if names else printed,
            names[0].subject_type if names else "",
            names[0].parent_zh if names else "",
            bool(names),
            start,
        )

    def bracketed_name(self, sentence: str, plain: str, number: Number) -> tuple[str, str, str, bool, int] | None:
        """A figure in brackets right after a name (排名前5位的是吴集镇(39件)、新塘镇(34件)): that name, from the
        list's joint (、，：是 为) to the bracket; None when the figure is not so printed or no name stands there."""
        if number.start == 0 or sentence[number.start - 1] not in "（(":
            return None
        before = plain[: number.start - 1]
        start = max((m.end() for m in re.finditer(r"[、，,：:；;。）)]|的?是|为", before)), default=0)
        joint = re.match(r"以及|和|及|与", before[start:])  # 教育局(98.1分)和城发集团(97.9分)
        start += joint.end() if joint else 0
        words = sentence[start : number.start - 1]
        names = self.references.lookup(words.strip())
        if names:
            return names[0].name_zh, names[0].subject_type, names[0].parent_zh, True, start
        name = self.heuristic_name(words, before[start:])
        return (name, "", "", False, start) if name else None

    def own_new_name(
        self, sentence: str, plain: str, number: Number, clause_start: int
    ) -> tuple[str, str, str, bool, int] | None:
        """A name not on record that opens the figure's own clause and reads as a unit, district or category by how
        it ends (联通公司, 中国联通衡东分公司), else None."""
        name = self.heuristic_name(*self.clause_words(sentence[: number.start], plain[: number.start]))
        if not name or self.references.lookup(name) or not likely_subject_type(self.references, name):
            return None
        found = sentence.find(name, clause_start, number.start)
        return name, "", "", False, found if found >= 0 else clause_start

    def listed_new_name(
        self, sentence: str, plain: str, number: Number, clause_start: int, known_end: int
    ) -> tuple[str, str, str, bool, int] | None:
        """In a list of names and counts (莲湖区政府740件,西安城投集团688件,新城区政府477件), the words opening the
        figure's own clause are its name, on record or not: never the last name on record, several items before.
        None unless every clause since that name is a name and its count."""
        if not re.fullmatch(LISTED_ITEMS, plain[known_end:clause_start]):
            return None
        name = self.heuristic_name(*self.clause_words(sentence[: number.start], plain[: number.start]))
        if not name or not plain[clause_start : number.start].strip().startswith(simplified(name)):
            return None
        return name, "", "", False, sentence.find(name, clause_start, number.start)

    @staticmethod
    def received(words: str, plain: str) -> tuple[str, str]:
        """What was received, after 受理 (本周共受理群众诉求 → 群众诉求); empty when nothing follows it."""
        match = re.search(RECEIVED, plain)
        return (words[match.end() :], plain[match.end() :]) if match else ("", "")

    @staticmethod
    def receiver_or_object(words: str, plain: str) -> tuple[str, str]:
        """市长信箱共受理市民各类诉求99件: what received the items (市长信箱) when it is not the hotline itself
        (12345热线共受理群众反映: then what was received)."""
        match = re.search(RECEIVED, plain)
        if not match or match.start() == 0 or HOTLINE_NUMBER in plain[: match.start()]:
            return words, plain
        return words[: match.start()], plain[: match.start()]

    def clause_words(self, before: str, plain: str = "") -> tuple[str, str]:
        """The words of the clause before a number, without asides in brackets (其他来电(…无效电话等)38160个) and
        from the first cue word on (求助类来电占比 → 求助类来电); empty when the clause opens with a cue. As
        printed, and in simplified characters."""
        before, plain = _remove(BRACKETED_ASIDE, before, plain or simplified(before))
        start = max((m.end() for m in CLAUSE_BREAK.finditer(plain)), default=0)
        if re.match(LIST_CLOSED_BY_DENG, plain[start:]):
            # 涉及供水、供电、供气等方面的案卷: a list closed by 等 is one name, from its first member on
            while start > 0 and plain[start - 1] == "、":
                member = max((m.end() for m in CLAUSE_BREAK.finditer(plain, 0, start - 1)), default=0)
                if not re.fullmatch(r"[\u4e00-\u9fff]+", plain[member : start - 1]):
                    break
                start = member
        opened = [match.end() for match in re.finditer(LIST_OPENS, plain[start:])]
        start += opened[-1] if opened else 0  # 前十分别为城市建设与管理742件: the list's first name
        cues = self.cue_matches(plain[start:], {"change", "share", "rate", "items", "score"})
        end = start + min(cue_start for cue_start, _, _ in cues) if cues else len(plain)
        return before[start:end], plain[start:end]

    @staticmethod
    def nearest_intake(sentence: str, names: list[NameMatch], number: Number) -> tuple[str, str, str, bool, int] | None:
        """The last intake name before the figure in its sentence, when nothing nearer names a subject."""
        before = [match for match in names if match.end <= number.start]
        if not before:
            return None
        last = before[-1]
        clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, last.start)), default=0)
        match = max((m for m in before if m.start >= clause_start), key=lambda m: (m.end - m.start, m.start))
        return match.name.name_zh, match.name.subject_type, match.name.parent_zh, True, match.start

    def respectively(
        self, sentence: str, numbers: list[Number]
    ) -> dict[int, tuple[str, tuple[str, str, str, bool, int] | None, tuple[str, str, str, bool, int] | None]]:
        """解决率、满意率分别为 92.72%和 93.63%: the i-th item of the list before 分别 goes with the i-th figure: its
        measure, its subject, and the item as a subject should the figure be no figure of the item's measure (办结率和
        满意率分别提高1.53和5.6个百分点: changes of the rates, their subjects the rates)."""
        pairs: dict[
            int, tuple[str, tuple[str, str, str, bool, int] | None, tuple[str, str, str, bool, int] | None]
        ] = {}
        for match in RESPECTIVELY.finditer(sentence):
            # the list runs from the clause's start, or from a colon (热点问题依次是：甲、乙、丙分别占比)
            list_start = max((m.end() for m in re.finditer(r"[，,。；;：:]", sentence[: match.start()])), default=0)
            items = [item for item in LIST_SEPARATORS.split(sentence[list_start : match.start()]) if item.strip()]
            if not items and list_start:
                # 咨询类1077件、投诉类207件,分别占比81.6%15.7%: 分别 opens its clause, the list is the clause
                # before, its names those of the counts listed
                listed_start = max(
                    (m.end() for m in re.finditer(r"[，,。；;：:]", sentence[: list_start - 1])), default=0
                )
                listed = [item for item in re.split(r"[、，,]", sentence[listed_start : list_start - 1]) if item]
                counted = [re.search(LISTED_COUNT, item) for item in listed]
                names = [item[: found.start()] if found else "" for item, found in zip(listed, counted, strict=True)]
                if all(name.strip() for name in names):
                    items, list_start = names, listed_start
            clause_end = re.search(r"[。；;]", sentence[match.end() :])
            stop = match.end() + clause_end.start() if clause_end else len(sentence)
            after = [index for index, number in enumerate(numbers) if match.end() <= number.start < stop]
            if len(items) < 2 or len(items) != len(after):
                continue
            offset = list_start
            cues = [self.nearest_cue(item, {"rate", "change", "share", "items"}) for item in items]
            # 解决率、满意率分别为 (来电数量及占比分别为): the items name the measures, not the subjects
            names_measures = any(cue is not None and cue[2].kind != "items" for cue in cues)
            for item, index, cue in zip(items, after, cues, strict=True):
                start = sentence.find(item, offset)
                offset = start + len(item)
                if names_measures:
                    rate = (item.strip(), "", "", False, start)
                    pairs[index] = (cue[2].measure if cue else "", None, rate)
                    continue
                # 咨询类、求助类分别为7000件和3000件: the items are the subjects
                item = item.strip()
                known = self.references.lookup(item)
                name = item if known else self.heuristic_name(item)
                subject = (
                    (name, known[0].subject_type, known[0].parent_zh, True, start)
                    if known
                    else ((name, "", "", False, start) if name else None)
                )
                pairs[index] = (cue[2].measure if cue else "", subject, None)
        return pairs

    def observation(self, clause: str) -> str:
        return next((word for word in self.observations if word in clause), "")

    def heading_type(self, heading: Heading) -> str:
        names = self.references.lookup(heading.title)
        return names[0].subject_type if names else ""

    @staticmethod
    def heading_position(heading: Heading) -> str:
        number = heading.number.strip("（）().．、")
        value = chinese_numeral_value(number) if not number.isdigit() else int(number)
        return "" if value is None else str(value)

    @staticmethod
    def phrase(sentence: str, name_start: int, clause_start: int, number: Number) -> str:
        start = min(name_start, clause_start)
        text = sentence[start : number.end].strip()
        if len(text) <= LONG_PHRASE_CHARS:
            return text.lstrip("，,：:、")
        name_end = CLAUSE_BREAK.search(sentence, name_start)
        name_part = sentence[name_start : name_end.start() if name_end else name_start].strip()
        own = sentence[clause_start : number.end].strip().lstrip("，,：:、")
        return f"{name_part} … {own}" if name_part and name_part not in own else own

    # -- tables ------------------------------------------------------------------------------------------------

    def rank_table_figures(self, part: Part) -> list[Figure]:
        """A table of ranked rows without cell marks: `1 老楼加装电梯`, its total `5462`, then `朝阳区 941` for each
        of its units. The rows' subject type is found from their names; their units' is its child type."""
        figures: list[Figure] = []
        expected = 1
        row: dict[str, str] | None = None
        name_lines: list[str] = []
        unit_position = 0
        for line in part.lines:
            rank = re.fullmatch(r"(\d{1,2})(?:\s+(\S.*))?", line)
            if rank and int(rank[1]) == expected:
                expected += 1
                row = {"rank": rank[1], "name": ""}
                name_lines = [rank[2].strip()] if rank[2] else []
                unit_position = 0
                continue
            if row is None:
                continue
            if not row["name"]:
                if re.fullmatch(r"\d+", line):
                    row["name"] = "".join(name_lines)
                    row["total"] = line
                    figures.append(self.table_row_figure(part, row))
                else:
                    name_lines.append(line)
                continue
            unit = re.fullmatch(r"(\S+?)\s*(\d+)", line)
            if unit and not unit[1].isdigit():
                unit_position += 1
                figures.append(self.table_unit_figure(part, row, unit[1], unit[2], unit_position))
        return figures

    def table_row_figure(self, part: Part, row: dict[str, str]) -> Figure:
        names = self.references.lookup(row["name"])
        subject_type = names[0].subject_type if names else ""
        row["type"] = subject_type
        return Figure(
            section=part.section,
            subject_type=subject_type,
            subject=row["name"],
            parent="",
            list_position=row["rank"],
            measure=self.count_measure,
            wording="",
            observation="",
            value_printed=row["total"],
            unit=TABLE_NUMBER_UNIT,
            phrase=f"{row['rank']} {row['name']} {row['total']}",
            subject_known=bool(names),
        )

    def table_unit_figure(self, part: Part, row: dict[str, str], name: str, value: str, position: int) -> Figure:
        child = self.references.child_type(row.get("type", ""))
        known = any(self.references.lookup(name))
        return Figure(
            section=part.section,
            subject_type=child,
            subject=name,
            parent=row["name"],
            list_position=str(position),
            measure=self.count_measure,
            wording="",
            observation="",
            value_printed=value,
            unit=TABLE_NUMBER_UNIT,
            phrase=f"{row['name']} … {name} {value}",
            subject_known=known,
        )

    def pipe_table_figures(self, part: Part) -> list[Figure]:
        """A table whose cells end with `|`: a header of names, then rows that start with a label (or a number
        under the first header cell). Counts are 件; a percentage takes its measure from the header cells that
        name a share, change or rate, in order."""
        cells = pipe_cells(part.lines)
        transposed = self.transposed_table_figures(part, [cell for cell in cells if cell])
        if transposed:
            return transposed
        cells = without_serial_numbers(clean_header(cells))
        by_period = self.period_rows_figures(part, [cell for cell in cells if cell])
        if by_period:
            return by_period
        numeric = [is_bare_number(cell) for cell in cells]
        leading = next((index for index, is_number in enumerate(numeric) if is_number), len(cells))
        header = cells[:leading]
        if leading >= 2:
            next_label = next(
                (index for index in range(leading, len(cells)) if cells[index] and not numeric[index]), len(cells)
            )
            if next_label - (leading - 1) == leading - 1:
                header = cells[: leading - 1]
        percent_headers = [
            cell
            for cell in header
            if self.nearest_cue(simplified(cell), {"change", "share", "rate"})
            or re.search(UNKNOWN_RATE_WORD, simplified(cell))
        ]  # 按时办结率 | 发回重办率: a rate no cue names is a percentage column of its own
        if any(re.search(TICKET_NUMBER_COLUMN, simplified(cell)) for cell in header):
            return []  # a list of tickets: its numbers name tickets, they count nothing
        count_headers = [cell for cell in header[1:] if cell not in percent_headers]
        figures: list[Figure] = []
        label = header[0] if header else ""
        label_index = 0
        percents = counts = 0
        for index in range(len(header), len(cells)):
            cell = cells[index]
            if not cell or cell in ("/", "-", "—"):
                continue
            if not numeric[index]:
                # 洋  县人民政府: a name padded with spaces to align with longer ones is the name without them
                label, label_index, percents, counts = re.sub(ALIGNING_SPACES, "", cell), index, 0, 0
                continue
            value = cell.replace("％", "%").replace(" ", "")
            if value.endswith("%"):
                column = percent_headers[percents % len(percent_headers)] if percent_headers else ""
                percents += 1
                # 按时 反馈率: a head's words broken by a space where its cell wraps are read whole
                cue = self.nearest_cue(re.sub(r"\s+", "", simplified(column)), {"change", "share", "rate"})
                measure, unit, value = (cue[2].measure if cue else ""), "%", value[:-1]
                plain_column = simplified(column)
                rate_word = "" if cue or not re.search(UNKNOWN_RATE_WORD, plain_column) else plain_column.strip()
            else:
                rate_word = ""
                column = count_headers[counts] if counts < len(count_headers) else ""
                counts += 1
                if re.search(RANK_COLUMN, simplified(column)):
                    continue  # a place in a ranking is not a figure
                score = self.nearest_cue(re.sub(r"\s+", "", simplified(column)), {"score"})
                item_cue = self.nearest_cue(re.sub(r"\s+", "", simplified(column)), {"items", "column"})
                if score:
                    measure, unit = score[2].measure, SCORE_UNIT
                else:
                    measure = item_cue[2].measure if item_cue else self.count_measure
                    unit = self.column_unit(column)
            names = self.references.lookup(label)
            figures.append(
                Figure(
                    section=part.section + "（表）",
                    subject_type=names[0].subject_type if names else "",
                    subject=label,
                    parent="",
                    list_position="",
                    measure=measure,
                    wording="",
                    observation="",
                    value_printed=value,
                    unit=unit,
                    # the row as it stands in the text, from its label to the cell (电话 | 34859 | 90.67%)
                    phrase=" | ".join(cells[label_index : index + 1]) if label and label not in header else cell,
                    subject_known=bool(names),
                    rate_word=rate_word,
                )
            )
        return figures

    def period_rows_figures(self, part: Part, cells: list[str]) -> list[Figure]:
        """A table whose label column is headed by a period word (| 月份 | 城市管理类工单数量 | 城市管理类工单占比 | over
        | 10月 | 362 | 29.00% |, or | 月份 | 甲街道 | 乙街道 | over | 10 | 24 | 34 |): its rows are periods, their
        labels no figures and no subjects; each cell is its column's, the head's subject (the head without what it
        counts or measures) in the measure the head names. [] when the table is not of this kind."""
        if len(cells) < 4 or not re.fullmatch(PERIOD_COLUMN, simplified(cells[0]).strip()):
            return []
        width = next((index for index in range(1, len(cells)) if re.fullmatch(PERIOD_LABEL, cells[index].strip())), 0)
        rows = [cells[start : start + width] for start in range(width, len(cells), width)] if width >= 2 else []
        if not rows or any(
            len(row) != width
            or not re.fullmatch(PERIOD_LABEL, row[0].strip())
            or not all(is_bare_number(cell) for cell in row[1:])
            for row in rows
        ):
            return []
        figures: list[Figure] = []
        for row in rows:
            for head, cell in zip(cells[1:width], row[1:], strict=True):
                figures.append(self.period_cell_figure(part, head, row[0].strip(), cell))
        return figures

    def period_cell_figure(self, part: Part, head: str, period: str, cell: str) -> Figure:
        """One cell of a table whose rows are periods: its column's subject, in the measure its head names."""
        value = cell.replace("％", "%").replace(" ", "")
        plain = re.sub(r"\s+", "", simplified(head))
        words = re.sub(r"\s+", "", head)
        if value.endswith("%"):
            cue = self.nearest_cue(plain, {"change", "share", "rate"})
            measure, unit, value = (cue[2].measure if cue else ""), "%", value[:-1]
            words, plain = (words[: cue[0]], plain[: cue[0]]) if cue and cue[0] > 0 else (words, plain)
        else:
            column = self.nearest_cue(plain, {"column"})
            measure, unit = (column[2].measure if column else self.count_measure), self.column_unit(head)
        words, plain = _remove(COLUMN_HEAD_MEASURE_WORDS, words, plain)
        words, plain = _remove(KIND_AFTER_A_CATEGORY, words, plain)
        subject = words or head.strip()
        names = self.references.lookup(subject)
        return Figure(
            section=part.section + "（表）",
            subject_type=names[0].subject_type if names else "",
            subject=subject,
            parent="",
            list_position="",
            measure=measure,
            wording="",
            observation="",
            value_printed=value,
            unit=unit,
            phrase=f"{head.strip()} … {period} | {cell.strip()}",
            subject_known=bool(names),
        )

    def column_unit(self, header: str) -> str:
        """The unit of a column of bare counts: the one its header names (重新派发次数 → 次), else 件."""
        plain = simplified(header)
        named = [unit for unit in self.units if unit and plain.endswith(unit + "数") and unit not in NOT_A_COLUMN_UNIT]
        return max(named, key=len) if named else TABLE_NUMBER_UNIT

    def transposed_table_figures(self, part: Part, cells: list[str]) -> list[Figure]:
        """A table stored column by column: a header and its names, then a header and as many numbers."""
        first_number = next((index for index, cell in enumerate(cells) if is_bare_number(cell)), len(cells))
        values = cells[first_number:]
        headers = 0 if len(values) == first_number else 2  # 属地 … 数量 …, or the names and the numbers alone
        names = first_number - headers
        if names < 2 or len(values) != names or not all(is_bare_number(value) for value in values):
            return []
        if len({value.endswith(("%", "％")) for value in values}) != 1:
            return []  # one column holds one kind of number; a row of a count and its shares is not this layout
        label_header, value_header = (cells[0], cells[first_number - 1]) if headers else ("", "")
        cue = self.nearest_cue(simplified(value_header), {"items", "column"})
        figures: list[Figure] = []
        for name, value in zip(cells[headers // 2 : first_number - headers // 2], values, strict=True):
            percent = value.endswith(("%", "％"))
            entries = self.references.lookup(name)
            figures.append(
                Figure(
                    section=part.section + "（表）",
                    subject_type=entries[0].subject_type if entries else "",
                    subject=name,
                    parent="",
                    list_position="",
                    measure=self.share_measure if percent else (cue[2].measure if cue else self.count_measure),
                    wording="",
                    observation="",
                    value_printed=value.rstrip("%％").strip(),
                    unit="%" if percent else TABLE_NUMBER_UNIT,
                    phrase=" … ".join(part for part in (label_header, name, value_header, value.strip()) if part),
                    subject_known=bool(entries),
                )
            )
        return figures

    def aligned_table_figures(self, part: Part) -> list[Figure]:
        """A table aligned with spaces: a row of names over a row of counts (and a row of shares), or name, count
        and share several times a line. A count is the names' count, a percentage their share."""
        cells: list[tuple[str, str, str]] = []  # (name, value, phrase)
        if len(part.lines) > 1:
            names = ALIGNED_GAP.split(part.lines[0])
            for row in part.lines[1:]:
                for name, value in zip(names, ALIGNED_GAP.split(row), strict=True):
                    cells.append((name, value, f"{name} … {value}"))
        else:
            for triple in TRIPLE.finditer(part.lines[0]):
                for value in (triple["count"], triple["share"]):
                    cells.append((triple["name"], value, triple[0].strip()))
        figures: list[Figure] = []
        for name, value, phrase in cells:
            percent = value.endswith(("%", "％"))
            entries = self.references.lookup(name)
            figures.append(
                Figure(
                    section=part.section,
                    subject_type=entries[0].subject_type if entries else "",
                    subject=entries[0].name_zh if entries else name,
                    parent="",
                    list_position="",
                    measure=self.share_measure if percent else self.count_measure,
                    wording="",
                    observation="",
                    value_printed=value.rstrip("%％").strip(),
                    unit="%" if percent else TABLE_NUMBER_UNIT,
                    phrase=phrase,
                    subject_known=bool(entries),
                )
            )
        return figures

    def bare_table_figures(self, part: Part) -> list[Figure]:
        """A table of bare numbers (document.bare_table_rows): each number is its row's or column's subject's, and
        its measure and unit are its head's: a row label or a column header that names a count (件数, 数量, 受理量)
        gives a count in the unit the header or the table's caption names (单位：件, （万件）), else 件; one that names
        a share or a rate (占比, 办结率) gives a percentage only where a `%` is printed, in the cell, the header or the
        caption (占比(%)): a unit the print does not give is not given. A head naming neither (排名) gives nothing."""
        header = part.lines[0].split()
        caption = simplified(part.caption + " " + part.lines[0])
        figures: list[Figure] = []
        rows = part.lines[1:]
        labelled = all(
            len(row.split()) == len(header) and all(re.fullmatch(BARE_TABLE_NUMBER, cell) for cell in row.split()[1:])
            for row in rows
        )
        if labelled and not any(self.names_a_measure(cell) for cell in header[1:]):
            for row in rows:  # 件数 47327 88698 771: a row label over a header of subjects
                label, *values = row.split()
                for subject, value in zip(header[1:], values, strict=True):
                    figures.extend(self.bare_cell(part, subject, label, value, caption, row.strip()))
            return figures
        width = bare_table_period(header)
        group = bare_table_group(width)
        for row in rows:  # 城市综合 63435 42.4 民生保障 6238 4.2: a name and its numbers under a header of measures
            for match in group.finditer(row):
                values = match["values"].split()
                for index, (column, value) in enumerate(zip(header[1:width], values, strict=True)):
                    phrase = " ".join([match["name"], *values[: index + 1]])
                    figures.extend(
                        self.bare_cell(part, re.sub(r"\s+", "", match["name"]), column, value, caption, phrase)
                    )
        return figures

    def bare_cell(self, part: Part, subject: str, head: str, value: str, caption: str, phrase: str) -> list[Figure]:
        """The figure of one cell of a table of bare numbers, under its head (a row label or a column header)."""
        plain = simplified(head)
        printed_percent = value.endswith(("%", "％"))
        value = value.rstrip("%％")
        percent_cue = self.nearest_cue(plain, {"change", "share", "rate"})
        if printed_percent or percent_cue or re.search(UNKNOWN_RATE_WORD, plain):
            if not (printed_percent or re.search(r"[%％]", head) or re.search(r"[（(]\s*[%％]\s*[）)]", caption)):
                return []  # 占比 31.7: a percentage whose unit is not printed
            measure, unit = (percent_cue[2].measure if percent_cue else ""), "%"
        elif re.search(RANK_COLUMN, plain):
            return []
        else:
            score = self.nearest_cue(plain, {"score"})
            items = self.nearest_cue(plain, {"items", "column"})
            named = self.caption_unit(caption)
            if score:
                measure, unit = score[2].measure, SCORE_UNIT
            elif items or named or re.search(COUNT_HEAD, plain):
                measure = items[2].measure if items else self.count_measure
                unit = named or self.column_unit(head)
            else:
                return []  # a head that names no count: what its numbers are is not said
        names = self.references.lookup(subject)
        return [
            Figure(
                section=part.section,
                subject_type=names[0].subject_type if names else "",
                subject=names[0].name_zh if names else subject,
                parent="",
                list_position="",
                measure=measure,
                wording="",
                observation="",
                value_printed=value,
                unit=unit,
                phrase=phrase,
                subject_known=bool(names),
            )
        ]

    def names_a_measure(self, head: str) -> bool:
        """Whether a table's head says what its numbers are (件数, 占比, 办结率, 得分, 排名), not whose they are."""
        plain = simplified(head)
        return bool(
            self.nearest_cue(plain, {"change", "share", "rate", "items", "column", "score"})
            or re.search(UNKNOWN_RATE_WORD, plain)
            or re.search(COUNT_HEAD, plain)
            or re.search(RANK_COLUMN, plain)
            or re.search(r"[%％]", plain)
        )

    def caption_unit(self, caption: str) -> str:
        """The unit a table's caption or header names for its counts (单位：件, 单位:万件, （万件）), or ''."""
        units = "|".join(
            re.escape(unit)
            for unit in sorted(self.units, key=len, reverse=True)
            if unit and not re.fullmatch(r"[%％]", unit)
        )
        named = re.search(rf"单位\s*[:：]\s*({units})|[（(]\s*({units})\s*[）)]", caption)
        return (named[1] or named[2]) if named else ""

    # -- the document ------------------------------------------------------------------------------------------

    def extract(self, text: str) -> Extraction:
        """The figures of `text`, read past its pinyin glosses; each phrase quoted as stored, glosses and all."""
        extraction = Extraction()
        stored, text = text, re.sub(PINYIN_GLOSS, "", text)
        for part in split_document(text):
            if any(re.search(OTHER_SYSTEM, simplified(heading.title)) for heading in part.headings):
                continue  # 三、数字城管平台: a section of another system's figures
            if any(self.another_hotline(simplified(heading.title)) for heading in part.headings):
                continue  # 二、12319城管热线 on a 12345 platform: a section of another hotline's figures
            if part.kind == "prose":
                extraction.figures.extend(self.prose_figures(part))
            elif part.kind == "rank_table":
                extraction.figures.extend(self.rank_table_figures(part))
            elif part.kind == "aligned_table":
                extraction.figures.extend(self.aligned_table_figures(part))
            elif part.kind == "bare_table":
                extraction.figures.extend(self.bare_table_figures(part))
            else:
                extraction.figures.extend(self.pipe_table_figures(part))
        extraction.figures = self.with_named_wholes(self.with_unstated_wholes(without_restatements(extraction.figures)))
        squeezed = re.sub(r"\s+", "", text)
        for figure in extraction.figures:
            if "|" in figure.phrase and re.sub(r"\s+", "", figure.phrase) not in squeezed:
                figure.phrase = figure.phrase.replace(" | ", " ")  # a table printed without `|`, marked on reading
        if text != stored:
            for figure in extraction.figures:
                figure.phrase = " … ".join(as_stored(fragment, stored) for fragment in figure.phrase.split(" … "))
        self.propose_new_names(extraction)
        return extraction

    def printed_bounds(self, figure: Figure) -> tuple[Fraction, Fraction] | None:
        """The least and the most a printed count may stand for, under the rounding its printed digits allow (2557件:
        2557 exactly, were it not for a rounding; 9.67万件: 96650 to 96750), in the unit's multiplier."""
        value = numeric_value(figure.value_printed)
        unit = self.references.units.get(figure.unit)
        if value is None or unit is None or figure.wording:
            return None
        exponent = value.as_tuple().exponent
        half = Fraction(1, 2) * Fraction(10) ** int(exponent) if isinstance(exponent, int) else Fraction(0)
        multiplier = Fraction(unit["multiplier"] or "1")
        if unit.get("is_exact_count") == "true":
            half = Fraction(0)
        return (Fraction(value) - half) * multiplier, (Fraction(value) + half) * multiplier

    def fits(self, part: Figure, whole: Figure, share: Figure) -> bool:
        """Whether `part` of `whole` can be printed as `share` (a percentage), rounded or cut to its printed digits;
        in exact arithmetic."""
        parts, wholes, shares = (
            self.printed_bounds(part),
            self.printed_bounds(whole),
            numeric_value(share.value_printed),
        )
        if parts is None or wholes is None or shares is None or wholes[0] <= 0:
            return True  # nothing to test against: the share is taken as printed
        exponent = shares.as_tuple().exponent
        step = Fraction(10) ** int(exponent) if isinstance(exponent, int) else Fraction(1)
        low, high = Fraction(shares) - step / 2, Fraction(shares) + step
        return parts[0] * 100 / wholes[1] <= high and parts[1] * 100 / wholes[0] >= low

    def with_unstated_wholes(self, figures: list[Figure]) -> list[Figure]:
        """A share printed with no whole named right after its count (人力资源和社会保障类371件，占比13.9%) whose count no
        count of items printed before it can be a whole of (371 of 2557 is 14.51%): a share of a whole the page does
        not state (the measure whose denominator ref_measures gives as `unstated:whole`)."""
        unstated = next(
            (code for code, row in self.references.measures.items() if row.get("share_denominator") == UNSTATED_WHOLE),
            "",
        )
        for figure, part, wholes in self.shares_after_their_counts(figures):
            if not unstated or not re.search(
                SHARE_OF_NO_NAMED_WHOLE + re.escape(figure.value_printed), simplified(figure.phrase)
            ):
                continue
            if wholes and not any(self.fits(part, whole, figure) for whole in wholes):
                figure.measure = unstated
        return figures

    def shares_after_their_counts(self, figures: list[Figure]) -> Iterator[tuple[Figure, Figure, list[Figure]]]:
        """Each share of the whole printed right after its subject's count of items, with the counts of items printed
        before that count that are large enough to be its whole (each candidate whole's high above the count's low)."""
        for index, figure in enumerate(figures[1:], start=1):
            part = figures[index - 1]
            if (
                figure.measure != self.share_measure
                or part.subject != figure.subject
                or self.normalised_unit(part.unit) != "items"
                or (bounds := self.printed_bounds(part)) is None
            ):
                continue
            yield (
                figure,
                part,
                [
                    whole
                    for whole in figures[: index - 1]
                    if self.normalised_unit(whole.unit) == "items"
                    and (whole_bounds := self.printed_bounds(whole)) is not None
                    and whole_bounds[1] > bounds[0]
                ],
            )

    def with_named_wholes(self, figures: list[Figure]) -> list[Figure]:
        """A share of the whole (占总量的60.56%) right after its count (投诉类301件) that the page's other totals cannot
        give at its printed digits (301 of the first total, 553, is 54.43%) but a count printed before it, named by a cue of kind `of`,
        can (301 of 497 有效信件 is 60.56%): a share of that whole (the cue's measure), in exact arithmetic. Where the
        first count the page prints that is larger than its count can be its whole, it stays a share of the total."""
        for figure, part, wholes in self.shares_after_their_counts(figures):
            if not wholes or self.fits(part, wholes[0], figure):
                continue  # the page's first total can be the share's whole: a share of the total, as printed
            fitting = [whole for whole in wholes if self.fits(part, whole, figure)]
            named = {
                cue.measure for whole in fitting for _, _, cue in self.cue_matches(simplified(whole.subject), {"of"})
            }
            if (
                fitting
                and len(fitting) < len(wholes)
                and len(named) == 1
                and all(self.cue_matches(simplified(whole.subject), {"of"}) for whole in fitting)
            ):
                figure.measure = named.pop()
        return figures

    def propose_new_names(self, extraction: Extraction) -> None:
        references = self.references
        for figure in extraction.figures:
            if figure.subject and not figure.subject_known:
                figure.subject_type = figure.subject_type or likely_subject_type(references, figure.subject)
                seed, row = new_name_row(references, figure.subject, figure.subject_type, figure.parent)
                extraction.propose(seed, row)
            if (figure.measure and figure.measure not in references.measures) or (
                not figure.measure and figure.rate_word
            ):
                extraction.propose("ref_measures", self.new_measure_row(figure))
            if figure.unit not in references.units:
                extraction.propose("ref_units", self.new_unit_row(figure.unit))
            if figure.wording and figure.wording not in references.wordings:
                extraction.propose("ref_approximations", self.new_wording_row(figure.wording))

    def new_measure_row(self, figure: Figure) -> dict[str, str]:
        row = {column: "" for column in self.references.columns.get("ref_measures", [])}
        cue = next((cue for cue in self.references.cues if cue.measure == figure.measure), None)
        unit_kind = self.normalised_unit(figure.unit)
        rate = (cue is not None and cue.kind in ("rate", "share")) or bool(figure.rate_word)
        row |= {
            "measure": figure.measure,  # empty for a rate no cue names: a code is never guessed
            "normalised_unit": unit_kind,
            "min_value": "-100" if cue and cue.kind == "change" else "0",
            "max_value": "100" if rate else "",
            "measure_description_en": cue.description_en
            if cue
            else (f"A rate printed as {figure.rate_word}" if figure.rate_word else ""),
        }
        return row

    def new_unit_row(self, unit: str) -> dict[str, str]:
        row = {column: "" for column in self.references.columns.get("ref_units", [])}
        extra = next((extra for extra in EXTRA_UNITS if extra.unit_printed == unit), None)
        row["unit_printed"] = unit
        if extra:
            row |= {
                "unit_code": extra.unit_code,
                "unit_name_en": extra.unit_name_en,
                "normalised_unit": extra.normalised_unit,
                "multiplier": extra.multiplier,
                "is_exact_count": extra.is_exact_count,
            }
        return row

    def new_wording_row(self, wording: str) -> dict[str, str]:
        row = {column: "" for column in self.references.columns.get("ref_approximations", [])}
        extra = next((extra for extra in EXTRA_WORDINGS if extra[0] == wording), None)
        row["approximation_zh"] = wording
        if extra:
            row["printed_position"], row["approximation_en"] = extra[1], extra[2]
        return row


def without_restatements(figures: list[Figure]) -> list[Figure]:
    """The figures without those printed as the whole of a breakdown (派遣的16件中) whose value and unit the page
    printed before under the same outermost heading: the same figure said again, not a new one. Printed again
    under another (a summary's 受理群众来电9230件, then 受理的9230件办件中 under 二、…从受理来源来看), it is a
    reprint, a figure of that section too."""
    seen: set[tuple[str, str, str]] = set()
    named: set[tuple[str, str, str, str]] = set()
    kept: list[Figure] = []
    for figure in figures:
        key = (figure.top_section, figure.value_printed, figure.unit)
        own = (figure.subject, figure.measure, figure.value_printed, figure.unit)
        if not (figure.restates and key in seen) and not (figure.repeats_a_name and own in named):
            kept.append(figure)
        seen.add(key)
        named.add(own)
    return kept


def without_serial_numbers(cells: list[str]) -> list[str]:
    """A table's cells without its column of serial numbers, where the header opens with one (序号 | 受理单位 | …)
    and each row with its number before its label (1 | 青松区 | 420 | …): a row's place in the list is not a figure,
    and the label column is the header's second cell. Other tables as they are."""
    first = next((index for index, cell in enumerate(cells) if is_bare_number(cell)), len(cells))
    header = [index for index, cell in enumerate(cells[:first]) if cell]
    label = next((index for index in range(first + 1, len(cells)) if cells[index]), None)
    if (
        len(header) < 3
        or not re.fullmatch(RANK_COLUMN, simplified(re.sub(PINYIN_GLOSS, "", cells[header[0]])).strip())
        or label is None
        or is_bare_number(cells[label])
    ):
        return cells
    kept = [cell for index, cell in enumerate(cells[:first]) if index != header[0]]
    rest = cells[first:]
    for index, cell in enumerate(rest):
        after = next((later for later in rest[index + 1 :] if later), "")
        if is_bare_number(cell) and "%" not in cell and after not in ("", "/", "-", "—") and not is_bare_number(after):
            continue  # the next row's number, before its label
        kept.append(cell)
    return kept


def clean_header(cells: list[str]) -> list[str]:
    """A table's cells with no empty cell before its first number (`||||`), and its header once where it is
    printed twice, for two halves side by side (单位 总工单数 得分 排名 单位 总工单数 得分 排名 市开发区 1321 …),
    without the title cells before it."""
    first = next((index for index, cell in enumerate(cells) if is_bare_number(cell)), len(cells))
    before = [cell for cell in cells[:first] if cell]
    names = len(before) - 1  # the last is the first row's label
    for title in range(max(names - 3, 0)):  # a title cell or two may stand before the header
        header = before[title:names]
        half = len(header) // 2
        if len(header) % 2 == 0 and header[:half] == header[half:]:
            return header[:half] + before[names:] + cells[first:]
    return before + cells[first:]


def as_stored(fragment: str, stored: str) -> str:
    """`fragment` of the text read past its glosses, as the stored text prints it (with its glosses)."""
    pattern = "".join(
        r"\s*" if character.isspace() else re.escape(character) + rf"(?:{PINYIN_GLOSS})?\s*" for character in fragment
    )
    found = re.search(pattern, stored)
    return found[0].strip() if found else fragment


def _remove(pattern: str, text: str, plain: str) -> tuple[str, str]:
    """`text` and its simplified twin `plain` (the same length) without what `pattern` matches in `plain`."""
    kept, kept_plain, last = [], [], 0
    for match in re.finditer(pattern, plain):
        kept.append(text[last : match.start()])
        kept_plain.append(plain[last : match.start()])
        last = match.end()
    return "".join(kept) + text[last:], "".join(kept_plain) + plain[last:]
