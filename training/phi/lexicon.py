"""Hand-written word lists for the synthetic PHI notes (training/phi/generate.py).

Names faker has no Latin-script source for (Gulf Arabic, Maori/Pacific, Korean, Filipino, Malay, Singapore
Chinese/Indian), street and area names for Singapore and the Gulf, and the hard negatives: eponyms, drugs and
brands, programmes, hospitals, cities, role words, words that are also names. All of it is written here for this
project; nothing is copied from a data set.
"""
from __future__ import annotations

# ---------------------------------------------------------------- names faker lacks (Latin script) -------------
ARAB_FIRST_M = [
    "Mohammed", "Muhammad", "Mohamed", "Ahmed", "Ahmad", "Ali", "Omar", "Khalid", "Abdullah", "Abdulrahman",
    "Abdul Aziz", "Faisal", "Saeed", "Sultan", "Hamad", "Rashid", "Yousef", "Ibrahim", "Hassan", "Hussein", "Tariq",
    "Majed", "Nasser", "Saif", "Mansour", "Fahad", "Turki", "Waleed", "Ziyad", "Mubarak", "Hamdan", "Jassim", "Salem",
    "Obaid", "Khalifa", "Abdulla", "Marwan", "Bader", "Nawaf", "Talal", "Yaser", "Anas", "Bilal", "Karim", "Mahmoud",
    "Mustafa", "Osama", "Samir", "Adel", "Hisham", "Ammar", "Zaid", "Essa", "Eid", "Humaid", "Mishal", "Rakan",
]
ARAB_FIRST_F = [
    "Fatima", "Aisha", "Mariam", "Noura", "Hessa", "Maitha", "Shamma", "Latifa", "Reem", "Sara", "Huda", "Layla",
    "Amal", "Noor", "Hind", "Dana", "Lulwa", "Moza", "Alya", "Sheikha", "Asma", "Khadija", "Zainab", "Salma", "Rania",
    "Yasmin", "Dalal", "Jawaher", "Munira", "Hala", "Afra", "Shaikha", "Mahra", "Wafa", "Nadia", "Lina", "Ghada",
    "Abeer", "Samira", "Rasha", "Hanan", "Manal", "Suad", "Nouf", "Aseel", "Bushra", "Eman", "Ruqaya",
]
ARAB_FAMILY = [
    "Al-Mansouri", "Al Mansoori", "Al-Suwaidi", "Al Shamsi", "Al-Mazrouei", "Al-Ketbi", "Al Hashimi", "Al-Qahtani",
    "Al-Otaibi", "Al-Ghamdi", "Al-Zahrani", "Al-Harbi", "Al-Dosari", "Al-Shehri", "Al-Mutairi", "Al-Kuwari",
    "Al-Sulaiti", "Al-Busaidi", "Al-Balushi", "Al-Hinai", "Al-Rashidi", "Al-Enezi", "Al Falasi", "Al Nuaimi",
    "Al-Marri", "Al-Kaabi", "Al Dhaheri", "Al-Hammadi", "Al-Naqbi", "Al-Jaber", "Al-Ansari", "Al-Amri", "Al-Saadi",
    "Al-Farsi", "Al-Lawati", "Al-Hajri", "Al-Shammari", "Al-Anazi", "Al-Tamimi", "Al-Sayegh", "Haddad", "Khoury",
    "Nassar", "Saleh", "Abbas", "Hamdan", "Mahmoud", "Farouk", "El-Sayed", "Abdel-Rahman", "Bou Khalil", "Hijazi",
    "Darwish", "Qureshi", "Shaheen", "Karam", "Mansour", "Jaber", "Aziz", "El-Masri", "Abu Hamdan", "Bazzi",
]
MAORI_PACIFIC_FIRST_M = [
    "Tama", "Wiremu", "Hemi", "Rawiri", "Kahu", "Tane", "Manaia", "Rangi", "Nikau", "Ariki", "Tamati", "Hone",
    "Mikaere", "Te Ariki", "Paora", "Rewi", "Tipene", "Sione", "Sefo", "Tevita", "Viliami", "Iosefa", "Tavita",
    "Pita", "Semisi", "Feleti", "Lopeti", "Sosefo", "Tui", "Mose", "Ioane", "Afa", "Faamoe", "Keanu",
]
MAORI_PACIFIC_FIRST_F = [
    "Aroha", "Mere", "Ngaire", "Moana", "Anahera", "Hine", "Kiri", "Pania", "Awhina", "Marama", "Huia", "Ataahua",
    "Hana", "Wikitoria", "Losa", "Mele", "Ana", "Malia", "Losaline", "Talia", "Lani", "Leilani", "Salote", "Sina",
    "Fetu", "Lagi", "Seini", "Lupe", "Vai", "Ofa", "Kalolaine", "Tiare", "Manu", "Ngaio",
]
MAORI_PACIFIC_LAST = [
    "Ngata", "Parata", "Tawhiri", "Te Whare", "Tipene", "Whaanga", "Horomona", "Rangihuna", "Tamihana", "Te Huia",
    "Te Rangi", "Kereama", "Pomare", "Tautahi", "Waaka", "Hetaraka", "Paewai", "Ruatapu", "Karaitiana", "Ihaia",
    "Fonoti", "Tuilagi", "Faleolo", "Fifita", "Taufa", "Havili", "Leota", "Sapolu", "Tupou", "Vaifale",
    "Lealaiauloto", "Mataele", "Fa'asavalu", "Tuiasosopo", "Aumua", "Savea", "Afamasaga", "Vaipulu", "Tangitau",
    "Lolohea", "Folau", "Naufahu", "Pulu", "Vunipola", "Talakai", "Ioane", "Seumanu", "Mulitalo", "Taumalolo",
]
KOREAN_FIRST_M = [
    "Min-jun", "Ji-hoon", "Do-yun", "Seo-jun", "Jae-won", "Hyun-woo", "Sung-min", "Joon-ho", "Dong-hyun", "Sang-woo",
    "Tae-yang", "Jin-woo", "Young-ho", "Kyung-soo", "Seung-hyun", "Min-ho", "Woo-jin", "Jun-seo", "Yeon-woo",
    "Hyun-jun", "Jiwoo", "Minseok", "Jaehyun", "Donghae",
]
KOREAN_FIRST_F = [
    "Seo-yeon", "Ha-eun", "Ji-woo", "Soo-ah", "Eun-ji", "Yu-na", "Mi-rae", "Young-sook", "Kyung-hee", "Hye-jin",
    "Ji-min", "Su-bin", "Min-seo", "Da-eun", "Seo-hyun", "Ye-jin", "Hyo-jin", "Eun-bi", "So-yeon", "Na-yeon",
    "Jiyeon", "Minji", "Sooyoung", "Hyejin",
]
KOREAN_LAST = [
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon",
    "Hwang", "Ahn", "Song", "Yoo", "Hong", "Jeon", "Ko", "Moon", "Yang", "Son", "Bae", "Baek", "Heo", "Nam", "Noh",
    "Ryu", "Jeong", "Byun", "Chae", "Gu", "Woo",
]
FILIPINO_FIRST_M = [
    "Jose", "Juan", "Rodrigo", "Jun", "Bong", "Dante", "Rommel", "Jhun", "Jerome", "Ramon", "Ronaldo", "Efren",
    "Arnel", "Joel", "Rogelio", "Nestor", "Jomar", "Reynaldo", "Mark Anthony", "John Paul", "Carlo", "Paolo",
    "Emmanuel", "Romeo", "Wilfredo", "Alvin", "Rizal",
]
FILIPINO_FIRST_F = [
    "Maria Cristina", "Ma. Luisa", "Jessa", "Mary Grace", "Marites", "Rowena", "Ligaya", "Jocelyn", "Analyn",
    "Rizalina", "Princess", "Maricel", "Lorna", "Rosario", "Corazon", "Teresita", "Divina", "Imelda", "Charmaine",
    "Kristine Joy", "Ma. Theresa", "Angelica", "Lea", "Leonora", "Remedios", "Girlie", "Jennylyn",
]
FILIPINO_LAST = [
    "Santos", "Reyes", "Cruz", "dela Cruz", "Bautista", "Garcia", "Mendoza", "Villanueva", "Ramos", "Aquino",
    "Castillo", "Dimaculangan", "Macapagal", "Manalo", "Pangilinan", "Soriano", "Tolentino", "de Guzman",
    "delos Santos", "Sison", "Mercado", "Navarro", "Gatchalian", "Lacson", "Dizon", "Pascual", "Salazar", "Ocampo",
    "Panganiban", "Magsaysay", "Buenaventura", "Evangelista", "Marquez", "Javier", "Agustin", "Lualhati",
]
MALAY_FIRST_M = [
    "Muhammad", "Mohd", "Ahmad", "Amir", "Hafiz", "Faiz", "Ikhwan", "Syafiq", "Azman", "Zulkifli", "Rosli", "Hakim",
    "Muhammad Faiz", "Mohd Rizal", "Nor Azlan", "Khairul", "Aiman", "Haziq", "Danial", "Firdaus", "Shahrul",
]
MALAY_FIRST_F = [
    "Nur", "Nurul", "Siti", "Aisyah", "Farah", "Aina", "Nabilah", "Zarina", "Rohani", "Salmah", "Intan", "Syazwani",
    "Nurul Huda", "Siti Aminah", "Nor Hayati", "Wan Nur", "Puteri", "Sharifah", "Hidayah", "Amirah", "Izzati",
]
MALAY_FATHER = [
    "Ismail", "Abdullah", "Hassan", "Othman", "Yusof", "Ibrahim", "Razak", "Hamid", "Rahman", "Jamal", "Kassim",
    "Salleh", "Ahmad", "Omar", "Mahmud", "Zainal", "Harun", "Sulaiman", "Ariffin", "Bakar", "Latif", "Mokhtar",
]
SG_CHINESE_LAST = [
    "Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Chan", "Koh", "Teo", "Ang", "Yeo", "Tay", "Ho", "Low",
    "Toh", "Sim", "Chong", "Chia", "Seah", "Quek", "Foo", "Leong", "Phua", "Heng", "Soh", "Kwek", "Lau", "Yap",
]
SG_CHINESE_GIVEN = [
    "Wei Ming", "Mei Ling", "Jia Hui", "Kok Wai", "Siew Lan", "Boon Keng", "Hui Min", "Zhi Hao", "Xin Yi", "Jun Jie",
    "Li Ting", "Kai Xiang", "Yong Sheng", "Bee Hoon", "Ah Kow", "Swee Lian", "Choon Hock", "Pei Shan", "Wen Jie",
    "Shu Fen", "Kim Seng", "Geok Choo", "Eng Huat", "Hwee Ling", "Yi Xuan", "Jing Wen",
]
WESTERN_GIVEN_SG = ["Jason", "Michelle", "Kelvin", "Jasmine", "Alvin", "Vivian", "Desmond", "Cheryl", "Eugene", "Irene"]
TAMIL_FIRST_M = ["Rajesh", "Karthik", "Muthu", "Suresh", "Ganesan", "Murugan", "Arjun", "Vijay", "Selvam", "Prakash"]
TAMIL_FIRST_F = ["Priya", "Lakshmi", "Kavitha", "Meena", "Revathi", "Anitha", "Devi", "Malathi", "Saranya", "Vasuki"]
TAMIL_LAST = ["Kumar", "Ramasamy", "Subramaniam", "Krishnan", "Pillai", "Nair", "Raman", "Govindasamy",
              "Arumugam", "Muthusamy", "Rajendran", "Balakrishnan", "Sivakumar", "Chandran", "Perumal"]

# Names that are also ordinary words or eponyms: used as real names (NAME) and as words (O).
WORD_FIRST_F = ["Grace", "Hope", "Faith", "Joy", "Patience", "Dawn", "May", "Iris", "Amber", "Hazel", "Holly",
                "Summer", "Pearl", "Jade", "Violet", "Rose", "Ruby", "Olive", "Sue", "Addison", "Crystal", "Heather"]
WORD_FIRST_M = ["Will", "Mark", "Bill", "Frank", "Miles", "Robin", "Rich", "Chase", "Grant", "Cliff", "Dean",
                "Art", "Sterling", "Hunter", "August", "Jack", "Drew", "Wade", "Pat"]
WORD_LAST = ["Brown", "White", "Young", "Baker", "Ward", "King", "Hunter", "Cook", "Bishop", "Green", "Black",
             "Gray", "Marsh", "Moss", "Hill", "Wood", "Field", "Bell", "Parkinson", "Graves", "Wilson", "Addison",
             "Hodgkin", "Cushing", "Still", "Kidd", "Sharp", "Strong", "Small", "Long", "Frost",
             "Rich", "Hope", "Patience", "Love", "Blood", "Payne", "Hart", "Lung", "Cross", "Bones", "Heal"]

# ---------------------------------------------------------------- titles (never part of a NAME span) ------------
TITLES_M = ["Mr", "Mr."]
TITLES_F = ["Mrs", "Ms", "Miss", "Mrs.", "Ms."]
TITLES_CHILD_M = ["Master"]
TITLES_CLIN = ["Dr", "Dr.", "Dr", "Dr", "Prof", "Prof.", "Professor", "Doctor"]
TITLES_NURSE = ["Sister", "Nurse", "Sr", "RN", "Charge Nurse", "Staff Nurse", "Midwife"]
TITLES_SURGEON = ["Mr", "Miss", "Ms"]  # UK/IE surgeons

# ---------------------------------------------------------------- address parts ---------------------------------
UK_STREETS = ["High Street", "Church Road", "Station Road", "Victoria Road", "Green Lane", "Manor Road", "Park Avenue",
              "Kings Road", "Queens Drive", "Mill Lane", "The Crescent", "Chapel Street", "Albert Road", "London Road",
              "Springfield Close", "Beech Grove", "Oak Tree Way", "Meadow View", "Castle Street", "Orchard Court"]
UK_TOWNS = ["Leeds", "Manchester", "Bristol", "Sheffield", "Cardiff", "Glasgow", "Edinburgh", "Belfast", "Norwich",
            "Exeter", "Swansea", "Derby", "Leicester", "Nottingham", "Hull", "Bradford", "Aberdeen", "Dundee",
            "Wakefield", "Stockport", "Salford", "Croydon", "Luton", "Reading", "Plymouth", "Bath", "York"]
IE_STREETS = ["Main Street", "Church Street", "Bridge Street", "Grafton Street", "Patrick Street", "Castle Road",
              "Strand Road", "Mary Street", "Barrack Street", "Shop Street", "O'Connell Street", "Dublin Road"]
IE_TOWNS = ["Dublin", "Cork", "Galway", "Limerick", "Waterford", "Kilkenny", "Sligo", "Athlone", "Tralee", "Ennis",
            "Drogheda", "Dundalk", "Navan", "Letterkenny", "Mullingar", "Castlebar", "Wexford", "Clonmel"]
IE_COUNTIES = ["Cork", "Kerry", "Galway", "Mayo", "Clare", "Limerick", "Tipperary", "Waterford", "Wexford", "Wicklow",
               "Kildare", "Meath", "Louth", "Donegal", "Sligo", "Roscommon", "Offaly", "Laois", "Cavan", "Monaghan"]
AU_STREETS = ["Smith Street", "George St", "Brunswick Street", "Sydney Road", "Parramatta Rd", "Chapel St",
              "Bourke Street", "Oxford Street", "Glenferrie Road", "Stirling Hwy", "Hay St", "Anzac Parade",
              "Gympie Road", "Logan Rd", "Flinders Street", "Elizabeth St", "Beach Road", "Canning Hwy"]
AU_SUBURBS = [("Fitzroy", "VIC", "3065"), ("Brunswick", "VIC", "3056"), ("Parramatta", "NSW", "2150"),
              ("Bondi", "NSW", "2026"), ("Toowong", "QLD", "4066"), ("Chermside", "QLD", "4032"),
              ("Subiaco", "WA", "6008"), ("Fremantle", "WA", "6160"), ("Norwood", "SA", "5067"),
              ("Glenelg", "SA", "5045"), ("Sandy Bay", "TAS", "7005"), ("Belconnen", "ACT", "2617"),
              ("Casuarina", "NT", "0810"), ("Footscray", "VIC", "3011"), ("Hawthorn", "VIC", "3122"),
              ("Newtown", "NSW", "2042"), ("Southport", "QLD", "4215"), ("Joondalup", "WA", "6027")]
AU_STATE_LONG = {"VIC": "Victoria", "NSW": "New South Wales", "QLD": "Queensland", "WA": "Western Australia",
                 "SA": "South Australia", "TAS": "Tasmania", "ACT": "ACT", "NT": "NT"}
NZ_STREETS = ["Dominion Road", "Queen Street", "Kowhai Road", "Great North Road", "Riccarton Road", "Cuba Street",
              "Karangahape Road", "Ponsonby Road", "Tui Street", "Rata Street", "Pohutukawa Avenue", "Te Atatu Road",
              "Manukau Road", "Victoria Street West", "Colombo Street", "Lambton Quay", "Rimu Road"]
NZ_SUBURBS = [("Mt Eden", "Auckland", "1024"), ("Otahuhu", "Auckland", "1062"), ("Riccarton", "Christchurch", "8011"),
              ("Newtown", "Wellington", "6021"), ("Frankton", "Hamilton", "3204"), ("Mangere", "Auckland", "2022"),
              ("Porirua", "Porirua", "5022"), ("Hillcrest", "Hamilton", "3216"), ("Te Atatu", "Auckland", "0610"),
              ("Whanganui East", "Whanganui", "4500"), ("Kaiti", "Gisborne", "4010"), ("Glenview", "Hamilton", "3206")]
US_STREETS = ["Main St", "Oak Street", "Maple Avenue", "Elm St", "Washington Blvd", "Lincoln Ave", "Park Place",
              "Sunset Boulevard", "Pine Street", "Cedar Lane", "Lakeview Drive", "Broadway", "Market Street"]
US_CITIES = [("Springfield", "IL"), ("Columbus", "OH"), ("Austin", "TX"), ("Portland", "OR"), ("Denver", "CO"),
             ("Phoenix", "AZ"), ("Raleigh", "NC"), ("Boston", "MA"), ("Seattle", "WA"), ("Tampa", "FL"),
             ("Albany", "NY"), ("Madison", "WI"), ("Richmond", "VA"), ("Omaha", "NE")]
CA_STREETS = ["Yonge Street", "Bloor St W", "Rue Sainte-Catherine", "Granville Street", "Jasper Avenue",
              "Portage Ave", "King Street East", "Dundas St", "Robson Street", "Barrington Street", "Queen St W"]
CA_CITIES = [("Toronto", "ON"), ("Ottawa", "ON"), ("Vancouver", "BC"), ("Calgary", "AB"), ("Edmonton", "AB"),
             ("Winnipeg", "MB"), ("Halifax", "NS"), ("Montreal", "QC"), ("Regina", "SK"), ("Victoria", "BC"),
             ("Mississauga", "ON"), ("Hamilton", "ON"), ("Saskatoon", "SK"), ("St. John's", "NL")]
SG_STREETS = ["Ang Mo Kio Avenue 3", "Tampines Street 21", "Bedok North Road", "Jurong West Street 42",
              "Toa Payoh Lorong 4", "Yishun Ring Road", "Bukit Batok Street 11", "Hougang Avenue 8",
              "Clementi Avenue 2", "Woodlands Drive 14", "Pasir Ris Street 12", "Serangoon North Avenue 1",
              "Orchard Road", "Holland Road", "Upper Thomson Road", "Bukit Timah Road", "East Coast Road"]
SG_CONDOS = ["The Sail", "Parc Vista", "Lakeside Grove", "Eastwood Park", "The Arcadia", "Casa Merah"]
GULF_AREAS = [("Al Barsha 1", "Dubai"), ("Jumeirah 3", "Dubai"), ("Al Nahda 2", "Dubai"), ("Deira", "Dubai"),
              ("Al Karama", "Dubai"), ("Al Reem Island", "Abu Dhabi"), ("Khalifa City A", "Abu Dhabi"),
              ("Al Mushrif", "Abu Dhabi"), ("Al Majaz 2", "Sharjah"), ("Al Jimi", "Al Ain"),
              ("Al Sadd", "Doha"), ("West Bay", "Doha"), ("Al Waab", "Doha"), ("Juffair", "Manama"),
              ("Salmiya", "Kuwait City"), ("Al Olaya", "Riyadh"), ("Al Rawdah", "Jeddah"), ("Al Khuwair", "Muscat")]
GULF_ROADS = ["Sheikh Zayed Road", "Al Wasl Road", "Hamdan Street", "Corniche Road", "King Fahd Road",
              "Al Khaleej Street", "Salwa Road", "Sultan Qaboos Street", "Airport Road", "Al Muroor Road",
              "Tahlia Street", "Gulf Road", "Exhibition Road", "Electra Street"]
GULF_BUILDINGS = ["Al Attar Tower", "Marina Heights", "Al Noor Building", "Pearl Residence", "Blue Bay Tower",
                  "Al Manara Building", "Golden Sands 4", "Al Habtoor Residence"]
IN_AREAS = ["Andheri West", "Koramangala", "Banjara Hills", "T. Nagar", "Salt Lake", "Indiranagar", "Malviya Nagar",
            "Kothrud", "Anna Nagar", "Vashi", "Aundh", "Jayanagar"]
IN_CITIES = [("Mumbai", "400053"), ("Bengaluru", "560034"), ("Hyderabad", "500034"), ("Chennai", "600017"),
             ("Kolkata", "700091"), ("Delhi", "110017"), ("Pune", "411038"), ("Kochi", "682020")]

# ---------------------------------------------------------------- hard negatives (always O) ---------------------
EPONYMS = [
    "Parkinson's disease", "Parkinson disease", "Parkinsonism", "Hodgkin lymphoma", "Hodgkin's lymphoma",
    "non-Hodgkin lymphoma", "Graves' disease", "Graves disease", "Down syndrome", "Down's syndrome",
    "Crohn's disease", "Crohn's", "Alzheimer's disease", "Alzheimer's", "Cushing's syndrome", "Cushing's disease",
    "Addison's disease", "Bell's palsy", "Wilson's disease", "Hashimoto's thyroiditis", "Hashimoto's",
    "Guillain-Barré syndrome", "Guillain-Barre syndrome", "Raynaud's phenomenon", "Sjögren's syndrome",
    "Huntington's disease", "Ménière's disease", "Meniere's disease", "Paget's disease", "Kawasaki disease",
    "Turner syndrome", "Marfan syndrome", "Tourette syndrome", "Barrett's oesophagus", "Barrett's esophagus",
    "Bowen's disease", "Conn's syndrome", "Dupuytren's contracture", "Hirschsprung disease", "Kaposi sarcoma",
    "Legionnaires' disease", "Lyme disease", "Osgood-Schlatter disease", "Still's disease", "Takayasu arteritis",
    "Wernicke's encephalopathy", "Korsakoff syndrome", "Ewing sarcoma", "Wilms tumour", "Burkitt lymphoma",
    "Creutzfeldt-Jakob disease", "Charcot foot", "Baker's cyst", "Colles' fracture", "Smith's fracture",
    "Stevens-Johnson syndrome", "Mallory-Weiss tear", "Zollinger-Ellison syndrome", "Wolff-Parkinson-White syndrome",
    "De Quervain's tenosynovitis", "Perthes disease", "von Willebrand disease", "Gilbert's syndrome",
    "Klinefelter syndrome", "Prader-Willi syndrome", "Ehlers-Danlos syndrome", "Horner's syndrome", "Todd's paresis",
    "Addisonian crisis", "Cheyne-Stokes breathing", "Kussmaul breathing", "Osler's nodes", "Janeway lesions",
    "Virchow's node", "Asperger syndrome", "Tietze syndrome", "Sheehan syndrome", "Dressler syndrome",
    "Brown-Séquard syndrome", "Munchausen syndrome", "Fallot's tetralogy", "tetralogy of Fallot", "Bell's phenomenon",
    "Christmas disease", "Fanconi anaemia", "Peyronie's disease", "Scheuermann's disease", "Kienböck's disease",
]
EPONYM_SIGNS = [
    "Murphy's sign", "Homans' sign", "Kernig's sign", "Babinski sign", "Tinel's sign", "Phalen's test",
    "Rinne test", "Weber test", "Romberg's test", "Trendelenburg sign", "McBurney's point", "Rovsing's sign",
    "Cullen's sign", "Grey Turner's sign", "Battle's sign", "Brudzinski's sign", "Lasègue's sign", "Chvostek's sign",
    "Trousseau's sign", "Kehr's sign", "Courvoisier's sign", "Charcot's triad", "Beck's triad", "Cushing's triad",
    "Virchow's triad", "the Apgar score", "an Apgar score of 9", "the Glasgow Coma Scale", "the Wells score",
    "the Bishop score", "the Epley manoeuvre", "the Heimlich manoeuvre", "a Valsalva manoeuvre", "a Foley catheter",
    "a Hickman line", "a Whipple procedure", "a Nissen fundoplication", "a Hartmann's procedure",
    "a Pap smear", "a Gram stain", "Bence Jones protein", "the Snellen chart", "a Guthrie test",
    "Korotkoff sounds", "the Mantoux test", "a Holter monitor", "the Denver scale", "the Braden score",
    "the Waterlow score", "a Thomas splint", "a Minerva jacket", "the Seldinger technique", "a Sengstaken tube",
    "the Bristol stool chart", "a Bristol type 7 stool", "the Lachman test", "McMurray's test", "Allen's test", "the Ottawa ankle rules", "the Centor criteria",
    "the Duke criteria", "the Light's criteria", "the Child-Pugh score", "the Gleason score", "the Breslow depth",
]
DRUGS = [
    "paracetamol", "acetaminophen", "ibuprofen", "metformin", "gliclazide", "insulin glargine", "atorvastatin",
    "rosuvastatin", "amlodipine", "ramipril", "perindopril", "lisinopril", "bisoprolol", "metoprolol", "furosemide",
    "frusemide", "spironolactone", "warfarin", "apixaban", "rivaroxaban", "enoxaparin", "clopidogrel", "aspirin",
    "salbutamol", "tiotropium", "prednisolone", "amoxicillin", "co-amoxiclav", "flucloxacillin", "cefalexin",
    "doxycycline", "ceftriaxone", "gentamicin", "vancomycin", "morphine", "oxycodone", "tramadol", "codeine",
    "sertraline", "citalopram", "escitalopram", "mirtazapine", "quetiapine", "olanzapine", "lithium", "levothyroxine",
    "omeprazole", "pantoprazole", "lactulose", "ondansetron", "metoclopramide", "levetiracetam", "sodium valproate",
    "carbamazepine", "pregabalin", "gabapentin", "allopurinol", "colchicine", "methotrexate", "alendronate",
    "empagliflozin", "dapagliflozin", "semaglutide", "sitagliptin", "digoxin", "amiodarone", "haloperidol",
]
BRANDS = [
    "Panadol", "Nurofen", "Lipitor", "Ventolin", "Seretide", "Symbicort", "Eliquis", "Xarelto", "Clexane",
    "Augmentin", "Keflex", "Endone", "Targin", "Lyrica", "Zoloft", "Lexapro", "Ozempic", "Jardiance", "Januvia",
    "Lasix", "Tegretol", "Epilim", "Keppra", "Coversyl", "Micardis", "Norvasc", "Nexium", "Somac", "Losec",
    "Movicol", "Coloxyl", "Senokot", "Buscopan", "Maxolon", "Stemetil", "Zofran", "Valium", "Endep", "Stilnox",
    "Humalog", "Lantus", "NovoRapid", "Eltroxin", "Priadel", "Marevan", "Coumadin", "Plavix", "Brilinta", "Spiriva",
    "Seroquel", "Risperdal", "Abilify", "Champix", "Prolia", "Fosamax", "Caltrate", "Ostelin", "Tylenol", "Advil",
    "Calpol", "Gaviscon", "Diovan", "Crestor", "Trajenta", "Forxiga", "Mounjaro", "Entresto", "Voltaren", "Celebrex",
]
PROGRAMMES = [
    "Medicare", "the NHS", "NHS", "the HSE", "HSE", "the PBS", "ACC", "Medicaid", "the VA", "CHAS", "MediShield Life",
    "Medisave", "the DVA", "NDIS", "PHARMAC", "OHIP", "the GMS scheme", "the Medical Card scheme", "Daman", "Thiqa",
    "Healthdirect", "NHS 111", "111", "Ambulance Victoria", "St John Ambulance", "the RFDS", "Meals on Wheels",
]
ABBREVIATIONS = [
    "QID", "QDS", "TDS", "TID", "BD", "BID", "OD", "PRN", "nocte", "mane", "stat", "PO", "IV", "IM", "SC", "NBM",
    "INR", "eGFR", "HbA1c", "CRP", "FBC", "U&E", "LFTs", "TFTs", "ESR", "BNP", "troponin", "D-dimer", "ABG", "ECG",
    "CXR", "CT", "MRI", "USS", "OGD", "DNACPR", "NFR", "TTO", "EDD", "LMP", "NKDA", "SOB", "CP", "N&V", "BNO",
]
ROLES = [
    "the GP", "the registrar", "the consultant", "the charge nurse", "the physiotherapist", "the dietitian",
    "the pharmacist", "the social worker", "the on-call team", "the surgical team", "the night nurse",
    "the house officer", "the intern", "the resident", "the attending", "the practice nurse", "the district nurse",
    "the midwife", "the OT", "the SHO", "the SpR", "the RMO", "the anaesthetist", "the paramedics",
    "the ward clerk", "the nurse in charge", "the clinical nurse specialist", "the palliative care team",
]
HOSPITALS = [
    "St Vincent's Hospital", "Royal Melbourne Hospital", "St James's Hospital", "Beaumont Hospital",
    "Auckland City Hospital", "Middlemore Hospital", "Christchurch Hospital", "Wellington Hospital",
    "Singapore General Hospital", "Tan Tock Seng Hospital", "Changi General Hospital", "Rashid Hospital",
    "Cleveland Clinic Abu Dhabi", "Hamad General Hospital", "Salmaniya Medical Complex", "King Fahad Medical City",
    "Royal Prince Alfred Hospital", "Westmead Hospital", "Princess Alexandra Hospital", "Royal Perth Hospital",
    "Flinders Medical Centre", "St Thomas' Hospital", "Guy's Hospital", "St Mary's Hospital", "Leeds General Infirmary",
    "Addenbrooke's Hospital", "the John Radcliffe", "Queen Elizabeth Hospital", "Mater Misericordiae University Hospital",
    "Cork University Hospital", "University Hospital Galway", "Toronto General Hospital", "Vancouver General Hospital",
    "Massachusetts General Hospital", "Johns Hopkins Hospital", "Mount Sinai", "the Alfred", "the Royal Children's",
    "Great Ormond Street", "Starship Children's Hospital", "KK Women's and Children's Hospital", "the Mater",
    "Sir Charles Gairdner Hospital", "Monash Medical Centre", "Box Hill Hospital", "Frankston Hospital",
    "Dubai Hospital", "Sheikh Khalifa Medical City", "American Hospital Dubai", "Sultan Qaboos University Hospital",
    "Our Lady's Children's Hospital", "Tallaght University Hospital", "St Luke's", "Royal Victoria Hospital",
    "John Hunter Hospital", "Lyell McEwin Hospital", "Fiona Stanley Hospital", "The Prince Charles Hospital",
    "Royal Alexandra Hospital", "Queen Elizabeth University Hospital", "Alder Hey", "Mary Potter Hospice",
    "the Austin", "Ng Teng Fong General Hospital", "Khoo Teck Puat Hospital", "Sheikh Shakhbout Medical City",
    "Latifa Hospital", "Al Qassimi Hospital", "Sir Run Run Shaw Hospital", "Nelson Hospital", "Prince of Wales Hospital",
    "St George's Hospital", "Lady Cilento Children's Hospital", "Sydney Children's Hospital", "Mercy Hospital",
]
WARDS = ["Ward 7B", "ward 12", "Ward 4 North", "the Acute Medical Unit", "AMU", "ICU", "HDU", "the CCU", "Ward 3A",
         "the Emergency Department", "ED", "A&E", "the day unit", "the stroke unit", "the renal ward", "Ward 21",
         "the MAU", "Ward 9 East", "the short-stay unit", "the birthing suite", "theatre 4", "the PACU",
         "the Nightingale ward", "the Florence Ward", "St Bridget's ward", "Rowan Ward", "Cedar Unit", "Kauri Ward"]
BEDS = ["bed 12", "bed 4", "Bed 22", "cubicle 3", "side room 2", "bay 3, bed 6", "resus 1", "room 214", "bed 7A"]
CITIES = [
    "Leeds", "Manchester", "London", "Dublin", "Cork", "Galway", "Melbourne", "Sydney", "Brisbane", "Perth",
    "Adelaide", "Hobart", "Darwin", "Auckland", "Wellington", "Christchurch", "Hamilton", "Dunedin", "Toronto",
    "Vancouver", "Montreal", "Calgary", "Boston", "Chicago", "Singapore", "Dubai", "Abu Dhabi", "Doha", "Riyadh",
    "Jeddah", "Muscat", "Manama", "Kuwait City", "Manila", "Cebu", "Kerala", "Mumbai", "Lagos", "Nairobi",
    "Kuala Lumpur", "Penang", "Belfast", "Glasgow", "Cardiff", "Limerick", "Geelong", "Ballarat", "Rotorua",
]
COUNTRIES = ["the UK", "Ireland", "Australia", "New Zealand", "the US", "Canada", "Singapore", "the UAE", "Qatar",
             "Saudi Arabia", "Oman", "Bahrain", "Kuwait", "India", "the Philippines", "Nigeria", "Pakistan",
             "Sri Lanka", "Malaysia", "Korea", "Vietnam", "Samoa", "Tonga", "Fiji", "Egypt", "Jordan", "Lebanon"]
CONDITIONS = [
    "type 2 diabetes", "hypertension", "COPD", "asthma", "atrial fibrillation", "heart failure", "CKD stage 3",
    "community-acquired pneumonia", "urinary tract infection", "cellulitis", "NSTEMI", "DVT", "gout",
    "osteoarthritis", "depression", "anxiety", "hypothyroidism", "iron-deficiency anaemia", "a fractured neck of femur",
    "delirium", "sepsis", "acute kidney injury", "gastro-oesophageal reflux", "migraine", "epilepsy", "TIA",
    "diverticulitis", "pancreatitis", "bronchiolitis", "gestational diabetes", "pre-eclampsia", "lower back strain",
]
SPECIALTIES = ["cardiology", "respiratory", "the diabetes clinic", "orthopaedics", "gastroenterology", "neurology",
               "the memory clinic", "rheumatology", "paediatrics", "dermatology", "the falls clinic", "ENT",
               "ophthalmology", "urology", "oncology", "the antenatal clinic", "endocrinology", "haematology"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mon", "Tues", "Wed",
            "Thurs", "Fri", "Sat", "Sun"]
REL_TIMES = ["yesterday", "today", "this morning", "last night", "two days ago", "last week", "3 weeks ago",
             "tomorrow", "overnight", "earlier today", "next week", "in two weeks", "in 6 weeks", "last month",
             "the day before admission", "on day 3", "post-op day 2", "this afternoon", "over the weekend",
             "at the weekend", "in the new year", "in spring", "over the summer", "at Christmas", "after Easter"]
DURATIONS = ["for 3 days", "for two weeks", "for 6 months", "over 48 hours", "for 5/7", "for 2/52", "for 3/12",
             "since childhood", "for the past year", "for 10 years", "for 72 hours", "for a fortnight"]
RATIOS = ["BP 128/76", "BP 145/92 mmHg", "GCS 15/15", "GCS 14/15", "visual acuity 6/9", "6/12 vision",
          "power 4/5", "pain 7/10", "pain score 3/10", "sats 94% on RA", "RR 22", "HR 104", "T 38.2",
          "FEV1/FVC 0.62", "Hb 98 g/L", "K+ 5.8", "Na 131", "BSL 14.2", "eGFR 42", "INR 3.4", "CRP 86",
          "APGARs 8/9", "O2 2L/min", "BMI 31", "weight 82 kg", "PEFR 320 L/min"]
FREQS = ["1 g QID", "500 mg BD", "10 mg nocte", "5 mg mane", "2 puffs PRN", "40 mg OD", "1 tab TDS",
         "20 units at night", "400 micrograms twice daily", "75 mg once daily", "2.5 mg weekly"]
# Word uses of names (all O): (phrase, example frame with {W})
WORD_USES = [
    "we hope to discharge {him} soon", "{he} has lost hope of returning home", "there is a grace period for the payment",
    "{he} said {he} will manage at home", "please mark the site before theatre", "{his} CRP rose to 86",
    "{he} reports brown stools", "white cell count was 14.2", "{he} is a young adult with no history",
    "there was frank haematuria", "{he} paid the bill at reception", "{he} has great faith in the team",
    "{he} thanked us for our patience", "symptoms start at dawn", "{he} may need a repeat ECG", "{he} walks two miles daily",
    "an amber warning was raised", "the iris was normal", "{his} eyes are hazel", "green sputum was noted",
    "{he} had black tarry stools", "grey matter changes were seen", "the stool was sandy in colour",
    "{he} was in good spirits and full of joy", "please use olive oil drops", "{his} will was updated last year",
    "the King's Fund report", "the ward round was delayed", "{he} needs a strong painkiller", "a small bowel obstruction",
    "a long wait in ED", "{he} was seen on the ward",
    "{he} felt a sharp pain", "a cross-sectional scan", "{his} heart rate was 104", "the rose-coloured rash",
    "{he} had a frost-nip injury", "a still birth in 2010", "{he} lives alone and likes to cook", "a field test",
    "a ruby-coloured lesion", "{he} keeps a diary of headaches", "a summer cold", "the bell rang for lunch",
]

# Every town/suburb used inside addresses also appears alone (O), so a place name is not an address by itself.
CITIES = sorted(set(CITIES + UK_TOWNS + IE_TOWNS + [s[0] for s in AU_SUBURBS] + [s[1] for s in NZ_SUBURBS]
                    + [c for c, _ in US_CITIES] + [c for c, _ in CA_CITIES] + [c for _, c in GULF_AREAS]
                    + [c for c, _ in IN_CITIES]))
HOUSE_NAMES = ["Rose Cottage", "The Old Rectory", "Oakfield House", "1 The Mews", "Ivy Cottage", "Glenview",
               "Hillcrest Farm", "The Lodge", "Ashgrove House", "Flat B, Riverside Court", "Apartment 4, The Maltings",
               "Ballymore House", "2 Church Cottages", "The Coach House", "Mill Farm", "Holly Bank"]
