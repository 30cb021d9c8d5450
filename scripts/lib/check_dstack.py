"""Parses every dstack configuration given with dstack's own parser (parse_run_configuration); exits 1 naming each
file it rejects. Run with the dstack venv's python (scripts/setup --test)."""
import sys

import yaml
from dstack._internal.core.models.configurations import parse_run_configuration

rejected = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as handle:
            configuration = parse_run_configuration(yaml.safe_load(handle))
        if configuration.resources.gpu is None:
            raise ValueError("no GPU in resources")
    except Exception as error:  # noqa: BLE001 - every rejection is reported the same way
        print(f"{path}: dstack rejects it: {error}", file=sys.stderr)
        rejected += 1
print(f"dstack: {len(sys.argv) - 1 - rejected} of {len(sys.argv) - 1} configurations parse", file=sys.stderr)
sys.exit(1 if rejected else 0)
