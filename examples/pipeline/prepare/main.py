"""Data prepare: calls the function its Hydra config names and writes the dataset to the output
path the pipeline gives. Writes the config it received next to the dataset (config.json)."""
import json
import pathlib

import hydra
import numpy as np
from omegaconf import DictConfig, OmegaConf


@hydra.main(version_base=None, config_path="conf", config_name="config")
def main(cfg: DictConfig) -> None:
    dataset = hydra.utils.call(cfg.prepare)
    output = pathlib.Path(cfg.output_path)
    with output.open("wb") as file:  # a file object: np.savez would append .npz to a path
        np.savez(file, **dataset)
    (output.parent / "config.json").write_text(json.dumps(OmegaConf.to_container(cfg, resolve=True), indent=2))
    print(f"prepare: {cfg.prepare._target_} -> {len(dataset['y_train'])} train, "
          f"{len(dataset['y_test'])} test samples in {output}")


if __name__ == "__main__":
    main()
