"""One runtime for every Rasa entry point, and patches only where Rasa 3.6 has no extension point (#28 step 8).

Before, `make shell`, `make validate` and the story tests of `make test` ran stock Rasa while the servers
ran patched, so a story test did not run the code a conversation runs (the session rule, for one).
Here every Makefile target and script that starts Rasa's command line is read, and each must go through
`python -m spoorwijzer_rasa`, except the benchmarks' deliberate baselines of Rasa as shipped. DIET (and the
ResponseSelector, when one is used) are our components in config.yml, so a plain `rasa train` in the project
root trains the same model. And the patches module changes exactly the attributes it lists, each with why no
extension point reaches it.
"""

from __future__ import annotations

import inspect
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ENTRY_FILES = sorted(
    [
        ROOT / "Makefile",
        ROOT / "deploy" / "Dockerfile",
        *(ROOT / "scripts").glob("*.sh"),
        *(ROOT / "benchmarks").rglob("*.sh"),
    ]
)
# Rasa as shipped, on purpose: the baselines the benchmarks measure our configuration and runtime against.
DELIBERATELY_STOCK = {
    ("scripts/bench.sh", "env -u TF_INTRA_OP_PARALLELISM_THREADS -u TF_INTER_OP_PARALLELISM_THREADS rasa"): (
        "(a): Rasa's default configuration served by `rasa run`, against (a') the same model with our runtime"
    ),
    ("benchmarks/train_both.sh", "module=rasa"): "Rasa's default configuration trained by Rasa as shipped",
}


def logical_lines(text: str):
    """(line number, line) with backslash continuations joined."""
    start, parts = None, []
    for number, line in enumerate(text.splitlines(), 1):
        start = start or number
        if line.endswith("\\"):
            parts.append(line[:-1])
            continue
        yield start, " ".join(parts + [line])
        start, parts = None, []


def words(line: str) -> list[str]:
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True  # words as the shell sees them; comments dropped, quotes removed
    try:
        return list(lexer)
    except ValueError:  # a quote that closes on a later line
        return line.split("#")[0].split()


OPERATORS = {"&&", "||", ";", "|", "&", "(", ")", "{", "}", "!", "then", "do", "else", "elif", "if", "while", "until"}
WRAPPERS = {"exec", "env", "nohup", "command", "time"}


def commands(tokens: list[str]):
    """The commands of a line as (command word, its arguments): after an operator, skipping `X=…` and
    wrappers (`exec`, `env -u X`, …). `env` starts a command wherever it stands: scripts pass a command
    as arguments (bench.sh: `single_server … env -u X rasa`)."""
    start = True
    for i, token in enumerate(tokens):
        if token in OPERATORS:
            start = True
        elif token == "env" or (start and token in WRAPPERS):
            start = True
        elif start and (re.fullmatch(r"\w+=.*", token) or token.startswith("-")):
            continue  # an assignment, or an option of env (-u X: X is skipped as an assignment-less word below)
        elif start:
            if i and tokens[i - 1] == "-u":
                continue  # the variable env -u unsets
            yield token, tokens[i + 1 :]
            start = False


def stock_rasa_calls(text: str) -> list[tuple[int, str]]:
    """Lines that start Rasa's own command line: `rasa …`, `…/rasa …`, `python -m rasa`, or `X=rasa`
    (a module name for `python -m "$X"`)."""
    found = []
    for number, line in logical_lines(text):
        tokens = words(line)
        stock = any(re.fullmatch(r"\w+=rasa", token) for token in tokens)
        for word, arguments in commands(tokens):
            python = re.fullmatch(r"(.*/)?python3?(\.\d+)?", word)
            if word == "rasa" or word.endswith("/rasa") or (python and arguments[:2] == ["-m", "rasa"]):
                stock = True
        if stock:
            found.append((number, line.strip()))
    return found


@pytest.mark.parametrize(
    "text, stock",
    [
        ("rasa train --out models", True),
        ("source scripts/env.sh && rasa shell --model models", True),
        ("  $(BIN)/rasa data validate", True),
        ("python -m rasa run", True),
        ('RASA_CACHE_DIRECTORY="$c" python -m "$module" train', False),
        ("module=rasa", True),
        ("x && \\\n  rasa test core --stories s.yml", True),
        ("exec env -u A rasa run", True),
        ('echo "==> rasa data validate"', False),
        ("# `rasa run` works too", False),
        ("python -m spoorwijzer_rasa test core --stories tests/test_stories.yml", False),
        ("python -m spoorwijzer_rasa.action_server --actions actions", False),
        ("pip install rasa-sdk==3.6.2", False),
        ("for manifest in rasa networkpolicy; do", False),
        ("settings=$(python -m spoorwijzer_settings shell --check rasa RASA_PORT)", False),
        ("x=$(rasa --version)", True),
        ('single_server "(a)" "$m" \\\n  env -u A -u B rasa', True),
        ("$(BIN)/python -m rasa train", True),
    ],
)
def test_the_reader_finds_rasas_command_line(text, stock):
    assert bool(stock_rasa_calls(text)) is stock


@pytest.mark.parametrize("path", ENTRY_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_entry_point_runs_rasa_through_the_project_runtime(path):
    name = str(path.relative_to(ROOT))
    wrong = [
        f"{name}:{number}: {line}"
        for number, line in stock_rasa_calls(path.read_text())
        if not any(file == name and snippet in line for file, snippet in DELIBERATELY_STOCK)
    ]
    assert not wrong, "Rasa buiten `python -m spoorwijzer_rasa` om:\n" + "\n".join(wrong)


def test_each_deliberate_baseline_is_still_there():
    # An exception that no longer matches anything must go, or it would excuse the next stock call there.
    for (file, snippet), why in DELIBERATELY_STOCK.items():
        assert any(snippet in line for _, line in stock_rasa_calls((ROOT / file).read_text())), (file, why)


def make_target(name: str) -> str:
    text = (ROOT / "Makefile").read_text()
    block = re.search(rf"^{name}:.*\n((?:\t.*\n?)+)", text, re.MULTILINE)
    assert block, name
    return block.group(1)


@pytest.mark.parametrize(
    "where, command",
    [
        ("make shell", "spoorwijzer_rasa shell"),
        ("make validate", "spoorwijzer_rasa data validate"),
        ("scripts/test.sh", "spoorwijzer_rasa data validate"),
        ("scripts/test.sh", "spoorwijzer_rasa test core --stories tests/test_stories.yml"),
        ("scripts/test.sh", "spoorwijzer_rasa test core --stories tests/test_stories_suggest.yml"),
        ("scripts/train.sh", "spoorwijzer_rasa train"),
        ("scripts/start-rasa.sh", "spoorwijzer_rasa run"),
        ("benchmarks/train_both.sh", "module=spoorwijzer_rasa"),
    ],
)
def test_the_named_entry_points_use_the_runtime(where, command):
    text = make_target(where.split()[1]) if where.startswith("make ") else (ROOT / where).read_text()
    assert command in " ".join(" ".join(words(line)) for _, line in logical_lines(text)), where


def test_config_names_our_diet_and_not_rasas_and_something_chooses_the_fixed_answer():
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]
    names = [part["name"] for part in pipeline]
    assert not {"DIETClassifier", "ResponseSelector"} & set(names)  # Rasa's own would load and train as shipped
    diet = next(part for part in pipeline if part["name"] == "components.diet.SpoorwijzerDIETClassifier")
    # The fixed answer among the `faq` examples: DIET's own labels, or else our ResponseSelector (components/diet.py).
    assert diet.get("answers_as_labels") or "components.diet.SpoorwijzerResponseSelector" in names


def test_a_plain_rasa_train_in_the_project_root_finds_our_components(tmp_path):
    # `rasa train --dry-run` reads config.yml, imports the components, checks and fingerprints the data,
    # and says whether a training is needed, without training. As a developer types it: the `rasa` script.
    env = {**os.environ, "RASA_CACHE_DIRECTORY": str(tmp_path / "cache"), "RASA_TELEMETRY_ENABLED": "false"}
    env["PATH"] = f"{Path(sys.executable).parent}:{env.get('PATH', '')}"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "train", "--dry-run", "--out", str(tmp_path / "models")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert "The model needs to be retrained" in output, output[-3000:]  # an empty cache: all of it
    assert "Traceback" not in output and "Can't load class" not in output
    # Rasa's check knows DIET and the ResponseSelector only by their exact class (components/diet.py).
    assert "does not include a response selector component" not in output
    assert "does not include an entity extractor" not in output


# --- the patches: only the listed ones, each with its reason ---------------------------------------

EXPECTED_PATCHES = {
    ("RemoteAction", "_validate_action_result"),
    ("Event", "resolve_by_type"),
    ("MessageProcessor", "_has_session_expired"),
    ("Features", "fingerprint"),
    ("Token", "fingerprint"),
}


def test_the_patches_are_the_listed_ones_each_with_why_no_extension_point_reaches_it():
    from spoorwijzer_rasa import patches

    assert {(patch.owner.__name__, patch.attribute) for patch in patches.PATCHES} == EXPECTED_PATCHES
    for patch in patches.PATCHES:
        assert len(patch.why_no_extension_point.split()) >= 12, patch.attribute
        assert patch.owner.__module__.startswith("rasa.")
    # Nothing in the module sets anything on Rasa outside install()'s loop over PATCHES.
    source = inspect.getsource(patches)
    assert source.count("setattr(") == 1 and "setattr(patch.owner, patch.attribute, patch.replacement)" in source
    assert not re.search(r"^\s*[A-Z]\w*\.\w+\s*=", source, re.MULTILINE)  # no `RasaClass.attribute = …`


PROBE = """
import inspect, json, sys
import rasa.__main__, rasa.core.agent, rasa.core.processor, rasa.core.actions.action, rasa.core.run
import rasa.model_training, rasa.utils.tensorflow.models, rasa.utils.tensorflow.data_generator
import rasa.nlu.classifiers.diet_classifier, rasa.nlu.selectors.response_selector

def everything():
    seen = {}
    for name, module in list(sys.modules.items()):
        if not (name == "rasa" or name.startswith("rasa.")) or module is None:
            continue
        for attribute, value in list(vars(module).items()):
            seen[f"{name}:{attribute}"] = id(value)
            if inspect.isclass(value) and value.__module__ == name:
                for member, inner in list(vars(value).items()):
                    seen[f"{name}:{attribute}.{member}"] = id(inner)
    return seen

before = everything()
from spoorwijzer_rasa import patches
imported = everything()
patches.install()
installed = everything()
changed = lambda a, b: sorted(k for k in a if k in b and a[k] != b[k])
print(json.dumps({"on_import": changed(before, imported), "on_install": changed(imported, installed)}))
"""


def test_install_changes_exactly_the_listed_attributes_of_rasa_and_importing_changes_nothing():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ}
    )
    assert result.returncode == 0, result.stderr[-3000:]
    import json

    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["on_import"] == []
    assert {tuple(key.split(":")[1].split(".")) for key in seen["on_install"]} == EXPECTED_PATCHES
