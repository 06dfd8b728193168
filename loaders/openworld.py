"""Open-world actors: names the dictionary lacks, typed by the words that name them.

The gazetteer knows the prominent actors of AI governance; news names many more (a
prosecutor's office, a small company in a list, a union of authors, an official named with a
title). A capitalised name becomes an entity when its own words type it::

    Iowa Department of Management      -> Government   (head noun "Department")
    Syndicat national de l'édition     -> Organization ("Syndicat")
    Pieces Technologies, DoNotPay      -> Company      (suffix "Technologies"; inner capitals)
    Conseil constitutionnel, Federal Court -> Court
    Commissariat à la protection de la vie privée du Canada (CPVP) -> Regulator, alias CPVP
    Crime and Policing Bill            -> Law
    Scarlett Johansson ... Johansson said -> Person (a first and last name; the surname alone later)

It gets a stable ``type:slug`` id and never an invented QID. A name with no typing word is left
alone (a capitalised word at the start of a sentence is usually not an actor). Later mentions by
surname ("Johansson") or acronym ("CPVP") resolve to it.

>>> [(m.surface, m.actor.type.value) for m in find("The regulator sued DoNotPay and Pieces Technologies.", [])]
[('DoNotPay', 'Company'), ('Pieces Technologies', 'Company')]
"""

from __future__ import annotations

import re
import unicodedata

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from loaders.gazetteer import Actor, Mention
from loaders.spans import SpanSet

__all__ = ["find", "described_laws", "described_products"]

_UP = r"[A-ZÀ-ÖØ-Þ]"
_WORD = _UP + r"[\w'’.&-]*"
_CONNECT = r"(?:of|for|and|on|the|de|du|des|de\s+la|de\s+l['’]|d['’]|la|le|les|et|à|au|aux|pour|sur|en|&)"
# a run of capitalised words, with lower-case connectors between them; a lower-case word may
# follow the head in French ("Syndicat national de l'édition", "Conseil constitutionnel")
_NAME = re.compile(
    r"(?<![\w'’.-])(?:" + _WORD + r")(?:[ \t]+(?:" + _CONNECT + r"[ \t]+)?(?:" + _WORD + r"))*"
    r"(?:\s+(?:national|nationale|constitutionnel|d['’]État|européen|européenne|fédéral|fédérale|"
    r"supérieur|général|générale|administratif|judiciaire|de\s+l['’][a-zé]+|des\s+[a-zé]+s|du\s+[a-zé]+|"
    r"de\s+la\s+[a-zé]+(?:\s+[a-zé]+){0,3}|pour\s+(?!(?:une?|la|le|les|des|l)\b)[a-zé]+))*"
    r"(?:\s+\((?P<acro>[A-Z][A-Za-z0-9&.-]{1,9})\))?"
)

_TYPE_WORDS = [
    # with the instruments governments and companies sign: declarations, charters, commitments --
    # the head ends an English name ("Bletchley Declaration") and opens a French one ("Charte de")
    (
        "Law",
        r"\b(?:Act|Law|Bill|Regulation|Directive|Ordinance|Decree|Code|Loi|Règlement|Décret|Ordonnance|"
        r"Amendment)\b|\b(?:Declaration|Charter|Convention|Treaty|Accord|Pact|Commitments|Principles|"
        r"Guidelines|Framework|Strategy|Roadmap|Blueprint)$|"
        r"^(?:Déclaration|Charte|Convention|Traité|Pacte|Stratégie)\s+(?:de|du|des|d['’]|pour|sur)\b",
    ),
    ("Court", r"\b(?:Court|Tribunal|Cour|Conseil\s+constitutionnel|Conseil\s+d['’]État|Judiciary|Bench)\b"),
    (
        "Legislature",
        r"\b(?:Parliament|Parlement|Senate|Sénat|Assembly|Assemblée|Congress|Congrès|House\s+of|"
        r"Chamber\s+of|"
        r"Chambre|Bundestag|Bundesrat|Diet|Knesset|Duma|Legislature|Législature|Lok\s+Sabha|"
        r"Rajya\s+Sabha|"
        r"Committee|Subcommittee)\b",
    ),
    # a school district or board is a local government ("Seattle Public Schools", "Anchorage
    # School District", "Toronto District School Board"), before "Board" and "School" below
    (
        "Government",
        r"\b(?:Public\s+Schools|School\s+(?:District|Board|Division)|District\s+School\s+Board|"
        r"Board\s+of\s+Education|(?:County|City|Unified)\s+Schools?|Unified\s+School\s+District)\b",
    ),
    (
        "Regulator",
        r"\b(?:Authority|Autorité|Commission|Commissioner|Commissariat|Agency|Agence|Regulator|"
        r"Inspectorate|"
        r"Ombudsman|Watchdog|Supervisor|Superintendence|Surintendance|Board|Office\s+of\s+the|Bureau|"
        r"Garante|"
        r"Commissaire|Conseil\s+supérieur|Médiateur|Régulateur)\b",
    ),
    (
        "Government",
        r"\b(?:Ministry|Ministère|Department|Département|Government|Gouvernement|Prefecture|Préfecture|"
        r"Cabinet|Administration|Police|Gendarmerie|Army|Navy|Parquet|Prosecutor|Procureur|Procureure|"
        r"Attorney\s+General|Mayor|Municipality|Municipalité|Council|Conseil|City\s+of|Ville\s+de|"
        r"State\s+of|"
        r"Secretariat|Secrétariat|Presidency|Présidence|Élysée|Matignon|White\s+House|Kremlin)\b",
    ),
    (
        "Company",
        r"\b(?:Inc|Corp|Corporation|Ltd|LLC|Limited|GmbH|S\.?A\.?S?|SE|plc|PLC|AG|Co|Company|Technologies|"
        r"Technology|Labs?|Systems|Software|Holdings|Networks|Bank|Banque|Capital|Partners|Studios|"
        r"Pictures|"
        r"Records|Entertainment|Games|Publishing|Motors|Airlines|Pharma|Robotics|Dynamics|Analytics|"
        r"Solutions|Services|Industries|Group|Groupe|Telecom|Telecoms|Communications|Media|Tech|Energy|"
        r"Financial|Insurance|Advisers|Advisors|Investments|Semiconductors?|Electronics|Ventures|"
        r"Logistics|Airways)\b\.?$|\.(?:ai|com|io)\b",
    ),
    (
        "Organization",
        r"\b(?:Association|Union|Syndicat|Federation|Fédération|Foundation|Fondation|Institute|"
        r"Institut|"
        r"University|Université|School|École|Ecole|Sciences\s+Po|Coalition|Alliance|Society|"
        r"Société\s+des|"
        r"Guild|Network|Center|Centre|Project|Watch|Rights|Campaign|Initiative|League|Ligue|"
        r"Collectif|"
        r"Observatoire|Observatory|Forum|Consortium|Council\s+for|Lab\s+for|Trust|Fund|Fonds|Club|"
        r"Confederation|Confédération|Chamber\s+of\s+Commerce|Academy|Académie|Press|Times|Post|"
        r"Journal|"
        r"News|Herald|Tribune|Gazette|Lantern|Chronicle|Observer|Independent|Guardian|Telegraph|"
        r"Express|Mirror|"
        r"Globe|Register|Monitor|Inquirer|Courier|Dispatch|Daily|Insider|Wire)\b",
    ),
]
_TYPE_RX = [(t, re.compile(rx)) for t, rx in _TYPE_WORDS]
_MEDIA_NAME = re.compile(
    r"\b(?:Press|Times|Post|Journal|News|Herald|Tribune|Gazette|Lantern|Chronicle|Observer|"
    r"Independent|Guardian|Telegraph|Express|Mirror|Globe|Register|Monitor|Inquirer|Courier|"
    r"Dispatch|Daily|Insider|Wire)\b"
)
# words that begin sentences or titles and are never names on their own
_STOP = set(
    """
a an the this that these those it its he she they we you i his her their our my your
but and or so yet however meanwhile also still although though while when where after before
since because if as at by for from in into of on to with without about against over under
last next first second third new some many most more several other another each every all
no not only just even already now then there here today yesterday tomorrow
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december
mr mrs ms dr prof sir dame lord lady gov sen rep st
le la les l un une des du de d et ou mais donc car ce cet cette ces il elle ils elles on nous vous
son sa ses leur leurs notre votre mon ma mes dans par pour sur sous avec sans selon après avant
depuis pendant lors alors ainsi aussi encore déjà enfin puis ensuite cependant pourtant toutefois
lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet
août septembre octobre novembre décembre m mme mlle
ai ia jan feb mar apr jun jul aug sep sept oct nov dec
""".split()
)
_FIRST_NAME_HINT = re.compile(
    r"^(?:[A-ZÀ-Ö][a-zà-ÿ]+(?:-[A-ZÀ-Ö][a-zà-ÿ]+)?|(?:[A-Z]\.){1,3}|"
    r"(?:Mc|Mac|La|Le|De|Di|Da|Van|O['’])[A-Z][a-zà-ÿ]+)$"
)
# the words of an office that may run into its holder's name ("Chief Information Officer Dominic
# Rochon", "Minister for Digital Development and Information Josephine Teo")
_OFFICE_WORDS = set(
    """
officer commissioner minister director secretary president chair chairman chairwoman attorney-general
attorney general information development digital technology technologies affairs justice culture
economy numérique économie intérieur santé education security sécurité defence défense
communications commerce trade finance health interior home foreign data privacy protection
innovation industry science sciences enforcement legal policy public chief executive deputy head
senior global ministre délégué déléguée conseiller conseillère fédéral fédérale officer counsel
novelists authors writers artists advocates lawyers attorneys senators plaintiffs singers actors
musicians journalists executives representatives auteurs écrivains artistes avocats sénateurs
""".split()
)
_PNAME = r"[A-ZÀ-Ö][\w'’.-]+(?:\s+(?:(?:de|da|van|von|der|la|le|du)\s+)?[A-ZÀ-Ö][\w'’.-]+){1,3}"
_PERSON_LIST = re.compile(
    r"(?:(?P<intro>\b(?:[Aa]uthors?|[Ww]riters?|[Nn]ovelists?|[Aa]rtists?|[Ss]ingers?|[Mm]usicians?|[Aa]ctors?|"
    r"[Aa]ctresses|[Pp]laintiffs?|[Aa]dvocates?|[Ll]awyers?|[Aa]ttorneys?|[Ss]enators?|[Ll]awmakers?|"
    r"[Rr]epresentatives?|[Ee]xecutives?|[Jj]ournalists?|including|such\s+as|among\s+them|notamment|dont|"
    r"parmi\s+lesquels|[Aa]uteurs?|[ÉéEe]crivains?|[Aa]rtistes?|[Cc]hanteu\w+|[Aa]vocat\w*|[Ss]énateurs?|"
    r"[Dd]éputés?|[Pp]laignant\w*|[Cc]omédien\w*)\s+(?:(?:like|such\s+as|including|comme|dont)\s+)?)|"
    r"(?<![\w,]\s)(?<![\w,]))"
    r"(?P<items>"
    + _PNAME
    + r"(?:\s*,\s*"
    + _PNAME
    + r")*(?:,?\s+(?:and|et)\s+"
    + _PNAME
    + r"|(?:\s*,\s*"
    + _PNAME
    + r"){2},?\s+(?:and|et)\s+(?=(?:other|more|many|several|d['’]autres|plusieurs)\s)))"
)
_TITLE_SURNAME = re.compile(
    r"\b(?:Gov|Sen|Rep|Sens|Reps|Gouv)\.\s+(?P<sur>[A-ZÀ-Ö][a-zà-ÿ'’-]+(?:[A-Z][a-z]+)?)\b(?!\s+[A-ZÀ-Ö])"
)
_PARTICLES = {
    "de",
    "da",
    "do",
    "dos",
    "van",
    "von",
    "der",
    "den",
    "du",
    "di",
    "del",
    "la",
    "le",
    "bin",
    "al",
    "ben",
}


def _office_prefix(toks: list[str]) -> int:
    """How many words of an office open a name ("Chief Information Officer Dominic Rochon" -> 3,
    "Novelists Jane Roe" -> 1), keeping two words at least and never ending on a connector.

    >>> _office_prefix("Chief Information Officer Dominic Rochon".split()), _office_prefix(["Jane", "Roe"])
    (3, 0)
    """
    k = 0
    while len(toks) - k > 2 and (toks[k].strip(".,").lower() in _OFFICE_WORDS or (k and toks[k] in _OFFICE_LINKS)):
        k += 1
    while k and toks[k - 1] in _OFFICE_LINKS:
        k -= 1  # (never a connector first: "of Jane Roe")
    return k


def _person_like(toks: list[str]) -> bool:
    """First and last names, with a particle inside at most ("Alexandre de Moraes", "Ursula
    von der Leyen"), two to three name words."""
    names = [t for t in toks if t not in _PARTICLES]
    return (
        2 <= len(names) <= 3
        and all(_FIRST_NAME_HINT.match(t) for t in names)
        and toks[0] not in _PARTICLES
        and toks[-1] not in _PARTICLES
    )


# a title, then its qualifiers, then the name: "La ministre fédérale en charge du Numérique Vanessa
# Roux", "le député vaudois Jean Roux", "senior vice-president and general counsel Blake Doe",
# "le vice-président de Google chargé des affaires publiques, Jean Roux" (no verb between)
_TITLE_NEAR = re.compile(
    r"(?i:\b(?:l['’]|la\s|le\s|les\s|the\s|a\s|an\s|une?\s|sa\s|son\s|his\s|her\s|its\s)?\s*"
    r"(?:ministre|minister|député\w*|sénat\w+|senator|autrice|auteure?|écrivaine?|author|novelist|"
    r"vice-président\w*|vice-president|président\w*|president|directeur|directrice|director|"
    r"porte-parole|spokes\w+|avocat\w*|lawyer|attorney|counsel|juge|judge|commissaire|commissioner|"
    r"maire|mayor|gouverneur|governor|secrétaire|secretary|chef|cheffe|chief|PDG|CEO|fondat\w+|founder|"
    r"chercheu\w+|researcher|professeur\w*|professor|conseill\w+|adviser|advisor))"
    r"(?![^.;:!?«»“”\"]*\b(?:a|ont|est|sont|avait|avaient|sera|était|was|were|is|are|has|have|had|"
    r"said|says|a\s+déclaré|estime|affirme|selon|according)\b)"
    r"[^.;:!?«»“”\"\n]{0,90}?,?\s+$"
)
_OFFICE_LINKS = {"for", "of", "and", "de", "du", "des", "au", "aux", "à", "la", "et"}
_TITLE_WORD = (
    r"(?:Commissioner|Minister|Director|Officer|Secretary|President|Chair(?:man|woman|person)?|"
    r"Governor|Senator|Judge|Justice|Mayor|Prosecutor|Chief|Head|Commissaire|Ministre|Président)"
)
_SPEECH_AFTER = re.compile(
    r"\s*(?:,\s*(?:[\w'’-]+\s+){0,6}?(?i:co-?founder|founder|chief|CEO|head|director|president|chair\w*|"
    r"commissaire|procureur\w*|juge|député\w*|maire|gouverneur|PDG|cheff?e|"
    r"spokes\w+|lawyer|attorney|minister|senator|professor|researcher|analyst|executive|partner|"
    r"fondat\w+|directeur|directrice|président\w*|porte-parole|avocat\w*|ministre|sénat\w+|chercheu\w+|"
    r"responsable|dirigeant\w*|délégué\w*|secrétaire|expert\w*|conseill\w+|vice-président\w*|"
    r"[Dd]irector|[Vv]ice|commissioner|officer|manager|counsel|economist|représentant\w*|"
    r"avocat\w*|juriste|militant\w*|activist|campaigner|D-|R-)|\s*(?:said|says|told|wrote|added|argued|noted|"
    r"explained|"
    r"a\s+déclaré|a\s+dit|a\s+indiqué|a\s+expliqué|a\s+ajouté|a\s+affirmé|a\s+estimé|a\s+précisé|"
    r"déclare|explique|estime|affirme|souligne|indique|précise))"
)
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:president|chairman|chairwoman|director|secretary|commissioner|minister|judge|chief|MP|MEP|"
    r"Mr|Mrs|Ms|Dr|Prof|Professor|Chair|Chairman|Chairwoman|Chairperson|Secretary|Director|"
    r"Commissioner|Minister|Senator|Sen|Rep|Representative|Congressman|Congresswoman|Congressmen|Governor|Gov|"
    r"Judge|Justice|Mayor|"
    r"Attorney\s+General|Prosecutor|President|CEO|founder|co-founder|spokesperson|spokesman|"
    r"spokeswoman|lawyer|attorney|Baroness|Baron|Lord|Lady|Sir|Dame|M|Mme|Me|maire|ministre|"
    r"président|présidente|directeur|directrice|fondateur|fondatrice|porte-parole|avocat|avocate|"
    r"juge|procureur|procureure|sénateur|sénatrice|député|députée|commissaire|secrétaire)\.?\s+)$"
)


_IWORD = _UP + r"[\w'’.&/-]*"
_ITEM = _IWORD + r"(?:\s+(?:(?:of|the|du|de|des|de\s+la)\s+)?" + _IWORD + r"){0,3}"
_CLASS_PL = (
    r"(?P<cls>companies|firms|startups|start-ups|developers|apps|applications|platforms|services|"
    r"sociétés|entreprises|plateformes|labels|maisons\s+de\s+disques|studios|publishers|éditeurs|"
    r"newspapers|outlets|médias|journaux|broadcasters|groups|groupes|associations|organisations|"
    r"organizations|unions|syndicats|NGOs)"
)
# a list after a plural classifier: "three ecommerce companies — Ascend Ecom, Ecommerce Empire
# Builders, and FBA Machine", "les maisons de disques Acme Music et Brightline Records",
# "plusieurs médias (Le Quotidien, La Gazette)"
_FR_HEAD = re.compile(
    r"(?:Conseil|Commission|Autorité|Assemblée|Cour|Tribunal|Union|Agence|Ministère|Département|"
    r"Office|Haute|Haut|Parquet|Syndicat|Fédération|Ligue|Chambre|Parlement|Sénat|Gouvernement|"
    r"Comité|Commissariat|Direction|Secrétariat|Observatoire|Conférence)\b"
)
_FR_ADJ = r"(?:[a-zéèêîôû]+(?:aine?|aise?|oise?|ienne?|ique|al|ale|aux|ales|if|ive|el|elle|ier|ière|ant|ante)s?)"
_FR_TAIL = re.compile(
    r"(?:\s+" + _FR_ADJ + r"){0,2}(?:\s+(?:de\s+la|de\s+l['’]|de|du|des|d['’])\s*"
    r"(?:[A-ZÀ-Ö][\w'’-]*(?:\s+(?:" + _FR_ADJ + r"|[A-ZÀ-Ö][\w'’-]*))?|"
    r"[a-zé]+(?:\s+" + _FR_ADJ + r")?(?:\s+et\s+[a-zé]+(?=\s+\())?))?"
)
_NAT = r"(?:[a-zà-ÿ]+(?:aise?|ienne?|aine?|ande?|oise?|ique|ole|ane|ais|ois|ien|ain|and|ol|an|ais|on|onne)s?)"
_LOW_INSTITUTION = re.compile(
    r"(?<![\w'’])(?:[Ll]['’]\s?|[Ll]e\s+|[Ll]a\s+|[Dd]u\s+|[Aa]u\s+)(?P<name>(?P<head>autorité|ministère|"
    r"parlement|justice|chambre|"
    r"agence|commission|organisme|tribunal|cour|police|régulateur|gendarme|sénat|assemblée|parquet)\s+"
    r"(?P<nat>" + _NAT + r")(?P<comp>\s+(?:de\s+la|de\s+l['’]|des|du|de|d['’]|pour\s+la|"
    r"chargée?\s+de\s+la)\s*[a-zé]+(?:\s+(?:de\s+la|des|du|"
    r"de)\s+[a-zé]+)?(?:\s+[a-zé]+(?:ée?s?|ale|el|ique))?)?)"
)
_LOW_TYPE = {
    "autorité": "Regulator",
    "agence": "Regulator",
    "commission": "Regulator",
    "organisme": "Regulator",
    "régulateur": "Regulator",
    "gendarme": "Regulator",
    "ministère": "Government",
    "police": "Government",
    "parquet": "Government",
    "parlement": "Legislature",
    "chambre": "Legislature",
    "sénat": "Legislature",
    "assemblée": "Legislature",
    "justice": "Court",
    "tribunal": "Court",
    "cour": "Court",
}
_BODY_ALONE = {"ministère", "parlement", "justice", "chambre", "sénat", "assemblée", "police", "parquet"}
_TITLE_IN = re.compile(
    r"(?:Senators?|Sens?\.|Representatives?|Reps?\.|Congress(?:wo)?m[ae]n|Commissioners?|Attorneys?\s+General|"
    r"Governors?|Gov\.|"
    r"Ministers?|Judges?|Mayors?|Secretary|Secretaries|Chair(?:man|woman|person)?|Dr\.?|Prof\.?|"
    r"Sénat(?:eur|rice)s?|Ministres?|Députée?s?|Commissaires?)\s+(?=[A-ZÀ-Ö])"
)
# "la ministre de l'Action publique, Vanessa Roux", "UODO President, Jan Nowak, said"
_TITLE_COMMA_BEFORE = re.compile(
    r"\b(?:[Pp]resident|[Cc]hair\w*|CEO|PDG|[Mm]inist(?:re|er)|[Dd]irect(?:eur|rice|or)|[Pp]résident\w*|[Cc]hief|"
    r"[Hh]ead|[Cc]ommissioner|[Cc]ommissaire|[Ss]ecr[ée]tair\w*|[Ss]ecretary|porte-parole|[Ss]pokes\w+|"
    r"[Ff]ondat\w+|[Ff]ounder|[Dd]élégu\w+|[Mm]ayor|[Mm]aire|[Gg]overnor|[Ss]enator|[Ss]énat\w+|[Dd]éputée?)"
    r"\b[^.;:!?«»“”\"]{0,70},\s*$"
)
# "a expliqué Vanessa Roux", "said Jane Roe"
_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:said|says|added|wrote|told|explained)|\b(?:a|ont)\s+(?:déclaré|expliqué|"
    r"indiqué|ajouté|affirmé|précisé|souligné|estimé|dit))\s+$"
)
_LIST = re.compile(
    r"\b" + _CLASS_PL + r"\b(?:[^.;:()A-ZÀ-ÖØ-Þ]{0,25}?(?:—|–|:|,|\(|\bsuch\s+as|\bincluding|\blike|\bcomme|"
    r"\bdont|"
    r"\bnotamment|\btel(?:le)?s\s+que)\s*|(?P<bare>(?:\s+(?!and\b|et\b|of\b|de\b)[a-zà-ÿ'’-]+){0,3}?\s+))"
    r"(?P<items>" + _ITEM + r"(?:(?:\s*,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+)" + _ITEM + r")*)"
)
_HEAD_OF = re.compile(r"\s(?:of|de|du|des|for|pour|on|sur)\s")


def _list_type(cls: str) -> str:
    c = cls.lower()
    if c in ("apps", "applications", "platforms", "plateformes", "services"):
        return "Product"
    if c in (
        "groups",
        "groupes",
        "associations",
        "organisations",
        "organizations",
        "unions",
        "syndicats",
        "ngos",
        "ong",
    ):
        return "Organization"
    return "Company"


_ADJ_AI = (
    r"(?:d['’](?:intelligence\s+artificielle|IA)|de\s+la\s+tech|artificial[\s-]+intelligence|AI|A\.I\.|"
    r"tech|technology|technologique|generative|générative|U\.S\.|US|[A-Z][a-z]+(?:an|ian|ese|ish|ch)|"
    r"[A-Za-zé]+(?:aine?|aise?|oise?|ienne?|ane|que|ande?|ole|onne)s?|[A-Z][a-z]+-based|"
    r"basée?\s+à\s+[A-Z][a-z]+)"
)
# a name right after its classifier: "artificial intelligence company Brightloop", "la société
# d'intelligence artificielle Acmé", "une autre société d'IA appelée Zorn", "the chatbot Zibbo"
_APPOS = re.compile(
    r"\b(?P<cls>company|firm|startup|start-up|société|entreprise|firme|jeune\s+pousse|app|application|"
    r"chatbot|assistant|platform|plateforme|union|syndicat|newspaper|journal|quotidien|publisher|"
    r"éditeur|association|NGO|ONG|broadcaster|label)"
    r"(?:\s+" + _ADJ_AI + r"){0,3}(?:\s+(?:appelée?|called|named|baptisée?|nommée?|dubbed))?"
    r"\s+(?P<name>" + _WORD + r"(?:\s+" + _WORD + r"){0,2})"
)


_DEMONYM = re.compile(r"[A-ZÀ-Ö][a-zà-ÿ]+(?:aine?|aise?|oise?|ienne?|ane|ande?|an|ian|ese|ish)s?")


def _appos_type(cls: str) -> str:
    c = cls.lower()
    if c in ("app", "application", "chatbot", "assistant", "platform", "plateforme"):
        return "Product"
    if c in ("union", "syndicat", "association", "ngo", "ong"):
        return "Organization"
    return "Company"


# two people who share a surname: "Matthew and Maria Roe said", "Jean et Marie Dupont affirment"
_SHARED_SURNAME = re.compile(
    r"(?<![\w'’.-])(?P<f1>[A-ZÀ-Ö][a-zà-ÿ]{2,})\s+(?:and|et)\s+(?P<f2>[A-ZÀ-Ö][a-zà-ÿ]{2,})\s+"
    r"(?P<last>[A-ZÀ-Ö][a-zà-ÿ'’-]{2,})(?=,|\s+(?:said|say|allege\w*|claim\w*|filed|sued|wrote|told|"
    r"affirment|disent|estiment|déclarent|accusent|reprochent|ont\s+(?:déclaré|porté|déposé|affirmé|"
    r"intenté|assigné|saisi|indiqué)))"
)
# an acronym that speaks or acts: "SAG-AFTRA said", "the ACLU filed", "la LDH a annoncé"
_ACRO_SUBJ = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-Z]{2,}(?:[-&/][A-Z]{2,})*)(?=\s+(?:said|says|told|filed|sued|announced|"
    r"urged|called|asked|wrote|has\s+(?:filed|sued|asked|called|urged|announced)|a\s+(?:annoncé|déclaré|"
    r"déposé|saisi|porté|indiqué|dénoncé|demandé|réclamé)|dénonce|réclame|demande)\b)"
)
_ACRO_STOP = {
    "CEO",
    "CTO",
    "CFO",
    "COO",
    "AI",
    "IA",
    "USA",
    "US",
    "UK",
    "EU",
    "UE",
    "AFP",
    "AP",
    "TV",
    "PDG",
    "GDPR",
    "RGPD",
    "NB",
    "PS",
    "OK",
    "II",
    "III",
    "IV",
}
# institutions named by their seat: "le parquet de Paris", "an Ankara court", "Paris prosecutors"
_SEAT = re.compile(
    r"\b(?:(?:[Ll]e|[Dd]u|[Aa]u)\s+(?P<parquet>parquet\s+(?:de|d['’])\s*(?P<p1>[A-Z][\w-]+))|"
    r"(?P<tribunal>tribunal(?:\s+(?:judiciaire|administratif|correctionnel|de\s+commerce))?\s+(?:de|"
    r"d['’])\s*[A-Z][\w-]+)|"
    r"(?:[Aa]n?|[Tt]he)\s+(?P<court>(?:[A-Z][\w-]+\s+){1,2}court)\b|"
    r"(?:[Tt]he\s+)?(?P<pros>[A-Z][\w-]+\s+prosecutor['’]s\s+office|[A-Z][\w-]+\s+prosecutors)|"
    r"(?P<district>(?:(?:Northern|Southern|Eastern|Western|Central|"
    r"Middle)\s+)?District\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))"
)


_PARTY = _UP + r"[\w'’&-]*(?:\s+" + _UP + r"[\w'’&-]*){0,2}"
_OBJECT = re.compile(
    r"\b(?:sued|sues|suing|against|fined|fines|penali[sz]ed|investigating|probing|charged|contre|visant|"
    r"assigné|poursuit|poursuivi|sanctionné|sanctionne|procès\s+(?:à|au)|(?:filed|brought|lodged|initiated)\s+by|"
    r"(?:sued|charged|taken\s+to\s+court)\s+by|(?:déposée?s?|intentée?s?|portée?s?|engagée?s?)\s+par|"
    r"poursuivie?s?\s+par|"
    r"assignée?s?\s+par)\s+(?P<name>" + _PARTY + r"(?:(?:\s*,\s*(?:and\s+|et\s+)?|\s+(?:and|"
    r"et)\s+)" + _PARTY + r")*)(?=[\s,.;:)—–])"
)
# a name that files a suit: "Jane Roe filed against", "Acme Labs, a rival, sued"
_AGENT = re.compile(
    r"(?<![\w'’.-])(?P<name>" + _PARTY + r"(?:(?:\s*,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+)" + _PARTY + r")*)"
    r"(?=(?:,[^,.;]{1,80},)?,?\s+(?:has\s+|have\s+|had\s+|also\s+|then\s+)?"
    r"(?:filed|sued|charged|brought\s+(?:a|an|the)\s+(?:suit|lawsuit|case|complaint)|lodged|"
    r"(?:a|ont|avait|avaient)\s+(?:déposé|porté|assigné|intenté|saisi|attaqué|poursuivi)|poursuit|"
    r"poursuivent|assigne|assignent|attaque|attaquent)\b)"
)


# a name that speaks: "Jane Roe said", "Suno et Udio ont fait valoir", "with Jane Roe calling it"
_SPEAKER = re.compile(
    r"(?<![\w'’.-])(?P<name>" + _PARTY + r"(?:(?:\s*,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+)" + _PARTY + r")*)"
    r"(?=\s+(?:said|says|told|added|argued|wrote|warned|stated|explained|insisted|emphasi[sz]ed|calling|"
    r"(?:a|ont)\s+(?:déclaré|dit|indiqué|affirmé|ajouté|expliqué|précisé|souligné|estimé|fait\s+valoir|"
    r"fait\s+savoir|assuré|averti|rappelé)|affirme|affirment|estime|estiment|déclare|déclarent|souligne|"
    r"soulignent)\b)"
)
# a name that opens a list: "Suno et Udio", "Suno, Udio and Zorb" (not "Likewise, Meta said")
_LISTED = re.compile(
    r"\s(?:and|et)\s\s*"
    + _UP
    + r"|\s*,\s*"
    + _UP
    + r"[\w'’.&-]*(?:\s+"
    + _UP
    + r"[\w'’.&-]*)*\s*(?:,|\s(?:and|et|&)\s)"
)
_NOT_SPEAKER = {
    "officials",
    "critics",
    "experts",
    "lawyers",
    "sources",
    "analysts",
    "regulators",
    "police",
    "observers",
    "researchers",
    "authorities",
    "prosecutors",
    "investigators",
    "parents",
    "users",
}


def _named_inside(text: str, word: str) -> bool:
    """``word`` also stands capitalised inside a sentence: a name, not a common noun that
    opens one ("Reddit ... against Reddit" but not "Lawyers ...")."""
    for m in re.finditer(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])", text):
        if not _sentence_start(text, m.start()):
            return True
    return False


def _party_type(name: str) -> str:
    toks = name.split()
    if 2 <= len(toks) <= 3 and all(_FIRST_NAME_HINT.match(t) for t in toks):
        return "Person"
    return "Company"


_SURNAME_SPEAKS = re.compile(
    r"(?<![\w'’.-])(?P<name>[A-ZÀ-Ö][a-zà-ÿ'’-]{2,})\s+(?:said|says|told|added|wrote|argued|noted|"
    r"a\s+déclaré|a\s+dit|a\s+indiqué|a\s+ajouté|a\s+affirmé|a\s+expliqué|a\s+estimé|déclare|estime)\b"
)


_ABBREV_END = re.compile(r"\b(?:Inc|Corp|Ltd|Co|Jr|Sr|S\.A|S\.A\.S|[A-Z])\.$")
_LEGAL_FORM = re.compile(r"\b(?:Inc|Corp|Corporation|Ltd|LLC|Limited|GmbH|SAS|SA|SE|plc|PLC|AG|Co)\b\.?|[\s,.]")


def _type_of(name: str) -> str | None:
    for t, rx in _TYPE_RX:
        if rx.search(name):
            return t
    return None


def _camel(tok: str) -> bool:
    """ "DoNotPay", "OpenEvidence", "xAI"-like: a capital after a lower-case letter, or a digit."""
    return bool(re.search(r"[a-z][A-Z]", tok)) or (
        bool(re.search(r"\d", tok)) and tok[:1].isupper() and len(tok) > 2 and not tok.isdigit()
    )


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t\"“«‘'(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;•—–-"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Drop leading determiners and trailing punctuation (a legal form's dot stays)."""
    while True:
        m = re.match(r"(?:The|Le|La|Les|L['’]|Un|Une|A|An|This|Ce|Cette)\s+|L['’]", text[s:e])
        if not m:
            break
        s += m.end()
    while e > s and text[e - 1] in ".,;:'’-":
        if text[e - 1] == "." and re.search(r"\b(?:Inc|Corp|Ltd|Co|Jr|Sr|S\.A|S\.A\.S)\.$", text[s:e]):
            break
        e -= 1
    return s, e


_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|near|to|into|across|outside|inside|à|en|au|aux|vers|depuis|"
    r"based\s+in|located\s+in|basée?s?\s+à|située?s?\s+à)|\bd['’]|\bde)\s+$"
)


# the prepositions that make a recurring name a place on their own ("in Tokyo", "à Lyon", "de Lyon");
# "to Zibbo" or "from Zibbo" may be a company written to
_STRONG_PLACE = re.compile(
    r"\s*(?:in|at|near|à|en|au|aux|de|du|d['’]|based\s+in|located\s+in|basée?s?\s+à|"
    r"située?s?\s+à)\s+$"
)


def _open_name(text: str, s: int, e: int, toks: list[str]) -> bool:
    """A person's name the text gives in full with no title or speech verb beside it ("the
    plaintiffs include Jane Roe, Ravi Kumaran and ..."): two or three name words of which the
    first is a known first name (:func:`first_names`), none a stop word or an office, not after a
    preposition of place ("in San Francisco"), not a possessive or a compound ("Jane Roe-backed").

    >>> _open_name("The plaintiffs include Ravi Kumaran.", 23, 34, ["Ravi", "Kumaran"])
    True
    >>> _open_name("Artificial Intelligence Act", 0, 23, ["Artificial", "Intelligence"])
    False
    """
    if not (2 <= len(toks) <= 3) or not _person_like(toks):
        return False
    if any(t.lower().strip(".,") in _STOP or t.lower() in _OFFICE_WORDS for t in toks):
        return False
    if not _known_first_name(toks[0]):
        return False
    if re.match(r"['’]s?\b|-[a-z]", text[e : e + 3]):
        return False
    return not _PLACE_BEFORE.search(text[max(0, s - 25) : s])


# capitalised words that recur without being an actor's name: demonyms the suffix rule misses,
# French nouns written with a capital
_NOT_NAMES = set(
    """
états etats état etat dutch french greek swiss thai british welsh czech iraqi israeli pakistani saudi
emirati qatari yemeni bangladeshi nepali filipino belge suisse grec grecque turc turque russe danois
norvégien suédois finnois polonais chinois japonais français française anglais anglaise écossais
internet web europe occident ouest est nord sud
""".split()
)


_CAP_TOKEN = re.compile(r"(?<![\w'’.-])" + _UP + r"[\w'’&-]*")
_CAP_BEFORE = re.compile(r"(?<![\w'’.-])(?P<w>" + _UP + r"[\w'’.-]*)[ \t]+$")
_CAP_AFTER = re.compile(r"[ \t]+" + _UP + r"[a-zà-ÿ]")


class _NameIndex:
    """Where each capitalised word of a text stands, built in one pass, so that deciding whether
    a name recurs costs a lookup and a few short windows, not a scan of the whole text."""

    def __init__(self, text: str):
        self.memo: dict[str, tuple[str, str] | None] = {}  # name -> what _recurrent_name said
        self.at: dict[str, list[int]] = {}
        for m in _CAP_TOKEN.finditer(text):
            self.at.setdefault(m.group(0), []).append(m.start())

    def recurrent(self, text: str, name: str) -> tuple[str, str] | None:
        """:func:`_recurrent_name`, decided once per name."""
        if name not in self.memo:
            self.memo[name] = _recurrent_name(text, name, name.split(), self)
        return self.memo[name]

    def occurrences(self, text: str, name: str) -> list[int]:
        first = name.split()[0]
        n = len(name)
        return [
            p
            for p in self.at.get(first, ())
            if text.startswith(name, p) and not re.match(r"[\w'’-]", text[p + n : p + n + 1])
        ]


def _recurrent_name(text: str, name: str, toks: list[str], index: _NameIndex) -> tuple[str, str] | None:
    """A capitalised name the story keeps using ("Worldcoin ... against Worldcoin"): twice or more,
    at least once inside a sentence, never after a preposition of place (a city is "in Tokyo"),
    never part of a longer name. Gives (type, full name): a company, or the person whose surname
    it is when the text also gives a known first name before it ("Jan Nowak ... Nowak said").

    >>> def rec(t, n): return _recurrent_name(t, n, n.split(), _NameIndex(t))
    >>> rec("Regulators fined Zibbo. Later, Zibbo appealed.", "Zibbo")
    ('Company', 'Zibbo')
    >>> rec("Jan Nowak spoke. Nowak said no, and Nowak left.", "Nowak")
    ('Person', 'Jan Nowak')
    >>> rec("He lives in Tokyo. Tokyo is big; Tokyo grows.", "Tokyo") is None
    True
    """
    if (
        len(toks) > 3
        or any(t.lower().strip(".,") in _STOP for t in toks)
        or _DEMONYM.fullmatch(name)
        or re.search(r"-[a-z]|['’]s?$", name)
        or name.lower() in _NOT_NAMES
    ):
        return None
    occ = index.occurrences(text, name)
    if len(occ) < 2 or all(_sentence_start(text, o) for o in occ):
        return None
    placed = [_PLACE_BEFORE.search(text[max(0, o - 25) : o]) for o in occ]
    if all(placed) or any(m is not None and _STRONG_PLACE.match(m.group(0)) for m in placed):
        return None  # "in Tokyo", or only ever "to Zibbo"
    person = None
    for o in occ:
        before = _CAP_BEFORE.search(text[max(0, o - 40) : o])
        if before is not None:
            w = before.group("w")
            if len(toks) == 1 and _known_first_name(w):
                person = person or f"{w} {name}"  # "Jan Nowak" then "Nowak"
            elif w.lower().strip(".,") not in _STOP:
                return None  # part of a longer name: "Apple Intelligence"
        if _CAP_AFTER.match(text, o + len(name)):
            return None  # "Sewell Setzer": a first name
    return ("Person", person) if person else ("Company", name)


def fold_name(word: str) -> str:
    """Lower case without accents: ``fold_name("Noël") == "noel"``."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()


def _known_first_name(word: str) -> bool:
    """``word`` (or its first part, "Jean" of "Jean-Noël") is in the first-name list."""
    return fold_name(word.split("-")[0]) in first_names()


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The first names of ``loaders/data/first_names.txt`` (folded)."""
    path = Path(__file__).resolve().parent / "data" / "first_names.txt"
    return frozenset(
        w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")
    )


def find(text: str, known: list[Mention]) -> list[Mention]:
    """Mentions of actors the dictionary lacks, not overlapping ``known`` (in order)."""
    occupied = SpanSet((m.start, m.end) for m in known)
    free = occupied.free
    out: list[Mention] = []
    known = sorted(known, key=lambda k: k.start)
    kstarts = [k.start for k in known]
    klong = max((k.end - k.start for k in known), default=0)

    def known_near(s: int, e: int) -> list[Mention]:
        """The known mentions that can overlap ``[s, e)`` (a slice, not the whole list)."""
        return known[bisect_left(kstarts, s - klong) : bisect_left(kstarts, e)]

    people: dict[str, Actor] = {}
    for k in known:
        # "Commissioner John Edwards ... Mr Edwards": a person the dictionary names is the one a
        # later surname means
        if k.actor.type.value == "Person" and len(k.actor.name.split()) >= 2:
            people.setdefault(k.actor.name.split()[-1], k.actor)
    spans: list[tuple[int, int, str | None]] = []
    for m in _NAME.finditer(text):
        s, e = _trim(text, m.start(), m.start("acro") - 2 if m.group("acro") else m.end())
        if e <= s:
            continue
        acro_m = m.group("acro")
        if _FR_HEAD.match(text, s) and not acro_m:
            # "Conseil exécutif de l'Union africaine (UA)": a French institution's adjectives and
            # complement follow its head
            x = _FR_TAIL.match(text, e)
            if x and x.end() > e:
                e = x.end()
                while e > s and text[e - 1] in ".,;:":
                    e -= 1
                ac = re.match(r"\s+\((?P<acro>[A-Z][A-Za-z0-9&.-]{1,9})\)", text[e:])
                if ac:
                    acro_m = ac.group("acro")
        # "DoNotPay and Pieces Technologies": two names when each side stands as one
        tm = _TITLE_IN.match(text, s, e)
        if tm and tm.end() < e:
            s = tm.end()  # "Senators Kathy Roe and Rob Doe": the title is not the name
        cut = re.split(r"\s+(?:and|et|&)\s+", text[s:e])
        if (
            len(cut) > 1
            and all(2 <= len(c.split()) <= 3 and all(_FIRST_NAME_HINT.match(t) for t in c.split()) for c in cut)
            and (tm or all(_known_first_name(c.split()[0]) for c in cut))
        ):
            # "Senators Kathy Roe and Rob Doe", "Jane Roe and Tom Decker": two people
            pos = s
            for c in cut:
                a = text.index(c, pos)
                spans.append((a, a + len(c), "@Person"))
                pos = a + len(c)
            continue
        if len(cut) > 1:
            typed = [_type_of(c) or ("Company" if len(c.split()) == 1 and _camel(c) else None) for c in cut]
            sibling = next((t for t in typed if t in ("Company", "Organization")), None)
            if all(typed) or (
                len(cut) == 2 and sibling and not _HEAD_OF.search(cut[0]) and all(len(c.split()) <= 4 for c in cut)
            ):
                # "Acme Studios and Brightline Pictures", and "Acme and Brightline Pictures": the
                # untyped side is a party of the same kind as its typed sibling
                pos = s
                for c, t in zip(cut, typed):
                    a = text.index(c, pos)
                    spans.append((a, a + len(c), None if t else "@" + sibling))
                    pos = a + len(c)
                continue
        spans.append((s, e, acro_m))
    for lm in _LIST.finditer(text):
        # "three ecommerce companies — Ascend Ecom, Ecommerce Empire Builders, and FBA Machine"
        items = [nm for nm in re.finditer(_ITEM, lm.group("items")) if not _DEMONYM.fullmatch(nm.group(0))]
        if lm.group("bare") is not None and len(items) < 2:
            continue  # "companies Acme": a list needs a mark or two members
        for nm in items:
            a, b = lm.start("items") + nm.start(), lm.start("items") + nm.end()
            spans.append((a, b, "@" + _list_type(lm.group("cls"))))
    for am in _APPOS.finditer(text):
        a, b = _trim(text, *am.span("name"))
        if b > a and text[a:b].split()[0].lower() not in _STOP and not _DEMONYM.fullmatch(text[a:b]):
            spans.append((a, b, "@" + _appos_type(am.group("cls"))))
    spans.sort(key=lambda x: (x[0], x[1]))
    index = _NameIndex(text)
    for s, e, acro in spans:
        forced_type = acro[1:] if acro and acro.startswith("@") else None
        forced = forced_type is not None
        if forced:
            acro = None
        name = text[s:e]
        toks = name.split()
        if len(toks) > 1 and _sentence_start(text, s) and re.search(r"(?:ing|ed|ly)$", toks[0]):
            # "Using AI tools": a gerund or participle opening the sentence is not the name's
            s = text.index(toks[1], s + len(toks[0]))
            name = text[s:e]
            toks = name.split()
        spans_t = [(t.start(), t.end()) for t in re.finditer(r"\S+", name)]
        for i in range(2, len(toks)):
            # "Iowa Department of Management on Feb. 19": a date ends the name
            if (
                toks[i].lower().strip(".,") in _STOP
                and toks[i][:1].isupper()
                and toks[i].strip(".,") not in ("AI", "IA")
            ):  # ("... on Generative AI" goes on)
                j = i - 1 if re.fullmatch(r"on|of|for|in|de|du|le|en", toks[i - 1]) else i
                e = s + spans_t[j - 1][1]
                name = text[s:e]
                toks = name.split()
                break
        while len(toks) > 1 and toks[0].lower().strip(".,") in _STOP:
            # "Yesterday Brightloop Technologies": a sentence's first word is not the name's
            s = text.index(toks[1], s + len(toks[0]))
            name = text[s:e]
            toks = name.split()
        if not toks or toks[0].lower().strip(".") in _STOP and len(toks) == 1:
            continue
        if len(toks) >= 3 and not forced and _type_of(name) is None:
            # "Chief Information Officer Dominic Rochon", "délégué au Numérique Jean-Noël
            # Barrot": the office's last words are not the person's first names
            k = _office_prefix(toks)
            if k:
                s = s + [t.start() for t in re.finditer(r"\S+", name)][k]
                name = text[s:e]
                toks = name.split()
        if not free(s, e):
            near = known_near(s, e)
            inner = [k for k in near if k.start >= s and k.end <= e]
            tail = text[inner[0].end : e].split() if len(inner) == 1 and inner[0].start == s else []
            if (
                2 <= len(tail) <= 3
                and all(_FIRST_NAME_HINT.match(t) for t in tail)
                and re.search(_TITLE_WORD + r"\s*$", inner[0].surface)
            ):
                # "UK Information Commissioner John Edwards": a known office, then its holder
                a = e - len(" ".join(tail))
                if text[a:e] == " ".join(tail) and free(a, e):
                    spans_person = Actor.make(text[a:e], "Person", None, (text[a:e],))
                    people.setdefault(tail[-1], spans_person)
                    occupied.append((a, e))
                    out.append(Mention(a, e, text[a:e], spans_person, "open"))
                    continue
        if not free(s, e):
            # a known name inside a longer one: "Google Ireland Ltd" -> keep the longer only
            # when it is typed by a company suffix; else the dictionary's mention wins
            near = known_near(s, e)
            inner = [k for k in near if k.start >= s and k.end <= e]
            overlapping = [k for k in near if k.start < e and k.end > s]
            place = (
                len(inner) == 1
                and inner[0].start == s
                and inner[0].end < e
                and (inner[0].actor.type.value == "Country" or inner[0].actor.role == "us_state")
                and _type_of(name) in ("Government", "Regulator", "Court", "Legislature", "Organization")
            )
            # "Conseil exécutif de l'Union africaine": a typed head whose complement is known
            head = text[s : inner[0].start] if len(inner) == 1 else ""
            place = place or (
                len(inner) == 1
                and inner[0].end == e
                and len(head.split()) >= 2
                and re.search(
                    r"\s(?:of(?:\s+the)?|de(?:\s+la)?|du|des|de\s+l['’]|"
                    r"d['’])\s*$",
                    head,
                )
                is not None
                and _type_of(head) in ("Government", "Regulator", "Court", "Legislature")
            )
            # "The Delhi High Court", "Ontario Superior Court": a seat before a court the
            # dictionary knows by its generic name ("High Court") is another court
            seat = (
                len(inner) == 1
                and inner[0].end == e
                and inner[0].actor.type.value == "Court"
                and _type_of(name) == "Court"
                and re.fullmatch(r"(?:(?:The|the)\s+)?(?:" + _UP + r"[a-zà-ÿ]+\s+){1,2}", text[s : inner[0].start])
                is not None
            )
            if not (
                len(inner) == 1
                and len(inner) == len(overlapping)
                and len(toks) > 1
                and (_type_of(name) == "Company" or place or seat)
            ):
                continue
            rest = name
            for k in inner:
                rest = rest.replace(k.surface, " ")
            if not _LEGAL_FORM.sub("", rest):
                continue  # "Snap Inc.": the dictionary's Snap with its legal form
        if not _LEGAL_FORM.sub("", name):
            continue  # "Inc." alone ("Delphia (USA) Inc."): a legal form names nobody
        typ = _type_of(name) or forced_type
        if typ is None:
            if len(toks) == 1 and _camel(toks[0]) and not _sentence_start(text, s):
                typ = "Company"
            elif (
                2 <= len(toks) <= 4
                and _person_like(toks)
                and toks[0].lower() not in _STOP
                and (
                    _SPEECH_AFTER.match(text, e)
                    or _TITLE_BEFORE.search(text[max(0, s - 40) : s])
                    or _TITLE_NEAR.search(text[max(0, s - 110) : s])
                    or _TITLE_COMMA_BEFORE.search(text[max(0, s - 90) : s])
                    or _SPEECH_BEFORE.search(text[max(0, s - 40) : s])
                )
            ):
                typ = "Person"
            elif _open_name(text, s, e, toks):
                typ = "Person"
            elif (rec := index.recurrent(text, name)) is not None:
                typ, full = rec
                if full != name:  # "Nowak": the Jan Nowak the text names in full
                    act = people.get(name) or Actor.make(full, typ, None, (full, name))
                    people.setdefault(name, act)
                    occupied.append((s, e))
                    out.append(Mention(s, e, name, act, "open"))
                    continue
            else:
                continue
        if typ in ("Regulator", "Government", "Legislature", "Court") and len(toks) == 1:
            continue  # "Commission", "Parlement" alone: a description, resolved by coreference
        if typ == "Law" and len(toks) < 2:
            continue
        if not free(s, e) and forced:
            continue
        aliases = [name]
        # a newspaper or a wire is a source, not an actor (the coder lets it sue and settle)
        role = "media" if typ == "Organization" and _MEDIA_NAME.search(name) else None
        act = Actor.make(name, typ, None, tuple(aliases + ([acro] if acro else [])), role=role)
        if typ == "Person":
            people.setdefault(toks[-1], act)
        for k in [k for k in known_near(s, e) if k.start >= s and k.end <= e]:
            occupied.remove((k.start, k.end))
        occupied.append((s, e))
        out.append(Mention(s, e, name, act, "open"))
        if acro:
            for am in re.finditer(r"(?<![\w-])" + re.escape(acro) + r"(?![\w-])", text):
                if am.start() > e and free(*am.span()):
                    occupied.append(am.span())
                    out.append(Mention(am.start(), am.end(), acro, act, "open"))
    # a capitalised word right after a legal verb is a party: "sued Rytr", "a fined Acme"
    # "Matthew and Maria Roe said": two people, one surname
    for pm in _SHARED_SURNAME.finditer(text):
        f1, f2, last = pm.group("f1"), pm.group("f2"), pm.group("last")
        if re.search(r"[A-ZÀ-Ö][\w'’.-]*\s+$", text[max(0, pm.start() - 30) : pm.start()]):
            continue  # "Kathy Roe and Rob Doe": two full names, not one shared surname
        if (
            {f1.lower(), f2.lower(), last.lower()} & _STOP
            or not free(pm.start(), pm.end())
            or _type_of(pm.group(0))
        ):
            continue
        for first, (a, b) in ((f1, pm.span("f1")), (f2, (pm.start("f2"), pm.end("last")))):
            act = Actor.make(f"{first} {last}", "Person", None, (f"{first} {last}",))
            occupied.append((a, b))
            out.append(Mention(a, b, text[a:b], act, "open"))

    def parties(rx):
        for om in rx.finditer(text):
            base = om.start("name")
            for part in re.finditer(r"[^,]+?(?=\s*,|\s+(?:and|et)\s+|$)", om.group("name")):
                piece = re.sub(r"^\s*(?:and|et)\s+|^\s+", "", part.group(0))
                if piece:
                    yield base + part.end() - len(piece), base + part.end()

    for rx in (_OBJECT, _AGENT, _SPEAKER):
        found = list(parties(rx))
        for a, b in found:
            a, b = _trim(text, a, b)
            words = text[a:b].split()
            nk = _office_prefix(words)
            if nk and _person_like(words[nk:]):
                a = text.index(words[nk], a)  # "Novelists Jane Roe, ...": the profession is not the name
            name = text[a:b]
            toks = name.split()
            if (
                not toks
                or toks[0].lower() in _STOP
                or toks[-1].lower() in _STOP
                or not free(a, b)
                or name.lower() in _NOT_SPEAKER
                or name in _ACRO_STOP
                or all(t.strip(".,").lower() in _OFFICE_WORDS for t in toks)
            ):
                continue  # (an office's words: "Minister for Digital Development and ...")
            if (
                rx is not _OBJECT
                and len(toks) == 1
                and not _camel(name)
                and _sentence_start(text, a)
                and not _LISTED.match(text, b)
                and not (rx is _AGENT and _named_inside(text, name))
            ):
                continue  # "Lawyers filed": a common noun opening the sentence (not "Suno et Udio",
                # not "Reddit", which the text also capitalises in mid-sentence)
            if len(toks) == 1 and name in people:
                act = people[name]  # "Sridhar said": the Aparna Sridhar named before
            else:
                typ = _type_of(name) or _party_type(name)
                act = Actor.make(name, typ, None, (name,))
            typ = act.type.value
            if typ == "Person":
                people.setdefault(toks[-1], act)
            occupied.append((a, b))
            out.append(Mention(a, b, name, act, "open"))
    # an acronym that speaks or acts is an organisation: "SAG-AFTRA said"
    acros: dict[str, Actor] = {}
    for am in _ACRO_SUBJ.finditer(text):
        tok = am.group("name")
        if (
            tok in _ACRO_STOP or len(tok.replace("-", "")) < 3 or not free(*am.span()) or f"({tok})" in text
        ):  # an acronym the text defines names what it defines
            continue
        acros.setdefault(tok, Actor.make(tok, "Organization", None, (tok,)))
    # "l'autorité italienne de la concurrence", "le ministère indien des finances", "la justice
    # française": a body named in lower case by its kind and its country
    for lm in _LOW_INSTITUTION.finditer(text):
        head = lm.group("head").lower()
        if not lm.group("comp") and head not in _BODY_ALONE:
            continue  # "l'autorité italienne" alone is a description of a body named elsewhere
        a, b = lm.span("name")
        while b > a and text[b - 1] in ".,;:":
            b -= 1
        if not free(a, b):
            continue
        name = text[a:b]
        act = Actor.make(name[:1].upper() + name[1:], _LOW_TYPE[head], None, (name,))
        occupied.append((a, b))
        out.append(Mention(a, b, name, act, "open"))
    # institutions named by their seat: "le parquet de Paris", "an Ankara court"
    for sm in _SEAT.finditer(text):
        kind = next(k for k in ("parquet", "tribunal", "court", "pros", "district") if sm.group(k))
        a, b = sm.span(kind)
        inner = [k for k in known_near(a, b) if k.start < b and k.end > a]
        places = bool(inner) and all(
            k.start >= a and k.end <= b and (k.actor.type.value == "Country" or k.actor.role == "us_state")
            for k in inner
        )
        if not free(a, b) and not (places and not [o for o in out if o.start < b and o.end > a]):
            continue  # a known name, unless it is the court's seat: "a California court"
        for k in inner:
            if (k.start, k.end) in occupied:
                occupied.remove((k.start, k.end))
        name = sm.group(kind)
        words = name.split()
        if kind == "court" and (words[0].lower() in _STOP or _type_of(" ".join(words[:-1]))):
            continue
        typ = "Government" if kind in ("parquet", "pros") else "Court"
        act = Actor.make(name[:1].upper() + name[1:], typ, None, (name,))
        occupied.append((a, b))
        out.append(Mention(a, b, name, act, "open"))
    # a surname alone before a speech verb ("Johansson said") is the person named in full before
    for sm in _SURNAME_SPEAKS.finditer(text):
        a, b = sm.span("name")
        tok = sm.group("name")
        if tok.lower() in _STOP or not free(a, b) or tok in people:
            continue
        full = None
        for fm in re.finditer(r"\b((?:[A-ZÀ-Ö][a-zà-ÿ'’-]+\s+){1,2})" + re.escape(tok) + r"\b", text[:a]):
            full = fm.group(0)
        if full and full.split()[0].lower() not in _STOP:
            people[tok] = Actor.make(full, "Person", None, (full, tok))

    def claim_all(word: str, act: Actor) -> None:
        """Every free standalone occurrence of ``word`` names ``act``."""
        for sm in re.finditer(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w'’-])", text):
            if free(*sm.span()):
                occupied.append(sm.span())
                out.append(Mention(sm.start(), sm.end(), word, act, "open"))

    # lists of people: "authors John Grisham, Jodi Picoult and Scott Turow", "Advocates Ankit
    # Roe, Vikram Doe, and Rashid Poe"; without a plural title, three names or more
    for lm in _PERSON_LIST.finditer(text):
        items = [im for im in re.finditer(_PNAME, lm.group("items"))]
        if len(items) < (2 if lm.group("intro") else 3):
            continue
        if not all(_person_like(im.group(0).split()) for im in items):
            continue
        base = lm.start("items")
        for im in items:
            a, b = base + im.start(), base + im.end()
            if not free(a, b):
                continue
            name = text[a:b]
            act = people.get(name.split()[-1]) if len(name.split()) == 1 else None
            act = act or Actor.make(name, "Person", None, (name,))
            people.setdefault(name.split()[-1], act)
            occupied.append((a, b))
            out.append(Mention(a, b, name, act, "open"))
    # a title and a surname alone: "Gov. Pritzker signed", "Sen. Hawley said"
    for tm in _TITLE_SURNAME.finditer(text):
        a, b = tm.span()
        sur = tm.group("sur")
        if not free(tm.start("sur"), b) or sur.lower() in _STOP:
            continue
        act = people.get(sur) or Actor.make(sur, "Person", None, (text[a:b], sur))
        people.setdefault(sur, act)
        occupied.append((a, b))
        out.append(Mention(a, b, text[a:b], act, "open"))
    # later mentions by surname: "Johansson said", "Mr Rotondo"
    for last, act in people.items():
        claim_all(last, act)
    for tok, act in acros.items():
        claim_all(tok, act)
    # "Mr Rotondo", "Mme Dupont": a title and a single surname
    for tm in re.finditer(r"\b(?:Mr|Mrs|Ms|Dr|M\.|Mme|Me)\.?\s+(" + _UP + r"[a-zà-ÿ'’-]+)\b", text):
        s, e = tm.span(1)
        if free(s, e):
            act = people.get(tm.group(1)) or Actor.make(tm.group(1), "Person", None, (tm.group(1),))
            people.setdefault(tm.group(1), act)
            occupied.append((s, e))
            out.append(Mention(s, e, tm.group(1), act, "open"))
            claim_all(tm.group(1), act)
    # a legal form alone ("Perplexity AI, Inc.": the "Inc" after the comma) names nobody
    out = [x for x in out if _LEGAL_FORM.sub("", x.actor.name)]
    # a sentence's full stop is not part of a name ("a company called Brightloop Labs.")
    renamed: dict[str, Actor] = {}
    for i, mn in enumerate(out):
        act0 = mn.actor
        if mn.surface.endswith(".") and act0.name.endswith(".") and not _ABBREV_END.search(act0.name):
            if act0.id not in renamed:
                renamed[act0.id] = Actor.make(
                    act0.name[:-1],
                    act0.type.value,
                    act0.wikidata,
                    tuple(x.rstrip(".") for x in act0.aliases),
                    act0.country,
                    act0.role,
                    act0.owner,
                )
            out[i] = Mention(mn.start, mn.end - 1, mn.surface[:-1], renamed[act0.id], mn.how)
    if renamed:
        out = [Mention(x.start, x.end, x.surface, renamed.get(x.actor.id, x.actor), x.how) for x in out]
    out.sort(key=lambda m: m.start)
    return out


# ---------------------------------------------------------------------------------------------
# laws named by a description: "a new executive order", "a bipartisan bill to ban X from
# government devices", "une loi pour criminaliser ...", "the Elections (Integrity of Online
# Advertising) (Amendment) Bill"

_LAW_PAREN = re.compile(
    r"(?<![\w'’-])(?P<name>(?:" + _UP + r"[\w'’.-]*\s+(?:(?:and|of|for|the|on|"
    r"to)\s+)?){1,7}(?:\([^()\n]{2,70}\)\s+)+(?:"
    + _UP
    + r"[\w'’.-]*\s+){0,3}(?:Act|Bill|Rules|Regulations?|Law|Code|Order|Ordinance|Amendment)s?)"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
)
_LAW_HEAD_EN = (
    r"executive\s+orders?|bills?|laws?|legislation|regulations?|rules|measures|decrees?|"
    r"guidelines|guidance|directives?|ordinances?|amendments?"
)
_LAW_DESC_EN = re.compile(
    r"(?:\b(?P<det>[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+|(?<![\w-])(?=(?:two|three|four|several|\d+)\s)|"
    # a mass noun needs no determiner when its complement says what it does: "introduced
    # legislation to ban the app"
    r"(?<![\w-])(?=(?:[Ll]egislation|[Gg]uidance)\s+(?:to|aimed\s+at|regulating|targeting|banning|governing|"
    r"requiring|"
    r"criminali[sz]ing)\s))"
    r"(?P<mods>(?:(?:new|first|first-ever|first-of-its-kind|set\s+of|package\s+of|sweeping|landmark|bipartisan|"
    r"draft|federal|state|national|interim|final|proposed|comprehensive|executive|historic|"
    r"controversial|artificial\s+intelligence|AI|more|two|three|four|several|\d+|[Gg]overnment|"
    r"[Pp]rivate\s+member['’]s|omnibus)\s+){0,4})"
    r"(?P<head>(?i:" + _LAW_HEAD_EN + r"))\b"
    r"(?!\s+(?:professors?|firms?|schools?|enforcement|students?|makers?|clerks?|partners?|offices?|"
    r"society|review|journals?|degrees?|graduates?|scholars?|experts?|of\s+(?:the\s+)?(?:land|jungle|thumb|"
    r"physics|nature)))"
    r"(?P<comp>\s+(?:to|on|for|aimed\s+at|regulating|targeting|banning|governing|against|requiring|"
    r"criminali[sz]ing|making|that\s+(?:would|will|seeks?|aims?|bans?|makes?|requires?|criminali[sz]es?))\s+"
    r"[^,.;:()“”\"\n]{2,70}(?:\s\([^()\n]{1,15}\))?)?"
)
_LAW_HEAD_FR = (
    r"projet\s+de\s+loi|proposition\s+de\s+loi|lois?|décrets?|règlement|réglementation|règles|"
    r"mesures|directive|ordonnance|circulaire|législation|amendement"
)
_LAW_DESC_FR = re.compile(
    r"\b(?P<det>[Uu]ne?|[Ll]a|[Ll]e|[Ll]es|[Ss]on|[Ss]a|[Ss]es|[Ll]eur)\s+"
    r"(?P<mods>(?:(?:nouvelle?s?|toute\s+première|première|vaste|grande)\s+)*)"
    r"(?P<head>(?i:" + _LAW_HEAD_FR + r"))(?![\w-])"
    r"(?P<adjs>(?:\s+(?:fédéral|fédérale|européen|européenne|national|nationale|exécutif|présidentiel|"
    r"complète?|globale?|spécifique|ambitieuse?|historique|inédite?|nouvelle?|"
    r"provisoires?|intérimaires?|" + _NAT + r"))(?![\w-])){0,2}"
    r"(?P<comp>\s+(?:sur|pour|visant\s+à|relative?\s+(?:à|aux?)|contre|encadrant|interdisant|concernant|"
    r"portant\s+sur|qui\s+(?:vise|interdit|encadre|criminalise|empêche|oblige|"
    r"codifierait))\s+[^,.;:()«»\"\n]{3,70}(?:\s\([^()\n]{1,15}\))?)?"
)
_NAME_TAIL = {
    "the",
    "a",
    "an",
    "for",
    "of",
    "to",
    "on",
    "in",
    "and",
    "de",
    "la",
    "le",
    "les",
    "du",
    "des",
    "pour",
    "sur",
    "à",
    "au",
    "aux",
    "et",
    "d'",
    "l'",
}
# bare heads that only point back ("the bill", "la loi"): the coder's coreference names them
_BARE_OK = re.compile(r"^(?:executive\s+orders?|projet\s+de\s+loi|proposition\s+de\s+loi)$", re.I)


def described_laws(text: str, known: list[Mention]) -> list[Mention]:
    """Laws the text names by a description or a name the dictionary lacks, not overlapping
    ``known``: an indefinite description ("a new executive order", "une loi pour criminaliser
    les deepfakes") or one with modifiers or a complement introduces a law; a bare definite
    ("the bill", "la loi") is left to coreference.

    >>> def laws(t): return [m.actor.name for m in described_laws(t, [])]
    >>> laws("The mayor issued a new executive order on AI. It applies now.")
    ['New executive order on AI']
    >>> laws("Parliament passed the Online Safety (Minors) (Amendment) Bill.")
    ['Online Safety (Minors) (Amendment) Bill']
    >>> described_laws("He broke the law.", [])
    []
    """
    occupied = SpanSet((m.start, m.end) for m in known)
    free = occupied.free
    out: list[Mention] = []
    named_before = sorted(m.start for m in known if m.actor.type.value == "Law")
    for m in _LAW_PAREN.finditer(text):
        s, e = m.span()
        if not free(s, e):
            continue
        name = m.group("name") + (f", {m.group('year')}" if m.group("year") else "")
        aliases = [text[s:e]]
        # "Ensuring Likeness Voice and Image Security (ELVIS) Act" is also the "ELVIS Act"
        acro = re.fullmatch(r"(?s).*\((?P<a>[A-Z][A-Z0-9.&-]{1,9})\)\s+(?P<h>\S+)", m.group("name"))
        if acro:
            aliases.append(f"{acro.group('a')} {acro.group('h')}")
        occupied.append((s, e))
        law = Actor.make(name, "Law", None, tuple(aliases))
        out.append(Mention(s, e, text[s:e], law, "open"))
        if acro:
            short = aliases[1]
            for sm in re.finditer(r"(?<![\w-])" + re.escape(short) + r"\b", text):
                if free(*sm.span()):
                    occupied.append(sm.span())
                    out.append(Mention(sm.start(), sm.end(), short, law, "open"))
    for rx in (_LAW_DESC_EN, _LAW_DESC_FR):
        for m in rx.finditer(text):
            s, e = m.span()
            det, mods = (m.group("det") or "").lower(), m.group("mods").strip()
            head, comp = m.group("head"), m.group("comp")
            adjs = (m.groupdict().get("adjs") or "").strip()
            indefinite = det in ("a", "an", "un", "une", "")
            if re.match(r"(?i)règlement", head) and re.match(
                r"\s+(?:de\s+\d|à\s+l['’]amiable|amiable|"
                r"d['’]un\s+litige)",
                text[m.end("head") :],
            ):
                continue  # "un règlement de 650 millions $": a settlement (Canadian French)
            if not (indefinite or mods or adjs or comp or _BARE_OK.match(head)):
                continue  # "the bill", "la loi": coreference
            if not indefinite and not comp and bisect_left(named_before, s) > 0:
                continue  # "the new rules" after a named law: that law
            if comp:
                # a complement runs to a verb of the main clause at most
                cut = re.search(
                    r"\s(?:on\s+(?:its|their|his|her)\b|at\s+the|in\s+(?:the|a)\b|on\s+(?:Monday|"
                    r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                    r"last|this|yesterday|into\s+law|was|were|has|have|had|is|are|will|would|could|"
                    r"should|must|may|can|"
                    r"a\s+été|ont|est|sont|a|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b",
                    text[m.start("comp") : e],
                )
                if cut:
                    e = m.start("comp") + cut.start()
                    if e - m.start("comp") < 6:
                        e = m.start("comp")
            s2 = m.start("mods") if mods else m.start("head")
            while e > s and text[e - 1] in " ,;":
                e -= 1
            span_end = e
            if not free(s, e):
                # "legislation to ban DeepSeek": a name the dictionary knows inside the complement
                # stays its own mention; the law is mentioned by its head, named in full
                if not (comp and free(s, m.end("head"))):
                    continue
                span_end = m.end("head")
            words = text[s2:e].split()[:9]
            while len(words) > 1 and words[-1].lower() in _NAME_TAIL:
                words.pop()
            name = " ".join(words)
            name = name[:1].upper() + name[1:]
            occupied.append((s, span_end))
            out.append(
                Mention(
                    s,
                    span_end,
                    text[s:span_end],
                    Actor.make(name, "Law", None, (text[s:e],), None, "described"),
                    "open",
                )
            )
    out.sort(key=lambda x: x.start)
    return out


# ---------------------------------------------------------------------------------------------
# a company's AI products named by a description: "its generative AI-based advertising tools",
# "ses personnages IA", "the AI capabilities built into the devices" (possessive only)

_AI_WORD = (
    r"(?:AI|A\.I\.|IA|artificial[\s-]+intelligence|intelligence\s+artificielle|generative|générative|"
    r"génératives|génératifs|chatbots?|GenAI)"
)
_PROD_HEAD_EN = (
    r"(?:tools?|features?|models?|chatbots?|assistants?|characters?|bots?|services?|apps?|"
    r"applications?|products?|capabilities|functions?|systems?)"
)
_PROD_HEAD_FR = (
    r"(?:outils?|fonctionnalités?|modèles?|chatbots?|assistants?|personnages?|robots?|services?|"
    r"applications?|produits?|systèmes?|agents?)"
)
_PRODUCT_DESC = re.compile(
    r"\b(?P<det>[Ii]ts|[Tt]heir)\s+(?P<np>(?:[\w'’-]+\s+){0,4}?" + _PROD_HEAD_EN + r")\b"
    r"|\b(?P<detfr>[Ss]es|[Ss]on|[Ss]a|[Ll]eurs?)\s+(?P<npfr>" + _PROD_HEAD_FR + r"(?:\s+[\w'’-]+){0,5})"
)
_PROD_STOP = re.compile(
    r"\s(?:au|aux|en|pour|dans|sur|à|depuis|jusqu\w*|qui|que|et|ou|par|avec|chez|afin|"
    r"lors|for|in|on|to|after|while|which|that|and|with|from|across)\b",
    re.I,
)


def described_products(text: str, known: list[Mention]) -> list[Mention]:
    """AI products a company's text names by a possessive description, owned by the last company
    named before them: "Meta ... its generative AI-based advertising tools" is a Product named
    "Meta: generative AI-based advertising tools". Only descriptions with an AI word in them.

    >>> ms = described_products("Meta said it would pause its generative AI tools in Brazil.",
    ...                         [Mention(0, 4, "Meta", Actor.make("Meta", "Company"), "dict")])
    >>> [(m.surface, m.actor.name) for m in ms]
    [('its generative AI tools', 'Meta: generative AI tools')]
    """
    occupied = SpanSet((m.start, m.end) for m in known)
    companies = sorted((m for m in known if m.actor.type.value == "Company"), key=lambda m: m.start)
    out: list[Mention] = []
    for m in _PRODUCT_DESC.finditer(text):
        np_ = m.group("np") or m.group("npfr")
        s, e = m.span()
        if m.group("npfr"):
            cut = _PROD_STOP.search(text, m.start("npfr"), e)
            if cut:
                e = cut.start()
                np_ = text[m.start("npfr") : e]
        if not re.search(_AI_WORD, np_, re.I):
            continue
        while e > s and text[e - 1] in " ,;.":
            e -= 1
        if re.search(r"(?i)(?:chatbot|assistant|bot|model|modèle|robot|app|application)$", np_.strip()):
            continue  # "its AI chatbot": the product the text names (coreference), not a new one
        if any(k.actor.type.value == "Product" and (0 <= s - k.end <= 3 or 0 <= k.start - e <= 2) for k in known):
            continue  # "Gemini, its AI chatbot", "its AI assistant Ernie Bot": that product
        if not occupied.free(s, e):
            continue
        owner = next((c for c in reversed(companies) if c.end <= s and s - c.end <= 400), None)
        if owner is None:
            continue
        label = " ".join(text[m.start("np") if m.group("np") else m.start("npfr") : e].split())
        act = Actor.make(f"{owner.actor.name}: {label}", "Product", None, (text[s:e],), None, "described")
        occupied.append((s, e))
        out.append(Mention(s, e, text[s:e], act, "open"))
    return out


_LIST_ITEM = r"[A-ZÀ-Ö][\w'’.&/+-]*(?:\s+(?:[A-ZÀ-Ö0-9][\w'’.&/+-]*|of|de|du|des|the|&)){0,4}"
_NAME_LIST = re.compile(
    r"(?<![\w'’.-])" + _LIST_ITEM + r"(?:\s*,\s*" + _LIST_ITEM + r"){1,12}\s*,?\s+(?:and|et|&|"
    r"ainsi\s+que)\s+" + _LIST_ITEM
)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:(?:and|et|ainsi\s+que)\s+)?|\s+(?:and|et|&|ainsi\s+que)\s+")
_LIST_TYPES = ("Company", "Organization", "Product")


def list_members(text: str, known: list[Mention]) -> list[Mention]:
    """Names the dictionary lacks in a list beside names it knows, typed like them: in
    "publishers including Brightloop, Postmedia and CBC", Brightloop and Postmedia are
    companies as CBC is.

    A list needs a comma and two names or more; every known member must be of one type
    (company, organisation or product); a member that is a known name of another type (a
    country, a person) leaves the list alone.

    >>> from loaders.gazetteer import default_gazetteer
    >>> t = "Rights holders including Zorblat Media, Quenton Press and OpenAI sued Acme."
    >>> [(m.surface, m.actor.type.value) for m in list_members(t, default_gazetteer().find(t))]
    [('Zorblat Media', 'Company'), ('Quenton Press', 'Company')]
    """
    if not known:
        return []
    # known names become one opaque word each, so a list splits around them, never inside
    chars = list(text)
    for k in known:
        if k.end - k.start >= 1:
            chars[k.start : k.end] = ["K"] + ["k"] * (k.end - k.start - 1)
    masked = "".join(chars)
    by_start = {k.start: k for k in known}
    out: list[Mention] = []
    for lm in _NAME_LIST.finditer(masked):
        a0 = lm.start()
        items: list[tuple[int, int]] = []
        pos = a0
        for sep in _LIST_SPLIT.finditer(masked, a0, lm.end()):
            items.append((pos, sep.start()))
            pos = sep.end()
        items.append((pos, lm.end()))
        kinds = set()
        unknown = []
        for s, e in items:
            k = by_start.get(s)
            if k is not None and k.end == e:
                kinds.add(k.actor.type.value)
            elif any(x.start < e and x.end > s for x in known):
                kinds.add("?")  # a known name inside a longer item: not a clean list
            else:
                unknown.append((s, e))
        if len(kinds) != 1 or not kinds <= set(_LIST_TYPES) or not unknown or len(items) - len(unknown) < 1:
            continue
        typ = next(iter(kinds))
        for s, e in unknown:
            s, e = _trim(text, s, e)
            name = text[s:e]
            toks = name.split()
            if (
                not toks
                or len(toks) > 4
                or toks[0].lower() in _STOP
                or _DEMONYM.fullmatch(name)
                or re.search(r"\b[A-Z]{1,5}-[A-Z]{1,2}\b", name)
            ):  # "Brightloop BRT-T": a ticker
                continue
            if _sentence_start(text, s) and len(toks) == 1:
                continue  # "Meanwhile, ...": a capitalised first word of a sentence
            out.append(Mention(s, e, name, Actor.make(name, typ, None, (name,)), "open"))
    return out


_BILL_NUMBER = re.compile(
    r"(?<![\w.-])(?:(?:House|Senate|Assembly)\s+(?:Bill|File|Resolution)\s+(?:No\.\s*)?|"
    r"(?-i:H\.?\s?B\.?|S\.?\s?B\.?|A\.?\s?B\.?|H\.?\s?R\.?|H\.?\s?F\.?|S\.?\s?F\.?|L\.?\s?D\.?|"
    r"S\.)\s?(?:No\.\s*)?)"
    r"\d{1,5}(?![\w-])|"
    r"\b[Bb]ill\s+[CS]-\d{1,3}\b|"
    r"\b[Pp]rojet\s+de\s+loi\s+(?:n[°o]\s*)?\d{1,4}(?![\w-])|"
    r"\b[Pp]roposition\s+de\s+loi\s+n[°o]\s*\d{1,5}(?![\w-])"
)


_BILL_HOUSE = re.compile(r"\b(house|senate|assembly)\s+bill\b")


def numbered_bills(text: str, known: list[Mention] = ()) -> list[Mention]:
    """Bills named by their number: "HB 2094", "SB 1047", "H.R. 1234", "Bill C-27", "projet
    de loi 64". Each number is its own law; the same number later in the text is the same one
    ("Senate Bill 53" = "SB 53"); a number inside a name the dictionary knows stays the
    dictionary's (``known``).

    >>> [m.surface for m in numbered_bills("Newsom vetoed SB 1047; H.R. 1234 and Bill C-27 wait.")]
    ['SB 1047', 'H.R. 1234', 'Bill C-27']
    >>> len({m.actor.id for m in numbered_bills("Senate Bill 53 passed. SB 53 is law.")})
    1
    """
    out: list[Mention] = []
    seen: dict[str, Actor] = {}
    named = [k for k in known if k.how == "dict"]
    for m in _BILL_NUMBER.finditer(text):
        surface = m.group(0)
        if any(k.start < m.end() and k.end > m.start() for k in named):
            continue  # a bill the dictionary knows by this number is the dictionary's
        key = re.sub(r"[\s.]|(?:no)(?=\d)", "", _BILL_HOUSE.sub(lambda h: h.group(1)[0] + "b", surface.lower()))
        act = seen.get(key)
        if act is None:
            name = surface[:1].upper() + surface[1:]
            act = seen[key] = Actor.make(name, "Law", None, (surface,))
        out.append(Mention(m.start(), m.end(), surface, act, "open"))
    return out
