#!/usr/bin/env python3
"""House rules that check themselves (scripts/test.sh runs both: lint.py --tidy):

1. clang-format: every tracked C++ file matches .clang-format, include order included.
2. clang-tidy: no finding of .clang-tidy's checks in the project's own code (server, common,
   console, kiosk). clang-tidy costs ~10 s of CPU a file, so each file's result is cached under
   ~/.cache/nextup-tidy, keyed by the clang-tidy version, .clang-tidy, the file's compile command
   and the contents of the file and of every project header it includes (from Ninja's deps): a
   file is checked again exactly when something it is built from changed.

Usage: lint.py                 clang-format check only (seconds)
       lint.py --tidy [build-dir]  and clang-tidy (scripts/test.sh runs this; build-dir default
                               build/ci, built; a cold cache costs ~10 s of CPU per file,
                               ~40 min for the whole tree)
       lint.py --fix-format    rewrites every file to .clang-format
"""
import concurrent.futures
import hashlib
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIDY_DIRS = ("server/", "common/", "console/", "kiosk/")
CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "nextup-tidy")


def tracked_cpp():
    out = subprocess.run(["git", "ls-files", "*.cpp", "*.h"], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return [f for f in out.splitlines() if "node_modules" not in f]


def check_format(fix):
    bad = []
    for name in tracked_cpp():
        args = ["clang-format", "-i", name] if fix else ["clang-format", "--dry-run", "--Werror", name]
        if subprocess.run(args, cwd=ROOT, capture_output=True).returncode != 0:
            bad.append(name)
    return bad


def ninja_deps(build):
    """object file -> the files under ROOT it was compiled from (Ninja's recorded deps)."""
    out = subprocess.run(["ninja", "-C", build, "-t", "deps"], check=True, capture_output=True,
                         text=True).stdout
    deps, current = {}, None
    for line in out.splitlines():
        if line and not line.startswith(" "):
            current = line.split(":")[0]
            deps[current] = []
        elif line.strip() and current:
            path = os.path.normpath(os.path.join(build, line.strip()))
            if path.startswith(ROOT + os.sep):
                deps[current].append(path)
    return deps


def object_of(command):
    """The object file a compile command writes (its -o argument), as Ninja names it."""
    words = command.split()
    return words[words.index("-o") + 1] if "-o" in words else ""


def digest(parts):
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode())
        h.update(b"\0")
    return h.hexdigest()


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b"<missing>"


def run_tidy(build, entry):
    result = subprocess.run(["clang-tidy", "-p", build, "--quiet", entry["file"]],
                            capture_output=True, text=True)
    findings = [os.path.relpath(l, ROOT) if l.startswith(ROOT) else l
                for l in result.stdout.splitlines() if ": warning:" in l or ": error:" in l]
    return "\n".join(findings)


def check_tidy(build):
    version = subprocess.run(["clang-tidy", "--version"], capture_output=True, text=True).stdout
    config = read(os.path.join(ROOT, ".clang-tidy"))
    with open(os.path.join(build, "compile_commands.json")) as f:
        entries = json.load(f)
    deps = ninja_deps(build)
    os.makedirs(CACHE, exist_ok=True)
    todo, findings, cached = [], [], 0
    for entry in entries:
        rel = os.path.relpath(entry["file"], ROOT)
        if not rel.startswith(TIDY_DIRS) or "_autogen" in rel or "/.rcc/" in rel:
            continue
        # Paths are keyed relative to the checkout, so a fresh clone elsewhere (CI) reuses them.
        command = entry.get("command", " ".join(entry.get("arguments", [])))
        # CMake 3.25 writes no "output" member: the object is the compile command's -o.
        output = entry.get("output") or object_of(command)
        sources = sorted(set(deps.get(output, [])) | {entry["file"]})
        if output not in deps:
            sys.exit(f"lint.py: no Ninja deps for {rel} ({output}); build {build} first")
        key = digest([version, config, command.replace(ROOT, "<root>")]
                     + [os.path.relpath(s, ROOT) + "\n" for s in sources]
                     + [read(s) for s in sources])
        path = os.path.join(CACHE, key)
        if os.path.exists(path):
            cached += 1
            text = read(path).decode()
            if text:
                findings.append(text)
        else:
            todo.append((entry, path))
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for (entry, path), text in zip(todo, pool.map(lambda item: run_tidy(build, item[0]), todo)):
            with open(path, "w") as f:
                f.write(text)
            if text:
                findings.append(text)
    print(f"clang-tidy: {len(todo)} file(s) checked, {cached} unchanged since their last check")
    # A header's finding shows once per file that includes it: report each line once.
    unique = sorted(set("\n".join(findings).splitlines()))
    return [l for l in unique if l]


def main():
    if "--fix-format" in sys.argv:
        check_format(True)
        print("clang-format: every tracked C++ file rewritten to .clang-format")
        return 0
    args = [a for a in sys.argv[1:] if a != "--tidy"]
    build = os.path.abspath(args[0] if args else os.path.join(ROOT, "build/ci"))
    status = 0
    bad = check_format(False)
    if bad:
        print("clang-format: these files do not match .clang-format (scripts/lint.py --fix-format):")
        print("\n".join("  " + b for b in bad))
        status = 1
    else:
        print("clang-format: every file matches")
    if "--tidy" not in sys.argv:
        return status
    findings = check_tidy(build)
    if findings:
        print("\n".join(findings))
        print(f"clang-tidy: {len(findings)} finding(s)")
        status = 1
    else:
        print("clang-tidy: no findings")
    return status


if __name__ == "__main__":
    sys.exit(main())
