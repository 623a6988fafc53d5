"""Where detection's CPU time goes: the CPU time (`time.process_time`) of each top-level statement of `detect()`,
summed over every passage of the folders, median of N rounds after a warm-up, largest first. The model is the
statement that calls `model_entities`; every other line is a rule pass or the merge.

Run: `python benchmarks/anonymisation_split.py [--rounds N] FOLDER ...` (every NAME.txt in each folder).
"""

import argparse
import ast
import inspect
import statistics
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from casereview.publication.anonymisation import detection, model  # noqa: E402


def timed_detect():
    """detect() rewritten with a timer around each top-level statement; (function, labels, seconds)."""
    source = textwrap.dedent(inspect.getsource(detection.detect))
    tree = ast.parse(source)
    function = tree.body[0]
    labels, body = [], []
    for statement in function.body:
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue  # the docstring
        labels.append(ast.get_source_segment(source, statement).split("\n")[0][:90])
        before = ast.parse("_split_started = _split_clock()").body
        after = ast.parse(f"_split_seconds[{len(labels) - 1}] += _split_clock() - _split_started").body
        if isinstance(statement, ast.Return):
            value = ast.parse("_split_value = 0").body[0]
            value.value = statement.value
            body += before + [value] + after + ast.parse("return _split_value").body
        else:
            body += before + [statement] + after
    function.body = body
    ast.fix_missing_locations(tree)
    seconds = [0.0] * len(labels)
    namespace = dict(vars(detection), _split_clock=time.process_time, _split_seconds=seconds)
    exec(compile(tree, detection.__file__, "exec"), namespace)
    return namespace["detect"], labels, seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    texts = [p.read_text(encoding="utf-8") for folder in args.folders for p in sorted(Path(folder).glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    detect, labels, seconds = timed_detect()
    for text in texts[:5]:
        detect(text)
    rounds, totals = [], []
    for _ in range(args.rounds):
        model.clear_cache()  # time the model's work, not its cache
        seconds[:] = [0.0] * len(seconds)
        started = time.process_time()
        for text in texts:
            detect(text)
        totals.append(time.process_time() - started)
        rounds.append(list(seconds))
    median = [statistics.median(r[i] for r in rounds) for i in range(len(labels))]
    total = statistics.median(totals)
    print(
        f"{len(texts)} passages, {words} words: detection {total:.2f} s CPU, {words / total:,.0f} words/s"
        f" (rounds {', '.join(f'{t:.2f}' for t in totals)})"
    )
    for i in sorted(range(len(labels)), key=lambda i: -median[i]):
        print(f"{median[i]:7.3f} s {median[i] / total:6.1%}  {labels[i]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
