#!/usr/bin/env python3
"""The server's layers point one way: a file may include its own folder's headers and those of
layers strictly below its own, never above and never across (two folders of the same rank).

Usage: check_layers.py <server/src>   (CTest `server_layers`; ARCHITECTURE.md draws the picture)
Prints every offending include as file:line and exits 1; prints the layer table and exits 0
otherwise. A folder under src/ that is not in LAYERS is itself an error, so a new folder has to
be placed deliberately.
"""
import os
import re
import sys

# Lowest first. Same number = peers, which must not include each other.
LAYERS = {
    "core": 0,
    "store": 1, "queue": 1, "auth": 1,
    "domain": 2,
    "http": 3,
    "api": 4,
    "realtime": 5, "web": 5,
    "app": 6,
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/[^"]+"')


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "server/src"
    problems = []
    for folder in sorted(os.listdir(src)):
        path = os.path.join(src, folder)
        if not os.path.isdir(path):
            continue
        if folder not in LAYERS:
            problems.append(f"{path}: folder is in no layer (add it to LAYERS in {sys.argv[0]})")
            continue
        for root, _, files in os.walk(path):
            for name in sorted(files):
                if not name.endswith((".h", ".cpp")):
                    continue
                file = os.path.join(root, name)
                with open(file, encoding="utf-8") as text:
                    for number, line in enumerate(text, 1):
                        match = INCLUDE.match(line)
                        if not match:
                            continue
                        target = match.group(1)
                        if target == folder or target not in LAYERS:
                            continue  # own folder, or not ours (nextup/ of common, Qt...)
                        if LAYERS[target] >= LAYERS[folder]:
                            way = "up" if LAYERS[target] > LAYERS[folder] else "across"
                            problems.append(f"{file}:{number}: {folder} includes {target} ({way}): {line.strip()}")
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} include(s) against the layers")
        return 1
    ranks = {}
    for folder, rank in LAYERS.items():
        ranks.setdefault(rank, []).append(folder)
    for rank in sorted(ranks, reverse=True):
        print(f"  {rank}: {' '.join(ranks[rank])}")
    print("layers: every include points down")
    return 0


if __name__ == "__main__":
    sys.exit(main())
