"""The app the trust tests start through hydra-adapt. It writes what it received, as a pickle,
to $TRUST_APP_OUT: the resolved config, Hydra's run dir, the task overrides Hydra saw, and
its argv. When $TRUST_APP_OUT is unset it writes nothing (tests that check no file appears)."""
import os
import pickle
import sys

import hydra
from hydra.core.hydra_config import HydraConfig
from omegaconf import DictConfig, OmegaConf


@hydra.main(version_base=None, config_path="conf", config_name="config")
def main(cfg: DictConfig) -> None:
    out = os.environ.get("TRUST_APP_OUT")
    if not out:
        return
    hydra_cfg = HydraConfig.get()
    received = {
        "cfg": OmegaConf.to_container(cfg, resolve=True),
        "run_dir": hydra_cfg.run.dir,
        "task_overrides": list(hydra_cfg.overrides.task),
        "hydra_overrides": list(hydra_cfg.overrides.hydra),
        "argv": [os.fsencode(word) for word in sys.argv],
    }
    with open(out, "wb") as file:
        pickle.dump(received, file)


if __name__ == "__main__":
    main()
