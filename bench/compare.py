"""Compare two versions of the app on the dashboard benchmark, round by round, alternately.

    git archive <before> | tar -x -C /tmp/before     # and the translations: pybabel compile, or copy the .mo
    .venv/bin/python bench/compare.py --before /tmp/before --after . \
        --targets sqlite:100000,postgresql:100000,sqlite:1000000 --rounds 40

Each side runs in a process of its own with the code under its folder (bench/dashboard.py of that folder, on
the databases that bench built in --workdir); both open their databases first, then take turns, one round of
bench/dashboard.py's measure() each (every page of every database once; views after a publication),
the order swapped every round. On a shared machine whose load moves by the minute, two runs one after the
other differ by more than a change does; rounds taken in turns share the load. Prints each page's median and
p95 per side, and its ratio to /health and to the login page within each side; a page only one side times (a
new variant) shows "-" on the other.
"""
from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

from figures import load, p95  # bench/ is the script's folder, first on sys.path

HERE = Path(__file__).resolve()


def worker(root: str, targets: str, workdir: Path, pg_server: str) -> None:
    """One side: open the databases with the code under ``root``, then a round per 'round' line on stdin."""
    sys.path[:0] = [root, f"{root}/bench"]
    import dashboard as bench  # noqa: PLC0415 - the bench of that side's code

    args = argparse.Namespace(workdir=workdir, pg_server=pg_server, enrich=True, warmup=3, requests=1,
                              min_requests=5, page_budget=math.inf, keep=True)
    opened = [bench.open_target(backend, int(size), args)
              for backend, size in (target.split(":") for target in targets.split(","))]
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() == "round":
            bench.measure(opened, args)
            print("done", flush=True)
        else:
            print(json.dumps([[t.backend, t.size, page, r.samples] for t in opened for page, r in t.results.items()]),
                  flush=True)
            return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--targets", default="sqlite:100000,postgresql:100000")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/storyloop-bench"))
    parser.add_argument("--pg-server", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.targets, args.workdir, args.pg_server)
        return
    print(f"{time.strftime('%F %T')}  load {load()}  before {args.before}  after {args.after}  {args.rounds} rounds",
          flush=True)
    sides = {}
    for side in ("before", "after"):
        root = str(Path(getattr(args, side)).resolve())
        process = subprocess.Popen([sys.executable, str(HERE), "--before", "-", "--after", "-", "--worker", root,
                                    "--targets", args.targets, "--workdir", str(args.workdir),
                                    "--pg-server", args.pg_server], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   text=True, cwd=root)
        if process.stdout.readline().strip() != "ready":
            raise SystemExit(f"the {side} side did not start")
        sides[side] = process
    loads = []
    for number in range(args.rounds):
        for side in ("before", "after") if number % 2 == 0 else ("after", "before"):
            sides[side].stdin.write("round\n")
            sides[side].stdin.flush()
            if sides[side].stdout.readline().strip() != "done":
                raise SystemExit(f"the {side} side stopped")
        loads.append(float(load().split()[0]))
    found = {}
    for side, process in sides.items():
        process.stdin.write("report\n")
        process.stdin.flush()
        for backend, size, page, samples in json.loads(process.stdout.readline()):
            found[(side, backend, size, page)] = samples
        process.wait()
    print(f"{time.strftime('%F %T')}  load {load()}; 1-minute load during the rounds {min(loads):.1f}-{max(loads):.1f}")
    print(f"{'backend':<11}{'stories':>10}  {'page':<30}{'before median/p95':>18}{'after median/p95':>18}"
          f"  {'x /health b -> a':>16}  {'x login b -> a':>15}")
    pages = dict.fromkeys((backend, size, page) for _side, backend, size, page in found)
    for backend, size, page in pages:  # a page one side does not time (a new variant) shows as "-" there
        medians, cells = {}, {}
        for side in ("before", "after"):
            samples = found.get((side, backend, size, page))
            medians[side] = f"{statistics.median(samples):>9.1f} /{p95(samples):>6.1f}" if samples else f"{'-':>17}"
            cells[side] = [f"{statistics.median(samples) / statistics.median(found[(side, backend, size, name)]):5.1f}"
                           if samples else "    -" for name in ("trivial (/health)", "login page")]
        print(f"{backend:<11}{size:>10,}  {page:<30}{medians['before']}{medians['after']:>18}"
              f"  {cells['before'][0]} -> {cells['after'][0]:>5}  {cells['before'][1]} -> {cells['after'][1]:>5}")

if __name__ == "__main__":
    main()
