"""Record app for the hydra-adapt end-to-end tests: a real @hydra.main program.

Environment:
  RECORD_ARGV  file: written FIRST, before Hydra runs, with json.dump(sys.argv[1:]).
               Its existence means "the program started" (even if Hydra then failed).
  RECORD_OUT   file: written by the task function with the config Hydra composed,
               json.dump(OmegaConf.to_container(cfg, resolve=True, throw_on_missing=True)).
               ensure_ascii is left on, so lone surrogates (non-UTF-8 argv bytes) survive.
Config keys used as switches (set them with overrides):
  fail_with=N     exit with status N from inside the task function
  raise_error=true  raise an exception (Hydra reports it and exits 1)
"""
import json
import os
import sys

_argv_out = os.environ.get("RECORD_ARGV")
if _argv_out:
    with open(_argv_out, "w", encoding="ascii") as f:
        json.dump(sys.argv[1:], f)

import hydra  # noqa: E402
from omegaconf import DictConfig, OmegaConf  # noqa: E402


@hydra.main(version_base=None, config_path="conf", config_name="config")
def main(cfg: DictConfig) -> None:
    data = OmegaConf.to_container(cfg, resolve=True, throw_on_missing=True)
    out = os.environ.get("RECORD_OUT")
    if out:
        tmp = out + ".tmp"
        with open(tmp, "w", encoding="ascii") as f:
            json.dump(data, f)
        os.replace(tmp, out)
    if cfg.get("raise_error"):
        raise RuntimeError("record app: raise_error was set")
    if cfg.get("fail_with") is not None:
        sys.exit(int(cfg.fail_with))


if __name__ == "__main__":
    main()
