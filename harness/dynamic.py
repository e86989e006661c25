"""Postman's dynamic variables (``{{$guid}}``, ``{{$randomInt}}``, ...): a fresh value per use.

The full documented list of postman-collection's ``dynamic-variables.js`` is covered with small
generators of our own (no faker): values have the documented shape, not faker's exact word
lists.
"""

from __future__ import annotations

import random
import string
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

_r = random.Random()


def uuid4() -> str:
    """A random version-4 UUID from a seeded PRNG: test data and tokens, not secrets.

    ``uuid.uuid4()`` reads ``os.urandom`` each time, a system call that costs ~10 us on
    virtual machines; requests need one or more each (Postman-Token, {{$guid}}).
    """
    return str(uuid.UUID(int=_r.getrandbits(128), version=4))
FIRST = ("James", "Mary", "Ben", "Ava", "Liam", "Emma", "Noah", "Olivia", "Lucas", "Mia")
LAST = ("Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Lopez", "Wilson", "Moore")
ADJ = ("tasty", "sleek", "rustic", "handmade", "generic", "ergonomic", "small", "refined")
NOUN = ("table", "chair", "shoes", "computer", "car", "pizza", "towels", "gloves", "keyboard")
MATERIAL = ("steel", "wooden", "concrete", "plastic", "cotton", "granite", "rubber", "frozen")
VERB = ("parse", "index", "compress", "navigate", "copy", "bypass", "connect", "program")
ING = ("parsing", "indexing", "compressing", "navigating", "copying", "connecting")
ABBR = ("SQL", "PCI", "JSON", "HTTP", "XML", "SSL", "TCP", "AGP", "RAM", "SMS", "USB")
LOREM = ("lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed",
         "do", "eiusmod", "tempor", "incididunt", "labore", "dolore", "magna", "aliqua")
CITIES = ("Springfield", "Riverside", "Franklin", "Greenville", "Bristol", "Clinton", "Salem")
COUNTRIES = (("France", "FR"), ("Germany", "DE"), ("Japan", "JP"), ("Brazil", "BR"),
             ("Canada", "CA"), ("India", "IN"), ("Kenya", "KE"), ("Spain", "ES"))
STREET = ("Main Street", "Oak Avenue", "Maple Drive", "Cedar Lane", "Elm Road", "Park Way")
COLORS = ("red", "green", "blue", "purple", "orange", "teal", "lime", "salmon", "violet")
DEPTS = ("Electronics", "Clothing", "Books", "Garden", "Toys", "Sports", "Health", "Music")
SUFFIX = ("Inc", "LLC", "Group", "and Sons")
CATCH_ADJ = ("Adaptive", "Balanced", "Centralized", "Diverse", "Enhanced", "Focused")
CATCH_DESC = ("24 hour", "asymmetric", "bi-directional", "dynamic", "global", "modular")
CATCH_NOUN = ("ability", "access", "algorithm", "architecture", "framework", "matrix")
BS_ADJ = ("viral", "cross-platform", "B2B", "real-time", "scalable", "seamless")
BS_BUZZ = ("synergize", "leverage", "streamline", "monetize", "orchestrate", "incubate")
BS_NOUN = ("synergies", "paradigms", "markets", "platforms", "channels", "deliverables")
DB_COL = ("id", "title", "name", "email", "password", "token", "group", "createdAt", "updatedAt")
DB_TYPE = ("int", "varchar", "text", "date", "tinyint", "double", "point", "bigint", "blob")
DB_COLL = ("utf8_unicode_ci", "utf8_general_ci", "cp1250_bin", "ascii_bin", "latin1_bin")
DB_ENGINE = ("InnoDB", "MyISAM", "Memory", "CSV", "Archive", "BLACKHOLE", "MERGE")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ACCOUNTS = ("Checking Account", "Savings Account", "Money Market Account", "Credit Card Account")
TRANSACTIONS = ("deposit", "withdrawal", "payment", "invoice")
CURRENCIES = (("USD", "US Dollar", "$"), ("EUR", "Euro", "€"), ("GBP", "Pound Sterling", "£"),
              ("JPY", "Yen", "¥"), ("INR", "Indian Rupee", "₹"))
IMAGE_TOPICS = ("abstract", "animals", "business", "cats", "city", "food", "nightlife",
                "fashion", "people", "nature", "sports", "transport")
TLDS = ("com", "net", "org", "info", "biz", "name", "io")
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
JOB_DESC = ("Senior", "Chief", "Corporate", "Dynamic", "Future", "Lead", "Principal")
JOB_AREA = ("Branding", "Functionality", "Usability", "Security", "Solutions", "Quality")
JOB_TYPE = ("Supervisor", "Manager", "Coordinator", "Engineer", "Developer", "Architect")
PREFIX = ("Mr.", "Mrs.", "Ms.", "Miss", "Dr.")
NAME_SUFFIX = ("Jr.", "Sr.", "I", "II", "III", "IV", "V", "MD", "DDS", "PhD", "DVM")
LOCALES = ("af", "ar", "bg", "cs", "da", "de", "el", "en", "es", "fi", "fr", "he", "hi", "hu",
           "id", "it", "ja", "ko", "nl", "no", "pl", "pt", "ro", "ru", "sv", "th", "tr", "uk",
           "vi", "zh")
MIME = (("application/json", "json", "application"), ("text/plain", "txt", "text"),
        ("image/png", "png", "image"), ("image/jpeg", "jpg", "image"),
        ("video/mp4", "mp4", "video"), ("audio/mpeg", "mp3", "audio"),
        ("application/pdf", "pdf", "application"))
UNCOMMON = (("application/vnd.ms-excel", "xls"), ("application/x-7z-compressed", "7z"),
            ("chemical/x-cif", "cif"), ("model/vrml", "wrl"))
DIRS = ("/usr/bin", "/etc", "/home/user", "/var/log", "/opt/lib", "/tmp", "/Library")
USER_AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 13_4) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/16.5 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
)


def _c(seq: tuple[str, ...]) -> Callable[[], str]:
    return lambda: _r.choice(seq)


def _digits(n: int) -> str:
    return "".join(_r.choices(string.digits, k=n))


def _words(source: tuple[str, ...], low: int, high: int) -> str:
    return " ".join(_r.choice(source) for _ in range(_r.randint(low, high)))


def _sentence() -> str:
    return _words(LOREM, 4, 10).capitalize() + "."


def _paragraph() -> str:
    return " ".join(_sentence() for _ in range(3))


def _date(days_from: int, days_to: int) -> str:
    moment = datetime.now(timezone.utc) + timedelta(seconds=_r.uniform(days_from, days_to) * 86400)
    return moment.strftime("%a %b %d %Y %H:%M:%S GMT+0000 (Coordinated Universal Time)")


def _domain_word() -> str:
    return _r.choice(FIRST + LAST).lower() + _r.choice(("", "-" + _r.choice(LAST).lower()))


def _domain() -> str:
    return f"{_domain_word()}.{_r.choice(TLDS)}"


def _username() -> str:
    return f"{_r.choice(FIRST)}{_r.choice(('.', '_', ''))}{_r.choice(LAST)}{_r.randint(0, 99)}"


def _file_name(ext: str) -> str:
    return f"{_r.choice(LOREM)}_{_r.choice(LOREM)}.{ext}"


def _iban() -> str:
    return f"{_r.choice(COUNTRIES)[1]}{_digits(2)}{''.join(_r.choices(string.ascii_uppercase, k=4))}{_digits(14)}"  # noqa: E501


def _image(topic: str) -> Callable[[], str]:
    return lambda: f"http://placeimg.com/640/480/{topic}"


_GENERATORS: dict[str, Callable[[], str]] = {
    "$guid": uuid4,
    "$timestamp": lambda: str(int(time.time())),
    "$isoTimestamp": lambda: datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    .replace("+00:00", "Z"),
    "$randomUUID": uuid4,
    "$randomAlphaNumeric": lambda: _r.choice(string.ascii_lowercase + string.digits),
    "$randomBoolean": lambda: _r.choice(("true", "false")),
    "$randomInt": lambda: str(_r.randint(0, 1000)),
    "$randomColor": _c(COLORS),
    "$randomHexColor": lambda: f"#{_r.randrange(1 << 24):06x}",
    "$randomAbbreviation": _c(ABBR),
    "$randomIP": lambda: ".".join(str(_r.randint(0, 255)) for _ in range(4)),
    "$randomIPV6": lambda: ":".join(f"{_r.randrange(1 << 16):x}" for _ in range(8)),
    "$randomMACAddress": lambda: ":".join(f"{_r.randrange(256):02x}" for _ in range(6)),
    "$randomPassword": lambda: "".join(_r.choices(string.ascii_letters + string.digits, k=15)),
    "$randomLocale": _c(LOCALES),
    "$randomUserAgent": _c(USER_AGENTS),
    "$randomProtocol": _c(("http", "https")),
    "$randomSemver": lambda: f"{_r.randint(0, 9)}.{_r.randint(0, 9)}.{_r.randint(0, 9)}",
    # names
    "$randomFirstName": _c(FIRST),
    "$randomLastName": _c(LAST),
    "$randomFullName": lambda: f"{_r.choice(FIRST)} {_r.choice(LAST)}",
    "$randomNamePrefix": _c(PREFIX),
    "$randomNameSuffix": _c(NAME_SUFFIX),
    "$randomJobTitle": lambda: f"{_r.choice(JOB_DESC)} {_r.choice(JOB_AREA)} {_r.choice(JOB_TYPE)}",
    "$randomJobDescriptor": _c(JOB_DESC),
    "$randomJobArea": _c(JOB_AREA),
    "$randomJobType": _c(JOB_TYPE),
    # phone, address, location
    "$randomPhoneNumber": lambda: f"{_digits(3)}-{_digits(3)}-{_digits(4)}",
    "$randomPhoneNumberExt": lambda: f"{_digits(2)}-{_digits(3)}-{_digits(3)}-{_digits(4)}",
    "$randomCity": _c(CITIES),
    "$randomStreetName": _c(STREET),
    "$randomStreetAddress": lambda: f"{_r.randint(1, 9999)} {_r.choice(STREET)}",
    "$randomCountry": lambda: _r.choice(COUNTRIES)[0],
    "$randomCountryCode": lambda: _r.choice(COUNTRIES)[1],
    "$randomLatitude": lambda: f"{_r.uniform(-90, 90):.4f}",
    "$randomLongitude": lambda: f"{_r.uniform(-180, 180):.4f}",
    # commerce, company, business speak
    "$randomDepartment": _c(DEPTS),
    "$randomProductName": lambda: f"{_r.choice(ADJ).capitalize()} {_r.choice(MATERIAL).capitalize()} {_r.choice(NOUN).capitalize()}",  # noqa: E501
    "$randomProductAdjective": _c(ADJ),
    "$randomProductMaterial": _c(MATERIAL),
    "$randomProduct": _c(NOUN),
    "$randomCompanyName": lambda: f"{_r.choice(LAST)} {_r.choice(SUFFIX)}",
    "$randomCompanySuffix": _c(SUFFIX),
    "$randomCatchPhrase": lambda: f"{_r.choice(CATCH_ADJ)} {_r.choice(CATCH_DESC)} {_r.choice(CATCH_NOUN)}",  # noqa: E501
    "$randomCatchPhraseAdjective": _c(CATCH_ADJ),
    "$randomCatchPhraseDescriptor": _c(CATCH_DESC),
    "$randomCatchPhraseNoun": _c(CATCH_NOUN),
    "$randomBs": lambda: f"{_r.choice(BS_BUZZ)} {_r.choice(BS_ADJ)} {_r.choice(BS_NOUN)}",
    "$randomBsAdjective": _c(BS_ADJ),
    "$randomBsBuzz": _c(BS_BUZZ),
    "$randomBsNoun": _c(BS_NOUN),
    # databases
    "$randomDatabaseColumn": _c(DB_COL),
    "$randomDatabaseType": _c(DB_TYPE),
    "$randomDatabaseCollation": _c(DB_COLL),
    "$randomDatabaseEngine": _c(DB_ENGINE),
    # dates
    "$randomDatePast": lambda: _date(-365, 0),
    "$randomDateFuture": lambda: _date(0, 365),
    "$randomDateRecent": lambda: _date(-1, 0),
    "$randomMonth": _c(MONTHS),
    "$randomWeekday": _c(WEEKDAYS),
    # finance
    "$randomBankAccount": lambda: _digits(8),
    "$randomBankAccountName": _c(ACCOUNTS),
    "$randomCreditCardMask": lambda: _digits(4),
    "$randomPrice": lambda: f"{_r.uniform(0, 1000):.2f}",
    "$randomTransactionType": _c(TRANSACTIONS),
    "$randomCurrencyCode": lambda: _r.choice(CURRENCIES)[0],
    "$randomCurrencyName": lambda: _r.choice(CURRENCIES)[1],
    "$randomCurrencySymbol": lambda: _r.choice(CURRENCIES)[2],
    "$randomBitcoin": lambda: "1" + "".join(_r.choices(string.ascii_letters + string.digits,
                                                       k=_r.randint(25, 33))),
    "$randomBankAccountIban": _iban,
    "$randomBankAccountBic": lambda: "".join(_r.choices(string.ascii_uppercase, k=6))
    + _r.choice(("", "XXX")) + _digits(2),
    # grammar, lorem
    "$randomAdjective": _c(ADJ),
    "$randomNoun": _c(NOUN),
    "$randomVerb": _c(VERB),
    "$randomIngverb": _c(ING),
    "$randomPhrase": lambda: f"Try to {_r.choice(VERB)} the {_r.choice(ADJ)} {_r.choice(NOUN)}!",
    "$randomWord": _c(LOREM + NOUN + VERB),
    "$randomWords": lambda: _words(NOUN + ADJ, 2, 5),
    "$randomLoremWord": _c(LOREM),
    "$randomLoremWords": lambda: _words(LOREM, 3, 3),
    "$randomLoremSentence": _sentence,
    "$randomLoremSentences": lambda: " ".join(_sentence() for _ in range(_r.randint(2, 6))),
    "$randomLoremSlug": lambda: "-".join(_r.choice(LOREM) for _ in range(3)),
    "$randomLoremParagraph": _paragraph,
    "$randomLoremParagraphs": lambda: "\n \r".join(_paragraph() for _ in range(3)),
    "$randomLoremText": lambda: _sentence() if _r.random() < 0.5 else _paragraph(),
    "$randomLoremLines": lambda: "\n".join(_sentence() for _ in range(_r.randint(1, 5))),
    # internet
    "$randomEmail": lambda: f"{_username()}@{_domain()}",
    "$randomExampleEmail": lambda: f"{_username()}@{_r.choice(EXAMPLE_DOMAINS)}",
    "$randomUserName": _username,
    "$randomUrl": lambda: f"{_r.choice(('http', 'https'))}://{_domain()}",
    "$randomDomainName": _domain,
    "$randomDomainSuffix": _c(TLDS),
    "$randomDomainWord": _domain_word,
    # images
    "$randomAvatarImage": lambda: f"https://cdn.fakercloud.com/avatars/{_username()}_128.jpg",
    "$randomImageUrl": lambda: "http://placeimg.com/640/480",
    "$randomImageDataUri": lambda: "data:image/svg+xml;charset=UTF-8,%3Csvg%20xmlns%3D%22http"
    "%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%20width%3D%22640%22%20height%3D%22480%22%3E%3C%2Fsvg%3E",
    # files, system
    "$randomFileName": lambda: _file_name(_r.choice([e for _, e in UNCOMMON] + ["txt"])),
    "$randomCommonFileName": lambda: _file_name(_r.choice(MIME)[1]),
    "$randomMimeType": lambda: _r.choice([m for m, _, _ in MIME] + [m for m, _ in UNCOMMON]),
    "$randomCommonFileType": lambda: _r.choice(MIME)[2],
    "$randomCommonFileExt": lambda: _r.choice(MIME)[1],
    "$randomFileType": lambda: _r.choice(("application", "text", "image", "chemical", "model")),
    "$randomFileExt": lambda: _r.choice([e for _, e in UNCOMMON] + [e for _, e, _ in MIME]),
    "$randomFilePath": lambda: f"{_r.choice(DIRS)}/{_file_name(_r.choice(MIME)[1])}",
    "$randomDirectoryPath": _c(DIRS),
}
for _topic in IMAGE_TOPICS:
    _GENERATORS[f"$random{_topic.capitalize()}Image"] = _image(_topic)

NAMES = frozenset(_GENERATORS)


def generate(name: str) -> str | None:
    """A fresh value for dynamic variable ``name`` (with its ``$``), or None when unknown."""
    generator = _GENERATORS.get(name)
    return generator() if generator is not None else None
