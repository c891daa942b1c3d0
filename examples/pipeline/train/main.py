"""Train: fits a multi-layer perceptron on the prepared digits with the experiment's network
and the hyperparameters the pipeline passes, then writes the model and its test accuracy.
Writes the config it received next to the model (config.json)."""
import json
import pathlib
import warnings

import hydra
import joblib
import numpy as np
from omegaconf import DictConfig, OmegaConf
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier


@hydra.main(version_base=None, config_path="conf", config_name="config")
def main(cfg: DictConfig) -> None:
    data = np.load(cfg.dataset)
    model = MLPClassifier(hidden_layer_sizes=tuple(cfg.experiment.hidden_layer_sizes), alpha=cfg.experiment.alpha,
                          learning_rate_init=cfg.learning_rate, max_iter=cfg.max_iter, random_state=cfg.seed)
    with warnings.catch_warnings():
        # A short run that stops before converging is still a model: the accuracy tells.
        warnings.simplefilter("ignore", ConvergenceWarning)
        model.fit(data["x_train"], data["y_train"])
    accuracy = float(model.score(data["x_test"], data["y_test"]))

    model_path = pathlib.Path(cfg.model_path)
    joblib.dump(model, model_path)
    metrics = {"accuracy": accuracy, "experiment": cfg.experiment.name, "test_samples": int(len(data["y_test"]))}
    pathlib.Path(cfg.metrics_path).write_text(json.dumps(metrics, indent=2))
    (model_path.parent / "config.json").write_text(json.dumps(OmegaConf.to_container(cfg, resolve=True), indent=2))
    print(f"train: experiment {cfg.experiment.name} {list(cfg.experiment.hidden_layer_sizes)}, "
          f"learning rate {cfg.learning_rate}, {model.n_iter_} iterations -> test accuracy {accuracy:.4f}")


if __name__ == "__main__":
    main()
