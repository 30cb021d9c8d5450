"""Loads every SkyPilot task YAML given with SkyPilot's own parser (sky.Task.from_yaml); exits 1 naming each
file it rejects. Run with the skypilot venv's python (scripts/setup --test)."""
import sys

import sky

rejected = 0
for path in sys.argv[1:]:
    try:
        task = sky.Task.from_yaml(path)
        if not task.resources or not all(r.accelerators for r in task.resources):
            raise ValueError("no accelerators in resources")
    except Exception as error:  # noqa: BLE001 - every rejection is reported the same way
        print(f"{path}: SkyPilot rejects it: {error}", file=sys.stderr)
        rejected += 1
print(f"skypilot: {len(sys.argv) - 1 - rejected} of {len(sys.argv) - 1} task files load", file=sys.stderr)
sys.exit(1 if rejected else 0)
