"""deploy/kubernetes/networkpolicy.yaml lets through exactly the paths we intend.

There is no cluster here, so the policies are evaluated with the rules of Kubernetes'
own documentation ("Network Policies", concepts/services-networking): a pod selected by
a policy for a direction is isolated in that direction and only what some selecting
policy allows gets through; a connection between two pods needs the source's egress
and the destination's ingress; `from`/`to` peers are podSelector (the policy's own
namespace), namespaceSelector, both (AND), or ipBlock; a missing `ports` means all
ports. The schema check (scripts/check-deploy.sh) makes sure the fields are real.
The pods of Rasa and the action server carry the labels of their real Deployments.
"""

from __future__ import annotations

import ipaddress
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pytest
import yaml

KUBERNETES = Path(__file__).resolve().parents[2] / "deploy" / "kubernetes"
NAMESPACE = "spoorwijzer"


def documents(name: str) -> list[dict]:
    return [doc for doc in yaml.safe_load_all((KUBERNETES / name).read_text()) if doc]


POLICIES = [doc for doc in documents("networkpolicy.yaml") if doc["kind"] == "NetworkPolicy"]


def deployment(name: str) -> dict:
    return next(
        doc
        for file in ("rasa.yaml", "actions.yaml")
        for doc in documents(file)
        if doc["kind"] == "Deployment" and doc["metadata"]["name"] == name
    )


def container_port(name: str) -> int:
    return deployment(name)["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"]


@dataclass(frozen=True)
class Endpoint:
    ip: str
    namespace: Optional[str] = None  # None: outside the cluster
    labels: dict = field(default_factory=dict, hash=False)


def pod(ip: str, namespace: str, labels: dict) -> Endpoint:
    return Endpoint(ip, namespace, dict(labels))


RASA = pod("10.1.0.10", NAMESPACE, deployment("spoorwijzer-rasa")["spec"]["template"]["metadata"]["labels"])
ACTIONS = pod("10.1.0.11", NAMESPACE, deployment("spoorwijzer-actions")["spec"]["template"]["metadata"]["labels"])
POSTGRES = pod("10.1.0.12", NAMESPACE, {"app.kubernetes.io/name": "postgresql"})
REDIS = pod("10.1.0.13", NAMESPACE, {"app.kubernetes.io/name": "redis"})
OTHER_POD = pod("10.1.0.14", NAMESPACE, {"app": "debug-shell"})  # anything else deployed beside us
INGRESS = pod("10.2.0.10", "ingress-nginx", {"app.kubernetes.io/name": "ingress-nginx"})
FAKE_INGRESS = pod("10.3.0.10", "team-x", {"app.kubernetes.io/name": "ingress-nginx"})  # same labels, other namespace
DNS = pod("10.4.0.10", "kube-system", {"k8s-app": "kube-dns"})
INTERNET = Endpoint("52.112.0.1")  # e.g. Microsoft Teams or Slack
METADATA = Endpoint("169.254.169.254")  # the cloud's instance metadata service
PRIVATE = Endpoint("10.200.0.5")  # another network inside the company/cluster


def namespace_labels(name: str) -> dict:
    return {"kubernetes.io/metadata.name": name}


def selects(selector: dict, labels: dict) -> bool:
    assert set(selector) <= {"matchLabels"}, "this evaluator knows matchLabels only"
    return all(labels.get(key) == value for key, value in selector.get("matchLabels", {}).items())


def peer_matches(peer: dict, endpoint: Endpoint, policy_namespace: str) -> bool:
    if "ipBlock" in peer:
        address = ipaddress.ip_address(endpoint.ip)
        block = peer["ipBlock"]
        return address in ipaddress.ip_network(block["cidr"]) and not any(
            address in ipaddress.ip_network(cidr) for cidr in block.get("except", [])
        )
    if endpoint.namespace is None:
        return False  # pod and namespace selectors only ever match pods
    if "namespaceSelector" in peer:
        if not selects(peer["namespaceSelector"], namespace_labels(endpoint.namespace)):
            return False
    elif endpoint.namespace != policy_namespace:
        return False
    return selects(peer.get("podSelector", {}), endpoint.labels)


def port_matches(ports: Optional[list], port: int, protocol: str) -> bool:
    if not ports:
        return True
    return any(p.get("protocol", "TCP") == protocol and p.get("port") in (None, port) for p in ports)


def policy_types(policy: dict) -> list[str]:
    spec = policy["spec"]
    return spec.get("policyTypes") or (["Ingress"] + (["Egress"] if "egress" in spec else []))


def allowed_in_direction(endpoint: Endpoint, peer: Endpoint, port: int, protocol: str, direction: str) -> bool:
    if endpoint.namespace != NAMESPACE:
        return True  # our policies live in our namespace only
    selecting = [
        p for p in POLICIES if selects(p["spec"]["podSelector"], endpoint.labels) and direction in policy_types(p)
    ]
    if not selecting:
        return True  # not isolated in this direction
    key, peers_key = ("ingress", "from") if direction == "Ingress" else ("egress", "to")
    for policy in selecting:
        for rule in policy["spec"].get(key, []):
            peers = rule.get(peers_key)
            if (not peers or any(peer_matches(p, peer, NAMESPACE) for p in peers)) and port_matches(
                rule.get("ports"), port, protocol
            ):
                return True
    return False


def can_connect(source: Endpoint, destination: Endpoint, port: int, protocol: str = "TCP") -> bool:
    return allowed_in_direction(source, destination, port, protocol, "Egress") and allowed_in_direction(
        destination, source, port, protocol, "Ingress"
    )


RASA_PORT = container_port("spoorwijzer-rasa")
ACTIONS_PORT = container_port("spoorwijzer-actions")
ALLOWED = [
    (INGRESS, RASA, RASA_PORT),
    (RASA, ACTIONS, ACTIONS_PORT),
    (RASA, POSTGRES, 5432),
    (RASA, REDIS, 6379),
    (RASA, INTERNET, 443),
]
DENIED = [
    # Rasa: only from the ingress controller, only on its port
    (FAKE_INGRESS, RASA, RASA_PORT),
    (OTHER_POD, RASA, RASA_PORT),
    (ACTIONS, RASA, RASA_PORT),
    (POSTGRES, RASA, RASA_PORT),
    (INGRESS, RASA, 22),
    # the action server: only from Rasa
    (INGRESS, ACTIONS, ACTIONS_PORT),
    (OTHER_POD, ACTIONS, ACTIONS_PORT),
    (FAKE_INGRESS, ACTIONS, ACTIONS_PORT),
    # PostgreSQL and Redis: only from Rasa
    (ACTIONS, POSTGRES, 5432),
    (INGRESS, POSTGRES, 5432),
    (OTHER_POD, POSTGRES, 5432),
    (ACTIONS, REDIS, 6379),
    (INGRESS, REDIS, 6379),
    (OTHER_POD, REDIS, 6379),
    (POSTGRES, REDIS, 6379),
    # Rasa's way out: HTTPS to the internet only
    (RASA, INTERNET, 80),
    (RASA, METADATA, 443),
    (RASA, METADATA, 80),
    (RASA, PRIVATE, 443),
    (RASA, OTHER_POD, 443),
    (RASA, ACTIONS, 22),
    # nothing else goes out
    (ACTIONS, INTERNET, 443),
    (POSTGRES, INTERNET, 443),
    (REDIS, INTERNET, 443),
    (OTHER_POD, INTERNET, 443),
]


@pytest.mark.parametrize("source, destination, port", ALLOWED)
def test_intended_paths_are_open(source, destination, port):
    assert can_connect(source, destination, port)


@pytest.mark.parametrize("source, destination, port", DENIED)
def test_everything_else_is_closed(source, destination, port):
    assert not can_connect(source, destination, port)


@pytest.mark.parametrize("source", [RASA, ACTIONS, POSTGRES, REDIS, OTHER_POD])
def test_every_pod_can_resolve_names(source):
    assert can_connect(source, DNS, 53, "UDP") and can_connect(source, DNS, 53, "TCP")
    assert not can_connect(source, INTERNET, 53, "UDP")  # DNS only from the cluster's resolver


def test_default_deny_covers_every_pod_both_ways():
    default = [
        p
        for p in POLICIES
        if p["spec"]["podSelector"] == {} and not p["spec"].get("ingress") and not p["spec"].get("egress")
    ]
    assert default and set(policy_types(default[0])) == {"Ingress", "Egress"}


def test_the_evaluator_itself_sees_an_open_namespace_without_policies(monkeypatch):
    # Without the policies everything would be open: the closed paths above come from the file.
    monkeypatch.setattr(sys.modules[__name__], "POLICIES", [])
    assert all(can_connect(source, destination, port) for source, destination, port in DENIED)
