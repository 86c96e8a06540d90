"""``python -m compliance.engine FILE``: the check_schedule command without Django."""

import sys

from compliance.engine.cli import run

if __name__ == "__main__":
    sys.exit(
        run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr, prog="python -m compliance.engine")
    )
