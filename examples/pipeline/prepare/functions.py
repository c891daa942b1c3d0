"""Ways to make the dataset; conf/config.yaml names the one to call (prepare._target_).

Each returns x_train, y_train, x_test, y_test. The data is scikit-learn's bundled 8x8
handwritten digits: nothing is downloaded."""
from typing import Dict, Sequence

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split


def load_digits_split(test_size: float, seed: int) -> Dict[str, np.ndarray]:
    """All ten digits, pixel values scaled to [0, 1], split with the classes balanced."""
    digits = load_digits()
    x_train, x_test, y_train, y_test = train_test_split(
        digits.data / 16.0, digits.target, test_size=test_size, random_state=seed, stratify=digits.target)
    return {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}


def load_digits_subset(digits: Sequence[int], test_size: float, seed: int) -> Dict[str, np.ndarray]:
    """Only the given digits (e.g. [3, 8] for a harder two-class problem)."""
    split = load_digits_split(test_size, seed)
    keep_train = np.isin(split["y_train"], digits)
    keep_test = np.isin(split["y_test"], digits)
    return {"x_train": split["x_train"][keep_train], "y_train": split["y_train"][keep_train],
            "x_test": split["x_test"][keep_test], "y_test": split["y_test"][keep_test]}
