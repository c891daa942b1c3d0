"""The example pipeline: data prepare, then train, from the two component specs beside this
file, compiled with kfp 2.x. usage: python pipeline.py OUTPUT.yaml"""
import pathlib
import sys

from kfp import compiler, components, dsl

HERE = pathlib.Path(__file__).resolve().parent
prepare = components.load_component_from_file(str(HERE / "prepare" / "component.yaml"))
train = components.load_component_from_file(str(HERE / "train" / "component.yaml"))


@dsl.pipeline(name="digits", description="Prepare scikit-learn's digits, train a classifier on them.")
def digits(test_size: float = 0.25, experiment: str = "small", learning_rate: float = 0.01, max_iter: int = 300):
    prepared = prepare(test_size=test_size, seed=0)
    train(dataset=prepared.outputs["dataset"], experiment=experiment, learning_rate=learning_rate,
          max_iter=max_iter)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.splitlines()[-1].strip())
    compiler.Compiler().compile(digits, sys.argv[1])
