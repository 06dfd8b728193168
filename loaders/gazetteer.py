"""The actor dictionary: countries, governments, regulators, companies, products, people, laws.

Data lives in versioned files beside this module (``data/countries.jsonl`` generated once from
CLDR by ``data/make_countries.py``; ``data/actors.jsonl`` hand-curated, with FR and EN aliases
and Wikidata QIDs where known). Loading needs no third-party package.

:meth:`Gazetteer.find` returns the actor mentions in a text: dictionary aliases (longest match
first, case-sensitive so that "X" the platform is not the letter x in a word), plus mentions
recognised by pattern: "the Dutch data protection watchdog" / "l'autorité italienne de
protection des données" (the country's data-protection authority), "the Italian government",
"le Parlement italien", titled people ("Judge Anne Conway", "le juge William Alsup") and groups
named by description ("trois sénateurs démocrates américains", "44 US attorneys general",
"a coalition of women's groups").

>>> g = default_gazetteer()
>>> [(m.surface, m.actor.name) for m in g.find("La Malaisie et l'Indonésie ont bloqué Grok.")]
[('Malaisie', 'Malaysia'), ('Indonésie', 'Indonesia'), ('Grok', 'Grok')]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.model import EntityType, entity_id, fold
from loaders.spans import SpanSet

__all__ = ["Actor", "Mention", "Gazetteer", "default_gazetteer", "DATA_DIR"]

DATA_DIR = Path(__file__).with_name("data")

#: US states named as governments (QIDs only where certain).
US_STATES = {
    "Colorado": "Q1261",
    "Texas": "Q1439",
    "California": "Q99",
    "New York State": "Q1384",
    "Florida": "Q812",
    "Utah": "Q829",
    "Illinois": "Q1204",
    "Virginia": None,
    "Tennessee": None,
    "Connecticut": None,
    "Minnesota": None,
    "Oregon": None,
    "Maryland": None,
    "Montana": None,
    "Massachusetts": None,
    "Michigan": None,
    "Arizona": None,
    "Pennsylvania": None,
    "New Jersey": None,
    "Ohio": None,
    "Louisiana": None,
    "Kentucky": None,
    "Nevada": None,
    "Arkansas": None,
    "Vermont": None,
    "Delaware": None,
    "Hawaii": None,
    "Alabama": None,
    "Missouri": None,
    "Oklahoma": None,
    "Iowa": None,
    "Indiana": None,
    "Wisconsin": None,
    "North Carolina": None,
    "South Carolina": None,
    "Kansas": None,
    "Nebraska": None,
    "Idaho": None,
    "Alaska": None,
    "Maine": None,
    "New Mexico": None,
    "Mississippi": None,
}
#: Canadian provinces and territories and Australian states, named as governments ("Government of
#: Manitoba"), only by words that say so ("the Manitoba government", "le gouvernement du Manitoba"):
#: the bare name is as often a place or part of another body's name ("the commissioners of B.C.,
#: Alberta and Quebec", "British Columbia Court of Appeal"). (country, French name with its
#: preposition, French adjective or None)
SUBNATIONAL = {
    "British Columbia": ("CA", "de la Colombie-Britannique", "britanno-colombien"),
    "Alberta": ("CA", "de l'Alberta", "albertain"),
    "Saskatchewan": ("CA", "de la Saskatchewan", "saskatchewanais"),
    "Manitoba": ("CA", "du Manitoba", "manitobain"),
    "Ontario": ("CA", "de l'Ontario", "ontarien"),
    "New Brunswick": ("CA", "du Nouveau-Brunswick", "néo-brunswickois"),
    "Nova Scotia": ("CA", "de la Nouvelle-Écosse", "néo-écossais"),
    "Prince Edward Island": ("CA", "de l'Île-du-Prince-Édouard", None),
    "Newfoundland and Labrador": ("CA", "de Terre-Neuve-et-Labrador", None),
    "Yukon": ("CA", "du Yukon", "yukonnais"),
    "Northwest Territories": ("CA", "des Territoires du Nord-Ouest", None),
    "Nunavut": ("CA", "du Nunavut", None),
    "New South Wales": ("AU", "de la Nouvelle-Galles du Sud", None),
    "Victoria": ("AU", "de l'État de Victoria", None),
    "Queensland": ("AU", "du Queensland", None),
    "Western Australia": ("AU", "de l'Australie-Occidentale", None),
    "South Australia": ("AU", "de l'Australie-Méridionale", None),
    "Tasmania": ("AU", "de la Tasmanie", None),
}
#: what a state's legislature is called when it is not "<State> Legislature"
_STATE_LEGISLATURE = {
    st: "General Assembly"
    for st in (
        "Arkansas",
        "Colorado",
        "Connecticut",
        "Delaware",
        "Georgia",
        "Illinois",
        "Indiana",
        "Iowa",
        "Kentucky",
        "Maryland",
        "Missouri",
        "New Jersey",
        "North Carolina",
        "Ohio",
        "Pennsylvania",
        "Rhode Island",
        "South Carolina",
        "Tennessee",
        "Vermont",
        "Virginia",
    )
}
_STATE_LEGISLATURE.update(
    {
        "Massachusetts": "General Court",
        "New Hampshire": "General Court",
        "Oregon": "Legislative Assembly",
        "North Dakota": "Legislative Assembly",
    }
)
_STATE_FR = {
    "California": "Californie",
    "Texas": "Texas",
    "Florida": "Floride",
    "New York State": "État de New York",
    "Virginia": "Virginie",
    "Pennsylvania": "Pennsylvanie",
    "Louisiana": "Louisiane",
    "North Carolina": "Caroline du Nord",
    "South Carolina": "Caroline du Sud",
}

_NUM_EN = {
    "two": "Two",
    "three": "Three",
    "four": "Four",
    "five": "Five",
    "six": "Six",
    "seven": "Seven",
    "eight": "Eight",
    "nine": "Nine",
    "ten": "Ten",
    "several": "Several",
    "dozens of": "Dozens of",
    "a dozen": "A dozen",
    "some": "Some",
    "a group of": "A group of",
    "a bipartisan group of": "A bipartisan group of",
    "a coalition of": "A coalition of",
}
_NUM_FR = {
    "deux": "Two",
    "trois": "Three",
    "quatre": "Four",
    "cinq": "Five",
    "six": "Six",
    "sept": "Seven",
    "huit": "Eight",
    "neuf": "Nine",
    "dix": "Ten",
    "plusieurs": "Several",
    "des": "",
    "une dizaine de": "About ten",
    "un groupe de": "A group of",
    "un groupe bipartisan de": "A bipartisan group of",
}
# French group nouns -> English; value type: Government for office holders, else Organization.
_GROUP_FR = {
    "sénateurs": ("senators", "Government"),
    "sénatrices": ("senators", "Government"),
    "législateurs": ("lawmakers", "Government"),
    "parlementaires": ("lawmakers", "Government"),
    "élus": ("elected officials", "Government"),
    "eurodéputés": ("MEPs", "Government"),
    "députés": ("MPs", "Government"),
    "procureurs généraux": ("attorneys general", "Government"),
    "procureurs": ("prosecutors", "Government"),
    "gouverneurs": ("governors", "Government"),
    "écrivains": ("writers", "Organization"),
    "auteurs": ("authors", "Organization"),
    "artistes": ("artists", "Organization"),
    "éditeurs": ("publishers", "Organization"),
    "familles": ("families", "Organization"),
    "parents": ("parents", "Organization"),
    "associations": ("associations", "Organization"),
    "ONG": ("NGOs", "Organization"),
    "musiciens": ("musicians", "Organization"),
    "médias": ("media outlets", "Organization"),
}
_GROUP_EN = {
    "senators": "Government",
    "lawmakers": "Government",
    "legislators": "Government",
    "attorneys general": "Government",
    "state attorneys general": "Government",
    "governors": "Government",
    "MEPs": "Government",
    "members of Congress": "Government",
    "prosecutors": "Government",
    "writers": "Organization",
    "authors": "Organization",
    "artists": "Organization",
    "publishers": "Organization",
    "families": "Organization",
    "parents": "Organization",
    "news organizations": "Organization",
    "newspapers": "Organization",
    "advocacy groups": "Organization",
    "rights groups": "Organization",
    "consumer groups": "Organization",
    "civil society groups": "Organization",
    "musicians": "Organization",
}
_PARTY_FR = {
    "démocrates": "Democratic",
    "républicains": "Republican",
    "républicaines": "Republican",
    "démocrate": "Democratic",
    "républicain": "Republican",
    "bipartisans": "bipartisan",
}


@dataclass(frozen=True)
class Actor:
    """A dictionary entry (or an actor built from a description)."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    role: str | None = None
    owner: str | None = None  # for a product: the name of the company that makes it

    @classmethod
    def make(
        cls,
        name: str,
        type: str,
        wikidata: str | None = None,
        aliases=(),
        country: str | None = None,
        role: str | None = None,
        owner: str | None = None,
    ) -> "Actor":
        t = EntityType.parse(type)
        return cls(entity_id(name, t, wikidata), name, t, tuple(aliases), wikidata, country, role, owner)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    actor: Actor
    how: str = "dict"  # dict | pattern | group | coref


_DET = re.compile(r"^(?:(?:the|The|le|Le|la|La|les|Les)\s+|[lL]['’]\s*)")


def _variants(alias: str) -> set[str]:
    out = {alias}
    if alias[:1].islower():
        out.add(alias[0].upper() + alias[1:])
    elif " " in alias and alias.split()[0].lower() in {
        "the",
        "le",
        "la",
        "les",
        "l'",
        "règlement",
        "loi",
        "commission",
        "code",
        "agence",
        "banque",
    }:
        out.add(alias[0].lower() + alias[1:])
    elif alias.isalpha() and alias.isupper() and len(alias) >= 4:
        out.add(alias.capitalize())  # "la Cnil", "l'Arcom": French papers write acronyms as words
    more = set()
    for v in out:
        if "'" in v:
            more.add(v.replace("'", "’"))
        if "’" in v:
            more.add(v.replace("’", "'"))
    return out | more


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


def _trie(words) -> str:
    """A regex that matches exactly like ``(?:`` + ``_alt(words)`` + ``)``, but as a prefix tree.

    ``_alt`` lists every word, longest first: at each position of the text the regex engine
    tries the words one by one (about a thousand aliases: most of the gazetteer's time). The
    tree shares prefixes ("Meta", "Meta AI" -> ``Meta(?: AI)?``), so a position is rejected
    after one character test per distinct first character.

    Same matches, same order: at a given position the words that match the text are prefixes
    of one another (two different words of equal length cannot both match), and the tree tries
    the longer continuation first (a greedy optional group), backtracking to the shorter word
    when what follows the group fails -- which is the order of the longest-first alternation.
    Children are sorted (deterministic pattern); edges are compressed (``Meta(?: AI)?``, not
    one group per character).
    """
    root: dict = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a word

    def emit(node: dict) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            edge, sub = re.escape(ch), node[ch]
            while len(sub) == 1 and "" not in sub:  # compress a chain of single children
                ((c, sub),) = sub.items()
                edge += re.escape(c)
            alts.append(edge + emit(sub))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


class Gazetteer:
    """Alias and pattern matching over the actor dictionary."""

    def __init__(self, actors: list[Actor], countries: list[dict]):
        self.actors: dict[str, Actor] = {}
        self._alias: dict[str, str] = {}
        self.country: dict[str, Actor] = {}  # ISO code -> country actor
        self.dpa: dict[str, Actor] = {}  # ISO code -> data-protection authority
        # (ISO code, role) -> the country's bodies of that kind ("KR", "competition")
        self.by_role: dict[tuple[str, str], list[Actor]] = {}
        self._adj: dict[str, str] = {}  # adjective (EN/FR) -> ISO code
        self._cname: dict[str, str] = {}  # country name (EN/FR) -> ISO code
        for row in countries:
            code = row["code"]
            act = Actor.make(row["name"], "Country", row.get("wikidata"), row["aliases"], code)
            self.country[code] = act
            self._add(act)
            for adj in row.get("adj_en", []) + row.get("adj_fr", []):
                self._adj.setdefault(adj, code)
            for al in row["aliases"]:
                self._cname.setdefault(al, code)
        self._cname_f = {fold(k): v for k, v in self._cname.items()}
        self._adj_fr_of = {
            r["code"]: [a for a in r.get("adj_fr", []) if not a.endswith(("s", "x"))] for r in countries
        }
        self.country_adj_en = {c: r["adj_en"][0] for r in countries if r.get("adj_en") for c in [r["code"]]}
        for name, qid in US_STATES.items():
            short = name.replace(" State", "")
            aliases = {short, _STATE_FR.get(name, short)}
            self._add(Actor.make(name if qid else short, "Government", qid, sorted(aliases), "US", "us_state"))
        for name, (country, fr, adj) in SUBNATIONAL.items():
            abbr = {"New South Wales": "NSW"}.get(name)
            forms = [
                f"Government of {name}",
                f"{name} government",
                f"{name}'s government",
                f"{name} Government",
                f"{name} provincial government",
                f"{name} state government",
                f"gouvernement {fr}",
            ]
            if abbr:
                forms += [f"{abbr} government", f"{abbr} Government"]
            if adj:
                forms += [f"gouvernement {adj}"]
            if name == "Victoria":
                forms += ["Victorian government", "Victorian Government"]
            self._add(
                Actor.make(f"Government of {name}", "Government", None, sorted(set(forms)), country, "subnational")
            )
        for act in actors:
            self._add(act)
            if act.role == "dpa" and act.country:
                self.dpa.setdefault(act.country, act)
        for name in US_STATES:
            # every state's legislature by its own name ("Virginia General Assembly"), unless the
            # dictionary has it already
            short = name.replace(" State", "")
            if self.lookup(f"{short} legislature") is not None:
                continue
            official = f"{short} {_STATE_LEGISLATURE.get(short, 'Legislature')}"
            fr = _STATE_FR.get(name, short)
            prep = (
                "de l’"
                if fr[:1] in "AEIOUÉ"
                else (
                    "du "
                    if fr in ("Texas", "Vermont", "Kentucky", "Nebraska", "Kansas", "Maine", "Nevada")
                    else "de "
                )
            )
            self._add(
                Actor.make(
                    official,
                    "Legislature",
                    None,
                    (
                        official,
                        f"{short} legislature",
                        f"{short} Legislature",
                        f"{short} lawmakers",
                        f"{short} legislators",
                        f"{short} state legislature",
                        f"législature {prep}{fr}",
                    ),
                    "US",
                    "us_legislature",
                )
            )
        for act in self.actors.values():
            if act.country and act.role:
                self.by_role.setdefault((act.country, act.role), []).append(act)
        self._build()

    # -- construction -----------------------------------------------------------------------
    def _add(self, act: Actor) -> None:
        self.actors.setdefault(act.id, act)
        for alias in (act.name, *act.aliases):
            # "the Commission", "la CNIL": the determiner is not part of the name (and would
            # hide a longer alias starting one word later: "la Commission irlandaise ...")
            bare = _DET.sub("", alias)
            if bare != alias and (" " in bare or bare[:1].isupper()):
                alias = bare
            for v in _variants(alias):
                self._alias.setdefault(v, act.id)
            for v in self._national_variants(act, alias):
                self._alias.setdefault(v, act.id)

    def _national_variants(self, act: Actor, alias: str) -> list[str]:
        """French names with the country's adjective after their head noun, as the press
        writes them: "Autorité de la concurrence" -> "Autorité française de la concurrence"."""
        if act.type not in _NATIONAL_TYPES or not act.country:
            return []
        m = re.fullmatch(r"([A-ZÉ][\w’'-]+)\s+((?:de|des|du|d['’]|pour|chargée?)\b.*)", alias)
        if not m:
            return []
        return [f"{m.group(1)} {adj} {m.group(2)}" for adj in self._adj_fr_of.get(act.country, ())]

    def _build(self) -> None:
        # the same matches as the longest-first alternation of the aliases (see _trie)
        self._alias_rx = re.compile(r"(?<![\w@#.-])(?:" + _trie(self._alias) + r")(?![\w]|-\w|\.\w)")
        # generic word slots, validated against the dictionaries in _from_pattern (a literal
        # alternation of every adjective would be tried at every position: far too slow)
        adj = r"(?:[A-Z][a-z]+\s+)?[A-Za-zÀ-ÿ.’'-]+?"
        # (words of one line; capitals stay capitals in the patterns compiled with re.I)
        cname = r"(?-i:(?:[A-Z][\w.-]*[ \t]+){0,2}[A-Z][\w.-]*)"
        adj_alt = _alt(self._adj)
        self._adj_rx = adj
        dpa_noun_en = (
            r"(?:data(?:\s+protection)?|privacy|data\s+privacy|personal\s+data)\s+"
            r"(?:watchdog|authority|agency|regulator|commission|commissioner)"
        )
        dpa_fr = (
            r"(?:autorit[ée]s?|r[ée]gulateurs?|gendarme|commission|agence)\s+(?P<adj>"
            + adj
            + r")\s+(?:de\s+(?:la\s+)?protection\s+des\s+(?:donn[ée]es|informations)(?:\s+personnelles)?|"
            r"de\s+(?:la\s+)?protection\s+de\s+la\s+vie\s+priv[ée]e|des\s+donn[ée]es(?:\s+personnelles)?)"
        )
        reg_fr = (
            r"(?:le\s+|la\s+|l['’])?(?:r[ée]gulateur|autorit[ée]|gendarme)\s+(?P<adj>" + adj + r")(?![\w-])"
            # ("l'autorité chinoise de régulation des marchés", "... de la concurrence": a
            # complement names another body; the data-protection one is matched above)
            r"(?!\s+(?:de|des|du|d['’]|pour|en\s+charge|chargée?)(?![\w-]))"
        )
        self._patterns: list[tuple[str, re.Pattern]] = [
            ("dpa", re.compile(r"(?:(?:[Tt]he\s+)?(?P<adj>" + adj + r")\s+" + dpa_noun_en + r")")),
            ("dpa", re.compile(r"(?:(?:[Tt]he\s+)?(?P<cname>" + cname + r")['’]s?\s+" + dpa_noun_en + r")", re.I)),
            ("dpa", re.compile(r"(?:[Ll]['’]|[Ll]e\s+|[Ll]a\s+)?" + dpa_fr, re.I)),
            ("dpa", re.compile(reg_fr)),
            # "Turkish authorities", "les autorités italiennes", "prosecutors in Turkey": the country
            (
                "nat_body",
                re.compile(
                    r"(?:[Tt]he\s+)?(?P<adj>" + adj + r")\s+(?:authorities|officials|prosecutors|"
                    r"police|"
                    r"regulators|watchdogs|customs(?:\s+authorities)?)\b"
                ),
            ),
            (
                "nat_body",
                re.compile(
                    r"\b(?:[Aa]uthorities|[Pp]rosecutors|"
                    r"[Oo]fficials)\s+in\s+(?P<cname>" + cname + r")"
                ),
            ),
            (
                "nat_body",
                re.compile(
                    r"(?:[Ll]es\s+)?(?:autorités|procureurs|"
                    r"régulateurs)\s+(?P<adj>[a-zà-ÿ]+)(?![\w-])"
                ),
            ),
            ("nat_body", re.compile(r"(?:[Ll]a\s+)?police\s+(?P<adj>[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?)(?![\w-])")),
            # "South Korean lawmakers", "les députés japonais": the country's parliament
            (
                "nat_leg",
                re.compile(
                    r"(?:[Tt]he\s+)?(?P<adj>" + adj + r")\s+(?:lawmakers|legislators|MPs|"
                    r"parliamentarians)\b"
                ),
            ),
            (
                "nat_leg",
                re.compile(
                    r"(?:[Ll]es\s+)?(?:députés|parlementaires|élus|"
                    r"législateurs)\s+(?P<adj>[a-zà-ÿ]+)(?![\w-])"
                ),
            ),
            ("gov", re.compile(r"(?:[Tt]he\s+)?(?P<adj>" + adj + r")\s+[Gg]overnment\b")),
            ("gov", re.compile(r"(?:[Tt]he\s+)?(?P<cname>" + cname + r")['’]s\s+government\b")),
            ("gov", re.compile(r"(?:[Ll]e\s+)?gouvernement\s+(?P<adj>" + adj + r")(?![\w-])")),
            (
                "gov",
                re.compile(
                    r"(?:[Ll]e\s+)?gouvernement\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|"
                    r"d['’])(?P<cname>" + cname + r")"
                ),
            ),
            # a capital as the subject of a verb stands for its government ("Beijing has warned",
            # "Londres a expliqué"); elsewhere ("in London", "a Paris court") it is a place
            (
                "capital",
                re.compile(
                    r"(?:(?<=^)|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?»”\"]\s)|"
                    r"(?<=,\s))(?P<cap>"
                    + _alt(_CAPITALS)
                    + r")(?=\s+(?:has|have|had|will|would|is|was|said|says|announced|warned|accused|"
                    r"banned|blocked|ordered|plans|wants|insists|insisted|responded|rejected|"
                    r"denied|"
                    r"a|avait|va|doit|veut|entend|ne|n['’]|refuse|accuse|dénonce|annonce|estime|"
                    r"affirme|juge|interdit|bloque|exige|réclame)\b)"
                ),
            ),
            ("parl", re.compile(r"(?:[Tt]he\s+)?(?P<adj>" + adj + r")\s+[Pp]arliament\b")),
            ("parl", re.compile(r"(?:[Ll]e\s+)?[Pp]arlement\s+(?P<adj>" + adj + r")(?![\w-])")),
            (
                "person",
                re.compile(
                    r"(?:\b(?:(?:U\.S\.\s+|US\s+|[Ff]ederal\s+)?(?:District\s+|Circuit\s+)?Judge|Justice|Senator|"
                    r"Sen\.|Rep\.|Representative|"
                    r"Governor|Gov\.|(?:[A-Z][a-z]+\s+)?Minister|Premier|President|Chancellor|CEO|Attorney\s+General|"
                    r"Commissioner|"
                    r"[Ll]e\s+juge|[Ll]a\s+juge|[Ll]e\s+ministre|[Ll]a\s+ministre|[Ll]e\s+pr[ée]sident|"
                    r"[Ll]a\s+pr[ée]sidente|"
                    r"[Ll]e\s+[Pp]remier\s+ministre|[Ll]a\s+[Pp]remi[èe]re\s+ministre|[Ll]e\s+sénateur|"
                    r"[Ll]a\s+sénatrice|"
                    r"[Ll]['’]avocat|[Ll]['’]avocate|Attorney|Mme|M\.|Chair|Chairman|Chairwoman|Chairperson|chair|"
                    r"Secretary|Director|Mayor|Prosecutor|Baroness|Lord|Lady|Professor|Prof\.|Dr\.?|"
                    r"[Ll]e\s+commissaire|[Ll]a\s+commissaire|[Ll]e\s+député|[Ll]a\s+députée|[Ll]e\s+procureur|"
                    r"[Ll]a\s+procureure|[Ll]e\s+maire|[Ll]a\s+maire|[Ll]e\s+secrétaire\s+d['’]État|"
                    r"[Ll]a\s+secrétaire\s+d['’]État)\s+)"
                    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:van\s+|von\s+(?:der\s+)?|"
                    r"de\s+)?[A-Z][\w'’-]+){1,2})"
                ),
            ),
            (
                "indef_person",
                re.compile(
                    r"\b(?:[Aa]n?|[Uu]ne?)\s+(?P<body>(?:(?:federal|U\.S\.|US|district|state|"
                    r"" + adj_alt + r"|[A-Z][a-z]+)\s+)?"
                    r"(?:judge|mother|father|parent|teenager|widow|juge|m[èe]re|p[èe]re|veuve)"
                    r"(?:\s+(?:f[ée]d[ée]ral|" + adj_alt + r"|californien|new-yorkais))?)\b"
                ),
            ),
            (
                "law_desc",
                re.compile(
                    r"\b(?:(?:sweeping|comprehensive|landmark|new|related|first|"
                    r"state)\s+)*(?:(?:artificial\s+intelligence|AI)\s+)?(?:legislation|law|"
                    r"bill)\b(?=[^.]{0,40}\b(?:AI|artificial intelligence)\b)|"
                    r"\b(?:(?:sweeping|comprehensive|landmark|new|related)\s+)+(?:(?:artificial\s+intelligence|"
                    r"AI)\s+)?(?:legislation|law|bill)\b|"
                    r"\b(?:artificial\s+intelligence|AI)\s+(?:legislation|law|bill)\b|"
                    r"\b(?:une|la|nouvelle)\s+(?:l[ée]gislation|loi)\s+(?:compl[èe]te\s+|"
                    r"nationale\s+)?sur\s+l['’](?:IA|intelligence\s+artificielle)\b|"
                    r"\bstate\s+laws?\s+aimed\s+at\s+governing\s+artificial\s+intelligence\b"
                ),
            ),
            (
                "group",
                re.compile(
                    r"(?P<head>(?:\b(?:[Aa]n?|[Tt]he)\s+|^|(?<=\n))(?:bipartisan\s+|broad\s+|national\s+)?(?:[Gg]roup|"
                    r"[Cc]oalition|[Aa]lliance)\s+of\s+|"
                    r"\b(?:[Uu]ne?|[Ll]a|[Ll]e)\s+(?:coalition|groupe|collectif|"
                    r"alliance)\s+(?:bipartisan\s+)?d(?:e\s+|['’]))"
                    r"(?P<body>[^.;:()]{3,140}?)(?=\s+(?:has|have|had|is|are|was|were|wrote|sent|urged|called|asked|"
                    r"said|say|says|filed|sued|demanded|spoke|warned|argued|signed|launched|issued|urge|urges|accuses|"
                    r"accused|"
                    r"accuse|accusent|poursuit|poursuivent|dénonce|dénoncent|lance|lancent|dépose|déposent|"
                    r"a|ont|avait|avaient|est|sont|demande|demandent|appelle|appellent|réclame|réclament)\b|"
                    r",\s+(?:which|who|qui|including)\b|$)"
                ),
            ),
            (
                "group",
                re.compile(
                    r"(?P<num>\b(?:\d{1,3}|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|"
                    r"[Ss]everal|[Dd]ozens\s+of))\s+"
                    r"(?P<mods>(?:(?:bipartisan|Democratic|Republican|US|U\.S\.|state|" + adj_alt + r")\s+)*)"
                    r"(?P<noun>" + _alt(_GROUP_EN) + r")\b"
                ),
            ),
            (
                "group_fr",
                re.compile(
                    r"(?P<num>\b(?:\d{1,3}|[Dd]eux|[Tt]rois|[Qq]uatre|[Cc]inq|[Ss]ix|[Ss]ept|[Hh]uit|[Nn]euf|[Dd]ix|"
                    r"[Pp]lusieurs|[Dd]es))\s+"
                    r"(?P<noun>" + _alt(_GROUP_FR) + r")"
                    r"(?P<mods>(?:\s+(?:" + _alt(_PARTY_FR) + "|" + adj_alt + r"))*)(?![\w-])"
                    r"(?P<rel>\s+dont\s+[^,.;]{3,60})?"
                ),
            ),
        ]

    # -- lookup -----------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def lookup(self, surface: str) -> Actor | None:
        """The actor whose alias is exactly ``surface`` (case variants allowed)."""
        aid = self._alias.get(surface) or self._alias.get(surface.replace("’", "'"))
        return self.actors.get(aid) if aid else None

    def owner_of(self, act: Actor) -> Actor | None:
        """The company that makes a product ("Replika" -> Luka Inc.), when the dictionary knows it.

        >>> g = default_gazetteer()
        >>> g.owner_of(g.lookup("ChatGPT")).name
        'OpenAI'
        """
        if act is None or not act.owner:
            return None
        own = self.lookup(act.owner)
        return own if own is not None and own.type is EntityType.COMPANY else None

    def country_named(self, name: str) -> str | None:
        """The code of the country ``name`` names exactly ("Bangladesh", "Corée du Sud"), or of the
        country whose adjective it is ("Korean"); unlike :meth:`code_of`, never a suffix of it.

        >>> default_gazetteer().country_named("Bangladesh"), default_gazetteer().country_named("Fair")
        ('BD', None)
        """
        return self._cname_f.get(fold(name)) or self.code_of(adj=name)

    def code_of(self, adj: str | None = None, cname: str | None = None) -> str | None:
        if adj:
            for cand in (adj, adj.split()[-1]):
                c = self._adj.get(cand) or self._adj.get(cand.lower())
                if c:
                    return c
            return None
        if cname:
            words = cname.split()
            for i in range(len(words)):
                c = self._cname_f.get(fold(" ".join(words[i:])))
                if c:
                    return c
        return None

    def find(self, text: str) -> list[Mention]:
        """Actor mentions in ``text``, non-overlapping, in order; patterns beat shorter aliases.

        Patterns are only run in windows around a cheap anchor word (their head noun), which
        keeps long alternations (every country adjective) off most of the text.
        """
        found: list[Mention] = []
        low = text.lower()
        if len(low) != len(text):  # (a few characters change length when lower-cased)
            low = text
        anchors = {kind: [a.span() for a in rx.finditer(low)] for kind, rx in _ANCHORS_LOW.items()}
        for kind, rx in self._patterns:
            seen: set[tuple[int, int]] = set()
            for a0, a1 in anchors[kind]:
                # candidate starts: the anchor word and the few words before it
                lo = max(0, a0 - 50)
                starts = [w.start() for w in _WORD_START.finditer(text, lo, a0)] + [a0]
                for st in starts:  # the earliest valid start covering the anchor is the longest
                    m = rx.match(text, st)
                    if not m or m.end() < a1:
                        continue
                    if m.span() in seen:
                        break
                    men = self._from_pattern(kind, m, text)
                    if men:
                        seen.add(m.span())
                        found.append(men)
                        break
        for m in self._alias_rx.finditer(text):
            act = self.actors[self._alias[m.group(0)]]
            found.append(Mention(m.start(), m.end(), m.group(0), act))
        # longest first, then earliest; drop overlaps
        found.sort(key=lambda x: (-(x.end - x.start), x.start))
        kept: list[Mention] = []
        taken = SpanSet()
        for men in found:
            if taken.free(men.start, men.end):
                kept.append(men)
                taken.add(men.start, men.end)
        kept.sort(key=lambda x: x.start)
        return [self._trailing_nationality(m, text) for m in kept]

    _ADJ_AFTER = re.compile(r"\s+([a-zà-ÿ]+(?:-[a-zà-ÿ]+)?)\b")

    def _trailing_nationality(self, m: Mention, text: str) -> Mention:
        """A data-protection authority's generic French name with another country's adjective
        after it is that country's ("l'Autorité nationale de protection des données italienne")."""
        if m.actor.role != "dpa" or m.how != "dict":
            return m
        am = self._ADJ_AFTER.match(text, m.end)
        code = self._adj.get(am.group(1)) if am else None
        if am is None or code is None or code == m.actor.country or code not in self.country:
            return m
        act = self.dpa.get(code) or Actor.make(
            f"Data protection authority of {self.country[code].name}",
            "Regulator",
            None,
            (text[m.start : am.end()],),
            code,
            "dpa",
        )
        return Mention(m.start, am.end(), text[m.start : am.end()], act, "pattern")

    def _from_pattern(self, kind: str, m: re.Match, text: str) -> Mention | None:
        g = m.groupdict()
        code = None
        if "adj" in g and g.get("adj"):
            code = self.code_of(adj=g["adj"])
        elif g.get("cname"):
            code = self.code_of(cname=g["cname"])
        s, e = m.span()
        surface = text[s:e]
        if kind == "dpa":
            if not code:
                return None
            act = self.dpa.get(code)
            if act is None:
                cn = self.country[code].name
                act = Actor.make(f"Data protection authority of {cn}", "Regulator", None, (surface,), code, "dpa")
            return Mention(s, e, surface, act, "pattern")
        if kind == "gov":
            if not code:
                return None
            cn = self.country[code].name
            return Mention(
                s,
                e,
                surface,
                Actor.make(f"Government of {cn}", "Government", None, (surface,), code, "government"),
                "pattern",
            )
        if kind == "capital":
            code = _CAPITALS[g["cap"]]
            after = text[e : e + 20]
            if (
                g["cap"] == "Washington"
                and re.match(r"\s+[a-z]+s?\b(?<!\ba)(?<!\bva)", after)
                and not re.match(
                    r"\s+(?:a|avait|va|doit|veut|entend|ne|n['’]|refuse|accuse|dénonce|annonce|estime|affirme|"
                    r"juge|interdit|bloque|exige|réclame)\b",
                    after,
                )
            ):
                return None  # in English, "Washington has passed a law" is the state
            if code not in self.country:
                return None
            cn = self.country[code].name
            return Mention(
                s,
                e,
                surface,
                Actor.make(f"Government of {cn}", "Government", None, (surface,), code, "government"),
                "pattern",
            )
        if kind == "nat_body":
            if not code or code not in self.country:
                return None
            return Mention(s, e, surface, self.country[code], "pattern")
        if kind == "nat_leg":
            if not code or code not in self.country:
                return None
            if code == "US":
                congress = self.lookup("United States Congress")
                if congress is not None:
                    return Mention(s, e, surface, congress, "pattern")
            adj = self.country_adj_en.get(code)
            name = f"{adj} Parliament" if adj else f"Parliament of {self.country[code].name}"
            return Mention(s, e, surface, Actor.make(name, "Legislature", None, (surface,), code), "pattern")
        if kind == "parl":
            if not code:
                return None
            adj = self.country_adj_en.get(code)
            name = f"{adj} Parliament" if adj else f"Parliament of {self.country[code].name}"
            return Mention(s, e, surface, Actor.make(name, "Legislature", None, (surface,), code), "pattern")
        if kind == "person":
            name = g["name"]
            known = self.lookup(name)
            ns = m.start("name")
            if known is not None and known.type is EntityType.PERSON:
                return Mention(s, e, surface, known, "pattern")
            if self.lookup(name.split()[0]) is not None:
                return None  # "Minister Google ..." -- not a person
            return Mention(
                ns if surface.startswith(("M.", "Mme")) else s,
                e,
                text[ns if surface.startswith(("M.", "Mme")) else s : e],
                Actor.make(name, "Person", None, (name,)),
                "pattern",
            )
        if kind == "indef_person":
            body = g["body"]
            name = body[0].upper() + body[1:]
            return Mention(s, e, surface, Actor.make(name, "Person", None, (surface,), None, "indef"), "group")
        if kind == "law_desc":
            act = Actor.make(surface[0].upper() + surface[1:], "Law", None, (surface,), None, "law_desc")
            return Mention(s, e, surface, act, "law_desc")
        if kind == "group":
            if g.get("head") is not None:
                body = g["body"].strip()
                if len(body.split()) < 1:
                    return None
                head = g["head"].strip().split(None, 1)
                det = len(head) > 1 and head[0].lower() in ("a", "an", "the", "une", "un", "la", "le")
                name = ((head[1] if det else " ".join(head)) + " " + body).strip()
                name = name[0].upper() + name[1:]
                gtype = (
                    "Government"
                    if re.search(
                        r"senator|lawmaker|legislator|attorneys general|sénateur|"
                        r"législateur|élus",
                        name,
                    )
                    else "Organization"
                )
                return Mention(s, e, surface, Actor.make(name, gtype, None, (surface.strip(),)), "group")
            mods = g["mods"].split()
            num = g["num"]
            noun = g["noun"]
            words = [num[0].upper() + num[1:]] + mods + [noun]
            name = " ".join(words).replace("U.S.", "US")
            return Mention(s, e, surface, Actor.make(name, _GROUP_EN[noun], None, (surface,)), "group")
        if kind == "group_fr":
            num = g["num"]
            noun_en, gtype = _GROUP_FR[g["noun"]]
            mods_en: list[str] = []
            nat: list[str] = []
            for w in g["mods"].split():
                if w in _PARTY_FR:
                    mods_en.append(_PARTY_FR[w])
                else:
                    c = self.code_of(adj=w)
                    if c:
                        nat.append("US" if c == "US" else self.country_adj_en.get(c, w))
            head = _NUM_FR.get(num.lower(), num)
            parts = [p for p in [head] + nat + mods_en + [noun_en] if p]
            name = " ".join(parts)
            if num.lower() == "des" and not (nat or mods_en or g.get("rel")):
                return None
            if g.get("rel"):
                name += " (" + g["rel"].strip() + ")"
            name = name[0].upper() + name[1:]
            return Mention(s, e, surface, Actor.make(name, gtype, None, (surface,)), "group")
        return None


#: capitals that news uses for their governments, EN and FR
_CAPITALS = {
    "London": "GB",
    "Londres": "GB",
    "Washington": "US",
    "Beijing": "CN",
    "Pékin": "CN",
    "Moscow": "RU",
    "Moscou": "RU",
    "Tokyo": "JP",
    "Seoul": "KR",
    "Séoul": "KR",
    "New Delhi": "IN",
    "Ottawa": "CA",
    "Canberra": "AU",
    "Berlin": "DE",
    "Rome": "IT",
    "Madrid": "ES",
    "Ankara": "TR",
    "Tehran": "IR",
    "Téhéran": "IR",
    "Pretoria": "ZA",
    "Brasília": "BR",
    "Brasilia": "BR",
    "Jakarta": "ID",
    "Kuala Lumpur": "MY",
    "Wellington": "NZ",
    "Taipei": "TW",
    "Taïpei": "TW",
    "Paris": "FR",
    "Dublin": "IE",
    "Warsaw": "PL",
    "Varsovie": "PL",
    "Riyadh": "SA",
    "Riyad": "SA",
    "Abu Dhabi": "AE",
    "Singapore": "SG",
    "Hanoi": "VN",
    "Manila": "PH",
    "Manille": "PH",
    "Islamabad": "PK",
}

_NATIONAL_TYPES = (EntityType.REGULATOR, EntityType.GOVERNMENT, EntityType.LEGISLATURE, EntityType.COURT)

_WORD_START = re.compile(r"(?<![\w'’.-])(?=[\w'’])")

_ANCHORS = {
    "dpa": re.compile(r"watchdog|authorit|agenc|regulat|commission|r[ée]gulateur|gendarme|autorit", re.I),
    "gov": re.compile(r"government|gouvernement", re.I),
    "capital": re.compile(_alt(_CAPITALS).lower()),
    "parl": re.compile(r"parliament|parlement", re.I),
    "nat_body": re.compile(
        r"authorities|officials|prosecutors|police|regulators|watchdogs|customs|autorités|"
        r"procureurs|"
        r"régulateurs",
        re.I,
    ),
    "nat_leg": re.compile(
        r"lawmakers|legislators|MPs|parliamentarians|députés|parlementaires|élus|"
        r"législateurs",
        re.I,
    ),
    "person": re.compile(
        r"Judge|Justice|Senator|Sen\.|Rep\.|Representative|Governor|Gov\.|Minister|Premier|"
        r"President|Chancellor|CEO|Attorney|Commissioner|juge|ministre|pr[ée]sident|"
        r"s[ée]nat|avocat|Mme|M\.|Chair|Secretary|Director|Mayor|Prosecutor|Baroness|Lord|"
        r"Lady|Prof|Dr|commissaire|député|procureur|maire|secrétaire",
        re.I,
    ),
    "indef_person": re.compile(r"judge|mother|father|parent|teenager|widow|juge|m[èe]re|p[èe]re|veuve", re.I),
    "law_desc": re.compile(r"legislation|law|bill|loi|l[ée]gislation", re.I),
    "group": re.compile(
        r"group|coalition|alliance|collectif|senators|lawmakers|legislators|attorneys|"
        r"governors|MEPs|members|prosecutors|writers|authors|artists|publishers|"
        r"families|parents|organizations|newspapers|musicians",
        re.I,
    ),
    "group_fr": re.compile(
        r"sénat|législat|parlementaires|élus|eurodéputés|députés|procureurs|gouverneurs|"
        r"écrivains|auteurs|artistes|éditeurs|familles|parents|associations|ONG|"
        r"musiciens|médias",
        re.I,
    ),
}


_ANCHORS_LOW = {k: re.compile(rx.pattern.lower()) for k, rx in _ANCHORS.items()}


def _load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer built from the data files shipped with aigov (built once per process)."""
    countries = _load_jsonl(DATA_DIR / "countries.jsonl")
    actors = [
        Actor.make(
            r["name"],
            r["type"],
            r.get("wikidata"),
            r.get("aliases", ()),
            r.get("country"),
            r.get("role"),
            r.get("owner"),
        )
        for r in _load_jsonl(DATA_DIR / "actors.jsonl")
    ]
    return Gazetteer(actors, countries)
