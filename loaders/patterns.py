"""Event triggers per event type and language, with the type constraints on their roles.

A trigger is a regular expression over one sentence. Options:
  * ``passive`` -- the actor follows the trigger ("was fined by X", "initiées par X"), the
    target precedes it;
  * ``nominal`` -- a nominalisation ("a probe into", "l'ouverture d'une enquête visant");
  * ``speech``  -- a verb of saying (STATED, and the speaker may follow the verb after a quote);
  * ``agentless`` -- the actor may be absent from the sentence: it is then taken from the
    discourse (the last compatible actor), with lower confidence;
  * ``planned`` -- the trigger itself announces a future measure.

Role types: which entity types may be actors / targets of each event type (a Law cannot be
investigated, a Country is not fined by a company...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import EntityType as T
from graph.model import EventType as E

__all__ = ["Trigger", "TRIGGERS", "ACTOR_TYPES", "TARGET_TYPES", "TARGET_REQUIRED",
           "HYPOTHETICAL", "NEGATION", "PLANNED", "FUTURE_DATE_CONTEXT"]

AUTH = {T.COUNTRY, T.GOVERNMENT, T.REGULATOR, T.LEGISLATURE, T.COURT}
PARTY = {T.PERSON, T.COMPANY, T.GOVERNMENT, T.COUNTRY, T.REGULATOR, T.LEGISLATURE, T.COURT,
         T.ORGANIZATION}
SUBJ = PARTY

ACTOR_TYPES: dict[E, set] = {
    E.BANNED: AUTH | {T.PERSON},
    E.BLOCKED_ACCESS: AUTH | {T.COMPANY},
    E.DEMANDED: PARTY,
    E.STATED: PARTY,
    E.SUED: PARTY,
    E.INVESTIGATED: AUTH | {T.PERSON},
    E.FINED: AUTH,
    E.RESTRICTED: AUTH | {T.COMPANY},
    E.REGULATED: AUTH | {T.PERSON},
    E.CRIMINALISED: AUTH,
    E.ALLOWED: AUTH | {T.PERSON},
    E.ANNOUNCED: PARTY,
    E.COMPLIED: {T.COMPANY, T.ORGANIZATION},
    E.SETTLED: {T.COMPANY, T.PERSON, T.ORGANIZATION},
}
TARGET_TYPES: dict[E, set] = {
    E.BANNED: {T.COMPANY, T.PRODUCT},
    E.BLOCKED_ACCESS: {T.PRODUCT, T.COMPANY},
    E.DEMANDED: PARTY | {T.PRODUCT},
    E.STATED: PARTY | {T.PRODUCT, T.LAW},
    E.SUED: PARTY,
    E.INVESTIGATED: {T.COMPANY, T.PRODUCT, T.PERSON, T.ORGANIZATION},
    E.FINED: {T.COMPANY, T.PERSON, T.ORGANIZATION, T.PRODUCT},
    E.RESTRICTED: {T.PRODUCT, T.COMPANY},
    E.REGULATED: {T.LAW},
    E.CRIMINALISED: {T.LAW},
    E.ALLOWED: {T.PRODUCT, T.COMPANY, T.LAW},
    E.ANNOUNCED: {T.LAW, T.PRODUCT, T.COMPANY},
    E.COMPLIED: {T.REGULATOR, T.GOVERNMENT, T.COUNTRY, T.LAW, T.COURT},
    E.SETTLED: PARTY,
}
#: Event types that are not coded without a target in the sentence.
TARGET_REQUIRED = {E.BANNED, E.BLOCKED_ACCESS, E.SUED, E.INVESTIGATED, E.FINED, E.SETTLED}


@dataclass(frozen=True)
class Trigger:
    type: E
    lang: str
    rx: re.Pattern
    passive: bool = False
    nominal: bool = False
    speech: bool = False
    agentless: bool = False
    planned: bool = False
    keys: tuple[str, ...] = ()  # literal fragments: the trigger can only fire if one is present

    def may_fire(self, lowered: str) -> bool:
        return not self.keys or any(k in lowered for k in self.keys)


_STOP = set("has have had also officially the and les des une aux par pour que qui est sont was were "
            "been with into against contre sur ont avait avaient été également aussi".split())


def _keys(pattern: str) -> tuple[str, ...]:
    """Literal fragments of every alternative (a cheap prefilter before the regex runs)."""
    src = re.sub(r"\\[a-zA-Z]", " ", pattern.lower())
    src = re.sub(r"\(\?<?[=!][^)]*\)", " ", src)  # lookarounds say nothing about presence
    frags = {f for f in re.findall(r"[a-zà-ÿ]{3,}", src) if f not in _STOP}
    return tuple(sorted(frags))


_L: list[Trigger] = []


def _t(type: E, lang: str, pattern: str, **opts) -> None:
    _L.append(Trigger(type, lang, re.compile(pattern, re.I), keys=_keys(pattern), **opts))


# --- BANNED ------------------------------------------------------------------------------------
_t(E.BANNED, "en", r"(?<!was\s)(?<!were\s)(?<!been\s)(?<!been\s)(?<!\bis\s)(?<!\bbe\s)\b(?:has\s+|have\s+|had\s+)?(?:officially\s+|also\s+)?(?:banned|bans|banning|ban)\b(?!\s+(?:of|on)\b)(?!\s+(?:went|applies|was|is))")
_t(E.BANNED, "en", r"\b(?:prohibited|prohibits|barred|bars)\b")
_t(E.BANNED, "en", r"\bis\s+(?:also\s+)?banned\b", agentless=True)
_t(E.BANNED, "en", r"\b(?:was|were|been|be)\s+banned\b[^.]{0,60}?\bby\b", passive=True)
_t(E.BANNED, "fr", r"\b(?:a|ont|avait)\s+(?:officiellement\s+)?(?:interdit|banni)\b|\binterdit\s+(?:l['’]usage|l['’]utilisation)|\binterdiction\s+d[e']")
# --- BLOCKED_ACCESS ----------------------------------------------------------------------------
_t(E.BLOCKED_ACCESS, "en", r"\b(?:blocked|blocking|blocks|block)\b(?:\s+access\s+to)?")
_t(E.BLOCKED_ACCESS, "en", r"\b(?:suspended|cut\s+off)\s+access\s+to\b")
_t(E.BLOCKED_ACCESS, "fr", r"\b(?:bloqu[ée]s?|bloquent|bloque|bloquer)\s+l['’]acc[èe]s\s+(?:à|a|au|aux)\b|\bbloqu[ée]\s+(?=[A-Z])")
# --- DEMANDED ----------------------------------------------------------------------------------
_t(E.DEMANDED, "en", r"\b(?:urged|urges|urge|called\s+on|calls\s+on|pressed|presses|demanded|demands|ordered|orders|compelled|asked|asks|requested|warned|warns)\b")
_t(E.DEMANDED, "en", r"\b(?:sent|issued)\s+(?:a\s+|an\s+)?(?:veto\s+|open\s+)?(?:letters?|document\s+requests?|demands?)\s+to\b")
_t(E.DEMANDED, "en", r"\b(?:letter|request)\s+is\s+(?:directed|addressed|sent)\s+(?:at|to)\b")
_t(E.DEMANDED, "fr", r"\b(?:ont|a|avait|avaient)\s+(?:également\s+|aussi\s+)?(?:demandé|appelé|exhorté|ordonné|enjoint|sommé|exigé|réclamé)\b|\b(?:demandent|appellent|exhortent|exige|exigent|réclament|réclame)\b")
_t(E.DEMANDED, "fr", r"\ben\s+imposant\s+(?:à|a)\b|\bmis(?:e)?\s+en\s+demeure\b|\bpour\s+exiger\b")
# --- STATED ------------------------------------------------------------------------------------
_t(E.STATED, "en", r"\b(?:said|says|say|told|stated|wrote|argued|argues|added|noted|emphasi[sz]ed|stressed|clarified|claimed|declared|explained|insisted|acknowledged|admitted|concluded|continued|went\s+on|spoke\s+out|raised\s+concerns)\b", speech=True)
_t(E.STATED, "fr", r"\b(?:a|ont|avait|avaient)\s+(?:également\s+|aussi\s+)?(?:déclaré|dit|indiqué|affirmé|ajouté|expliqué|précisé|souligné|estimé|réagi|rappelé|assuré|admis|reconnu|écrit|fait\s+savoir|annoncé)\b", speech=True)
_t(E.STATED, "fr", r"\ba-t-(?:il|elle)\s+(?:ajouté|déclaré|dit|indiqué|précisé|affirmé|expliqué|souligné|estimé|assuré)\b|\bont-ils\s+(?:ajouté|déclaré|dit)\b", speech=True)
_t(E.STATED, "fr", r"\b(?:déclare|affirme|affirmait|précise|estime|souligne|dénonce|pointe\s+(?:également\s+)?du\s+doigt|indique|explique|assure|reconnaît)\b", speech=True)
# --- SUED --------------------------------------------------------------------------------------
_t(E.SUED, "en", r"\b(?:sued|sues|suing)\b")
_t(E.SUED, "en", r"\bfiled\s+(?:a\s+|an\s+)?(?:class[- ]action\s+)?(?:lawsuit|suit|complaint|legal\s+action)s?\s+against\b|\btaking\s+legal\s+action\s+against\b|\b(?:lawsuit|suit)s?\s+against\b")
_t(E.SUED, "en", r"\b(?:lawsuit|suit|complaint)s?,?\s+(?:was\s+)?filed\s+by\b", passive=True)
_t(E.SUED, "fr", r"\b(?:a|ont|avait|avaient)\s+(?:poursuivi|assigné)\b|\bpoursuit\b|\b(?:intentent|intente|ont\s+intenté|a\s+intenté)\s+(?:des\s+|une\s+)?actions?\s+en\s+justice\s+contre\b|\b(?:déposé|porté)\s+(?:un\s+|une\s+)?(?:recours(?:\s+collectif)?|plainte)\s+contre\b")
_t(E.SUED, "fr", r"\bpoursuites?\s+judiciaires?\s+(?:initiées?|intentées?|engagées?|lancées?)\s+par\b|\bplaintes?\s+(?:déposées?\s+)?par\b", passive=True)
# --- INVESTIGATED ------------------------------------------------------------------------------
_t(E.INVESTIGATED, "en", r"\b(?:launched|opened|announced|initiated|began|started|opening|launching)\s+(?:a\s+|an\s+)?(?:separate\s+|new\s+|formal\s+|antitrust\s+)?(?:inquiry|investigation|probe)\b", nominal=True)
_t(E.INVESTIGATED, "en", r"\b(?:to\s+probe|probing|probes|investigating|investigates|investigated|raided|summoned)\b")
_t(E.INVESTIGATED, "en", r"\b[Ff]ollowing\s+an\s+investigation\b", nominal=True, agentless=True)
_t(E.INVESTIGATED, "fr", r"\b(?:ouvert|ouvre|lancé|lance|annonce|annoncé|initié)\s+(?:l['’]ouverture\s+d['’])?une\s+enqu[êe]te\b|\bl['’]ouverture\s+d['’]une\s+enqu[êe]te\b|\benqu[êe]te\s+(?:visant|sur|contre)\b", nominal=True)
_t(E.INVESTIGATED, "fr", r"^\s*L['’]enqu[êe]te,?\s+(?:initiée|ouverte|lancée)\b", nominal=True, agentless=True)
_t(E.INVESTIGATED, "fr", r"\b(?:enquête\s+sur|perquisitionné|a\s+convoqué)\b")
# --- FINED -------------------------------------------------------------------------------------
_t(E.FINED, "en", r"\b(?:fined|fines|fining)\b(?!\s+(?:of|totall?ing)\b)|\b(?:could|would|might|may|not|to|will)\s+fine\b")
_t(E.FINED, "en", r"\b(?:issued|imposed|slapped|handed)\b[^.]{0,80}?\b(?:fine|penalty)\b")
_t(E.FINED, "en", r"\b(?:was|were|been|be)\s+fined\b[^.]{0,60}?\bby\b", passive=True)
_t(E.FINED, "fr", r"\b(?:infligé|inflige|infliger|imposé|imposer)\s+une\s+amende\b|\b(?:condamn\w*|sanctionn\w*)\b[^.]{0,60}?\bamende\b|\bsanctionne\b|\ba\s+sanctionné\b")
# --- RESTRICTED --------------------------------------------------------------------------------
_t(E.RESTRICTED, "en", r"\b(?:restricted|restricts|limited|limits|curbed|curbs|paused|suspended|suspends)\b(?!\s+access\s+to)")
_t(E.RESTRICTED, "fr", r"\b(?:a|ont)\s+(?:réduit|restreint|limité|suspendu)\b|\bsuspend\s+les\s+téléchargements\b|\brestreint\b|\bbloquerait\s+l['’]accès\b")
# --- REGULATED ---------------------------------------------------------------------------------
_t(E.REGULATED, "en", r"\b(?:signed|passed|enacted|adopted|approved|enacts|passes|signs)\b(?!\s+(?:an?\s+)?(?:agreement|deal|letter))|\bto\s+enact\b|\bwent\s+into\s+effect\b")
_t(E.REGULATED, "fr", r"\b(?:a|ont)\s+(?:adopté|promulgué|voté|approuvé)\b|\bpromulguer\b|\badopte\b")
# --- CRIMINALISED ------------------------------------------------------------------------------
_t(E.CRIMINALISED, "en", r"\b(?:criminali[sz]e[sd]?|criminali[sz]ing|make\s+it\s+a\s+crime|made\s+it\s+a\s+crime|punishable\s+by)\b", agentless=True)
_t(E.CRIMINALISED, "fr", r"\b(?:criminaliser|criminalise|criminalisé|pénaliser|pénalise)\b|\b(?:peut\s+être\s+)?passible\s+d['’]une\s+peine\b", agentless=True)
# --- ALLOWED -----------------------------------------------------------------------------------
_t(E.ALLOWED, "en", r"\brejected\s+(?:the\s+)?(?:\w+['’]\s+)?motion\s+to\s+dismiss\b|\blifted\s+(?:the|its|a)\s+ban\b|\b(?:let|allowed)\s+(?:the\s+)?(?:case|lawsuit)\s+(?:to\s+)?proceed\b|\bauthori[sz]ed\b")
_t(E.ALLOWED, "fr", r"\blevé\s+l['’]interdiction\b|\ba\s+autorisé\b|\brétabli\s+l['’]accès\b|\brejeté\s+la\s+(?:requête|demande)\s+de\s+rejet\b")
# --- ANNOUNCED ---------------------------------------------------------------------------------
_t(E.ANNOUNCED, "en", r"\b(?:announced|announces|unveiled|unveils)\b(?!\s+(?:a\s+|an\s+)?(?:separate\s+|new\s+|formal\s+)?(?:investigation|inquiry|probe))")
_t(E.ANNOUNCED, "fr", r"\b(?:a|ont)\s+(?:officiellement\s+)?(?:annoncé|dévoilé|présenté)\b(?!\s+l['’]ouverture)(?!\s+une\s+enquête)|\ben\s+officialisant\b|\bannonce\b(?!\s+l['’]ouverture)")
# --- COMPLIED ----------------------------------------------------------------------------------
_t(E.COMPLIED, "en", r"\b(?:agreed|agrees)\s+to\s+(?:temporarily\s+)?(?:suspend|stop|pause|comply|remove|halt|delete)\b|\bcomplied\s+with\b|\bworking\s+to\s+comply\b")
_t(E.COMPLIED, "fr", r"\bsuspend\s+son\s+projet\b|\bs['’]efforçait\s+de\s+se\s+conformer\b|\bs['’]est\s+conformé\w*\b|\ba\s+accepté\s+de\s+(?:suspendre|retirer|cesser)\b|\ba\s+nommé\b[^.]{0,30}\breprésentants?\s+légaux\b")
# --- SETTLED -----------------------------------------------------------------------------------
_t(E.SETTLED, "en", r"\b(?:settled|settles|agreed\s+to\s+pay)\b|\breached\s+a\s+settlement\b")
_t(E.SETTLED, "fr", r"\bafin\s+de\s+régler\s+un\s+litige\b|\ba\s+accepté\s+de\s+verser\b|\bconclu\s+un\s+accord\s+(?:à\s+l['’]amiable|transactionnel)\b")

TRIGGERS: tuple[Trigger, ...] = tuple(_L)

# --- modality cues (searched in the clause before the trigger, ~60 characters) ------------------
HYPOTHETICAL = re.compile(
    r"\b(?:could|might|may|would|threat(?:en)?s?|threatened|if|whether|unless|potential(?:ly)?|"
    r"pourrai(?:en)?t|pourraient|pourra|risque(?:nt)?|menace(?:nt)?|menacé|si|peut-être|"
    r"éventuel(?:le)?(?:ment)?|aurait\s+pu)\b", re.I)
NEGATION = re.compile(
    r"\b(?:not|n['’]t|never|no\s+longer|refused\s+to|declined\s+to|did\s+not|ne|n['’]|refus\w*|sans)\b", re.I)
PLANNED = re.compile(
    r"\b(?:will|shall|plans?\s+to|planned|planning\s+to|intends?\s+to|is\s+set\s+to|are\s+set\s+to|"
    r"expected\s+to|seeks?\s+to|proposed|prévoit\s+d['’e]|devrait|devraient|va|vont|envisage\w*|"
    r"s['’]apprête\w*|compte|intention\s+de|proposition\s+de\s+loi|projet\s+de\s+loi)\b", re.I)
FUTURE_DATE_CONTEXT = re.compile(
    r"(?:until|no\s+later\s+than|before|by|jusqu['’]au|avant\s+le|d['’]ici|prévue?\s+le|à\s+compter\s+du|"
    r"take\s+effect|go\s+into\s+effect|entrée\s+en\s+application)\s*$", re.I)
