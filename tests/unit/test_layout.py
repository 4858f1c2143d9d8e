"""The package layout users import from: the sandbox package, its alias, its missing extra."""

from __future__ import annotations

import sys

import pytest
from fakes import python_output


def test_sandbox_names_are_importable_from_nitrobox_sandbox() -> None:
    """The documented import works and gives the real classes."""
    from nitrobox_sandbox import Faults, ManualClock, Sandbox, SandboxError
    from nitrobox_sandbox._sandbox import Sandbox as RealSandbox

    assert Sandbox is RealSandbox
    assert issubclass(SandboxError, Exception)
    assert callable(Faults)
    assert callable(ManualClock)


def test_unknown_name_is_an_attribute_error() -> None:
    """A typo is an AttributeError naming the package, like any module."""
    import nitrobox_sandbox

    with pytest.raises(AttributeError, match="nitrobox_sandbox"):
        _ = nitrobox_sandbox.Sandbx  # type: ignore[attr-defined]


def test_old_import_path_still_works_with_a_deprecation_warning() -> None:
    """nitrobox_auth.sandbox stays one release, and says where to import from."""
    sys.modules.pop("nitrobox_auth.sandbox", None)
    with pytest.warns(DeprecationWarning, match="nitrobox_sandbox"):
        import nitrobox_auth.sandbox as alias
    from nitrobox_sandbox import Sandbox

    assert alias.Sandbox is Sandbox


def test_missing_extra_names_the_extra_to_install() -> None:
    """Without Starlette, the first use of the sandbox says which extra to install."""
    probe = (
        "import sys; sys.modules['starlette'] = None; "
        "import nitrobox_sandbox\n"
        "try:\n"
        "    nitrobox_sandbox.Sandbox\n"
        "except ModuleNotFoundError as exc:\n"
        "    print(exc)\n"
    )
    output = python_output(probe)
    assert "nitrobox-client[sandbox]" in output
    assert "starlette" in output


def test_runtime_package_does_not_import_the_sandbox() -> None:
    """A production service that imports nitrobox_auth loads no test tooling."""
    probe = (
        "import sys, nitrobox_auth; "
        "print(sorted(m for m in sys.modules if m.startswith(('nitrobox_sandbox', 'starlette'))))"
    )
    output = python_output(probe)
    assert output.strip() == "[]"
