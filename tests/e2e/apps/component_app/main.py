"""A Hydra app behind a Kubeflow component: prints the config it received as one JSON line
(CONFIG=...) so the tests see every value's type, and writes its outputs where it is told."""
import json
import pathlib

import hydra
from omegaconf import DictConfig, OmegaConf


@hydra.main(version_base=None, config_path="conf", config_name="config")
def main(cfg: DictConfig) -> None:
    config = OmegaConf.to_container(cfg, resolve=True)
    # The platform does not create the folders of output paths; hydra-adapt does.
    outputs = [config["model"], config["acc"], *(config["output_paths"] or [])]
    for output in outputs:
        if output:
            pathlib.Path(output).write_text("written by component_app\n")
    print("CONFIG=" + json.dumps(config, sort_keys=True))


if __name__ == "__main__":
    main()
