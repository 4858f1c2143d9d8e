"""The one mypy --strict run all typing tests assert on (see typing_helpers.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from typing_helpers import LOCATED, MypyRun, examples, run_mypy_strict, split_by_file

HERE = Path(__file__).parent

# Checked as they are, beside the written cases below.
CHECKED_FILES = (
    HERE / "typed_calls.py",
    HERE / "paging_types.py",
    HERE.parents[1] / "examples" / "typed_client.py",
    HERE.parent / "unit" / "webhooks" / "typed_handlers.py",
)

# Files the tests write: each must fail mypy in the way its test says.
WRITTEN_CASES = {
    # The check has teeth: a wrong assert_type (the old `object`) is reported.
    "wrong_type.py": (
        "from typing import assert_type\n"
        "from nitrobox_auth import create_client, unwrap\n"
        "from nitrobox_client.api.customers import retrieve_customer\n"
        "client = create_client()\n"
        "assert_type(unwrap(retrieve_customer.sync_detailed('c', client=client)), object)\n"
    ),
    # A misspelt option at each typed edge; line numbers matter (see test_typing.py).
    "misspelt_options.py": (
        "from nitrobox_auth import NitroboxSettings, TokenHTTP, TokenProvider, create_client\n"
        "settings = NitroboxSettings(tenant='t', client_id='c', client_secret='s')\n"
        "create_client(settings, header={'X-Trace': '1'})\n"
        "TokenProvider.from_settings(settings, transport=None)\n"
        "create_client(settings).with_options(retries=None)\n"
        "create_client(settings, headers={'X-Trace': '1'}, verify=False, http2=False)\n"
        "TokenProvider.from_settings(settings, http=TokenHTTP(), cache=None)\n"
        "create_client(settings).with_options(retry=None, deadline=3, timeout=2.0)\n"
    ),
    # A handler for the wrong event class is an error that names the right one.
    "wrong_handler.py": (
        "from nitrobox_auth.webhooks import InvoiceArchivedNotification, WebhookReceiver\n"
        "receiver = WebhookReceiver(client_id='n', client_secret='s')\n"
        "@receiver.on('order.created')\n"
        "def wrong(event: InvoiceArchivedNotification) -> None: ...\n"
    ),
}


@pytest.fixture(scope="session")
def mypy_run(tmp_path_factory: pytest.TempPathFactory) -> MypyRun:
    """mypy --strict once over the checked files, the written cases and the doc examples."""
    folder = tmp_path_factory.mktemp("typing")
    paths = list(CHECKED_FILES)
    for name, source in WRITTEN_CASES.items():
        (folder / name).write_text(source, encoding="utf-8")
        paths.append(folder / name)
    doc_examples = {}
    for number, example in enumerate(e for e in examples() if e.skip_reason is None):
        path = folder / f"example_{number}.py"
        source = example.module_source()
        path.write_text(source, encoding="utf-8")
        # Line n of the file is line (fence + n) of the document, less one if wrapped.
        doc_examples[path.name] = (example, example.line - (source != example.code))
        paths.append(path)
    result = run_mypy_strict(*paths)
    output = result.stdout + result.stderr
    # A crash or a usage error names no file: every test would then pass on empty lines.
    unlocated = [line for line in output.splitlines() if not LOCATED.match(line)]
    assert result.returncode in (0, 1), output
    assert not unlocated, output
    return MypyRun(
        returncode=result.returncode,
        output=output,
        lines=split_by_file(output),
        doc_examples=doc_examples,
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Under `pytest -n 2 --dist loadgroup` every test of the one mypy run goes to one
    # worker, so mypy runs once, not once per worker.
    for item in items:
        if "mypy_run" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("mypy"))
