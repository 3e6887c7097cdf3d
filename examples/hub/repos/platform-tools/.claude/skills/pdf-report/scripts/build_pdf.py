#!/usr/bin/env python3
"""Concatenate Markdown files into one document."""
import sys, pathlib

def main(src, out):
    parts = sorted(pathlib.Path(src).glob('*.md'))
    pathlib.Path(out).write_text('\n\n'.join(p.read_text() for p in parts))

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
