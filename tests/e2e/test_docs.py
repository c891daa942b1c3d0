"""The examples in README.md and docs/*.md are run and their output compared, so the docs
cannot drift from the tool.

The convention (docs/README.md says the same for writers):

- Only fenced blocks whose info string is exactly ``console`` are run; one test per block,
  named ``FILE:LINE`` (the line of the opening fence).
- A line starting with ``$ `` is a command. It is split as a shell would (shlex) but run
  with no shell. Its first word must be ``hydra-adapt``, which means the built binary (the
  harness's, tests/e2e/adapt.py); leading ``NAME=value`` words set environment variables
  for that command, as in a shell (``$ HYDRA_ADAPT_DRY_RUN=1 hydra-adapt -- python3 main.py``).
  The other words are passed as they are.
- The lines after a command, up to the next ``$ `` line or the block's end, are its exact
  expected stdout. The command must exit 0 and write nothing to stderr.
- If the last of those lines is ``[exit N]``, the command must exit with status N, and the
  lines before it are the expected stdout followed by the expected stderr (what a terminal
  shows): this is how an error example is written.
- Lines are compared exactly, except that trailing blank lines and the final newline are not
  compared. The output must not name a path of this machine (the repository, the venv's
  python): write relative paths and ``python3``, which the dry run prints as given.
- The command is split by Python's shlex: write only what a shell splits the same way (single
  quotes are safest; no ``$VAR`` expansion, globs, pipes or redirections).
- The command runs in a copy of the working tree (without .git, .venv, build folders), at its
  root, or in the folder ``<!-- cwd: examples/trainer -->`` names when that comment is the
  line before the opening fence. ``python3`` found through PATH is the test venv's python,
  so a real run of a Hydra app works too.
"""
from __future__ import annotations

import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from adapt import REPO, printable, run_raw

DOC_FILES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
CWD_COMMENT = re.compile(r"^<!--\s*cwd:\s*(\S+)\s*-->$")
EXIT_LINE = re.compile(r"^\[exit (\d+)\]$")
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
COPY_IGNORE = shutil.ignore_patterns(".git", ".venv", "build", "build-*", "__pycache__",
                                     ".pytest_cache", ".hypothesis")


@dataclass
class Command:
    line: int                 # line number of the "$ " line in the file
    text: str                 # the command as written, without "$ "
    expected: list[str]       # expected output lines ([exit N] removed)
    exit_status: int | None   # None: must exit 0 with an empty stderr


@dataclass
class Block:
    path: Path
    line: int                 # line number of the opening fence
    cwd: str
    commands: list[Command]

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}"


def console_blocks(path: Path) -> list[Block]:
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks, i = [], 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        marker, info = fence.group(2), fence.group(3).strip()
        end = i + 1
        while end < len(lines) and not lines[end].strip().startswith(marker):
            end += 1
        if info == "console":
            cwd_comment = CWD_COMMENT.match(lines[i - 1].strip()) if i > 0 else None
            blocks.append(Block(path, i + 1, cwd_comment.group(1) if cwd_comment else ".",
                                parse_commands(lines[i + 1:end], first_line=i + 2)))
        i = end + 1
    return blocks


def parse_commands(body: list[str], first_line: int) -> list[Command]:
    commands: list[Command] = []
    for n, text in enumerate(body, start=first_line):
        if text.startswith("$ "):
            commands.append(Command(n, text[2:], [], None))
        elif commands:
            commands[-1].expected.append(text)
        elif text.strip():
            raise ValueError(f"line {n}: a console block must start with a '$ ' command")
    for command in commands:
        while command.expected and not command.expected[-1].strip():
            command.expected.pop()
        status = EXIT_LINE.match(command.expected[-1]) if command.expected else None
        if status:
            command.exit_status = int(status.group(1))
            command.expected.pop()
    return commands


def split_command(text: str) -> tuple[dict, list[str]]:
    words = shlex.split(text)
    env = {}
    while words and ASSIGNMENT.match(words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    if not words or words[0] != "hydra-adapt":
        raise ValueError(f"a console command must run hydra-adapt, not {text!r}")
    return env, words[1:]


BLOCKS = [block for path in DOC_FILES for block in console_blocks(path)]


@pytest.fixture(scope="session")
def repo_copy(tmp_path_factory) -> Path:
    """The examples run in a copy: the harness leaves its record folders in the cwd, and
    an example that creates folders must not touch the working tree."""
    copy = tmp_path_factory.mktemp("docs") / "repo"
    shutil.copytree(REPO, copy, ignore=COPY_IGNORE, symlinks=True)
    return copy


def test_the_docs_have_examples():
    assert len(BLOCKS) >= 10, f"only {len(BLOCKS)} console blocks found in {DOC_FILES}"


@pytest.mark.parametrize("block", BLOCKS, ids=[b.id for b in BLOCKS])
def test_console_block(block: Block, repo_copy: Path):
    assert block.commands, f"{block.id}: a console block without a '$ ' command"
    cwd = repo_copy / block.cwd
    assert cwd.is_dir(), f"{block.id}: <!-- cwd: {block.cwd} --> is not a folder of the repo"
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    for command in block.commands:
        env, words = split_command(command.text)
        res = run_raw(words, cwd=cwd, env={"PATH": path, **env})
        where = f"{block.path.relative_to(REPO)}:{command.line}: $ {command.text}"
        if command.exit_status is None:
            assert res.rc == 0 and not res.stderr, (
                f"{where}\nexpected exit status 0 and no stderr (write [exit N] as the last "
                f"line for an error example)" + res.describe())
            actual = res.stdout
        else:
            assert res.rc == command.exit_status, (
                f"{where}\nexpected exit status {command.exit_status}" + res.describe())
            actual = res.stdout + res.stderr
        for machine_path in (str(repo_copy), str(REPO), sys.executable):
            assert machine_path not in actual, (
                f"{where}\nthe output names a path of this machine, {machine_path!r}: write "
                "examples whose output is the same everywhere" + res.describe())
        actual_lines = actual.rstrip("\n").split("\n") if actual.strip("\n") else []
        while actual_lines and not actual_lines[-1].strip():
            actual_lines.pop()
        if actual_lines != command.expected:
            diff = "\n".join(difflib.unified_diff(command.expected, actual_lines,
                                                  "documented", "actual", lineterm=""))
            pytest.fail(printable(f"{where}\nthe output differs from the docs:\n{diff}"),
                        pytrace=False)


def readme_layout() -> list[str]:
    """The folders the README's "## Layout" section lists (the first word of each line)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    return [line.split()[0] for line in section.splitlines()
            if line.split() and line.split()[0].endswith("/")]


def test_the_readme_layout_matches_the_tree():
    """Every listed folder exists, and every folder of the tree is listed: a top-level
    folder by itself or by all of its subfolders (src/args/, src/cli/, ...)."""
    tracked = subprocess.run(["git", "-C", str(REPO), "ls-files"], capture_output=True,
                             text=True, check=True).stdout.split()
    listed = readme_layout()
    missing_folders = [f for f in listed if not (REPO / f).is_dir()]
    assert not missing_folders, f"the README's layout lists folders that do not exist: {missing_folders}"
    unlisted = set()
    for path in tracked:
        parts = path.split("/")
        if len(parts) < 2 or f"{parts[0]}/" in listed:
            continue
        if len(parts) > 2 and f"{parts[0]}/{parts[1]}/" not in listed:
            unlisted.add(f"{parts[0]}/{parts[1]}/")
        elif len(parts) == 2 and not any(f.startswith(f"{parts[0]}/") for f in listed):
            unlisted.add(f"{parts[0]}/")
    assert not unlisted, f"folders missing from the README's layout section: {sorted(unlisted)}"
