"""A real @hydra.main app: writes the config it received, resolved, as a pickle to $DUMP_CONFIG_TO.

Pickle keeps what the program sees exactly: types (int, float, bool, None), float bits, and
str values holding surrogate escapes (bytes that are not UTF-8)."""
import os
import pickle

import hydra
from omegaconf import DictConfig, OmegaConf


@hydra.main(version_base=None)
def main(cfg: DictConfig) -> None:
    with open(os.environ["DUMP_CONFIG_TO"], "wb") as out:
        pickle.dump(OmegaConf.to_container(cfg, resolve=True), out)


if __name__ == "__main__":
    main()
