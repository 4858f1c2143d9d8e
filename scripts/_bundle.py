"""Pure bundling of several OpenAPI documents (one per Nitrobox API domain) into one.

No I/O beyond reading the files in :func:`load_specs`; :func:`bundle` is a pure function so
the rules can be unit-tested without the generator.

The rules:

- a file is a spec when its top level is a mapping with an ``openapi`` key; anything else
  in the folder (generator config, allowlists, README, fact tables) is ignored;
- an official ``<domain>-api.json`` supersedes our ``<domain>-api.yaml`` for the same domain
  (users drop the files Nitrobox sends them next to ours and regenerate);
- components with the same name and the same content (after ``$ref`` rewriting) are merged;
  same-named components that differ are renamed with their domain prefix
  (``GlobalErrorResponse`` -> ``CustomerGlobalErrorResponse``), except the variant shared by
  the most files, which keeps the plain name; every ``$ref``, discriminator mapping and
  security requirement that points at a renamed component is rewritten, and the bundle
  records each rename in ``info.x-nitrobox-renamed`` (the change report explains them);
- paths, tags, servers and security schemes are merged; two different operations on the same
  method and path, or two operations with the same operationId, are errors.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_LOCAL_REF = re.compile(r"^#/components/(?P<section>[^/]+)/(?P<name>[^/]+)$")

Json = Any


class BundleError(Exception):
    """The spec files cannot be bundled into one document; the message says what to fix."""


@dataclass(frozen=True)
class SpecFile:
    """One OpenAPI document of one domain, as read from ``openapi/``."""

    filename: str
    domain: str
    document: dict[str, Json]

    @property
    def prefix(self) -> str:
        """The PascalCase domain prefix used to rename conflicting components."""
        return "".join(
            part.capitalize() for part in re.split(r"[^0-9A-Za-z]+", self.domain) if part
        )


@dataclass
class BundleResult:
    """The bundled document plus what the bundler did that a user should know about."""

    document: dict[str, Json]
    notes: list[str] = field(default_factory=list)


class _StringDateLoader(yaml.SafeLoader):
    """YAML loader that keeps dates as strings: OpenAPI examples like 2024-01-01 are strings."""


_StringDateLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _stringify_keys(node: Json) -> Json:
    # YAML reads `200:` as an int key; OpenAPI keys are always strings.
    if isinstance(node, dict):
        return {str(key): _stringify_keys(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_stringify_keys(item) for item in node]
    return node


def parse_text(text: str, filename: str) -> Json:
    """Parse a JSON or YAML file's text (JSON when the name ends in .json)."""
    try:
        if filename.endswith(".json"):
            return json.loads(text)
        return _stringify_keys(yaml.load(text, Loader=_StringDateLoader))  # noqa: S506
    except (ValueError, yaml.YAMLError) as exc:
        raise BundleError(f"{filename}: not valid JSON/YAML: {exc}") from exc


def domain_of(filename: str) -> str:
    """``customer-api.yaml`` -> ``customer``; ``data-access-api.json`` -> ``data-access``."""
    stem = filename.rsplit(".", 1)[0]
    return stem.removesuffix("-api") or stem


def load_specs(folder: Path) -> tuple[list[SpecFile], list[str]]:
    """Read every OpenAPI document in ``folder`` (not recursive), sorted by file name.

    Returns the specs and notes about files that were skipped or superseded.
    """
    notes: list[str] = []
    by_domain: dict[str, SpecFile] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix not in {".json", ".yaml", ".yml"}:
            continue
        data = parse_text(path.read_text(encoding="utf-8"), path.name)
        if not (isinstance(data, dict) and "openapi" in data):
            continue
        spec = SpecFile(filename=path.name, domain=domain_of(path.name), document=data)
        previous = by_domain.get(spec.domain)
        if previous is None:
            by_domain[spec.domain] = spec
            continue
        official = [s for s in (previous, spec) if s.filename.endswith(".json")]
        if len(official) != 1:
            raise BundleError(
                f"{previous.filename} and {spec.filename} describe the same domain "
                f"{spec.domain!r}; keep one of them"
            )
        winner, loser = (official[0], spec if official[0] is previous else previous)
        by_domain[spec.domain] = winner
        notes.append(f"{winner.filename} (official) supersedes {loser.filename}")
    if not by_domain:
        raise BundleError(f"no OpenAPI document (a file with an 'openapi' key) in {folder}")
    return sorted(by_domain.values(), key=lambda s: s.filename), notes


def _canonical(node: Json) -> str:
    return json.dumps(node, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _rewrite(node: Json, renames: Mapping[tuple[str, str], str], spec: SpecFile) -> Json:
    """Copy ``node`` with every reference to a renamed component of ``spec`` rewritten."""
    if isinstance(node, list):
        return [_rewrite(item, renames, spec) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Json] = {}
    for key, value in node.items():
        if key == "$ref" and isinstance(value, str):
            out[key] = _rewrite_ref(value, renames, spec)
        elif key == "discriminator" and isinstance(value, dict) and "mapping" in value:
            mapping = {
                tag: _rewrite_ref(target, renames, spec, bare_section="schemas")
                for tag, target in value["mapping"].items()
            }
            out[key] = {**_rewrite(value, renames, spec), "mapping": mapping}
        elif (
            key == "security"
            and isinstance(value, list)
            and all(isinstance(req, dict) for req in value)
        ):
            out[key] = _rename_requirements(value, renames)
        else:
            out[key] = _rewrite(value, renames, spec)
    return out


def _rename_requirements(
    requirements: list[dict[str, Json]] | None, renames: Mapping[tuple[str, str], str]
) -> list[dict[str, Json]] | None:
    """Security requirements name their schemes by key, not by $ref."""
    if requirements is None:
        return None
    return [
        {renames.get(("securitySchemes", name), name): scopes for name, scopes in req.items()}
        for req in requirements
    ]


def _rewrite_ref(
    ref: str,
    renames: Mapping[tuple[str, str], str],
    spec: SpecFile,
    bare_section: str | None = None,
) -> str:
    if bare_section is not None and "/" not in ref and "#" not in ref:
        return renames.get((bare_section, ref), ref)
    if not ref.startswith("#"):
        raise BundleError(
            f"{spec.filename}: external $ref {ref!r} is not supported; "
            "each spec file must be self-contained (put shared components in every file "
            "that uses them; identical copies are merged)"
        )
    match = _LOCAL_REF.match(ref)
    if match is None:
        return ref
    key = (match["section"], match["name"])
    if key not in renames:
        return ref
    return f"#/components/{match['section']}/{renames[key]}"


def _file_renames(
    renames: Mapping[tuple[str, str, str], str], spec: SpecFile
) -> dict[tuple[str, str], str]:
    return {(sec, name): new for (fn, sec, name), new in renames.items() if fn == spec.filename}


def _components(spec: SpecFile) -> dict[str, dict[str, Json]]:
    comps = spec.document.get("components") or {}
    return {sec: entries for sec, entries in comps.items() if isinstance(entries, dict)}


def _compute_renames(specs: list[SpecFile]) -> dict[tuple[str, str, str], str]:
    """Which (file, section, name) components must be renamed, and to what.

    Iterates to a fixed point: renaming ``Address`` in one file makes that file's ``Customer``
    (which refers to it) differ from another file's ``Customer`` too.
    """
    renames: dict[tuple[str, str, str], str] = {}
    while True:
        variants: dict[tuple[str, str], dict[str, list[SpecFile]]] = {}
        for spec in specs:
            local = _file_renames(renames, spec)
            for section, entries in _components(spec).items():
                if section.startswith("x-"):
                    continue
                for name, body in entries.items():
                    canon = _canonical(_rewrite(body, local, spec))
                    variants.setdefault((section, name), {}).setdefault(canon, []).append(spec)
        new = dict(renames)
        for (section, name), groups in variants.items():
            if len(groups) < 2:
                continue
            # The variant most files share keeps the plain name; ties go to the first file.
            ordered = sorted(groups.values(), key=lambda g: (-len(g), g[0].filename))
            for group in ordered[1:]:
                for spec in group:
                    renamed = group[0].prefix + name[:1].upper() + name[1:]
                    new.setdefault((spec.filename, section, name), renamed)
        if new == renames:
            return renames
        renames = new


def _merge_named(
    target: dict[str, Json], name: str, value: Json, where: str, origin: dict[str, str], src: str
) -> None:
    if name not in target:
        target[name] = value
        origin[name] = src
    elif _canonical(target[name]) != _canonical(value):
        raise BundleError(f"{where} {name!r} differs between {origin[name]} and {src}")


@dataclass
class _Merged:
    """What the files add up to, with where each named part came from (for conflicts)."""

    push_security_down: bool
    components: dict[str, dict[str, Json]] = field(default_factory=dict)
    comp_origin: dict[str, dict[str, str]] = field(default_factory=dict)
    paths: dict[str, dict[str, Json]] = field(default_factory=dict)
    path_origin: dict[str, dict[str, str]] = field(default_factory=dict)
    tags: dict[str, Json] = field(default_factory=dict)
    servers: list[Json] = field(default_factory=list)
    extensions: dict[str, Json] = field(default_factory=dict)
    ext_origin: dict[str, dict[str, str]] = field(default_factory=dict)
    ext_plain: dict[str, str] = field(default_factory=dict)
    sources: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, spec: SpecFile, doc: Json, local: Mapping[tuple[str, str], str]) -> None:
        """One file, its components already renamed (``local``) and its refs rewritten."""
        info = doc.get("info") or {}
        self.sources.append(
            {
                "file": spec.filename,
                "title": str(info.get("title", "")),
                "version": str(info.get("version", "")),
            }
        )
        self._add_components(spec, doc, local)
        self._add_paths(spec, doc)
        self._add_tags_and_servers(spec, doc)
        self._add_extensions(spec, doc)
        if doc.get("webhooks"):
            raise BundleError(f"{spec.filename}: webhooks are not bundled yet; remove them")

    def _add_components(
        self, spec: SpecFile, doc: Json, local: Mapping[tuple[str, str], str]
    ) -> None:
        for section, entries in (doc.get("components") or {}).items():
            if not isinstance(entries, dict):
                continue
            for name, body in entries.items():
                new_name: str = local.get((section, name)) or name
                _merge_named(
                    self.components.setdefault(section, {}),
                    new_name,
                    body,
                    f"components/{section}",
                    self.comp_origin.setdefault(section, {}),
                    spec.filename,
                )

    def _add_paths(self, spec: SpecFile, doc: Json) -> None:
        for path, item in (doc.get("paths") or {}).items():
            merged = self.paths.setdefault(path, {})
            origin = self.path_origin.setdefault(path, {})
            for key, value in item.items():
                if self.push_security_down and key in HTTP_METHODS and "security" not in value:
                    value = {**value, "security": doc.get("security", [])}
                _merge_named(merged, key, value, f"paths/{path}", origin, spec.filename)

    def _add_tags_and_servers(self, spec: SpecFile, doc: Json) -> None:
        for tag in doc.get("tags") or []:
            known = self.tags.get(tag["name"])
            if known is None:
                self.tags[tag["name"]] = tag
            elif _canonical(known) != _canonical(tag):
                self.notes.append(
                    f"{spec.filename}: tag {tag['name']!r} differs; kept the first one"
                )
        for server in doc.get("servers") or []:
            if server not in self.servers:
                self.servers.append(server)

    def _add_extensions(self, spec: SpecFile, doc: Json) -> None:
        for key, value in doc.items():
            if key.startswith("x-") and isinstance(value, dict):
                # e.g. x-webhooks: one entry per event, merged entry by entry like paths.
                for name, entry in value.items():
                    _merge_named(
                        self.extensions.setdefault(key, {}),
                        name,
                        entry,
                        key,
                        self.ext_origin.setdefault(key, {}),
                        spec.filename,
                    )
            elif key.startswith("x-"):
                _merge_named(
                    self.extensions,
                    key,
                    value,
                    "top-level extension",
                    self.ext_plain,
                    spec.filename,
                )
        if doc.get("externalDocs") is not None:
            self.extensions.setdefault("externalDocs", doc["externalDocs"])

    def check_operation_ids(self) -> None:
        """Every operation has an operationId, and no two share one."""
        seen: dict[str, str] = {}
        for path in sorted(self.paths):
            for method in HTTP_METHODS:
                operation = self.paths[path].get(method)
                if operation is None:
                    continue
                origin = self.path_origin[path][method]
                op_id = operation.get("operationId")
                if op_id is None:
                    raise BundleError(f"{origin}: {method.upper()} {path} has no operationId")
                where = f"{origin} ({method.upper()} {path})"
                if op_id in seen:
                    raise BundleError(f"duplicate operationId {op_id!r}: {seen[op_id]} and {where}")
                seen[op_id] = where


def _first_notes(specs: list[SpecFile], renames: Mapping[tuple[str, str, str], str]) -> list[str]:
    """Notes on what the bundle changes: renamed components, mixed OpenAPI versions."""
    notes = [
        f"{filename}: components/{section}/{name} differs, renamed to {new}"
        for (filename, section, name), new in sorted(renames.items())
    ]
    versions = sorted({str(s.document["openapi"]) for s in specs})
    if len({v.rsplit(".", 1)[0] for v in versions}) > 1:
        # openapi-python-client reads 3.0's `nullable` in a 3.1 document too, and the 3.1
        # validator lets it pass, so mixing works; say so instead of refusing the drop-in.
        listed = ", ".join(f"{s.filename}: {s.document['openapi']}" for s in specs)
        notes.append(f"mixed OpenAPI versions ({listed}); the bundle declares {versions[-1]}")
    return notes


def _document(
    merged: _Merged,
    *,
    openapi: str,
    title: str,
    renames: Mapping[tuple[str, str, str], str],
    security: Json,
) -> dict[str, Json]:
    """The bundled document, every part in a stable order."""
    sources = merged.sources
    result: dict[str, Json] = {
        "openapi": openapi,
        "info": {
            "title": title,
            "version": "+".join(sorted({s["version"] for s in sources if s["version"]})) or "0",
            "description": "Bundled by scripts/regenerate.py from: "
            + ", ".join(s["file"] for s in sources),
            "x-nitrobox-sources": sources,
        },
    }
    if renames:
        # The change report (scripts/_changes.py) reads this to explain a renamed component
        # instead of listing it as removed and added; absent when nothing was renamed.
        result["info"]["x-nitrobox-renamed"] = [
            {"file": filename, "section": section, "name": name, "renamedTo": new}
            for (filename, section, name), new in sorted(renames.items())
        ]
    if merged.servers:
        result["servers"] = merged.servers
    if not merged.push_security_down and security is not None:
        result["security"] = security
    if merged.tags:
        result["tags"] = [merged.tags[name] for name in sorted(merged.tags)]
    result["paths"] = {path: merged.paths[path] for path in sorted(merged.paths)}
    components = merged.components
    result["components"] = {
        section: {name: components[section][name] for name in sorted(components[section])}
        for section in sorted(components)
    }
    result.update(merged.extensions)
    return result


def bundle(specs: Iterable[SpecFile], *, title: str = "Nitrobox API") -> BundleResult:
    """Bundle the documents into one. Raises :class:`BundleError` on a conflict."""
    specs = list(specs)
    if not specs:
        raise BundleError("nothing to bundle")
    renames = _compute_renames(specs)
    file_security = [
        _rename_requirements(s.document.get("security"), _file_renames(renames, s)) for s in specs
    ]
    # Files with different global security: each operation keeps its own file's requirement.
    merged = _Merged(push_security_down=len({_canonical(sec) for sec in file_security}) > 1)
    merged.notes = _first_notes(specs, renames)
    for spec in specs:
        local = _file_renames(renames, spec)
        merged.add(spec, _rewrite(copy.deepcopy(spec.document), local, spec), local)
    merged.check_operation_ids()
    newest = sorted({str(s.document["openapi"]) for s in specs})[-1]
    document = _document(
        merged, openapi=newest, title=title, renames=renames, security=file_security[0]
    )
    return BundleResult(document=document, notes=merged.notes)
