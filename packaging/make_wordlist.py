#!/usr/bin/env python3
"""Make resources/words/nl.txt, the Dutch words the passphrase strength check knows.

    npm pack @zxcvbn-ts/language-nl-be@3.0.2 && tar xzf zxcvbn-ts-language-nl-be-3.0.2.tgz
    python3 packaging/make_wordlist.py package/src/commonWords.json

zxcvbn (Python) only knows English; "Zomer2026!" passed as strong. The list is generated once
and committed (the installed app cannot fetch it): first the words an attacker of this
municipality tries first (months, days, seasons, the places of Oldambt from the reference data
and the CBS buurt names), then the most frequent Dutch words of zxcvbn-ts's Dutch language
package (MIT, see resources/words/SOURCE.md), in order of frequency: the rank is what zxcvbn
uses to guess how quickly a word is tried.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "words" / "nl.txt"
COMMON = 10_000  # the most frequent words taken from the package
MIN_LENGTH = 3  # shorter ones are guessed as fast by brute force

CALENDAR = """
januari februari maart april mei juni juli augustus september oktober november december
jan feb mrt apr jun jul aug sep sept okt nov dec
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
lente voorjaar zomer herfst najaar winter
kerst kerstmis pasen pinksteren koningsdag sinterklaas oudjaar nieuwjaar carnaval vakantie
zomervakantie wintertijd zomertijd welkom welkom01 wachtwoord geheim gemeente
""".split()  # noqa: SIM905 - easier to read and extend as text


def local_names() -> list[str]:
    """Places of Oldambt: the areas of the reference data and the CBS buurt and wijk names."""
    names: list[str] = []

    def walk(area: dict) -> None:
        names.append(area["name"])
        for child in area.get("children", []):
            walk(child)

    for area in json.loads((ROOT / "resources/reference/areas.json").read_text("utf-8"))["areas"]:
        walk(area)
    for layer in ("buurten", "wijken"):
        data = json.loads((ROOT / f"resources/geo/{layer}.geojson").read_text("utf-8"))
        names.extend(f["properties"]["statnaam"] for f in data["features"])
    words: list[str] = []
    for name in names:
        name = re.sub(r"^Wijk \d+ ", "", name).lower()
        words.append(name)
        words.append(re.sub(r"[^a-z]", "", name))  # "nieuw-beerta" typed as "nieuwbeerta"
        words.extend(part for part in re.split(r"[^a-z]+", name) if part)
    return words


def main(common_json: Path) -> None:
    common = json.loads(common_json.read_text("utf-8"))
    picked = [w for w in common if len(w) >= MIN_LENGTH and w.isalpha()][:COMMON]
    seen: set[str] = set()
    lines: list[str] = []
    for word in [*CALENDAR, "oldambt", "groningen", *local_names(), *picked]:
        if len(word) >= MIN_LENGTH and word not in seen:
            seen.add(word)
            lines.append(word)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(lines)} words")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
