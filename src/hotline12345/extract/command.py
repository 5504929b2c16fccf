"""What the `extract`, `extract-score` and `provenance` subcommands do (their arguments are in cli.py's parser)."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from hotline12345.extract import UnknownSource, extract_document, write_rows
from hotline12345.extract.score import format_scores, score_sources
from hotline12345.texts import texts_dir

# The source the bench's targets are stated for (the headline document); a name, not a rule.
HEADLINE_SOURCE = "bj12345_annual_report_2022"


def run_command(arguments: argparse.Namespace, root: Path) -> int:
    if arguments.command == "extract-score":
        return score_command(arguments, root)
    try:
        proposal = extract_document(arguments.file, root / "seeds", arguments.source_id, arguments.platform)
    except FileNotFoundError as missing:
        folder = texts_dir(root, arguments.texts_dir)
        print(
            f"extract failed: there is no text at {missing.filename}; save the page's text there "
            f"(the folder of saved texts is {folder})",
            file=sys.stderr,
        )
        return 1
    except UnknownSource as problem:
        print(f"extract failed: {problem}", file=sys.stderr)
        return 1
    if arguments.out:
        with arguments.out.open("w", encoding="utf-8", newline="") as handle:
            write_rows(handle, proposal.columns, proposal.rows)
        print(f"wrote {len(proposal.rows)} rows to {arguments.out}", file=sys.stderr)
    else:
        write_rows(sys.stdout, proposal.columns, proposal.rows)
    if proposal.new_names and arguments.new_names is None:
        found = ", ".join(f"{seed} ({len(rows)})" for seed, (_, rows) in proposal.new_names.items())
        print(f"not on record: {found}; --new-names FOLDER writes them", file=sys.stderr)
    if arguments.new_names is not None:
        arguments.new_names.mkdir(parents=True, exist_ok=True)
        for seed, (columns, rows) in proposal.new_names.items():
            path = arguments.new_names / f"{seed}.csv"
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
                writer.writeheader()
                writer.writerows(rows)
            print(f"wrote {len(rows)} new {seed} rows to {path}", file=sys.stderr)
    return 0


def score_command(arguments: argparse.Namespace, root: Path) -> int:
    folder = texts_dir(root, arguments.texts_dir)
    wanted = set(arguments.source_id) if arguments.source_id else None
    scores, texts = score_sources(root / "seeds", folder, arguments.hand_seeds, wanted, arguments.as_new)
    if scores:
        print(format_scores(scores, HEADLINE_SOURCE))
    missing = texts.describe_missing()
    if missing:
        print(f"not scored: {missing}", file=sys.stderr)
    if not scores:
        print(f"extract-score: no source with hand rows has its text in {folder}", file=sys.stderr)
        return 1
    return 0
