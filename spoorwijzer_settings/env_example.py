"""The text of .env.example, made from the declarations (so the list cannot drift from the code)."""

from __future__ import annotations

import textwrap
from typing import Any, List

from pydantic import SecretStr

from spoorwijzer_settings import SECTIONS
from spoorwijzer_settings.shell import shell_value

HEADER = """\
# Spoorwijzer: alle instellingen, met hun standaardwaarde.
#
# Spoorwijzer leest zijn instellingen alleen uit omgevingsvariabelen. Dit bestand noemt ze allemaal,
# per onderdeel: wat het is, de standaard, een voorbeeld en welk proces het leest. Een regel met #
# ervoor staat uit: dan geldt de standaard. Een lege waarde is hetzelfde als niet gezet.
#
# Gebruik: kopieer naar .env (nooit in git: er staan geheimen in), zet wat u nodig hebt, en
#   make run:        set -a; . ./.env; set +a; make run
#   Docker Compose:  docker compose --env-file .env -f deploy/compose.yml up --build
#   Kubernetes:      deploy/kubernetes/config.yaml (gewone waarden) en het Secret (geheimen)
# Met SPOORWIJZER_ENV=production weigert Spoorwijzer de voorbeeldgeheimen hieronder.
# Controleren: python -m spoorwijzer_settings check
#
# Gemaakt met `python -m spoorwijzer_settings env-example > .env.example` uit spoorwijzer_settings/;
# tests/deploy/test_settings.py controleert dat dit bestand, de code en de scripts overeenkomen.
"""


def value_text(value: Any) -> str:
    text = shell_value(value)
    return f'"{text}"' if " " in text else text


def comment(text: str, first: str = "# ", rest: str = "#   ") -> List[str]:
    return textwrap.wrap(text, width=110, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False)


def env_example() -> str:
    lines = [HEADER]
    for section in SECTIONS:
        lines.append(f"# === {section.title} ===")
        if section.about:
            lines.extend(comment(section.about, "# ", "# "))
        for field in section.settings():
            extra = field.field_info.extra
            secret = field.type_ is SecretStr
            default = extra["default_text"] or (
                value_text(field.default) if field.default is not None else "niet gezet"
            )
            facts = [f"standaard: {default}"]
            facts += [f"{where}: {value}" for where, value in extra["script_defaults"].items()]
            if extra["example"]:
                facts.append(f"voorbeeld: {extra['example']}")
            if secret:
                facts.append("geheim")
            facts.append(f"gelezen door: {', '.join(extra['readers'])}")
            lines.append("")
            lines.extend(comment(f"{field.alias}: {field.field_info.description}"))
            lines.extend(comment(" · ".join(facts), "#   ", "#   "))
            literal = "" if extra["default_text"] or field.default is None else value_text(field.default)
            lines.append(f"#{field.alias}={literal}")
        lines.append("")
    return "\n".join(lines) + "\n"
