#!/usr/bin/env python3
"""Generate a synthetic OpenHands Index results history for benchmarking seekgpu.

Usage:
    scripts/synthetic-index.py DEST_DIR [--commits 100000] [--models 1000]
                               [--seed 1] [--interval 90]

Creates a BARE git repository at DEST_DIR (which must not exist or be empty)
by piping a `git fast-import` stream, so that even 100,000 commits over a
1,000-model results tree end up as one compact, delta-compressed pack instead
of gigabytes of loose objects.

History (branch refs/heads/main, HEAD points to it):
  * commit 1 adds results/model-0000 ... results/model-<N-1>/, each with a
    metadata.json (model name, openness alternating between `open_weights`
    and `closed_api_available`, plus the other fields the real index has) and a
    scores.json (all 5 benchmarks, scores with one decimal in 20-80,
    cost_per_instance with 2 decimals);
  * every further commit rewrites the scores.json of 1-3 models (1-2 scores
    and costs change);
  * occasionally (~1/2000 commits each) a new model directory is added or an
    existing one is deleted;
  * occasionally (~1/5000 commits) a scores.json is written with a trailing
    comma (invalid JSON) and fixed by a later commit (1-200 commits later).

Author/committer times are deterministic: the first commit is at
2026-01-28T00:05:00Z and each further one is --interval seconds (default 90)
later, timezone +0000, so 100,000 commits span ~104 days. The content is
derived only from the arguments, so the same arguments give the same repository
with the same commit ids.

Only the Python standard library and the `git` executable are needed.

Quick checks:
    git -C DEST rev-list --count main
    git -C DEST ls-tree main:results | wc -l
    du -sh DEST
"""

import argparse
import calendar
import os
import random
import subprocess
import sys
import time

BENCHMARKS = ("swe-bench", "swe-bench-multimodal", "commit0", "swt-bench", "gaia")
METRICS = {
    "swe-bench": "accuracy",
    "swe-bench-multimodal": "solveable_accuracy",
    "commit0": "accuracy",
    "swt-bench": "accuracy",
    "gaia": "accuracy",
}
OPENNESS = ("open_weights", "closed_api_available")
COUNTRIES = ("us", "cn", "fr", "ca", "kr", "de")
START = calendar.timegm((2026, 1, 28, 0, 5, 0, 0, 0, 0))  # 2026-01-28T00:05:00Z
IDENT = "Synthetic Index Bot <synthetic-index@example.invalid>"

P_ADD_MODEL = 1 / 2000
P_DELETE_MODEL = 1 / 2000
P_BREAK_SCORES = 1 / 5000
MAX_FIX_DELAY = 200  # commits until a broken scores.json gets fixed


def iso(ts, micros=0):
    t = time.gmtime(ts)
    return "%04d-%02d-%02dT%02d:%02d:%02d.%06d+00:00" % (
        t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, micros)


def fmt_score(tenths):
    # tenths is an int in 200..800 -> "71.6"
    return "%d.%d" % divmod(tenths, 10)


def fmt_cost(cents):
    return "%d.%02d" % divmod(cents, 100)


class Model:
    __slots__ = ("index", "dir", "name", "openness", "version", "scores",
                 "costs", "runtimes", "archives", "submitted", "broken")

    def __init__(self, index, rng, ts):
        self.index = index
        self.dir = "model-%04d" % index
        self.name = "Synth-Model-%04d" % index
        self.openness = OPENNESS[index % 2]
        self.version = "v1.%d.%d" % (rng.randrange(6, 12), rng.randrange(0, 10))
        self.scores = [rng.randrange(200, 801) for _ in BENCHMARKS]
        self.costs = [rng.randrange(1, 300) for _ in BENCHMARKS]
        self.runtimes = [rng.randrange(200, 3000) for _ in BENCHMARKS]
        self.archives = [self.archive(rng, b, ts) for b in BENCHMARKS]
        self.submitted = iso(ts, rng.randrange(1000000))
        self.broken = False

    def archive(self, rng, bench, ts):
        t = time.gmtime(ts)
        return "https://results.eval.all-hands.dev/eval-%d-%s_litellm_proxy-%s_%02d-%02d-%02d-%02d-%02d.tar.gz" % (
            rng.randrange(10**10, 10**11), bench, self.name.lower(),
            t.tm_year % 100, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min)

    def metadata_json(self, rng):
        inp = rng.randrange(5, 1500)
        return (
            '{\n'
            '  "agent_name": "OpenHands",\n'
            '  "agent_version": "%s",\n'
            '  "model": "%s",\n'
            '  "openness": "%s",\n'
            '  "country": "%s",\n'
            '  "tool_usage": "standard",\n'
            '  "directory_name": "%s",\n'
            '  "release_date": "2025-%02d-%02d",\n'
            '  "parameter_count_b": %s,\n'
            '  "supports_vision": %s,\n'
            '  "input_price": %s,\n'
            '  "output_price": %s,\n'
            '  "cache_read_price": %s,\n'
            '  "cache_write_price": null,\n'
            '  "submission_time": "%s",\n'
            '  "available": true\n'
            '}\n'
        ) % (
            self.version, self.name, self.openness,
            COUNTRIES[rng.randrange(len(COUNTRIES))], self.dir,
            rng.randrange(1, 13), rng.randrange(1, 29),
            str(rng.randrange(7, 1200)) if self.openness == "open_weights" else "null",
            "true" if rng.random() < 0.5 else "false",
            fmt_cost(inp), fmt_cost(inp * 4), fmt_cost(max(1, inp // 10)),
            self.submitted,
        )

    def scores_json(self, broken=False):
        parts = []
        for i, bench in enumerate(BENCHMARKS):
            parts.append(
                '  {\n'
                '    "benchmark": "%s",\n'
                '    "score": %s,\n'
                '    "metric": "%s",\n'
                '    "cost_per_instance": %s,\n'
                '    "average_runtime": %d.0,\n'
                '    "full_archive": "%s",\n'
                '    "tags": [\n'
                '      "%s"\n'
                '    ],\n'
                '    "agent_version": "%s",\n'
                '    "submission_time": "%s"\n'
                '  }' % (
                    bench, fmt_score(self.scores[i]), METRICS[bench],
                    fmt_cost(self.costs[i]), self.runtimes[i], self.archives[i],
                    bench, self.version, self.submitted))
        # A trailing comma after the last element makes the file invalid JSON.
        return "[\n" + ",\n".join(parts) + (",\n]\n" if broken else "\n]\n")

    def update(self, rng, ts):
        """Re-run 1-2 benchmarks: new score, cost, runtime, archive."""
        n = 1 if rng.random() < 0.7 else 2
        for i in rng.sample(range(len(BENCHMARKS)), n):
            s = self.scores[i] + rng.randrange(-30, 31)
            self.scores[i] = 1600 - s if s > 800 else (400 - s if s < 200 else s)
            self.costs[i] = max(1, min(999, self.costs[i] + rng.randrange(-10, 11)))
            self.runtimes[i] = max(60, self.runtimes[i] + rng.randrange(-100, 101))
            self.archives[i] = self.archive(rng, BENCHMARKS[i], ts)
        self.submitted = iso(ts, rng.randrange(1000000))


def file_cmd(path, content):
    data = content.encode("ascii")
    return b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode("ascii"), len(data), data)


def commit_header(ts, message):
    msg = message.encode("ascii")
    return (b"commit refs/heads/main\n"
            b"author %s %d +0000\n"
            b"committer %s %d +0000\n"
            b"data %d\n%s\n") % (IDENT.encode(), ts, IDENT.encode(), ts, len(msg), msg)


def generate(out, commits, n_models, seed, interval):
    rng = random.Random(seed)
    models = {}            # index -> Model (live models only)
    live = []              # live model indices (for random choice)
    pending_fix = {}       # commit number -> list of model indices to fix
    next_index = n_models
    pr = 1000

    # --- commit 1: the full initial tree -------------------------------------
    ts = START
    chunks = [commit_header(ts, "Add initial results for %d models" % n_models)]
    for i in range(n_models):
        m = Model(i, rng, ts)
        models[i] = m
        live.append(i)
        chunks.append(file_cmd("results/%s/metadata.json" % m.dir, m.metadata_json(rng)))
        chunks.append(file_cmd("results/%s/scores.json" % m.dir, m.scores_json()))
    chunks.append(b"\n")
    out.write(b"".join(chunks))

    # --- commits 2..N ----------------------------------------------------------
    for c in range(2, commits + 1):
        ts = START + (c - 1) * interval
        pr += 1
        cmds = []
        touched = set()
        subject = []

        for idx in pending_fix.pop(c, ()):
            m = models.get(idx)
            if m is not None and m.broken:
                m.broken = False
                cmds.append(file_cmd("results/%s/scores.json" % m.dir, m.scores_json()))
                touched.add(idx)
                subject.append("fix scores.json of %s" % m.dir)

        r = rng.random()
        if r < P_ADD_MODEL:
            m = Model(next_index, rng, ts)
            next_index += 1
            models[m.index] = m
            live.append(m.index)
            touched.add(m.index)
            cmds.append(file_cmd("results/%s/metadata.json" % m.dir, m.metadata_json(rng)))
            cmds.append(file_cmd("results/%s/scores.json" % m.dir, m.scores_json()))
            subject.append("add %s" % m.dir)
        elif r < P_ADD_MODEL + P_DELETE_MODEL and len(live) > 1:
            pos = rng.randrange(len(live))
            idx = live[pos]
            if idx not in touched and not models[idx].broken:
                live[pos] = live[-1]
                live.pop()
                m = models.pop(idx)
                touched.add(idx)
                cmds.append(b"D results/%s\n" % m.dir.encode("ascii"))
                subject.append("remove %s" % m.dir)
        elif r < P_ADD_MODEL + P_DELETE_MODEL + P_BREAK_SCORES:
            idx = live[rng.randrange(len(live))]
            m = models[idx]
            if idx not in touched and not m.broken:
                m.update(rng, ts)
                m.broken = True
                touched.add(idx)
                cmds.append(file_cmd("results/%s/scores.json" % m.dir, m.scores_json(broken=True)))
                pending_fix.setdefault(c + rng.randrange(1, MAX_FIX_DELAY + 1), []).append(idx)
                subject.append("update %s scores (malformed)" % m.dir)

        # the regular change: 1-3 scores files get new results
        for _ in range(rng.randrange(1, 4)):
            idx = live[rng.randrange(len(live))]
            m = models[idx]
            if idx in touched or m.broken:
                continue
            touched.add(idx)
            m.update(rng, ts)
            cmds.append(file_cmd("results/%s/scores.json" % m.dir, m.scores_json()))
            subject.append("update %s" % m.dir)

        if not cmds:  # every pick collided with a broken model: touch metadata instead
            m = models[live[rng.randrange(len(live))]]
            m.submitted = iso(ts, rng.randrange(1000000))
            cmds.append(file_cmd("results/%s/metadata.json" % m.dir, m.metadata_json(rng)))
            subject.append("update %s metadata" % m.dir)

        msg = "%s (#%d)" % ("; ".join(subject), pr)
        out.write(commit_header(ts, msg[:1].upper() + msg[1:]) + b"".join(cmds) + b"\n")

    return len(live)


def main():
    ap = argparse.ArgumentParser(
        description="Create a synthetic OpenHands Index results history (bare git repo) via git fast-import.")
    ap.add_argument("dest", metavar="DEST_DIR", help="bare repository to create (must not exist or be empty)")
    ap.add_argument("--commits", type=int, default=100000, help="number of commits (default 100000)")
    ap.add_argument("--models", type=int, default=1000, help="models in the first commit (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--interval", type=int, default=90,
                    help="seconds between consecutive commits (default 90; 100k commits ~ 104 days)")
    args = ap.parse_args()
    if args.commits < 1 or args.models < 2 or args.interval < 1:
        ap.error("need --commits >= 1, --models >= 2 and --interval >= 1")
    if args.models > 10000:
        ap.error("--models must be <= 10000 (directory names are model-NNNN)")

    dest = os.path.abspath(args.dest)
    if os.path.exists(dest) and (not os.path.isdir(dest) or os.listdir(dest)):
        ap.error("%s exists and is not an empty directory" % dest)

    t0 = time.perf_counter()
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    subprocess.run(["git", "init", "--quiet", "--bare", dest], check=True, env=env)
    subprocess.run(["git", "-C", dest, "symbolic-ref", "HEAD", "refs/heads/main"], check=True, env=env)
    proc = subprocess.Popen(
        ["git", "-C", dest, "fast-import", "--quiet", "--date-format=raw", "--done"],
        stdin=subprocess.PIPE, env=env, bufsize=1 << 20)
    try:
        live = generate(proc.stdin, args.commits, args.models, args.seed, args.interval)
        proc.stdin.write(b"done\n")
        proc.stdin.close()
    except BrokenPipeError:
        pass
    if proc.wait() != 0:
        sys.exit("synthetic-index: git fast-import failed (exit %d)" % proc.returncode)
    elapsed = time.perf_counter() - t0

    print("repo:    %s" % dest)
    print("commits: %d (branch main, %s .. %s)" % (
        args.commits, iso(START)[:19] + "Z", iso(START + (args.commits - 1) * args.interval)[:19] + "Z"))
    print("models:  %d at the tip" % live)
    print("elapsed: %.1f s" % elapsed)


if __name__ == "__main__":
    main()
