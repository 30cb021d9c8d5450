"""Parses stylesheets with tinycss2 and fails on any parse error, naming file, line and column.

Usage: check_css.py FILE...
"""
import sys

import tinycss2


def errors_in(nodes, path):
    """Yields 'path:line:col: message' for every ParseError among nodes and their nested blocks."""
    for node in nodes:
        if node.type == "error":
            yield f"{path}:{node.source_line}:{node.source_column}: {node.message}"
        content = getattr(node, "content", None)
        if node.type in ("qualified-rule", "at-rule") and content is not None:
            # A rule's block: declarations for style rules, nested rules for @media.
            parsed = (tinycss2.parse_blocks_contents(content) if node.type == "at-rule"
                      else tinycss2.parse_declaration_list(content))
            yield from errors_in(parsed, path)
        if node.type == "declaration" and node.name.startswith("--") is False and not node.value:
            yield f"{path}:{node.source_line}:{node.source_column}: empty value for {node.name}"


def main(paths):
    failures = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            rules = tinycss2.parse_stylesheet(handle.read(), skip_whitespace=True, skip_comments=True)
        if not rules:
            failures.append(f"{path}: no rules")
        failures.extend(errors_in(rules, path))
    for failure in failures:
        print(failure, file=sys.stderr)
    if not failures:
        print(f"check_css: {len(paths)} stylesheet(s) parse cleanly")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
