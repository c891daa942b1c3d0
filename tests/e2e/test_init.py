"""PID 1 duty (--init / --no-init / HYDRA_ADAPT_INIT, on by itself as PID 1, and turned on by
--kill-group, --remap-exit and --parent-death-signal), with the scenarios of tini's own test suite
that apply: reaping, signal forwarding, the process group, exit codes, parent death, the terminal.

Each namespace test starts the BUILT binary as PID 1 of a new PID namespace:
`unshare --pid --fork --mount-proc hydra-adapt -- PROGRAM` (needs root), the way a
container runtime starts an ENTRYPOINT. Signals are sent from outside the namespace to
hydra-adapt itself, as `docker stop` or a Vertex preemption would.

Binary and environment: the harness's (adapt.py). Runs that wait for their end go through
run_raw (prefix= for the namespace); runs that need Popen (signals, a terminal, a launcher's
preexec_fn) call subprocess themselves with adapt.BIN and adapt.base_env.
"""
from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from adapt import BIN, ERROR_PREFIX, PY, base_env, run_raw

IN_NEW_PID_NAMESPACE = ["unshare", "--pid", "--fork", "--mount-proc"]
WAIT_SECONDS = 60  # a hung run fails the test instead of hanging the suite

FORWARDED = [signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1,
             signal.SIGUSR2, signal.SIGWINCH]


def run_as_pid1(words: list[str], env: dict[str, str] | None = None, **kw):
    return run_raw(words, env=env, prefix=IN_NEW_PID_NAMESPACE, timeout=WAIT_SECONDS, **kw)


def wait_for_file(path: Path, process: subprocess.Popen | None = None) -> None:
    """Waits until PATH exists; fails early when PROCESS, if given, ends before that."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not path.exists():
        assert process is None or process.poll() is None, (
            f"the run ended before {path.name} appeared: {process.communicate()}")
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
                               cwd=tmp_path, env=base_env(), stdout=subprocess.PIPE,
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
    assert result.rc == 137, result.stderr


# --- exit statuses ---------------------------------------------------------------------

def test_every_exit_status_0_to_255_comes_back_unchanged():
    statuses = {}
    for status in range(256):
        statuses[status] = run_as_pid1(["--", "sh", "-c", f"exit {status}"]).rc
    assert statuses == {status: status for status in range(256)}


def test_the_program_output_and_stdin_pass_through(tmp_path):
    result = run_as_pid1(["--", "sh", "-c", "read line; echo got $line; echo err >&2"], input=b"hello\n")
    assert (result.rc, result.stdout, result.stderr) == (0, "got hello\n", "err\n")


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
    assert result.rc == 0, result.stderr
    assert (tmp_path / "left").read_text() == "none"


def test_orphaned_grandchildren_are_reaped_with_init_when_not_pid1(tmp_path):
    result = run_raw(["--init", "--", PY, "-c", ORPHANING_PROGRAM], cwd=tmp_path)
    assert result.rc == 0, result.stderr
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
    def run_after_a_careless_launcher(options):
        return subprocess.run(IN_NEW_PID_NAMESPACE + [BIN] + options + words, env=base_env(), capture_output=True,
                              text=True, timeout=WAIT_SECONDS, preexec_fn=leave_signals_blocked_and_ignored)
    supervised = run_after_a_careless_launcher([])
    in_place = run_after_a_careless_launcher(["--no-init"])
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
    (["--no-init"], {"HYDRA_ADAPT_KILL_GROUP": "1"}, "1"),             # the command line wins
    (["--kill-group"], {"HYDRA_ADAPT_INIT": "0"}, "2"),
], ids=["default", "no-init", "env-0", "init=0", "cli-init-beats-env", "cli-no-init-beats-env",
        "cli-no-init-beats-kill-group-env", "cli-kill-group-beats-init-env"])
def test_the_mode_as_pid1(options, env, pid):
    result = run_as_pid1(options + PRINT_PID, env)
    assert (result.rc, result.stdout, result.stderr) == (0, pid + "\n", "")


@pytest.mark.parametrize("options, env, supervised", [
    ([], {}, False),                                # not PID 1: exec in place, as always
    (["--init"], {}, True),
    ([], {"HYDRA_ADAPT_INIT": "1"}, True),
    ([], {"HYDRA_ADAPT_INIT": "true"}, True),
    # each option that needs the supervisor turns it on
    (["--kill-group"], {}, True),
    (["--remap-exit", "143"], {}, True),
    (["--parent-death-signal", "TERM"], {}, True),
    ([], {"HYDRA_ADAPT_KILL_GROUP": "1"}, True),
    ([], {"HYDRA_ADAPT_REMAP_EXIT": "143"}, True),
    ([], {"HYDRA_ADAPT_PARENT_DEATH_SIGNAL": "TERM"}, True),
    (["--kill-group=0"], {}, False),
    ([], {"HYDRA_ADAPT_KILL_GROUP": "0"}, False),
    (["--no-init"], {"HYDRA_ADAPT_REMAP_EXIT": "143"}, False),         # the command line wins
    (["--remap-exit", "143"], {"HYDRA_ADAPT_INIT": "0"}, True),
    # the command line wins option by option: the variable's side effect goes with its value
    (["--kill-group=0"], {"HYDRA_ADAPT_KILL_GROUP": "1"}, False),
], ids=["default", "init", "env-1", "env-true", "kill-group", "remap-exit", "parent-death-signal",
        "kill-group-env", "remap-exit-env", "parent-death-signal-env", "kill-group=0", "kill-group-env-0",
        "cli-no-init-beats-remap-env", "cli-remap-beats-init-env", "cli-kill-group-0-beats-env"])
def test_the_mode_when_not_pid1(options, env, supervised):
    tool = subprocess.Popen([BIN] + options + PRINT_PID, env=base_env(env), stdout=subprocess.PIPE,
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
    result = run_raw(options + ["--", "touch", str(tmp_path / "ran")], env=env)
    assert result.rc == 2
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
    result = run_as_pid1(words) if as_pid1 else run_raw(["--init"] + words)
    assert result.rc == status
    assert result.stderr.startswith(ERROR_PREFIX + f"cannot run '{program}': ")
    assert result.stderr.count("\n") == 1


def test_help_tells_the_init_options():
    help_text = run_raw(["--help"]).stdout
    for word in ("--init", "--no-init", "HYDRA_ADAPT_INIT", "SIGTERM", "SIGWINCH", "PID 1", "128+N",
                 "process group", "foreground", "--kill-group", "HYDRA_ADAPT_KILL_GROUP", "--remap-exit",
                 "HYDRA_ADAPT_REMAP_EXIT", "--parent-death-signal", "HYDRA_ADAPT_PARENT_DEATH_SIGNAL",
                 "tini -g", "tini -e", "tini -p"):
        assert word in help_text


# --- the duty options: helpers --------------------------------------------------------------
# Each scenario runs hydra-adapt as PID 1 of a new PID namespace ("pid1") and as a plain child of
# the test ("child"). Programs report through files, written whole and then renamed, so a test
# never reads half a report; a test waits for them with a generous timeout, never for a time.

MODES = ["pid1", "child"]

REPORTING = """
import os, signal, subprocess, sys, time
def report(name, text):
    with open(name + '.part', 'w') as f:
        f.write(text)
    os.rename(name + '.part', name)
"""


def start_tool(mode: str, words: list[str], cwd: Path, env: dict[str, str] | None = None,
               stdout=subprocess.DEVNULL) -> subprocess.Popen:
    """hydra-adapt WORDS, as PID 1 of a new PID namespace or as a plain child of the test."""
    prefix = IN_NEW_PID_NAMESPACE if mode == "pid1" else []
    return subprocess.Popen(prefix + [BIN] + words, cwd=cwd, env=base_env(env), stdout=stdout,
                            stderr=subprocess.PIPE, text=True)


def signal_tool(mode: str, process: subprocess.Popen, sig: int) -> None:
    os.kill(tool_pid(process) if mode == "pid1" else process.pid, sig)


def read_report(path: Path, process: subprocess.Popen | None = None) -> str:
    wait_for_file(path, process)
    return path.read_text()


def kill_left_over(pid_file: Path) -> None:
    """Ends a process that outlived the run (a plain child's orphan) if it is still there."""
    if pid_file.exists():
        try:
            os.kill(int(pid_file.read_text()), signal.SIGKILL)
        except ProcessLookupError:
            pass


# --- the process group and --kill-group -------------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
def test_the_program_leads_its_own_process_group(tmp_path, mode):
    program = "import os; print(os.getpgrp() == os.getpid())"
    tool = start_tool(mode, ["--init", "--", PY, "-c", program], tmp_path, stdout=subprocess.PIPE)
    out, err = tool.communicate(timeout=WAIT_SECONDS)
    assert (tool.returncode, out) == (0, "True\n"), err


# The trainer behind a wrapper: it saves on SIGTERM, or ends by itself once told to ('stop').
TRAINER = REPORTING + """
def save_and_exit(number, frame):
    report('saved', 'on SIGTERM')
    sys.exit(0)
signal.signal(signal.SIGTERM, save_and_exit)
report('trainer.pid', str(os.getpid()))
open('ready', 'w').close()
while not os.path.exists('stop'):
    time.sleep(0.02)
report('saved', 'at its end, without SIGTERM')
"""


@pytest.mark.parametrize("kill_group", [True, False], ids=["kill-group", "program-only"])
def test_sigterm_reaches_the_trainer_behind_a_shell_wrapper_only_with_kill_group(tmp_path, kill_group):
    # As a plain child the trainer outlives the run (no PID namespace ends with it), so what it
    # received can be read afterwards. bash runs it as a child: a command follows it.
    (tmp_path / "app.py").write_text(TRAINER)
    options = ["--kill-group"] if kill_group else ["--init"]
    out = tmp_path / "out"
    with out.open("w") as stdout:
        tool = start_tool("child", options + ["--", "bash", "-c", f"{PY} app.py; echo done"], tmp_path,
                          stdout=stdout)
    try:
        wait_for_file(tmp_path / "ready", tool)
        os.kill(tool.pid, signal.SIGTERM)
        assert tool.wait(timeout=WAIT_SECONDS) == 143  # the shell ended on SIGTERM at once
        if not kill_group:
            (tmp_path / "stop").touch()  # nothing else will end the trainer
        saved = read_report(tmp_path / "saved")
    finally:
        if not (tmp_path / "saved").exists():
            kill_left_over(tmp_path / "trainer.pid")
    assert saved == ("on SIGTERM" if kill_group else "at its end, without SIGTERM")
    assert out.read_text() == ""


def test_as_pid1_the_trainer_behind_a_shell_wrapper_never_gets_sigterm_without_kill_group(tmp_path):
    # The failure --kill-group is for: the shell dies of SIGTERM at once, so does the run, and the
    # kernel kills what is left of the namespace: the trainer never got the signal to save.
    (tmp_path / "app.py").write_text(TRAINER)
    unshare = start_tool("pid1", ["--", "bash", "-c", f"{PY} app.py; echo done"], tmp_path,
                         stdout=subprocess.PIPE)
    wait_for_file(tmp_path / "ready", unshare)
    os.kill(tool_pid(unshare), signal.SIGTERM)
    out, err = unshare.communicate(timeout=WAIT_SECONDS)
    assert (unshare.returncode, out) == (143, ""), err
    assert not (tmp_path / "saved").exists()


# Wrappers that let the trainer finish saving (docs/pid1.md): the run ends with the program,
# so the shell must outlive the trainer, or be replaced by it.
WRAPPERS_THAT_WAIT = {
    # --kill-group signals the shell and the trainer; the trap keeps the shell until the end.
    "kill-group-and-trap": (["--kill-group"], "trap : TERM; {py} app.py; echo done", "done\n"),
    # Without --kill-group the shell passes SIGTERM on, then waits for the trainer's end.
    "trap-and-wait": (["--init"], "trap 'kill -TERM \"$pid\"' TERM; {py} app.py & pid=$!; "
                                  "wait \"$pid\"; wait \"$pid\"; echo done", "done\n"),
    # The trainer takes the shell's place and gets the signal itself.
    "exec": (["--init"], "cd . && exec {py} app.py", ""),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("wrapper", list(WRAPPERS_THAT_WAIT))
def test_a_wrapper_that_waits_lets_the_trainer_save(tmp_path, mode, wrapper):
    options, script, expected_out = WRAPPERS_THAT_WAIT[wrapper]
    (tmp_path / "app.py").write_text(TRAINER)
    tool = start_tool(mode, options + ["--", "bash", "-c", script.format(py=PY)], tmp_path,
                      stdout=subprocess.PIPE)
    wait_for_file(tmp_path / "ready", tool)
    signal_tool(mode, tool, signal.SIGTERM)
    out, err = tool.communicate(timeout=WAIT_SECONDS)
    assert (tool.returncode, out) == (0, expected_out), err
    assert (tmp_path / "saved").read_text() == "on SIGTERM"


# tini's process-group scenario: the program ignores SIGUSR1 and waits for a child that does
# not; SIGUSR1 to the tool ends the grandchild, and so the run, only when it goes to the group.
# Without the group, SIGTERM afterwards makes the program say whether its child still runs.
PROCESS_GROUP_PROGRAM = REPORTING + """
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
child = subprocess.Popen(['sleep', '600'], preexec_fn=lambda: signal.signal(signal.SIGUSR1, signal.SIG_DFL))
def child_state():
    ended = os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    return 'running' if ended is None else f'ended by signal {ended.si_status}'
def report_and_exit(number, frame):
    report('grandchild', child_state())
    child.kill()
    sys.exit(0)
signal.signal(signal.SIGTERM, report_and_exit)
open('ready', 'w').close()
child.wait()
report('grandchild', f'ended by signal {-child.returncode}')
"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("options, env, grandchild", [
    (["--kill-group"], {}, "ended by signal 10"),
    ([], {"HYDRA_ADAPT_KILL_GROUP": "1"}, "ended by signal 10"),
    (["--init"], {}, "running"),
], ids=["kill-group", "kill-group-env", "program-only"])
def test_tini_process_group_scenario_the_grandchild_gets_the_signal(tmp_path, mode, options, env, grandchild):
    tool = start_tool(mode, options + ["--", PY, "-c", PROCESS_GROUP_PROGRAM], tmp_path, env)
    wait_for_file(tmp_path / "ready", tool)
    signal_tool(mode, tool, signal.SIGUSR1)
    if grandchild == "running":
        signal_tool(mode, tool, signal.SIGTERM)  # forwarded after SIGUSR1
    assert tool.wait(timeout=WAIT_SECONDS) == 0, tool.stderr.read()
    assert (tmp_path / "grandchild").read_text() == grandchild


# tini's signals scenario: the program waits on a child of its own (os.system) when the signal
# comes; the run gives 128+N.
WAITING_PROGRAM = REPORTING + """
for number in (signal.SIGTERM, signal.SIGUSR1, signal.SIGUSR2):
    signal.signal(number, signal.SIG_DFL)
report('program.pid', str(os.getpid()))
open('ready', 'w').close()
os.system('sleep 600')
"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGUSR1, signal.SIGUSR2], ids=lambda s: s.name)
def test_tini_signals_scenario_a_program_waiting_on_its_own_child(tmp_path, mode, sig):
    tool = start_tool(mode, ["--init", "--", PY, "-c", WAITING_PROGRAM], tmp_path)
    try:
        wait_for_file(tmp_path / "ready", tool)
        signal_tool(mode, tool, sig)
        assert tool.wait(timeout=WAIT_SECONDS) == 128 + sig
    finally:
        if mode == "child":  # the program's sleep outlives it, in the program's process group
            try:
                os.killpg(int((tmp_path / "program.pid").read_text()), signal.SIGKILL)
            except (ProcessLookupError, FileNotFoundError):
                pass


# --- --remap-exit -------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
def test_remap_exit_143_turns_a_sigterm_ending_into_0_and_leaves_1_as_1(tmp_path, mode):
    tool = start_tool(mode, ["--remap-exit", "143", "--", PY, "-c", SLEEP_PROGRAM], tmp_path)
    wait_for_file(tmp_path / "ready", tool)
    signal_tool(mode, tool, signal.SIGTERM)
    assert tool.wait(timeout=WAIT_SECONDS) == 0
    failing = start_tool(mode, ["--remap-exit", "143", "--", "sh", "-c", "exit 1"], tmp_path)
    assert failing.wait(timeout=WAIT_SECONDS) == 1


@pytest.mark.parametrize("options, env, successes", [
    ([], {"HYDRA_ADAPT_REMAP_EXIT": "3"}, {3}),
    ([], {"HYDRA_ADAPT_REMAP_EXIT": "3,4"}, {3, 4}),
    (["--remap-exit", "4", "--remap-exit", "5"], {}, {4, 5}),
    (["--remap-exit", "4,5"], {}, {4, 5}),
    (["--remap-exit=4"], {"HYDRA_ADAPT_REMAP_EXIT": "3,5"}, {4}),  # the command line's list replaces it
], ids=["env", "env-list", "repeated", "list", "cli-replaces-env"])
def test_remap_exit_lists(options, env, successes):
    statuses = {status: run_raw(options + ["--", "sh", "-c", f"exit {status}"], env=env).rc
                for status in (3, 4, 5)}
    assert statuses == {status: 0 if status in successes else status for status in (3, 4, 5)}


def test_tini_exit_code_scenario_each_status_remapped_alone_and_all_but_it():
    alone, all_but_it = {}, {}
    for status in range(256):
        program = ["--", "sh", "-c", f"exit {status}"]
        alone[status] = run_raw(["--remap-exit", str(status)] + program).rc
        others = ",".join(str(other) for other in range(256) if other != status)
        all_but_it[status] = run_raw(["--remap-exit", others] + program).rc
    assert alone == {status: 0 for status in range(256)}
    assert all_but_it == {status: status for status in range(256)}


@pytest.mark.parametrize("content, status", [
    (b"\x7fELF not really\n", 126),           # the exec fails in the supervised child
    (b"#!/no/such/interpreter\n", 127),
    (None, 127),                              # found missing before anything starts
], ids=["not-a-program", "missing-interpreter", "missing-program"])
def test_remap_exit_never_applies_to_the_tools_own_statuses(tmp_path, content, status):
    program = tmp_path / "program"
    if content is not None:
        program.write_bytes(content)
        program.chmod(0o755)
    result = run_raw(["--remap-exit", str(status), "--", str(program)])
    assert result.rc == status
    assert result.stderr.startswith(ERROR_PREFIX) and result.stderr.count("\n") == 1


def test_remap_exit_2_leaves_a_usage_error_2():
    result = run_raw(["--remap-exit", "2", "--bogus", "--", "true"])
    assert result.rc == 2 and result.stderr.startswith(ERROR_PREFIX + "unrecognised option '--bogus'")


# --- --parent-death-signal ---------------------------------------------------------------------

PARENT_DEATH_PROGRAM = REPORTING + """
def on_signal(number, frame):
    report('signal', f'got signal {number}')
    sys.exit(0)
signal.signal(signal.SIGUSR1, on_signal)
open('ready', 'w').close()
while not os.path.exists('stop'):
    time.sleep(0.02)
report('signal', 'none')
"""


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("options, env, expected", [
    (["--parent-death-signal", "USR1"], {}, "got signal 10"),
    (["--parent-death-signal=10"], {}, "got signal 10"),
    ([], {"HYDRA_ADAPT_PARENT_DEATH_SIGNAL": "sigusr1"}, "got signal 10"),
    (["--init"], {}, "none"),
], ids=["name", "number", "env", "without"])
def test_killing_the_tools_parent_sends_the_program_the_parent_death_signal(tmp_path, mode, options, env, expected):
    words = [BIN] + options + ["--", PY, "-c", PARENT_DEATH_PROGRAM]
    # The tool's parent: unshare, or a shell that waits for it (a command follows, so no exec).
    parent_words = IN_NEW_PID_NAMESPACE + words if mode == "pid1" else ["sh", "-c", '"$@"; exit 0', "sh"] + words
    parent = subprocess.Popen(parent_words, cwd=tmp_path, env=base_env(env), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    wait_for_file(tmp_path / "ready", parent)
    parent.kill()
    parent.wait(timeout=WAIT_SECONDS)
    if expected == "none":
        (tmp_path / "stop").touch()
    assert read_report(tmp_path / "signal") == expected


# --- the terminal --------------------------------------------------------------------------------
# A new pseudo-terminal is the controlling terminal of a new session, as `docker run -it` gives its
# ENTRYPOINT one: as PID 1, `setsid --ctty` makes the tool the session's leader in the namespace.

def start_on_terminal(mode: str, words: list[str], cwd: Path, env: dict[str, str] | None = None):
    """WORDS on a new pseudo-terminal; returns the process and the terminal's master side."""
    master, follower = os.openpty()

    def take_the_terminal():
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    as_pid1 = mode == "pid1"
    command = IN_NEW_PID_NAMESPACE + ["setsid", "--ctty"] + words if as_pid1 else words
    process = subprocess.Popen(command, cwd=cwd, env=base_env(env), stdin=follower, stdout=follower,
                               stderr=follower, start_new_session=True,
                               preexec_fn=None if as_pid1 else take_the_terminal)
    os.close(follower)
    return process, master


def read_until(master: int, pattern: str, process: subprocess.Popen) -> str:
    """What the terminal shows until PATTERN (a regular expression) appears in it."""
    shown = ""
    deadline = time.monotonic() + WAIT_SECONDS
    while not re.search(pattern, shown):
        assert time.monotonic() < deadline, f"{pattern!r} never appeared; the terminal shows {shown!r}"
        if select.select([master], [], [], 0.1)[0]:
            try:
                shown += os.read(master, 4096).decode(errors="replace")
            except OSError:  # EIO: the terminal's last user is gone
                assert False, f"the run ended before {pattern!r} appeared: {shown!r}, status {process.poll()}"
    return shown


def end_terminal_run(process: subprocess.Popen, master: int) -> None:
    if process.poll() is None:
        process.kill()
        process.wait(timeout=WAIT_SECONDS)
    os.close(master)


TERMINAL_PROGRAM = REPORTING + """
report('terminal', f'foreground={os.tcgetpgrp(0) == os.getpgrp()}')
report('read', input())  # outside the foreground group, this read would stop the program
print('waiting for ^C', flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("mode", MODES)
def test_on_a_terminal_the_program_is_the_foreground_group_reads_it_and_gets_ctrl_c(tmp_path, mode):
    process, master = start_on_terminal(mode, [BIN, "--init", "--", PY, "-c", TERMINAL_PROGRAM], tmp_path)
    try:
        assert read_report(tmp_path / "terminal", process) == "foreground=True"
        os.write(master, b"typed line\n")
        assert read_report(tmp_path / "read", process) == "typed line"
        read_until(master, "waiting for \\^C", process)
        os.write(master, b"\x03")
        assert process.wait(timeout=WAIT_SECONDS) == 128 + signal.SIGINT
    finally:
        end_terminal_run(process, master)


@pytest.mark.parametrize("mode", MODES)
def test_tini_terminal_scenario_an_interactive_shell_runs_and_exits(tmp_path, mode):
    # An interactive dash with job control stops itself until its group has the terminal.
    process, master = start_on_terminal(mode, [BIN, "--init", "--", "sh", "-i"], tmp_path,
                                        {"PS1": "prompt> "})
    try:
        read_until(master, "prompt> ", process)
        os.write(master, b"echo $((6 * 7))\n")
        read_until(master, "42", process)
        os.write(master, b"exit 7\n")
        assert process.wait(timeout=WAIT_SECONDS) == 7
    finally:
        end_terminal_run(process, master)


@pytest.mark.parametrize("mode", MODES)
def test_tini_terminal_scenario_ctrl_c_ends_a_shell_loop(tmp_path, mode):
    loop = "while true; do echo tick; sleep 0.1; done"
    process, master = start_on_terminal(mode, [BIN, "--init", "--", "sh", "-c", loop], tmp_path)
    try:
        read_until(master, "tick", process)
        os.write(master, b"\x03")
        assert process.wait(timeout=WAIT_SECONDS) == 128 + signal.SIGINT
    finally:
        end_terminal_run(process, master)


# A terminal's owner (a shell without job control, make, a Python script) runs the tool in its own
# foreground group, or in a background group as `hydra-adapt ... &` from a shell would be.
TERMINAL_OWNER = """
import os, subprocess, sys
tool = subprocess.Popen(sys.argv[2:], process_group=0 if sys.argv[1] == 'background' else None)
status = tool.wait()
print(f'status={status} owner-has-terminal={os.tcgetpgrp(0) == os.getpgrp()}', flush=True)
"""

FOREGROUND_PROGRAM = REPORTING + "report('terminal', f'foreground={os.tcgetpgrp(0) == os.getpgrp()}')\n"


@pytest.mark.parametrize("placement, program_has_terminal", [("foreground", True), ("background", False)])
def test_the_terminal_goes_to_the_program_only_from_the_foreground_and_comes_back(tmp_path, placement,
                                                                                  program_has_terminal):
    words = [PY, "-c", TERMINAL_OWNER, placement, BIN, "--init", "--", PY, "-c", FOREGROUND_PROGRAM]
    process, master = start_on_terminal("child", words, tmp_path)
    try:
        shown = read_until(master, "owner-has-terminal=\\w+\\s", process)
        assert process.wait(timeout=WAIT_SECONDS) == 0
    finally:
        end_terminal_run(process, master)
    assert (tmp_path / "terminal").read_text() == f"foreground={program_has_terminal}"
    assert "status=0 owner-has-terminal=True" in shown
