"""Danger in more languages, round 12 (issue 15): Bulgarian (the tenth
unseen set's one miss: two men forcing a girl into a white van), Ukrainian,
Russian, Albanian, Vietnamese, Hungarian, Latvian, Greek, Czech and Tagalog,
and, by their phrases alone (lingua has no model of them), Kurdish (Kurmanji
and Sorani), Pashto, Tigrinya, Amharic and Nepali; and "forced into a
car/van" and "a child taken" in the languages forumbot already read.

Every sentence below was written for these tests (none is from a corpus),
without a qualified translator or a native speaker: per language, urgent
messages of different concepts (in script, and without accents or
romanised where residents write so) and ordinary questions with the same
nouns (a knife law question, a missing parcel, a fire alarm test, a van
parked badly, an attack last year, a stolen bike) that must not be
urgent."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.edge.rich import plain
from bot.safeguarding.language import SUPPORTED, choose, identify, unread_by_model
from bot.safeguarding.triage import assess
from bot.safeguarding.triage.other_languages import assess_other
from tests.support import triage_labelled as labelled
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.round16_model import marked

PHRASE = "Bromley Police Online Forum"
EMERGENCY_OPENING = "If you or someone else is in danger"

# code -> urgent messages, each a different concept.
URGENT: dict[str, list[str]] = {
    "bg": [
        "Помощ! Мъжът ми ме бие в момента, децата плачат",
        "Двама мъже вкараха момиче насила в бял бус на паркинга пред Теско",
        "Моля помогнете, в Маргейт двама мъже вкараха едно момиче в бял бус насила",
        "Съседът има нож и заплашва да ме убие, заключих се в банята",
        "Къщата отсреща гори и вътре има хора",
        "Баща ми падна по стълбите и не диша, елате бързо",
        "Синът ми на пет години изчезна в парка преди половин час",
        "Някой разбива вратата ни в момента",
        "Ще се самоубия тази вечер, не искам да живея повече",
        "Pomosht! Mazhat mi me bie, ima nozh",
        "Molya pomognete, sinat mi izchezna v parka",
    ],
    "ru": [
        "Помогите! Муж бьёт меня прямо сейчас",
        "Двое мужчин затащили девушку в белый фургон возле школы",
        "У него нож, он угрожает убить соседа",
        "Горит дом на нашей улице, внутри люди",
        "Мама упала с лестницы и без сознания",
        "Моя дочь пропала, ей шесть лет, мы в торговом центре",
        "Кто-то ломится в дверь, ломают дверь прямо сейчас",
        "Хочу покончить с собой, наглоталась таблеток",
        "Pomogite, menya byut",
        "khochu umeret, ne mogu bolshe",
    ],
    "uk": [
        "Допоможіть! Чоловік б'є мене, я у ванній",
        "Мене бʼють сусіди прямо зараз",
        "Двоє чоловіків заштовхали дівчину в білий бус",
        "У нього ніж і він погрожує вбити мою сестру",
        "Будинок горить, всередині діти",
        "Бабуся впала з драбини і не дихає",
        "Мій син зник, йому сім років, ми шукаємо пів години",
        "Хочу померти, випила всі таблетки",
        "Dopomozhit, mene b'yut",
    ],
    "sq": [
        "Ndihmë! Burri po më rrah tani",
        "Ndihme, po me rrahin",
        "Dy burra e futën me forcë një vajzë në një furgon të bardhë",
        "Fqinji ka thikë dhe kërcënon të më vrasë",
        "Shtëpia po digjet dhe ka njerëz brenda",
        "Nëna ime ra nga shkallët dhe nuk merr frymë",
        "Djali im pesë vjeç u zhduk në park",
        "Nuk dua të jetoj më, do ta vras veten sonte",
    ],
    "vi": [
        "Cứu tôi với, chồng tôi đang đánh tôi",
        "Hai người đàn ông kéo một cô gái lên xe van màu trắng",
        "Hắn có dao và dọa giết cả nhà tôi",
        "Nhà đang cháy, còn người bên trong",
        "Bà tôi ngã cầu thang và không thở",
        "Con trai tôi 5 tuổi bị lạc ở công viên",
        "Tôi muốn chết, tôi đã uống hết thuốc",
        "cuu toi voi, co nguoi dang dot nhap nha toi",
    ],
    "hu": [
        "Segítség! A férjem megver, most is üt",
        "Két férfi berángatta a lányt egy fehér furgonba",
        "A szomszédnál kés van, azzal fenyeget hogy megöl",
        "Ég a ház a szomszédban, emberek vannak bent",
        "Apám elesett és nem lélegzik",
        "A kislányom eltűnt a parkban, öt éves",
        "Nem akarok élni, ma este megölöm magam",
        "Segitseg, betornek a hazba",
    ],
    "lv": [
        "Palīgā! Vīrs mani sit tagad",
        "Divi vīrieši ar varu iegrūda meiteni baltā busiņā",
        "Kaimiņš draud mani nogalināt, viņam ir nazis",
        "Māja deg, iekšā ir cilvēki",
        "Tēvs nokrita no kāpnēm un neelpo",
        "Mans dēls pazuda parkā, viņam ir pieci gadi",
        "Negribu dzīvot, šovakar nogalināšu sevi",
        "palidziet, kads lauz durvis",
    ],
    "el": [
        "Βοήθεια! Ο άντρας μου με χτυπάει τώρα",
        "Δύο άντρες έβαλαν ένα κορίτσι με τη βία σε ένα λευκό βαν",
        "Έχει μαχαίρι και απειλεί να με σκοτώσει",
        "Καίγεται το σπίτι δίπλα και υπάρχουν άνθρωποι μέσα",
        "Η γιαγιά έπεσε από τις σκάλες και δεν αναπνέει",
        "Ο γιος μου χάθηκε στο πάρκο, είναι έξι χρονών",
        "Δεν θέλω να ζω άλλο, θα αυτοκτονήσω απόψε",
        "voitheia, o antras mou me xtypaei",
    ],
    "cs": [
        "Manžel mě bije, jsem zamčená v koupelně, pomozte mi",
        "Dva muži násilím strčili holku do bílé dodávky",
        "Soused má nůž a vyhrožuje, že mě zabije",
        "Hoří dům vedle nás a uvnitř jsou lidé",
        "Babička spadla ze schodů a nedýchá",
        "Můj syn se ztratil v parku, je mu pět let",
        "Nechci žít, dnes večer se zabiju",
        "nekdo se vloupal do bytu, jsem sama doma",
    ],
    "tl": [
        "Saklolo! Binubugbog ako ng asawa ko ngayon",
        "Dalawang lalaki ang sapilitang isinakay ang isang dalaga sa van",
        "May hawak na kutsilyo ang kapitbahay at papatayin daw ako",
        "Nasusunog ang bahay sa tabi at may mga tao sa loob",
        "Nahulog sa hagdan si lola at hindi humihinga",
        "Nawawala ang anak ko sa park, limang taong gulang siya",
        "Ayoko nang mabuhay, magpapakamatay ako mamaya",
    ],
    "ku": [
        "Alîkarî! Mêrê min li min dixe",
        "alikari, ew de min bikuje",
        "Kurê min winda bû li parkê",
        "Mal dişewite, zarok hundir in",
        "یارمەتیم بدەن، مێردەکەم لێم دەدات",
        "منداڵەکەم ون بووە لە پارکەکە",
        "ئیتر ناتوانم، دەمەوێت بمرم",
    ],
    "ps": [
        "مرسته وکړئ، میړه مې ما وهي",
        "هغه چاقو لري او ما وژني",
        "زموږ کور اور اخیستی، ماشومان دننه دي",
        "زوی مې ورک دی، پنځه کلن دی",
        "دوو سړیو یوه نجلۍ په زور سپین موټر ته واچوله",
        "زه غواړم مړ شم",
    ],
    "ti": [
        "ሓግዙኒ! ሰብኣየይ ይወቕዓኒ ኣሎ",
        "ሓደ ሰብኣይ ካራ ሒዙ ክቐትለኒ እዩ",
        "ገዛ ይነድድ ኣሎ ቆልዑ ኣብ ውሽጢ ኣለዉ",
        "ወደይ ጠፊኡ ኣብ ፓርክ",
        "ክልተ ሰብኡት ንሓንቲ ጓል ብሓይሊ ናብ መኪና ኣእትዮማ",
        "ክመውት እደሊ",
    ],
    "am": [
        "እርዱኝ! ባሌ እየደበደበኝ ነው",
        "አንድ ሰው ቢላ ይዟል ሊገድለኝ ነው",
        "ቤቱ እየተቃጠለ ነው ልጆች ውስጥ አሉ",
        "ልጄ ጠፍቷል በፓርኩ ውስጥ",
        "ሁለት ሰዎች አንዲት ልጅ በግድ ወደ ነጭ መኪና አስገቡ",
        "መሞት እፈልጋለሁ",
    ],
    "ne": [
        "मलाई बचाउनुहोस्, मेरो श्रीमानले मलाई कुट्दैछ",
        "उसँग चक्कु छ र मलाई मार्ने धम्की दिँदैछ",
        "घरमा आगो लाग्यो, भित्र बच्चाहरू छन्",
        "मेरो छोरा हराएको छ, पार्कमा",
        "दुई जना मान्छेले एउटी केटीलाई जबरजस्ती सेतो भ्यानमा हाले",
        "म मर्न चाहन्छु",
        "malai bachaunus, malai kutdai cha",
    ],
}

# More concepts in the nine identified languages and Tagalog: held with
# passports taken, a child in a river, an overdose, "come quickly" (three
# of the 40 missed when first run, and the phrases were widened: Czech
# "spadlo", Tagalog "hindi magising" and pills swallowed); and in Pashto,
# Amharic and Nepali, in water, held, an overdose (phrases written first).
MORE_CONCEPTS: dict[str, list[str]] = {
    "ps": [
        "زما ورور ډوبیږي، سیند ته ولوید",
        "موږ یې بند کړي یو او پاسپورټونه یې اخیستي",
        "خور مې ټولې ګولۍ یې وخوړې او نه ویښیږي",
    ],
    "am": [
        "ልጁ ወንዝ ውስጥ እየሰጠመ ነው",
        "አሰሪያችን ቆልፈውብናል ፓስፖርታችንን ወሰዱ",
        "እህቴ ሁሉንም ኪኒን ዋጠች",
    ],
    "ne": [
        "मेरो भाइ नदीमा खस्यो, डुब्दैछ",
        "मालिकले हामीलाई थुनेको छ, राहदानी खोसेको छ",
        "मेरी दिदीले सबै औषधि खायो, उठ्दैन",
    ],
    "bg": [
        "Заключиха ни в склада и ни взеха паспортите, не ни пускат да излезем",
        "Детето падна в реката и течението го носи",
        "Приятелката ми изпи всички хапчета и не се събужда",
        "Моля елате веднага, има бой пред бара",
    ],
    "ru": [
        "Нас заперли на ферме и забрали паспорта, не выпускают",
        "Ребёнок упал в реку, его уносит течением",
        "Подруга выпила все таблетки и не просыпается",
        "Срочно приезжайте, драка у магазина, у парня нож",
    ],
    "uk": [
        "Нас замкнули на фермі і забрали паспорти",
        "Дитина впала у річку, її несе течією",
        "Подруга випила всі таблетки і не прокидається",
        "Терміново приїжджайте, бійка біля магазину",
    ],
    "sq": [
        "Na kanë mbyllur në fermë dhe na morën pasaportat",
        "Fëmija ra në lumë dhe po e merr rryma",
        "Shoqja ime piu të gjitha tabletat dhe nuk zgjohet",
        "Ejani shpejt, po rrahin një djalë para dyqanit",
    ],
    "vi": [
        "Chủ nhốt chúng tôi trong nhà kho và giữ hộ chiếu",
        "Đứa bé rơi xuống sông, nước đang cuốn đi",
        "Bạn tôi uống hết thuốc và không tỉnh dậy",
        "Làm ơn đến ngay đi, có người đánh nhau trước quán",
    ],
    "hu": [
        "Bezártak minket a farmon és elvették az útleveleket",
        "A gyerek a folyóba esett és viszi a víz",
        "A barátnőm bevette az összes gyógyszert és nem ébred",
        "Jöjjenek gyorsan, verekedés van a bolt előtt",
    ],
    "lv": [
        "Mūs ieslēdza fermā un atņēma pases",
        "Bērns iekrita upē un straume viņu nes",
        "Draudzene iedzēra visas tabletes un nepamostas",
        "Brauciet ātri, pie veikala kaujas",
    ],
    "el": [
        "Μας κλείδωσαν στη φάρμα και μας πήραν τα διαβατήρια",
        "Το παιδί έπεσε στο ποτάμι και το παίρνει το ρεύμα",
        "Η φίλη μου πήρε όλα τα χάπια και δεν ξυπνάει",
        "Ελάτε γρήγορα, δέρνουν έναν νεαρό έξω από το μαγαζί",
    ],
    "cs": [
        "Zamkli mě v bytě a nepustí mě ven, vzali mi pas",
        "Dítě spadlo do řeky a unáší ho proud",
        "Kamarádka spolykala všechny prášky a neprobouzí se",
        "Přijeďte rychle, před obchodem se perou a jeden má nůž",
    ],
    "tl": [
        "Ikinulong kami sa farm at kinuha ang mga passport namin",
        "Nahulog sa ilog ang bata at tinatangay ng agos",
        "Ininom ng kaibigan ko lahat ng gamot at hindi magising",
        "Pumunta kayo agad, may nag-aaway sa harap ng tindahan",
    ],
}

# code -> ordinary questions with the same nouns: none is urgent.
ORDINARY: dict[str, list[str]] = {
    "bg": [
        "Законно ли е да нося нож за работа във фермата?",
        "Пратката ми липсва от седмица, куриерът казва, че е доставена. Какво да правя?",
        "Утре има тест на пожарната аларма в блока, трябва ли да излезем?",
        "Един бус е паркиран лошо пред гаража ми от три дни, на кого да се оплача?",
        "Миналата година ме нападнаха пред гарата. Има ли подкрепа за жертви?",
        "Как да съобщя за изгубен паспорт?",
        "Zakonno li e da nosya nozh na rabota? Rabotya vav fermata",
    ],
    "ru": [
        "Можно ли носить складной нож в кармане на работу?",
        "Моя посылка пропала, курьер говорит, что доставил её. Куда обращаться?",
        "В пятницу будет проверка пожарной сигнализации, нужно ли выходить?",
        "Фургон соседа неправильно припаркован и загораживает выезд, кому жаловаться?",
        "В прошлом году на меня напали у вокзала. Есть ли помощь для пострадавших?",
        "Сколько детей тонет каждый год в Великобритании?",
    ],
    "uk": [
        "Чи можна носити ніж у кишені для роботи?",
        "Моя посилка зникла, кур'єр каже, що доставив. Куди звернутися?",
        "Завтра перевірка пожежної сигналізації, чи треба виходити?",
        "Фургон сусіда погано припаркований біля мого гаража, кому скаржитися?",
        "Минулого року мене побили біля вокзалу. Чи є підтримка для постраждалих?",
        "Чи можна звернутися до поліції українською мовою?",
    ],
    "sq": [
        "A është e ligjshme të mbaj një thikë të vogël në makinë për punë?",
        "Pakoja ime ka humbur, korrieri thotë se e dorëzoi. Çfarë të bëj?",
        "Nesër bëhet testimi i alarmit të zjarrit në pallat, duhet të dalim?",
        "Një furgon është parkuar keq para garazhit tim prej tre ditësh",
        "Vitin e kaluar më sulmuan afër stacionit. A ka mbështetje për viktimat?",
        "Si mund të raportoj një biçikletë të vjedhur?",
    ],
    "vi": [
        "Mang dao gấp trong túi có hợp pháp không?",
        "Bưu kiện của tôi bị mất, bên giao hàng nói đã giao rồi. Tôi phải làm gì?",
        "Ngày mai tòa nhà kiểm tra chuông báo cháy, tôi có phải ra ngoài không?",
        "Có một chiếc xe van đỗ sai chỗ trước nhà tôi ba ngày rồi",
        "Năm ngoái tôi bị đánh ở ga tàu. Có hỗ trợ cho nạn nhân không?",
        "Làm sao để báo cáo xe đạp bị mất cắp?",
    ],
    "hu": [
        "Legális zsebkést hordani a munkához?",
        "A csomagom eltűnt, a futár szerint kézbesítette. Mit tegyek?",
        "Holnap tűzriasztó próba lesz a házban, ki kell mennünk?",
        "Egy furgon rosszul parkol a garázsom előtt három napja",
        "Tavaly megtámadtak az állomásnál. Van segítség az áldozatoknak?",
        "Hogyan jelenthetek be egy ellopott biciklit?",
    ],
    "lv": [
        "Vai drīkst nēsāt kabatas nazi darbā?",
        "Mana paciņa pazuda, kurjers saka, ka piegādāja. Ko darīt?",
        "Rīt mājā būs ugunsgrēka signalizācijas pārbaude, vai jāiziet ārā?",
        "Busiņš ir slikti novietots pie manas garāžas jau trīs dienas",
        "Pagājušajā gadā man uzbruka pie stacijas. Vai ir atbalsts cietušajiem?",
        "Kā ziņot par nozagtu velosipēdu?",
    ],
    "el": [
        "Είναι νόμιμο να έχω σουγιά στην τσέπη για τη δουλειά;",
        "Το δέμα μου χάθηκε, ο κούριερ λέει ότι το παρέδωσε. Τι να κάνω;",
        "Αύριο έχουμε δοκιμή του συναγερμού πυρκαγιάς στην πολυκατοικία, πρέπει να βγούμε;",
        "Ένα βαν είναι παρκαρισμένο λάθος μπροστά στο γκαράζ μου τρεις μέρες",
        "Πέρσι μου επιτέθηκαν στον σταθμό. Υπάρχει υποστήριξη για θύματα;",
        "Πώς μπορώ να δηλώσω ένα κλεμμένο ποδήλατο;",
    ],
    "cs": [
        "Je legální nosit kapesní nůž v práci?",
        "Můj balík zmizel, kurýr tvrdí, že ho doručil. Co mám dělat?",
        "Zítra je v domě zkouška požárního alarmu, musíme ven?",
        "Dodávka je špatně zaparkovaná před mou garáží už tři dny",
        "Loni mě napadli u nádraží. Je nějaká pomoc pro oběti?",
        "Jak nahlásit ukradené kolo?",
    ],
    "tl": [
        "Legal ba magdala ng kutsilyo sa trabaho?",
        "Nawawala ang parcel ko, sabi ng courier na-deliver na raw. Ano ang gagawin ko?",
        "May fire alarm test bukas sa building namin, kailangan ba naming lumabas?",
        "May van na nakaparada nang mali sa harap ng garahe ko tatlong araw na",
        "Noong isang taon, binugbog ako malapit sa istasyon. May tulong ba para sa biktima?",
        "Paano mag-report ng ninakaw na bisikleta?",
    ],
    "ku": [
        "Ma qanûnî ye ku ez kêrek di berîka xwe de hilgirim?",
        "Pakêta min winda bû, çi bikim?",
        "Sibê ceribandina alarma agir heye, divê em derkevin?",
        "Wanek li ber garaja min xirab hatiye parkkirin",
        "پاکێجەکەم ون بووە، چی بکەم؟",
        "چۆن دزینی پاسکیل ڕاپۆرت بکەم؟",
    ],
    "ps": [
        "ایا په جیب کې د چاقو ګرځول قانوني دي؟",
        "زما پارسل ورک شوی، څه وکړم؟",
        "سبا د اور د الارم ازموینه ده، ایا موږ باید بهر شو؟",
        "یو وین زما د ګراج مخې ته بد ودریدلی",
        "څنګه د غلا شوي بایسکل راپور ورکړم؟",
        "ایا زه کولی شم په پښتو کې له پولیسو سره خبرې وکړم؟",
    ],
    "ti": [
        "ካራ ኣብ ጁባ ምሓዝ ሕጋዊ ድዩ?",
        "ፓኬተይ ጠፊኡ እንታይ ክገብር?",
        "ጽባሕ ፈተና ናይ ሓዊ ኣላርም ኣሎ",
        "ሓንቲ ቫን ኣብ ቅድሚ ጋራጀይ ብግጉይ ደው ኢላ ኣላ",
        "ዝተሰርቀ ብሽክለታ ብኸመይ ይሕብር?",
        "ብትግርኛ ምስ ፖሊስ ክዛረብ ይኽእል ድየ?",
    ],
    "am": [
        "ቢላ በኪስ መያዝ ሕጋዊ ነው?",
        "ጥቅሌ ጠፍቷል ምን ላድርግ?",
        "ነገ የእሳት ማንቂያ ሙከራ አለ መውጣት አለብን?",
        "አንድ ቫን ከጋራዤ ፊት በመጥፎ ቆሟል",
        "የተሰረቀ ብስክሌት እንዴት ሪፖርት አደርጋለሁ?",
        "በአማርኛ ከፖሊስ ጋር መነጋገር እችላለሁ?",
    ],
    "ne": [
        "खल्तीमा चक्कु बोक्नु कानुनी हो?",
        "मेरो पार्सल हरायो, के गर्ने?",
        "भोलि फायर अलार्म परीक्षण छ, बाहिर जानुपर्छ?",
        "एउटा भ्यान मेरो ग्यारेज अगाडि नराम्रोसँग पार्क गरिएको छ",
        "चोरी भएको साइकल कसरी रिपोर्ट गर्ने?",
        "के म नेपालीमा प्रहरीसँग कुरा गर्न सक्छु?",
    ],
}

# "Forced into a car/van" and "a child taken", one sentence each, in the
# languages forumbot read before this round.
VEHICLE_AND_CHILD: list[tuple[str, str]] = [
    ("cy", "Mae dau ddyn wedi gorfodi merch i mewn i fan wen"),
    ("cy", "Mae dyn wedi cipio fy mhlentyn o'r parc"),
    ("pl", "Dwóch mężczyzn wciągnęło dziewczynę do białego busa"),
    ("pl", "Jakiś mężczyzna porwał moje dziecko z placu zabaw"),
    ("ro", "Doi bărbați au băgat o fată cu forța într-o dubă albă"),
    ("ro", "Un bărbat mi-a răpit copilul din parc"),
    ("pt", "Dois homens meteram uma rapariga à força numa carrinha branca"),
    ("pt", "Um homem raptou a minha filha à porta da escola"),
    ("ar", "رجلين أجبروا بنت تركب في فان أبيض"),
    ("ar", "رجل خطف ابني من الحديقة"),
    ("ur", "دو آدمیوں نے ایک لڑکی کو زبردستی سفید وین میں ڈال دیا"),
    ("ur", "ایک آدمی میرے بچے کو پارک سے اٹھا کر لے گیا"),
    ("pa", "ਦੋ ਬੰਦਿਆਂ ਨੇ ਇੱਕ ਕੁੜੀ ਨੂੰ ਜ਼ਬਰਦਸਤੀ ਚਿੱਟੀ ਵੈਨ ਵਿੱਚ ਬਿਠਾ ਲਿਆ"),
    ("bn", "দুজন লোক একটা মেয়েকে জোর করে সাদা ভ্যানে তুলে নিয়েছে"),
    ("gu", "બે માણસોએ એક છોકરીને જબરદસ્તીથી સફેદ વાનમાં બેસાડી દીધી"),
    ("gu", "એક માણસ મારા બાળકને પાર્કમાંથી ઉપાડી ગયો"),
    ("es", "Dos hombres metieron a una chica a la fuerza en una furgoneta blanca"),
    ("es", "Un hombre secuestró a mi hija a la salida del colegio"),
    ("de", "Zwei Männer haben ein Mädchen in einen weißen Transporter gezerrt"),
    ("de", "Ein Mann hat mein Kind vom Spielplatz entführt"),
    ("so", "Laba nin ayaa gabar si xoog ah ugu riday baabuur cad"),
    ("so", "Nin ayaa wiilkayga afduubay hadda"),
    ("lt", "Du vyrai jėga įsodino merginą į baltą furgoną"),
    ("lt", "Vyras pagrobė mano vaiką iš parko"),
    ("tr", "İki adam bir kızı zorla beyaz bir minibüse bindirdi"),
    ("tr", "Bir adam çocuğumu parktan kaçırdı"),
    ("fa", "دو مرد یک دختر را به زور سوار یک ون سفید کردند"),
    ("fa", "یک مرد بچه‌ام را از پارک دزدید"),
    ("ta", "இரண்டு ஆண்கள் ஒரு பெண்ணை வலுக்கட்டாயமாக வெள்ளை வேனில் ஏற்றினார்கள்"),
    ("ta", "ஒருவன் என் குழந்தையை பூங்காவிலிருந்து கடத்திச் சென்றான்"),
    ("sk", "Dvaja muži vtiahli dievča do bielej dodávky"),
    ("sk", "Nejaký muž mi uniesol dieťa z ihriska"),
    ("it", "Due uomini hanno spinto a forza una ragazza in un furgone bianco"),
    ("it", "Un uomo ha rapito mio figlio al parco"),
    ("fr", "Deux hommes ont forcé une fille à monter dans une camionnette blanche"),
    ("fr", "Un homme a enlevé mon fils au parc"),
    ("zh", "两个男人把一个女孩强行拉进一辆白色面包车"),
    ("zh", "有个男人把我的孩子从公园抱走了"),
    ("hi", "दो आदमियों ने एक लड़की को जबरदस्ती सफेद वैन में डाल दिया"),
    ("hi", "एक आदमी मेरे बच्चे को पार्क से उठा ले गया"),
]
# And the ordinary questions beside them that must stay ordinary.
VEHICLE_AND_CHILD_ORDINARY = [
    "Mi hijo perdió el móvil en la playa, ¿dónde lo denuncio?",
    "Ein Transporter parkt seit Tagen vor meiner Einfahrt, wen rufe ich an?",
    "Il mio vicino ha parcheggiato il furgone sul marciapiede, posso segnalarlo?",
    "Mon voisin a enlevé la clôture entre nos jardins, est-ce légal ?",
    "Ce pedeapsă primește cineva pentru răpire în Marea Britanie?",
    "Jak zgłosić porzucony bus na naszej ulicy?",
]


@pytest.mark.parametrize(
    ("code", "text"), [(code, text) for code, texts in URGENT.items() for text in texts]
)
def test_an_emergency_in_each_new_language_is_urgent_and_named(code: str, text: str) -> None:
    said = assess(text)
    assert said.urgent, (code, text, said)
    # the language the card names and the guidance is chosen by (a Czech
    # "pomozte mi" is also a Slovak phrase: lingua and the Czech phrase
    # beside it settle it)
    assert choose(identify(text), said.language, text) == code, (code, text, said)


@pytest.mark.parametrize(
    ("code", "text"), [(code, text) for code, texts in MORE_CONCEPTS.items() for text in texts]
)
def test_held_in_water_overdose_and_come_quickly_are_urgent_and_named(code: str, text: str) -> None:
    said = assess(text)
    assert said.urgent, (code, text, said)
    assert choose(identify(text), said.language, text) == code, (code, text, said)


@pytest.mark.parametrize(
    ("code", "text"), [(code, text) for code, texts in ORDINARY.items() for text in texts]
)
def test_an_ordinary_question_with_the_same_nouns_is_not_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert not said.urgent, (code, text, said)


def test_each_new_language_has_six_emergencies_and_six_ordinary_questions() -> None:
    assert set(URGENT) == set(ORDINARY)
    for code in URGENT:
        assert len(URGENT[code]) >= 6 and len(ORDINARY[code]) >= 6, code


@pytest.mark.parametrize(("code", "text"), VEHICLE_AND_CHILD)
def test_forced_into_a_vehicle_and_a_child_taken_are_urgent_in_the_older_languages(
    code: str, text: str
) -> None:
    said = assess(text)
    assert said.urgent, (code, text, said)
    assert said.language == code, (code, text, said)


@pytest.mark.parametrize("text", VEHICLE_AND_CHILD_ORDINARY)
def test_no_new_phrase_fires_on_a_parked_van_or_a_kidnapping_question(text: str) -> None:
    # The phrases only: the English model's own reading of these languages
    # is outside this round ("Mon voisin a enlevé la clôture" is one of its
    # false alarms, before and after).
    said = assess_other(text)
    assert said is None or not said.urgent, (text, said)


# lingua is now asked for nine more languages (docs/decisions.md): an
# ordinary question in each is identified, so the card names it.
IDENTIFIED = ["bg", "ru", "uk", "sq", "vi", "hu", "lv", "el", "cs"]


@pytest.mark.parametrize("code", IDENTIFIED)
def test_lingua_names_the_nine_new_languages(code: str) -> None:
    assert code in SUPPORTED.values()
    long_enough = [t for t in ORDINARY[code] if len(t) > 40]
    assert any(identify(t) == code for t in long_enough), code


def test_tagalog_and_the_languages_lingua_lacks_are_not_asked_of_it() -> None:
    assert not {"tl", "ku", "ps", "ti", "am", "ne"} & set(SUPPORTED.values())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Paano mag-report ng ninakaw na bisikleta? Salamat po sa tulong ninyo", "tl"),
        ("Silav, cîranê me her şev muzîkê bi deng lê dide, zarokên min nikarin razên", "ku"),
    ],
)
def test_tagalog_and_kurmanji_are_named_by_their_own_common_words(text: str, code: str) -> None:
    assert identify(text) == code


def test_czech_that_lingua_splits_with_slovak_is_still_unread_by_the_model() -> None:
    text = "Můj balík zmizel, kurýr tvrdí, že ho doručil. Co mám dělat?"
    assert identify(text) is None
    assert unread_by_model(text) in {"cs", "sk"}
    assert unread_by_model("Jak zgłosić porzucony rower na naszej ulicy, proszę?") is None


@pytest.mark.parametrize(
    "text",
    [
        "sumone hacked my snap n is sendin nudes pretendin 2 b me since last nite. pls help",
        "my dad's maroon Volvo estate YR09 KLP got keyed",
        "who is our pcso",
        "can u check if my licence is suspended lol",
    ],
)
def test_short_english_lines_are_not_taken_for_the_new_languages(text: str) -> None:
    assert identify(text) is None


async def test_the_bulgarian_van_gets_the_bulgarian_then_english_guidance_and_a_card(
    h: CoreHarness,
) -> None:
    # The tenth unseen set's miss, as a concept: a girl forced into a van.
    # (Bulgarian has had a guidance text since round 12's second helper;
    # before, the card said "emergency guidance in English only".)
    replies = await h.resident_says(
        "7290",
        f"{PHRASE} Моля помогнете, в Маргейт двама мъже вкараха едно момиче в бял бус "
        "насила, тя пищеше, тръгнаха към Рамсгейт",
    )
    assert replies[0].startswith("Ако вие или някой друг сте в опасност"), replies
    assert replies[1].startswith(EMERGENCY_OPENING), replies
    (card,) = h.messages_to(STAFF_CHAT)
    body = plain(card.body)
    assert "URGENT" in body
    assert "Written in Bulgarian" in body
    assert "The resident was sent the emergency guidance in Bulgarian" in body
    assert "English only" not in body


async def test_a_tigrinya_cry_lingua_cannot_read_gets_an_urgent_card_naming_tigrinya(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says("7291", f"{PHRASE} ሓግዙኒ! ሰብኣየይ ይወቕዓኒ ኣሎ")
    assert any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    body = plain(card.body)
    assert "URGENT" in body and "Written in Tigrinya" in body


async def test_an_ordinary_russian_question_is_not_urgent_and_its_card_names_russian(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        "7292",
        f"{PHRASE} Можно ли носить складной нож в кармане на работу? Я работаю на ферме.",
    )
    assert not any(r.startswith(EMERGENCY_OPENING) for r in replies), replies
    (card,) = h.messages_to(STAFF_CHAT)
    body = plain(card.body)
    assert "URGENT" not in body
    assert "Written in Russian" in body


# The triage files read here: every development file and the spent unseen
# sets, listed (the sealed ones, which will sit beside them, never).
TRIAGE = Path(__file__).resolve().parents[1] / "data" / "triage"
SPENT_HERE = {"unseen_2026_11_a", "unseen_2026_11_b"} | {
    f"unseen_2026_11_30_{part}" for part in "abcdefghijklmnopqr"
}
READABLE = sorted(
    path
    for path in TRIAGE.glob("*.jsonl")
    if not path.name.startswith("unseen_") or path.stem in SPENT_HERE
)


def test_the_model_gives_way_on_no_urgent_line_of_the_readable_files() -> None:
    assert len(READABLE) >= 30
    given_way = {
        (path.name, item.id): item.urgent
        for path in READABLE
        for item in labelled.read(path)
        if assess(item.text).reason.startswith("none.model_unread.")
    }
    assert not any(given_way.values()), given_way
    # the Kurmanji noise complaint and the Vietnamese drugs question, both
    # the model's false alarms before the round, are not urgent
    wanted = {("unseen_2026_11_30_p.jsonl", "p9-069"), ("unseen_2026_11_30_r.jsonl", "r10-209")}
    texts = [
        item.text
        for path in READABLE
        for item in labelled.read(path)
        if (path.name, item.id) in wanted
    ]
    assert len(texts) == 2 and not any(assess(text).urgent for text in texts)


# Round 12, second languages helper: gaps found beside the model's French,
# Spanish and Italian false alarms (docs/triage-figures.md): bins burning
# beside a house with people inside, someone trying car doors now.
FIRE_AND_CAR_DOORS = [
    (
        "fr",
        "Les poubelles devant l'immeuble sont en feu et les flammes touchent la porte, "
        "il y a des gens dedans",
    ),
    ("fr", "La voiture garée contre la maison est en feu, les enfants sont à l'intérieur"),
    ("es", "Los contenedores están ardiendo junto a la casa y hay niños dentro"),
    ("es", "Un hombre está intentando abrir los coches aparcados en la calle ahora mismo"),
    ("es", "Ahora mismo dos chicos están intentando abrir las puertas de los coches en mi calle"),
    ("it", "I bidoni stanno bruciando vicino alla casa e dentro ci sono dei bambini"),
    ("it", "Il garage del vicino è in fiamme e c'è qualcuno dentro"),
]
FIRE_AND_CAR_DOORS_ORDINARY = [
    "Cada noche hay chavales intentando abrir los coches de la calle, ¿qué podemos hacer?",
    "Hace una semana alguien estaba intentando abrir los coches, ahora ya no viene",
    "¿Qué hago si veo a alguien intentando abrir coches por la noche?",
    "Les poubelles sont en feu chaque année le soir du Nouvel An, que fait la police ?",
    "Le mois dernier la voiture du voisin était en feu, il y avait des enfants dedans",
    "El año pasado los contenedores estaban ardiendo en nuestra calle, ¿se detuvo a alguien?",
    "L'anno scorso la macchina del vicino era in fiamme, dentro c'era qualcuno?",
]


@pytest.mark.parametrize(("code", "text"), FIRE_AND_CAR_DOORS)
def test_bins_on_fire_with_people_inside_and_car_doors_now_are_urgent(code: str, text: str) -> None:
    said = assess_other(text)
    assert said is not None and said.urgent, (code, text, said)
    assert said.language == code, (code, text, said)


@pytest.mark.parametrize("text", marked(FIRE_AND_CAR_DOORS_ORDINARY))
def test_last_year_every_year_or_every_night_they_are_not(text: str) -> None:
    assert not assess(text).urgent, text


async def test_bins_burning_in_italian_get_the_italian_then_english_guidance(
    h: CoreHarness,
) -> None:
    replies = await h.resident_says(
        "7293",
        f"{PHRASE} I bidoni stanno bruciando vicino alla casa e dentro ci sono dei bambini",
    )
    assert replies[0].startswith("Se lei o un'altra persona"), replies
    assert replies[1].startswith(EMERGENCY_OPENING), replies
    (card,) = h.messages_to(STAFF_CHAT)
    body = plain(card.body)
    assert "URGENT" in body and "Written in Italian" in body
