#!/usr/bin/env python3
"""Structural checks of openapi.json that a JSON syntax check does not make.

Usage: check_openapi.py [openapi.json] [docs/api.md]
Checks that every $ref resolves, every operation has a unique camelCase operationId, known tags,
responses and an explicit security list naming known schemes, that path templates and path
parameters agree, that `required` names existing properties, and (given docs/api.md) that every
`METHOD /path` route of the reference is documented. Exits 1 and lists the problems otherwise.
"""
import json
import os
import re
import sys

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def resolve(doc, pointer):
    node = doc
    for part in pointer.lstrip("#/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def walk(node, where, visit):
    visit(node, where)
    if isinstance(node, dict):
        for key, value in node.items():
            walk(value, f"{where}/{key}", visit)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            walk(value, f"{where}/{i}", visit)


def check_refs_and_required(doc, problems):
    def visit(node, where):
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str) and resolve(doc, ref) is None:
            problems.append(f"{where}: $ref {ref} does not resolve")
        req = node.get("required")
        props = node.get("properties")
        if isinstance(req, list) and isinstance(props, dict):
            for name in req:
                if name not in props:
                    problems.append(f"{where}: required '{name}' is not a property")
    walk(doc, "#", visit)


def check_operations(doc, problems):
    tags = {t["name"] for t in doc.get("tags", [])}
    schemes = set(doc.get("components", {}).get("securitySchemes", {}))
    seen = {}
    for path, item in doc.get("paths", {}).items():
        template_params = set(re.findall(r"{([^}]+)}", path))
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            name = f"{method.upper()} {path}"
            op_id = operation.get("operationId")
            if not op_id:
                problems.append(f"{name}: no operationId")
            elif not re.fullmatch(r"[a-z][a-zA-Z0-9]*", op_id):
                problems.append(f"{name}: operationId {op_id} is not camelCase")
            elif op_id in seen:
                problems.append(f"{name}: operationId {op_id} also used by {seen[op_id]}")
            else:
                seen[op_id] = name
            if not operation.get("responses"):
                problems.append(f"{name}: no responses")
            for tag in operation.get("tags", []) or [None]:
                if tag not in tags:
                    problems.append(f"{name}: tag {tag} is not declared")
            security = operation.get("security")
            if not isinstance(security, list):
                problems.append(f"{name}: no explicit security list")
            else:
                for requirement in security:
                    for scheme in requirement:
                        if scheme not in schemes:
                            problems.append(f"{name}: unknown security scheme {scheme}")
            params = list(item.get("parameters", [])) + list(operation.get("parameters", []))
            params = [resolve(doc, p["$ref"]) if "$ref" in p else p for p in params]
            declared = {p["name"] for p in params if p and p.get("in") == "path"}
            if declared != template_params:
                problems.append(f"{name}: path parameters {sorted(declared)} do not match "
                                f"the template {sorted(template_params)}")
    return seen


def documented_routes(api_md):
    """Every `METHOD /path` or `GET, POST /path` written in backticks in docs/api.md."""
    text = open(api_md, encoding="utf-8").read()
    verbs = r"(?:GET|POST|PUT|DELETE|PATCH)"
    routes = set()
    for methods, path in re.findall(rf"`({verbs}(?:,\s*{verbs})*)\s+(/[^`\s?]*)`", text):
        path = re.sub(r":(\w+)", r"{\1}", path)
        for method in re.split(r",\s*", methods):
            routes.add((method.lower(), path))
    return routes


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    spec_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "openapi.json")
    api_md = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "docs",
                                                                  "api.md")
    with open(spec_path, encoding="utf-8") as f:
        doc = json.load(f)
    problems = []
    if doc.get("openapi") != "3.0.3":
        problems.append("openapi is not 3.0.3")
    check_refs_and_required(doc, problems)
    operations = check_operations(doc, problems)
    if os.path.exists(api_md):
        for method, path in sorted(documented_routes(api_md)):
            if method not in doc.get("paths", {}).get(path, {}):
                problems.append(f"docs/api.md route {method.upper()} {path} is not documented")
    for problem in problems:
        print(problem)
    print(f"{len(operations)} operations, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
