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
    # Ready = the stores answer (the REST channel's /ready); alive = the REST channel answers.
    assert rasa_container["readinessProbe"]["httpGet"] == {"path": "/webhooks/rest/ready", "port": "http"}
    assert rasa_container["livenessProbe"]["httpGet"] == {"path": "/webhooks/rest/", "port": "http"}
    action_container = actions["template"]["spec"]["containers"][0]
    assert action_container["readinessProbe"]["httpGet"]["path"] == "/health"
    for container in (rasa_container, action_container):
        assert {"cpu", "memory"} <= set(container["resources"]["requests"])
    # The action server URL in the ConfigMap points at the actions Service.
    service = documents[("Service", "spoorwijzer-actions")]
    url = documents[("ConfigMap", "spoorwijzer-config")]["data"]["ACTION_SERVER_URL"]
    assert url == f"http://{service['metadata']['name']}:{service['spec']['ports'][0]['port']}/webhook"


def test_images_start_the_commands_the_scripts_use():
    # One place says how the Rasa server starts (scripts/start-rasa.sh); the image and the scripts call it.
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert 'CMD ["scripts/start-rasa.sh"]' in dockerfile and "RASA_ENDPOINTS=deploy/endpoints.yml" in dockerfile
    assert "RUN scripts/train.sh" in dockerfile  # the image trains as `make run` does
    assert "python -m spoorwijzer_rasa run" in (ROOT / "scripts" / "start-rasa.sh").read_text()
    assert "start-rasa.sh" in (ROOT / "scripts" / "servers.sh").read_text()


def test_no_probe_or_health_check_carries_the_api_token():
    # Rasa takes its token only in the URL; a probe with it would put it in process lists,
    # events and logs. The readiness endpoint needs no token.
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())
    checks = [service.get("healthcheck", {}) for service in compose["services"].values()]
    probes = [
        container.get(kind, {})
        for (kind_, _), document in k8s_documents().items()
        if kind_ == "Deployment"
        for container in document["spec"]["template"]["spec"]["containers"]
        for kind in ("startupProbe", "livenessProbe", "readinessProbe")
    ]
    text = yaml.safe_dump([checks, probes]).lower()
    assert "token" not in text
    assert "/webhooks/rest/ready" in str(compose["services"]["rasa"]["healthcheck"]["test"])


def test_ingress_is_https_only_without_access_log():
    ingress = k8s_documents()[("Ingress", "spoorwijzer")]
    annotations = ingress["metadata"]["annotations"]
    hosts = [rule["host"] for rule in ingress["spec"]["rules"]]
    assert hosts and all(host in ingress["spec"]["tls"][0]["hosts"] for host in hosts)
    assert annotations["nginx.ingress.kubernetes.io/force-ssl-redirect"] == "true"
    assert annotations["nginx.ingress.kubernetes.io/enable-access-log"] == "false"
    assert annotations["nginx.ingress.kubernetes.io/proxy-body-size"] in ("64k", "1m")
    # Only the chat channels are public.
    paths = [p["path"] for rule in ingress["spec"]["rules"] for p in rule["http"]["paths"]]
    assert paths == ["/webhooks/"]


def test_compose_publishes_plain_http_only_on_the_host_itself():
    nginx = yaml.safe_load((DEPLOY / "compose.yml").read_text())["services"]["nginx"]
    assert all(str(port).startswith("127.0.0.1:") for port in nginx["ports"])
    tls = yaml.safe_load((DEPLOY / "compose.tls.yml").read_text())["services"]["nginx"]
    assert {"80:80", "443:443"} <= set(tls["ports"])
    mounted = {volume.split(":")[0] for volume in tls["volumes"]}
    assert {"./nginx/tls/listen.conf", "./nginx/tls/redirect.conf"} <= mounted
    assert all((DEPLOY / path).exists() for path in mounted if path.startswith("./"))


def test_replicas_agree_on_slack_and_teams_ids_and_see_the_real_client():
    # Production mode: no replica makes its own development key for the Slack/Teams ids
    # (scripts/credentials.sh); the one key comes from the secrets. And the rate limit per
    # client sees the address the proxy in front adds, not the proxy's own.
    compose = yaml.safe_load((DEPLOY / "compose.yml").read_text())["services"]["rasa"]["environment"]
    assert compose["SPOORWIJZER_ENV"] == "production" and "SPOORWIJZER_ID_SECRET" in compose
    assert compose["SANIC_PROXIES_COUNT"] == "1"
    documents = k8s_documents()
    assert documents[("ConfigMap", "spoorwijzer-config")]["data"]["SPOORWIJZER_ENV"] == "production"
    secret_keys = set(re.findall(r"--from-literal=(\w+)=", (DEPLOY / "kubernetes" / "README.md").read_text()))
    assert "SPOORWIJZER_ID_SECRET" in secret_keys
    container = documents[("Deployment", "spoorwijzer-rasa")]["spec"]["template"]["spec"]["containers"][0]
    assert {"name": "SANIC_PROXIES_COUNT", "value": "1"} in container["env"]


def test_the_image_holds_every_package_the_servers_import():
    # A package the servers import but the Dockerfile does not copy breaks only the image,
    # which CI cannot build (no container engine): check it here. Roots: what the Rasa
    # server loads by name (config, endpoints, credentials) and the action server's package.
    import ast

    local = {p.parent.name for p in ROOT.glob("*/__init__.py")}
    named = " ".join((ROOT / name).read_text() for name in ("config.yml", "endpoints.yml", "credentials.yml"))
    named += (DEPLOY / "endpoints.yml").read_text() + (ROOT / "scripts" / "credentials.sh").read_text()
    needed, todo = set(), {"actions", "spoorwijzer_rasa"} | {p for p in local if re.search(rf"\b{p}\.\w", named)}
    while todo:
        package = todo.pop()
        needed.add(package)
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module]
                    if isinstance(node, ast.ImportFrom) and node.module and not node.level
                    else []
                )
                todo |= {n.split(".")[0] for n in names} & local - needed
    copied = set(re.findall(r"^COPY (\w+)/ ", (DEPLOY / "Dockerfile").read_text(), re.M))
    assert needed <= copied, f"deploy/Dockerfile does not copy {sorted(needed - copied)}"
