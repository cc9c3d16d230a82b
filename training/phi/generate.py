"""Seeded synthetic clinical-note sentences with BIO labels for person names, street addresses and dates.

python training/phi/generate.py [--out /tmp/phi-work/data] [--train 14000] [--devel 1000] [--heldout 2500] [--seed 42]

Writes OUT/train.jsonl, OUT/devel.jsonl (training frames and names, seed + 2000: picks the epoch) and
OUT/heldout.jsonl (reserved frames and names, seed + 1000) (one example a line: text, words, word offsets, tags, entity spans,
frame id) and OUT/stats.json. Nothing is written into the repository.

Text comes from the frames in templates.py with slots filled from faker (names and addresses across locales,
dates) and from lexicon.py (names faker has no Latin-script source for, Singapore/Gulf address parts, hard
negatives). Words are what the served model sees as words: runs of letters/digits and single other characters
(`[\\p{L}\\p{N}]+|[^\\p{L}\\p{N}\\s]`), i.e. BERT's whitespace + punctuation pre-tokens and the server's words.

Label conventions: NAME excludes titles (Mr, Mrs, Ms, Dr, Prof, Sister, Nurse…) and a possessive 's, and includes
initials with their dots, hyphens and particles (van der, bin, Al-, O'); one span per person ("SMITH, John").
ADDRESS runs from the house/unit number through street, suburb/town, state and postcode when written together;
a street line or a postcode alone is an ADDRESS too; a city or country alone, hospitals and wards are O.
DATE needs a day or a month (years alone, times, weekdays and relative times are O; a weekday in front of a date
stays O).

Held-out split: a fixed fifth of each frame group (hash of the frame), of every name part (hash of the lower-cased
string: first names, surnames, father's names…) and of hand-written street/area names is reserved for the
held-out file, which is generated with a different seed. Hard-negative lists (eponyms, drugs, hospitals, cities)
are shared by both splits.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lexicon as L  # noqa: E402
from templates import JOBS, RELWORDS, STAFFWORDS, TEMPLATES, WORDUSE_SHORT, WORDVERBS  # noqa: E402

LABELS = ["O", "B-NAME", "I-NAME", "B-ADDRESS", "I-ADDRESS", "B-DATE", "I-DATE"]
WORD_RE = regex.compile(r"[\p{L}\p{N}]+|[^\p{L}\p{N}\s]")
SLOT_RE = re.compile(r"\{([A-Za-z0-9_]+)\}")
HELDOUT_PERCENT = 20


def is_heldout(key: str) -> bool:
    """Deterministic split of a string (frame, name part, street) into train (80 %) / held-out (20 %)."""
    digest = hashlib.sha1(unicodedata.normalize("NFC", key).lower().encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < HELDOUT_PERCENT


# Sampling weight of a frame by group: sentences without PHI (hard negatives) are the bulk of a real note.
GROUP_WEIGHT = {"negatives_clinical": 2.5, "address_focus": 1.3, "mixed_hard": 1.3}


def frames_for(split: str) -> list[tuple[str, str, float]]:
    want = split == "heldout"
    return [(f"{group}/{i}", frame, GROUP_WEIGHT.get(group, 1.0)) for group, frames in TEMPLATES.items()
            for i, frame in enumerate(frames) if is_heldout(frame) == want]


# ------------------------------------------------------------------------------------------------ names -------
# (origin, weight). Faker locales give first names by gender and surnames; the rest are lexicon.py lists.
ORIGINS = [
    ("en_GB", 10), ("en_IE", 5), ("ga_IE", 1), ("en_AU", 6), ("en_NZ", 4), ("en_US", 6), ("en_CA", 3),
    ("en_IN", 8), ("en_PK", 3), ("en_NG", 2), ("yo_NG", 2), ("ig_NG", 2), ("ha_NG", 1), ("en_KE", 1.5), ("sw", 1),
    ("tw_GH", 1), ("zu_ZA", 1), ("en_TH", 1), ("id_ID", 2), ("vi_VN", 2), ("tr_TR", 1.5), ("az_AZ", 0.5),
    ("uz_UZ", 0.5), ("nl_NL", 1.5), ("de_DE", 1), ("fr_FR", 1), ("it_IT", 1), ("es_MX", 1), ("pt_BR", 1),
    ("pl_PL", 1), ("ja_JP", 1.5), ("zh_CN", 3), ("zh_TW", 1),
    ("arab", 7), ("maori_pacific", 4), ("korean", 2), ("filipino", 5), ("malay", 3), ("sg_chinese", 3),
    ("tamil", 2), ("wordnames", 3),
]
HAND = {
    "arab": (L.ARAB_FIRST_M, L.ARAB_FIRST_F, L.ARAB_FAMILY),
    "maori_pacific": (L.MAORI_PACIFIC_FIRST_M, L.MAORI_PACIFIC_FIRST_F, L.MAORI_PACIFIC_LAST),
    "korean": (L.KOREAN_FIRST_M, L.KOREAN_FIRST_F, L.KOREAN_LAST),
    "filipino": (L.FILIPINO_FIRST_M, L.FILIPINO_FIRST_F, L.FILIPINO_LAST),
    "malay": (L.MALAY_FIRST_M, L.MALAY_FIRST_F, L.MALAY_FATHER),
    "sg_chinese": (L.WESTERN_GIVEN_SG, L.WESTERN_GIVEN_SG, L.SG_CHINESE_LAST),
    "tamil": (L.TAMIL_FIRST_M, L.TAMIL_FIRST_F, L.TAMIL_LAST),
    "wordnames": (L.WORD_FIRST_M, L.WORD_FIRST_F, L.WORD_LAST),
}
# Faker locales for names (every origin not in HAND) plus the address-only ones.
FAKER_LOCALES = [o for o, _ in ORIGINS if o not in HAND] + ["en_PH", "en_MS"]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class Sources:
    """Seeded faker instances plus the split-filtered hand lists."""

    def __init__(self, split: str, seed: int):
        from faker import Faker

        self.rng = random.Random(seed)
        self.heldout = split == "heldout"
        self.fakers = {}
        for i, locale in enumerate(FAKER_LOCALES):
            fake = Faker(locale)
            fake.seed_instance(seed * 1000 + i)
            self.fakers[locale] = fake
        self.leaks = 0

    def mine(self, key: str) -> bool:
        return is_heldout(key) == self.heldout

    def choose(self, items: list[str]) -> str:
        """A list item from this split's part of the list."""
        pool = [x for x in items if self.mine(x)] or items
        return self.rng.choice(pool)

    def draw(self, make) -> str:
        """A faker value from this split's part (rejection sampling)."""
        value = ""
        for _ in range(400):
            value = nfc(make()).strip()
            if value and self.mine(value):
                return value
        self.leaks += 1
        return value

    def weighted(self, pairs):
        items, weights = zip(*pairs)
        return self.rng.choices(items, weights=weights, k=1)[0]


def faker_first(src: Sources, locale: str, gender: str) -> str:
    fake = src.fakers[locale]
    if locale == "ja_JP":
        return src.draw(fake.first_romanized_name_male if gender == "m" else fake.first_romanized_name_female)
    if locale == "zh_CN":
        return src.draw(fake.first_romanized_name)
    if locale == "zh_TW":
        name = src.draw(fake.first_romanized_name_male if gender == "m" else fake.first_romanized_name_female)
        return name.title() if src.rng.random() < 0.7 else name
    fn = getattr(fake, "first_name_male" if gender == "m" else "first_name_female", fake.first_name)
    return src.draw(fn)


def faker_last(src: Sources, locale: str) -> str:
    fake = src.fakers[locale]
    if locale in ("ja_JP", "zh_CN", "zh_TW"):
        name = src.draw(fake.last_romanized_name)
        return name.title() if name.isupper() and src.rng.random() < 0.7 else name
    return src.draw(fake.last_name)


def make_person(src: Sources, gender: str | None = None) -> dict:
    """A person: first, optional middle, surname, gender, whether the family name comes first, surname particle."""
    rng = src.rng
    gender = gender or rng.choice("mf")
    origin = src.weighted(ORIGINS)
    person = {"gender": gender, "origin": origin, "middle": "", "family_first": False, "link": ""}
    if origin in HAND:
        firsts_m, firsts_f, lasts = HAND[origin]
        person["first"] = src.choose(firsts_m if gender == "m" else firsts_f)
        person["last"] = src.choose(lasts)
        if origin == "arab" and rng.random() < 0.35:
            person["link"] = ("bin " if gender == "m" else "bint ") + src.choose(L.ARAB_FIRST_M)
        elif origin == "malay":
            person["link"] = "bin" if gender == "m" else rng.choice(["binti", "bte", "binte"])
        elif origin == "tamil" and rng.random() < 0.3:
            person["link"] = "s/o" if gender == "m" else "d/o"
        elif origin == "sg_chinese":
            given = src.choose(L.SG_CHINESE_GIVEN)
            if rng.random() < 0.5:
                person["first"] = given
            else:
                person["middle"] = given  # "Jason Tan Wei Ming": English name + surname + Chinese given name
            person["family_first"] = True
        elif origin == "korean" and rng.random() < 0.4:
            person["family_first"] = True
    else:
        person["first"] = faker_first(src, origin, gender)
        person["last"] = faker_last(src, origin)
        if origin == "vi_VN":
            person["family_first"] = True
            if rng.random() < 0.7:
                person["middle"] = src.draw(src.fakers["vi_VN"].middle_name)
        elif origin in ("zh_CN", "zh_TW") and rng.random() < 0.4:
            person["family_first"] = True
    if not person["middle"] and not person["family_first"] and origin != "malay" and rng.random() < 0.18:
        other = make_person_first(src, origin, gender)
        if other == person["first"]:
            other = other[0]
        person["middle"] = other if rng.random() < 0.6 else other[0] + ("." if rng.random() < 0.6 else "")
    if origin in ("en_GB", "en_AU", "en_NZ", "en_US", "en_CA", "en_IE") and rng.random() < 0.06:
        person["last"] = person["last"] + "-" + faker_last(src, origin)
    return person


def make_person_first(src: Sources, origin: str, gender: str) -> str:
    if origin in HAND:
        return src.choose(HAND[origin][0] if gender == "m" else HAND[origin][1])
    return faker_first(src, origin, gender)


def initials(first: str, middle: str, rng: random.Random) -> str:
    letters = [w[0].upper() for w in re.split(r"[\s-]+", first) if w]
    if middle:
        letters += [w[0].upper() for w in re.split(r"[\s-]+", middle) if w and w[0].isalpha()]
    style = rng.random()
    if style < 0.55:
        return " ".join(c + "." for c in letters)
    if style < 0.75:
        return "".join(c + "." for c in letters)
    if style < 0.9:
        return "".join(letters)
    return " ".join(letters)


def name_core(person: dict, form: str, rng: random.Random) -> str:
    first, middle, last, link = person["first"], person["middle"], person["last"], person["link"]
    if person["origin"] == "malay":
        full = f"{first} {link} {last}"
        if form in ("full", "formal"):
            return full
        if form == "last":
            return first  # "Mr Faiz": a Malay name has no surname
        if form == "initials":
            return f"{initials(first, '', rng)} {link} {last}"
        if form == "form":
            return f"{first.upper()} {link.upper()} {last.upper()}" if rng.random() < 0.5 else full
        return first
    if person["family_first"]:
        given = first if not middle else middle
        full = f"{last} {given}" if not middle else f"{first} {last} {middle}"
        if form == "full":
            return full if rng.random() < 0.8 else f"{given} {last}"
        if form == "initials":
            return f"{initials(given, '', rng)} {last}"
        if form == "last":
            return last
        if form == "form":
            return f"{last.upper()}, {given}" if rng.random() < 0.6 else f"{last.upper()} {given}"
        return given if rng.random() < 0.7 or not middle else first
    core_last = f"{link} {last}" if link and link in ("s/o", "d/o") else last
    if form == "full":
        parts = [first] + ([middle] if middle else []) + ([link] if link and link not in ("s/o", "d/o") else []) + [core_last]
        return " ".join(parts)
    if form == "initials":
        text = initials(first, middle, rng)
        if rng.random() < 0.12 and not link:
            return f"{last} {text}"  # "Sharma A.K."
        return f"{text} {core_last}"
    if form == "last":
        return last
    if form == "form":
        r = rng.random()
        if r < 0.45:
            return f"{last.upper()}, {first}"
        if r < 0.65:
            return f"{last}, {first}"
        if r < 0.8:
            return f"{last.upper()} {first}"
        if r < 0.9:
            return f"{last.upper()}, {first} {middle}".strip()
        return f"{last}, {initials(first, middle, rng)}"
    return first


def casing(text: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.04:
        return text.upper()
    if r < 0.08:
        return text.lower()
    return text


def title_for(role: str, person: dict, rng: random.Random) -> str:
    if role.startswith("DR"):
        r = rng.random()
        if r < 0.86:
            return rng.choice(L.TITLES_CLIN)
        if r < 0.93:
            return rng.choice(L.TITLES_SURGEON) if person["gender"] == "f" else rng.choice(L.TITLES_M)
        return rng.choice(["Sister", "Nurse"]) if person["gender"] == "f" else rng.choice(["Nurse", "Charge Nurse"])
    if role == "NM" and rng.random() < 0.35:
        return rng.choice(L.TITLES_NURSE + L.TITLES_CLIN[:2])
    return rng.choice(L.TITLES_M if person["gender"] == "m" else L.TITLES_F)


# Default style mixes per role: (form, with title?, weight).
MIX = {
    "PT": [("full", True, 30), ("last", True, 25), ("full", False, 25), ("initials", True, 8), ("first", False, 6),
           ("form", False, 6)],
    "DR": [("last", True, 35), ("full", True, 25), ("initials", True, 20), ("full", False, 10),
           ("initials", False, 5), ("last", False, 5)],
    "R": [("first", False, 40), ("full", False, 40), ("last", True, 12), ("full", True, 8)],
    "NM": [("full", False, 45), ("first", False, 20), ("last", True, 25), ("full", True, 10)],
}
STYLE = {"T": None, "S": ("last", True), "F": ("full", False), "1": ("first", False), "FORM": ("form", False),
         "I": ("initials", False), "L": ("last", False)}


def render_person(person: dict, role: str, style: str, rng: random.Random) -> list[tuple[str, str | None]]:
    if style == "":
        mix = MIX.get(role if role in MIX else ("DR" if role.startswith("DR") else "R"))
        choice = rng.choices(mix, weights=[w for *_, w in mix], k=1)[0]
        form, titled = choice[0], choice[1]
    elif style == "T":
        form, titled = rng.choices(["full", "initials", "last"], weights=[55, 20, 25], k=1)[0], True
    else:
        form, titled = STYLE[style]
    core = casing(name_core(person, form, rng), rng) if form != "first" else person["first"]
    if form == "first" and person["origin"] == "sg_chinese" and rng.random() < 0.3:
        core = person["middle"] or person["first"]
    segments: list[tuple[str, str | None]] = []
    if titled:
        title = title_for(role, person, rng)
        segments.append((title + " ", None))
    segments.append((core, "NAME"))
    return segments


# ------------------------------------------------------------------------------------------------ dates -------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
DAYS_IN = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def month_name(m: int, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.55:
        return MONTHS[m - 1]
    if r < 0.9:
        return MON3[m - 1] + ("." if rng.random() < 0.1 and m != 5 else "")
    return "Sept" if m == 9 else MON3[m - 1].upper()


def date_segments(kind: str, rng: random.Random, us: bool) -> list[tuple[str, str | None]]:
    year = rng.randint(1930, 2023) if kind == "DOB" else rng.randint(2012, 2027)
    m = rng.randint(1, 12)
    d = rng.randint(1, DAYS_IN[m - 1] if m != 2 else 28)
    yy = f"{year % 100:02d}"
    mn = month_name(m, rng)
    prefix = ""
    if kind == "MON":
        return [(mn if rng.random() < 0.85 else MONTHS[m - 1], "DATE")]
    if kind == "MY":
        text = rng.choice([f"{mn} {year}", f"{mn} {year}", f"{m:02d}/{year}", f"{MON3[m - 1]}-{yy}",
                           f"{mn}, {year}", f"{m}/{year}", f"{year}-{m:02d}"])
        return [(text, "DATE")]
    if kind == "DM":
        text = rng.choice([f"{d} {mn}", f"{ordinal(d)} {mn}", f"{mn} {d}", f"{mn} {ordinal(d)}",
                           f"{ordinal(d)} of {MONTHS[m - 1]}", f"{d:02d}/{m:02d}", f"{d}/{m}", f"{d}-{MON3[m - 1]}"])
        if rng.random() < 0.1:
            prefix = rng.choice(WEEKDAYS_FULL) + rng.choice([" ", ", "])
        return ([(prefix, None)] if prefix else []) + [(text, "DATE")]
    numeric = [f"{d:02d}/{m:02d}/{year}", f"{d}/{m}/{year}", f"{d}/{m}/{yy}", f"{d:02d}/{m:02d}/{yy}",
               f"{year}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{year}", f"{d}.{m}.{yy}", f"{d:02d}-{m:02d}-{year}"]
    us_numeric = [f"{m:02d}/{d:02d}/{year}", f"{m}/{d}/{year}", f"{m}/{d}/{yy}"]
    textual = [f"{d} {mn} {year}", f"{d} {mn} {year}", f"{d:02d} {MON3[m - 1]} {year}", f"{d}-{MON3[m - 1]}-{year}",
               f"{d:02d}-{MON3[m - 1].upper()}-{yy}", f"{d:02d}{MON3[m - 1].upper()}{year}", f"{MONTHS[m - 1]} {d}, {year}",
               f"{mn} {d} {year}", f"{ordinal(d)} {mn} {year}", f"{ordinal(d)} of {MONTHS[m - 1]} {year}",
               f"{MONTHS[m - 1]} {ordinal(d)}, {year}", f"{d} {mn}, {year}", f"{d} {mn} '{yy}"]
    pool = rng.choices([numeric, us_numeric if us else numeric, textual], weights=[40, 10, 50], k=1)[0]
    text = rng.choice(pool)
    if kind == "DATE" and rng.random() < 0.1:
        prefix = rng.choice(WEEKDAYS_FULL) + rng.choice([" ", ", "])
    if kind == "DATE" and rng.random() < 0.04 and " of " in text:
        prefix = "the "
    return ([(prefix, None)] if prefix else []) + [(text, "DATE")]


WEEKDAYS_FULL = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tue", "Fri"]

# ------------------------------------------------------------------------------------------------ places ------
COUNTRIES = [("UK", 18), ("IE", 10), ("AU", 16), ("NZ", 10), ("US", 8), ("CA", 7), ("SG", 8), ("GULF", 10),
             ("IN", 5), ("PH", 4), ("MY", 4)]
FAKER_FOR = {"UK": "en_GB", "IE": "en_IE", "AU": "en_AU", "NZ": "en_NZ", "US": "en_US", "CA": "en_CA",
             "IN": "en_IN", "PH": "en_PH", "MY": "en_MS"}
LETTERS = "ABCDEFGHJKLMNPRSTUVWXY"


def eircode(rng: random.Random) -> str:
    routing = rng.choice(["D0", "D1", "D2", "D6W", "A9", "T1", "T2", "H9", "V9", "X9", "R9", "F9", "P8"])
    routing = (routing + str(rng.randint(1, 9)))[:3]
    return routing + " " + "".join(rng.choice(LETTERS + "0123456789") for _ in range(4))


def ca_postal(rng: random.Random) -> str:
    a = "".join([rng.choice("ABCEGHJKLMNPRSTVXY"), str(rng.randint(0, 9)), rng.choice("ABCEGHJKLMNPRSTVWXYZ")])
    b = "".join([str(rng.randint(0, 9)), rng.choice("ABCEGHJKLMNPRSTVWXYZ"), str(rng.randint(0, 9))])
    return f"{a} {b}"


def postcode(src: Sources, country: str) -> str:
    rng = src.rng
    if country == "UK":
        code = src.fakers["en_GB"].postcode()
        return code if " " in code else code[:-3] + " " + code[-3:]
    if country == "IE":
        return eircode(rng)
    if country == "AU":
        return rng.choice(L.AU_SUBURBS)[2] if rng.random() < 0.5 else f"{rng.randint(2000, 7999)}"
    if country == "NZ":
        return f"{rng.randint(1010, 9893):04d}"
    if country == "US":
        return f"{rng.randint(10000, 99950)}" + (f"-{rng.randint(1000, 9999)}" if rng.random() < 0.2 else "")
    if country == "CA":
        return ca_postal(rng)
    if country == "SG":
        return rng.choice(["", "", "S", "Singapore "]) + f"{rng.randint(100000, 829999)}"
    if country == "IN":
        return f"{rng.randint(110001, 855999)}"
    if country == "PH":
        return f"{rng.randint(1000, 9811)}"
    if country == "MY":
        return f"{rng.randint(10000, 98000)}"
    return f"{rng.randint(10000, 99999)}"  # Saudi national address postal code


def street(src: Sources, country: str) -> str:
    """House/unit number + street (the start of every address)."""
    rng = src.rng
    num = rng.randint(1, 320) if rng.random() < 0.85 else rng.randint(321, 2999)
    fake = src.fakers.get(FAKER_FOR.get(country, ""), None)
    if country == "SG":
        block = rng.randint(1, 999)
        road = src.choose(L.SG_STREETS)
        unit = f"#{rng.randint(1, 25):02d}-{rng.randint(1, 400):02d}"
        return rng.choice([f"Blk {block} {road}, {unit}", f"Block {block} {road} {unit}", f"{block} {road}, {unit}",
                           f"{num} {road}, {unit} {rng.choice(L.SG_CONDOS)}"])
    if country == "GULF":
        road = src.choose(L.GULF_ROADS)
        return rng.choice([f"Villa {num}, Street {rng.randint(1, 60)}", f"Flat {rng.randint(101, 2405)}, "
                           f"{src.choose(L.GULF_BUILDINGS)}, {road}", f"Building {num}, Street {rng.randint(800, 990)}",
                           f"Flat {rng.randint(1, 40)}, Building {num}, Road {rng.randint(1000, 4200)}",
                           f"{rng.randint(1000, 9999)} {road}", f"House {num}, Way {rng.randint(1000, 4999)}",
                           f"Apartment {rng.randint(101, 3009)}, {src.choose(L.GULF_BUILDINGS)}"])
    hand = {"UK": L.UK_STREETS, "IE": L.IE_STREETS, "AU": L.AU_STREETS, "NZ": L.NZ_STREETS, "US": L.US_STREETS,
            "CA": L.CA_STREETS}.get(country)
    if fake is not None and (hand is None or rng.random() < 0.5):
        name = src.draw(fake.street_name)
    else:
        name = src.choose(hand or L.UK_STREETS)
    if country == "IN":
        return rng.choice([f"{num}, {name}", f"Flat {rng.randint(101, 1204)}, {src.draw(fake.street_name)} Apartments, {name}",
                           f"{num}/{rng.randint(1, 40)} {name}", f"House No. {num}, {name}"])
    if country == "MY":
        return rng.choice([f"No. {num}, {name}", f"{num}, {name}", f"Lot {num}, {name}"])
    unit = ""
    r = rng.random()
    if country == "AU" and r < 0.25:
        return rng.choice(["", "", "Unit ", "U"]) + f"{rng.randint(1, 40)}/{num} {name}"
    if country == "CA" and r < 0.15:
        return f"{rng.randint(101, 2200)}-{num} {name}"
    if r < 0.18:
        unit = rng.choice(["Flat", "Apt", "Apt.", "Unit", "Suite", "Apartment"]) + f" {rng.randint(1, 40)}" + rng.choice([", ", " "])
    elif r < 0.3 and country in ("UK", "IE"):
        unit = src.choose(L.HOUSE_NAMES) + ", "
    if country == "US" and rng.random() < 0.2:
        return f"{num} {name} " + rng.choice(["Apt", "Apt.", "Unit", "#"]) + f" {rng.randint(1, 40)}{rng.choice(['', 'B', 'C'])}"
    return f"{unit}{num} {name}"


def town_part(src: Sources, country: str) -> str:
    """Everything after the street: suburb/town, state, postcode, in the country's usual order."""
    rng = src.rng
    fake = src.fakers.get(FAKER_FOR.get(country, ""), None)
    pc = postcode(src, country)
    if country == "UK":
        town = src.choose(L.UK_TOWNS) if rng.random() < 0.6 else src.draw(fake.city)
        return rng.choice([f"{town} {pc}", f"{town}, {pc}", f"{town}, {src.draw(fake.county)} {pc}", f"{town}"])
    if country == "IE":
        town = src.choose(L.IE_TOWNS)
        return rng.choice([f"{town}, Co. {src.choose(L.IE_COUNTIES)}, {pc}", f"{town}, Co. {src.choose(L.IE_COUNTIES)}",
                           f"Dublin {rng.randint(1, 24)}", f"{town} {pc}", f"{town}, County {src.choose(L.IE_COUNTIES)}"])
    if country == "AU":
        suburb, state, code = src.choose([s[0] for s in L.AU_SUBURBS]), None, None
        for s in L.AU_SUBURBS:
            if s[0] == suburb:
                state, code = s[1], s[2]
        if rng.random() < 0.3:
            suburb = src.draw(fake.city)
        state_txt = state if rng.random() < 0.85 else L.AU_STATE_LONG[state]
        return rng.choice([f"{suburb} {state_txt} {code}", f"{suburb}, {state_txt} {code}", f"{suburb} {state_txt}",
                           f"{suburb.upper()} {state_txt} {code}"])
    if country == "NZ":
        suburb, city, code = rng.choice([s for s in L.NZ_SUBURBS if src.mine(s[0])] or L.NZ_SUBURBS)
        return rng.choice([f"{suburb}, {city} {code}", f"{suburb}, {city}", f"{city} {code}", f"RD {rng.randint(1, 9)}, {city} {code}"])
    if country == "US":
        city, st = rng.choice(L.US_CITIES) if rng.random() < 0.6 else (src.draw(fake.city), fake.state_abbr())
        return rng.choice([f"{city}, {st} {pc}", f"{city} {st} {pc}", f"{city}, {st}"])
    if country == "CA":
        city, prov = rng.choice(L.CA_CITIES)
        return rng.choice([f"{city}, {prov} {pc}", f"{city} {prov}  {pc}", f"{city}, {prov}"])
    if country == "SG":
        return rng.choice([f"Singapore {pc.replace('Singapore ', '').lstrip('S')}", f"S{pc.replace('Singapore ', '').lstrip('S')}", "Singapore"])
    if country == "GULF":
        area, city = rng.choice(L.GULF_AREAS)
        return rng.choice([f"{area}, {city}", f"{area}, {city}", f"Block {rng.randint(100, 999)}, {city}",
                           f"Zone {rng.randint(10, 90)}, {city}", f"{area}, {city} {rng.randint(11000, 14999)}"])
    if country == "IN":
        city, pin = rng.choice(L.IN_CITIES)
        return rng.choice([f"{src.choose(L.IN_AREAS)}, {city} - {pin}", f"{src.choose(L.IN_AREAS)}, {city} {pin}",
                           f"{city}-{pc}"])
    if country == "PH":
        return rng.choice([f"Brgy. {src.draw(fake.city)}, {src.draw(fake.city)} City, {pc}", f"{src.draw(fake.city)}, {pc} {fake.administrative_unit()}"])
    if country == "MY":
        return rng.choice([f"{pc} {src.draw(fake.city)}, {fake.administrative_unit()}", f"{pc} {src.draw(fake.city)}"])
    return ""


def address(src: Sources, country: str) -> str:
    text = f"{street(src, country)}, {town_part(src, country)}"
    if country in ("PH", "MY") and src.rng.random() < 0.3:
        fake = src.fakers[FAKER_FOR[country]]
        text = src.draw(lambda: fake.address().replace("\n", ", "))
    r = src.rng.random()
    if r < 0.05:
        text = text.upper()
    elif r < 0.08:
        text = text.replace(",", "")
    return text


# ------------------------------------------------------------------------------------------------ O fillers ----
def phone(rng: random.Random, country: str) -> str:
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    return {
        "UK": rng.choice([f"0{d(3)} {d(3)} {d(4)}", f"07{d(3)} {d(6)}", f"+44 7{d(3)} {d(6)}"]),
        "IE": rng.choice([f"08{d(1)} {d(3)} {d(4)}", f"+353 {d(2)} {d(3)} {d(4)}", f"0{d(1)} {d(7)}"]),
        "AU": rng.choice([f"(0{d(1)}) {d(4)} {d(4)}", f"04{d(2)} {d(3)} {d(3)}", f"+61 4{d(2)} {d(3)} {d(3)}"]),
        "NZ": rng.choice([f"02{d(1)} {d(3)} {d(4)}", f"(09) {d(3)} {d(4)}", f"+64 21 {d(3)} {d(3)}"]),
        "US": rng.choice([f"({d(3)}) {d(3)}-{d(4)}", f"{d(3)}-{d(3)}-{d(4)}"]),
        "CA": rng.choice([f"({d(3)}) {d(3)}-{d(4)}", f"+1 {d(3)} {d(3)} {d(4)}"]),
        "SG": rng.choice([f"+65 9{d(3)} {d(4)}", f"6{d(3)} {d(4)}", f"8{d(3)} {d(4)}"]),
        "GULF": rng.choice([f"+971 50 {d(3)} {d(4)}", f"050 {d(3)} {d(4)}", f"+974 {d(4)} {d(4)}", f"+966 5{d(1)} {d(3)} {d(4)}"]),
    }.get(country, f"+{rng.randint(20, 99)} {d(3)} {d(3)} {d(4)}")


def o_filler(slot: str, src: Sources, ctx: dict) -> str:
    rng = src.rng
    country = ctx["country"]
    if slot == "CITY":
        return rng.choice(L.CITIES)
    if slot == "COUNTRY":
        return rng.choice(L.COUNTRIES)
    if slot == "HOSP":
        return rng.choice(L.HOSPITALS)
    if slot == "WARD":
        return rng.choice(L.WARDS)
    if slot == "BED":
        return rng.choice(L.BEDS)
    if slot == "STAFF":
        return rng.choice(L.ROLES)
    if slot == "PROG":
        return rng.choice(L.PROGRAMMES)
    if slot == "ABBR":
        return rng.choice(L.ABBREVIATIONS)
    if slot == "EPONYM":
        return rng.choice(L.EPONYMS)
    if slot == "SIGN":
        return rng.choice(L.EPONYM_SIGNS)
    if slot == "DRUG":
        return rng.choice(L.DRUGS)
    if slot == "BRAND":
        return rng.choice(L.BRANDS)
    if slot == "COND":
        return rng.choice(L.CONDITIONS)
    if slot == "SPEC":
        return rng.choice(L.SPECIALTIES)
    if slot == "WEEKDAY":
        return rng.choice(L.WEEKDAYS)
    if slot == "RELTIME":
        return rng.choice(L.REL_TIMES)
    if slot == "DUR":
        return rng.choice(L.DURATIONS)
    if slot == "RATIO":
        return rng.choice(L.RATIOS)
    if slot == "FREQ":
        return rng.choice(L.FREQS)
    if slot == "YEAR":
        return str(rng.randint(1960, 2026))
    if slot == "TIME":
        h, m = rng.randint(0, 23), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])
        return rng.choice([f"{h:02d}:{m:02d}", f"{h:02d}{m:02d}", f"{h:02d}{m:02d}h", f"{(h % 12) or 12}.{m:02d}pm",
                           f"{(h % 12) or 12}:{m:02d} am", f"{(h % 12) or 12} pm", "midnight", "midday", f"{h:02d}:{m:02d} hrs"])
    if slot == "AGE":
        n = rng.randint(1, 99)
        return rng.choice([f"{n}-year-old", f"{n}-year-old", f"{n} yo", f"{n}yo", f"{n}-yr-old"])
    if slot == "AGE_NUM":
        return str(rng.randint(2, 96))
    if slot == "PHONE":
        return phone(rng, country)
    if slot == "EMAIL":
        return src.draw(src.fakers["en_GB"].free_email)
    if slot == "MRN":
        d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
        return rng.choice([f"MRN {d(8)}", f"MRN: {d(7)}", f"UR {d(7)}", f"Hospital No. K{d(6)}", f"NHI ABC{d(4)}",
                           f"IHI 8003 {d(4)} {d(4)} {d(4)}", f"ID {d(9)}", f"URN {d(6)}"])
    if slot == "NHSNO":
        d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
        return f"{d(3)} {d(3)} {d(4)}"
    if slot == "RELWORD":
        return rng.choice(RELWORDS)
    if slot == "STAFFWORD":
        return rng.choice(STAFFWORDS)
    if slot == "JOB":
        return rng.choice(JOBS)
    if slot == "WORDVERB":
        return rng.choice(WORDVERBS)
    if slot == "WORDUSE_SHORT":
        return rng.choice(WORDUSE_SHORT)
    if slot == "WORDUSE":
        return pronouns(rng.choice(L.WORD_USES), ctx)
    raise KeyError(slot)


PRONOUNS = {"m": {"he": "he", "He": "He", "his": "his", "His": "His", "him": "him"},
            "f": {"he": "she", "He": "She", "his": "her", "His": "Her", "him": "her"}}


def pronouns(text: str, ctx: dict) -> str:
    table = PRONOUNS[ctx["gender"]]
    return SLOT_RE.sub(lambda m: table.get(m.group(1), m.group(0)), text)


# ------------------------------------------------------------------------------------------------ assembly -----
PERSON_ROLES = {"PT", "DR", "DR2", "RF", "RM", "RX", "NM"}


def fill(frame: str, src: Sources, ctx: dict) -> list[tuple[str, str | None]]:
    segments: list[tuple[str, str | None]] = []
    pos = 0
    for match in SLOT_RE.finditer(frame):
        if match.start() > pos:
            segments.append((frame[pos : match.start()], None))
        pos = match.end()
        slot = match.group(1)
        if slot in PRONOUNS["m"]:
            segments.append((PRONOUNS[ctx["gender"]][slot], None))
            continue
        role, _, style = slot.partition("_")
        if role in PERSON_ROLES:
            person = ctx["people"].get(role)
            if person is None:
                gender = {"PT": ctx["gender"], "RF": "f", "RM": "m"}.get(role)
                person = ctx["people"][role] = make_person(src, gender)
            segments.extend(render_person(person, role, style, src.rng))
        elif slot in ("DATE", "DOB", "DM", "MY", "MON"):
            segments.extend(date_segments(slot, src.rng, ctx["country"] == "US"))
        elif slot == "ADDR":
            segments.append((address(src, ctx["country"]), "ADDRESS"))
        elif slot == "STREET":
            segments.append((street(src, ctx["country"]), "ADDRESS"))
        elif slot == "POSTCODE":
            segments.append((postcode(src, ctx["country"]), "ADDRESS"))
        else:
            segments.append((o_filler(slot, src, ctx), None))
    if pos < len(frame):
        segments.append((frame[pos:], None))
    # A name ending in an initial's dot absorbs the sentence's full stop ("… Sharma A.").
    for i in range(len(segments) - 1):
        text, label = segments[i]
        if label == "NAME" and text.endswith(".") and segments[i + 1][0].startswith("."):
            segments[i + 1] = (segments[i + 1][0][1:], segments[i + 1][1])
    return [(nfc(t), lab) for t, lab in segments if t]


def label_words(segments: list[tuple[str, str | None]]) -> dict:
    text, spans, pos = "", [], 0
    for chunk, label in segments:
        if label is not None:
            spans.append((pos, pos + len(chunk), label))
        text += chunk
        pos += len(chunk)
    words, offsets, tags = [], [], []
    for m in WORD_RE.finditer(text):
        start, end = m.start(), m.end()
        tag = "O"
        for s, e, label in spans:
            if s <= start < e:
                if end > e:
                    raise ValueError(f"word {m.group()!r} crosses the end of a {label} span in {text!r}")
                first = not any(s <= o[0] < start for o in offsets)
                tag = ("B-" if first else "I-") + label
                break
        words.append(m.group())
        offsets.append((start, end))
        tags.append(tag)
    return {"text": text, "words": words, "offsets": offsets, "tags": tags,
            "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e]} for s, e, lab in spans]}


def new_context(src: Sources) -> dict:
    return {"gender": src.rng.choice("mf"), "country": src.weighted(COUNTRIES), "people": {}}


def generate(split: str, n: int, seed: int) -> tuple[list[dict], dict]:
    src = Sources(split, seed)
    frames = frames_for(split)
    weights = [w for *_, w in frames]
    rng = src.rng
    examples, seen, repeats = [], set(), 0
    for i in range(n):
        for _attempt in range(50):  # a text already in this split (a frame without slots) is drawn again
            ctx = new_context(src)
            k = 1 if rng.random() < 0.75 else rng.choice([2, 2, 3])
            chosen = rng.choices(frames, weights=weights, k=k)
            segments: list[tuple[str, str | None]] = []
            for j, (fid, frame, _) in enumerate(chosen):
                if j:
                    segments.append((" ", None))
                segments.extend(fill(frame, src, ctx))
            example = label_words(segments)
            if example["text"] not in seen:
                break
            repeats += 1
        seen.add(example["text"])
        example.update({"id": f"{split}-{i}", "frames": [fid for fid, *_ in chosen], "country": ctx["country"]})
        examples.append(example)
    stats = {"frames": len(frames), "leaks": src.leaks, "redrawn_duplicates": repeats}
    return examples, stats


def summarise(examples: list[dict]) -> dict:
    entities, tags = Counter(), Counter()
    for e in examples:
        tags.update(e["tags"])
        entities.update(s["label"] for s in e["spans"])
    return {"examples": len(examples), "words": sum(len(e["words"]) for e in examples),
            "entities": dict(sorted(entities.items())), "tags": dict(sorted(tags.items())),
            "without_entities": sum(1 for e in examples if not e["spans"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="/tmp/phi-work/data")
    parser.add_argument("--train", type=int, default=14000)
    parser.add_argument("--devel", type=int, default=1000)
    parser.add_argument("--heldout", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=42, help="train seed; devel uses seed + 2000, held-out seed + 1000")
    parser.add_argument("--show", type=int, default=0, help="print N examples of each split")
    args = parser.parse_args()
    import faker

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stats = {"faker": faker.VERSION, "seed": args.seed, "heldout_seed": args.seed + 1000,
             "frame_groups": {g: len(f) for g, f in TEMPLATES.items()}, "frames_total": sum(len(f) for f in TEMPLATES.values())}
    # devel: training frames and name pools, another seed (picks the epoch); heldout: the reserved fifth.
    for split, n, seed in (("train", args.train, args.seed), ("devel", args.devel, args.seed + 2000),
                           ("heldout", args.heldout, args.seed + 1000)):
        examples, info = generate("train" if split == "devel" else split, n, seed)
        for e in examples:
            e["id"] = e["id"].replace("train-", f"{split}-", 1)
        with open(out / f"{split}.jsonl", "w", encoding="utf-8") as handle:
            for e in examples:
                handle.write(json.dumps(e, ensure_ascii=False) + "\n")
        stats[split] = {**info, **summarise(examples)}
        for e in examples[: args.show]:
            print(e["text"])
            print("   ", [(s["label"], s["text"]) for s in e["spans"]])
    (out / "stats.json").write_text(json.dumps(stats, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(stats, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
