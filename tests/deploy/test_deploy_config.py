"""The deployment files agree with each other and with what Rasa reads.

The schema checkers (scripts/check-deploy.sh) say each file is well-formed; these
tests say the pieces fit: every value deploy/endpoints.yml reads is provided by
Compose and by Kubernetes, replicas share state, and the probes hit real endpoints.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
ROOT = DEPLOY.parent


def placeholders(path: Path) -> set[str]:
    return set(re.findall(r"\$\{(\w+)\}", path.read_text()))


def k8s_documents() -> dict[tuple[str, str], dict]:
    documents = {}
    for path in sorted((DEPLOY / "kubernetes").glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text()):
            documents[(document["kind"], document["metadata"]["name"])] = document
    return documents


def test_replicated_endpoints_share_trackers_and_locks():
    endpoints = yaml.safe_load((DEPLOY / "endpoints.yml").read_text())
    assert endpoints["tracker_store"]["dialect"] == "postgresql"
    assert endpoints["lock_store"]["type"] == "redis"
    default = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    assert default["tracker_store"]["dialect"] == "sqlite" and "lock_store" not in default


def test_compose_gives_rasa_every_value_the_endpoints_read():
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())
    rasa = compose["services"]["rasa"]
    assert placeholders(DEPLOY / "endpoints.yml") <= set(rasa["environment"])
    assert rasa["deploy"]["replicas"] >= 2


def test_kubernetes_gives_rasa_every_value_the_endpoints_read():
    documents = k8s_documents()
    config_keys = set(documents[("ConfigMap", "spoorwijzer-config")]["data"])
    secret_keys = set(re.findall(r"--from-literal=(\w+)=", (DEPLOY / "kubernetes" / "README.md").read_text()))
    container = documents[("Deployment", "spoorwijzer-rasa")]["spec"]["template"]["spec"]["containers"][0]
    sources = {ref.get("configMapRef", ref.get("secretRef"))["name"] for ref in container["envFrom"]}
    assert sources == {"spoorwijzer-config", "spoorwijzer-secrets"}
    assert placeholders(DEPLOY / "endpoints.yml") <= config_keys | secret_keys
    # Secrets never sit in the ConfigMap.
    assert not {"DB_PASSWORD", "REDIS_PASSWORD", "RASA_API_TOKEN"} & config_keys


def test_kubernetes_probes_and_scaling():
    documents = k8s_documents()
    rasa = documents[("Deployment", "spoorwijzer-rasa")]["spec"]
    actions = documents[("Deployment", "spoorwijzer-actions")]["spec"]
    assert rasa["replicas"] >= 2
    rasa_container = rasa["template"]["spec"]["containers"][0]
    assert "/status" in " ".join(rasa_container["readinessProbe"]["exec"]["command"])
    action_container = actions["template"]["spec"]["containers"][0]
    assert action_container["readinessProbe"]["httpGet"]["path"] == "/health"
    for container in (rasa_container, action_container):
        assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    # The action server URL in the ConfigMap points at the actions Service.
    service = documents[("Service", "spoorwijzer-actions")]
    url = documents[("ConfigMap", "spoorwijzer-config")]["data"]["ACTION_SERVER_URL"]
    assert url == f"http://{service['metadata']['name']}:{service['spec']['ports'][0]['port']}/webhook"


def test_images_start_the_commands_the_scripts_use():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert "python -m spoorwijzer_rasa run" in dockerfile and "deploy/endpoints.yml" in dockerfile
    assert "RUN scripts/train.sh" in dockerfile  # the image trains as `make run` does
    servers = (ROOT / "scripts" / "servers.sh").read_text()
    assert "python -m spoorwijzer_rasa run" in servers
