"""The record app of the tests (tests/e2e/adapt.py runs it): a real @hydra.main program.

Environment:
  RECORD_ARGV   file: written FIRST, before Hydra runs, with json.dump(sys.argv[1:]).
                Its existence means "the program started" (even if Hydra then failed).
  RECORD_OUT    file: written by the task function with the config Hydra composed,
                json.dump(OmegaConf.to_container(cfg, resolve=True)). ensure_ascii is left
                on, so lone surrogates (non-UTF-8 argv bytes) survive; floats keep their bits.
  RECORD_HYDRA  file: what Hydra saw: {"run_dir", "task_overrides", "hydra_overrides"}.
  RECORD_CFG_RUNS  file: a run that ends with `--cfg all` or `--cfg job` (hydra-adapt composing
                the config, or `hydra-adapt check` asking Hydra) appends its sys.argv[1:] here as
                one JSON line instead of writing RECORD_ARGV: such a run is not the program's start.
  RECORD_CFG_SLEEP  seconds such a run sleeps first (a composition that hangs).
  RECORD_CONFIG_DIR  the config folder instead of conf/ (a tree without --config-path).
  RECORD_WRITE  comma-separated config keys holding output paths (a str or a list of str):
                the app writes "written by the record app" into each, as a trainer writes its
                outputs (the platform does not create their folders; hydra-adapt does).
Structured config: `record_typed` in Hydra's ConfigStore (a dataclass whose fields Hydra types:
an enum and an optional int), for a tree that names it in its defaults (apps/typed_tree).
Config: conf/config.yaml here; Hydra's own --config-path/--config-dir/--config-name pick
another tree (tests/e2e/apps/<name>/config.yaml).
Config keys used as switches in conf/config.yaml (set them with overrides):
  fail_with=N       exit with status N from inside the task function
  raise_error=true  raise an exception (Hydra reports it and exits 1)
"""
import json
import os
import sys

_composing = sys.argv[-2:] in (["--cfg", "all"], ["--cfg", "job"])
if _composing and os.environ.get("RECORD_CFG_RUNS"):
    with open(os.environ["RECORD_CFG_RUNS"], "a", encoding="ascii") as f:
        f.write(json.dumps(sys.argv[1:]) + "\n")
    if os.environ.get("RECORD_CFG_SLEEP"):
        import time
        time.sleep(float(os.environ["RECORD_CFG_SLEEP"]))
elif os.environ.get("RECORD_ARGV"):
    with open(os.environ["RECORD_ARGV"], "w", encoding="ascii") as f:
        json.dump(sys.argv[1:], f)

from dataclasses import dataclass  # noqa: E402
from enum import Enum  # noqa: E402
from typing import Optional  # noqa: E402

import hydra  # noqa: E402
from hydra.core.config_store import ConfigStore  # noqa: E402
from hydra.core.hydra_config import HydraConfig  # noqa: E402
from omegaconf import DictConfig, OmegaConf  # noqa: E402


class Mode(Enum):
    train = 1
    eval = 2


@dataclass
class RecordTyped:
    mode: Mode = Mode.train
    workers: Optional[int] = None


ConfigStore.instance().store(name="record_typed", node=RecordTyped)

WRITTEN = "written by the record app\n"


def _write_json(path: str, data) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="ascii") as f:
        json.dump(data, f)
    os.replace(tmp, path)


def _write_outputs(data: dict, keys: str) -> None:
    for key in filter(None, keys.split(",")):
        paths = data.get(key)
        for path in paths if isinstance(paths, list) else [paths]:
            if path:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(WRITTEN)


@hydra.main(version_base=None, config_path=os.environ.get("RECORD_CONFIG_DIR", "conf"), config_name="config")
def main(cfg: DictConfig) -> None:
    data = OmegaConf.to_container(cfg, resolve=True)
    if os.environ.get("RECORD_HYDRA"):
        seen = HydraConfig.get()
        _write_json(os.environ["RECORD_HYDRA"], {
            "run_dir": seen.run.dir,
            "task_overrides": list(seen.overrides.task),
            "hydra_overrides": list(seen.overrides.hydra),
        })
    if os.environ.get("RECORD_OUT"):
        _write_json(os.environ["RECORD_OUT"], data)
    _write_outputs(data, os.environ.get("RECORD_WRITE", ""))
    if cfg.get("raise_error"):
        raise RuntimeError("record app: raise_error was set")
    if cfg.get("fail_with") is not None:
        sys.exit(int(cfg.fail_with))


if __name__ == "__main__":
    main()
