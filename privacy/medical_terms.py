"""The word lists behind privacy/medical.py: what counts as a medical detail.

All words are written normalised (lower case, no diacritics: "suïcidaal" is "suicidaal") and
are matched as words, as the head of a Dutch compound, or (for the specific stems) anywhere
inside a word; medical.py explains how.

Sources. There is no freely downloadable Dutch list of diagnoses for general use: the NHG's
Dutch ICPC-1 table and thesaurus, the classification Dutch GPs and bedrijfsartsen code with,
is licensed to members only. The lists below are therefore written by hand, by group, from:

- RIVM, Volksgezondheid en Zorg (vzinfo.nl), "Selectie van ziekten": the diseases the Dutch
  public-health institute reports on, per ICD-10 chapter (cancers, diabetes, psychische
  stoornissen incl. burn-out, zenuwstelsel, zintuigen, hart- en vaatziekten,
  ademhalingswegen, nierziekte, bewegingsapparaat incl. nek- en rugklachten, ...).
  https://www.vzinfo.nl/bronnen-methoden-en-achtergronden/selectie-van-ziekten
- WONCA's ICPC-1 chapters (A algemeen, B bloed, D spijsvertering, F oog, H oor, K hart en
  vaten, L bewegingsapparaat, N zenuwstelsel, P psychische problemen, R luchtwegen, S huid,
  T endocrien/stofwisseling, U urinewegen, W zwangerschap, X/Y geslachtsorganen): one
  group of body parts per chapter, so that a compound of a body part and a complaint
  ("knieoperatie", "bekkeninstabiliteit") is recognised without listing every compound.
- WHO, "The use of stems in the selection of International Nonproprietary Names (INN) for
  pharmaceutical substances" (WHO/EMP/RHT/TSN/2018.1): the name endings of common
  medicine groups (-olol, -pril, -azepam, ...), so medicine names need no list either.
- Issue #25: the five variants the old list missed (knieoperatie, suïcidale gedachten,
  alcoholist, bekkeninstabiliteit, ME/CVS).

Evaluated on tests/privacy/medical_labelled.yml (written before this list) and on every
training example of data/nlu (tests/privacy/test_medical.py prints the rates).

Not medical (the guide needs them, README "Privacy"): ziek, ziekmelding, ziekte(wet),
bedrijfsarts, arts, huisarts, re-integratie, arbeidsongeschikt, hersteld, zwanger,
zwangerschap(sverlof), bevalling, diagnose (as a word: "moet ik mijn diagnose vertellen?").
"""

from __future__ import annotations

# Whole words (and their listed forms) that are a diagnosis, symptom, treatment or
# medicine on their own. Also checked with one typo for words of 7 letters or more.
WORDS = frozenset(
    """
    kanker tumor tumoren chemo chemokuur chemos bestraling bestralingen radiotherapie immunotherapie
    uitzaaiing uitzaaiingen leukemie lymfoom melanoom carcinoom sarcoom oncoloog metastase
    burnout overspannen overspannenheid depressie depressies depressief depressieve somberheid
    angststoornis paniekaanval paniekaanvallen ptss trauma getraumatiseerd suicidaal suicidale
    zelfmoordgedachten adhd autisme autistisch bipolair bipolaire manisch psychose psychotisch
    schizofrenie borderline eetstoornis anorexia boulimia dwangstoornis ocd ggz
    hernia whiplash artrose artritis reuma reumatisch fibromyalgie osteoporose jicht rsi
    tendinitis spit ischias slijmbeursontsteking frozen
    hartinfarct hartaanval infarct beroerte herseninfarct hersenbloeding cva tia hartfalen
    boezemfibrilleren angina trombose embolie longembolie bloeddruk hypertensie
    astma copd longontsteking bronchitis covid corona longcovid griep influenza
    ms parkinson alzheimer dementie epilepsie migraine cvs hersenschudding tinnitus duizelig
    duizeligheid vermoeidheid vermoeidheidssyndroom hoofdpijn misselijk misselijkheid
    diabetes diabeet suikerziekte crohn colitis pfeiffer lyme bechterew meniere hashimoto
    nierfalen dialyse dialyseren endometriose hiv aids soa schildklier
    miskraam hyperemesis zwangerschapsvergiftiging preeclampsie bekkeninstabiliteit
    alcoholist alcoholisme verslaafd verslaving afkicken afkickkliniek drankprobleem
    antidepressiva antidepressivum medicijn medicijnen medicatie pijnstiller pijnstillers
    slaappil slaappillen morfine insuline antibiotica oxazepam ritalin
    operatie operaties geopereerd narcose ziekenhuis ziekenhuisopname fysiotherapeut
    fysiotherapie psycholoog psychologe psychiater psychiatrisch psychiatrische therapie
    therapeut revalidatie revalideren chirurg orthopeed neuroloog cardioloog
    slapeloosheid concussion depri lupus
    cancer surgery depressed depression anxiety stroke chemotherapy
""".split()
)

# Stems specific enough to be medical anywhere inside a word ("borstkanker",
# "chemokuur", "vermoeidheidssyndroom"). At least 5 letters, so they don't turn up by chance.
STEMS = (
    "kanker",
    "tumor",
    "leukemi",
    "lymfoom",
    "melanoom",
    "carcinoom",
    "oncolo",
    "uitzaai",
    "chemothera",
    "bestraling",
    "depressi",
    "depressie",
    "burnout",
    "overspann",
    "suicid",
    "zelfmoord",
    "psychos",
    "psychot",
    "psychiat",
    "psycholo",
    "psychisch",
    "stoornis",
    "syndroom",
    "paniekaanval",
    "angstaanval",
    "alcoholis",
    "verslav",
    "verslaaf",
    "afkick",
    "artrose",
    "artritis",
    "reuma",
    "fibromyalg",
    "osteopor",
    "hernia",
    "whiplash",
    "infarct",
    "fractuur",
    "ontsteking",
    "sclerose",
    "dementi",
    "epilep",
    "migraine",
    "diabet",
    "suikerziek",
    "dialys",
    "endometrio",
    "hersenletsel",
    "hersenschud",
    "hersenbloed",
    "fysiothera",
    "therapie",
    "therapeut",
    "medicijn",
    "medicatie",
    "antidepress",
    "pijnstill",
    "slaappil",
    "ziekenhuis",
    "geopereerd",
    "opereren",
    "amputa",
    "transplant",
    "prothese",
    "narcose",
    "revalid",
    "vermoeidheid",
    "slapeloos",
    "zwangerschapsvergift",
    "immuunziekte",
    "sarcoid",
    "allergi",
)

# Words that contain a stem above but are not medical: they are the guide's own subject
# or a false friend ("kankeren" is grumbling; "arbeidstherapeutisch" is how people work
# again during re-integration; a "cooperatie" is a kind of company).
NOT_MEDICAL = frozenset(
    """
    kankeren kankert kankerde kankerden gekankerd kankeraar
    arbeidstherapie arbeidstherapeutisch arbeidstherapeutische arbeidstherapeut
    cooperatie cooperaties cooperatief cooperatieve
    ziekte ziektes ziek zieke zieken ziekmelding ziekgemeld ziektewet ziekteverzuim ziekteweek
    ziekteperiode ziekteperiodes ziekteperioden bedrijfsarts arts huisarts arboarts
    zwanger zwangerschap zwangerschapsverlof bevalling bevallen diagnose
""".split()
)

# Body parts and functions, one group per ICPC-1 chapter, used as the first part of a
# compound with a complaint ("knie" + "operatie") and near a complaint word ("pijn in
# mijn knie"). "hoofd", "arm", "enkel" and "lever" are also ordinary words ("het hoofd
# P&O", "arm", "enkel", "lever in"): only in compounds.
BODY_PARTS = frozenset(
    """
    bloed bloedvat bloedvaten lymfeklier milt
    maag darm darmen dikkedarm dunnedarm lever gal galblaas slokdarm alvleesklier buik blindedarm
    oog ogen netvlies hoornvlies
    oor oren trommelvlies evenwichtsorgaan
    hart hartklep hartspier vaat vaten ader aders slagader
    rug onderrug bovenrug nek schouder schouders arm armen elleboog pols polsen hand handen vinger
    vingers duim heup heupen knie knieen been benen enkel enkels voet voeten teen tenen bot botten
    gewricht gewrichten spier spieren pees pezen achillespees kruisband meniscus wervel wervels
    wervelkolom rugwervel tussenwervelschijf bekken kuit dij bovenbeen onderbeen schouderblad
    sleutelbeen rib ribben kaak
    hersen hersenen hoofd zenuw zenuwen
    long longen luchtweg luchtwegen keel neus borstkas
    huid
    schildklier
    nier nieren blaas urineweg urinewegen prostaat
    baarmoeder eierstok eierstokken borst borsten
    tand tanden kies kiezen
""".split()
)
AMBIGUOUS_BODY_PARTS = frozenset({"hoofd", "arm", "armen", "enkel", "enkels", "lever", "hand", "handen"})

# Not body parts, but what a complaint can be about: "slaapproblemen", "angststoornis",
# "drankprobleem", "zwangerschapsklachten" (zwangerschap alone is not medical).
FUNCTIONS = frozenset(
    """
    slaap geheugen concentratie angst paniek stress spanning zwangerschap drank drink drugs
    alcohol gehoor zicht evenwicht eet stem energie stemming overgang
""".split()
)

# The last part of a compound, or a word near a body part, that makes it a complaint.
COMPLAINTS = frozenset(
    """
    operatie operaties ingreep klachten klacht pijn pijnen probleem problemen letsel blessure
    blessures breuk breuken ontsteking ontstekingen infectie infecties ziekte ziektes aandoening
    aandoeningen kwaal kwalen instabiliteit stoornis stoornissen bloeding infarct falen
    insufficientie prothese transplantatie amputatie zwelling uitval verlamming kramp
    slijtage vergiftiging complicaties verslaving
""".split()
)

# Words that make a nearby body part a complaint ("geopereerd aan mijn knie", "pols
# gebroken", "last van mijn schouder"). "nieuwe" only right before it ("een nieuwe heup").
NEAR_BODY_PART = frozenset(
    """
    pijn last klachten klacht problemen probleem geopereerd operatie gebroken gekneusd
    gescheurd ontstoken ontsteking blessure geblesseerd verrekt ingreep letsel beschadigd
    versleten zeer kapot kapotte slecht slechte stijf
""".split()
)
# Of those, the ones that may stand right beside an ambiguous body part ("enkel gebroken";
# not "enkel problemen met mijn baas").
INJURIES = frozenset(
    """
    gebroken gekneusd gescheurd ontstoken verrekt geopereerd versleten beschadigd geblesseerd
    kapot kapotte
""".split()
)

# A side or region before a body part in a compound: "linkerknie", "rechterschouder".
SIDES = ("linker", "rechter", "links", "rechts", "onder", "boven")

# Abbreviations that are also ordinary words: counted only in capitals and after a word
# that introduces a condition ("ik heb MS", "patiënt met ALS", "ME/CVS").
AMBIGUOUS_ABBREVIATIONS = frozenset({"ME", "MS", "ALS", "ADD", "NAH"})
INTRODUCES_CONDITION = frozenset({"heb", "hebben", "heeft", "had", "met", "door", "van", "aan", "is", "zijn"})

# WHO INN stems of medicine groups, as Dutch writes them, with the shortest word length
# that may carry them ("april" must not be an ACE-inhibitor).
MEDICINE_ENDINGS = (
    ("olol", 7),
    ("pril", 8),
    ("sartan", 8),
    ("azepam", 8),
    ("azolam", 8),
    ("statine", 9),
    ("prazol", 9),
    ("mab", 9),
    ("tinib", 8),
    ("oxetine", 9),
    ("triptan", 9),
    ("cilline", 9),
    ("mycine", 9),
    ("floxacine", 10),
    ("dipine", 9),
    ("profen", 9),
    ("fenac", 9),
    ("oxacine", 9),
)

# "de ziekte van X" with a person's name: the eponyms above are in WORDS; "ziekte van mijn
# man" is ordinary.
