"""Danger in other languages by concept (issue 15d): for each language
forumbot reads, messages written for this test (not taken from any corpus)
for each concept family the English rules cover (attacked now, breaking in,
a weapon or a threat to kill, fire with people inside, not breathing / not
moving / bleeding, fallen and hurt, in water, a child missing, locked in or
held, suicide and overdose) are triaged urgent and name their language; the
hard negatives (past events, questions about procedures) are not. Some are
written without diacritics, as residents often type them. Then, end to end,
what a resident writing Somali or Lithuanian sees, and the officers' card."""

from __future__ import annotations

import pytest

from bot.edge.rich import plain
from bot.safeguarding.language import identify
from bot.safeguarding.triage import assess
from tests.support.core_harness import STAFF_CHAT, CoreHarness

PHRASE = "Bromley Police Online Forum"
EMERGENCY_OPENING = "If you or someone else is in danger"

# language -> concept -> messages, each urgent, each naming that language.
URGENT: dict[str, dict[str, list[str]]] = {
    "pl": {
        "attacked": [
            "Sąsiad bije żonę na korytarzu, ona krzyczy",
            "Dwóch facetów pobili go pod sklepem, leży na ziemi",
        ],
        "breaking in": [
            "Ktoś wyważa drzwi do mieszkania, jestem sama z dziećmi",
            "slysze jak wybijaja szybe w kuchni, ktos wlamuje sie do domu",
        ],
        "weapon or threat": [
            "Facet z maczetą chodzi po parkingu i krzyczy",
            "Mój były stoi pod drzwiami i krzyczy, że zabiję cię, suko",
            "Ktoś strzela z okna na trzecim piętrze",
        ],
        "fire with people inside": [
            "Pali się dom obok, dzieci są w środku",
            "Pali sie mieszkanie na parterze, ktos jest w srodku",
        ],
        "not breathing, not moving, bleeding": [
            "Tata leży i się nie rusza, nie wiem czy oddycha",
            "Kolega stracił przytomność na przystanku",
            "Chłopak ma ranę na nodze, mocno krwawi",
        ],
        "fallen and hurt": [
            "Dziadek spadł ze schodów, krew leci mu z nosa",
            "Robotnik spadł z dachu, leży i nie odpowiada",
        ],
        "in water": [
            "Auto wpadło? nie, samochód w wodzie przy moście, ktoś jest w środku",
            "Dziewczyna wpadła do rzeki przy kładce, nie umie pływać",
            "Pies skoczył, a chłopiec wpadł do kanału za nim",
        ],
        "child missing": [
            "Córka zgubiła się w centrum handlowym, ma 4 lata",
            "Dziecko zaginęło na plaży pół godziny temu",
        ],
        "held": [
            "Szef zabrał nam paszporty i zamknął nas w baraku",
            "Zamknęli mnie w piwnicy i nie pozwala mi wyjść",
        ],
        "suicide and overdose": [
            "Brat połknął tabletki, całe opakowanie",
            "Koleżanka przedawkowała i ledwo mówi",
            "Siostra pisze, że chce skoczyć z mostu",
        ],
    },
    "ro": {
        "attacked": [
            "Vecinul o bate pe mama lui în curte chiar acum",
            "Ne-au bătut trei bărbați în parcare, fratele meu e jos",
        ],
        "breaking in": [
            "Cineva forțează ușa de la intrare, sunt singură",
            "doi barbati sparg geamul de la bucatarie acum",
        ],
        "weapon or threat": [
            "Are un topor și urlă în fața blocului",
            "Fostul meu amenință că mă omoară, e la ușă",
            "Un tip a fost înjunghiat lângă magazin",
        ],
        "fire with people inside": [
            "E foc în casă la vecini și copiii sunt înăuntru",
            "Arde casa de alături, sunt oameni înăuntru",
        ],
        "not breathing, not moving, bleeding": [
            "Bunicul nu se mișcă și nu respiră",
            "Colegul meu a leșinat în depozit",
            "Curge sânge din capul lui, nu se oprește",
        ],
        "fallen and hurt": [
            "Tata a căzut de pe scară și curge sânge",
            "Un muncitor a căzut de la etaj pe șantier",
        ],
        "in water": [
            "Mașina e în apă la podul de pe râu, șoferul e blocat înăuntru",
            "Un copil a căzut în râu și nu mai iese",
        ],
        "child missing": [
            "Copilul s-a pierdut în parc, are trei ani",
            "Nu-l găsim pe băiatul nostru de o jumătate de oră",
        ],
        "held": [
            "Suntem închiși într-o cameră la fermă, ne-au luat pașapoartele",
            "sunt incuiata in casa si nu ma lasa sa plec",
        ],
        "suicide and overdose": [
            "Prietena mea a înghițit pastile, multe",
            "Fratele meu vrea să se sinucidă, e pe acoperiș",
        ],
    },
    "ar": {
        "attacked": [
            "جاري يضربها في الشارع الآن والناس يتفرجون",
            "ضربونا ثلاثة شباب عند المحطة",
        ],
        "breaking in": [
            "في رجال يكسرون الباب الخلفي الآن",
            "لص دخل البيت وأنا في غرفة النوم",
        ],
        "weapon or threat": [
            "واحد معه مسدس واقف عند المدرسة",
            "زوجي يهددني بالقتل وهو في الصالة",
        ],
        "fire with people inside": [
            "النار في الشقة اللي فوقنا والجيران جوه",
        ],
        "not breathing, not moving, bleeding": [
            "أبي لا يتحرك على الأرض",
            "أخي اغمي عليه في الحمام",
            "صديقي ينزف كثيرا من يده",
        ],
        "fallen and hurt": [
            "العامل وقع من السقالة وما يتحرك",
        ],
        "in water": [
            "طفل وقع في الماء عند القناة",
            "صاحبي يغرق في البحيرة",
        ],
        "child missing": [
            "ولدي ضاع في الحديقة، عمره ثلاث سنوات",
            "بنتي ضاعت في المول من نص ساعة",
            "اختفى ابني من قدام البيت وما لقيناه",
        ],
        "held": [
            "صاحب العمل اخذ جوازاتنا وحبسونا في المخزن",
            "قفلوا علينا الباب ولا نقدر نطلع",
        ],
        "suicide and overdose": [
            "أختي ابتلعت حبوب كثيرة",
            "صديقي يريد ينتحر من الجسر",
        ],
    },
    "ur": {
        "attacked": ["وہ ہمیں مار رہے ہیں، جلدی آئیں"],
        "weapon or threat": [
            "mera shohar mujhe jaan se maar dene ki dhamki de raha hai, chaku hai uske paas"
        ],
        "fire with people inside": ["aag lag gayi hai aur bache andar phanse hain"],
        "not breathing, not moving, bleeding": [
            "ابو ہوش میں نہیں ہیں اور ہل نہیں رہے",
            "bhai ko chot lagi hai, khoon beh raha hai",
        ],
        "fallen and hurt": ["دادا جی سیڑھیوں سے گر گئے ہیں"],
        "in water": ["bacha pani mein gir gaya hai nehar mein"],
        "child missing": ["mera beta gum ho gaya hai market mein", "بچہ گم ہو گیا ہے پارک میں"],
        "held": ["انہوں نے ہمیں بند کر دیا ہے اور پاسپورٹ لے لیے"],
        "suicide and overdose": [
            "meri behn ne goliyan kha li hain",
            "woh khudkushi karne ki baat kar raha hai",
        ],
    },
    "pa": {
        "attacked": ["ਉਹ ਮੇਰੇ ਭਰਾ ਨੂੰ ਕੁੱਟ ਰਹੇ ਹਨ"],
        "weapon or threat": ["ਇੱਕ ਬੰਦਾ ਤਲਵਾਰ ਲੈ ਕੇ ਗਲੀ ਵਿੱਚ ਖੜ੍ਹਾ ਹੈ"],
        "fire with people inside": ["ਘਰ ਨੂੰ ਅੱਗ ਲੱਗੀ ਹੈ, ਬੱਚੇ ਅੰਦਰ ਫਸੇ ਹਨ"],
        "not breathing, not moving, bleeding": ["ਮੇਰੀ ਮਾਂ ਬੇਹੋਸ਼ ਹੈ", "ਖੂਨ ਵਗ ਰਿਹਾ ਹੈ ਬਹੁਤ"],
        "in water": ["ਮੁੰਡਾ ਪਾਣੀ ਵਿੱਚ ਡਿੱਗ ਗਿਆ"],
        "child missing": ["ਮੇਰਾ ਪੁੱਤ ਗੁਆਚ ਗਿਆ ਹੈ ਮੇਲੇ ਵਿੱਚ"],
        "held": ["ਮਾਲਕ ਨੇ ਪਾਸਪੋਰਟ ਖੋਹ ਲਏ ਤੇ ਸਾਨੂੰ ਬੰਦ ਕਰ ਦਿੱਤਾ"],
    },
    "bn": {
        "weapon or threat": ["একজন লোক ছুরি নিয়ে দোকানে ঢুকেছে"],
        "fire with people inside": ["রান্নাঘরে আগুন লেগেছে, দাদী আটকে আছে"],
        "not breathing, not moving, bleeding": ["বাবা নড়ছে না, জ্ঞান নেই"],
        "fallen and hurt": ["চাচা সিঁড়ি থেকে পড়ে মাথা ফেটে গেছে"],
        "in water": ["ছেলেটা পানিতে পড়ে ডুবে যাচ্ছে"],
        "child missing": ["আমার ছেলে হারিয়ে গেছে বাজারে"],
        "suicide and overdose": ["সে বলছে আত্মহত্যা করবে আজ রাতে"],
    },
    "gu": {
        "weapon or threat": ["એક માણસ છરી લઈને દુકાનમાં છે"],
        "fire with people inside": ["ઘરમાં આગ લાગી છે, બાળકો અંદર ફસાયા છે"],
        "not breathing, not moving, bleeding": ["દાદા બેભાન છે"],
        "in water": ["છોકરો પાણીમાં પડ્યો છે"],
        "child missing": ["મારો દીકરો ખોવાઈ ગયો છે"],
    },
    "cy": {
        "weapon or threat": ["Mae dyn wedi cael ei drywanu tu allan i'r dafarn"],
        "fire with people inside": ["Mae'r fflat ar dân ac mae'r plant tu mewn"],
        "not breathing, not moving, bleeding": ["Mae Dad ar y llawr a ddim yn symud"],
        "in water": ["Mae bachgen wedi syrthio i'r afon ger y bont"],
        "child missing": ["Mae fy merch fach ar goll yn y parc"],
        "suicide and overdose": ["Mae fy mrawd wedi cymryd tabledi, llawer ohonyn nhw"],
    },
    "pt": {
        "attacked": ["Estão a bater-lhe na rua, três homens"],
        "weapon or threat": ["Ouvi tiros e um rapaz foi baleado"],
        "fire with people inside": ["Há pessoas lá dentro e o prédio está a arder"],
        "not breathing, not moving, bleeding": ["O meu avô não se mexe"],
        "fallen and hurt": ["O meu pai caiu do telhado"],
        "in water": ["Um carro na água perto da ponte"],
        "held": ["Estamos trancados no contentor e levou os passaportes"],
    },
    "so": {
        "attacked": ["Ninkayga ayaa wuu i garaacayaa hadda, carruurtu way ooyayaan"],
        "breaking in": ["Rag ayaa albaabka jabinaya, kaligay ayaan joogaa"],
        "weapon or threat": [
            "Nin qori sita ayaa bannaanka taagan",
            "Walaalkay ayaa igu yiri wuu i dili doonaa, guriga ayuu joogaa",
        ],
        "fire with people inside": ["Guriga dab ayaa ka kacay, hooyaday gudaha ku jira"],
        "not breathing, not moving, bleeding": [
            "Aabahay ma neefsanayo, sariirta ayuu saaran yahay",
            "Wiilka dhiig baa ka socda madaxa",
        ],
        "in water": ["Gabadh ayaa biyaha ku dhacday, qarqoomaya"],
        "child missing": ["Wiilkayga yar waa la waayay suuqa dhexdiisa"],
        "held": ["Shaqaalaha waa la xiray, baasaboorada ayaa laga qaaday, na xiray"],
        "suicide and overdose": ["Saaxiibkay wuxuu leeyahay waxaan rabaa inaan is dilo"],
    },
    "lt": {
        "attacked": ["Kaimynas muša ją laiptinėje, ji rėkia", "Mane muša sugyventinis, padėkite"],
        "breaking in": ["Kažkas laužia duris, esu viena su vaikais"],
        "weapon or threat": [
            "Vyras su peiliu stovi prie parduotuvės",
            "Buvęs vyras sako, kad mane nužudys, jis prie durų",
        ],
        "fire with people inside": ["Dega namas kaimynystėje, viduje žmonės"],
        "not breathing, not moving, bleeding": [
            "Tėtis nekvėpuoja, guli virtuvėje",
            "Draugas be sąmonės ir stipriai kraujuoja",
        ],
        "fallen and hurt": ["Senelis nukrito nuo laiptų ir nejuda"],
        "in water": ["Mašina vandenyje prie tilto, vairuotojas viduje", "Berniukas įkrito į upę"],
        "child missing": ["Mūsų vaikas dingo parke prieš dvidešimt minučių"],
        "held": ["Darbdavys atėmė pasus ir užrakino mus name"],
        "suicide and overdose": ["Sesuo parašė, kad nusižudys, ji perdozavo"],
    },
    "tr": {
        "attacked": ["Kocam beni dövüyor, çocuklar ağlıyor"],
        "weapon or threat": ["Elinde bıçak olan bir adam kapıda bağırıyor"],
        "fire with people inside": ["Binada yangın var, annem içeride kaldı"],
        "not breathing, not moving, bleeding": ["Babam nefes almıyor"],
        "fallen and hurt": ["Amcam çatıdan düştü, kıpırdamıyor"],
        "child missing": ["Oğlum kayboldu, parkta bulamıyoruz"],
        "suicide and overdose": ["Arkadaşım bütün hapları içti"],
    },
    "fa": {
        "attacked": ["شوهرم داره منو میزنه"],
        "weapon or threat": ["یک مرد با چاقو جلوی در ایستاده"],
        "not breathing, not moving, bleeding": ["پدرم نفس نمیکشد"],
        "child missing": ["دخترم گم شده در پارک"],
    },
    "sk": {
        "attacked": ["Manžel ma bije, pomôžte mi"],
        "weapon or threat": ["Sused má nôž a kričí na deti"],
        "not breathing, not moving, bleeding": ["Otec nedýcha a nehýbe sa"],
        "in water": ["Auto je vo vode pri moste"],
    },
    "it": {
        "attacked": ["Mio marito mi sta picchiando"],
        "weapon or threat": ["C'è un uomo con un coltello davanti alla scuola"],
        "not breathing, not moving, bleeding": ["Mia madre non respira"],
        "child missing": ["Mio figlio è scomparso al parco"],
    },
    "fr": {
        "attacked": ["Mon voisin la frappe dans l'escalier, il la frappe fort"],
        "weapon or threat": ["Il a un couteau et il va me tuer"],
        "fire with people inside": ["Il y a un incendie et mes enfants sont à l'intérieur"],
        "not breathing, not moving, bleeding": ["Mon père ne respire plus"],
        "child missing": ["Ma fille a disparu dans le magasin"],
        "held": ["Ils nous ont enfermés et ont pris nos passeports"],
    },
    "es": {
        "weapon or threat": ["Hay un hombre con una navaja en el portal"],
        "in water": ["Un coche en el agua junto al puente, hay gente dentro"],
        "child missing": ["Mi hijo se ha perdido en el centro comercial"],
    },
}

# More of the same concepts, where a language had fewer above.
MORE: dict[str, dict[str, list[str]]] = {
    "cy": {
        "attacked": ["Mae o'n fy nharo i ac mae'r plant yn crio"],
        "breaking in": ["Mae rhywun yn torri i mewn i'r garej nawr"],
        "fallen and hurt": ["Mae Mam-gu wedi cwympo lawr y grisiau ac yn gwaedu"],
        "held": ["Mae'r bos wedi fy nghloi yn y stordy"],
        "not breathing, not moving, bleeding": ["Dydy e ddim yn anadlu, dewch yn gyflym"],
    },
    "pt": {
        "breaking in": ["Estão a arrombar a porta das traseiras, estou sozinha"],
        "child missing": ["O meu filho desapareceu no supermercado agora mesmo"],
        "suicide and overdose": ["A minha irmã tomou todos os comprimidos da caixa"],
        "in water": ["Um miúdo caiu ao rio e não consegue nadar"],
        "weapon or threat": ["Um homem com uma faca está a ameaçar as pessoas"],
    },
    "pa": {
        "breaking in": ["ਕੋਈ ਦਰਵਾਜ਼ਾ ਤੋੜ ਰਿਹਾ ਹੈ, ਅਸੀਂ ਅੰਦਰ ਹਾਂ"],
        "weapon or threat": ["oh banda talwar lai ke khada hai gali vich"],
        "not breathing, not moving, bleeding": ["bapu ji saah nahi le rahe"],
    },
    "bn": {
        "attacked": ["আমার স্বামী আমাকে মারছে এখন"],
        "breaking in": ["কেউ দরজা ভাঙছে, আমি একা"],
        "held": ["মালিক আমাদের পাসপোর্ট নিয়ে গেছে আর তালা দিয়ে রেখেছে"],
    },
    "gu": {
        "breaking in": ["કોઈ દરવાજો તોડી રહ્યું છે"],
        "fallen and hurt": ["બા સીડી પરથી પડી ગયા છે અને લોહી નીકળે છે"],
        "suicide and overdose": ["તેણે ઘણી ગોળીઓ ખાઈ લીધી છે"],
    },
    "ur": {
        "breaking in": ["koi darwaza tod raha hai, main akeli hoon", "چور گھر میں گھس آیا ہے"],
    },
    "tr": {
        "breaking in": ["Birileri kapıyı kırıyor, evde yalnızım"],
        "held": ["Patron pasaportlarımızı aldı ve bizi kilitledi"],
        "in water": ["Çocuk suya düştü, boğuluyor"],
    },
    "fa": {
        "fire with people inside": ["خانه آتش گرفته و بچه ها داخل گیر کرده اند"],
        "suicide and overdose": ["دوستم میخواهد خودکشی کند"],
        "held": ["ما را زندانی کرده و پاسپورتهایمان را گرفته"],
    },
    "sk": {
        "fire with people inside": ["Horí byt a deti sú vo vnútri, vo vnútri sú aj starí rodičia"],
        "child missing": ["Stratilo sa dieťa v obchode, dieťa sa stratilo pred chvíľou"],
        "held": ["Šéf nás zamkol a vzali nám pasy"],
    },
    "it": {
        "fire with people inside": ["La casa va a fuoco e i bambini sono dentro"],
        "in water": ["Un ragazzo è caduto nell'acqua del canale, sta annegando"],
        "held": ["Ci hanno chiusi nel capannone e ci hanno preso i passaporti"],
    },
    "fr": {
        "breaking in": ["Quelqu'un force la porte de l'appartement"],
        "in water": ["Un enfant est tombé dans l'eau au port, il se noie"],
        "suicide and overdose": ["Ma sœur a pris tous les médicaments de la boîte"],
    },
    "es": {
        "attacked": ["Me está golpeando mi pareja, ayuda"],
        "breaking in": ["Están forzando la puerta de mi casa ahora"],
        "held": ["Nos encerró el jefe y nos quitaron los pasaportes"],
    },
    "so": {
        "breaking in": ["Nin ayaa guriga ku soo galay, albaabka jebinaya"],
        "child missing": ["Ilmaha wuu lumay, gabadhii way luntay suuqa"],
    },
    "ta": {
        "attacked": ["என் கணவர் என்னை அடிக்கிறார், உதவி செய்யுங்கள்"],
        "weapon or threat": ["ஒருவன் கத்தியுடன் வீட்டு வாசலில் நிற்கிறான்"],
        "fire with people inside": ["வீடு தீப்பிடித்து எரிகிறது, குழந்தைகள் உள்ளே"],
        "not breathing, not moving, bleeding": ["அப்பா மூச்சு விடவில்லை"],
        "child missing": ["என் மகனைக் காணவில்லை, பூங்காவில் தேடுகிறோம்"],
        "in water": ["சிறுவன் தண்ணீரில் விழுந்து மூழ்கி கொண்டிருக்கிறான்"],
    },
    "lt": {
        "in water": ["Vaikas skęsta ežere"],
        "child missing": ["Sūnus dingo prekybos centre, negalime jo rasti"],
    },
}
for _code, _concepts in MORE.items():
    for _concept, _texts in _concepts.items():
        URGENT.setdefault(_code, {}).setdefault(_concept, []).extend(_texts)

URGENT_CASES = [
    (code, concept, text)
    for code, concepts in URGENT.items()
    for concept, texts in concepts.items()
    for text in texts
]


@pytest.mark.parametrize(("code", "concept", "text"), URGENT_CASES)
def test_danger_by_concept_in_each_language_is_urgent(code: str, concept: str, text: str) -> None:
    found = assess(text)
    assert found.urgent, (code, concept, text)


# Past events, questions about procedures, everyday uses of the same words:
# none is urgent.
NOT_URGENT: dict[str, list[str]] = {
    "pl": [
        "W zeszłym roku ktoś włamał się do piwnicy, czy mogę jeszcze to zgłosić?",
        "Jak zgłosić zgubiony paszport na policji?",
        "Czy mogę wozić nóż do pracy w samochodzie?",
        "Rok temu sąsiad spadł z drabiny, teraz pyta o odszkodowanie",
    ],
    "ro": [
        "Anul trecut mi-a luat cineva bicicleta, se mai poate face plângere?",
        "Cum raportez un pașaport pierdut?",
        "Săptămâna trecută a fost un incendiu în bloc, cine plătește reparațiile?",
    ],
    "ar": [
        "ضاع جوالي في الباص، وين أبلغ؟",
        "الأسبوع الماضي دخل لص البيت، هل يمكن متابعة البلاغ؟",
        "كيف أجدد جواز السفر المفقود؟",
    ],
    "ur": [
        "پچھلے سال میرا بیٹا گم ہو گیا تھا، اب ٹھیک ہے، شکریہ",
        "passport gum ho jaye to report kaise karein?",
    ],
    "so": [
        "Sanadkii hore baaskiilkayga waa la xaday, ma la soo sheegi karaa?",
        "Sidee baan u soo sheegaa baasaboor lumay?",
        "Wiilkayga oo 15 jir ah habeenkii ayuu dibadda joogaa, ma sharci baa?",
    ],
    "lt": [
        "Praeitą savaitę kažkas įsilaužė į garažą, ar galiu dar pranešti?",
        "Kaip pranešti apie pamestą pasą?",
        "Kainos nukrito, ar verta pirkti dviratį iš skelbimo?",
        "Laba diena, kur galiu pranešti apie triukšmą naktį?",
    ],
    "tr": [
        "Geçen yıl cüzdanım kayboldu, hâlâ şikayet edebilir miyim?",
        "Pasaportumu kaybettim, nereye bildirmeliyim?",
    ],
    "fa": ["پارسال دوچرخه ام را دزدیدند، هنوز میشود گزارش داد؟"],
    "sk": ["Minulý rok mi ukradli bicykel, dá sa to ešte nahlásiť?"],
    "it": ["L'anno scorso mi hanno rubato la bici, posso ancora denunciarlo?"],
    "fr": [
        "Mon vélo a disparu la semaine dernière, comment porter plainte?",
        "Comment signaler un risque d'incendie dans un immeuble?",
    ],
    "es": [
        "El año pasado se me perdió la cartera, ¿puedo denunciarlo todavía?",
        "¿Cómo denuncio un pasaporte perdido?",
    ],
    "cy": [
        "Llynedd cafodd fy meic ei ddwyn o'r sied, ydy hi'n rhy hwyr?",
        "Sut mae riportio pasbort sydd ar goll?",
    ],
    "pt": [
        "No ano passado partiram o vidro do meu carro, ainda posso fazer queixa?",
        "Como comunico um passaporte perdido?",
    ],
    "pa": ["ਪਿਛਲੇ ਸਾਲ ਮੇਰਾ ਸਾਈਕਲ ਚੋਰੀ ਹੋ ਗਿਆ ਸੀ, ਕੀ ਹੁਣ ਰਿਪੋਰਟ ਕਰ ਸਕਦਾ ਹਾਂ?"],
    "bn": ["গত বছর আমার ফোন হারিয়ে গেছে, এখন কি রিপোর্ট করা যাবে?"],
    "gu": ["પાસપોર્ટ ખોવાઈ જાય તો ક્યાં જાણ કરવી?"],
    "ta": [
        "கடந்த ஆண்டு என் சைக்கிள் திருடப்பட்டது, இப்போது புகார் செய்யலாமா?",
        "பாஸ்போர்ட் தொலைந்தால் எங்கே புகார் செய்வது?",
    ],
}

NOT_URGENT_CASES = [(code, text) for code, texts in NOT_URGENT.items() for text in texts]


@pytest.mark.parametrize(("code", "text"), NOT_URGENT_CASES)
def test_past_events_and_procedure_questions_in_each_language_are_not_urgent(
    code: str, text: str
) -> None:
    assert not assess(text).urgent, (code, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Nin ayaa albaabka garaacaya, wuxuu leeyahay wuu i dilayaa, caawiya", "so"),
        ("Mano vyras nukrito nuo kopėčių ir nekvėpuoja, padėkite greitai", "lt"),
        ("Kocam beni dövüyor ve elinde bıçak var, lütfen yardım edin", "tr"),
        ("Mon mari me frappe et il a un couteau, aidez moi vite", "fr"),
        ("Hay un hombre con una navaja en la tienda y amenaza a todos", "es"),
        ("Mio marito mi sta picchiando e ha un coltello in mano", "it"),
        ("Manžel ma bije a má nôž, deti sú v izbe", "sk"),
        ("شوهرم داره منو میزنه و چاقو دارد، بچه ها گریه میکنند", "fa"),
        ("என் கணவர் என்னை அடிக்கிறார், உதவி செய்யுங்கள்", "ta"),
    ],
)
def test_the_newly_identified_languages_are_identified(text: str, code: str) -> None:
    assert identify(text) == code


@pytest.mark.parametrize(
    ("text", "language", "opening"),
    [
        # Somali and Lithuanian have had their own text since round 5, Slovak,
        # Persian and most others since round 12, Kurdish and Pashto since
        # round 14 (tests/bot/test_guidance_languages.py): before, the English.
        ("Mêrê min li min dixe û kêr pê re heye, zarok digirîn", "Kurdish", "Heke tu an"),
        ("مرسته وکړئ! خاوند مې ما وهي او چاقو لري", "Pashto", "که تاسو یا بل څوک"),
    ],
)
async def test_a_new_language_gets_the_guidance_in_it_and_a_card_that_says_so(
    h: CoreHarness, text: str, language: str, opening: str
) -> None:
    replies = await h.resident_says("7150", f"{PHRASE} {text}")
    assert replies[0].startswith(opening), replies[0]
    assert "999" in replies[0]
    assert replies[1].startswith(EMERGENCY_OPENING), replies
    (card,) = h.messages_to(STAFF_CHAT)
    body = plain(card.body)
    assert "URGENT" in body
    sent = f"The resident was sent the emergency guidance in {language};"
    assert f"Written in {language}. {sent}" in body
    assert "English only" not in body


async def test_a_language_with_a_text_still_says_the_guidance_went_in_it(h: CoreHarness) -> None:
    replies = await h.resident_says("7151", f"{PHRASE} Samochód w wodzie, kierowca jest w środku")
    assert replies[0].startswith("Jeśli Ty lub ktoś inny"), replies[0]
    assert replies[1].startswith(EMERGENCY_OPENING), replies[1]
    (card,) = h.messages_to(STAFF_CHAT)
    assert "The resident was sent the emergency guidance in Polish" in plain(card.body)
