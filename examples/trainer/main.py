"""Example Hydra app to put hydra-adapt in front of.

    hydra-adapt --schema examples/trainer/schema.yaml -- \
        python examples/trainer/main.py --lr 0.01 --epochs 3 --data-path /x

prints the config it received (secrets masked) and a one-line summary.
"""
import hydra
from omegaconf import DictConfig, OmegaConf


def _masked(cfg: DictConfig) -> DictConfig:
    shown = OmegaConf.to_container(cfg, resolve=True)
    secrets = shown.get("secrets")
    if isinstance(secrets, dict):
        for k, v in secrets.items():
            secrets[k] = "***" if v not in (None, "") else v
    return OmegaConf.create(shown)


@hydra.main(version_base=None, config_path="conf", config_name="config")
def main(cfg: DictConfig) -> None:
    print(OmegaConf.to_yaml(_masked(cfg)), end="")
    has_key = bool(cfg.get("secrets", {}).get("key"))
    print(
        f"run {cfg.run.name!r}: train {cfg.model.name} with {cfg.optimizer.name} lr={cfg.optimizer.lr} "
        f"for {cfg.trainer.max_epochs} epochs on {'gpu' if cfg.trainer.gpu else 'cpu'}, "
        f"data={cfg.data.path} -> {cfg.output.model}, "
        f"params={OmegaConf.to_container(cfg.model.params)}, "
        f"api key {'set' if has_key else 'not set'}"
    )


if __name__ == "__main__":
    main()
