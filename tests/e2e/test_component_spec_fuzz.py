"""Whatever a component spec holds, `hydra-adapt schema` either derives a schema that reads
back or refuses the spec with one error line and exit 2: it never crashes."""
import json

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from adapt import run_raw

NAMES = st.sampled_from(["a", "b", "Learning rate", "x-y", ""])
JUNK = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from(["", "x", "--a", "--", "{{$}}", "{"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["a", "name", "if"]), inner,
                                                                  max_size=2),
    max_leaves=6)

V1_PLACEHOLDER = st.builds(lambda kind, name: {kind: name},
                           st.sampled_from(["inputValue", "inputPath", "inputUri", "outputPath", "outputUri",
                                            "executorInput", "inputValu"]), NAMES | JUNK)
V1_WORD = st.deferred(lambda: st.sampled_from(["--a", "--b=", "--a=1", "--", "--=", "x", "1e-05", "", "--1x"])
                      | V1_PLACEHOLDER | V1_IF | V1_CONCAT | JUNK)
V1_IF = st.builds(lambda name, then, other: {"if": {"cond": {"isPresent": name}, "then": then, "else": other}},
                  NAMES, st.lists(V1_WORD, max_size=3), st.lists(V1_WORD, max_size=2) | JUNK)
V1_CONCAT = st.builds(lambda parts: {"concat": parts}, st.lists(V1_WORD, max_size=3) | JUNK)
V1_DECLARATION = st.fixed_dictionaries({"name": NAMES | JUNK}, optional={
    "type": st.sampled_from(["Float", "Integer", "Bool", "JsonObject", "GCSPath", "Model"]) | JUNK,
    "default": JUNK, "optional": st.booleans() | JUNK})
V1_SPEC = st.fixed_dictionaries({
    "inputs": st.lists(V1_DECLARATION, max_size=3) | JUNK,
    "outputs": st.lists(V1_DECLARATION, max_size=2),
    "implementation": st.fixed_dictionaries({"container": st.fixed_dictionaries({
        "command": st.lists(V1_WORD, max_size=3), "args": st.lists(V1_WORD, max_size=6) | JUNK})}) | JUNK})

V2_TEXT = st.sampled_from([
    "--a", "--b=", "x", "", "--", "{{$}}", "{{$.inputs.parameters['a']}}", "{{$.inputs.parameters['b']}}",
    "{{$.inputs.artifacts['d'].path}}", "{{$.outputs.parameters['o'].output_file}}", "--a={{$.inputs.parameters['a']}}",
    "{{$.inputs.parameters[\"a\"]}}", "{{$.inputs", "x{{$.inputs.parameters['a']}}y{{$.inputs.parameters['a']}}",
])
V2_WORD = st.deferred(lambda: V2_TEXT | V2_JSON.map(json.dumps))
V2_JSON = st.one_of(
    st.builds(lambda name, then, other: {"IfPresent": {"InputName": name, "Then": then, "Else": other}},
              NAMES | JUNK, st.lists(V2_TEXT, max_size=3) | JUNK, st.lists(V2_TEXT, max_size=2)),
    st.builds(lambda parts: {"Concat": parts}, st.lists(V2_TEXT | JUNK, max_size=3) | JUNK))
V2_SPEC = st.builds(
    lambda parameters, artifacts, args, label: {
        "components": {"comp-t": {"executorLabel": label,
                                  "inputDefinitions": {"parameters": parameters, "artifacts": artifacts},
                                  "outputDefinitions": {"parameters": {"o": {"parameterType": "STRING"}}}}},
        "deploymentSpec": {"executors": {"exec-t": {"container": {"args": args}}}}},
    st.dictionaries(NAMES, st.fixed_dictionaries({}, optional={
        "parameterType": st.sampled_from(["STRING", "NUMBER_INTEGER", "BOOLEAN", "LIST", "WHAT"]) | JUNK,
        "isOptional": st.booleans() | JUNK, "defaultValue": JUNK}) | JUNK, max_size=3) | JUNK,
    st.dictionaries(st.just("d"), st.fixed_dictionaries({}, optional={"isOptional": st.booleans()}), max_size=1),
    st.lists(V2_WORD, max_size=6) | JUNK,
    st.sampled_from(["exec-t", "exec-u"]) | JUNK)


def check_spec(tmp_path, spec):
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec))
    result = run_raw(["schema", "--component", str(path)])
    assert result.rc in (0, 2), result.stderr
    event("derived" if result.rc == 0 else "refused")
    if result.rc == 2:
        assert result.stderr.startswith(f"hydra-adapt: error: {path}") and result.stderr.count("\n") == 1
        return
    schema = tmp_path / "schema.yaml"
    schema.write_text(result.stdout)
    read_back = run_raw(["--schema", str(schema), "--unknown=pass", "--dry-run", "--", "p"])
    assert read_back.rc in (0, 2), read_back.stderr
    assert "missing required flag" in read_back.stderr or read_back.rc == 0, read_back.stderr


FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])


@FUZZ
@given(spec=V1_SPEC)
def test_any_v1_spec_gives_a_schema_or_one_error_line(tmp_path, spec):
    check_spec(tmp_path, spec)


@FUZZ
@given(spec=V2_SPEC)
def test_any_v2_spec_gives_a_schema_or_one_error_line(tmp_path, spec):
    check_spec(tmp_path, spec)
