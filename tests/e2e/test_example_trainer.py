"""The shipped example (examples/trainer) works through the tool and keeps its secret."""
from adapt import PY, REPO, run_raw, run_tool_in, write_schema

EXAMPLE = REPO / "examples" / "trainer"
SCHEMA = str(EXAMPLE / "schema.yaml")
MAIN = str(EXAMPLE / "main.py")


def test_example_trainer_end_to_end(tmp_path):
    out = tmp_path / "models" / "run1" / "model.pkl"
    res = run_tool_in(tmp_path, ["--lr", "0.01", "--epochs", "3", "--use-gpu",
                                 "--data-path", "/data/my set.csv", "--model-out", str(out),
                                 "--params", '{"hidden": 128}', "--api-key", "XYZZY-123",
                                 "--extra", "note"],
                      options=["--schema", SCHEMA], program=[PY, MAIN])
    assert res.rc == 0, res.describe()
    assert "lr=0.01 for 3 epochs on gpu" in res.stdout, res.describe()
    assert "data=/data/my set.csv" in res.stdout and f"-> {out}" in res.stdout
    assert "'hidden': 128" in res.stdout and "api key set" in res.stdout
    assert "thing: note" in res.stdout
    assert "XYZZY-123" not in res.stdout + res.stderr, "the example must not print secrets"
    assert out.parent.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["models"], "Hydra must write no files of its own"


def test_example_trainer_requires_epochs(tmp_path):
    res = run_tool_in(tmp_path, ["--lr", "0.01"], options=["--schema", SCHEMA],
                      program=[PY, MAIN])
    assert res.rc == 2 and res.stderr.startswith("hydra-adapt: error: ") and \
        "epochs" in res.stderr, res.describe()


def test_example_trainer_without_a_schema(tmp_path):
    """The no-schema variant: the schema the image would print at build time with
    `hydra-adapt schema --from-program -- python3 main.py`, from the app's own config."""
    printed = run_raw(["schema", "--from-program", "--", PY, MAIN], cwd=tmp_path)
    assert printed.rc == 0, printed.describe()
    schema = write_schema(tmp_path, printed.stdout)
    res = run_tool_in(tmp_path, ["--lr", "0.01", "--max-epochs", "256.0", "--gpu", "--batch-size", "64",
                                 "--hidden", "128", "--run.name", "no schema"],
                      options=["--schema", schema], program=[PY, MAIN])
    assert res.rc == 0, res.describe()
    assert "run 'no schema': train mlp with adam lr=0.01 for 256 epochs on gpu" in res.stdout, res.describe()
    assert "batch_size: 64" in res.stdout and "params={'hidden': 128, 'layers': 2}" in res.stdout, res.describe()
