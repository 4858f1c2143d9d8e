"""One "process" of the multi-process tests: calls get_token() in a loop for a while.

Protocol: prints ``ready`` once imported and warmed up, waits for ``go`` on stdin (so every
worker starts its window together), runs ``--seconds``, then prints one JSON line of counts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from nitrobox_auth import TokenProvider, open_token_cache


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--token-url", required=True)
    parser.add_argument("--cache", default="")
    parser.add_argument("--seconds", type=float, required=True)
    args = parser.parse_args()
    cache = open_token_cache(args.cache) if args.cache else None
    provider = TokenProvider(
        token_url=args.token_url, client_id="worker", client_secret="worker-secret", cache=cache
    )
    # Warm up (client, TLS context, first token) so that a loaded machine's start-up cost
    # stays out of the measured window; the test counts requests from "go" on.
    provider.get_token()
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return 1
    calls = failures = 0
    values: set[str] = set()
    end = time.monotonic() + args.seconds
    while time.monotonic() < end:
        try:
            values.add(provider.get_token().value)
        except Exception:
            failures += 1
        calls += 1
        time.sleep(0.002)
    provider.close()
    print(json.dumps({"calls": calls, "failures": failures, "distinct": len(values)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
