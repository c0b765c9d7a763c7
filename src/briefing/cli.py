"""The `briefing` console command: extract, evaluate, actors, build.

Heavy imports (pandas, nbconvert) happen inside each subcommand so `--help`
stays instant.
"""
from __future__ import annotations

import argparse
import os
import sys

from .errors import Terminated, UserError


def _cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import run_extract

    client = None
    if args.scheduler:
        from .dask_extract import connect
        client = connect(args.scheduler)
    try:
        run_extract(args.paths, args.out, manifest=args.manifest, actors=args.actors, workers=args.workers,
                    client=client, with_text=False, cache=args.cache, texts=not args.no_texts)
    finally:
        if client is not None:
            client.close()
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import run_evaluate

    return run_evaluate(args.gold, args.pred)


def _cmd_actors(args: argparse.Namespace) -> int:
    from .pipeline import list_unregistered

    list_unregistered(args.unregistered)
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from .build import run_build

    return run_build(args)


def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="briefing", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="read articles and write articles/quotes/figures/claims tables")
    e.add_argument("paths", nargs="*", default=["seeds"], help="folders or files (.txt, .md, .html, .htm, .jsonl)")
    e.add_argument("--out", default="data/processed", help="output folder (default: data/processed)")
    e.add_argument("--manifest", default=None,
                   help="sources manifest CSV (default: data/sources.csv, optional)")
    e.add_argument("--actors", default=None, help="actor registry CSV (default: data/actors.csv)")
    e.add_argument("--workers", type=int, default=None,
                   help="worker processes for reading and extraction (default: the number of cores)")
    e.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="run the extraction on a Dask cluster (e.g. tcp://host:8786); needs the dask extra")
    e.add_argument("--cache", default=None, metavar="DIR",
                   help="the per-article cache folder (default: OUT/cache)")
    e.add_argument("--no-texts", action="store_true",
                   help="leave the article texts out of articles.parquet (they stay in the cache)")
    e.set_defaults(func=_cmd_extract)

    v = sub.add_parser("evaluate", help="score extracted quotes and figures against a gold file")
    v.add_argument("--gold", required=True, help="gold JSON, as tests/data/seeds_gold.json")
    v.add_argument("--pred", default="data/processed", help="folder written by `briefing extract`")
    v.set_defaults(func=_cmd_evaluate)

    a = sub.add_parser("actors", help="list speakers and claimants missing from data/actors.csv")
    a.add_argument("--unregistered", metavar="DIR", default="data/processed",
                   help="folder written by `briefing extract`")
    a.set_defaults(func=_cmd_actors)

    b = sub.add_parser("build", help="render the briefing notebook to reports/<date>/briefing.{html,pdf}")
    b.add_argument("--corpus", default="seeds", help="folder of articles (default: seeds)")
    b.add_argument("--since", default="", help="first claim date shown, YYYY-MM-DD")
    b.add_argument("--until", default="", help="last claim date shown, YYYY-MM-DD")
    b.add_argument("--actor", action="append", default=[], help="only these actors (repeatable)")
    b.add_argument("--title", default="", help="briefing title")
    b.add_argument("--format", default="html,pdf", help="comma-separated: html,pdf")
    b.add_argument("--out", default="reports", help="reports folder (default: reports)")
    b.add_argument("--date", default="", help="briefing date folder, YYYY-MM-DD (default: today)")
    b.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    b.add_argument("--set-latest", action="store_true",
                   help="point reports/latest at this briefing even if a newer date exists")
    b.add_argument("--window", default="auto",
                   help="claim dates in the tables: all, a number of days up to the latest claim, or auto "
                        "(all up to 1,000 articles, else 30)")
    b.add_argument("--max-rows", type=int, default=25, help="a longer table is summarised (default 25)")
    b.add_argument("--per-claimant", type=int, default=5, help="claims per claimant in a summarised table")
    b.add_argument("--per-speaker", type=int, default=3, help="quotations per speaker in a summarised table")
    b.add_argument("--max-groups", type=int, default=10, help="claimants or speakers in a summarised table")
    b.add_argument("--workers", type=int, default=None, help="extraction processes (default: the cores)")
    b.add_argument("--scheduler", default=None, metavar="ADDRESS", help="extract on a Dask cluster")
    b.set_defaults(func=_cmd_build)
    return p


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(f"briefing {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except Terminated as exc:  # SIGTERM during a build: its line is already logged, the build unwound
        return exc.exit_code
    except BrokenPipeError:
        # `briefing evaluate ... | head`: the reader has what it wanted; no traceback, and stdout is pointed at
        # /dev/null so Python's own flush at exit does not raise again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
