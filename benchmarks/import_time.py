"""What importing us costs: the pytest plugin (loaded by every pytest run of every project that
installs the client) and ``import nitrobox_auth`` (every production service).

Two measures, each the median of ``--runs`` fresh interpreters:

- ``-X importtime``: the cumulative microseconds the module's own import took, as CPython
  reports it (what the module adds on top of what was already imported);
- wall time of a whole interpreter that imports the module, minus the same interpreter
  without it (what a user waits for).

``import nitrobox_auth`` is measured with its dependencies (httpx, anyio, attrs...) imported
first: what it adds is our own modules. The package imports the error tree and the settings
and defers the rest to first use (PEP 562); the "first create_client" line shows what that
first use costs.

    python benchmarks/import_time.py            # this checkout
    python benchmarks/import_time.py --runs 21

The plugin is measured after ``import pytest``, since pytest has loaded itself by the time it
loads plugins.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

# Our own modules are what we can make cheaper: the dependencies are imported first.
DEPENDENCIES = "import httpx, httpcore, anyio, anyio.lowlevel, anyio.to_thread, attrs, dateutil"

CASES = {
    "pytest plugin (after pytest)": ("import pytest", "nitrobox_sandbox.pytest_plugin"),
    "import nitrobox_auth": (DEPENDENCIES, "nitrobox_auth"),
    # What the first use of a deferred name (create_client, paginate...) adds: the runtime's
    # modules are imported when first used, not by `import nitrobox_auth`.
    "first create_client (runtime modules)": (
        f"{DEPENDENCIES}\nimport nitrobox_auth",
        "nitrobox_auth.api._client_factory",
    ),
    "import nitrobox_client (generated)": ("", "nitrobox_client"),
}


def _cumulative_us(prelude: str, module: str) -> int:
    code = f"{prelude}\nimport {module}" if prelude else f"import {module}"
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    # The line whose last field is exactly the module is its own (cumulative) entry.
    for line in result.stderr.splitlines():
        fields = [field.strip() for field in line.removeprefix("import time:").split("|")]
        if len(fields) == 3 and fields[2] == module:
            return int(fields[1])
    raise RuntimeError(f"{module} not in the -X importtime output")


def _wall_s(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    print(f"{'what':<36} {'-X importtime':>14} {'wall, added':>12}   (median of {args.runs})")
    for label, (prelude, module) in CASES.items():
        cumulative = statistics.median(_cumulative_us(prelude, module) for _ in range(args.runs))
        base = prelude or "pass"
        with_module = f"{prelude}\nimport {module}" if prelude else f"import {module}"
        added = statistics.median(_wall_s(with_module) - _wall_s(base) for _ in range(args.runs))
        print(f"{label:<36} {cumulative / 1000:>11.1f} ms {added * 1000:>9.1f} ms")


if __name__ == "__main__":
    main()
