"""`hotline12345 extract-score`: the extractor against the hand transcription, per source and in total.

For every source with rows in printed_figures.csv or printed_figure_reprints.csv (whatever rows exist when it runs)
whose page's text is saved in the texts folder (texts.py; the sources whose text is not there are named), the
extractor's rows are matched with the hand rows as multisets (a hand row is matched at most once):

- value and unit recall: hand rows whose (value as printed, unit) the extractor proposes;
- full-row recall: hand rows whose (subject, measure, value, unit) it proposes, a subject compared by its code
  on record when it has one (受理量 and 群众反映 are one subject), else by its printed name;
- precision: proposed rows whose (value, unit) matches a hand row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from hotline12345.extract import extract_document, sources
from hotline12345.extract.references import References, load_references, read_csv
from hotline12345.texts import SavedTexts, saved_texts

HAND_SEEDS = (Path("figures") / "printed_figures.csv", Path("figures") / "printed_figure_reprints.csv")


@dataclass(frozen=True)
class Score:
    source_id: str
    hand_rows: int
    proposed_rows: int
    value_unit_matched: int
    full_row_matched: int
    precise_rows: int

    @property
    def value_unit_recall(self) -> float:
        return self.value_unit_matched / self.hand_rows if self.hand_rows else 0.0

    @property
    def full_row_recall(self) -> float:
        return self.full_row_matched / self.hand_rows if self.hand_rows else 0.0

    @property
    def precision(self) -> float:
        return self.precise_rows / self.proposed_rows if self.proposed_rows else 0.0


def _value_unit(row: dict[str, str]) -> tuple[str, str]:
    return row["value_printed"].strip(), row["unit_printed"].strip()


def _subject(references: References, row: dict[str, str]) -> str:
    names = references.lookup(row["subject_zh"])
    typed = [name for name in names if name.subject_type == row.get("subject_type")]
    chosen = (typed or names)[:1]
    return f"{chosen[0].subject_type.split('_')[0]}:{chosen[0].code}" if chosen else row["subject_zh"]


def _matched(hand: Iterable[tuple[str, ...]], proposed: Iterable[tuple[str, ...]]) -> int:
    return sum((Counter(hand) & Counter(proposed)).values())


def score_rows(
    source_id: str, references: References, hand: list[dict[str, str]], proposed: list[dict[str, str]]
) -> Score:
    def full(row: dict[str, str]) -> tuple[str, ...]:
        return (_subject(references, row), row["measure"], *_value_unit(row))

    hand_values = [_value_unit(row) for row in hand]
    proposed_values = [_value_unit(row) for row in proposed]
    return Score(
        source_id=source_id,
        hand_rows=len(hand),
        proposed_rows=len(proposed),
        value_unit_matched=_matched(hand_values, proposed_values),
        full_row_matched=_matched([full(row) for row in hand], [full(row) for row in proposed]),
        precise_rows=_matched(proposed_values, hand_values),
    )


def hand_rows(seeds_dir: Path) -> dict[str, list[dict[str, str]]]:
    by_source: dict[str, list[dict[str, str]]] = {}
    for seed in HAND_SEEDS:
        for row in read_csv(seeds_dir / seed)[1]:
            by_source.setdefault(row["source_id"], []).append(row)
    return by_source


def score_sources(
    seeds_dir: Path,
    texts_folder: Path,
    hand_seeds: Path | None = None,
    source_ids: set[str] | None = None,
    as_new: bool = False,
) -> tuple[list[Score], SavedTexts]:
    """A score for each source that has hand rows and whose text is in `texts_folder`, by source id, and which
    texts were there. Names are looked up in `seeds_dir`; the hand rows and the sources' rows are read from
    `hand_seeds` (default: `seeds_dir`), so a transcription kept apart (another branch's seeds) scores the
    extractor on pages whose names are not on record yet. `source_ids` keeps those sources only. `as_new` scores
    each source as a new user meets it: the names registered for its platform itself are hidden, in the extraction
    and in the comparison of subjects (a subject is then compared by its printed name unless the shared vocabulary
    holds it), so no old checkout of the seeds is needed."""
    hand_dir = hand_seeds or seeds_dir
    hand = hand_rows(hand_dir)
    wanted = set(hand) if source_ids is None else set(hand) & source_ids
    texts = saved_texts(hand_dir, texts_folder, wanted)
    scores: list[Score] = []
    for source_id, document in sorted(texts.present.items()):
        source = sources(hand_dir)[source_id]
        proposal = extract_document(document, seeds_dir, source_id, source=source, as_new=as_new)
        references = load_references(seeds_dir, source["platform_code"], as_new)
        scores.append(score_rows(source_id, references, hand[source_id], proposal.rows))
    return scores, texts


def total(scores: list[Score], name: str = "total") -> Score:
    return Score(
        source_id=name,
        hand_rows=sum(score.hand_rows for score in scores),
        proposed_rows=sum(score.proposed_rows for score in scores),
        value_unit_matched=sum(score.value_unit_matched for score in scores),
        full_row_matched=sum(score.full_row_matched for score in scores),
        precise_rows=sum(score.precise_rows for score in scores),
    )


def format_scores(scores: list[Score], headline: str) -> str:
    """An aligned table: one line per source, the total of the others, and the total of all."""
    header = ("source", "hand", "proposed", "value+unit recall", "full-row recall", "precision")
    lines = [header]
    others = [score for score in scores if score.source_id != headline]
    rows = [*scores, total(others, "total, other sources"), total(scores, "total")]
    for score in rows:
        lines.append(
            (
                score.source_id,
                str(score.hand_rows),
                str(score.proposed_rows),
                f"{score.value_unit_recall:.3f}",
                f"{score.full_row_recall:.3f}",
                f"{score.precision:.3f}",
            )
        )
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    )
