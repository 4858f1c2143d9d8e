"""Each openapi/*-api.yaml file is a valid, self-contained OpenAPI 3.0 document."""

from __future__ import annotations

from pathlib import Path

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from spec_helpers import DOMAINS, domain_files, load

FILES = domain_files()
IDS = [path.name for path in FILES]


def test_one_file_per_domain() -> None:
    """openapi/ holds exactly one <domain>-api.yaml per Nitrobox API domain."""
    assert [path.name for path in FILES] == [f"{domain}-api.yaml" for domain in DOMAINS]


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_file_is_valid_openapi_30(path: Path) -> None:
    """openapi-spec-validator accepts the file as OpenAPI 3.0.3."""
    document = load(path)
    assert document["openapi"] == "3.0.3"
    validate(document)


def test_validator_rejects_a_broken_document() -> None:
    """The validator used above does reject a document with a response-less operation."""
    broken = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/v2/x": {"get": {"operationId": "x"}}},
    }
    with pytest.raises(OpenAPIValidationError):
        validate(broken)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_servers_are_production_and_stage(path: Path) -> None:
    """Every file names the production and the stage host, in that order."""
    assert [server["url"] for server in load(path)["servers"]] == [
        "https://api.nitrobox.io",
        "https://api.nbx-stage-westeurope.nitrobox.io",
    ]


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_oauth2_client_credentials_with_tenant_token_url(path: Path) -> None:
    """The file requires the OAuth2 client-credentials scheme with the per-tenant token URL."""
    document = load(path)
    scheme = document["components"]["securitySchemes"]["OAuth2"]
    flow = scheme["flows"]["clientCredentials"]
    assert scheme["type"] == "oauth2"
    assert flow["tokenUrl"] == "https://api.nitrobox.io/{tenant}/oauth2/token"
    assert "{tenant}" in scheme["description"]
    assert document["security"] == [{"OAuth2": []}]
