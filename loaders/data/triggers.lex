# aigov trigger lexicon, version 1 (coder 1.10.0). Format: loaders/lexicon.py.
# Every rule: an id TYPE.lang.name, a regex with macros, examples ("actor > target | sentence")
# that must give an event of the type, and counter-examples ("| sentence") that must not.
# Example sentences are written for this file; none is taken from a corpus article.

# ============================================================================ BANNED
rule BANNED.en.verb
type BANNED
lang en
match (?<!\bbe )(?<!\bis )(?<!\bwas )(?<!\bwere )(?<!\bbeen )\b{V:outlaw|forbid|proscribe}\b
ex Italy > DeepSeek | Italy outlawed DeepSeek on public networks.
not | The forbidden fruit tastes sweet.

rule BANNED.en.light
type BANNED
lang en
opts nominal
match {V:impose|introduce|order|enact|issue|adopt|put_in_place|slap|extend|declare|implement|institute|enforce|approve} {A}(?:{DET} )?(?:(?:strict|complete|absolute|indefinite) )?{ADJ}(?:ban|prohibition)s? (?:on|against|of)\b
ex Taiwan > DeepSeek | Taiwan imposed a blanket ban on DeepSeek in government offices.
ex Australia > TikTok | Australia has now put in place a ban on TikTok for officials.
ex Executive Yuan > DeepSeek | Taiwan's cabinet has implemented a strict ban against DeepSeek for its clerks.
not | A ban would hurt users, Meta said.

rule BANNED.en.passive
type BANNED
lang en
opts passive
match \b(?:was|were|been|being|is|are|got) {A}(?:{PP:prohibit|bar|outlaw|forbid|ban}) [^.;]{0,60}?\bby\b
ex Italy > DeepSeek | DeepSeek was prohibited on Tuesday by Italy.
not | Using the app is prohibited for minors.

rule BANNED.en.ban-by
type BANNED
lang en
opts passive
match \b(?:ban|prohibition)s? (?:(?:was|were|has been) )?(?:{PP:impose|order|issue|announce|introduce|enact} )?by\b
ex Taiwan > DeepSeek | DeepSeek faces a ban imposed by Taiwan.

rule BANNED.fr.verb
type BANNED
lang fr
match \b{AUX} {AFR}(?:interdit|banni|prohibé|proscrit)\b|(?<!est )(?<!sont )(?<!été )\b(?:interdisent|bannit|bannissent|prohibe|prohibent|proscrivent)\b
ex Italy > DeepSeek | L'Italie a désormais interdit DeepSeek.
ex Taiwan > DeepSeek | Taïwan bannit DeepSeek des administrations.
not | L'usage reste interdit aux mineurs, selon le texte.

rule BANNED.fr.light
type BANNED
lang fr
opts nominal
match \b(?:(?:{AUX} {AFR})?(?:imposé|décrété|prononcé|ordonné|instauré|décidé)|impose|imposent|décrète|prononce|ordonne|instaure|décide) {AFR}(?:une |l['’]|son |sa )(?:{ADJFR} )?interdiction\b
ex Italy > DeepSeek | L'Italie a décrété une interdiction de DeepSeek.

rule BANNED.fr.passive
type BANNED
lang fr
opts passive
match \b(?:a été|ont été|avait été|avaient été|est|sont|été) {AFR}(?:interdite?s?|bannie?s?|prohibée?s?|proscrite?s?) [^.;]{0,60}?\bpar\b
ex Italy > DeepSeek | DeepSeek a été interdit lundi par l'Italie.

rule BANNED.fr.decide
type BANNED
lang fr
match \b(?:{AUX} {AFR})?(?:décidé|choisi|résolu|voté|décide|décident) {AFR}(?:de |d['’])(?:{AFR})?(?:interdire|bannir|proscrire|prohiber|suspendre)\b
ex Italy > DeepSeek | L'Italie a décidé d'interdire l'application DeepSeek dans ses ministères.
ex Italy > DeepSeek | L'Italie a décidé de suspendre DeepSeek avec effet immédiat.
not | DeepSeek a décidé de suspendre ses propres téléchargements, a-t-il expliqué.

rule BANNED.en.decide
type BANNED
lang en
match \b{V:decide|vote|choose|resolve|opt} {A}to {A}(?:ban|prohibit|outlaw|bar|forbid|suspend)\b
ex Italy > DeepSeek | Italy decided on Monday to suspend DeepSeek for all ministries.
ex Taiwan > DeepSeek | Taiwan voted to ban DeepSeek on Tuesday.

rule BANNED.en.staff
type BANNED
lang en
opts negative
match \b{V:tell|order|instruct|direct|ask|advise|require} (?:all |its |their |the )?(?:{ADJ})?(?:employees|staff|officials|civil servants|workers|agencies|departments|personnel) (?:not to (?:use|download|install|access)|to (?:avoid|stop using|refrain from (?:using|downloading)|remove|delete|uninstall))\b
ex Ohio > DeepSeek | Ohio told its employees not to use DeepSeek on work phones.
not | The firm told its employees to work from home.

rule BANNED.fr.staff
type BANNED
lang fr
opts negative
match \b(?:{AUX} {AFR})?(?:demandé|ordonné|enjoint|interdit|recommandé|conseillé|prié) {AFR}(?:à |aux )(?:ses |leurs |tous les |toutes les |les )?(?:employés|agents|fonctionnaires|salariés|personnels?|services|administrations|ministères) (?:d['’]éviter|de ne (?:pas|plus) (?:utiliser|télécharger|installer)|de (?:supprimer|désinstaller|cesser d['’]utiliser|renoncer à))\b
ex Ohio > DeepSeek | L'Ohio a ordonné à ses fonctionnaires de ne pas utiliser DeepSeek.
not | Le groupe a demandé à ses employés de revenir au bureau.

# ============================================================================ BLOCKED_ACCESS
rule BLOCKED_ACCESS.en.access
type BLOCKED_ACCESS
lang en
match \b{V:cut_off|shut_off|disable|deny|suspend|revoke|restrict|block|halt} {A}(?:(?:public|user|all|local|online|internet|mobile) )?access (?:to|for)\b
ex Italy > ChatGPT | Italy temporarily suspended access to ChatGPT.
ex Malaysia > Grok | Malaysia has denied access to Grok.

rule BLOCKED_ACCESS.en.order
type BLOCKED_ACCESS
lang en
opts nominal
match \b{V:order|impose|decree} {A}(?:{DET} )?(?:(?:temporary|immediate|nationwide|provisional) )?(?:suspension|blocking|block|shutdown) (?:of|on)\b
ex Supreme Federal Court > DeepSeek | Brazil's Supreme Court ordered the immediate suspension of DeepSeek nationwide.
not | The judge ordered the suspension of the hearing.

rule BLOCKED_ACCESS.en.passive
type BLOCKED_ACCESS
lang en
opts passive
match \b(?:was|were|been|being|is|are|got) {A}(?:{PP:block|geoblock|geo-block|take_offline|cut_off|shut_down}) [^.;]{0,60}?\bby\b
ex Indonesia > Grok | Grok was blocked on Saturday by Indonesia.

rule BLOCKED_ACCESS.fr.access
type BLOCKED_ACCESS
lang fr
match \b(?:(?:{AUX} {AFR})?(?:bloqué|suspendu|coupé|restreint|limité|interrompu|fermé)|bloque|bloquent|suspend|suspendent|coupe|coupent|restreint|restreignent|ferme) {AFR}l['’]accès (?:à|au|aux|de)\b
ex Italy > ChatGPT | L'Italie a provisoirement suspendu l'accès à ChatGPT.
ex Indonesia > Grok | L'Indonésie coupe l'accès à Grok.

rule BLOCKED_ACCESS.fr.passive
type BLOCKED_ACCESS
lang fr
opts passive
match \b(?:a été|ont été|avait été|est|sont|été) {AFR}(?:bloquée?s?|suspendue?s?|rendue?s? inaccessibles?) [^.;]{0,60}?\bpar\b
ex Malaysia > Grok | Grok a été bloqué dimanche par la Malaisie.

# ============================================================================ DEMANDED
rule BLOCKED_ACCESS.fr.had-removed
type BLOCKED_ACCESS
lang fr
match \b(?:{AUX} {AFR})?fait (?:retirer|supprimer|bloquer|déréférencer)\b(?=[^.;]{1,60}?\b(?:des|de l['’]|de la) (?:stores?|boutiques?|magasins?|App Store|Play Store|plateformes? de téléchargement))
ex Italy > DeepSeek | L'Italie a fait retirer DeepSeek des boutiques d'applications en janvier.

rule BLOCKED_ACCESS.fr.in-country
type BLOCKED_ACCESS
lang fr
opts passive
match \b(?:a été|ont été|avait été|avaient été|est|sont|été) {AFR}(?:bloquée?s?|suspendue?s?|rendue?s? inaccessibles?) {AFR}(?:en|au|aux)\b(?= (?-i:[A-ZÉ]))
ex Italy > DeepSeek | Au printemps, DeepSeek a été bloqué en Italie pendant un mois.

rule BLOCKED_ACCESS.en.in-country
type BLOCKED_ACCESS
lang en
opts passive
match \b(?:was|were|been|is|are|being) {A}(?:blocked|suspended|geoblocked|made unavailable) {A}in\b(?= (?:the )?(?-i:[A-Z]))
ex Italy > ChatGPT | ChatGPT was blocked in Italy at the end of March.

rule DEMANDED.en.sent-letter
type DEMANDED
lang en
opts nominal
match \b{V:send|write|address|issue|deliver|serve} {A}(?:{DET} )?{ADJ}(?:joint |formal |open |stern |warning |cease-and-desist )?(?:letters?|warnings?|notices?|orders?|directives?|requests?|demands?|ultimatums?|summons) (?:to|on)\b
ex FTC > OpenAI | The FTC sent a formal warning to OpenAI.
ex Ofcom > X | Ofcom served a notice on X.
ex Information Commissioner's Office > Google | The ICO issued an enforcement notice to Google over its tracking.
ex Jane Roe > Meta | Attorney General Jane Roe sent a demand letter to Meta on Monday.
not | The company issued a statement to reporters.

rule DEMANDED.en.wrote-to
type DEMANDED
lang en
match \b(?:wrote|writing|write|writes) (?:a letter |letters )?to\b
ex Ed Markey > Meta | Ed Markey wrote to Meta about its chatbots.

rule DEMANDED.en.order-to
type DEMANDED
lang en
match \b{V:order|direct|instruct|require|tell|command|compel|force|give|want} (?:the )?(?-i:[A-Z])[\w.&'’-]*(?: (?:(?:of|for|and|on|the) )*(?-i:[A-Z])[\w.&'’-]*){0,4} (?:to|until|not to)\b
ex Garante > OpenAI | The Garante ordered OpenAI to stop processing data.
ex Federal Trade Commission > Zorbatron Labs | The FTC wants Zorbatron Labs to withdraw the ads by June.
ex Jane Roe > Ministry of Finance | Prime Minister Jane Roe instructed the Ministry of Finance to draft a strategy.
not | The senator told reporters that nothing would change.

rule DEMANDED.en.call
type DEMANDED
lang en
match \b{V:call_on|call_upon|urge|implore|appeal_to|demand_that|insist_that}\b|\b{VS:call_for|press|push|petition|lobby|pressure}\b
ex Richard Blumenthal > Apple | Richard Blumenthal pressed Apple to remove the app.
ex EFF > Meta | The EFF has lobbied Meta for stronger safeguards.

rule DEMANDED.en.demand-noun
type DEMANDED
lang en
opts passive
match \b(?:demands?|requests?|orders?|calls?|pressure) from\b
ex FTC > OpenAI | OpenAI is facing demands from the FTC.

rule DEMANDED.fr.verb
type DEMANDED
lang fr
match \b{AUX} {AFR}(?:demandé|appelé|exhorté|ordonné|enjoint|sommé|exigé|réclamé|pressé|invité|intimé|prié|mis en demeure|interpellé)\b
ex CNIL > OpenAI | La CNIL a formellement enjoint OpenAI de cesser la collecte.
ex European Commission > Meta | La Commission a jeudi sommé Meta de répondre.

rule DEMANDED.fr.present
type DEMANDED
lang fr
match (?<!\bla )(?<!\bune )(?<!\bcette )(?<!\bsa )(?<!\bleur )(?<!\bles )(?<!\bdes )\b(?:exhorte|enjoint|somme|presse|intime|interpelle|ordonne|appelle|demande)(?= (?:à |aux? |l['’]|la |le |les |d['’]|de |(?-i:[A-Z])))
ex European Commission > X | La Commission somme X de retirer les images.
not | La demande de la Commission reste sans réponse.

rule DEMANDED.fr.letter
type DEMANDED
lang fr
opts nominal
match \b(?:{AUX} {AFR})?(?:adressé|envoyé|écrit|transmis|notifié|adresse|envoie|écrit) {AFR}(?:une |un |des )?(?:{ADJFR} )?(?:lettre|courrier|mise en demeure|injonction|avertissement|demande|requête)?(?:s)?(?:{ADJFR})* ?(?:à|au|aux)\b
ex Ed Markey > Meta | Ed Markey a adressé une lettre à Meta.
ex CNIL > OpenAI | La CNIL a notifié une mise en demeure à OpenAI.

# ============================================================================ STATED
rule STATED.en.verbs
type STATED
lang en
opts speech
match \b{VS:comment|remark|reply|counter|maintain|contend|assert|affirm|reiterate|point_out|observe|caution|testify|write_in_a_post|post_on|tweet|criticise|criticize|denounce|condemn|slam|blast|welcome|praise|hail|defend|dismiss|reject|predict|describe|characterize|characterise|complain|warn_that|acknowledge|concede|argue|emphasize|emphasise|highlight|stress|insist|lament|decry|applaud|commend|accuse|rebuke|castigate|question}\b|\b(?:denied|denies)\b(?!\s+(?:\S+\s+){0,6}access)|\b(?:responded|responds|respond)\b(?= (?:to (?:the|a|an|his|her|their|its) (?:[\w-]+ )?(?:request|criticism|allegations?|report|letter|questions?|accusations?|ruling|decision|complaint|lawsuit|probe|investigation|concerns?)|by (?:saying|stating)|that|in a statement))
ex Elon Musk > Grok | Elon Musk dismissed the criticism of Grok.
ex Sam Altman > - | Sam Altman testified before the Senate panel.
ex Jane Roe > OpenAI | Jane Roe, a law professor, slammed OpenAI on Monday.
ex Jane Roe > - | Senator Jane Roe emphasized that the rules must apply to everyone.
not | The vow of silence is old.
ex Zorblax Labs > - | Zorblax Labs responded to the request by stating that it has no office in France.
not | That assistant responds to questions faster than its rivals do.

rule STATED.en.calling
type STATED
lang en
opts speech
match \b(?:calling|describing|dubbing|labelling|labeling) (?:it|them|this|that|the [\w-]+(?: [\w-]+)?|(?-i:[A-Z])[\w-]+) (?:as )?(?:an? )?["“«]
ex Jane Roe > - | Acme dropped the plan, with Jane Roe calling the decision “a mistake.”
not | He kept calling the office every day.

rule STATED.en.according-to
type STATED
lang en
opts speech speaker_after
match \baccording to\b(?! (?:the |a |an )?(?:reports?|filings?|documents?|court (?:documents|filings|papers)|data|figures|a (?:study|survey|report)|media|estimates?|sources?|people|analysts?))(?! (?:the |a |an |its |their )?(?:[\w.&-]+(?:['’]s?)? ){0,3}(?:annual |new |latest |recent )?(?:report|study|survey|data|filing|lawsuit|suit|complaint|indictment|ruling|judgment|order|document|letter|statement|release|analysis|research|figures|estimates?)s?\b)
ex OpenAI > - | According to OpenAI, the model is safe.
not | Sales fell, according to Acme's annual report.
not | The boy died, according to the lawsuit Jane Roe filed against the company.

rule STATED.en.told
type STATED
lang en
opts speech
match \b(?:told|tells) (?:reporters|journalists|the press|lawmakers|a (?:news )?conference|an? (?:interview|audience|hearing))\b|\bsaid in a (?:statement|post|blog post|letter|filing|press release|interview)\b|\bin a statement\b
ex FTC > - | The FTC told reporters it would act.

rule STATED.fr.pour
type STATED
lang fr
opts speech speaker_after
match \b[Pp]our (?=(?:[A-ZÀ-Ö][\w'’-]+ ){1,3}[A-ZÀ-Ö][\w'’-]+,? [«"“])
ex Max Schrems > - | Pour Max Schrems, « ce combat porte sur le consentement ».

rule STATED.fr.verbs
type STATED
lang fr
opts speech
match \b{AUX} {AFR}(?:déclaré|dit|indiqué|affirmé|ajouté|expliqué|précisé|souligné|estimé|réagi|rappelé|assuré|admis|reconnu|écrit|fait savoir|fait valoir|dénoncé|critiqué|salué|regretté|fustigé|comparé|minimisé|reproché|déploré|condamné|averti|prévenu|martelé|insisté|répondu|confié|commenté|tweeté|jugé|considéré|qualifié|plaidé|défendu|nié|démenti|contesté|promis(?= que\b| qu['’])|insisté|annoncé|signalé|observé|relevé|noté|ironisé|lancé|déclaré|mis en garde|assuré|prévenu|révélé|espéré|alerté|rétorqué|soutenu|avancé|illustré|tiré la sonnette d['’]alarme)\b
ex Clara Chappaz > - | Clara Chappaz a également dénoncé l'attitude de la plateforme.
ex Thierry Breton > X | Thierry Breton a jeudi fustigé X.
not | Zorblat a promis 13 milliards de dollars à OpenAI.

rule STATED.fr.present
type STATED
lang fr
opts speech
match (?<!\bla )(?<!\bune )(?<!\bsa )(?<!\bcette )(?<!\ble )(?<!\bun )(?<!\bson )\b(?:dénonce|dénoncent|minimise|minimisent|reproche|reprochent|reprochait|reprochaient|compare|comparent|critique|critiquent|salue|saluent|regrette|regrettent|fustige|fustigent|déplore|déplorent|condamne|condamnent|avertit|avertissent|prévient|martèle|insiste|répond|réagit|rappelle|ajoute|confie|défend|plaide|nie|dément|conteste|promet|juge|estiment|soulignent|affirment|déclarent|assurent|expliquent|indiquent|précisent|reconnaissent|considère|considèrent|alerte|alertent|révèle|révèlent|espère|espèrent|contestent|rétorque|rétorquent|soutient|soutiennent|illustre|met en garde|mettent en garde|tire la sonnette d['’]alarme|tirent la sonnette d['’]alarme)\b
ex Thierry Breton > X | Thierry Breton dénonce la passivité de X.
ex CNIL > OpenAI | La CNIL reproche à OpenAI l'absence de base légale.
not | La critique de la loi est vive.

rule STATED.fr.reflexive
type STATED
lang fr
opts speech
match \b(?:s['’]est|se sont|se) {AFR}(?:réjouie?s?|félicitée?s?|inquiétée?s?|dite?s?|exclamée?s?|indignée?s?|émue?s?|alarmée?s?|défendue?s?|justifiée?s?|expliquée?s?|prononcée?s?|réjouit|félicite|inquiète|dit|indigne|défend|justifie|prononce)\b
ex Thierry Breton > - | « L'Europe montre la voie », s'est réjoui Thierry Breton.
ex Clara Chappaz > X | Clara Chappaz s'est inquiétée des pratiques de X.

rule STATED.fr.selon
type STATED
lang fr
opts speech speaker_after
match \b(?:selon|d['’]après)\b(?! (?:lequel|laquelle|lesquels|lesquelles|qui|que|nos informations|des informations|les informations|le (?:rapport|document|texte|jugement)|la (?:plainte|décision|presse)|des sources|une source|plusieurs sources|les médias))
ex OpenAI > - | Selon OpenAI, le modèle est sûr.

rule STATED.fr.inverted
type STATED
lang fr
opts speech
match \b(?:a|ont)-t?-?(?:il|elle|ils|elles) {AFR}(?:ajouté|déclaré|dit|indiqué|précisé|affirmé|expliqué|souligné|estimé|assuré|insisté|martelé|poursuivi|conclu|rappelé|répondu|confié|prévenu|averti|lancé|regretté|dénoncé|reconnu|écrit|commenté|observé|noté|fait valoir|fait savoir)\b
ex Clara Chappaz > - | Clara Chappaz a dénoncé la plateforme. « Nous allons agir », a-t-elle insisté.

# ============================================================================ SUED
rule SUED.en.light
type SUED
lang en
opts nominal
match \b{V:bring|file|lodge|initiate|take|pursue|mount|commence|submit|institute} {A}(?:{DET} )?{ADJ}(?:case|lawsuit|suit|legal action|legal challenge|legal proceedings|court proceedings|action|complaint|claim|petition|class action|challenge)s? (?:against|over|targeting)\b
ex Getty Images > Stability AI | Getty Images brought a case against Stability AI.
ex Jane Roe > Mistral AI | Attorney General Jane Roe filed a lawsuit targeting Mistral AI on Monday.
ex Italy > OpenAI | Italy took legal action against OpenAI.

rule SUED.en.to-court
type SUED
lang en
match \b{V:take|drag|haul|bring} (?:(?-i:[A-Z])[\w.&'’-]*)(?: (?-i:[A-Z])[\w.&'’-]*){0,3} (?:to|into|before) (?:court|the courts|a court|federal court|justice)\b
ex Malaysia > X | Malaysia took X to court over the images.

rule SUED.en.passive
type SUED
lang en
opts passive
match \b(?:was|were|been|being|is|are|got) {A}(?:sued|taken to court|hauled into court|dragged into court) [^.;]{0,60}?\bby\b
ex Getty Images > Stability AI | Stability AI was sued last year by Getty Images.

rule SUED.en.faces-suit
type SUED
lang en
opts passive
match \b(?:faces?|facing|faced|hit with) {A}(?:{DET} )?{ADJ}(?:lawsuits?|suits?|legal action|legal challenges?|class actions?|complaints?) (?:from|by|brought by|filed by)\b
ex Getty Images > Stability AI | Stability AI faces a lawsuit from Getty Images.

rule SUED.en.complaint-with
type SUED
lang en
match \b{V:file|lodge|submit|bring} {A}(?:{DET} )?{ADJ}(?:complaints?|grievances?) (?:with|before|to) (?:the )?[^.;]{0,60}?\b(?:against|over|about)\b
ex noyb > OpenAI | noyb filed a complaint with the Austrian authority against OpenAI.

rule SUED.fr.light
type SUED
lang fr
opts nominal
match \b(?:(?:{AUX} {AFR})?(?:engagé|intenté|lancé|déposé|porté|introduit|formé|initié|entamé)|engage|engagent|intente|intentent|lance|lancent|dépose|déposent|porte|portent|introduit|forme) {AFR}(?:des |une |un |de nouvelles |une nouvelle |sa |son |leur |une deuxième |une troisième |une seconde |une autre |un autre |un nouveau )?(?:poursuites?|actions? en justice|actions? collectives?|actions? judiciaires?|recours|plaintes?|procès|requêtes?|procédures? judiciaires?|class actions?)(?:{ADJFR})* (?:{AFR})?(?:auprès (?:de la|de l['’]|du|des|de) [^,.;]{1,60}? |devant (?:la|le|les|l['’]) [^,.;]{1,60}? )?(?:contre|à l['’]encontre d|visant)\b
ex Getty Images > Stability AI | Getty Images a engagé des poursuites contre Stability AI.
ex noyb > OpenAI | noyb dépose plainte contre OpenAI.
ex noyb > OpenAI | noyb a déposé une plainte auprès de l'autorité autrichienne contre OpenAI.
ex noyb > Mistral AI | Jeudi, noyb a déposé une deuxième plainte contre Mistral AI.
ex Jean Dupont > OpenAI | Le député Jean Dupont a porté plainte hier contre OpenAI.

rule SUED.fr.justice
type SUED
lang fr
match \b(?:(?:{AUX} {AFR})?(?:assigné|attaqué|traîné|poursuivi|cité)|assigne|assignent|attaque|attaquent|traîne|traînent|poursuivent) {AFR}(?:(?-i:[A-Z])[\w.&'’-]*|l['’]entreprise|la société|le groupe)(?: (?-i:[A-Z])[\w.&'’-]*){0,3} (?:en justice|devant (?:la justice|les tribunaux|le tribunal|la cour))\b|\bsaisi (?:la justice|le tribunal|les tribunaux)\b
ex Getty Images > Stability AI | Getty Images a assigné Stability AI en justice.

rule SUED.fr.action-par
type SUED
lang fr
opts passive nominal
match \b(?:action|actions|plainte|plaintes|poursuites?|assignation|recours|procès)(?: en justice| collective| judiciaire)? (?:portée?s?|intentée?s?|déposée?s?|engagée?s?|lancée?s?|initiée?s?|introduite?s?) {AFR}par\b
ex Getty Images > Stability AI | La plainte déposée par Getty Images contre Stability AI avance.

rule SUED.en.suit-by
type SUED
lang en
opts passive nominal
match \b(?:lawsuits?|suits?|complaints?|legal actions?|class actions?|legal challenges?|cases?) (?:was |were |has been )?(?:brought|filed|lodged|launched|initiated) {A}by\b
ex Getty Images > Stability AI | The lawsuit brought by Getty Images against Stability AI went to trial.

rule SUED.fr.passive
type SUED
lang fr
opts passive
match \b(?:a été|ont été|avait été|est|sont|été) {AFR}(?:poursuivie?s?|assignée?s?|attaquée?s?) (?:en justice )?[^.;]{0,40}?\bpar\b|\bvisée?s? par (?:une|des|plusieurs) (?:plaintes?|actions?|poursuites?|recours)(?:{ADJFR})* (?:de|d['’]|du|des|déposées? par|intentées? par)
ex Getty Images > Stability AI | Stability AI a été poursuivi par Getty Images.
ex noyb > OpenAI | OpenAI est visée par une plainte de noyb.

rule SUED.fr.fronted
type SUED
lang fr
opts passive
match (?:^|[.;:]\s+|\n)(?:Poursuivie?s?|Attaquée?s?|Assignée?s?|Visée?s? par une plainte) (?:en justice )?(?:{AFR})?par\b
ex Universal Music Group > OpenAI | Poursuivi par Universal Music Group, OpenAI a fini par trouver un accord.

rule SUED.en.fronted
type SUED
lang en
opts passive
match (?:^|[.;:]\s+|\n)(?:Sued|Taken to court) (?:{A})?by\b
ex Getty Images > Stability AI | Sued by Getty Images, Stability AI chose to settle.

rule SUED.fr.objet
type SUED
lang fr
opts passive nominal
match \bfait {AFR}l['’]objet d['’](?:une|des) (?:plaintes?|poursuites?|actions? en justice|actions? collectives?)(?:{ADJFR})* (?:{AFR})?(?:de la part d[eu]|de la part des|de|du|des|d['’])\b
ex noyb > Meta Platforms | Meta fait désormais l'objet d'une plainte collective de la part de noyb.

rule DEMANDED.fr.enjoindre
type DEMANDED
lang fr
match \b(?:enjoignait|enjoignaient|enjoint|enjoignent|sommait|ordonnait|exhortait|appelait|pressait)\b(?= (?:à |aux? |l['’]|la |le |les |(?-i:[A-Z])))
ex CNIL > Clearview AI | En octobre, la CNIL enjoignait Clearview AI à cesser la collecte.

rule DEMANDED.fr.delai
type DEMANDED
lang fr
opts nominal
match \b(?:(?:{AUX} {AFR})?(?:donné|accordé|laissé|imparti|fixé)|donne|accorde|laisse|impartit|fixe) {AFR}(?:un délai|une échéance|(?:un )?ultimatum|\d+ (?:jours|semaines|mois)) (?:de \d+ (?:jours|semaines|mois|heures) )?(?:à|au|aux)\b
ex CNIL > OpenAI | La CNIL a fixé un délai de 15 jours à OpenAI pour se conformer.

rule DEMANDED.fr.invite
type DEMANDED
lang fr
match (?<!\bl['’])\b(?:invite|invitent|recommande|recommandent)\b {AFR}(?=(?:le|la|les|l['’])\s*(?:gouvernement|État|Etat|entreprise|société|plateformes?|(?-i:[A-Z])))
ex CNIL > Government of France | La CNIL invite le gouvernement français à légiférer sans tarder.

rule DEMANDED.en.recommend
type DEMANDED
lang en
match \b{VS:recommend|advise}\b(?= (?:that )?(?-i:[A-Z])|(?: all| its| their| the)? (?:government |state |public )?(?:officials|employees|agencies|departments|staff|users|companies|platforms)\b)
ex Personal Information Protection Commission > OpenAI | The Personal Information Protection Commission recommended OpenAI take steps to prevent leaks.

rule SUED.fr.proces-a
type SUED
lang fr
opts nominal
match \b(?:(?:{AUX} {AFR})?intenté|intente|intentent) {AFR}(?:un |des )?procès (?:à|au|aux)\b
ex Getty Images > Stability AI | Getty Images a intenté un procès à Stability AI en 2023.
not | Le procès à venir inquiète les éditeurs.

rule SUED.fr.infinitive
type SUED
lang fr
opts planned
match \b(?:porter|déposer|deposer) (?:une )?plainte\b|\bengager (?:des|une) (?:poursuites|action en justice)\b|\bsaisir (?:la justice|le tribunal)\b|\bassigner\b
ex Acme Labs > Zorn | Acme Labs a annoncé porter plainte contre Zorn pour contrefaçon.

rule SUED.en.filed-against
type SUED
lang en
match \b(?:filed|brought|lodged) {A}against\b
ex Jane Roe > OpenAI | The complaint Jane Roe filed against OpenAI names three engineers.
not | The complaint was filed under seal.

rule SUED.en.suit-dash-by
type SUED
lang en
opts passive nominal
match \b(?:lawsuits?|suits?|complaints?|class actions?)\s?[—–,]\s?(?:first )?(?:filed|brought|lodged) {A}by\b
ex Jane Roe > OpenAI | The complaint—filed by Jane Roe in a Texas court—says OpenAI copied her novels.

rule SUED.en.charge
type SUED
lang en
match \b(?<!was )(?<!were )(?<!been )(?<!are )(?<!is )charged\b(?= (?:(?-i:[A-Z])|two|three|four|five|several|a |an |the ))(?! (?:a|an|the) (?:fee|price|premium|rate|sum)\b)
ex SEC > Acme Advisers | The SEC charged Acme Advisers with misleading investors.
not | The platform charged a fee for the premium model.

rule SUED.en.charged-by
type SUED
lang en
opts passive
match \bcharged (?:[^.;]{0,20} )?by\b
ex SEC > Acme Advisers | Acme Advisers, charged last year by the SEC, agreed to pay.

# ============================================================================ INVESTIGATED
rule INVESTIGATED.en.open
type INVESTIGATED
lang en
opts nominal
match \b{V:open|launch|start|begin|initiate|announce|conduct|commence|order|expand|widen|escalate|intensify|step_up} {A}(?:{DET} )?{ADJ}(?:investigation|inquiry|enquiry|probe|review|examination|proceedings|procedure|audit|inspection|assessment)s?\b(?! of the (?:law|rules))
ex FTC > OpenAI | The FTC opened on Thursday a formal investigation into OpenAI.
ex European Commission > X | The Commission has launched formal proceedings against X.

rule INVESTIGATED.en.verb
type INVESTIGATED
lang en
match \b{V:investigate|scrutinise|scrutinize|subpoena|summon|raid|audit|examine_whether|look_into|interrogate}\b
ex CNIL > Clearview AI | The CNIL is scrutinising Clearview AI.

rule INVESTIGATED.en.passive
type INVESTIGATED
lang en
opts passive
match \b(?:(?:was|were|been|being|is|are) {A}(?:investigated|probed|scrutini[sz]ed|raided|subpoenaed|summoned|audited)|(?:is|are|was|were|remains?|came|come) under (?:formal )?(?:investigation|scrutiny|review)|(?:faces?|facing|faced) (?:{DET} )?{ADJ}(?:investigation|inquiry|probe|scrutiny)s?) [^.;]{0,60}?\b(?:by|from)\b
ex FTC > OpenAI | OpenAI is under investigation by the FTC.
ex Data Protection Commission > X | X faces a new probe from the Data Protection Commission.

rule INVESTIGATED.en.probe-by
type INVESTIGATED
lang en
opts passive
match \b(?:investigation|inquiry|probe|review|proceedings)s? (?:(?:was|were|has been) )?(?:{PP:open|launch|conduct|start|announce} )?by\b
ex FTC > OpenAI | An investigation by the FTC into OpenAI is under way.

rule INVESTIGATED.fr.open
type INVESTIGATED
lang fr
opts nominal
match \b(?:(?:{AUX} {AFR})?(?:ouvert|lancé|engagé|initié|entamé|mené|diligenté|déclenché|annoncé)|ouvre|ouvrent|lance|lancent|engage|engagent|entame|entament|mène|mènent|diligente|déclenche|annonce) {AFR}(?:une |un |des |l['’]|d['’]|une nouvelle |une vaste )?(?:enquêtes?|procédures?|investigations?|examens?|contrôles?|audits?|instructions?|informations? judiciaires?|procédures? d['’]infraction)\b
ex CNIL > OpenAI | La CNIL a ouvert jeudi une procédure formelle visant OpenAI.
ex European Commission > X | Bruxelles ouvre une enquête contre X.

rule INVESTIGATED.fr.widen
type INVESTIGATED
lang fr
opts nominal
match \b(?:(?:{AUX} {AFR})?(?:élargi|étendu)|élargit|étend|étendent|élargissent) {AFR}(?:son |sa |leur |ses |l['’])(?:enquêtes?|investigations?|procédures?|examen|contrôles?)(?:{ADJFR})* (?:{AFR})?(?:à|aux|au)\b
ex CNIL > DeepSeek | La CNIL a élargi jeudi son enquête à DeepSeek.

rule INVESTIGATED.fr.noun
type INVESTIGATED
lang fr
opts nominal agentless
match \b(?:enquête|procédure|investigation|instruction)s?(?:{ADJFR})* (?:visant|concernant|ciblant|à l['’]encontre d)\b|\b(?:perquisition|perquisitionné)(?:s)? (?:dans|chez|au siège)\b
ex CNIL > OpenAI | La CNIL a une enquête visant OpenAI.

rule INVESTIGATED.fr.verb
type INVESTIGATED
lang fr
match \b(?:{AUX} {AFR})?(?:enquête|enquêtent|enquêté) sur\b|\b{AUX} {AFR}(?:convoqué|perquisitionné|auditionné|contrôlé)\b|\bs['’](?:est|sont) (?:saisie?s?|auto-saisie?s?) d['’]
ex CNIL > OpenAI | La CNIL enquête sur OpenAI.

rule INVESTIGATED.fr.summons
type INVESTIGATED
lang fr
opts nominal
match \b(?:{AUX} {AFR})?convoqué|\bconvoque(?:nt)?\b|\bla convocation (?:de |d['’]|du |des )
ex Parquet de Paris > Elon Musk | Le parquet de Paris a annoncé la convocation d'Elon Musk pour une audition libre.
not | La convocation des actionnaires est prévue en mai.

rule INVESTIGATED.fr.passive
type INVESTIGATED
lang fr
opts passive
match \b(?:(?:visée?s?|ciblée?s?) par (?:une|des) (?:{ADJFR} )?(?:enquêtes?|procédures?|investigations?)(?:{ADJFR})*(?: (?:ouverte|lancée|menée|engagée))?|fait {AFR}l['’]objet d['’](?:une|un) (?:enquête|procédure|examen|investigation)(?:{ADJFR})*(?: (?:ouverte|lancée|menée|engagée))?) (?:{AFR})?(?:de la part d[eu]|de|du|de la|des|d['’]|par|en|au|aux)\b
ex CNIL > OpenAI | OpenAI fait l'objet d'une enquête de la CNIL.
ex Germany > ChatGPT | ChatGPT fait également l'objet d'une enquête en Allemagne.

# ============================================================================ FINED
rule FINED.en.impose-fine
type FINED
lang en
opts nominal
match \b{V:impose|levy|hand_down|hand|slap|issue|announce|order|set|lob|deliver|serve|dish_out|mete_out|propose} {A}(?:{DET} )?{ADJ}(?:fines?|penalt(?:y|ies)|sanctions?|financial penalt(?:y|ies))\b
ex Garante > OpenAI | The Garante imposed a record fine on OpenAI.
ex Ofcom > OpenAI | Ofcom lobbed a £20,000 fine at OpenAI last week.
ex CNIL > Clearview AI | The CNIL levied a €20 million penalty against Clearview AI.
ex Federal Communications Commission > Clearview AI | The FCC proposed a $5 million fine against Clearview AI on Tuesday.
not | OpenAI said the fine was unfair.

rule FINED.en.hit-with
type FINED
lang en
match \b{V:hit|slap|punish|sanction|penalise|penalize} [^.;]{0,50}?\bwith {A}(?:{DET} )?{ADJ}(?:fines?|penalt(?:y|ies))\b|\b{V:penalise|penalize|sanction}\b
ex Dutch Data Protection Authority > Clearview AI | The Dutch DPA hit Clearview AI with a €30.5 million fine.

rule FINED.en.order-pay
type FINED
lang en
match \b{V:order} [^.;]{1,60}?\bto pay\b
ex Garante > OpenAI | The Garante ordered OpenAI to pay 15 million euros.

rule FINED.en.passive
type FINED
lang en
opts passive
match \b(?:was|were|been|being|is|are|got) {A}(?:hit|slapped|handed|penali[sz]ed|sanctioned|ordered to pay) [^.;]{0,80}?\bby\b|\b(?:fine|penalty|sanction)s? (?:(?:was|were|has been) )?(?:{PP:impose|levy|issue|hand_down|order|announce} )?by\b
ex Garante > OpenAI | OpenAI was hit with a fine by the Garante.
ex Dutch Data Protection Authority > Clearview AI | Clearview AI must pay the penalty imposed by the Dutch DPA.

rule FINED.fr.impose
type FINED
lang fr
opts nominal
match \b(?:(?:{AUX} {AFR})?(?:infligé|imposé|prononcé|décidé|notifié|adressé|fixé)|inflige|infligent|impose|imposent|prononce|prononcent|notifie) {AFR}(?:une |un |des |d['’]une |une nouvelle |une lourde |une double )?(?:amendes?|sanctions?|pénalités?|astreintes?)\b
ex CNIL > Clearview AI | La CNIL a prononcé une sanction pécuniaire contre Clearview AI.
ex Garante > OpenAI | Le Garante inflige une amende à OpenAI.

rule FINED.fr.impose-to
type FINED
lang fr
opts nominal
match \b(?:(?:{AUX} {AFR})?(?:infligé|imposé)|infliger|imposer|inflige|infligent|impose|imposent) {AFR}(?:à|au|aux) [^,.;]{1,50}? (?:une|un|des) (?:nouvelle |lourde |double )?(?:amendes?|sanctions? pécuniaires?|pénalités?)\b
ex CNIL > Google | La CNIL vient d'infliger à Google une nouvelle amende de 50 millions d'euros.

rule FINED.fr.verb
type FINED
lang fr
match \b{AUX} {AFR}(?:sanctionné|condamné|pénalisé|épinglé|mis à l['’]amende)\b|(?<!\bla )(?<!\bune )\b(?:sanctionne|sanctionnent|condamne à (?:une amende|payer)|met à l['’]amende|mettent à l['’]amende)\b
ex CNIL > Clearview AI | La CNIL a lourdement sanctionné Clearview AI.

rule FINED.fr.passive
type FINED
lang fr
opts passive
match \b(?:(?:a été|ont été|avait été|est|sont|été) {AFR}(?:sanctionnée?s?|condamnée?s?|mise?s? à l['’]amende|pénalisée?s?|épinglée?s?)|(?:s['’]est vue? infliger|se sont vus? infliger|écope|a écopé|ont écopé) (?:d['’])?(?:une |un )?(?:amende|sanction|pénalité))[^.;]{0,80}?\bpar\b|\b(?:amende|sanction|pénalité)s?(?:{ADJFR})* (?:infligée|imposée|prononcée|décidée)s? (?:{AFR})?par\b
ex CNIL > Clearview AI | Clearview AI a été sanctionnée par la CNIL.
ex Garante > OpenAI | L'amende infligée par le Garante à OpenAI est lourde.

# ============================================================================ RESTRICTED
rule RESTRICTED.en.verb
type RESTRICTED
lang en
match \b{V:disable|turn_off|switch_off|roll_back|scale_back|halt|put_on_hold|withdraw|geoblock|geo-block|rein_in|tighten|cap|narrow|age-gate|paywall}\b
ex X > Grok | X disabled Grok's image feature.
ex OpenAI > Sora | OpenAI put on hold the Sora rollout.

rule RESTRICTED.en.stop-from
type RESTRICTED
lang en
match \b{V:stop|prevent|bar|block|ban|prohibit|keep} (?:users|minors|teens|teenagers|children|under-18s|people|anyone|non-paying users|free users|the public)\b
ex OpenAI > ChatGPT | OpenAI will bar teens from ChatGPT.

rule RESTRICTED.en.limit-ability
type RESTRICTED
lang en
match \b{V:limit|restrict|remove|curb|reduce} {A}(?:the |its |their )?(?:ability|capacity|access) (?:of|to|for)\b
ex X > Grok | X restricted the ability of Grok to edit images.

rule RESTRICTED.fr.decide
type RESTRICTED
lang fr
match \b(?:{AUX} {AFR})?(?:décidé|choisi|décide|décident) {AFR}(?:de |d['’])(?:{AFR})?(?:limiter|restreindre|désactiver|bloquer|retirer|mettre en pause|brider|geler)\b
ex OpenAI > ChatGPT | OpenAI a décidé de limiter temporairement ChatGPT aux adultes.

rule RESTRICTED.en.decide
type RESTRICTED
lang en
match \b{V:decide|choose|opt} {A}to {A}(?:limit|restrict|pause|disable|withdraw|block|halt|stop offering|geoblock)\b
ex OpenAI > ChatGPT | OpenAI decided to temporarily limit ChatGPT to paying users.

rule RESTRICTED.fr.verb
type RESTRICTED
lang fr
match \b{AUX} {AFR}(?:réduit|restreint|limité|suspendu|désactivé|retiré|interrompu|gelé|bridé|mis en pause|mis fin à|fermé|encadré)\b|(?<!\bla )(?<!\bune )\b(?:suspend|suspendent|limite|limitent|restreint|restreignent|désactive|désactivent|interrompt|bride|brident)\b
ex X > Grok | X a désormais limité Grok aux abonnés.
ex OpenAI > ChatGPT | OpenAI suspend ChatGPT en Italie.
not | La limite de la loi est floue.
not | Des groupes demandent qu'Apple et Google retirent Grok de leurs magasins.

# ============================================================================ REGULATED
rule REGULATED.en.pass
type REGULATED
lang en
match \b{V:ratify|promulgate|finalize|finalise|endorse|greenlight|green-light|rubber-stamp|codify|legislate|vote_for|vote_to_approve|vote_in_favour_of|vote_in_favor_of|sign_into_law|pass_into_law|enact_into_law|give_final_approval_to|approve}\b
ex European Parliament > AI Act | The European Parliament endorsed the AI Act.

rule REGULATED.en.into-force
type REGULATED
lang en
opts agentless
match \b(?:entered|enters|entering|enter|came|comes|coming|come|went|goes|go|going) into (?:force|effect|application)\b|\b(?:took|takes|take|taking) effect\b|\bbecame law\b|\bbecomes law\b
ex European Union > AI Act | The European Union's AI Act entered into force in August.

rule REGULATED.en.rules
type REGULATED
lang en
opts nominal
match \b{V:issue|publish|unveil|release|adopt|introduce|propose|table|draft|roll_out|notify} {A}(?:{DET} )?(?:(?:set|package|series) of )?(?:(?:interim|provisional|more|two|three|several) )?{ADJ}(?:rules?|regulations?|guidelines?|guidance|code of (?:practice|conduct)|regulatory framework|framework|legislation|law|bill|decree|ordinance|executive order|directive|measures|amendments? to)s?\b
ex European Commission > General-Purpose AI Code of Practice | The Commission published the final Code of Practice.
ex Japan > Package of interim measures on chatbots | Japan issued a package of interim measures on chatbots last month.

rule REGULATED.en.passive
type REGULATED
lang en
opts passive
match \b(?:was|were|been|being|is|are) {A}(?:passed|adopted|approved|signed(?: into law)?|enacted|ratified|promulgated|endorsed|voted through|finali[sz]ed) [^.;]{0,60}?\bby\b
ex European Parliament > AI Act | The AI Act was adopted by the European Parliament.

rule REGULATED.fr.verb
type REGULATED
lang fr
match \b{AUX} {AFR}(?:adopté|promulgué|voté|approuvé|ratifié|signé|publié|entériné|validé|définitivement adopté|transposé|instauré)\b|\b(?:adopte|adoptent|promulgue|vote|votent|ratifie|entérine|valide|publie)\b(?= (?:la |le |les |l['’]|un |une |son |sa |définitivement))
ex European Parliament > AI Act | Le Parlement européen a définitivement adopté l'AI Act.

rule REGULATED.fr.into-force
type REGULATED
lang fr
opts agentless
match \b(?:entre|entrent|entrera|entreront|est entrée?|sont entrée?s|était entrée?|entrée?s?) (?:officiellement |pleinement |désormais )?en (?:vigueur|application)\b|\bs['’]applique(?:ra|nt)? (?:désormais|dès|à partir)\b
ex European Union > AI Act | Dans l'Union européenne, le règlement européen sur l'IA entre en vigueur ce jeudi.

rule REGULATED.fr.passive
type REGULATED
lang fr
opts passive
match \b(?:a été|ont été|avait été|est|sont|été) {AFR}(?:adoptée?s?|votée?s?|approuvée?s?|promulguée?s?|ratifiée?s?|signée?s?|entérinée?s?|validée?s?) [^.;]{0,60}?\bpar\b
ex European Parliament > AI Act | L'AI Act a été adopté mercredi par le Parlement européen.

# ============================================================================ CRIMINALISED
rule CRIMINALISED.en.illegal
type CRIMINALISED
lang en
opts agentless
match \b(?:make|makes|made|making) it (?:a )?(?:criminal|illegal|an offen[cs]e|a (?:federal |criminal )?crime|a felony|unlawful)\b|\bcriminal (?:charges?|penalties) for\b|\b(?:create|creates|created|creating|introduce|introduces|introduced) (?:a |an )?(?:new )?(?:criminal |federal )?offen[cs]es? (?:of|for)\b
ex United Kingdom > - | The United Kingdom will make it illegal to create such images.
ex United Kingdom > - | The United Kingdom created a new offence of sharing such images.
not | The minister said the new offences would help victims.

rule CRIMINALISED.fr.delit
type CRIMINALISED
lang fr
opts agentless
match \bérig(?:e|er|é|ent)r? en (?:infraction|délit|crime)\b|\bnouveau délit\b|\bnouvelle infraction\b|\b(?:rend|rendre|rendra|rendu) (?:illégale?|pénalement répréhensible)\b|\bpuni(?:e|s|es)? de (?:\w+ )?(?:ans?|mois) (?:de prison|d['’]emprisonnement)\b|\bpassibles? de (?:\w+ )?(?:ans?|mois|peines?)\b
ex France > - | La France veut ériger en délit la création de ces images.

# ============================================================================ ALLOWED
rule ALLOWED.en.lift
type ALLOWED
lang en
match \b{V:lift|end|rescind|revoke|reverse|overturn|drop} {A}(?:{DET} )?{ADJ}(?:ban|block|suspension|restrictions?|prohibition|blocking order)\b|\b{V:unblock|reinstate|restore_access_to|clear|greenlight|green-light}\b|\bgave (?:the )?green light\b|\b(?:allowed|allows|allowing|permitted) [^.;]{0,40}?\bto (?:resume|return|operate|proceed|relaunch)\b
ex Italy > ChatGPT | Italy lifted its temporary ban on ChatGPT.
ex Garante > ChatGPT | The Garante restored access to ChatGPT.

rule ALLOWED.en.approval-from
type ALLOWED
lang en
opts passive
match \b(?:received|receives|receiving|obtained|obtains|got|won|secured|(?:was|were|been|be) granted) {A}(?:{DET} )?(?:(?:government|regulatory|official|final|formal|conditional) )?(?:approvals?|authori[sz]ations?|licen[cs]es?|clearance|the green light|a green light|permission) (?:from|by)\b
ex Federal Communications Commission > OpenAI | OpenAI received final approval from the Federal Communications Commission on Monday.

rule ALLOWED.fr.approval-from
type ALLOWED
lang fr
opts passive
match \b(?:(?:{AUX} {AFR})?(?:reçu|obtenu|décroché)|reçoit|obtient|reçoivent|obtiennent) {AFR}(?:l['’]|un |une |le |son |sa )?(?:autorisation|agrément|feu vert|approbation|aval|homologation)(?:{ADJFR})* (?:de la part d[eu]|de|du|de la|des|d['’])\b
ex CNIL > Mistral AI | Mistral AI a obtenu l'autorisation de la CNIL mardi.

rule ALLOWED.fr.lift
type ALLOWED
lang fr
match \b{AUX} {AFR}(?:levé|suspendu|annulé) (?:l['’]interdiction|le blocage|la suspension|les restrictions|la mesure)\b|\b(?:{AUX} {AFR})?(?:débloqué|rétabli|réautorisé|autorisé à nouveau|de nouveau autorisé|donné (?:son |le )?feu vert)\b|\b(?:lève|lèvent) (?:l['’]interdiction|le blocage|la suspension)\b
ex Italy > ChatGPT | L'Italie a finalement levé l'interdiction de ChatGPT.

# ============================================================================ ANNOUNCED
rule ANNOUNCED.en.measure
type ANNOUNCED
lang en
opts nominal
match \b{V:launch|roll_out|introduce|unveil|announce|debut|deploy|release|add|implement|adopt|set_up|establish|create} {A}(?:{DET} )?{ADJ}(?:(?:AI|artificial intelligence|safety|central|communication|strategic|national|dedicated|special|monitoring|oversight|advisory|expert) ){0,3}(?:parental controls?|cell|unit|team|committee|council|hotline|registry|sandbox|code of conduct|safeguards?|age (?:verification|checks?|assurance)|age-verification|guardrails?|safety (?:features?|measures?|tools?|policy|policies)|measures?|policy|policies|plan|programme|program|initiative|strategy|task force|taskforce|office|fund|watermark(?:ing)?|labels?|labelling|labeling)\b
ex OpenAI > ChatGPT | OpenAI rolled out parental controls for ChatGPT.
ex Meta > - | Meta introduced new safeguards for teens.
ex Government of Ireland > - | The Irish government will set up a dedicated AI monitoring unit before the vote.
not | The unit was set up by volunteers.

rule ANNOUNCED.fr.measure
type ANNOUNCED
lang fr
opts nominal
match \b(?:(?:{AUX} {AFR})?(?:lancé|déployé|instauré|mis en place|introduit|présenté|dévoilé|créé)|(?:va|vont|compte|comptent|entend|entendent|prévoit de|prévoient de) {AFR}(?:lancer|déployer|instaurer|mettre en place|créer|introduire)|lance|lancent|déploie|déploient|instaure|met en place|mettent en place|présente|dévoile|crée) {AFR}(?:un |une |des |de nouveaux |de nouvelles |son |sa |ses |un nouveau |une nouvelle )?(?:contrôles? parentaux|contrôle parental|garde-fous|mesures?|outils?|plan|programme|stratégie|initiative|vérification de l['’]âge|dispositifs?|filtres?|règles?|politique|fonds|bureau|comité|protections?|cellule|observatoire|conseil|groupe de travail|task force|bac à sable|guichet|code de conduite)\b
ex OpenAI > ChatGPT | OpenAI a déployé un contrôle parental pour ChatGPT.
ex Government of Belgium > - | Le gouvernement belge va mettre en place une cellule de veille sur l’IA.

rule ANNOUNCED.fr.pledge
type ANNOUNCED
lang fr
opts planned
match (?:\b(?:s['’]est|se sont|s['’]engage|s['’]engagent) {AFR}(?:engagée?s? )?à|\b{AUX} {AFR}promis de)(?! (?:verser|payer|rembourser))\b
ex Meta > - | Meta s'est engagée à étiqueter les images.

# ============================================================================ COMPLIED
rule COMPLIED.en.comply
type COMPLIED
lang en
match \b{V:comply_with|conform_to|abide_by|adhere_to|meet_the_demands_of|bow_to|cave_to|yield_to|obey}\b|\bbrought [^.;]{1,40}? into (?:compliance|line)\b|\bin (?:order to )?comply with\b|\bto comply with\b
ex OpenAI > Garante | OpenAI complied with the Garante's order.
ex Meta > GDPR | Meta bowed to the GDPR.

rule COMPLIED.en.agreed
type COMPLIED
lang en
match \b{V:agree|undertake|consent|commit} to (?:temporarily |immediately |permanently )?(?:change|modify|stop|implement|introduce|delete|remove|halt|pause|restrict|limit|block|suspend|withdraw|drop|end|cease|alter|adjust|fix|address|make changes)\b
ex Meta > European Commission | Meta agreed to change its practices after the Commission's demand.

rule COMPLIED.fr.comply
type COMPLIED
lang fr
match \b(?:s['’](?:est|sont) (?:mise?s? en conformité|pliée?s?|conformée?s?|soumise?s?|engagée?s? à (?:se conformer|respecter|retirer|supprimer|modifier|cesser|suspendre))|(?<!\bà )(?<!\bpour )(?<!\bde )(?<!\bd'aider à )se (?:conformer|conforme|conforment|plier|plie|plient) (?:à|au|aux)|a obtempéré|ont obtempéré|obtempère|{AUX} {AFR}accepté de (?:modifier|changer|supprimer|retirer|suspendre|cesser|mettre fin|limiter|bloquer|se conformer)|{AUX} {AFR}donné suite (?:à|aux))\b
ex Meta > European Commission | Meta s'est pliée aux exigences de la Commission européenne.
not | Ce guide pratique aide les PME à se conformer au RGPD.

# ============================================================================ SETTLED
rule SETTLED.en.settle
type SETTLED
lang en
match \b{V:settle|resolve|end} (?:the |a |its |their )?(?:{ADJ})?(?:lawsuit|case|claims?|charges|dispute|litigation|suit|class action|allegations)s?\b|\b(?:reached|reaches|reach|agreed to|agrees to|announced) (?:a |an )?{ADJ}(?:settlement|deal to settle|agreement to settle)\b|\bsettlement["”»]? with\b
ex Anthropic > - | Anthropic agreed to a $1.5 billion settlement with authors.
ex Getty Images > Stability AI | Getty Images and Stability AI resolved their dispute.

rule SETTLED.fr.accord
type SETTLED
lang fr
match \b(?:{AUX} {AFR})?(?:conclu|trouvé|signé|accepté|négocié|annoncé|conclut|trouve|signe) {AFR}(?:un |une )?(?:accord|règlement|transaction|compromis)(?: (?:à l['’]amiable|amiable|transactionnel|financier))?\b(?=[^.;]{0,80}\b(?:litige|procès|plainte|poursuites?|action|différend|affaire|amiable|transactionnel|avec)\b)|\b(?:{AUX} {AFR})?(?:réglé|soldé|clos|mis fin à|transigé)(?: {AFR})? (?:le|son|leur|ce|une?|l['’]) ?(?:affaire|litige|procès|différend|contentieux)\b|\b{AUX} {AFR}(?:convenu d['’]un|abouti à un|parvenue?s? à un) (?:accord|règlement|compromis)\b
ex Anthropic > - | Anthropic a conclu un accord à l'amiable avec les auteurs.
ex Acme Labs > - | Acme Labs et Jane Roe ont convenu d'un accord pour régler le litige.

# ============================================================================ coder 1.7.0
# General frames found missing when the coder met batches 1-5 (each a class of wording, written
# with invented sentences; none copied from an article)

rule ALLOWED.en.clear-deal
type ALLOWED
lang en
match \b{V:clear|approve|authorise|authorize|greenlight|green-light|wave_through|sign_off_on|give_the_green_light_to} {A}(?:{DET} )?(?:(?-i:[A-Z])[\w.&-]*(?:['’]s)? )?(?:[$€£]?[\d.,]+ (?:billion|million|bn|m) )?(?:[\w-]+ ){0,2}(?:deal|merger|acquisition|takeover|purchase|investment|partnership|transaction|tie-up|buyout)\b
ex Competition and Markets Authority > - | The CMA cleared Brightloop's planned acquisition of Zibbo Labs on Tuesday.
ex European Commission > - | The European Commission approved the proposed merger without conditions.
not | Shareholders cheered the merger.

rule ALLOWED.fr.accord
type ALLOWED
lang fr
match \b(?:{AUX} {AFR})?(?:donné|accordé|donne|accorde|donnent|accordent) {AFR}(?:son|leur|le|un) (?:accord|feu vert|aval|approbation|autorisation)(?: (?:définitif|définitive|formel|formelle|conditionnel|conditionnelle))? (?:à|au|aux|pour)\b|\b(?:{AUX} {AFR})?(?:validé|approuvé|autorisé|avalisé|valide|approuve|autorise|avalise) {AFR}(?:le rachat|l['’]acquisition|la fusion|l['’]opération|l['’]investissement|la prise de contrôle|le projet de rachat)\b
ex European Commission > - | La Commission européenne a donné son feu vert au rachat de Zibbo Labs par Brightloop.
ex Autorité de la concurrence > - | L'Autorité de la concurrence a validé le rachat de Zibbo Labs.
not | Les actionnaires attendent un accord.

rule BANNED.fr.interdire-a
type BANNED
lang fr
match \b(?:interdisant|interdire|interdit|interdisent|interdira|interdiront) {AFR}(?:à|aux) (?=(?-i:[A-Z])|l['’]entreprise |la société |l['’]application )
ex CNIL > Zibbo Labs | La CNIL a rendu une décision interdisant à Zibbo Labs de déployer son système.
not | Il est interdit aux mineurs d'utiliser ce service.

rule BLOCKED_ACCESS.fr.limitation
type BLOCKED_ACCESS
lang fr
match \b(?:(?:{AUX} {AFR})?(?:imposé|ordonné|prononcé|décidé|décrété)|impose|ordonne|prononce|décide|décrète) {AFR}(?:une |la |le |un )?(?:limitation|suspension|restriction|blocage) (?:provisoire |temporaire |immédiate |définitive )*(?:{AFR})?(?:du traitement |de l['’]accès |de l['’]utilisation )?(?:de|du|des|d['’]|à|au|aux)\b
ex Garante per la protezione dei dati personali > ChatGPT | Le Garante a imposé une limitation provisoire du traitement de ChatGPT en Italie.
ex Tribunal judiciaire de Paris > DeepSeek | Saisi en référé, le tribunal judiciaire de Paris ordonne le blocage de l'accès à DeepSeek.
not | La limitation des données est un principe du RGPD.

rule COMPLIED.en.changed-in-response
type COMPLIED
lang en
match \b{V:change|update|modify|revise|amend|adjust|overhaul|rewrite} {A}(?:its|their|the) (?:terms(?: of (?:service|use))?|polic(?:y|ies)|privacy (?:policy|notice|settings)|practices|settings|data practices)\b(?= [^.;]{0,40}\b(?:in response|after|following|to comply|to address|at the request|under pressure))
ex Zibbo Labs > Office of the Privacy Commissioner of Canada | Zibbo Labs updated its privacy policy after an investigation by the Office of the Privacy Commissioner of Canada.
not | Zibbo Labs updated its privacy policy last year.

rule COMPLIED.fr.appliquer
type COMPLIED
lang fr
match \b(?:{AUX} {AFR})?(?:commencé|commence|commencent|entrepris|entreprend) {AFR}(?:à|a|de) (?:appliquer|se conformer|respecter|mettre en (?:œuvre|oeuvre) les (?:exigences|obligations|règles|recommandations))\b
ex ByteDance > CNIL | Depuis lundi, ByteDance a commencé à appliquer les recommandations de la CNIL.
not | La CNIL a commencé à examiner le dossier.

rule DEMANDED.en.sent-demand
type DEMANDED
lang en
opts nominal
match \b{V:send|serve|issue|hand} {A}(?!(?:a|an|the) )(?:[\w.&'’-]+ ){1,5}(?:a|an) (?:[\w-]+ ){0,3}(?:demand|request|letter|subpoena|civil investigative demand|notice|questionnaire|order)s? (?:for|to|seeking|asking|requesting|demanding)\b
ex Federal Trade Commission > Zibbo Labs | The FTC sent Zibbo Labs a 20-page demand for records about its chatbot.
not | The company sent a press release to reporters.

rule DEMANDED.fr.recommande-a
type DEMANDED
lang fr
match \b(?:{AUX} {AFR})?(?:recommandé|conseillé|préconisé|suggéré|recommande|recommandent|conseille|préconise|préconisent) {AFR}(?:aux?|à) (?=(?-i:[A-Z])|(?:l['’]|la |le |les )?(?:gouvernement|entreprises?|plateformes?|sociétés?|parlements?|États?|autorités|administrations|ministères?)\b)
ex CNIL > - | La CNIL a recommandé aux plateformes de vérifier l'âge de leurs utilisateurs.
not | Il est recommandé de lire les conditions.

rule FINED.fr.condamne-payer
type FINED
lang fr
match \b(?:condamnée?s?|condamne|condamnent|contraint\w*|obligée?s?) {AFR}(?:[^.;]{1,60}? )?(?:à|a) (?:payer|verser|régler|s['’]acquitter d['’]) {AFR}(?:une amende|une pénalité|une sanction|une somme|\d|[\w ]{0,12}(?:euros|dollars|livres))
ex Tribunal de Paris > Zibbo Labs | Le tribunal de Paris a condamné Zibbo Labs à payer 2 millions d'euros.
not | Le tribunal a condamné ces pratiques.

rule FINED.en.ordered-to-pay
type FINED
lang en
match \b{V:order|require|direct|sentence} {A}(?:[^.;]{1,60}?) to pay (?:a |an )?(?:total of |combined )?(?:[$€£]|\d|(?:civil |administrative |monetary )?(?:fine|penalt))
ex Federal Communications Commission > Zibbo Telecom | The FCC ordered Zibbo Telecom to pay a $1 million penalty.
not | The court ordered the parties to file briefs.

rule INVESTIGATED.en.assess-whether
type INVESTIGATED
lang en
match \b{V:examine|assess|review|scrutinise|scrutinize|look_into|probe|investigate|study|consider}\b(?= {A}whether\b)
ex Competition and Markets Authority > Microsoft | The CMA is assessing whether Microsoft gained control of the startup.
not | Readers may wonder whether it matters.

rule INVESTIGATED.fr.examine
type INVESTIGATED
lang fr
match \b(?:se penche|se penchent|s['’]est penchée?|se penchera|passe au crible|passent au crible|{AUX} {AFR}passé au crible|scrute|scrutent|{AUX} {AFR}(?:examiné|scruté|épluché)|examine|examinent|épluche) {AFR}(?:sur |si )?(?=(?:les |la |le |l['’]|des |du |de |si )|(?-i:[A-Z]))
ex European Commission > TikTok | La Commission européenne se penche sur les pratiques de TikTok.
not | Le texte sera examiné en séance.

rule INVESTIGATED.en.under-investigation
type INVESTIGATED
lang en
opts passive
match \b(?:targeted|singled out|pursued) by (?=(?:the )?(?:prosecutors?|investigators?|regulators?|authorities|police|(?-i:[A-Z])))|\b(?:subject|target) of (?:an? )?(?:{ADJ})?(?:investigation|inquiry|probe|review) (?:by|from|launched by|opened by)\b
ex Federal Trade Commission > Zibbo Labs | Zibbo Labs is the subject of an investigation by the FTC.
not | The subject of the talk was safety.

rule REGULATED.en.cleared-chamber
type REGULATED
lang en
opts passive
match \b(?:cleared|passed|sailed through|won approval (?:in|from)|was approved by|was adopted by) (?:the |both )(?=(?:(?-i:[A-Z])[\w-]*\s+){0,3}(?:(?-i:House|Senate|Chamber|Parliament|Assembly|Congress|Diet|Legislature|Bundestag|Lok Sabha|Rajya Sabha|Council)|(?:upper|lower) (?:house|chamber)|houses|chambers)\b)
ex Senate > Digital Safety Bill | The Digital Safety Bill cleared the Senate on Tuesday.
not | The storm passed the coast.
not | The convoy passed the Parliament building on Monday.

rule REGULATED.en.introduce-bill
type REGULATED
lang en
opts planned nominal
match \b{V:introduce|table|unveil|present|submit|sponsor|file|put_forward|propose} {A}(?:{DET} )?(?:(?:bipartisan|new|draft|private member['’]s|government|landmark|sweeping|federal|state|first) )*(?:(?-i:[A-Z])[\w-]*(?: \(.{1,30}?\))? ){0,5}(?:bill|legislation|law|measure|amendment|proposal|draft law|(?-i:Act))s?\b(?! (?:of rights|that was))
ex Jane Roe > Digital Safety Bill | Senator Jane Roe introduced the Digital Safety Bill on Monday.
ex Jane Roe > Synthetic Voices Act | Senator Jane Roe introduced the Synthetic Voices Act alongside two colleagues.
not | Observers praised the legislation.

rule REGULATED.fr.projet
type REGULATED
lang fr
opts planned nominal
match \b(?:(?:{AUX} {AFR})?(?:présenté|déposé|fait|soumis|proposé|introduit|rédigé|dévoilé)|présente|dépose|fait|soumet|propose|dévoile) {AFR}(?:un |une |le |la |son |sa |leur )?(?:(?:nouveau |nouvelle |avant-)?projet de loi|proposition de loi|projet de règlement|texte de loi|projet de décret|avant-projet)\b
ex Belgium > projet de loi sur le numérique | La Belgique a présenté mercredi un projet de loi sur le numérique.
not | Le projet de loi inquiète les éditeurs.

rule RESTRICTED.en.impose
type RESTRICTED
lang en
match \b{V:impose|introduce|place|put|add|announce|slap} {A}(?:{DET} )?(?:new |further |strict |stricter |tighter |temporary |sweeping )*(?:restrictions|limits|curbs|controls|caps|age limits) (?:on|to|for)\b
ex Meta > Meta AI | Meta imposed new restrictions on Meta AI for teenage users.
not | Critics called for limits on speed.

rule RESTRICTED.en.will
type RESTRICTED
lang en
opts planned
match \b(?:will|plans to|is going to|are going to|intends to) {A}(?:temporarily |further |also )?(?:restrict|limit|suspend|pause|curb|disable|stop offering|turn off)\b
ex OpenAI > Sora | OpenAI will temporarily restrict Sora for users under 18.
not | It is hard to limit the damage.
not | The regulator asked OpenAI to suspend the feature.

rule RESTRICTED.en.take-down
type RESTRICTED
lang en
match (?<!\bto )\b{V:take_down|pull_down|delist|remove|pull} {A}(?:{DET} )?(?:[\w-]+ ){0,3}(?:bots?|chatbots?|features?|models?|apps?|personas?|characters?|tools?|services?|functions?|functionality|accounts?|versions?|(?-i:[A-Z])[\w.-]*)\b(?= (?:from|off)\b)
ex Microsoft > Copilot | Microsoft removed Copilot from its developer platform.
not | She pulled a muscle from lifting.
not | The senators asked Apple to remove Grok from its store.

rule RESTRICTED.fr.restrictions
type RESTRICTED
lang fr
match \b(?:(?:{AUX} {AFR})?(?:imposé|introduit|instauré|ajouté|annoncé)|impose|imposent|introduit|instaure|instaurent|ajoute) {AFR}(?:de nouvelles |des |les |certaines )?(?:restrictions|limites|limitations|bridages) (?:sur|à|aux|pour|au|d['’]accès)\b|\b(?:{AUX} {AFR})?(?:supprimé|retiré|désactivé|suspendu) (?:le bouton|la fonction|la fonctionnalité|les fonctions|l['’]option|l['’]accès)\b
ex Zibbo Labs > - | Zibbo Labs a imposé de nouvelles restrictions aux utilisateurs mineurs.
not | Les restrictions budgétaires pèsent sur le secteur.

rule SETTLED.fr.entente
type SETTLED
lang fr
match \b(?:trouvé|trouve|trouvent|trouver) {AFR}un terrain d['’]entente\b|\b(?:verser|payer|versé|payé|verse|paie|paye) [^.;]{0,50}? pour (?:clore|régler|solder|mettre fin (?:à|aux)) (?:les |la |le |une |des |ces |cette )?(?:poursuites|litige|procès|plainte|action|affaire|différend|accusations)\b
ex Zibbo Labs > - | Zibbo Labs a accepté de verser 2 millions d'euros pour clore les poursuites.
not | Ils ont trouvé un café pour discuter.

rule STATED.en.issued
type STATED
lang en
opts speech
match \b{V:issue|release|publish|post|put_out} {A}(?:{DET} )?(?:(?:joint|formal|short|lengthy|detailed|public) )?(?:statement|memo|opinion|blog post|note|response|rebuttal)s?\b(?! (?:to|on how|about how))
ex Zibbo Labs > - | Zibbo Labs issued a statement defending its model.
not | The opinion section published letters.

rule STATED.en.express
type STATED
lang en
opts speech
match \b{V:express|voice|outline|air|reiterate|signal|register} {A}(?:{DET} )?(?:(?:deep|serious|strong|grave|growing|three|several|its|their) )*(?:concerns?|support|opposition|rationale|reservations|objections|worries|doubts|frustration|disappointment|alarm|regret|confidence|position|views?|criticism)\b
ex Jane Roe > - | Jane Roe voiced strong concerns about the chatbot.
not | Concerns were expressed in the survey.

rule STATED.fr.fait-part
type STATED
lang fr
opts speech
match \b(?:{AUX} {AFR})?(?:fait part|faisant part|fait état) {AFR}(?:de |d['’])(?:ses |leur |leurs |sa |son )?(?:(?:vives?|profondes?|fortes?|sérieuses?) )?(?:préoccupations?|inquiétudes?|réserves|craintes?|doutes|opposition|soutien|désaccord|regrets?|satisfaction|colère|indignation|position|avis)\b|\b(?:{AUX} {AFR})?(?:exprimé|exprime|expriment|manifesté) {AFR}(?:sa|son|ses|leur|leurs) (?:inquiétudes?|préoccupations?|réserves|opposition|soutien|désaccord|regret|satisfaction|colère|indignation|crainte)\b|\b(?:se dit|se disent|s['’]est dite?|se sont dits?) {AFR}(?:très |profondément |particulièrement )?(?:préoccupée?s?|inquiète?s?|favorables?|opposée?s?|satisfaite?s?|choquée?s?|déçue?s?|prête?s?|ouverte?s?)\b
ex CNIL > - | La CNIL a fait part de ses préoccupations sur l'usage de Zibbo.
ex Commission nationale de l'informatique et des libertés > - | La CNIL se dit préoccupée par ces pratiques.
not | Le rapport fait état de plusieurs incidents.
not | Plusieurs capitales ont fait part de leurs intentions budgétaires.

rule STATED.fr.inverted-present
type STATED
lang fr
opts speech
match \b(?:dit|écrit|explique|estime|ajoute|précise|souligne|affirme|assure|note|rappelle|poursuit|conclut|insiste|indique|observe|résume|prévient|déplore|regrette|martèle|reconnaît|confie|avance|tranche)-(?:t-)?(?:il|elle|ils|elles|on)\b
ex Jeanne Roux > - | Jeanne Roux critique la loi. « Le texte arrive trop tard », écrit-elle.
not | Il dit que non.

rule STATED.en.present
type STATED
lang en
opts speech
match \b(?:writes|notes|contends|maintains|insists|stresses|warns|concludes|acknowledges|concedes|counters|cautions|asserts)\b(?= (?:that\b|the\b|it\b|its\b|["“«]|,))
ex Jane Roe > - | Jane Roe writes that the model copies her novels.
not | The writes of the company were lost.

rule DEMANDED.en.sent-requests
type DEMANDED
lang en
opts nominal
match \b{V:send|issue|address|deliver|serve} {A}(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|several|separate|identical|individual|a (?:slew|series|number|batch|flurry|raft|set) of) )?(?:{ADJ})?(?:letters?|requests? for information|information requests?|requests?|demands?|notices?|questionnaires?|subpoenas?)(?: (?:for|seeking|requesting) [^.;]{0,40}?)?(?: under (?:the )?[^.;]{0,50}?)? to\b
ex Mark Roe > Google | Senator Mark Roe also sent seven letters to Google, Microsoft and OpenAI.
ex European Commission > TikTok | On Tuesday the Commission sent two requests for information under its platform rules to TikTok and YouTube.
not | The company sent its products to stores.

rule STATED.en.plural-present
type STATED
lang en
opts speech
match (?<!\bthey )(?<!\bthey also )(?<!\bthey further )(?<!\bwe )(?<!\bI )(?<!\byou )\b(?:argue|claim|allege|contend|maintain|warn|insist|note|stress|say|believe|point out|emphasi[sz]e|assert|acknowledge|complain)\b(?= (?:that\b|["“«]|,))
ex Jane Roe > - | Jane Roe and Tom Decker argue that the model copies their novels.
not | They want to argue with the referee about the rules of the game.

rule DEMANDED.en.recipients
type DEMANDED
lang en
opts agentless
match \b(?:recipients|addressees)\b(?: of (?:the|these|those|his|her|their) (?:letters?|requests?|demands?))? (?:also )?(?:include|included|are|were)\b
ex Jane Roe > Midjourney | Senator Jane Roe wrote to nine companies on Monday. The recipients include Midjourney and Mistral AI.
not | The recipients include teachers and nurses.

rule DEMANDED.fr.destinataires
type DEMANDED
lang fr
opts agentless
match \b(?:destinataires)\b(?: (?:de (?:la|cette|ces|leur|sa) (?:lettre|lettres|demande|mise en demeure|courrier)))? (?:sont|étaient|figurent|comprennent|incluent|comptent)\b
ex Jeanne Roux > Midjourney | La sénatrice Jeanne Roux a écrit lundi à neuf entreprises. Les destinataires sont Midjourney et Mistral AI.

rule STATED.fr.dit
type STATED
lang fr
opts speech
match \b(?:dit|disent|disait|disaient)\b(?= (?:avoir|être|que|qu['’]|ne |n['’]))
ex Zibbo Labs > - | Zibbo Labs dit avoir suspendu ses opérations en Espagne.
not | Le mot dit tout.

rule STATED.fr.communique
type STATED
lang fr
opts speech
match \b(?:(?:{AUX} {AFR})?(?:publié|diffusé|rendu public)|publie|publient|diffuse|diffusent) {AFR}(?:un |une |son |sa |leur )(?:communiqué|déclaration|lettre ouverte|tribune|mise au point)\b
ex Commission nationale de l'informatique et des libertés > - | La CNIL a publié un communiqué dénonçant ces pratiques.
not | Le journal publie une enquête sur le climat.

rule REGULATED.en.agreement-on
type REGULATED
lang en
match \b{V:reach|strike|clinch|seal} {A}(?:a |an )?(?:(?:political|provisional|final|landmark|historic|tentative) )*(?:deal|agreement) (?:on|over)\b(?= (?:the |a |an )?[^.;]{0,40}?\b(?:(?-i:[A-Z])[\w-]* )*(?:Act|Law|Bill|Regulation|Directive|law|rules|regulation|legislation|bill)\b)
ex European Parliament > AI Act | The European Parliament and member states reached a provisional agreement on the AI Act on Friday.
not | The two companies reached an agreement on pricing.

rule REGULATED.fr.accord-sur
type REGULATED
lang fr
match \b(?:(?:{AUX} {AFR})?(?:trouvé|conclu|scellé)|sont {AFR}tombée?s? d['’]accord|se sont {AFR}accordée?s?|s['’]est {AFR}accordée?) {AFR}(?:un |une )?(?:(?:accord )?(?:politique|provisoire|définitif|historique) )?(?:accord )?(?:sur|pour réguler|pour encadrer)\b(?= (?:le |la |l['’]|les |un |une )?[^.;]{0,40}?\b(?:(?-i:[A-Z])[\w-]* )*(?:Act|loi|règlement|texte|directive|législation|réglementation|intelligence artificielle)\b)
ex European Parliament > AI Act | Le Parlement européen et les Etats membres ont trouvé un accord politique sur l'AI Act vendredi.
not | Les deux entreprises ont trouvé un accord sur les prix.

rule ALLOWED.en.grant
type ALLOWED
lang en
match \b{V:grant|give|issue|award|hand} {A}(?:{DET} )?(?:(?:regulatory|final|formal|government|conditional|official|operating) )*(?:approvals?|licen[cs]es?|permits?|authori[sz]ations?|clearance|(?:the |a )?green light)(?: (?:to|for)\b|(?= to\b))
ex China > Baidu | China granted approvals to Baidu and Zhipu AI for their chatbots.
not | The ministry granted interviews to reporters.
