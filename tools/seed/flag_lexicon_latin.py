# Flag lexicon, Latin-script languages. Terms are word-start prefixes after normalisation (lower case, Latin
# diacritics dropped), matched against EVERY text whatever its form language: keep stems long enough (>= 5 letters
# or a phrase) that they cannot start an everyday word in another form language. " + " joins parts that must occur
# within 12 words of each other; "@name" is any member of that language's group.
LATIN = {
 "en": {
  "groups": {
   "staff": ["security", "guard", "staff", "employee", "caretaker", "manager", "supervisor", "landlord", "the boss", "my boss", "coa worker", "coa staff"],
   "hurt": ["hit me", "hits", "hitting", "beat", "hurt", "touched me", "touches me", "touching me", "threat", "slapped", "kicked", "punched", "pushed me", "insult", "humiliat", "shouts at", "yells at", "abuse", "harass", "money from me", "asked me for money", "kill me"],
   "child": ["child", "kids", "my son", "our son", "daughter", "little girl", "little boy", "minor", "baby", "toddler", "teenager"],
  },
  "emergency": {
   "violence": ["violence", "violent", "hit me", "hitting me", "beat me", "beating", "beaten", "stabbed", "attacked", "assault", "punched me", "kicked me", "fighting"],
   "fire": ["fire in", "a fire", "the fire", "on fire", "flames", "burning", "smoke everywhere", "full of smoke", "lot of smoke", "smell smoke"],
   "medical": ["unconscious", "not breathing", "can't breathe", "cannot breathe", "heart attack", "bleeding", "ambulance", "seizure", "overdose", "fainted", "collapsed", "poisoned", "chest pain"],
   "suicide": ["suicid", "kill myself", "end my life", "want to die", "don't want to live", "do not want to live", "hang myself", "self-harm", "self harm", "hurt myself", "cut myself"],
   "danger": ["knife", "weapon", "a gun", "gas leak", "smell of gas", "smells of gas", "smell gas", "bomb", "explosion", "kill me", "kill us", "will kill", "kidnap", "child is missing", "missing child"],
  },
  "sensitive": {
   "staff-abuse": ["@staff + @hurt", "abuse of power", "bribe", "asked for money to", "pay them to"],
   "sexual": ["rape", "raped", "sexual", "sexually", "touched me", "touching me", "grope", "groped", "molest", "naked", "forced me to have sex"],
   "child-safety": ["@child + @hurt", "child abuse", "abused child", "child marriage", "married off", "child traffick", "children are beaten"],
  },
 },
 "nl": {
  "groups": {
   "staff": ["beveilig", "bewaker", "medewerker", "personeel", "begeleider", "mentor", "beheerder", "huisbaas", "de baas", "mijn baas", "uitzendbureau", "leidinggevende"],
   "hurt": ["slaat", "sloeg", "geslagen", "schopt", "geschopt", "bedreig", "dreigt", "raakt me aan", "raakte me aan", "aangeraakt", "betast", "duwt me", "duwde me", "scheldt", "uitgescholden", "vernedert", "vernederd", "pijn gedaan", "misbruik", "intimideer", "geld van me", "chanteer", "vermoord"],
   "child": ["kind", "kinderen", "kindje", "zoon", "dochter", "meisje", "jongetje", "minderjarig", "baby", "tiener"],
  },
  "emergency": {
   "violence": ["geweld", "geslagen", "slaat me", "slaan me", "sloeg me", "vechtpartij", "vechten", "gevecht", "mishandel", "aangevallen", "neergestoken", "steekpartij", "schopt me"],
   "fire": ["er is brand", "staat in brand", "in brand", "brand in", "brand op de", "brand bij", "het brandt", "vlammen", "veel rook", "overal rook", "rook in de", "ruik rook", "vuur in"],
   "medical": ["bewusteloos", "ademt niet", "kan niet ademen", "hartaanval", "bloedt", "bloeding", "ambulance", "flauwgevallen", "epileptische aanval", "overdosis", "vergiftig", "pijn op de borst", "beroerte"],
   "suicide": ["zelfmoord", "zelfdoding", "suicid", "mezelf doden", "wil dood", "wil niet meer leven", "einde aan mijn leven", "mezelf iets aandoen", "zelfbeschadig", "mezelf snijden"],
   "danger": ["met een mes", "een mes", "wapen", "pistool", "gaslek", "ruik gas", "gaslucht", "bommelding", "explosie", "vermoord", "doodmaken", "dood maken", "ontvoer", "kind is vermist", "vermist kind"],
  },
  "sensitive": {
   "staff-abuse": ["@staff + @hurt", "machtsmisbruik", "steekpenning", "smeergeld"],
   "sexual": ["verkracht", "aangerand", "aanranding", "seksu", "ongewenst aangeraakt", "betast", "naakt", "seks met"],
   "child-safety": ["@child + @hurt", "kindermishandeling", "kindhuwelijk", "misbruik van kind", "kind alleen gelaten", "kinderhandel"],
  },
 },
 "kmr": {
  "groups": {
   "staff": ["parastvan", "ewlekari", "karmend", "berpirs", "reveber", "xebatkar"],
   "hurt": ["li min xist", "li min dixe", "lexist", "tehdit", "destdirej", "dest da min", "heqaret", "xeber da min", "pere xwest"],
   "child": ["zarok", "kure min", "keca min", "pitik", "bicuk"],
  },
  "emergency": {
   "violence": ["li min xist", "li me xist", "li min dixin", "tundi", "serkirin", "eris kir", "bi kere li"],
   "fire": ["agir ket", "agir heye", "agir girt", "agire", "sewat", "disewite", "duman"],
   "medical": ["behis", "nikare bihna xwe", "xwin diherike", "ambulans", "kriza dil", "jehrbuyi"],
   "suicide": ["xwekustin", "xwe bikujim", "dixwazim bimirim", "jiyana xwe biqedinim", "xwe biku"],
   "danger": ["bi kere", "demance", "bombe", "teqin", "min bikuje", "de min bikuje", "gaz direve", "zarok winda", "revandin"],
  },
  "sensitive": {
   "staff-abuse": ["@staff + @hurt", "bertil", "desthilatdariya xirab", "beratil"],
   "sexual": ["tecawiz", "zayendi", "destdirejiya zayendi", "tacize zayendi"],
   "child-safety": ["@child + @hurt", "zewaca zarokan", "zarokan lexistin", "istismara zarokan"],
  },
 },
 "tr": {
  "groups": {
   "staff": ["guvenlik", "gorevli", "calisan", "personel", "mudur", "sorumlu", "bekci"],
   "hurt": ["vurdu", "dovdu", "dovuyor", "tehdit", "dokundu", "taciz", "hakaret", "asagila", "bagiriyor", "para istedi", "itekledi"],
   "child": ["cocug", "cocuk", "oglum", "kizim", "bebek", "resit olmayan", "kucuk kiz"],
  },
  "emergency": {
   "violence": ["dovdu", "dovuyor", "dovul", "vurdu", "siddet", "saldir", "bicakla", "kavga", "yaraladi"],
   "fire": ["yangin", "yaniyor", "ates var", "ates aldi", "alevler", "duman"],
   "medical": ["bayildi", "nefes alamiyor", "kanama", "kaniyor", "kalp krizi", "ambulans", "zehirlen", "bilinci kapali"],
   "suicide": ["intihar", "kendimi oldur", "olmek istiyorum", "hayatima son", "kendime zarar"],
   "danger": ["bicak", "silah", "tabanca", "gaz kacag", "gaz kokusu", "bomba", "patlama", "beni oldurecek", "oldurecek", "kacirildi", "cocuk kayboldu", "kayip cocuk"],
  },
  "sensitive": {
   "staff-abuse": ["@staff + @hurt", "rusvet", "yetkisini kotuye", "guvenlik gorevlisi vurdu"],
   "sexual": ["tecavuz", "cinsel", "taciz", "sarkintilik", "ciplak", "bana dokundu"],
   "child-safety": ["@child + @hurt", "cocuk istismar", "cocuk evliligi", "cocuk gelin", "cocuga siddet"],
  },
 },
 "so": {
  "groups": {
   "staff": ["ilaalada", "ilaaliye", "shaqaalaha", "shaqaale", "maamulaha", "masuulka", "askari"],
   "hurt": ["i garaacay", "garaac", "igu hanjabay", "hanjab", "i taabtay", "aflagaad", "lacag iga doon", "dhaawac"],
   "child": ["ilmaha", "ilmo", "caruur", "carruur", "wiilka", "gabadha", "inanta"],
  },
  "emergency": {
   "violence": ["garaac", "i garaacay", "rabshad", "weerar", "dagaal", "mindi igu", "gacan ka hadal"],
   "fire": ["dabka", "dab ayaa", "qiiq", "gubanaya", "gubtay", "holac"],
   "medical": ["miyir", "neefsan", "dhiig bax", "dhiigbax", "ambalaas", "suuxay", "wadne xanuun"],
   "suicide": ["isdil", "inaan is dilo", "naftayda ka", "inaan dhinto", "is dilid"],
   "danger": ["mindi", "qoriga", "bastoolad", "qarax", "gaaska", "wuu i dili", "la afduubay", "ilmo lumay"],
  },
  "sensitive": {
   "staff-abuse": ["@staff + @hurt", "laaluush", "musuqmaasuq", "awood sheegasho"],
   "sexual": ["kufsi", "kufsad", "galmo", "faraxumey", "qaawan", "i taabtay"],
   "child-safety": ["@child + @hurt", "guur carruur", "guurka carruurta", "xadgudub carruur", "ilmo la garaacay"],
  },
 },
 "pl": {
  "groups": {
   "staff": ["ochron", "pracownik", "personel", "kierownik", "szef", "administrator", "wlasciciel"],
   "hurt": ["bije mnie", "bija", "pobil", "uderzyl", "grozi", "dotykal", "dotyka mnie", "obraza", "ponizaj", "krzyczy", "zada pieniedzy", "wymusza"],
   "child": ["dziecko", "dzieci", "dzieck", "moj syn", "corka", "corke", "nieletni", "niemowl"],
  },
  "emergency": {
   "violence": ["pobil", "pobicie", "uderzyl", "bija mnie", "bije mnie", "przemoc", "bojka", "zaatakowal", "nozem", "ranny"],
   "fire": ["pozar", "pali sie", "ogien", "plomien", "zadymion", "pelno dymu", "dym w"],
   "medical": ["nieprzytomn", "nie oddycha", "krwawi", "krwotok", "zawal", "karetk", "zatrucie", "drgawki"],
   "suicide": ["samobojst", "zabic sie", "zabije sie", "chce umrzec", "nie chce zyc", "skrzywdzic siebie"],
   "danger": ["bron palna", "z bronia", "pistolet", "wyciek gazu", "czuc gaz", "wybuch", "bomba", "zabije mnie", "zabic mnie", "porwal", "zaginelo dziecko", "zaginal"],
  },
  "sensitive": {
   "staff-abuse": ["@staff + @hurt", "lapowk", "naduzycie wladzy", "wymusza pieniadze"],
   "sexual": ["zgwalc", "gwalt", "seksualn", "molestow", "obmacyw", "zmuszal do seksu"],
   "child-safety": ["@child + @hurt", "przemoc wobec dzieci", "krzywdzi dziecko", "malzenstwo dziecka", "wykorzystywanie dzieci"],
  },
 },
 "ro": {
  "groups": {
   "staff": ["paznic", "agent de paza", "angajat", "personalul", "administrator", "seful", "responsabil", "supraveghetor"],
   "hurt": ["m-a lovit", "lovit", "loveste", "ma bate", "m-a batut", "batut", "ameninta", "amenintat", "m-a atins", "ma atinge", "insulta", "umilit", "cere bani", "santaj"],
   "child": ["copil", "copii", "fiul meu", "fiica mea", "minor", "bebelus"],
  },
  "emergency": {
   "violence": ["m-a lovit", "m-au lovit", "ma bate", "m-a batut", "violenta", "bataie", "agresat", "atacat", "injunghiat"],
   "fire": ["incendiu", "foc in", "e foc", "ia foc", "a luat foc", "fum peste tot", "plin de fum", "flacari"],
   "medical": ["inconstient", "nu respira", "sangereaza", "hemoragie", "infarct", "atac de cord", "ambulanta", "convulsii", "intoxicat"],
   "suicide": ["sinucid", "sa ma omor", "vreau sa mor", "nu mai vreau sa traiesc", "sa-mi fac rau"],
   "danger": ["cutit", "arma", "pistol", "scurgere de gaz", "miroase a gaz", "bomba", "explozie", "ma omoara", "ma va omori", "rapit", "copil disparut"],
  },
  "sensitive": {
   "staff-abuse": ["@staff + @hurt", "spaga", "mita", "abuz de putere"],
   "sexual": ["m-a violat", "violata", "violul", "hartuire sexual", "sexual", "agresiune sexuala", "m-a pipait"],
   "child-safety": ["@child + @hurt", "abuz asupra copil", "casatorie cu un copil", "copiii sunt batuti", "exploatarea copiilor"],
  },
 },
}
