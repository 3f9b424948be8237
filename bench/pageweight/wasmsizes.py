#!/usr/bin/env python3
"""What the browser bundle is made of: code bytes per crate.

    python3 bench/pageweight/wasmsizes.py <target-wasm>/wasm32-unknown-unknown/wasm-release/hydrate.wasm

Reads the wasm as cargo wrote it (before wasm-bindgen and wasm-opt, which strip the function
names): the size of every function body in the code section, grouped by the crate its (v0)
mangled name starts in. `__wbindgen_describe_*` functions are wasm-bindgen's build-time
descriptions and are removed from the bundle. A stand-in for `twiggy top` that needs nothing
but Python (BENCHMARKS.md, issue 21).
"""
import collections
import re
import sys


def leb(b, i):
    result = shift = 0
    while True:
        x = b[i]
        i += 1
        result |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return result, i


def skip_limits(b, j):
    flags, j = leb(b, j)
    _, j = leb(b, j)
    if flags & 1:
        _, j = leb(b, j)
    return j


def read(path):
    data = open(path, "rb").read()
    i, imported, bodies, names, data_bytes = 8, 0, [], {}, 0
    while i < len(data):
        section = data[i]
        size, i = leb(data, i + 1)
        end = i + size
        if section == 2:  # imports: function indices start after the imported functions
            n, j = leb(data, i)
            for _ in range(n):
                for _ in range(2):
                    length, j = leb(data, j)
                    j += length
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imported += 1
                elif kind == 1:
                    j = skip_limits(data, j + 1)
                elif kind == 2:
                    j = skip_limits(data, j)
                elif kind == 3:
                    j += 2
        elif section == 10:  # code
            n, j = leb(data, i)
            for _ in range(n):
                length, j = leb(data, j)
                bodies.append(length)
                j += length
        elif section == 11:
            data_bytes += size
        elif section == 0:
            length, j = leb(data, i)
            if data[j : j + length] == b"name":
                j += length
                while j < end:
                    sub = data[j]
                    sub_size, j = leb(data, j + 1)
                    if sub == 1:
                        n, k = leb(data, j)
                        for _ in range(n):
                            index, k = leb(data, k)
                            length, k = leb(data, k)
                            names[index] = data[k : k + length].decode("utf8", "replace")
                            k += length
                    j += sub_size
        i = end
    return bodies, names, imported, data_bytes


def crate_of(name):
    if name.startswith("_R"):
        m = re.search(r"s[0-9A-Za-z]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)", name)
        return m.group(2)[: int(m.group(1))] if m else "?"
    if name.startswith("__wbindgen_describe"):
        return "__wbindgen_describe (stripped)"
    if re.search(r"_\d{6,}_", name):
        return "island entry points"
    return name.split("::")[0][:40]


def main():
    bodies, names, imported, data_bytes = read(sys.argv[1])
    groups = collections.Counter()
    for n, size in enumerate(bodies):
        groups[crate_of(names.get(n + imported, "?"))] += size
    total = sum(bodies)
    print(f"{total:,} bytes of code in {len(bodies):,} functions; {data_bytes:,} bytes of data\n")
    print("| part | bytes | share of code |\n|---|---:|---:|")
    for crate, size in groups.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 15):
        print(f"| {crate} | {size:,} | {100 * size / total:.0f} % |")


if __name__ == "__main__":
    main()
