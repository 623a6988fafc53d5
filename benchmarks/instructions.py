"""Instructions a request, per main page (callgrind): a count that a loaded machine does not change (the same
code gives the same count within 0.5%), to compare two checkouts where CPU and wall times cannot be.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/DB PYTHONPATH=$PWD \
        .venv/bin/python benchmarks/instructions.py [--slug scale-1] [--page "risk register" ...] [--requests 5]

Needs valgrind and a C compiler with valgrind's headers (valgrind/callgrind.h). It runs itself under
`valgrind --tool=callgrind --instr-atstart=no`, with the production settings, signed in as the business manager
of `--slug` (default the largest partnership) with two-factor entered as benchmarks/scale.py does; each page
is requested three times uninstrumented, then --requests times with instrumentation on (a tiny library turns
callgrind on and dumps its count around them). PYTHONHASHSEED is fixed. Slow: about a minute a page under
load. Run it in two checkouts against the same database to compare them.
"""

import argparse
import ctypes
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIBRARY = r"""
#include <valgrind/callgrind.h>
void cg_start(void) { CALLGRIND_START_INSTRUMENTATION; CALLGRIND_ZERO_STATS; }
void cg_dump(const char *name) { CALLGRIND_DUMP_STATS_AT(name); CALLGRIND_STOP_INSTRUMENTATION; }
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--slug", default="scale-1")
    parser.add_argument("--page", action="append", help="benchmarks/scale.py's page names (default all)")
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--inside", help=argparse.SUPPRESS)  # the run under valgrind: the library's path
    args = parser.parse_args()
    if args.inside:
        return measure(args)
    with tempfile.TemporaryDirectory() as work:
        library = Path(work) / "libcg.so"
        source = Path(work) / "cg.c"
        source.write_text(LIBRARY)
        subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", library, source], check=True)
        command = ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={work}/cg.out"]
        command += [sys.executable, __file__, "--inside", str(library), "--slug", args.slug]
        command += ["--requests", str(args.requests)] + [f"--page={page}" for page in args.page or []]
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"{args.slug}: instructions a request (callgrind, {args.requests} requests a page)")
        for dump in sorted(Path(work).glob("cg.out.*"), key=lambda p: int(p.suffix[1:])):
            lines = dump.read_text().splitlines()
            name = next(line for line in lines if line.startswith("desc: Trigger")).split("Client Request: ")[-1]
            total = int(next(line for line in lines if line.startswith("summary:")).split()[1])
            print(f"{name:32} {total // args.requests:>14,}")


def measure(args):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import scale

    for name, value in scale._env(os.environ["DATABASE_URL"]).items():
        os.environ.setdefault(name, value)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    import django

    django.setup()
    import gc
    import logging

    logging.disable(logging.WARNING)
    from django.test import Client

    from casereview.accounts.models import Partnership, User

    callgrind = ctypes.CDLL(args.inside)
    partnership = Partnership.objects.unscoped().get(slug=args.slug)
    user = User.objects.get(username=f"{args.slug}-bm")
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)
    scale._two_factor_done(client, user)
    pages = scale.main_pages(partnership)
    for name in args.page or [name for name, url in pages.items() if url]:
        for _ in range(3):
            assert client.get(pages[name]).status_code == 200, name
        gc.collect()
        callgrind.cg_start()
        for _ in range(args.requests):
            client.get(pages[name])
        callgrind.cg_dump(name.encode())


if __name__ == "__main__":
    main()
