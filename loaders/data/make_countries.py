#!/usr/bin/env python3
"""Generate ``countries.jsonl`` (run once at development time; the runtime never imports babel).

    pip install babel && python3 loaders/data/make_countries.py

Each line: {"code", "name" (English CLDR), "name_fr" (French CLDR), "aliases" (extra EN/FR
forms), "adj_en", "adj_fr" (nationality adjectives, all genders/numbers), "wikidata"}.
Names come from CLDR via babel for every territory that is a state; QIDs and adjectives are
hand-listed below for the ~75 states that AI-governance news mentions most (G20, EU, ...).
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale

# code: (QID, English adjectives, French masculine-singular adjectives, extra aliases)
KNOWN = {
    "US": (
        "Q30",
        ["American", "US", "U.S."],
        ["américain"],
        [
            "United States",
            "the United States",
            "USA",
            "U.S.",
            "US",
            "United States of America",
            "America",
            "États-Unis",
            "Etats-Unis",
        ],
    ),
    "GB": (
        "Q145",
        ["British", "UK", "U.K."],
        ["britannique"],
        ["UK", "U.K.", "Britain", "Great Britain", "Royaume-Uni", "Grande-Bretagne"],
    ),
    "FR": ("Q142", ["French"], ["français"], []),
    "DE": ("Q183", ["German"], ["allemand"], []),
    "IT": ("Q38", ["Italian"], ["italien"], []),
    "ES": ("Q29", ["Spanish"], ["espagnol"], []),
    "NL": ("Q55", ["Dutch"], ["néerlandais"], ["the Netherlands", "Holland", "Pays-Bas"]),
    "BE": ("Q31", ["Belgian"], ["belge"], []),
    "IE": ("Q27", ["Irish"], ["irlandais"], []),
    "PT": ("Q45", ["Portuguese"], ["portugais"], []),
    "AT": ("Q40", ["Austrian"], ["autrichien"], []),
    "SE": ("Q34", ["Swedish"], ["suédois"], []),
    "DK": ("Q35", ["Danish"], ["danois"], []),
    "FI": ("Q33", ["Finnish"], ["finlandais"], []),
    "PL": ("Q36", ["Polish"], ["polonais"], []),
    "GR": ("Q41", ["Greek"], ["grec"], []),
    "LU": ("Q32", ["Luxembourgish"], ["luxembourgeois"], []),
    "CZ": ("Q213", ["Czech"], ["tchèque"], ["Czech Republic", "République tchèque"]),
    "SK": ("Q214", ["Slovak"], ["slovaque"], []),
    "HU": ("Q28", ["Hungarian"], ["hongrois"], []),
    "RO": ("Q218", ["Romanian"], ["roumain"], []),
    "BG": ("Q219", ["Bulgarian"], ["bulgare"], []),
    "HR": ("Q224", ["Croatian"], ["croate"], []),
    "SI": ("Q215", ["Slovenian"], ["slovène"], []),
    "EE": ("Q191", ["Estonian"], ["estonien"], []),
    "LV": ("Q211", ["Latvian"], ["letton"], []),
    "LT": ("Q37", ["Lithuanian"], ["lituanien"], []),
    "CY": ("Q229", ["Cypriot"], ["chypriote"], []),
    "MT": ("Q233", ["Maltese"], ["maltais"], []),
    "CA": ("Q16", ["Canadian"], ["canadien"], []),
    "MX": ("Q96", ["Mexican"], ["mexicain"], []),
    "BR": ("Q155", ["Brazilian"], ["brésilien"], []),
    "AR": ("Q414", ["Argentine", "Argentinian"], ["argentin"], []),
    "CL": ("Q298", ["Chilean"], ["chilien"], []),
    "CO": ("Q739", ["Colombian"], ["colombien"], []),
    "CN": ("Q148", ["Chinese"], ["chinois"], ["Beijing", "Pékin", "People's Republic of China", "Chine"]),
    "JP": ("Q17", ["Japanese"], ["japonais"], []),
    "KR": (
        "Q884",
        ["South Korean", "Korean"],
        ["sud-coréen", "coréen"],
        ["South Korea", "Korea", "Republic of Korea", "Corée du Sud"],
    ),
    "KP": ("Q423", ["North Korean"], ["nord-coréen"], ["North Korea", "Corée du Nord", "Pyongyang"]),
    "IN": ("Q668", ["Indian"], ["indien"], []),
    "ID": ("Q252", ["Indonesian"], ["indonésien"], []),
    "MY": ("Q833", ["Malaysian"], ["malaisien"], []),
    "SG": ("Q334", ["Singaporean"], ["singapourien"], []),
    "TH": ("Q869", ["Thai"], ["thaïlandais"], []),
    "VN": ("Q881", ["Vietnamese"], ["vietnamien"], ["Vietnam", "Viêt Nam", "Vietnam"]),
    "PH": ("Q928", ["Filipino", "Philippine"], ["philippin"], ["the Philippines"]),
    "PK": ("Q843", ["Pakistani"], ["pakistanais"], []),
    "BD": ("Q902", ["Bangladeshi"], ["bangladais"], []),
    "AU": ("Q408", ["Australian"], ["australien"], []),
    "NZ": ("Q664", ["New Zealand"], ["néo-zélandais"], []),
    "RU": ("Q159", ["Russian"], ["russe"], ["Russia", "Moscow", "Moscou"]),
    "UA": ("Q212", ["Ukrainian"], ["ukrainien"], ["Kyiv", "Kiev"]),
    "TR": ("Q43", ["Turkish"], ["turc"], ["Turkey", "Türkiye", "Turquie"]),
    "SA": ("Q851", ["Saudi", "Saudi Arabian"], ["saoudien"], []),
    "AE": ("Q878", ["Emirati"], ["émirien"], ["UAE", "United Arab Emirates", "Émirats arabes unis", "EAU"]),
    "IL": ("Q801", ["Israeli"], ["israélien"], []),
    "IR": ("Q794", ["Iranian"], ["iranien"], ["Iran", "Tehran", "Téhéran"]),
    "EG": ("Q79", ["Egyptian"], ["égyptien"], []),
    "ZA": ("Q258", ["South African"], ["sud-africain"], []),
    "NG": ("Q1033", ["Nigerian"], ["nigérian"], []),
    "KE": ("Q114", ["Kenyan"], ["kényan"], []),
    "MA": ("Q1028", ["Moroccan"], ["marocain"], []),
    "CH": ("Q39", ["Swiss"], ["suisse"], []),
    "NO": ("Q20", ["Norwegian"], ["norvégien"], []),
    "IS": ("Q189", ["Icelandic"], ["islandais"], []),
    "TW": ("Q865", ["Taiwanese"], ["taïwanais"], ["Taipei", "Taïwan"]),
    "HK": ("Q8646", [], ["hongkongais"], ["Hong Kong"]),
}

# Territories that are not states (continents, regions, unknown...) are skipped.
SKIP_NON_STATES = {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB", "XK"}


def fr_forms(adj: str) -> list[str]:
    """Masculine/feminine, singular/plural forms of a French nationality adjective."""
    if adj.endswith("e"):
        fem = adj
    elif adj.endswith("en") or adj.endswith("on"):
        fem = adj + "ne"
    elif adj == "grec":
        fem = "grecque"
    elif adj == "turc":
        fem = "turque"
    else:
        fem = adj + "e"

    def plural(w: str) -> str:
        return w if w.endswith(("s", "x")) else w + "s"

    return sorted({adj, fem, plural(adj), plural(fem)})


def main() -> None:
    en, fr = Locale("en"), Locale("fr")
    out = []
    for code, name in sorted(en.territories.items()):
        if not (len(code) == 2 and code.isalpha()) or code in SKIP_NON_STATES:
            continue
        qid, adj_en, adj_fr, extra = KNOWN.get(code, (None, [], [], []))
        name_fr = fr.territories.get(code, name)
        aliases = sorted({a for a in [name, name_fr, *extra] if a})
        out.append(
            {
                "code": code,
                "name": name,
                "name_fr": name_fr,
                "aliases": aliases,
                "adj_en": adj_en,
                "adj_fr": sorted({f for a in adj_fr for f in fr_forms(a)}),
                "wikidata": qid,
            }
        )
    path = Path(__file__).with_name("countries.jsonl")
    with path.open("w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} countries to {path}")


if __name__ == "__main__":
    main()
