"""What validate_ics.py and validate_rss.py share: finding the files, and the
command line (`--json` for the parsed reports, problems on stderr, exit 1 when
there are any, 2 for a usage error)."""

import json
import os
import sys


def collect(paths, suffix):
    """The files named, and those ending in `suffix` below the folders named, in a stable order."""
    files = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith(suffix)]
        else:
            files.append(path)
    return files


def run(argv, *, name, suffix, usage, check_file):
    """Checks every file with `check_file(path, problems)`, which appends problem lines to
    `problems` and returns the file's report; returns the exit status."""
    arguments = [a for a in argv if a != "--json"]
    if not arguments or any(a.startswith("-") for a in arguments):
        print(usage, file=sys.stderr)
        return 2
    files = collect(arguments, suffix)
    if not files:
        print(f"{name}: no {suffix} file found", file=sys.stderr)
        return 1
    problems, reports = [], []
    for path in files:
        try:
            reports.append(check_file(path, problems))
        except OSError as error:
            problems.append(f"{path}: cannot read: {error}")
    if "--json" in argv:
        print(json.dumps(reports, ensure_ascii=False, indent=1, sort_keys=True))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{name}: {len(problems)} problem(s) in {len(files)} file(s)", file=sys.stderr)
        return 1
    return 0
