"""Word lists the rules use. None names a person or place from any document: they describe how English
reports name schools, streets and settings, and which capitalised words are never names."""

NATIONALITIES = (
    (
        "Afghan Albanian Algerian Angolan Bangladeshi Bengali Brazilian Bulgarian Burmese Chinese Colombian "
        "Congolese Cypriot Czech Egyptian Eritrean Ethiopian Filipino Gambian Ghanaian Greek Hungarian Indian "
        "Iranian Iraqi Ivorian Jamaican Kenyan Kosovan Kurdish Latvian Lithuanian Malaysian Moroccan Nepalese "
        "Nigerian Pakistani Palestinian Polish Portuguese Romanian Russian Rwandan Senegalese Sierra-Leonean "
        "Slovak Somali Sri Lankan Sudanese Syrian Tamil Tanzanian Turkish Ugandan Ukrainian Vietnamese Yemeni "
        "Zambian Zimbabwean Caribbean Trinidadian Barbadian Grenadian Guyanese Bajan Sikh-Punjabi Punjabi Gujarati "
        "Roma Romany Gypsy Traveller"
    )
    .replace("Sri Lankan", "Sri_Lankan")
    .split()
)
ETHNICITIES = [n.replace("_", " ") for n in NATIONALITIES] + [
    "White British",
    "White Irish",
    "White Other",
    "White European",
    "White and Black Caribbean",
    "White and Black African",
    "White and Asian",
    "mixed White and Black Caribbean",
    "Mixed White and Black Caribbean",
    "mixed White and Black African",
    "mixed White and Asian",
    "mixed heritage",
    "dual heritage",
    "Black British",
    "Black Caribbean",
    "Black African",
    "Black Other",
    "Asian British",
    "British Asian",
    "British Pakistani",
    "British Bangladeshi",
    "British Indian",
    "Black British Caribbean",
    "Irish Traveller",
    "Gypsy Roma Traveller",
    "Turkish Cypriot",
    "Greek Cypriot",
    "Sierra Leonean",
    "Irish",
    "Scottish",
    "Welsh",
]
RELIGIONS = [
    "Muslim",
    "Muslims",
    "Shia Muslim",
    "Sunni Muslim",
    "Shia",
    "Sunni",
    "Islam",
    "Islamic faith",
    "Christian",
    "Christians",
    "Catholic",
    "Catholics",
    "Roman Catholic",
    "Roman Catholics",
    "Jewish",
    "Orthodox Jewish",
    "Haredi",
    "Hindu",
    "Hindus",
    "Sikh",
    "Sikhs",
    "Buddhist",
    "Buddhists",
    "Jehovah's Witness",
    "Jehovah's Witnesses",
    "Jehovah’s Witness",
    "Jehovah’s Witnesses",
    "Pentecostal",
    "Seventh-day Adventist",
    "Seventh-day Adventists",
    "Seventh Day Adventist",
    "Anglican",
    "Methodist",
    "Baptist",
    "Evangelical",
    "Rastafarian",
    "Rastafari",
    "Quaker",
    "Mormon",
    "Greek Orthodox",
    "Russian Orthodox",
    "Coptic",
    "Eastern Orthodox",
    "Orthodox Christian",
    "Free Church",
    "Free Presbyterian",
    "Presbyterian",
    "Church of Scotland",
    "Deobandi",
    "Barelvi",
    "Salafi",
    "Sufi",
    "Ismaili",
    "Zoroastrian",
    "Jain",
]

# Keyword ending a name -> type. Title case; a few are matched in lower case too (LOWER_CASE_KEYWORDS).
INSTITUTION_KEYWORDS = {
    "School": "SCHOOL",
    "Academy": "SCHOOL",
    "College": "SCHOOL",
    "Nursery": "SCHOOL",
    "Pupil Referral Unit": "SCHOOL",
    "Sixth Form": "SCHOOL",
    "Infants": "SCHOOL",
    "Hospital": "HEALTH_SETTING",
    "Surgery": "HEALTH_SETTING",
    "Medical Centre": "HEALTH_SETTING",
    "Health Centre": "HEALTH_SETTING",
    "Medical Practice": "HEALTH_SETTING",
    "Practice": "HEALTH_SETTING",
    "Clinic": "HEALTH_SETTING",
    "Hospice": "HEALTH_SETTING",
    "Child Development Centre": "HEALTH_SETTING",
    "Infirmary": "HEALTH_SETTING",
    "Hotel": "PLACE",
    "Inn": "PLACE",
    "Lodge": "PLACE",
    "Guest House": "PLACE",
    "B&B": "PLACE",
    "Hostel": "PLACE",
    "Estate": "PLACE",
    "Park": "PLACE",
    "Station": "PLACE",
    "Library": "PLACE",
    "Church": "PLACE",
    "Chapel": "PLACE",
    "Cathedral": "PLACE",
    "Mosque": "PLACE",
    "Temple": "PLACE",
    "Gurdwara": "PLACE",
    "Mandir": "PLACE",
    "Masjid": "PLACE",
    "Madrasa": "PLACE",
    "Madrassa": "PLACE",
    "Kingdom Hall": "PLACE",
    "Meeting House": "PLACE",
    "Synagogue": "PLACE",
    "Ministries": "PLACE",
    "Children's Home": "PLACE",
    "Children’s Home": "PLACE",
    "Centre": "PLACE",
    "House": "PLACE",
    "Foyer": "PLACE",
    "Youth Club": "PLACE",
    "Club": "PLACE",
    "Café": "PLACE",
    "Cafe": "PLACE",
    "Association": "PLACE",
    "Pub": "PLACE",
    "Arms": "PLACE",
    "Tavern": "PLACE",
    "Cottage": "PLACE",
    "Extra": "PLACE",
    "Superstore": "PLACE",
    "Market": "PLACE",
    "Primary": "SCHOOL",
    "Prison": "PLACE",
    "YOI": "PLACE",
    "Young Offender Institution": "PLACE",
    "Secure Training Centre": "PLACE",
    "Custody Suite": "PLACE",
    "Hub": "PLACE",
    "Recreation Ground": "PLACE",
    "Rec": "PLACE",
    "Playing Fields": "PLACE",
    "Common": "PLACE",
    "Barbers": "PLACE",
    "Nails": "PLACE",
    "Nail Bar": "PLACE",
    "Car Wash": "PLACE",
    "Launderette": "PLACE",
    "Barber Shop": "PLACE",
    "Salon": "PLACE",
    "Stores": "PLACE",
    "Store": "PLACE",
    "Supermarket": "PLACE",
    "Newsagents": "PLACE",
    "Off Licence": "PLACE",
    "Takeaway": "PLACE",
    "Kebabs": "PLACE",
    "Chicken": "PLACE",
    "Refuge": "PLACE",
    "Shelter": "PLACE",
    "Gym": "PLACE",
    "Leisure Centre": "PLACE",
    "Farm": "PLACE",
    "Woods": "PLACE",
    "Flats": "PLACE",
    "Towers": "PLACE",
    "Tower": "PLACE",
    "Playground": "PLACE",
    "Skatepark": "PLACE",
    "Arcade": "PLACE",
    "Cinema": "PLACE",
    "Pier": "PLACE",
    # more kinds of small place, each a keyword a name ends with
    "Interchange": "PLACE",
    "Approved Premises": "PLACE",
    "Supported Lodgings": "PLACE",
    "Food Bank": "PLACE",
    "Foodbank": "PLACE",
    # (helper anon9: kinds the sixth and seventh blind sets named settings by)
    "Secondary": "SCHOOL",
    "First School": "SCHOOL",
    "Middle School": "SCHOOL",
    "Upper School": "SCHOOL",
    "ELC": "SCHOOL",
    "Hospital Education Service": "SCHOOL",
    "Jobcentre": "PLACE",
    "Social Work Office": "PLACE",
    "Tabernacle": "PLACE",
    "Museum": "PLACE",
    "Training Ground": "PLACE",
    "Beauty Palace": "PLACE",
    "Pizza Palace": "PLACE",
    "Soft Play": "PLACE",
    "Sports Hall": "PLACE",
    "Contact Centre": "PLACE",
    "FC": "PLACE",
    "AFC": "PLACE",
    "ARLFC": "PLACE",
    "RFC": "PLACE",
    "Grill": "PLACE",
    "Garage": "PLACE",
    "Brownies": "PLACE",
    "Scouts": "PLACE",
    "Guides": "PLACE",
    "Caravan Site": "PLACE",
    "Traveller Site": "PLACE",
    # youth and community settings named by a place ("Knowle West Youth Zone", "Brookside Youth Project")
    "Youth Zone": "PLACE",
    "Youth Project": "PLACE",
    "Youth Centre": "PLACE",
    "Civic Suite": "PLACE",
}
# Shop and food chains: a chain's name alone is a named place ("outside Tesco Express", "at the Spar").
CHAINS = frozenset(
    """Tesco Sainsbury's Sainsbury’s Asda Morrisons Aldi Lidl Co-op Spar Costcutter Londis Nisa Budgens Iceland
    Waitrose Greggs McDonald's McDonald’s KFC Subway Starbucks Costa Primark Boots Superdrug Argos Poundland Wilko
    Farmfoods Travelodge Nando's Nando’s Pret Wetherspoons Spoons Currys Matalan McDonalds Maccies Domino's
    Domino’s""".split()
    + ["Caffè Nero", "Caffe Nero", "Burger King", "Pizza Hut", "JD Sports", "Sports Direct", "Home Bargains", "TK Maxx"]
)
LOWER_CASE_KEYWORDS = (
    "railway station",
    "bus station",
    "train station",
    "tube station",
    "hotel",
    "estate",
    "station",
    "surgery",
    "hostel",
    "park",
    "mosque",
    "church",
    "pub",
    "custody suite",
    "custody",
    "leisure centre",
    "police station",
    "rec",
    "recreation ground",
    "playing fields",
    "community centre",
    "youth club",
    "shop",
    "shopping centre",
    "leisure centre",
    "skate park",
    "retail park",
    "playground",
    "flats",
    "tower block",
    "chicken shop",
    "chip shop",
    "takeaway",
    "barbers",
    "off licence",
    "newsagents",
    "public house",
    "garage",
    "petrol station",
    "traveller site",
    "caravan site",
    "food bank",
    "car park",
)

STREET_SUFFIXES = (
    "Road",
    "Street",
    "Lane",
    "Avenue",
    "Close",
    "Drive",
    "Way",
    "Gardens",
    "Grove",
    "Place",
    "Crescent",
    "Terrace",
    "Court",
    "Square",
    "Hill",
    "Rise",
    "Walk",
    "Row",
    "Mews",
    "Green",
    "Parade",
    "Vale",
    "Gate",
    "Wharf",
    "Yard",
    "Passage",
    "Broadway",
    "Embankment",
    "Quay",
    "Mansions",
    "Buildings",
    "Cottages",
    "Rd",
    "St",
    "Approach",
    "View",
    "Heights",
    "Meadows",
    "Chase",
    "Croft",
    "Mount",
    "Circus",
    "Boulevard",
    "Path",
    "Brow",
    "Wynd",
    "Ave",
    "Cres",
)

# Names ending in a street word that are courts of law or institutions, not addresses.
NOT_AN_ADDRESS_LAST_WORDS = frozenset(
    {
        "Crown",
        "Family",
        "Youth",
        "High",
        "County",
        "Magistrates",
        "Magistrates'",
        "Criminal",
        "Coroner's",
        "Coroners",
        "Supreme",
        "Appeal",
        "Downing",
        "Working",
    }
)
NOT_A_PLACE = frozenset({"Working Together", "Houses of Parliament", "Companies House"})

# Words that, when they are all a name has before its keyword, make it a service, not a named place.
GENERIC_SERVICE_WORDS = frozenset(
    """a an the sexual assault referral child children children's childrens development family families
    safeguarding health mental youth offending service services emergency duty social care multi agency
    hub unit team national local community early help special primary secondary virtual authority looked
    after missing persons exploitation pupil infant infants junior nursery high grammar independent school
    schools general district city county university teaching medical practice gp surgery clinic hospital
    centre center police housing homeless government public voluntary parent parents residential secure
    foster fostering adoption private state maintained free faith new main central our their his her this
    that its sure start sure-start leisure shopping community youth sports day night home homes hostel
    care-leavers leaving supported accommodation refuge women's womens domestic abuse victim victims
    national crime agency probation prison prisons court courts magistrates crown hm hmp integrated board
    partnership partnerships designated named lead consultant a&e accident emergency maternity neonatal
    paediatric paediatrics walk-in urgent treatment sexual-health contraception drug alcohol recovery
    complex contextual adolescent adolescents multi-agency front door exploitation ward unit wards custody suite
    offender institution training resource arts learning""".split()
)

# Capitalised words that are never (the start of) a proper name in these reports.
COMMON_CAPITALISED = frozenset(
    """The A An This That These Those Her His Their Our My Your Its He She They We I It In On At By For From
    To With When Where While After Before During Between Following Of And Or But If As Then There Here
    Mum Dad Mother Father Child Baby Dear Yours Present Apologies Date Agency Police School Health Social
    Care Services Service Council Board Partnership Panel Review Learning Key Practice Episode Timeline
    Address Summary Subject Partner Sibling Children Referral Contact Information Officer Rapid Previous
    Registered Mobile Telephone Tel Email E-mail Phone Sister Brother Aunt Uncle Nan Grandmother Grandfather
    Stepfather Stepmother Daughter Cousin Niece Nephew Husband Wife Boyfriend Girlfriend Auntie Aunty
    Stepdad Stepmum Social Worker Visit Home Family Families Local National Safeguarding Early Help
    Youth Offending Emergency Duty Team Manager Head Chief Independent Designated Named Lead Nurse Doctor
    Consultant GP NHS CAMHS MASH YOS ED A&E CSC LSCB SSCB LADO MARAC MAPPA IDVA SCR CSPR DCS Ofsted DfE
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Year Term Autumn Spring Summer Winter Christmas Easter
    Children's Childrens Young People Adult Adults Unit Department Directorate Trust Foundation
    Group Subgroup Committee Executive Strategic Operational Appendix Section Paragraph Table Figure
    Recommendation Recommendations Finding Findings Conclusion Conclusions Introduction Background
    Methodology Terms Reference Agencies Agency's Professionals Practitioners Staff Mr Mrs Ms Miss Dr DC
    PC DS DI DCI Sgt Cllr Prof Rev Mx No Not All Any Each Every Some Both Other Another One Two Three
    Four Five Six Seven Eight Nine Ten First Second Third Last Next New Also However Although Because
    Since Until Unless Whether Which Who Whom Whose What Why How Today Yesterday Tomorrow Please Thank""".split()
)

# Weekdays as notes shorten them ("Tues 3rd Oct"): never a name.
COMMON_CAPITALISED = COMMON_CAPITALISED | frozenset("Mon Tue Tues Wed Weds Thu Thur Thurs Fri Sat Sun".split())

# Capitalised words that are never a person's name, though a model or a name list may take them for one:
# pronoun-like words, what children call their parents, apps and languages.
NOT_PERSON_WORDS = frozenset(
    """Nobody Somebody Everybody Anybody Someone Everyone Anyone Noone Daddy Mummy Mommy Mammy Mamma Nanny
    Nanna Grandad Granddad Grandma Grandpa Gran Grandmother Grandfather Snapchat Instagram WhatsApp Whatsapp
    Facebook TikTok Tiktok YouTube Youtube Twitter Messenger Telegram Google Xbox PlayStation Fortnite Roblox Line
    Discord Wizz Yubo Omegle Tinder Grindr Uber Amazon Specialist Practitioner
    Assistant Advocate Visitor Protection Abuse Investigation Exploitation English Urdu Punjabi Bengali Sylheti
    LanguageLine Thebigword Coordinator Co-ordinator
    Romani Arabic Tigrinya Amharic Pashto Dari Farsi Tamil Gujarati Hindi Mandarin Cantonese Twi Yoruba Igbo
    Hausa Swahili Lingala Krio Patois Creole Chair Chairs Vice-Chair
    London England Britain Scotland Wales Ireland Europe""".split()
)
# A name the model or a rule finds that ends in one of these is a team or an organisation, not a person.
ORG_TAIL_WORDS = frozenset(
    """Team Teams Unit Units Service Services Investigation Agency Trust Council Police Board Hub Panel Project
    Programme Centre Center Protection Partnership Department Directorate Group Office Court Committee""".split()
)
# Inside a named place, between its name and its keyword: "Birmingham Children's Hospital", "Kingsdale
# Foundation School", "Ann Bernadt Children and Family Centre", "Camberwell New Road".
MIDDLE_WORDS = frozenset(
    """Children's Children’s Childrens Children Family Families Women's Women’s Young People Community
    Foundation New Old Great Little North South East West Upper Lower High Royal General Memorial Learning
    Youth Community Sports Leisure Resource Arts Police Secure Training Offender Young""".split()
)
# Names that end with one of these (possibly after "NHS") are agencies: parties to a review, never replaced.
AGENCY_SUFFIXES = (
    "NHS Foundation Trust",
    "NHS Trust",
    "Foundation Trust",
    "Clinical Commissioning Group",
    "Clinical Commissioning Groups",
    "Integrated Care Board",
    "Integrated Care System",
    "Council",
    "Police",
    "Constabulary",
    "Police Service",
    "Fire and Rescue Service",
    "Healthcare",
    "Health Care",
    "Children's Trust",
    "Children’s Trust",
    "Probation Service",
    "Safeguarding Partnership",
    "Safeguarding Children Partnership",
    "Safeguarding Children Board",
)

# Abbreviations of agencies, services, roles, meetings and things that are written in capitals like a
# person's initials: "CSC agreed", "the LADO said", "ED to be informed". Initials that are none of these,
# written where a person stands ("YD said", "by KM", "DM (Chair)"), are a person's.
ACRONYMS = frozenset(
    """SW DSL DDSL HV TA HLTA IDVA ISVA YOT YOS YJS YJB GP GPs ED AE SENCO SENCo CP CIN LAC CLA IRO LADO MASH CAMHS PC
    DC DS DI DCI DSU DCS PCSO OIC SIO FLO NHS CSC EH FSW PA SGO ICPC RCPC CPC TAC TAF DV DA NFA NB PS UK CCTV ASB CSE
    CCE CEOP ABE BWV PNC CID CAIT MARAC MAPPA MACE FGM ENT ICU PICU NICU SCBU ITU HDU OT SALT EP SLT SMT HOY KS EHCP
    SEN SEND ADHD ASD PTSD UTI BMI GCSE NEET EET PRU AP LA DfE CCG ICB CAF EHA FIP FGC CAO EPO PPO DBS LSCP SCR CSPR
    LCSPR NSPCC ISP CPS YOI STC SCH HMP HMYOI BTP NCA USA EU TV OK ID AM PM IT HR QA RAG KPI BME BAME LGBT LGBTQ CEO
    MP ICO GDPR FOI DPA RE PE ICT DT PHSE PSHE RSE SRE MFL UCAS ESOL EAL ESL NVQ BTEC DLA PIP UC ESA JSA DWP HMRC NI
    SMS MGM MGF PGM PGF MGGM PGGM ISW CG PLO CAFCASS CAFCAS LAA SPOC DASH RIC MSP MSB MIU UCC AMHP MHA DOLS DoLS CQC
    SRCW RCW IOPC HMIC HMICFRS DHR SAR SAB CYP CYPS FE HE UN AA NA ACE ACEs SEMH SLCN PMLD MLD SLD VI HI ASC OCD
    BPD EUPD
    CBT DBT EMDR IAPT PPE PPI NEP NRM SFH LSCB SSCB GMP MPS TVP WMP BT EE BBC ITV IQ RTC RTA ICT AWOL MFH MP3 CSA
    CSEM IIOC PIN URN UPN ULN CRN MRN DOB NOK EDD DNA WNB MMR BCG IV IM EEG MRI CT ECG XR ENT GUM TOP STI HIV
    DVLA DVD DJ MC USB SIM IP VPN URL PDF FAQ ETA AKA RIP ASAP PS PPS NW NE SW SE EDT EDS OOH IOM
    YP YPs CYP UASC CME EHE PEP VS EWO EWS EBSA CWD SPA PSO SENDCo HT DHT AHT FT KW TM SS CS DO CO CEO DPO GCSEs
    TBC TBA TBD FYI AOB TOR ToR WIP NFA RSVP PTO""".split()
)
ROMAN_NUMERALS = frozenset("II III IV VI VII VIII IX XI XII XIII XIV XV XX".split())
# Hotel brands written without the word hotel ("found at the Ibis", "the Travelodge by the ring road"):
# a list of brands, as the keywords are a list of kinds.
HOTEL_CHAINS = frozenset(
    """Ibis|Ibis Budget|Ibis Styles|Travelodge|Hilton|DoubleTree|Radisson|Radisson Blu|Novotel|Mercure|Marriott|
    Sheraton|Crowne Plaza|Holiday Inn|Holiday Inn Express|Best Western|Britannia|Jurys Inn|Premier Inn|Motel One|
    Days Inn|Hampton by Hilton|DoubleTree by Hilton|
    Sleeperz|YHA|Ramada|Wyndham|Hyatt|Copthorne|Thistle|Malmaison|Hotel du Vin|Park Plaza|Village Hotel|
    Citadines|Staycity|Sofitel|Pullman|Innkeeper's Lodge|Innkeeper’s Lodge|OYO""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
# Shopping centres known by their name alone ("seen at the Bullring", "worked at Meadowhall").
SHOPPING_CENTRES = frozenset(
    """Bullring|Westfield|Meadowhall|Merry Hill|Bluewater|Lakeside|Arndale|Metrocentre|MetroCentre|Cribbs Causeway|
    Brent Cross|Eldon Square|Liverpool One|Touchwood|Grand Central|Mailbox|Fosse Park|White Rose|Highcross|
    Cabot Circus|Drake Circus|Broadmarsh|Trinity Leeds|Silverburn|Braehead|Intu""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)

# Words a number follows as a reference, not an age: "Section (2)", "Appendix (3)", "Room 4".
NUMBERED_WORDS = frozenset(
    """Section Sections Schedule Paragraph Para Appendix Annex Stage Level Step Chapter Part Article Rule
    Regulation Key Page Item Point Question Box Figure Table Line Note Version Phase Tier Grade Band Form Class
    Room Flat Unit Block Floor Ward Bay Bed Case Standard Principle Recommendation Finding Action Priority""".split()
)
# More kinds of school and health setting, as names end (issue 16): early years, short forms, faith schools,
# pupil referral units; pharmacies, dentists, walk-in and urgent care, group practices, "X General".
MORE_SETTING_KEYWORDS = {
    "Pre-School": "SCHOOL",
    "Pre-school": "SCHOOL",
    "Preschool": "SCHOOL",
    "Playgroup": "SCHOOL",
    "Play Group": "SCHOOL",
    "Kindergarten": "SCHOOL",
    "Montessori": "SCHOOL",
    "PRU": "SCHOOL",
    "Pri": "SCHOOL",
    "Prim": "SCHOOL",
    "Prep": "SCHOOL",
    "Yeshiva": "SCHOOL",
    "Yeshivah": "SCHOOL",
    "Madrassa": "SCHOOL",
    "Madrasa": "SCHOOL",
    "Madrasah": "SCHOOL",
    "High": "SCHOOL",
    "Grammar": "SCHOOL",
    "JIN": "SCHOOL",
    "J&I": "SCHOOL",
    "UTC": "SCHOOL",
    "Pharmacy": "HEALTH_SETTING",
    "Chemist": "HEALTH_SETTING",
    "Chemists": "HEALTH_SETTING",
    "Dental Care": "HEALTH_SETTING",
    "Dental Centre": "HEALTH_SETTING",
    "Dental Institute": "HEALTH_SETTING",
    "Dental Surgery": "HEALTH_SETTING",
    "Urgent Care Centre": "HEALTH_SETTING",
    "Urgent Treatment Centre": "HEALTH_SETTING",
    "Walk-in Centre": "HEALTH_SETTING",
    "Walk-In Centre": "HEALTH_SETTING",
    "Treatment Centre": "HEALTH_SETTING",
    "Birth Centre": "HEALTH_SETTING",
    "Wellbeing Centre": "HEALTH_SETTING",
    "Health & Wellbeing Centre": "HEALTH_SETTING",
    "Health and Wellbeing Centre": "HEALTH_SETTING",
    "Group Practice": "HEALTH_SETTING",
    "Family Practice": "HEALTH_SETTING",
    "Medical Group": "HEALTH_SETTING",
    "Sexual Assault Referral Centre": "HEALTH_SETTING",
    "General": "HEALTH_SETTING",
    "Maternity Unit": "HEALTH_SETTING",
    "Minor Injuries Unit": "HEALTH_SETTING",
}
# Keywords that end a name only when no capitalised word follows ("Calder High", not "High Street").
MORE_OPEN_KEYWORDS = frozenset({"High", "General", "Grammar", "Prep", "Pri", "Prim", "Montessori"})
# Capitalised words before "High" or "General" that make it something else: a risk level, an office.
NOT_BEFORE_HIGH_OR_GENERAL = frozenset(
    """Very Medium Low Risk Attorney Secretary Director Solicitor Surgeon Postmaster Inspector Comptroller
    Registrar Accountant Governor Consul Vicar Major Lieutenant Brigadier Adjutant Quartermaster""".split()
)
# Religions as forms and records write them.
MORE_RELIGIONS = [
    "C of E",
    "CofE",
    "Church of England",
    "Church of Scotland",
    "Orthodox",
    "Orthodox Christian",
    "Eritrean Orthodox",
    "Ethiopian Orthodox",
    "Pentecostalist",
    "Born-again Christian",
    "Evangelical Christian",
    "Jain",
    "Zoroastrian",
    "Baha'i",
    "Bahá'í",
    "Ahmadiyya",
    "Alevi",
    "Plymouth Brethren",
    "Exclusive Brethren",
    "Latter-day Saints",
    "Christian Scientist",
    "Judaism",
    "Hinduism",
    "Sikhism",
    "Buddhism",
    "Christianity",
    "Catholicism",
    "Rastafarianism",
]
# Nouns after which an ethnicity or nationality word names a thing, a body or a place, not a person's
# ethnicity: "Polish Family Association", "Turkish barber's", "the Nigerian High Commission".
NOT_ETHNICITY_AFTER = frozenset(
    """Association Society Centre Center Church Embassy Consulate Council Community Club School Network Project
    Group Trust Mission Federation Forum Alliance Foundation Police Government Airways Airlines Sea Ocean
    Restaurant Takeaway Shop Deli Supermarket Store Food Cuisine Cafe Café Saturday Sunday Service Services
    Advice Support Welfare Women's Women’s Refugee Cultural Culture Centre Festival New Year High Commission
    Ministry Army Navy Football Cup League Press Times Channel Television TV Radio Bank Street Road Quarter
    restaurant takeaway shop deli supermarket store food cuisine cafe barber barbers barber's community
    centre church embassy consulate government army sea ocean food dish dishes flag passport embassy""".split()
)
# Nouns that make a colour or a group word before them a person's ethnicity ("a white male", "two Asian males").
PERSON_NOUNS = (
    "male|males|female|females|man|men|woman|women|boy|boys|girl|girls|youth|youths|lad|lads|teenager|"
    "teenagers|child|children|baby|family|families|person|people|adult|adults|suspect|suspects|driver|youngster"
)
# "Oldham Child and Family Clinic": "Child" may sit inside a setting's name.
MIDDLE_WORDS = MIDDLE_WORDS | frozenset({"Child"})
MORE_SETTING_KEYWORDS.update(
    {
        "Juniors": "SCHOOL",
        "JMI": "SCHOOL",
        "Acad": "SCHOOL",
        "Sch": "SCHOOL",
        "Comprehensive": "SCHOOL",
        "Alternative Provision": "SCHOOL",
        "Dentists": "HEALTH_SETTING",
        "Opticians": "HEALTH_SETTING",
        "Midwife-led Unit": "HEALTH_SETTING",
    }
)
MORE_OPEN_KEYWORDS = MORE_OPEN_KEYWORDS | frozenset({"Comprehensive", "Acad", "Sch"})
# Nationalities and groups the first list lacks, and the ways records describe mixed heritage.
MORE_ETHNICITIES = (
    """Italian Spanish French German American Canadian Australian Lebanese Libyan Tunisian Cameroonian Malawian
    Liberian Guinean Malian Croatian Serbian Bosnian Moldovan Belarusian Georgian Armenian Chechen Saudi Kuwaiti
    Jordanian Thai Cambodian Indonesian Korean Japanese Mongolian Kashmiri Mirpuri Pashtun Hazara Oromo Amhara
    Tigrayan Yoruba Igbo Akan Fulani Dominican Cuban Mexican Ecuadorian Peruvian Venezuelan Bolivian Chilean
    Argentinian Vincentian Kittitian Antiguan Belizean Haitian Estonian Macedonian Montenegrin Slovenian Austrian
    Swiss Dutch Belgian Swedish Danish Norwegian Finnish Icelandic Maltese Kurd Kurds GRT Romanichal""".split()
    + [
        "South African",
        "Romany Gypsy",
        "mixed parentage",
        "mixed ethnicity",
        "multiple heritage",
        "multi-racial",
        "biracial",
        "mixed race",
        "Mixed race",
        "Northern Irish",
    ]
)
NOT_ETHNICITY_AFTER = NOT_ETHNICITY_AFTER | frozenset(
    """measles windows toast roll fries bread doors heels wave house houses terrace terraces building buildings
    era style architecture period square Square Terrace Republic Relief Aid Care Agency Diocese Board liaison
    Liaison team Team service officer worker workers network forum site sites Site Sites Movement Education
    women's women’s men's men’s
    pitch pitches mass""".split()
)
# After a faith word, the nouns that make it a body's name ("Catholic Children's Society", "Islamic Relief").
NOT_RELIGION_AFTER = frozenset(
    """Society Association Trust Council Network Federation Foundation Relief Aid Care Agency Diocese Board Forum
    Alliance Mission Children's Children’s Women's Women’s Youth""".split()
)
# Sixth round of issue 16: settings whose name ends in these words (care homes, a town hall, a post office, a
# taxi firm, a lounge bar, a grocer's, a fellowship or mission, a suite where children are interviewed).
MORE_SETTING_KEYWORDS.update(
    {
        "Care Home": "PLACE",
        "Nursing Home": "PLACE",
        "Residential Home": "PLACE",
        "Town Hall": "PLACE",
        "Post Office": "PLACE",
        "Lounge": "PLACE",
        "Grocers": "PLACE",
        "Grocer's": "PLACE",
        "Cars": "PLACE",
        "Taxis": "PLACE",
        "Kitchen": "PLACE",
        "Fair": "PLACE",
        "Fellowship": "PLACE",
        "Mission": "PLACE",
        "Priory": "PLACE",
        "Suite": "PLACE",
        "Baby Bank": "PLACE",
        "Mental Health Team": "HEALTH_SETTING",
        "Primary Care": "HEALTH_SETTING",
        "Community Hall": "PLACE",
        "Village Hall": "PLACE",
        "Church Hall": "PLACE",
        "Parish Hall": "PLACE",
        "Scout Hut": "PLACE",
    }
)
MORE_OPEN_KEYWORDS = MORE_OPEN_KEYWORDS | frozenset({"Primary Care", "Fair"})
LOWER_CASE_KEYWORDS = LOWER_CASE_KEYWORDS + ("care home", "tram stop", "bus stop")
# Seventh round of issue 16 (helper anon7): the words a shop's, a food business's, a site's or an open
# space's name ends with ("Rye Lane Mini Mart", "Bedfont Food & Wine", "Holbeck Moor", "Fletton Quays",
# "Tamworth Road Transit Site", "St Mary's SARC"), each a kind of setting, not the wording of one passage.
MORE_SETTING_KEYWORDS.update(
    {
        "Mart": "PLACE",
        "Mini Mart": "PLACE",
        "Minimart": "PLACE",
        "Pizza": "PLACE",
        "Pizzeria": "PLACE",
        "Fish Bar": "PLACE",
        "Chippy": "PLACE",
        "Food & Wine": "PLACE",
        "Food and Wine": "PLACE",
        "Grocery": "PLACE",
        "Butchers": "PLACE",
        "Butcher's": "PLACE",
        "Bakery": "PLACE",
        "Dining Rooms": "PLACE",
        "Shop": "PLACE",
        "Cost Cutter": "PLACE",
        "Transit Site": "PLACE",
        "Site": "PLACE",
        "Probation Office": "PLACE",
        "Moor": "PLACE",
        "Heath": "PLACE",
        "Quay": "PLACE",
        "Quays": "PLACE",
        "Flyover": "PLACE",
        "Allotments": "PLACE",
        "Lido": "PLACE",
        "SARC": "HEALTH_SETTING",
        "Mental Health Unit": "HEALTH_SETTING",
    }
)
