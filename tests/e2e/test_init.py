"""PID 1 duty (--init / --no-init / HYDRA_ADAPT_INIT, on by itself as PID 1).

Each namespace test starts the BUILT binary as PID 1 of a new PID namespace:
`unshare --pid --fork --mount-proc hydra-adapt -- PROGRAM` (needs root), the way a
container runtime starts an ENTRYPOINT. Signals are sent from outside the namespace to
hydra-adapt itself, as `docker stop` or a Vertex preemption would.

Binary and environment: the harness's (adapt.py); these runs need Popen and signals, so
they call subprocess themselves with adapt.BIN and adapt.base_env.
"""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from adapt import BIN, ERROR_PREFIX, PY, base_env

IN_NEW_PID_NAMESPACE = ["unshare", "--pid", "--fork", "--mount-proc"]
WAIT_SECONDS = 60  # a hung run fails the test instead of hanging the suite

FORWARDED = [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1,
             signal.SIGUSR2, signal.SIGWINCH]


def clean_env(**extra: str) -> dict[str, str]:
    return base_env(extra)


def run(words: list[str], env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(words, env=env or clean_env(), capture_output=True, text=True,
                          timeout=WAIT_SECONDS, **kw)


def run_as_pid1(words: list[str], env: dict[str, str] | None = None, **kw):
    return run(IN_NEW_PID_NAMESPACE + [BIN] + words, env, **kw)


def wait_for_file(path: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not path.exists():
        assert process.poll() is None, f"the run ended before {path.name} appeared: {process.communicate()}"
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.02)


def tool_pid(unshare: subprocess.Popen) -> int:
    """hydra-adapt's PID as seen from outside: the one child of `unshare --fork`."""
    children = Path(f"/proc/{unshare.pid}/task/{unshare.pid}/children").read_text().split()
    assert len(children) == 1, children
    return int(children[0])


def start_as_pid1(tmp_path: Path, program: str) -> tuple[subprocess.Popen, int]:
    """Starts a Python PROGRAM under hydra-adapt as PID 1; returns once it wrote 'ready'."""
    unshare = subprocess.Popen(IN_NEW_PID_NAMESPACE + [BIN, "--", PY, "-c", program],
                               cwd=tmp_path, env=clean_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    wait_for_file(tmp_path / "ready", unshare)
    return unshare, tool_pid(unshare)


def finish(process: subprocess.Popen) -> int:
    process.communicate(timeout=WAIT_SECONDS)
    return process.returncode


# --- signals ---------------------------------------------------------------------------

SLEEP_PROGRAM = "import time; open('ready', 'w').close(); time.sleep(600)"


def test_python_as_pid1_alone_ignores_sigterm_so_the_test_means_something(tmp_path):
    # kill() returns with the signal either dropped or pending, and a pending SIGTERM ends
    # the program before it can see 'go'; so 'survived' proves the kernel dropped it.
    program = ("import os, time\n"
               "open('ready', 'w').close()\n"
               "while not os.path.exists('go'):\n"
               "    time.sleep(0.01)\n"
               "print('survived')\n")
    unshare = subprocess.Popen(IN_NEW_PID_NAMESPACE + [PY, "-c", program], cwd=tmp_path, stdout=subprocess.PIPE,
                               text=True)
    wait_for_file(tmp_path / "ready", unshare)
    os.kill(tool_pid(unshare), signal.SIGTERM)
    (tmp_path / "go").touch()
    out, _ = unshare.communicate(timeout=WAIT_SECONDS)
    assert (unshare.returncode, out) == (0, "survived\n")


def test_sigterm_reaches_a_python_program_and_the_run_exits_143(tmp_path):
    unshare, pid = start_as_pid1(tmp_path, SLEEP_PROGRAM)
    os.kill(pid, signal.SIGTERM)
    assert finish(unshare) == 143


@pytest.mark.parametrize("sig", [s for s in FORWARDED if s != signal.SIGWINCH], ids=lambda s: s.name)
def test_a_forwarded_signal_that_ends_the_program_gives_128_plus_its_number(tmp_path, sig):
    program = ("import signal, time\n"
               f"signal.signal({int(sig)}, signal.SIG_DFL)\n"  # Python handles SIGINT itself
               "open('ready', 'w').close()\n"
               "time.sleep(600)\n")
    unshare, pid = start_as_pid1(tmp_path, program)
    os.kill(pid, sig)
    assert finish(unshare) == 128 + sig


def test_every_forwarded_signal_arrives_at_the_program(tmp_path):
    program = ("import signal, sys\n"
               f"wanted = {sorted(int(s) for s in FORWARDED)}\n"
               "seen = set()\n"
               "def note(number, frame):\n"
               "    seen.add(number)\n"
               "    if seen == set(wanted):\n"
               "        open('seen', 'w').write(' '.join(map(str, sorted(seen))))\n"
               "        sys.exit(0)\n"
               "for number in wanted:\n"
               "    signal.signal(number, note)\n"
               "open('ready', 'w').close()\n"
               "while True:\n"
               "    signal.pause()\n")
    unshare, pid = start_as_pid1(tmp_path, program)
    for sig in FORWARDED:
        os.kill(pid, sig)
    assert finish(unshare) == 0
    assert (tmp_path / "seen").read_text() == " ".join(str(n) for n in sorted(int(s) for s in FORWARDED))


def test_sigkill_of_the_program_gives_137(tmp_path):
    result = run_as_pid1(["--", PY, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"],
                         cwd=tmp_path)
    assert result.returncode == 137, result.stderr


# --- exit statuses ---------------------------------------------------------------------

def test_every_exit_status_0_to_255_comes_back_unchanged():
    statuses = {}
    for status in range(256):
        statuses[status] = run_as_pid1(["--", "sh", "-c", f"exit {status}"]).returncode
    assert statuses == {status: status for status in range(256)}


def test_the_program_output_and_stdin_pass_through(tmp_path):
    result = run_as_pid1(["--", "sh", "-c", "read line; echo got $line; echo err >&2"], input="hello\n")
    assert (result.returncode, result.stdout, result.stderr) == (0, "got hello\n", "err\n")


# --- zombies ---------------------------------------------------------------------------

# The program orphans grandchildren that end at once; they are re-parented to the init
# (or the subreaper) and stay zombies unless it reaps them. The program waits until no
# process but itself is left under the init (or gives up after a while) and reports what
# is left, with its state ("Z" for a zombie).
ORPHANING_PROGRAM = """
import os, time
def left_under_init():
    found = []
    for entry in filter(str.isdigit, os.listdir('/proc')):
        try:
            status = open(f'/proc/{entry}/status').read()
        except (FileNotFoundError, NotADirectoryError, ProcessLookupError):
            continue
        fields = dict(line.split(':', 1) for line in status.splitlines() if ':' in line)
        if int(fields['PPid']) == os.getppid() and int(entry) != os.getpid():
            found.append(entry + ':' + fields['State'].split()[0])
    return found
for _ in range(20):
    middle = os.fork()
    if middle == 0:
        if os.fork() == 0:
            os._exit(0)   # the orphan: ends at once
        os._exit(0)       # its parent ends first, so the orphan goes to init
    os.waitpid(middle, 0)
deadline = time.monotonic() + 10
while left_under_init() and time.monotonic() < deadline:
    time.sleep(0.02)
open('left', 'w').write(' '.join(left_under_init()) or 'none')
"""


def test_orphaned_grandchildren_are_reaped_as_pid1(tmp_path):
    result = run_as_pid1(["--", PY, "-c", ORPHANING_PROGRAM], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "left").read_text() == "none"


def test_orphaned_grandchildren_are_reaped_with_init_when_not_pid1(tmp_path):
    result = run([BIN, "--init", "--", PY, "-c", ORPHANING_PROGRAM], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "left").read_text() == "none"


# --- the program's start -----------------------------------------------------------------

def leave_signals_blocked_and_ignored():
    """What a careless launcher (nohup, a shell, a supervisor) may leave behind."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1, signal.SIGTERM})
    for sig in (signal.SIGINT, signal.SIGHUP, signal.SIGPIPE):
        signal.signal(sig, signal.SIG_IGN)


def signal_state(status_text: str) -> dict[str, int]:
    fields = dict(line.split(":\t", 1) for line in status_text.splitlines())
    return {name: int(fields[name], 16) for name in ("SigBlk", "SigIgn")}


def test_the_program_starts_with_an_empty_mask_and_default_dispositions():
    # grep reads its own status: it changes no signal state before that.
    words = ["--", "grep", "-E", "^Sig", "/proc/self/status"]
    supervised = run_as_pid1(words, preexec_fn=leave_signals_blocked_and_ignored)
    in_place = run_as_pid1(["--no-init"] + words, preexec_fn=leave_signals_blocked_and_ignored)
    assert supervised.returncode == 0 and in_place.returncode == 0, supervised.stderr + in_place.stderr
    assert signal_state(supervised.stdout) == {"SigBlk": 0, "SigIgn": 0}
    # Control: the launcher's state really reaches a program that hydra-adapt does not start.
    assert signal_state(in_place.stdout)["SigBlk"] != 0 and signal_state(in_place.stdout)["SigIgn"] != 0


# --- choosing the mode -----------------------------------------------------------------

PRINT_PID = ["--", "sh", "-c", "echo $$"]


@pytest.mark.parametrize("options, env, pid", [
    ([], {}, "2"),                                  # PID 1: on by itself, the program is a child
    (["--no-init"], {}, "1"),                       # exec in place even as PID 1
    ([], {"HYDRA_ADAPT_INIT": "0"}, "1"),
    (["--init=0"], {}, "1"),
    (["--init"], {"HYDRA_ADAPT_INIT": "0"}, "2"),   # the command line wins
    (["--no-init"], {"HYDRA_ADAPT_INIT": "1"}, "1"),
], ids=["default", "no-init", "env-0", "init=0", "cli-init-beats-env", "cli-no-init-beats-env"])
def test_the_mode_as_pid1(options, env, pid):
    result = run_as_pid1(options + PRINT_PID, clean_env(**env))
    assert (result.returncode, result.stdout, result.stderr) == (0, pid + "\n", "")


@pytest.mark.parametrize("options, env, supervised", [
    ([], {}, False),                                # not PID 1: exec in place, as always
    (["--init"], {}, True),
    ([], {"HYDRA_ADAPT_INIT": "1"}, True),
    ([], {"HYDRA_ADAPT_INIT": "true"}, True),
], ids=["default", "init", "env-1", "env-true"])
def test_the_mode_when_not_pid1(options, env, supervised):
    tool = subprocess.Popen([BIN] + options + PRINT_PID, env=clean_env(**env), stdout=subprocess.PIPE,
                            text=True)
    out, _ = tool.communicate(timeout=WAIT_SECONDS)
    assert tool.returncode == 0
    assert (int(out) != tool.pid) == supervised


@pytest.mark.parametrize("options, env, message", [
    (["--init", "--no-init"], {}, "--init and --no-init contradict each other"),
    (["--init=maybe"], {}, "--init / HYDRA_ADAPT_INIT: 'maybe' is not one of 1, 0"),
    ([], {"HYDRA_ADAPT_INIT": "yes"}, "--init / HYDRA_ADAPT_INIT: 'yes' is not one of 1, 0"),
])
def test_a_bad_mode_is_a_usage_error_and_nothing_runs(tmp_path, options, env, message):
    result = run([BIN] + options + ["--", "touch", str(tmp_path / "ran")], clean_env(**env))
    assert result.returncode == 2
    assert result.stderr.startswith(ERROR_PREFIX + message) and result.stderr.count("\n") == 1
    assert not (tmp_path / "ran").exists()


# --- exec failure in the child ---------------------------------------------------------

@pytest.mark.parametrize("content, status", [
    (b"\x7fELF not really\n", 126),           # ENOEXEC
    (b"#!/no/such/interpreter\n", 127),       # ENOENT from execv itself
], ids=["not-a-program", "missing-interpreter"])
@pytest.mark.parametrize("as_pid1", [True, False], ids=["pid1", "init-option"])
def test_exec_failure_in_the_child_gives_the_exec_path_status_and_one_line(tmp_path, content, status, as_pid1):
    program = tmp_path / "program"
    program.write_bytes(content)
    program.chmod(0o755)
    words = ["--", str(program)]
    result = run_as_pid1(words) if as_pid1 else run([BIN, "--init"] + words)
    assert result.returncode == status
    assert result.stderr.startswith(ERROR_PREFIX + f"cannot run '{program}': ")
    assert result.stderr.count("\n") == 1


def test_help_tells_the_init_options():
    help_text = run([BIN, "--help"]).stdout
    for word in ("--init", "--no-init", "HYDRA_ADAPT_INIT", "SIGTERM", "SIGWINCH", "PID 1", "128+N"):
        assert word in help_text
