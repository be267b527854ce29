"""Actors, organisations and places named in a claim, found from capitalisation and short lists.

A statistical tagger would be more thorough but needs a model far larger than this app; news
prose names its actors with capitals and titles, which is what these rules look for.
"""

import itertools
import re
from collections.abc import Iterator

from .lexicon import CAPITALS, GIVEN_NAMES, IRREGULAR_PAST, MONTHS, NUMBER_WORDS, RELATIVES, STOPWORDS, WEEKDAYS, words

PLACES = words(
    """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan
    Bahrain Bangladesh Belarus Belgium Bolivia Bosnia Brazil Bulgaria Cambodia Cameroon
    Canada Chad Chile China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt
    Eritrea Estonia Ethiopia Finland France Georgia Germany Ghana Greece Guatemala Haiti
    Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan Jordan
    Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Libya Lithuania Luxembourg
    Madagascar Malaysia Mali Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar
    Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway Oman Pakistan Palestine Panama
    Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Senegal Serbia
    Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria Taiwan
    Tajikistan Tanzania Thailand Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay
    Uzbekistan Venezuela Vietnam Yemen Zambia Zimbabwe Europe Asia Africa America Americas
    Antarctica Crimea Gaza Kashmir Chechnya Tibet Moscow Washington Damascus
    Beijing London Paris Berlin Brussels Geneva Dublin Tehran Kabul Baghdad Cairo Ankara
    Istanbul Kyiv Kiev Tokyo Delhi Jerusalem Aleppo Homs Beirut Rome Madrid Vienna Warsaw
    Minsk Tbilisi Riyadh Doha Dubai Magnitogorsk England Scotland Wales Britain Andorra Barbados
    Belize Benin Bhutan Botswana Brunei Burundi Comoros Djibouti Dominica Eswatini Fiji Gabon Gambia
    Grenada Guinea Guyana Jamaica Kiribati Lesotho Liberia Liechtenstein Malawi Maldives Malta
    Mauritania Mauritius Micronesia Monaco Nauru Palau Samoa Seychelles Suriname Togo Tonga Tuvalu
    Vanuatu Crete Sicily Sardinia Corsica Tasmania Greenland Bermuda Tunis Algiers Rabat Tripoli
    Khartoum Nairobi Lagos Abuja Kampala Kinshasa Harare Pretoria Johannesburg Amman Sanaa Aden Mosul
    Basra Idlib Raqqa Islamabad Karachi Lahore Kathmandu Dhaka Mumbai Kolkata Chennai Bangkok Hanoi
    Manila Jakarta Seoul Pyongyang Shanghai Wuhan Shenzhen Guangzhou Taipei Canberra Sydney Melbourne
    Brisbane Perth Auckland Wellington Ottawa Toronto Montreal Vancouver Havana Caracas Bogota Lima
    Brasilia Athens Lisbon Stockholm Oslo Helsinki Copenhagen Prague Budapest Bucharest Sofia Belgrade
    Zagreb Amsterdam Baku Yerevan Chisinau Vilnius Riga Tallinn Edinburgh Manchester Birmingham
    Liverpool Glasgow Belfast Cardiff Chicago Houston Philadelphia Boston Seattle Atlanta Miami Detroit
    Manhattan Brooklyn Queensland Ontario Quebec Alberta Siberia Dagestan Omsk Tomsk Novosibirsk
    Yekaterinburg Smolensk Tyumen Chelyabinsk Sevastopol Donetsk Luhansk Kharkiv Odessa Lviv Azores
    Samos Lesbos Balochistan Punjab Kerala Xinjiang Hokkaido Okinawa Tasmania NSW Manitoba Saskatchewan
    Yukon Nunavut Antarctic Earth Mars"""
) | frozenset(
    ["Côte d'Ivoire", "Côte d\u2019Ivoire", "Cote d'Ivoire", "Ivory Coast",
     "Bosnia and Herzegovina", "Trinidad and Tobago", "Antigua and Barbuda", "Saint Kitts and Nevis",
     "St Kitts and Nevis", "Saint Vincent and the Grenadines", "Sao Tome and Principe", "São Tomé and Príncipe",
     "Turks and Caicos Islands", "Heard Island and McDonald Islands",
     "United States", "United Kingdom", "U.S.", "US", "U.K.", "UK", "USA", "New York", "South Korea",
     "New South Wales", "South Australia", "Western Australia", "Northern Territory", "British Columbia",
     "Nova Scotia", "New Brunswick", "Prince Edward Island", "Northwest Territories",
     "North Korea", "Saudi Arabia", "South Africa", "New Zealand", "Sri Lanka", "Middle East",
     "Hong Kong", "West Bank", "Tamil Nadu", "South America", "North America", "Latin America",
     "Central America", "Southeast Asia", "East Asia", "South Asia", "Central Asia", "West Africa", "East Africa",
     "North Africa", "Sub-Saharan Africa", "Western Europe", "Eastern Europe", "Central Europe", "Rapa Nui", "DRC",
     "D.C.", "DC", "Washington D.C.", "Washington DC", "B.C.", "District of Columbia", "Hague", "The Hague",
     "Costa Rica", "El Salvador", "Sierra Leone", "Burkina Faso", "Cape Verde", "South Sudan", "North Macedonia",
     "Papua New Guinea", "Vatican City", "Equatorial Guinea", "East Timor", "Western Sahara", "Gaza Strip",
     "South Ossetia", "Eastern Mediterranean", "Marshall Islands", "Faroe Islands", "Cayman Islands",
     "New Delhi", "Abu Dhabi", "Kuala Lumpur", "Buenos Aires", "Rio de Janeiro", "Sao Paulo", "São Paulo",
     "Tel Aviv", "Cape Town", "Addis Ababa", "Mexico City", "New Orleans", "St. Petersburg", "Kuwait City",
     "Guatemala City", "Panama City", "Ho Chi Minh City", "Phnom Penh", "Dar es Salaam", "San Juan",
     "Santo Domingo", "San Salvador", "San Diego", "Salt Lake City", "Kansas City", "Oklahoma City",
     "Quebec City", "East Jerusalem", "West Jerusalem",
     "European Union", "Soviet Union", "Czech Republic", "Great Britain",
     "Northern Ireland", "United Arab Emirates", "New York City", "United States of America",
     "Democratic Republic of Congo", "Democratic Republic of the Congo", "Bahamas", "Caribbean",
     "Puerto Rico", "American Samoa", "Indian Country", "Mediterranean", "Atlantic", "Pacific", "Arctic", "Baltic",
     "Balkans",
     # US states, which news copy names as often as countries
     "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
     "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana",
     "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana",
     "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "North Carolina", "North Dakota",
     "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota",
     "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming"]
)  # fmt: skip

_SINGLE_WORD_PLACES = tuple(place for place in PLACES if " " not in place)
# Words that end a place's name ("English Channel", "Red Sea") and of a named day, prize,
# war or treaty ("Bastille Day"): two capitalised words ending so are not a person.
PLACE_HEADS = words(
    """Channel Sea Ocean River Gulf Strait Island Islands Mountains Mountain Valley Desert
    Peninsula Bay Lake Coast Province Region County Street Square Airport Station Bridge Park
    Republic Kingdom Emirate Emirates Beach Junction Corner Oblast Krai Prefecture Governorate Territory
    Lawn Estuary Reservoir Canal Harbour Harbor Cathedral Mosque Temple Palace Tower Stadium Arena Yard
    Road Avenue Boulevard Reservation Range Complex Headquarters City District Heights Strip Plateau
    Fault Trench Volcano Ridge Glacier Falls Dam Canyon Hills Forest Lagoon Mall Terminal Prison Township Parish
    Pole Monument Memorial Cemetery Port Hall Lodge Zoo Base Mine"""
)
# Place heads that are also surnames: "at Bontddu Hall" is a house, "by Stuart Hall" a person.
_SURNAME_PLACE_HEADS = words("Hall Lodge")
_BEFORE_A_BUILDING = re.compile(r"\b(?:the|at|in|near|into|outside|inside)\s+$")
# Words that open a place's name: "Fort Lee", "San Francisco"; churches and mosques: "Hagia Sophia", "Masjid Al-Aqsa".
PLACE_OPENERS = words("Fort Mount Port Lake Saint San Santa Los Las Punta Hagia Haghia Masjid")
OTHER_NAME_HEADS = words(
    """Day Prize Award Awards Cup Games Olympics War Agreement Treaty Act Accord Declaration
    Convention Festival Summit Conference Deal Championship Championships Tournament Medal Olympiad
    Marathon Week Crisis Campaign Show Telescope Mission Programme Program Bill Ball Gala Parade
    Pandemic Epidemic Outbreak Disease Syndrome Sclerosis Fever Virus Flu Cancer Disorder Fair Faire Expo
    Linux Windows Android Dragon Constitution Charter Election Elections Referendum Caucus Caucuses Amendment
    Clause Directive Eve Universe Benefit System"""
) | {day.capitalize() for day in WEEKDAYS}  # "Super Tuesday", "Black Friday"
_SURNAME_HEADS = words("Day Ball")
_NAMES_OF_HOLIDAYS = words("Victoria Columbus Lincoln Jefferson Jackson")  # "Victoria Day", "Lincoln Day dinner"
# Words that open a named operation, article or plan: "Operation Peace Spring".
OTHER_NAME_OPENERS = words("Operation Plan Project Protocol Hurricane Typhoon Cyclone Storm Tropical")
_FAITHS = words("Christianity Islam Judaism Hinduism Buddhism Sikhism Catholicism Protestantism Orthodoxy")
# Owners that are part of an organisation's name, not a separate entity: "People's Protection Units".
_PLURAL_OWNER = re.compile(r"(?P<owner>[^'\u2019]+s)['\u2019]\s+(?=[A-Z])")
_NAME_INTERNAL_OWNERS = words("People Peoples Workers Women Children Men Veterans Farmers Nations Citizens")

NATIONALITIES = words(
    """American British Briton Russian Chinese Syrian French German Iranian Iraqi Israeli Palestinian
    Turkish Ukrainian Egyptian Saudi Indian Pakistani Afghan Japanese Korean Italian Spanish
    Polish Lebanese Jordanian Libyan Kurdish Arab European African Asian Western Soviet
    Sunni Shia Shiite Alawite Christian Muslim Jewish Irish Canadian Australian Mexican
    Brazilian Venezuelan Cuban Belarusian Georgian Armenian Qatari Emirati Republican Democrat
    Democratic Greek Dutch Swedish Norwegian Danish Finnish Swiss Belgian Austrian Hungarian Czech
    Romanian Bulgarian Serbian Croatian Portuguese Thai Vietnamese Filipino Indonesian Malaysian
    Nigerian Kenyan Ethiopian Somali Sudanese Yemeni Omani Bahraini Kuwaiti Algerian Moroccan
    Tunisian Chilean Argentine Argentinian Colombian Peruvian Bolivian Scottish Welsh English Samoan Philippine
    Cypriot Taiwanese Houthi Kurd Latino Latina Hispanic Catholic Protestant Orthodox Evangelical Hindu
    Sikh Buddhist Coptic Maori Aboriginal Nepali Bangladeshi Uzbek Kazakh Azerbaijani Estonian Latvian
    Lithuanian Slovak Slovenian Icelandic Maltese Mongolian Tibetan Uyghur Rohingya Yazidi Druze Pashtun
    Tamil Fijian Haitian Jamaican Ecuadorian Guatemalan Honduran Salvadoran Nicaraguan Panamanian
    Uruguayan Paraguayan Ghanaian Senegalese Malian Cameroonian Congolese Rwandan Burundian Ugandan Tanzanian
    Zimbabwean Zambian Mozambican Angolan Namibian Eritrean Burmese Cambodian Singaporean Kyrgyz Tajik
    Moldovan Albanian Bosnian Macedonian Kosovar Libertarian Shoshone Arapaho Sioux Cherokee Navajo Apache
    Lakota Cree Ojibwe Mohawk Swede Brit Turk Serb Croat Hellenic"""
) | _FAITHS | frozenset(
    ["South Korean", "North Korean", "South African", "Sri Lankan", "New Zealander", "Saudi Arabian",
     "Native American", "African American", "Latin American", "Hong Konger", "Hong Kongers", "Hongkonger",
     "Hongkongers", "Roman Catholic", "Puerto Rican", "Puerto Ricans", "Middle Eastern"]
)  # fmt: skip

ORGANISATIONS = words(
    """UN U.N. NATO EU OPEC IMF WHO UNESCO UNICEF OSCE ICC FBI CIA KGB FSB BBC CNN Reuters AP
    AFP Interfax Kremlin Pentagon Congress Parliament Duma Senate Hezbollah Hamas Taliban
    ISIS Kommersant Gazprom Rosneft OHCHR UNHCR ASEAN Twitter Facebook Google YouTube Instagram WhatsApp
    TikTok Reddit Microsoft Huawei Telegram GitHub Wikinews Wikipedia Boeing Airbus Tesco Walmart
    Interpol Europol Xinhua TASS Kyodo Yonhap ESPN NPR PBS Cabinet"""
) | frozenset(
    ["United Nations", "Red Cross", "Red Crescent", "White House", "Amnesty International",
     "Human Rights Watch", "Islamic State", "Muslim Brotherhood", "Free Syrian Army", "Al Qaeda",
     "Al-Qaeda", "Doctors Without Borders", "Medecins Sans Frontieres", "Agence France-Presse",
     "Associated Press", "Deutsche Welle", "Al Jazeera", "RIA Novosti", "Sky News", "Fox News",
     "Black Lives Matter", "Newsweek", "Guardian", "Holy See", "Politico", "Axios", "BuzzFeed", "HuffPost",
     "Liberal Democrats", "Cambridge Analytica", "Islamic State of Iraq and the Levant", "Pacific Gas and Electric",
     "Islamic State of Iraq and Syria", "Port Authority of New York and New Jersey",
     "High Court of England and Wales", "Court of Appeal of England and Wales", "Creative Commons", "USA Today",
     "Voice of America"]
)  # fmt: skip

# Names kept whole even when they start with a place or nationality ("Saudi Arabia").
_WHOLE_NAMES = ORGANISATIONS | PLACES
_WHOLE_NAMES_WITH_AND = frozenset(name for name in _WHOLE_NAMES if " and " in name)

# Words that end an organisation's name ("Security Council", "Foreign Ministry").
ORGANISATION_HEADS = words(
    """Council Ministry Committee Commission Party Service Services Bank Agency Assembly Court
    Union Office Department Army Forces Force Police Guard Organization Organisation
    Institute University College Association Federation Fund Group Company Corporation Corp
    Inc Ltd Times Post News Press Network Front Movement Coalition League Alliance Board
    Authority Parliament Government Administration Brigade Brigades Council Church
    Foundation TV Radio Agency Museum Laboratory Society Units Unit Division Railway Railways
    Airlines Airways Express Hospital School Academy Fellowship Center Centre Corps Marines Studios
    Reserve Caucus Groups Circuit Institution Presidency Survey Directorate Secretariat Observatory
    Bureau Inspectorate House Magazine Journal Gazette Herald Tribune Chronicle Embassy Consulate Navy
    Telegraph Insider Mirror Observer Media Clinic Entertainment Partnership Partners Pharmaceuticals
    Therapeutics Biotherapeutics Technologies Holdings Publishing Productions Motors Industries Enterprises
    Tribe Tribes Incorporated Club Clubs Energy Petroleum Resources Mining Logistics Insurance Investments Capital
    Systems Airline Command Branch Exchange Centers Centres Rescue Limited Patrol Nation Platform Sabha
    Fame Trust Forum Mahasabha Hospice"""
)

# Titles that precede a name; the name after them is a person.
TITLES = words(
    """President Prime Minister Foreign Secretary Deputy Governor Senator Sen Rep
    Representative Mayor Chancellor King Queen Prince Princess Pope General Gen Colonel Col
    Admiral Ambassador Envoy Spokesman Spokeswoman Chief Director Chairman Chairwoman Judge
    Justice Commissioner Mr Mrs Ms Dr Sir Lord Lady Sheikh Emir Ayatollah Sayyid Vice Speaker
    Leader Defence Defense Interior Finance Emergencies Health State of Secretary-General Majesty Highness
    Professor Prof Actor Actress Singer Rapper Author Novelist Journalist Reporter Coach Scientist Economist
    Analyst Lawyer Attorney Detective Inspector Sergeant Lieutenant Bishop Archbishop Cardinal Rabbi Imam
    Immunologist Epidemiologist Virologist Physicist Historian Astronaut Congressman Congresswoman
    Businessman Businesswoman Advisor Adviser First Emeritus Vice-President Vice-Chairman CEO Founder
    Engineer Architect Designer Physician Nurse Broadcaster Comedian Filmmaker Photographer Podcaster MP Premier
    Representatives Senators Reps Taoiseach Sheriff Constable Executive Presidents Co-author Astronomer
    Researcher Biologist Chemist Geologist Paleontologist Ecologist Spokesperson Monsignor Monsenor Father Reverend
    Rev Pastor Superintendent Senior Advisors Advisers Whip Honorable Countryman Compatriot Teammate Councillor
    Councilor Councilman Councilwoman Captain Capt Commander Brigadier Corporal Administrator"""
)
_RANKS = words("Captain Capt Commander Brigadier Corporal")
_PLATFORMS = words("Twitter Facebook Instagram YouTube TikTok Telegram WhatsApp Weibo LinkedIn Reddit")
# "MV Alan Kurdi", "HMS Victory": a ship's prefix, not an organisation's acronym
_SHIP_PREFIXES = words("MV MS SS HMS USS RV HMAS HMCS INS")
# "LA Mayor Eric Garcetti": a city's abbreviation before a post is the city's, not an organisation's
_CITY_ABBREVIATIONS = words("LA NYC NY DC SF HK KL")
# Words that end the name of a post rather than of a person: "Divisional Railway Manager".
ROLE_HEADS = words("Manager Officer Editor Correspondent Assistant")
# Words of programmes, bodies and fields that no person's name holds: "Public Health Infobase",
# "Emergency Response Benefit", "Civil Aviation", "Space Shuttle".
_INSTITUTIONAL_WORDS = words(
    """Public Health National Federal Emergency Response Benefit Research Development Security Safety Education
    Environment Environmental Transport Transportation Affairs Management Protection Relief Recovery Program
    Programme Insurance Welfare Human Rights Civil Social International Global Energy Climate Water Food
    Agriculture Trade Finance Economic Science Technology Information Data Digital Cyber Space Medical Family
    Labour Labor Studies Conservation Wildlife Museum Festival Project Network Unit Air Sea Rescue Police Disease
    Control Prevention Interventions Organizations Organisations Revenue"""
)
# Abbreviations of things, not of organisations: "CT scans", "DNA".
COMMON_ACRONYMS = words(
    "DNA RNA CT MRI GDP HIV AIDS SARS MERS COVID CEO CFO TV GPS AI UV PCR ICU IQ ID LGBT LGBTQ SUV LED USB DVD CD VIP"
    " URL UFO FM"
)
# "Members of the House Judiciary Committee": the people are not part of the organisation's name.
_MEMBERS_OF = words(
    "Members Member Residents Supporters Associates Officials Staff Citizens Part Parts Half Rest Guests Guest One"
    " Some Many Most Several Each Both All None"
)
# After a relative a first name alone is a person: "his daughter Gianna", "her husband Siarhei".
_LOWER_TITLES = ("envoy", "president", "minister", "spokesman", "spokeswoman", "leader", "secretary", *RELATIVES)

# "his widow, Denise", but not "Treason, Bribery"
_LOWER_TITLE_BEFORE = re.compile(rf"\b(?:{'|'.join(_LOWER_TITLES)})[\s,]*$", re.IGNORECASE)

_NOT_NAMES = frozenset(
    {"The", "A", "An", "It", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "In",
     "On", "At", "But", "And", "Or", "According", "If", "When", "While", "After", "Before", "As",
     "Its", "His", "Her", "Their", "Our", "There", "Here", "Some", "Many", "Most", "All", "Also",
     "Original", "Yesterday", "Today", "Tomorrow", "Upon", "However", "Meanwhile", "A.M.", "P.M.",
     "Including", "Like", "Unlike", "Despite", "During", "Since", "Following", "Although", "Though",
     "Because", "Category", "Route", "Article", "Section", "Chapter", "Page", "Flight", "Resolution",
     "Former", "Late", "Acting", "Current", "Let", "Each", "Every", "Both", "Either", "Neither", "Such",
     "Other", "Another", "Any", "No", "Yes", "Yeah", "Maybe", "Perhaps", "Last", "Next", "Earlier", "Later",
     "Even", "Saying", "For", "Several", "Born", "Fellow", "Regarding",
     # a clock time's: "at 5:03 AM"
     "AM", "PM",
     # a question quoted: "'Is Rock Hudson really gay?'"
     "Is", "Was", "Are", "Were", "Did", "Does", "Do", "Has", "Have", "Had", "Could", "Would", "Should", "Why",
     "How", "What", "Where", "Whether",
     "Q&A", "UTC", "GMT", "BST", "CET", "CEST", "EST", "EDT", "ET", "PT", "CST", "CDT", "PST", "PDT", "MSK",
     "IST", "JST", "KST", "AEST", "AEDT", "SAST", "EAT", "WAT", "HKT", "SGT", "Celsius", "Fahrenheit",
     "I'm", "I've", "I'd", "I'll", "I\u2019m", "I\u2019ve", "I\u2019d", "I\u2019ll"}
    | {m.capitalize() for m in MONTHS}
    | {d.capitalize() for d in WEEKDAYS}
)  # fmt: skip

# Capitalised words of quantity that open a phrase, not a name ("Multiple Iranian officials").
_QUANTIFIERS = words("Multiple Various Numerous")
# An initial ("John F. Kennedy") is followed by a name, not by the next sentence ("plan B. Then").
_SENTENCE_OPENERS = _NOT_NAMES | {word.capitalize() for word in STOPWORDS}
# "Wayne A. I. Frederick": an opener with a full stop of its own is an initial too.
_INITIAL = rf"[A-Z]\.(?=\s+[A-Z])(?!\s+(?:{'|'.join(re.escape(w) for w in _SENTENCE_OPENERS)})\b(?!\.))"
_NAME_PART = (
    rf"(?:[A-Z]\.(?:[A-Z]\.)+|{_INITIAL}|(?:Mr|Mrs|Ms|Dr|St|Gen|Col|Sen|Rep|Jr)\."
    r"|[A-Z]+&[A-Z]+\b"  # "PG&E", "AT&T"
    rf"|[{CAPITALS}][^\W\d_]*(?:['\u2019-][^\W\d_]+|\u2013[A-Z][^\W\d_]+)*"  # "Harvard\u2013Smithsonian"
    r"(?:(?<=s)['\u2019](?=\s+[A-Z]))?"  # a plural possessive inside a name: "Kurdistan Workers' Party"
    r"|[ae]l-[A-Z][a-z]+|d['\u2019][A-Z][a-z]+)"  # "Valéry Giscard d'Estaing", "Tuna el-Gebel"
)
# "International Committee on Taxonomy of Viruses", "Convention on Biological Diversity": "on" joins
# a body to its subject.
_ON_AFTER_A_BODY = "|".join(
    rf"(?<={head})" for head in ("Committee", "Commission", "Council", "Conference", "Convention", "Panel")
)
_DAY_OR_MONTH = "|".join(d.capitalize() for d in (*WEEKDAYS, *MONTHS))
# "The Lost 52 Project", "Channel 4 News": a number inside a body's name, before its head word, but not
# a date's ("March 15 Police said").
_NUMBER_BEFORE_A_HEAD = (
    "".join(rf"(?<!\b{month})" for month in (*(m.capitalize() for m in MONTHS), *(m[:3].capitalize() for m in MONTHS)))
    + rf"\s+\d{{1,3}}\s+(?=(?:{'|'.join(sorted(ORGANISATION_HEADS | {'Project'}))})\b)"
)
_SEQUENCE = re.compile(
    rf"{_NAME_PART}(?:(?:\s+(?:of|of the|de|del|dela|della|da|dos|al|bin|van|von|der|for|for the)?\s*"
    rf"|{_NUMBER_BEFORE_A_HEAD}"
    rf"|(?:{_ON_AFTER_A_BODY})\s+on\s+(?:the\s+)?(?!(?:{_DAY_OR_MONTH})\b)){_NAME_PART})*"
)
_COMPASS = words("Sur Norte Este Oeste")
_COMPASS_ADJECTIVES = words("Eastern Western Northern Southern Central")
_COMPASS_POINTS = words("North South East West") | _COMPASS_ADJECTIVES
# Offices of a county that are no titles before a name: "the County Clerk said".
_COUNTY_OFFICES = words("Clerk Assessor Treasurer Coroner Auditor Recorder Registrar Administrator Engineer")
_ROMAN_NUMERAL = re.compile(r"[IVX]{2,4}")
_NAME_NUMBER = re.compile(r"[IVX]{1,4}|One|Two|Three|Four|Five")  # "World War II", "World War Two"
# What follows a person's name without being part of it: "Kennedy Jr.", "Elizabeth II".
NAME_SUFFIX = re.compile(r"Jr\.?|Sr\.?|I{2,3}|IV|VI{0,3}|QC|KC")
_INITIAL_OR_SUFFIX = re.compile(rf"[A-Z]\.?|{NAME_SUFFIX.pattern}")
# "C.L. Gammon", "J.R.R. Tolkien": initials written together open a name, unlike "U.S.S. Grayback" or "Cipriani S.A."
_JOINED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
# Name particles written in lower case: "Bashar al-Assad", "Ludwig van Beethoven".
_PARTICLES = ("al-", "el-", "bin", "ibn", "van", "von", "de", "der", "da", "di", "la", "le", "d'", "d\u2019")
# Particles some families write capitalised: "Rebecca Nyandeng De Mabior", "Zine El Abidine Ben Ali".
_CAPITALISED_PARTICLES = frozenset(
    {
        "De",
        "Da",
        "Di",
        "Del",
        "Della",
        "Dos",
        "Das",
        "Du",
        "La",
        "Le",
        "Van",
        "Von",
        "Der",
        "El",
        "Ben",
        "Bin",
        "Ibn",
        "Abu",
        "Ould",
    }
)
# "announced de Graaf as his running mate": a surname whose particle is written in lower case, with no given name
_LOWER_PARTICLES = words("de van von da di du del della dos bin ibn")
_PARTICLE_BEFORE = re.compile(rf"(?<![\w'\u2019-])(?:{'|'.join(sorted(_LOWER_PARTICLES))})\s+$")
# Prepositions and verbs after which an unknown name of one or two words is a place: "entered Tell Tamer".
_BEFORE_A_PLACE = re.compile(
    # "captured Ghazni", but not "a captured Humvee": a participle before a noun
    r"\b(?:in|at|near|into|outside|(?<!\ba )(?<!\bthe )(?:entered|captured|seized)"
    r"|(?:in|at|to|from)\s+nearby"  # "airlifted to nearby Zamboanga"
    r"|towns? of|city of|islands? of|village of|district of|electorate of|county of|province of|region of"
    r"|mayors? of"  # "the mayor of Esperanza": a mayor's is a town
    r"|(?<!sources )(?<!source )(?<!people )close to"  # "close to Alachua", but "sources close to Grimes"
    r"|(?:returned|travell?ed|moved|fled|flew|sailed|deported|extradited|evacuated)\s+to)\s*$"
)
_SECOND_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|into|entered|captured|seized)\s+[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?"
    r"(?:,\s+[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+)?){0,4},?\s+and\s+$"  # "at Abydos, Saqqara, and Tuna el-Gebel"
)
# "South Bend, Indiana, ...": the place is where the sentence goes on, not the start of a description
# ("Christopher Columbus, US presidents ...").
_PLACE_WORD_AFTER = re.compile(
    r"\s+(?:province|district|region|county|prefecture|governorate|municipality|village|oblast|oilfield"
    r"|(?:oil|gas)\s+field|airport|airfield|diocese|archdiocese|power\s+(?:plant|station)|refinery"
    r"|rain\s?forest|basin)\b"
)
_PLACE_AFTER = re.compile(
    r",\s+(?P<place>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|and|was|is|where|when)\b)"
)
# A town and its state or country used as an adjective: "a Charleston, South Carolina radio station".
_AGE_BEFORE_NAME = re.compile(r"(?:[A-Z][a-z]+(?:-[a-z]+)?|\d{1,3})-year-old\s+(?=[A-Z])")
# "their two sons Wyatt and Zachary", "Qaboos's cousin, Haitham,", "a boy identified only as Ivan": words before
# a lone name that say it is a person's
_PERSON_BEFORE_NAME = re.compile(
    rf"\b(?:(?:{'|'.join(RELATIVES)}|cousin|nephew|niece|grandson|granddaughter|grandmother|grandfather)s?,?"
    r"|(?:grand)?children,?"
    r"|(?:boy|girl|man|woman|child|baby|victim|suspect|driver|pilot)(?:\s+named|,?\s+identified\s+(?:only\s+)?as)"
    r"|identified\s+only\s+as"
    # "classical composer Mozart", "professional singer Jillea": someone's calling before the one name they go by
    r"|composer|singer|songwriter|rapper|actor|actress|painter|sculptor|poet|novelist|playwright)"
    rf"\s+(?:[{CAPITALS}][\w'\u2019-]*,?\s+(?:and\s+)?){{0,3}}$"
)
_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$")
_PLACE_BEFORE_A_NOUN = re.compile(
    r",\s+(?P<place>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\s+(?P<noun>[a-z]+)(?:\s+(?P<next>[a-z]+))?"
)
# Street words that are also surnames ("Nathan Lane", "Glenn Close"): a place only after a preposition.
_STREET_WORDS = words("Lane Close Drive Way Crescent Terrace Grove Row Walk Gardens Hill Green Parade Mews")
_STREET_PREPOSITION_BEFORE = re.compile(r"\b(?:on|along|off|in|at|near|into|onto|down|up)\s+$")
# "published on Wednesday in Science Advances": a journal, not a place.
# A capital inside a word spells a product or a brand ("CentOS", "iPhone", "PlayStation"); names
# have them only after Mc, Mac, De, Di, Du, La, Le, Van or O' ("McGaugh", "DeSantis", "O'Brien").
_CAPITAL_INSIDE = re.compile(r"^(?!Mc|Mac|De|Di|La|Le|Du|Van|O['\u2019])[A-Z][a-z]*[a-z][A-Z]|^[A-Z][A-Z]+[a-z]")
_PUBLISHER_AFTER = re.compile(r"(?:['\u2019]s)?\s+(?:magazine|newspaper|tabloid)\b")
_REGION_AFTER = re.compile(r",\s+(?P<place>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)\b(?!\s+[A-Z])")
_PARTY_AFTER = re.compile(r"\s+party\b")
# "the owner of the Make Crate subscription service": a business named before the word for what it is
_BUSINESS_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:service|company|firm|startup|retailer|chain)\b")
# "Day was born Doris Mary Ann Kappelhoff": the name someone was born with
_BORN_BEFORE = re.compile(r"\bborn\s+$")
# "FIPS certifications and STIG standards": initials before what they are a standard for name no body
_STANDARD_AFTER = re.compile(r"\s+(?:standards?|certifications?|certified|compliance|compliant|specifications?)\b")
# "a Creative Commons Attribution (CC BY) license": a licence's name, with its initials
_LICENCE_AFTER = re.compile(r"(?:\s+\([A-Z][A-Z0-9 .-]*\))?\s+licen[cs]es?\b")
_BAND_MEMBER_AFTER = re.compile(r"\s+(?:drummer|guitarist|bassist|keyboardist|frontman|vocalist)\s+[A-Z]")
_LOWER_CASE_AFTER_HYPHEN = re.compile(r"-[a-z]")
_PUBLICATION_BEFORE = re.compile(r"\b(?:journal|magazine|weekly)\s+$")
# "Greek daily Kathimerini", "the newspaper Le Monde": a newspaper is the body that reports, not a work; but
# "a daily Aspirin" is a dose
_NEWSPAPER_BEFORE = re.compile(r"\b(?:newspaper|tabloid|(?<!\ba )daily)\s+$")
# "The Baltimore Sun reported", "told Kamloops This Week": what reports or is told something is an outlet or a body
_REPORTS_AFTER = re.compile(r"\s+(?:reported|reports|wrote|writes|announced|announces|confirmed|stated)\b")
_TOLD_BEFORE = re.compile(r"\b(?:told|(?:[Ss]peaking|spoke|[Tt]alking|talked)\s+to)\s+$")
# "told NPR Hamza bin Laden had appeared": an outlet's initials, then the person the sentence is about
_INITIALS_THEN_A_NAME = re.compile(r"(?P<outlet>[A-Z]{2,6})\s+(?P<rest>[A-Z].*)")
# "University of California, San Diego": a university and its campus are one name
_UNIVERSITY = re.compile(r"(?:The\s+)?University of [A-Z][\w.]*(?:\s+[A-Z][\w.]*)?")
_CAMPUS_AFTER = re.compile(r",\s+(?P<campus>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b(?!\s+[A-Z])")
# "Interstate 75", "U.S. Route 2": a road is named by its number
_ROADS = words("Interstate Route Highway Motorway Autobahn")
_ROAD_NUMBER = re.compile(r"\s+\d{1,4}[A-Z]?\b")
# "Committee to Protect Journalists", "Global Coalition to Defeat ISIS": a body named after what it is for
_BODIES_FOR_A_PURPOSE = words("Committee Coalition Campaign Alliance Movement Fund Foundation Society")
_PURPOSE_VERBS = words("Protect Defeat Stop End Save Promote Prevent Free Ban Fight Abolish Eliminate Preserve Restore")
_NAMED_FOR_A_PURPOSE = re.compile(rf"\b(?:{'|'.join(_BODIES_FOR_A_PURPOSE)}) to (?:{'|'.join(_PURPOSE_VERBS)})\b")
# "Met Éireann, the national meteorological service for Ireland": an apposition whose head is a kind of body
_BODY_APPOSITION_AFTER = re.compile(
    r",\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,4}?(?:service|agency|company|broadcaster|newspaper|organi[sz]ation"
    r"|charity|ministry|authority|institute|firm|network|publication|outlet|website|airline|manufacturer|startup"
    r"|retailer|bank)(?=\s+(?:for|of|in|that|which|based)\b|\s*[,.;)])"
)
# "the Channel", "the Gulf", "the Capitol": a sea or a building the article names by its kind alone
_NAMED_BY_ITS_KIND = words("Channel Gulf Strait Capitol")
_THE_BEFORE = re.compile(r"\bthe\s+$")
# "the ruling Democratic Rally": what rules is a party or a government, never a nationality and a thing
_RULING_BEFORE = re.compile(r"\bruling\s+$")
# A band, a studio or a wrestling promotion named right after the word for what it is
_BODY_NOUN_BEFORE = re.compile(r"\b(?:band|supergroup|studio|label|promotion)\s+$")
_PUBLISHED_BEFORE = re.compile(r"\b(?:published|appeared|journal|wrote|writing)\b[^.]*$")
# A few words in title case in quotation marks: a title, not speech ("Jacques Chirac is part of the
# history of France") nor a person's nickname ('identified only as "P Wilson"').
_TITLE_WORD = r"(?:[A-Z0-9][\w'\u2019-]*|a|an|the|of|for|and|or|in|on|at|to|with|by)"
# '"Build Back Better"', 'incentives to "Buy American."': a quotation's full stop may sit inside it
_QUOTED_TITLE = re.compile(rf"(?<!\bas\s)[\"“](?=[A-Z]){_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,7}}[.!?]?[\"”]")
_SINGLE_QUOTE_OPENING = (" '", " \u2018", "'", "\u2018")
_QUOTED_WORD = re.compile(r"[^\s'\u2018\u2019]+['\u2019]")
_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ional|tial)")
_SUFFIX_ADJECTIVE = re.compile(
    r"^(?P<name>.+?)-(?:backed|led|based|born|made|built|owned|run|winning|nominated|majority|speaking|era|style|licensed|funded|sponsored|affiliated|linked|aligned|like|shot|filmed|headquartered)$"
)


# Someone of a body, then the body's name in quotation marks
_QUOTED_BODY = re.compile(
    r"(?:\b(?:spokes(?:man|woman|person)|member|members|director|head|chief|founder|co-founder|president|chair"
    r"|chairman|chairwoman|official|officials|representative|volunteer|volunteers|coordinator|leader|activist)"
    # 'Anna Franowska of "Have no fear"': or a person by name
    r"|[A-Z][a-z]+\s+[A-Z][a-z'\u2019-]+)"
    r"\s+(?:of|for|from|at|with)\s+[\"\u201c](?P<name>[A-Z][^\"\u201d,?!]{1,40}?)[\"\u201d]"
    r"(?!\s+(?:fame|song|album|film|movie|show|series|book|track|episode))"
)
# "the Boeing 737-800 jet", "The new Boeing 737 Max", "the 737 Max": a maker's name and a model number name a product,
# not the maker; a count after the number is no model ("Facebook 500 million users")
_MODEL = re.compile(
    r"\b(?:[A-Z]{1,2}-?\d{2,4}|\d{3})(?:-\d{1,4})?(?=s?\b)(?!s?\s+(?:million|billion|thousand|percent|per|of)\b)"
)
_MAKER_BEFORE = re.compile(r"\b(?P<maker>[A-Z][a-z]+)\s+$")
# "a Boeing B-17 Flying Fortress, is registered": the name a model is known by, before a mark
_NICKNAME_AFTER_MODEL = re.compile(r"\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?=[,.;:)])")
_VARIANT_AFTER = re.compile(r"s?\s+(?:Max|MAX|Dreamliner)\b")
# a capitalised plural ("Kings", "Guards"), not a word ending in -ss or -us
_PLURAL = re.compile(r"[A-Z][a-z]+[^su\W]s")
# what follows a team's name where it is the sentence's subject or one of a pair: not "the Chuck Jones quote"
_PLURAL_SUBJECT_ENDS = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:and|were|are|have|had|won|lost|beat|defeated|played)\b")
# people named by what they campaign against ("Veterans Against the War"), not "Crimes Against Humanity"
_CAMPAIGN = re.compile(r"^(?:[A-Z]\w+ )*[A-Z][a-z]+(?:ers|ans|ents|ists|ors|ens|ies) Against (?:the )?[A-Z]")
_WORK_AFTER_NAME = re.compile(
    r"\s+(?:film|films|movie|movies|series|franchise|trilogy|sequel|album|novel|documentary|musical|show)\b"
)


def find_entities(text: str, *, known_people: frozenset[str] = frozenset()) -> list[dict[str, str]]:
    """Each entity as {"text", "type"} with type PERSON, ORG, PLACE or NORP (nationality/group).

    `known_people` holds surnames seen earlier in the article as part of a full name, so that
    "Brahimi" alone is still a person.
    """
    entities: list[dict[str, str]] = []
    seen: set[str] = set()
    headlines = _headline_spans(text)
    titles = [quoted.span() for quoted in _QUOTED_TITLE.finditer(text)]
    # 'A spokesman of "Save the Children"', 'Anna Franowska of "Have no fear"': a body named in quotation marks
    bodies = [quoted.span("name") for quoted in _QUOTED_BODY.finditer(text)] if '"' in text or "\u201c" in text else []
    products = _products(text)
    if products:
        bodies = sorted([*bodies, *products])
    waiting = list(bodies)
    consumed = 0
    joined_by_colons = _names_joined_by_colons(_names_joined_by_and(_SEQUENCE.finditer(text), text), text, known_people)
    for name_start, name_end, colon in joined_by_colons:
        while waiting and waiting[0][0] <= name_start:
            start, end = waiting.pop(0)
            if text[start:end].casefold() not in seen:
                seen.add(text[start:end].casefold())
                entities.append({"text": text[start:end], "type": "MISC" if (start, end) in products else "ORG"})
        if (
            name_start < consumed
            or any(start <= name_start < end for start, end in bodies)
            # "A Boeing 707 cargo plane": a sentence's first word and the maker of a product
            or (products and any(name_start < end and start < name_end for start, end in products))
        ):
            continue
        if colon:
            # "Star Trek: The Next Generation", "Center for Microbial Oceanography: Research and Education": a title
            # or a body's name with its subtitle, a body's where its first part is one
            first = _classified(text[name_start:colon], text, name_start, known_people)
            name = text[name_start:name_end]
            if name.casefold() not in seen:
                seen.add(name.casefold())
                entities.append({"text": name, "type": "ORG" if first and first[0][1] == "ORG" else "MISC"})
            continue
        if campus_end := _campus_end(text, name_start, name_end):
            university = text[name_start:campus_end].removeprefix("The ")
            if university.casefold() not in seen:
                seen.add(university.casefold())
                entities.append({"text": university, "type": "ORG"})
            consumed = campus_end
            continue
        if text[name_start:name_end].split()[-1] in _ROADS and (number := _ROAD_NUMBER.match(text, name_end)):
            road = text[name_start : number.end()].removeprefix("The ")
            if road.casefold() not in seen:
                seen.add(road.casefold())
                entities.append({"text": road, "type": "PLACE"})
            continue
        if _part_of_a_code(text, name_start, name_end) or _no_name_of_its_own(text, name_start, name_end, known_people):
            continue
        if whole := _name_across_marks(text, name_start, name_end, titles):
            name, kind, consumed = whole
            if name.casefold() not in seen:
                seen.add(name.casefold())
                entities.append({"text": name, "type": kind})
            continue
        if particle := _PARTICLE_BEFORE.search(text, max(0, name_start - 6), name_start):
            name_start = particle.start()
        # "Fourteen-year-old Zoe": the age is no part of her name, but says it is a person's
        if aged := _AGE_BEFORE_NAME.match(text, name_start, name_end):
            name_start = aged.end()
        if outlet := _outlet_before_a_person(text, name_start, name_end, known_people):
            if outlet.casefold() not in seen:
                seen.add(outlet.casefold())
                entities.append({"text": outlet, "type": "ORG"})
            name_start = text.index(" ", name_start) + 1
        sequence = text[name_start:name_end]
        in_headline = any(start <= name_start < end for start, end in headlines)
        phrases = _listed_in_headline(sequence, known_people) if in_headline else [sequence]
        classified = (found for phrase in phrases for found in _classified(phrase, text, name_start, known_people))
        for name, kind in classified:
            key = name.casefold()
            if kind == "PERSON" and name not in known_people and any(s < name_start < e for s, e in titles):
                kind = "MISC"  # 'a retrospective entitled "A Tribute For a King"', 'his "Best Hero" award'
            if (
                kind == "PERSON"
                and name.split()[0] not in GIVEN_NAMES
                and _WORK_AFTER_NAME.match(text, text.find(name, name_start) + len(name))
            ):
                kind = "MISC"  # "the aforementioned Black Panther film", but "a Steven Spielberg film" is his
            if kind == "MISC" and " " not in name and (aged or _PERSON_BEFORE_NAME.search(text, 0, name_start)):
                kind = "PERSON"
            if kind == "MISC" and " & " in name and not any(s < name_start < e for s, e in titles):
                kind = "ORG"  # "Procter & Gamble", "Marks & Spencer": partners' names make a firm
            if kind == "PERSON" and name.split()[0] in _NAMED_BY_ITS_KIND:
                kind = "PLACE"  # "missing from Capitol Hill": no one's given name is a building's or a sea's
            if kind == "MISC" and " to " in name and _NAMED_FOR_A_PURPOSE.search(name):
                kind = "ORG"  # "Global Coalition to Defeat ISIS": a body, whatever its last word is
            if kind in ("MISC", "PERSON") and _CAMPAIGN.search(name):
                kind = "ORG"  # "Mothers Against Drunk Driving", "Iraq Veterans Against the War"
            if kind == "MISC" and re.search(r"\s\d{1,3}\s", name):
                kind = "ORG"  # "Lost 52 Project": only a body's name holds a number before its head word
            if name and kind in ("MISC", "PERSON") and _speaks_as_an_outlet(text, name, name_start, kind, known_people):
                kind = "ORG"
            if key not in seen and name:
                seen.add(key)
                entities.append({"text": name, "type": kind})
    for start, end in waiting:
        if text[start:end].casefold() not in seen:
            seen.add(text[start:end].casefold())
            entities.append({"text": text[start:end], "type": "MISC" if (start, end) in products else "ORG"})
    return entities


def _speaks_as_an_outlet(text: str, name: str, start: int, kind: str, known_people: frozenset[str]) -> bool:
    """'The Baltimore Sun reported', 'told Kamloops This Week', 'Gazeta Prawna reports', 'Met Éireann, the national
    meteorological service': a newspaper or a body.

    A name read as a person's is an outlet only where it reports and neither its first word is a given name
    nor the article named the person ("Donald Trump reported", "Biden wrote" stay people)."""
    at = text.find(name, start)
    if at < 0:
        return False
    words = name.split()
    nobody_named = words[0] not in GIVEN_NAMES and name not in known_people and words[-1] not in known_people
    if nobody_named and _BODY_APPOSITION_AFTER.match(text, at + len(name)):
        return True
    reports = _REPORTS_AFTER.match(text, at + len(name))
    if kind == "MISC":
        return bool(reports or _TOLD_BEFORE.search(text, max(0, at - 16), at))
    return bool(reports and reports.group().strip().startswith("report") and len(words) > 1 and nobody_named)


def _outlet_before_a_person(text: str, start: int, end: int, known_people: frozenset[str]) -> str | None:
    """The outlet in "told NPR Hamza bin Laden had appeared" or "told MSNBC Cummings "was a great man"": initials
    someone told, run together with a person's name ("told CNN Philippines" stays one name)."""
    told = _TOLD_BEFORE.search(text, max(0, start - 16), start)
    fused = _INITIALS_THEN_A_NAME.fullmatch(text, start, end)
    if not (told and fused):
        return None
    person = fused["rest"].split()
    if (
        person[0] in GIVEN_NAMES
        or person[-1] in known_people
        or any(word in _LOWER_PARTICLES or word.startswith(("al-", "el-")) for word in person[1:-1])
    ):
        return fused["outlet"]
    return None


def _campus_end(text: str, start: int, end: int) -> int | None:
    """Where "University of California, Los Angeles" ends: a campus is a known place or opens like one, so "the
    University of Chicago, Smith said" keeps the two names apart."""
    if not _UNIVERSITY.fullmatch(text, start, end):
        return None
    campus = _CAMPUS_AFTER.match(text, end)
    if campus and (campus["campus"] in PLACES or campus["campus"].split()[0] in PLACE_OPENERS):
        return campus.end()
    return None


def _products(text: str) -> list[tuple[int, int]]:
    """The spans of products named by their maker and model ("Boeing 737-800") or by a model and its variant ("737
    Max")."""
    spans = []
    for model in _MODEL.finditer(text):
        maker = _MAKER_BEFORE.search(text, max(0, model.start() - 16), model.start())
        start = maker.start() if maker and maker["maker"] in ORGANISATIONS else model.start()
        if variant := _VARIANT_AFTER.match(text, model.end()):
            spans.append((start, variant.end()))
        elif start < model.start():
            nickname = _NICKNAME_AFTER_MODEL.match(text, model.end())
            spans.append(
                (start, nickname.end() if nickname and not _listed(nickname["name"], frozenset()) else model.end())
            )
    return spans


_SURNAME_IN_BRACKETS = re.compile(rf"\s+\[[{CAPITALS}][^\W\d_]*(?:['\u2019-][^\W\d_]+)*\]")
# "[Just need to] stay in the fight": words an editor put in brackets to complete a quotation, where a capital
# opens the phrase, not a name ("[Bashir al] Assad", "[Uni's final try]" and "[Paramount]" keep theirs)
_BRACKETED_PHRASE_GOES_ON = re.compile(r"\s+(?!(?:al|el|bin|ibn|van|von|de|der|da|di|la|le)\b)[a-z]+\b[^\]\[]*\]")
# "17 U.S. Code § 1201 Circumvention of ...": the code a statute is cited from, and the title of its section
_SECTION_SIGN_AFTER = re.compile(r"\s*§")
_SECTION_SIGN_BEFORE = re.compile(r"§\s*[\d.]+\w*\s*$")


_NICKNAME_INSIDE = re.compile(r"\s+[\"\u201c][A-Z][a-z]+[\"\u201d]\s+")


def _named_with_a_nickname(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a name starts and ends that holds a nickname in quotation marks between a given name and a surname,
    each of a word or two spelled like a person's, after at most a title or a word opening the sentence, or None."""
    if not (nickname := _NICKNAME_INSIDE.match(text, end)) or not (surname := _SEQUENCE.match(text, nickname.end())):
        return None
    words_before, last = text[start:end].split(), without_possessive(surname.group()).split()
    first = words_before[-2:] if len(words_before) > 2 or _spelled_like_a_surname(words_before[0]) else words_before[1:]
    if len(last) > 2 or not first or not all(_spelled_like_a_surname(word) for word in first + last):
        return None
    before = words_before[: len(words_before) - len(first)]
    titled = all(word.rstrip(".") in TITLES for word in before)
    if before and not (titled or (len(before) == 1 and _opens(text, start))):
        return None
    return end - len(" ".join(first)), surname.start() + len(" ".join(last))


def _opens(text: str, start: int) -> bool:
    return not text[:start].strip() or text[:start].rstrip().endswith((".", "!", "?"))


def _name_across_marks(text: str, start: int, end: int, titles: list[tuple[int, int]]) -> tuple[str, str, int] | None:
    """A name that runs across a section sign, quotation marks or a bracket, as its text, type and end, where
    the capitalised words alone would read it in part; else None."""
    if _SECTION_SIGN_AFTER.match(text, end):
        # "17 U.S. Code § 1201": the code a statute is cited from, whatever its words name by themselves
        return text[start:end], "MISC", end
    if title := _title_holding(titles, text, start, end):
        # 'entitled "A Tribute For a King"', 'the theme "Each for Equal"': the title, not its capitalised words
        return text[title[0] : title[1]], "MISC", title[1]
    if nicknamed := _named_with_a_nickname(text, start, end):
        # 'Pasquale "Pat" Di Cicco', 'Sergeant Matiu "Matt" Ratana': one person, the nickname inside the name
        return text[nicknamed[0] : nicknamed[1]], "PERSON", nicknamed[1]
    bracketed = _SURNAME_IN_BRACKETS.match(text, end)
    if bracketed and text[start:end] in GIVEN_NAMES and text[start:end] not in PLACES:
        # '"Jerry [O'Connell] and I"': a speaker's given name with the surname an editor added
        return text[start : bracketed.end()], "PERSON", bracketed.end()
    return None


def _no_name_of_its_own(text: str, start: int, end: int, known_people: frozenset[str]) -> bool:
    """The title of a statute's section ("§ 1201 Circumvention of ..."), or a lone word that opens an editor's
    words in brackets ("[Just need to]", "[Scientific wild-ass guess]"), where the capital is the phrase's; not a
    name that is one by itself ("[Typhoon Phanfone is]", "[Trump is]")."""
    if _SECTION_SIGN_BEFORE.search(text, max(0, start - 12), start):
        return True
    word = text[start:end]
    return (
        text[start - 1 : start] == "["
        and " " not in word
        and not _POSSESSIVE_END.search(word)  # "[Uni's final try]": a name owns what follows
        and word not in GIVEN_NAMES
        and not _listed(word, known_people)
        and _BRACKETED_PHRASE_GOES_ON.match(text, end) is not None
    )


def _title_holding(titles: list[tuple[int, int]], text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the title in quotation marks starts and ends that holds a name, where the name leaves words out of it
    or it holds small words ("A Tribute For a King", "Each for Equal"), or None."""
    for title_start, title_end in titles:
        if title_start < start < title_end:
            inner_start = title_start + 1
            inner_end = title_end - 1 - (text[title_end - 2] in ".!?")
            inner = text[inner_start:inner_end]
            if " " in inner and ((start, end) != (inner_start, inner_end) or re.search(r"\s[a-z]", inner)):
                return inner_start, inner_end
            return None
    return None


def _spelled_like_a_surname(word: str) -> bool:
    return (
        word[:1].isupper()
        and not word.isupper()
        and not _CAPITAL_INSIDE.search(word)
        and word not in PLACES | ORGANISATIONS | ORGANISATION_HEADS | TITLES
    )


# A verb of saying right after a name: its subject is someone who speaks.
_SAYS_AFTER = re.compile(r"\s+(?:said|says|told|tells|wrote|writes|stated|added|explained|tweeted|announced)\b")


def _classified(phrase: str, text: str, start: int, known_people: frozenset[str]) -> list[tuple[str, str]]:
    """The entities of one capitalised phrase; where it ends in someone's given name and surname before a verb of
    saying, but reads as no person as a whole ("Deputy Emergency Situations Minister Alexander Chupriyan told",
    "Special Representative for Iran Brian Hook said"), the post or body before the name, then the person."""
    found = _classify(phrase, text, start, known_people)
    if (found and found[-1][1] == "PERSON") or not _SAYS_AFTER.match(text, start + len(phrase.rstrip())):
        return found
    tokens = without_possessive(phrase.strip()).split()
    if (
        len(tokens) < 3
        or not (tokens[-2] in GIVEN_NAMES or tokens[-2] in known_people)
        or not _spelled_like_a_surname(tokens[-1])
    ):
        return found
    person = " ".join(tokens[-2:])
    head = phrase[: phrase.rindex(person)]
    return [*_classify(head, text, start, known_people), (person, "PERSON")]


def _names_joined_by_and(matches: Iterator[re.Match[str]], text: str) -> Iterator[tuple[int, int]]:
    """Where each name starts and ends: "Life and Liberty Party", "North Wales Fire and Rescue
    Service" are one organisation whose name holds "and", where what comes before it is no name by
    itself, and "Procter & Gamble" or "Rock & Roll Hall of Fame" one name holding "&" ("Russia &
    China" stays two places, and "Deirdre, Wyatt & Zach" three people)."""
    pending: tuple[int, int] | None = None
    for match in matches:
        if pending is not None:
            before, between = text[pending[0] : pending[1]], text[pending[1] : match.start()]
            if text[pending[0] : match.end()].removeprefix("The ") in _WHOLE_NAMES_WITH_AND:
                yield pending[0], match.end()  # "Bosnia and Herzegovina", "Islamic State of Iraq and the Levant"
                pending = None
                continue
            if (
                between == " and "
                and match.group().split()[-1] in ORGANISATION_HEADS
                and not _listed(before, frozenset())
                and not _complete_name(before.split()[-1])
                and not _opens_a_name_before_its_head(match.group().split())
            ):
                yield pending[0], match.end()
                pending = None
                continue
            if (
                between == " to "
                and before.split()[-1] in _BODIES_FOR_A_PURPOSE
                and match.group().split()[0] in _PURPOSE_VERBS
            ):
                yield pending[0], match.end()
                pending = None
                continue
            if between == " the " and before.endswith(" Against"):
                yield pending[0], match.end()  # "Iraq Veterans Against the War": what a campaign is against
                pending = None
                continue
            if between == " and " and _purpose_goes_on(before, match.group()):
                yield pending[0], match.end()  # "American Society for Biochemistry and Molecular Biology"
                pending = None
                continue
            if (
                between == " & "
                and not text[: pending[0]].endswith(", ")  # "Deirdre, Wyatt & Zach": the end of a list
                and not (_listed(before, frozenset()) or _listed(match.group(), frozenset()))
            ):
                pending = (pending[0], match.end())
                continue
            yield pending
        pending = match.span()
    if pending is not None:
        yield pending


_JOINER_AT_END = re.compile(r"(?:\s+(?:of|for|the|de|del|da|van|von|al|bin))*\s*$")
# What may stand between a name and its subtitle: "Star Trek: Discovery", "Star Trek: The Next Generation"
_COLON_BETWEEN = re.compile(r":\s+(?:(?:The|A|An)\s+(?=[A-Z]))?")
# A name introducing what someone said to it or about it: "told CNN: Trump is ...", "Update: Police said ..."
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|wrote|writes|tweeted|posted|added|stated|announced|explained|replied|asked|to)"
    r"\s+(?:the\s+)?$"
)
_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|tells|wrote|writes|tweeted|stated|announced|reported|added)\b")
# A subtitle goes on over "and" or "&" to a name that ends the title: "Research and Education (C-MORE)", "Area 51 &
# Flying Saucers"; not to the next title ("Avengers: Infinity War and Avengers: Endgame")
_SUBTITLE_GOES_ON = re.compile(r"(?:\s+\d{1,4})?\s+(?:and|&)\s+")
_TITLE_ENDS = re.compile(r"\s*(?:[,.;!?)(]|$)|\s+[a-z]")


def colons_inside_names(text: str) -> list[int]:
    """Where the colons are that join a name to its subtitle ("Star Trek: The Next Generation")."""
    if ":" not in text:
        return []
    spans = _names_joined_by_and(_SEQUENCE.finditer(text), text)
    return [colon for _, _, colon in _names_joined_by_colons(spans, text, frozenset()) if colon is not None]


def _names_joined_by_colons(
    spans: Iterator[tuple[int, int]], text: str, known_people: frozenset[str]
) -> Iterator[tuple[int, int, int | None]]:
    """Each name's start and end, and where the colon is in one that holds a colon before its subtitle ("Avengers:
    Endgame"), else None; not where a colon introduces what was said, after a verb of saying or, opening the text,
    before one ("Star Wars: Disney said"), nor a note opening it ("Update: Police said"), nor a sentence ("the Java
    Sea: All three nations")."""
    if ":" not in text:
        yield from ((start, end, None) for start, end in spans)
        return
    found = list(spans)
    index = 0
    while index < len(found):
        start, end = found[index]
        after = found[index + 1] if index + 1 < len(found) else None
        subtitle = text[after[0] : after[1]].split() if after else []
        if subtitle and subtitle[0] in ("The", "A", "An"):
            subtitle = subtitle[1:]
        if (
            after is None
            or not subtitle
            or _COLON_BETWEEN.fullmatch(text, end, after[0]) is None
            or (len(subtitle) == 1 and subtitle[0] in _SENTENCE_OPENERS)
        ):
            yield start, end, None
            index += 1
            continue
        # "Sam Wilson of UH Mānoa's Center for Microbial Oceanography: Research ...": the last name before the colon
        named = _classified(text[start:end], text, start, known_people)
        then = _classified(text[after[0] : after[1]], text, after[0], known_people)
        last = text.rfind(named[-1][0], start, end) if named else -1
        title_start = last if last > start and last + len(named[-1][0]) == end else start
        if (
            (
                not text[:title_start].strip()
                and (" " not in text[title_start:end] or _SPEECH_AFTER.match(text, after[1]))
            )
            or _SPEECH_BEFORE.search(text, max(0, title_start - 30), title_start)
            # "announced in Paris: Germany took gold", "the winner in Ohio: John Smith": a place or a person on
            # either side makes a sentence after the colon, not a subtitle
            or any(
                kind in ("PLACE", "NORP") or (kind == "PERSON" and name.split()[0] in GIVEN_NAMES)
                for name, kind in (named[-1:] + then[:1])
            )
        ):
            yield start, end, None
            index += 1
            continue
        if title_start > start:
            # "Rian Johnson of Star Wars: ...": the names before the title, without the word joining them to it
            yield start, start + len(_JOINER_AT_END.sub("", text[start:title_start])), None
            start = title_start
        name_end, index = after[1], index + 2
        if (
            index < len(found)
            and _SUBTITLE_GOES_ON.fullmatch(text, name_end, found[index][0])
            and _TITLE_ENDS.match(text, found[index][1])
        ):
            name_end, index = found[index][1], index + 1
        yield start, name_end, end


def _purpose_goes_on(before: str, after: str) -> bool:
    """Whether "and" joins two fields of an organisation's purpose ("Center for Science and Democracy"),
    not the organisation and another name ("the Institute for Fiscal Studies and Oxfam")."""
    owner, joined, purpose = before.partition(" for ")
    after_words = after.split()
    return bool(
        joined
        and purpose
        and owner.split()[-1] in ORGANISATION_HEADS
        and len(after_words) <= 3
        and after_words[0] not in GIVEN_NAMES
        and not _listed(after, frozenset())
        and not names_an_organisation(after_words)
        and after_words[-1] not in PLACE_HEADS
        and all(word[:1].isupper() and not word.isupper() for word in after_words)
    )


def _names_a_people(word: str) -> bool:
    """ "European", "Koreans", "Sudanese": the people of a place, not the place."""
    return word.removesuffix("s") in NATIONALITIES or word.endswith(("an", "ans", "ese"))


def _one_people(word: str) -> bool:
    """ "American", "Cypriots", "Islanders": a word naming a people, which a nationality or place before it narrows."""
    return word.removesuffix("s") in NATIONALITIES or word in ("Islander", "Islanders")


def _in_a_listed_place(text: str, end: int) -> bool:
    """Whether the name ending at `end` is followed by the place it is in: "Kobe, Japan", "Hassan, Karnataka"."""
    region = _REGION_AFTER.match(text, end)
    return bool(region) and (region["place"] in PLACES or region["place"].rstrip(".") in PLACES)


def _complete_name(word: str) -> bool:
    """A word that ends a name of its own: "Secret Service and US Park Police" are two bodies."""
    return word in ORGANISATION_HEADS or word.isupper() or _listed(word, frozenset())


def _opens_a_name_before_its_head(words: list[str]) -> bool:
    """Whether a word before the organisation word at the end starts a name of its own; a title
    right before it is the organisation's subject, not a person's title ("Law and Justice Party")."""
    *before, _ = words
    return any(
        _opens_a_name(word) and not (index == len(before) - 1 and word.rstrip(".") in TITLES)
        for index, word in enumerate(before)
    )


def _opens_a_name(word: str) -> bool:
    """A word that starts a name of its own after "and": "US Park Police", "The New York Times"."""
    return word.isupper() or word == "The" or word.rstrip(".") in TITLES or _listed(word, frozenset())


def _headline_spans(text: str) -> list[tuple[int, int]]:
    """Lines in title case ("Moscow Rejects Washington Pressure to Seek Assad's Exit"): every
    word but the small ones capitalised and no full stop, so capitals there do not mark names.
    A sentence of names ("Wanda Vázquez Garced is the Secretary of Justice.") ends with one."""
    spans = []
    for line in re.finditer(r"[^\n]+", text):
        if line.group().rstrip().endswith((".", "!", "?", '"', "\u201d")):
            continue
        words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", line.group()) if w.lower() not in STOPWORDS]
        if len(words) >= 5 and all(w[0].isupper() for w in words):
            spans.append(line.span())
    return spans


def without_possessive(name: str) -> str:
    """ "Black Panther's" -> "Black Panther"."""
    return _POSSESSIVE_END.sub("", name)


def _listed_in_headline(phrase: str, known_people: frozenset[str]) -> list[str]:
    """The names in a title-case phrase that are known (gazetteer or people named in the article)."""
    tokens = [without_possessive(token) for token in phrase.split()]
    names, index = [], 0
    while index < len(tokens):
        for size in (3, 2, 1):
            candidate = " ".join(tokens[index : index + size])
            if len(tokens) - index >= size and _listed(candidate, known_people):
                names.append(candidate)
                index += size
                break
        else:
            index += 1
    return names


def _part_of_a_code(text: str, start: int, end: int) -> bool:
    """Letters glued to digits or dotted into a lower-case word are formulas, strains and degrees
    ("CO2", "S288C", "K-12", "Ph.D.", "E. coli"), not names; nor is a lone capital letter, or
    capitals inside a word ("oVert")."""
    before, after = text[max(0, start - 1) : start], text[end : end + 3]
    if before.isalnum() or after[:1].isdigit() or re.match(r"-\d", after) or after[:1] == "$":
        return True  # "CO2", "K-12", and "US$" (a currency, not the country)
    if before == "." and start >= 2 and text[start - 2].isalpha():
        return True
    if re.match(r"\.\s?[a-z]", after) or re.match(r"\.[A-Z]", after):
        return True
    return end - start == 1


def _classify(phrase: str, text: str, start: int, known_people: frozenset[str]) -> list[tuple[str, str]]:
    phrase = phrase.strip()
    end = start + len(phrase)
    # "BBC's Jonathan Marcus": the owner and the owned are two entities.
    owner, _, owned = phrase.partition("'s ") if "'s " in phrase else phrase.partition("\u2019s ")
    if owned and owner.split()[-1] not in _NAME_INTERNAL_OWNERS:
        return _classify(owner + "'s", text, start, known_people) + _classify(
            owned, text, start + len(owner) + 3, known_people
        )
    # "the United States' National Basketball Association": a listed place owning a body is two names, while
    # "Kurdistan Workers' Party" is one
    if (owner_of := _PLURAL_OWNER.match(phrase)) and owner_of["owner"] in PLACES:
        owned_start = start + owner_of.end()
        return [(owner_of["owner"], "PLACE"), *_classify(phrase[owner_of.end() :], text, owned_start, known_people)]
    # "for the" joins an organisation to its purpose ("Center for the Study of ..."); elsewhere
    # it is two names: "President Barack Obama for the Democratic Party", "Writing for the Court".
    before, _, after = phrase.partition(" for the ")
    if after and not names_an_organisation(before.split()):
        return _classify(before, text, start, known_people) + _classify(
            after, text, start + len(before) + 9, known_people
        )
    before, _, after = phrase.partition(" for The ")
    if after:  # "leaving Blues Incorporated for The Rolling Stones": a name never goes on past "The"
        return _classify(before, text, start, known_people) + _classify(
            "The " + after, text, start + len(before) + 5, known_people
        )
    before, _, after = phrase.partition(" for ")
    if before and after and all(word in TITLES for word in after.split()):
        # "a ticket of Bayes for President and C.L. Gammon for Vice President": the post sought names nobody
        return _classify(before, text, start, known_people)
    possessive = phrase.endswith(("'s", "\u2019s"))
    phrase = without_possessive(phrase)
    tokens = phrase.split()
    if (
        len(tokens) > 1
        and tokens[-1].lower() in WEEKDAYS
        and (" ".join(tokens[:-1]) in PLACES or tokens[:-1] in (["Early"], ["Late"], ["Last"], ["Next"], ["This"]))
    ):
        tokens = tokens[:-1]  # "pass by Bermuda Wednesday night": the place, then the day; not "Super Tuesday"
    # "The Rolling Stones", "The Beatles": a name written with "The" is a band, a title or a body, not a
    # person, unless it is someone the article named ("The Trump administration").
    after_the = tokens[:1] in (["The"], ["My"]) or text[max(0, start - 4) : start] == "The "  # "My Little Pony"
    sentence_initial = (
        start == 0
        or text[max(0, start - 5) : start].rstrip().endswith((".", "!", "?", '"', "“", ":", ")", "]"))
        # a quotation in single marks opens a sentence ("and said, 'Bloody hell ...'"), but a word quoted by
        # itself is a term or a name ("going to 'Jannah'"), and "the Smiths' Jon" a possessive
        or (text[max(0, start - 2) : start] in _SINGLE_QUOTE_OPENING and not _QUOTED_WORD.match(text, start))
    )
    while (
        tokens
        and not _all_saints(tokens)
        and (
            tokens[0] in _NOT_NAMES
            # "Multiple Iranian officials", but "Multiple Sclerosis"
            or (tokens[0] in _QUANTIFIERS and not (tokens[1:2] and tokens[1] in OTHER_NAME_HEADS))
            or (tokens[0].islower() and not (tokens[0] in _LOWER_PARTICLES and tokens[1:]))
            or (sentence_initial and (tokens[0].lower() in STOPWORDS or tokens[0].lower() in NUMBER_WORDS))
            or (tokens[0] in _MEMBERS_OF and tokens[1:2] == ["of"])
            # "Proroguing Parliament is the legal ... way": a verb's -ing form opening a sentence is no part of
            # the known name after it
            or (
                sentence_initial
                and tokens[0].endswith("ing")
                and not _listed(tokens[0], known_people)
                and _listed(" ".join(tokens[1:]), known_people)
            )
        )
    ):
        tokens = tokens[1:]  # "Each for Equal" leaves "for": a joining word never opens a name
        sentence_initial = False
    found: list[tuple[str, str]] = []
    if tokens and (adjective := _SUFFIX_ADJECTIVE.match(tokens[0])):
        # "UN-backed" names the UN; "Yemen-based Houthi" names Yemen, then the Houthi.
        if len(tokens) == 1:
            tokens = [adjective["name"]]
        else:
            found.extend(_classify(adjective["name"], text, start, known_people))
            tokens = tokens[1:]
            sentence_initial = False
    if len(tokens) > 1 and (adjective := _SUFFIX_ADJECTIVE.match(tokens[-1])):
        tokens = [*tokens[:-1], adjective["name"]]  # "Academy Award-winning" names the award
    if not tokens or (len(tokens) == 1 and (_ROMAN_NUMERAL.fullmatch(tokens[0]) or _common_acronym(tokens[0]))):
        return found  # "stage IV", "CT scans", "CT-scan"
    if len(tokens) == 1 and (parts := _dashed_listed_names(tokens[0], known_people)):
        return found + parts  # "Russia\u2013Ukraine talks", "the Carroll\u2013Patel ticket": each by itself
    lone = tokens[0]
    if (
        sentence_initial
        and len(tokens) == 1
        and not _listed(lone, known_people)
        and not lone.isupper()
        and lone.removesuffix("s") not in NATIONALITIES  # "Britons voted ..."
        and not _CAPITAL_INSIDE.search(lone)  # "SpaceX founder Elon Musk", "CentOS was created": no common word
    ):
        return found  # a capitalised first word ("Strong winds ...") is usually not a name
    if len(tokens) == 2 and (tokens[0] in NATIONALITIES or tokens[0] in PLACES) and _one_people(tokens[1]):
        found.append((" ".join(tokens), "NORP"))  # "African Americans", "Pacific Islanders", "Turkish Cypriots"
        return found
    if _ARTICLE_BEFORE.search(text, max(0, start - 4), start) and _named_after_a_place(tokens):
        found.append((" ".join(tokens), "ORG"))  # "the Utah Jazz were to play", "the New Orleans Pelicans"
        return found
    if (
        len(tokens) == 1
        and tokens[0] in _NAMED_BY_ITS_KIND
        and (after_the or _THE_BEFORE.search(text, max(0, start - 5), start))
    ):
        found.append((tokens[0], "PLACE"))  # "to cross the Channel", "the Capitol's flags"
        return found
    if len(tokens) > 1 and _RULING_BEFORE.search(text, max(0, start - 8), start):
        found.append((" ".join(tokens), "ORG"))
        return found
    # Leading places and nationalities are separate entities: "U.S. Secretary of State ...",
    # except where the rest is a bare organisation word, which they name: "Arab League".
    while len(tokens) > 1 and " ".join(tokens) not in _WHOLE_NAMES:
        if " ".join(tokens[:2]) in PLACES and not (
            len(tokens) > 2 and (names_an_organisation(tokens[2:]) or tokens[-1] in PLACE_HEADS | OTHER_NAME_HEADS)
        ):
            # "Saudi Arabia's state-owned ...", but "New York Times", "San Diego County" and
            # "Eastern Mediterranean Bill" are one name
            found.append((" ".join(tokens[:2]), "PLACE"))
            tokens = tokens[2:]
        elif " ".join(tokens[:2]) in NATIONALITIES and len(tokens) > 2 and tokens[2].rstrip(".") in TITLES:
            found.append((" ".join(tokens[:2]), "NORP"))  # "Roman Catholic Pope Francis"
            tokens = tokens[2:]
        elif (title_at := _title_after_organisation(tokens)) is not None:
            # "NATO Secretary-General Jens Stoltenberg", "Supreme Court Justice Elena Kagan"
            found.append((" ".join(tokens[:title_at]), "ORG"))
            tokens = tokens[title_at:]
        elif tokens[0] in _PLATFORMS and " ".join(tokens[1:]) in known_people:
            found.append((tokens[0], "ORG"))  # "on Twitter West accused ...": the platform, then the person
            tokens = tokens[1:]
        elif (title_at := _title_after_place(tokens)) is not None:
            # "Santa Barbara County Sheriff Bill Brown": the county, then the sheriff
            found.append((" ".join(tokens[:title_at]), "PLACE"))
            tokens = tokens[title_at:]
        elif (tokens[0] in PLACES or tokens[0] in NATIONALITIES) and not (
            names_an_organisation(tokens)
            or tokens[-1] in PLACE_HEADS
            or tokens[-1] in OTHER_NAME_HEADS
            # '"Thai Raksa Chart party complies ..."': a party's name opening with its country's
            or (len(tokens) == 3 and tokens[0] in NATIONALITIES and _PARTY_AFTER.match(text, end))
        ):  # "Grenada Street", "Jordan River", "Baghdad International Airport" are one place
            found.append((tokens[0], "PLACE" if tokens[0] in PLACES else "NORP"))
            tokens = tokens[1:]
        else:
            break
    while tokens and tokens[0] in _NOT_NAMES and not _all_saints(tokens):
        tokens = tokens[1:]  # "Washington, D.C. It is ...": the next sentence's first word
    if (
        len(tokens) > 1
        and tokens[-1] == "I"
        and tokens[-2] not in GIVEN_NAMES
        and tokens[-2] not in known_people
        and tokens[-2] not in OTHER_NAME_HEADS
        and _WORD_IN_LOWER_CASE_AFTER.match(text, end)
    ):
        # "Sometimes I still have nightmares", "Michael Siegel I am a professor": the pronoun, which opens the
        # next clause; "George I was crowned" and "World War I was" keep their numeral
        tokens = tokens[:-1]
        if len(tokens) == 1 and sentence_initial and not _listed(tokens[0], known_people):
            return found
    if not tokens or (len(tokens) == 1 and _ADJECTIVE.fullmatch(tokens[0])):
        return found  # "Congressional term limits", "Presidential race"
    name = " ".join(tokens)
    last = tokens[-1]
    if served := _served_by_post(name, " for "):  # "Secretary of Justice for X"
        return [*found, *_classify(served, text, start + len(name) - len(served), known_people)]
    # "University of Florida", "Bank of England": the head comes before "of".
    head = name.split(" of ")[0].split()[-1]
    owner, _, rest = name.partition(" of ")
    if rest and not names_an_organisation(owner.split()) and head not in PLACE_HEADS and owner not in _WHOLE_NAMES:
        # "Sally Wasef of Australia", "Kristian Andersen of Scripps Research": a person, then where from
        owner_entities = _classify(owner, text, start, known_people)
        if any(kind == "PERSON" for _, kind in owner_entities):
            # where the name starts in the text: words before it ("Roman Catholic Bishop ...") may have been taken off
            rest_start = text.find(rest, start)
            affiliation = _classify(rest, text, rest_start if rest_start >= 0 else start + len(owner) + 4, known_people)
            # "Kristian Andersen of Scripps Research": where a person is from is a body or a place
            affiliation = [(n, "ORG" if k == "PERSON" or (k == "MISC" and " " in n) else k) for n, k in affiliation]
            if len(affiliation) == 1 and affiliation[0] == (rest, "MISC") and _in_a_listed_place(text, end):
                affiliation = [(rest, "PLACE")]  # "Yutaka Iwasaki of Kobe, Japan came across ...": a town
            return [*found, *owner_entities, *affiliation]
    french_head = len(tokens) > 2 and tokens[0] in ORGANISATION_HEADS and tokens[1] in ("de", "du", "des")
    # "Director of Mid Wales Tourism Partnership": the post is not part of the organisation's name.
    if served := _served_by_post(name, " of "):
        served_tokens = served.removeprefix("the ").split()
        if names_an_organisation(served_tokens) or " ".join(served_tokens) in ORGANISATIONS:
            return [*found, (" ".join(served_tokens), "ORG")]
        if len(served_tokens) > 1 and served_tokens[-1] in PLACE_HEADS:
            return [*found, (" ".join(served_tokens), "PLACE")]  # "Sheriff of Milwaukee County"
    # "Kataeb Hezbollah": a name ending in a known organisation's one-word name is an organisation too
    ends_in_organisation = (
        len(tokens) > 1 and last in ORGANISATIONS and not last.isupper() and tokens[0].rstrip(".") not in TITLES
    )
    # "University College London", "Socialist Party USA", "CNN Philippines": an institution named
    # after its place
    institution_in_a_city = (len(tokens) > 2 and last in PLACES and tokens[-2] in ORGANISATION_HEADS) or (
        len(tokens) == 2 and tokens[0] in ORGANISATIONS and last in PLACES
    )
    if (
        name in ORGANISATIONS
        or names_an_organisation(tokens)
        or french_head
        or ends_in_organisation
        or institution_in_a_city
    ):
        found.append((name, "ORG"))
        return found
    if (
        # "Sudesh Amman" ... "Amman, who was described as ...": the surname of someone the article named is that
        # person, not the city
        (name in PLACES and not (len(tokens) == 1 and name in known_people))
        # "Tandag City", but "Mayor of New York City" is a post
        or (
            len(tokens) > 1
            and (last in PLACE_HEADS or tokens[0] in PLACE_OPENERS)
            and tokens[0] not in TITLES
            # "at Bontddu Hall", "the Zappeion Hall", but "an essay by Stuart Hall"
            and (last not in _SURNAME_PLACE_HEADS or _BEFORE_A_BUILDING.search(text, max(0, start - 8), start))
        )
        # "General Santos City", "General Trias City": a city named after a post holder is still a city
        or (len(tokens) > 2 and last == "City" and tokens[0] in TITLES and " of " not in name)
        or (len(tokens) > 2 and tokens[-2] == "del" and last in _COMPASS)  # "Surigao del Sur"
        or (len(tokens) == 2 and tokens[0] in _COMPASS_POINTS and last in PLACES)  # "South Yemen", "Northern Syria"
        # "County Clare", but "County Executive Ana Vell" and "the County Clerk" are posts
        or (len(tokens) == 2 and tokens[0] == "County" and last not in TITLES and last not in _COUNTY_OFFICES)
        # "West Bengal", "Southern Rhodesia": a region, unless the second word is a person's name or says
        # what the name is of ("Eastern Conference", "Southern Festival")
        or (
            len(tokens) == 2
            and tokens[0] in _COMPASS_POINTS
            and not _names_a_people(last)
            and last not in OTHER_NAME_HEADS
            and last not in known_people
            and name not in known_people
        )
        or (" of " in name and head in PLACE_HEADS)  # "Democratic Republic of Congo"
    ):
        found.append((name, "PLACE"))
        return found
    numbered = len(tokens) > 2 and _NAME_NUMBER.fullmatch(last) and tokens[-2] in OTHER_NAME_HEADS
    # "Doris Day", "Lucille Ball": a given name before a head that is also a surname is a person's
    surname_head = (
        len(tokens) == 2 and last in _SURNAME_HEADS and tokens[0] in GIVEN_NAMES - _NAMES_OF_HOLIDAYS - PLACES
    )
    # "World War II"; "Marine One", "Formula One": no one's name ends in a number
    counted = last.lower() in NUMBER_WORDS and tokens[0].rstrip(".") not in TITLES
    other_name = last in OTHER_NAME_HEADS or tokens[0] in OTHER_NAME_OPENERS or numbered or counted
    if len(tokens) > 1 and not surname_head and other_name:
        found.append((name, "MISC"))
        return found
    # "Egyptians", "Coloradans"; "Roman Catholic Christianity" is a faith
    if (
        name in NATIONALITIES
        or (name.endswith("s") and name[:-1] in NATIONALITIES)
        or last in _FAITHS
        or (_people_of_a_place(name) and name not in known_people)
        # "Eastern Europeans"
        or (len(tokens) == 2 and tokens[0] in _COMPASS_POINTS and tokens[1].removesuffix("s") in NATIONALITIES)
    ):
        found.append((name, "NORP"))
        return found
    title_count = 2 if tokens[:2] in (["Crown", "Prince"], ["Crown", "Princess"]) else 0
    while title_count < len(tokens) and _is_title(tokens[title_count]):
        title_count += 1
    if title_count == len(tokens):
        return found  # a title alone ("the Prime Minister's advice") names nobody
    if (post_of := " ".join(tokens[title_count:])) in _WHOLE_NAMES and title_count == 1 and tokens[0] in _RANKS:
        found.append((name, "MISC"))  # "Captain America" is a character, not a post of the country
        return found
    if title_count == 1 and tokens[0] in _RANKS and len(tokens) == 2 and tokens[1] not in known_people:
        title_count = 0  # "Captain Marvel", "Captain Phillips": a name, unless the article named a Phillips
    if post_of in _WHOLE_NAMES and not (post_of == name and name in known_people):
        # "the Prime Minister of Tunisia", "Secretary-General of NATO": the post's country or body
        found.append((post_of, "PLACE" if post_of in PLACES else "ORG"))
        return found
    if last.rstrip(".") in TITLES or last in ROLE_HEADS:
        found.append((name, "MISC"))  # a role ("Divisional Railway Manager"), not the person holding it
        return found
    if not title_count and (role_end := _role_before_name(tokens)):
        title_count = role_end  # "Mysore Divisional Railway Manager Aparna Garg" is Aparna Garg
    # "First Minister of Scotland Nicola Sturgeon", "Vice President of the United States Joe Biden"
    at = title_count + 1 if title_count and tokens[title_count] == "the" else title_count
    for size in (2, 1):
        if title_count and len(tokens) - at > size + 1 and " ".join(tokens[at : at + size]) in PLACES:
            found.append((" ".join(tokens[at : at + size]), "PLACE"))
            title_count = at + size
            break
    person_tokens = tokens[title_count:]
    preceded_by_title = bool(_LOWER_TITLE_BEFORE.search(text, max(0, start - 20), start))
    opening_initials = (
        len(person_tokens) > 1
        and _JOINED_INITIALS.fullmatch(person_tokens[0])
        and person_tokens[0].replace(".", "") not in _SHIP_PREFIXES
    )
    core = [t for t in person_tokens[1 if opening_initials else 0 :] if not _INITIAL_OR_SUFFIX.fullmatch(t)]
    inner_particle = any(t in _CAPITALISED_PARTICLES for t in core[1:-1])
    looks_like_person = (
        title_count
        or preceded_by_title
        or len(core) in (2, 3)
        or (len(core) in (4, 5) and inner_particle)
        or (core and len(core) < len(person_tokens))
        or name in known_people
        or (len(core) <= 5 and _BORN_BEFORE.search(text, max(0, start - 6), start))
    )
    # Acronyms are not parts of a person's name ("BFM TV"); initials carry dots ("J.").
    spelled_like_names = all(
        _INITIAL_OR_SUFFIX.fullmatch(t)
        or t.startswith(_PARTICLES)
        or (t[0].isupper() and not t.isupper() and not _CAPITAL_INSIDE.search(t))
        for t in person_tokens[1 if opening_initials else 0 :]
    )
    if len(tokens) <= 3 and _PUBLICATION_BEFORE.search(text, max(0, start - 20), start):
        found.append((name, "MISC"))  # "published in journal Nature Astronomy"
        return found
    if len(tokens) <= 3 and _NEWSPAPER_BEFORE.search(text, max(0, start - 20), start):
        found.append((name, "ORG"))
        return found
    if not title_count and name not in known_people and _LICENCE_AFTER.match(text, end):
        found.append((name, "MISC"))  # "under a Creative Commons Attribution license"
        return found
    if (
        len(tokens) <= 3
        and not title_count
        and name not in known_people
        and tokens[0] not in GIVEN_NAMES
        and _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
        and _BUSINESS_AFTER.match(text, end)
    ):
        found.append((name, "ORG"))  # "the Make Crate subscription service", "the Kaufland chain"
        return found
    if len(tokens) <= 3 and _PUBLISHER_AFTER.match(text, end):
        found.append((name, "ORG"))  # "Time magazine announced"
        return found
    if len(tokens) <= 3 and not title_count and name not in known_people and _BAND_MEMBER_AFTER.match(text, end):
        found.append((name, "ORG"))  # "Grateful Dead drummer Mickey Hart": the band, then its member
        return found
    if (
        len(tokens) <= 3
        and not title_count
        and name not in known_people
        and _PARTY_AFTER.match(text, end)
        and not any(_LOWER_CASE_AFTER_HYPHEN.search(token) for token in tokens)  # "a Hindu-nationalist party"
    ):
        found.append((name, "ORG"))  # "the Sustainable Australia party", "the Thai Raksa Chart party"
        return found
    if (
        len(tokens) <= 3
        and not title_count
        and name not in known_people
        and not _listed(name, known_people)
        and _BODY_NOUN_BEFORE.search(text, max(0, start - 12), start)
    ):
        found.append((name, "ORG"))  # "another supergroup Blind Faith", "rock band Van Halen"
        return found
    if (
        len(tokens) <= 3
        and not title_count
        and not preceded_by_title
        and name not in known_people
        and (placed := _PLACE_AFTER.match(text, end))
        and (placed["place"] in PLACES or placed["place"].rstrip(".") in PLACES)  # "..., England."
    ):
        found.append((name, "PLACE"))  # "South Bend, Indiana"
        return found
    if (
        len(tokens) <= 2
        and _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
        and (placed := _PLACE_BEFORE_A_NOUN.match(text, end))
        and placed["place"] in PLACES
        # "Like the Yankees, Boston lost on Sunday": a team, then the subject and its verb
        and not _looks_like_a_verb(placed["noun"], placed["next"] or "")
    ):
        found.append((name, "PLACE"))  # "a Charleston, South Carolina radio station"
        return found
    if len(tokens) <= 3 and not title_count and name not in known_people and _PLACE_WORD_AFTER.match(text, end):
        found.append((name, "PLACE"))  # "Maidan Wardak province", "Idlib governorate"
        return found
    second = None
    if (
        len(tokens) <= 2
        and not title_count
        and not name.isupper()
        and name not in known_people
        # "what I saw in Tomasz Sekielski's film": what someone owns is not where something is
        # (but "in St Margaret's at Cliffe" is a village)
        and not (possessive and len(tokens) == 2 and tokens[0] not in {*PLACE_OPENERS, "St", "St."})
        and (
            _BEFORE_A_PLACE.search(text, max(0, start - 20), start)
            # "entered Tell Tamer and Ain Issa", "in Damietta and Idku": the second of two places, not a person
            or (
                tokens[0] not in GIVEN_NAMES
                and not _CAPITAL_INSIDE.search(name)
                and (second := _SECOND_PLACE_BEFORE.search(text, max(0, start - 80), start))
            )
        )
    ):
        # "entered Tell Tamer": an unknown name after "in" is a place, unless it is where something was published:
        # "published on Wednesday in Science Advances", "published Wednesday in Environmental Science and Technology"
        published = _PUBLISHED_BEFORE.search(text, max(0, (second.start() if second else start) - 40), start)
        found.append((name, "MISC" if published else "PLACE"))
        return found
    if (
        len(tokens) in (2, 3)
        and not title_count
        and last in _STREET_WORDS
        and _STREET_PREPOSITION_BEFORE.search(text, max(0, start - 8), start)
        and not possessive  # "starred in Nathan Lane's new play": a person's, rarely a street's
    ):
        found.append((name, "PLACE"))  # "a collision on Wellhouse Lane"
        return found
    named_before = name in known_people or (person_tokens and person_tokens[-1] in known_people)
    if (
        len(tokens) == 2
        and not title_count
        and not possessive
        and not named_before
        and tokens[0] not in GIVEN_NAMES
        and _PLURAL.fullmatch(last)
        and text[max(0, start - 4) : start] == "the "
        and _PLURAL_SUBJECT_ENDS.match(text, end)
    ):
        found.append((name, "ORG"))  # "between the Sacramento Kings and ...": a team, a band, never one person
        return found
    # "Minister of Information Moammar al-Eryani": the department before the name is the post's
    while title_count and len(person_tokens) > 2 and person_tokens[0] in _INSTITUTIONAL_WORDS:
        person_tokens = person_tokens[1:]
    institutional = any(token in _INSTITUTIONAL_WORDS for token in person_tokens)
    if (
        looks_like_person
        and spelled_like_names
        and len(core) <= (5 if inner_particle else 4)
        and (named_before or not after_the)
        and not institutional
        and not _all_saints(person_tokens)
    ):
        found.append((" ".join(person_tokens), "PERSON"))
        return found
    if (
        len(tokens) == 1
        and name in GIVEN_NAMES
        and not _THING_OR_PLACE_BEFORE.search(text, max(0, start - 20), start)
        and not _PLACE_AFTER_GIVEN_NAME.match(text, end)
    ):
        # 'Sergey said, "..."': a given name alone, not "the Oscar", "a former Marine", "in Charlotte" or
        # "Rachel in Lincoln County"
        found.append((name, "PERSON"))
        return found
    if possessive or len(tokens) == 1:
        found.append((name, "ORG" if name.isupper() and not _STANDARD_AFTER.match(text, end) else "MISC"))
        return found
    found.append((name, "MISC"))
    return found


_WORD_IN_LOWER_CASE_AFTER = re.compile(r"\s+[a-z]")


# Words that say what a name after a place is, or are a body of their own: "U.S. Congress", "United States Senate"
# are the place, then the body
_SAYS_WHAT_IT_NAMES = PLACE_HEADS | OTHER_NAME_HEADS | ORGANISATION_HEADS | _COMPASS_POINTS | ROLE_HEADS | ORGANISATIONS


def _named_after_a_place(tokens: list[str]) -> bool:
    """A place and one more word that says nothing of what the name is: a team or another body named after its city
    ("Utah Jazz", "Oklahoma City Thunder"), where "the" or "a" comes before it."""
    if len(tokens) < 2:
        return False
    *place, word = tokens
    return (
        " ".join(place) in PLACES
        and word.isalpha()
        and word[0].isupper()
        and not word.isupper()
        and word not in _SAYS_WHAT_IT_NAMES
        and not word.endswith("al")  # "the U.S. Federal government": an adjective
        and word.rstrip(".") not in TITLES
        and word.removesuffix("s") not in NATIONALITIES
        and not _one_people(word)
    )


_THING_OR_PLACE_BEFORE = re.compile(
    r"\b(?:the|a|an|former|in|at|to|from|near|into|of|reached|visited)\s+$", re.IGNORECASE
)
_PLACE_AFTER_GIVEN_NAME = re.compile(r",?\s+(?:in|near)\s+[A-Z]|,\s+(?:North|South|New|West|East)?\s*[A-Z][a-z]+,")


def _all_saints(tokens: list[str]) -> bool:
    """ "All Saints school", "All Souls College": "All" opens a name only before the saints or souls."""
    return tokens[:1] == ["All"] and tokens[1:2] in (["Saints"], ["Souls"])


def _is_title(token: str) -> bool:
    """ "Gen.", "President"; "President-elect" and "Governor-elect" too, which precede a name as their title does."""
    return (
        token.rstrip(".") in TITLES
        or (token.endswith("-elect") and token[:-6] in TITLES)
        # "Co-developer Jing Wang", "Co-founder": a shared calling, not "Co-op Bank"
        or (len(token) > 6 and token.startswith("Co-") and token[3:].isalpha() and token[3:].islower())
    )


def _served_by_post(name: str, joiner: str) -> str:
    """What a post before `joiner` serves ("Secretary of Justice for X" -> "X", "Director of the
    Y Partnership" -> "the Y Partnership"), or "" when the words before it are not just a post
    ("Foreign Ministry of Iraq" is one organisation)."""
    post, _, served = name.partition(joiner)
    words = post.split()
    if served and all(word.rstrip(".") in TITLES for word in words) and not names_an_organisation(words):
        return served
    return ""


def _common_acronym(token: str) -> bool:
    return token.split("-")[0] in COMMON_ACRONYMS and token.split("-")[0].isupper()


def names_an_organisation(tokens: list[str]) -> bool:
    """ "Syrian Democratic Forces", "Georgia Institute of Technology", "Tunisian League for the
    Defence of Human Rights", "Commission on Presidential Debates": a head word ends the name or
    comes before its "of", "for" or "on"."""
    before_of = re.split(r" (?:of|for|on) ", " ".join(tokens))[0].split()
    newspaper = len(tokens) >= 2 and tokens[0] == "Daily"  # "Daily Hive", "Daily Mail"
    # "Catholic Bishops' Conference of the Philippines": a conference its members own meets for good, a body
    members_conference = (
        len(before_of) >= 2 and before_of[-1] == "Conference" and before_of[-2].endswith(("s'", "s\u2019"))
    )
    # "Gilchrist Hospice Care": the care a body gives, named after it; "Selective Service System": a body's system
    care = len(tokens) >= 3 and tokens[-1] in ("Care", "System") and tokens[-2] in ORGANISATION_HEADS
    return (
        tokens[-1] in ORGANISATION_HEADS
        or before_of[-1] in ORGANISATION_HEADS
        or newspaper
        or members_conference
        or care
    )


def _role_before_name(tokens: list[str]) -> int:
    """Where a name starts after a post that ends in a title or role word, or 0."""
    for index in range(len(tokens) - 3, 0, -1):
        # "Statues of Christopher Columbus" is Columbus, but "of" before a country joins a post to it,
        # as in "Crown Prince Mohammad bin Salman of Saudi Arabia"
        rest = tokens[index + 1 :]
        if (
            (tokens[index].rstrip(".") in TITLES or tokens[index] in ROLE_HEADS)
            and (tokens[index] != "of" or " ".join(rest) not in PLACES)
            and all(t[0].isupper() and not t.isupper() for t in rest)
        ):
            return index + 1
    return 0


# A body or place before a post is a few words long; looking no further keeps a run of thousands
# of capitalised words linear.
_LONGEST_NAME_BEFORE_A_POST = 8


def _title_after_organisation(tokens: list[str]) -> int | None:
    for index in range(1, min(len(tokens) - 1, _LONGEST_NAME_BEFORE_A_POST)):
        organisation = " ".join(tokens[:index])
        if (
            tokens[index][0].isupper()
            and tokens[index - 1][0].isupper()  # not "League for the Defence of ...": a name goes on
            and tokens[index].rstrip(".") in TITLES
            # not "Directorate General of Civil Aviation": a body's head and a post, then what it is of
            and not (tokens[index - 1] in ORGANISATION_HEADS and tokens[index + 1] in ("of", "for"))
            and (
                organisation in ORGANISATIONS
                or tokens[index - 1] in ORGANISATION_HEADS
                or (names_an_organisation(tokens[:index]) and _person_after_titles(tokens[index:]))
                # "USCG Captain Monica Rochester": an acronym that is not a country's
                or (
                    index == 1
                    and len(organisation) > 1
                    and organisation.isupper()
                    and organisation not in PLACES
                    and organisation not in NATIONALITIES
                    and organisation not in _SHIP_PREFIXES
                    and organisation not in _CITY_ABBREVIATIONS
                    and _person_after_titles(tokens[index:])
                    and not _INSTITUTIONAL_WORDS.intersection(tokens[index + 1 :])  # "GNU General Public Licence"
                )
            )
        ):
            return index
    return None


def _looks_like_a_verb(word: str, following: str) -> bool:
    """ "lost", "has won", "celebrated the band"; not "assisted living" or "news station"."""
    if word in IRREGULAR_PAST or word in ("has", "had", "is", "was", "will", "would"):
        return True
    return word.endswith("ed") and following in ("the", "a", "an", "his", "her", "their", "its", "on", "in", "at")


def _title_after_place(tokens: list[str]) -> int | None:
    for index in range(2, min(len(tokens) - 1, _LONGEST_NAME_BEFORE_A_POST)):
        if (
            tokens[index - 1] in PLACE_HEADS
            # "Manhattan District Attorney", "U.S. District Judge": the district is part of the post
            and tokens[index - 1] != "District"
            and tokens[index][0].isupper()
            and tokens[index].rstrip(".") in TITLES
            and _person_after_titles(tokens[index:])
        ):
            return index
    return None


def _person_after_titles(tokens: list[str]) -> bool:
    """ "Speaker John Bercow" ends in a person's name; "Health Sciences" ends a department's."""
    name = list(itertools.dropwhile(lambda token: token.rstrip(".") in TITLES, tokens))
    return 2 <= len(name) <= 3 and all(t[0].isupper() and t not in ORGANISATION_HEADS for t in name)


def _dashed_listed_names(token: str, known_people: frozenset[str]) -> list[tuple[str, str]]:
    parts = re.split(r"[-\u2013]", token)
    if len(parts) < 2 or not all(_listed(part, known_people) for part in parts):
        return []
    return [(part, _listed_type(part)) for part in parts]


def _listed_type(name: str) -> str:
    return (
        "PLACE" if name in PLACES else "NORP" if name in NATIONALITIES else "ORG" if name in ORGANISATIONS else "PERSON"
    )


def _people_of_a_place(name: str) -> bool:
    """ "Coloradans", "Floridians", "Burundians", "Yekaterinburgers": the people of a listed place."""
    if " " in name:
        return False
    if name.endswith(("er", "ers")):
        return name.removesuffix("s")[:-2] in PLACES  # "Londoner", "Yekaterinburgers"
    if not name.endswith("ans"):
        return False
    stem = name[:-4] if name.endswith("ians") else name[:-3]
    return len(stem) >= 4 and any(place.startswith(stem) for place in _SINGLE_WORD_PLACES)


def _listed(name: str, known_people: frozenset[str]) -> bool:
    return name in ORGANISATIONS or name in PLACES or name in NATIONALITIES or name in known_people


# What the article says around a word spelled with a capital inside that only a body does: it has a founder or a
# spokesperson, speaks, acts or employs someone ("SpaceX founder Elon Musk", "CalFire requested", "working for
# NationsBank", "UOKiK, the Polish anti-monopoly agency,"); a system or a plan ("CentOS", "EastMed") does none of these
_BODY_DOES_AFTER = (
    r"\)?(?:(?:['\u2019]s)?\s+(?:founder|co-?founder|CEO|chief|spokes(?:man|woman|person)|officials?|employees|staff"
    r"|said|says|told|stated|announced|reported|requested|indicated|listed|called|tested|found"
    # "the RealClearPolitics average": what a body measures in its name
    r"|(?:head-to-head )?(?:polling )?(?:average|poll|polls|survey))"
    r"|(?:,| is) (?:the|an?) [\w -]{0,40}?(?:agency|company|firm|airline|website|watchdog|regulator|bank|newspaper))\b"
)
_BODY_DOES_BEFORE = (
    r"\b(?:(?:official|officials|spokes(?:man|woman|person)) (?:from|at|of)|working for|according to"
    r"|(?:measured|conducted|compiled|published|owned|operated) by) "
)
_PLURAL_OF_INITIALS = re.compile(r"[A-Z]+s")


def type_bodies_named_in_one_word(entity_lists: list[list[dict[str, str]]], body: str) -> None:
    """A word with a capital inside left MISC is a body where the article writes it as one ("SpaceX", "CalFire",
    "WalesOnline"), not initials in the plural ("MPs said")."""
    candidates = {
        entity["text"]
        for entities in entity_lists
        for entity in entities
        if entity["type"] == "MISC"
        and " " not in entity["text"]
        and _CAPITAL_INSIDE.match(entity["text"])
        and not _PLURAL_OF_INITIALS.fullmatch(entity["text"])
    }
    if not candidates:
        return
    # "American Airlines and JetBlue are among the airlines": one of a pair with a body is a body
    paired = {
        entity["text"] for entities in entity_lists for entity in entities if entity["type"] == "ORG"
    } - candidates
    bodies = {
        name
        for name in candidates
        if re.search(rf"\b{re.escape(name)}{_BODY_DOES_AFTER}|{_BODY_DOES_BEFORE}{re.escape(name)}\b", body)
        or any(_paired(name, other, body) for other in paired if other in body)
    }
    for entities in entity_lists:
        for entity in entities:
            if entity["type"] == "MISC" and entity["text"] in bodies:
                entity["type"] = "ORG"


# What ends a pair of bodies: "American Airlines and JetBlue are among the airlines", not "Reddit and CentOS project's
# mailing list", where the second name is the owner or maker of a thing
_PAIR_ENDS = r"(?=\s*[,.;:)]|\s+(?:are|were|have|had|both|each|said|say|announced)\b)"


def _paired(name: str, other: str, body: str) -> bool:
    name, other = re.escape(name), re.escape(other)
    return bool(re.search(rf"\b{other} and {name}{_PAIR_ENDS}|\b{name} and {other}{_PAIR_ENDS}", body))


_PLANT_NAMED = re.compile(r"\b(?P<name>[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+){0,2}) (?:power (?:plant|station)|refinery)\b")
# "A fire broke out yesterday at Bontddu Hall": a hall or lodge the article places something at
_BUILDING_NAMED = re.compile(
    r"\b(?:at|in|near|inside|outside) (?:the )?(?P<name>[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+){0,2} (?:Hall|Lodge))\b"
)


def type_plants_named_alone(entity_lists: list[list[dict[str, str]]], body: str) -> None:
    """A name the article writes before "power plant" is that plant, a place, where it stands alone too: "The Costa
    Sur power plant" ... "Costa Sur provided power", not a person whose given name is Costa; so is a hall or lodge
    the article places something at, wherever it names it: "at Bontddu Hall" ... "Bontddu Hall dates to 1873"."""
    plants = {match["name"].removeprefix("The ") for match in _PLANT_NAMED.finditer(body)}
    buildings = {match["name"] for match in _BUILDING_NAMED.finditer(body)}
    for entities in entity_lists:
        for entity in entities:
            if entity["type"] in ("PERSON", "MISC") and (entity["text"] in plants or entity["text"] in buildings):
                entity["type"] = "PLACE"


# "Red Hat decided to EOL (End of Life) Red Hat Linux": initials after a verb that takes another are a verb
_INITIALS_AS_A_VERB = re.compile(
    r"\b(?:decided?|decides|plans?|planned|wants?|wanted|agreed|chose|choose|began|refused|intends?|intended) to"
    r" (?P<initials>[A-Z]{2,5})\b"
)


def type_initials_used_as_verbs(entity_lists: list[list[dict[str, str]]], body: str) -> None:
    """Initials the article uses as a verb are no body's anywhere in it: "decided to EOL" ... "its EOL"."""
    verbs = {match["initials"] for match in _INITIALS_AS_A_VERB.finditer(body)}
    for entities in entity_lists:
        for entity in entities:
            if entity["type"] == "ORG" and entity["text"] in verbs:
                entity["type"] = "MISC"


# "CMD [Chief Health Director]", "HM [Her Majesty]", "DRM (digital rights management, ...)": initials, then what
# they stand for; "Divisional Railway Manager (DRM)", "the International Space Station (ISS)": the other way round
_INITIALS_SPELT_AFTER = re.compile(r"\b(?P<initials>[A-Z]{2,5})\s+[(\[](?P<spelt>[\w' -]{3,80}?)[,)\]]")
_INITIALS_IN_BRACKETS = re.compile(r" [(\[](?P<initials>[A-Z]{2,5})[)\]]")
_POST_WORDS = TITLES | ROLE_HEADS | words("Majesty Highness Director Manager")


def _kind_spelt(initials: str, words_spelt: list[str], kinds: dict[str, str]) -> str | None:
    """The kind of what `initials` stand for where it is no body: a post, a thing written in lower case, or a
    name the article gives another kind."""
    spelt = " ".join(words_spelt)
    if all(word[0].isupper() for word in words_spelt) and words_spelt[-1] in _POST_WORDS:
        return "MISC"  # a post, even where the initials are of another wording ("CMD [Chief Health Director]")
    if "".join(word[0] for word in words_spelt).upper() != initials:
        return None
    if spelt.islower():
        return "MISC"
    kind = kinds.get(spelt) or next((e["type"] for e in find_entities(spelt) if e["text"] == spelt), None)
    return kind if kind in ("MISC", "PLACE") else None


def type_initials_of_posts_and_things(entity_lists: list[list[dict[str, str]]], body: str) -> None:
    """Initials the article spells out as a post, a thing or a place are no body's anywhere in it: "CMD [Chief
    Health Director]" ... "My CMD", "Divisional Railway Manager (DRM)" ... "become DRM", "the International Space
    Station (ISS)" ... "aboard the ISS", "CERB (Canada Emergency Response Benefit)"."""
    if "(" not in body and "[" not in body:
        return
    kinds = {entity["text"]: entity["type"] for entities in entity_lists for entity in entities}
    spelt_kinds: dict[str, str] = {}
    for match in _INITIALS_SPELT_AFTER.finditer(body):
        words_spelt = match["spelt"].split()[: len(match["initials"])]
        if words_spelt and (kind := _kind_spelt(match["initials"], words_spelt, kinds)):
            spelt_kinds.setdefault(match["initials"], kind)
    for match in _INITIALS_IN_BRACKETS.finditer(body):
        words_spelt = body[max(0, match.start() - 100) : match.start()].split()[-len(match["initials"]) :]
        if words_spelt and (kind := _kind_spelt(match["initials"], words_spelt, kinds)):
            spelt_kinds.setdefault(match["initials"], kind)
    for entities in entity_lists:
        for entity in entities:
            if entity["type"] == "ORG" and entity["text"] in spelt_kinds:
                entity["type"] = spelt_kinds[entity["text"]]
