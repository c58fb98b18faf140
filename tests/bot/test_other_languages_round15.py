"""Other-language emergencies, round 15 (issue 15, r15-tlang), each through
the whole triage (``assess``):

1. held by an employer or a family (domestic servitude): locked in, the
   passport taken, not let out, hit; the twelfth set's one miss (a Tagalog
   live-in worker) as a concept in many languages, with look-alikes that
   must stay not urgent (a payslip kept, a passport renewal, locked OUT);
2. the 22 lines of round 14's coverage matrices, in Latin-script languages,
   that only the English model caught: now a phrase catches each
   (``assess_other``, the phrases alone);
3. a comic threat over a mishap ("Szef mnie zabije", "mi madre me mata")
   stays not urgent, and a real threat in the same words, with a live
   emergency, stays urgent.

Every sentence was written for these tests (none is from a corpus),
without a qualified translator or a native speaker: have them checked."""

from __future__ import annotations

import pytest

from bot.safeguarding.triage import assess
from bot.safeguarding.triage.other_languages import assess_other
from tests.bot import test_other_languages_round14_a as round14_a
from tests.bot.round14_b_matrix import CONCEPTS, EXTRA, MATRIX

# (language, concept, message): one concept a message, so each is counted
# on its own; "all" is the twelfth set's miss as a concept (several at once).
HELD: list[tuple[str, str, str]] = [
    # locked in
    ("tl", "locked in", "nilolock ako ng employer ko sa room ko every night, scared na ako"),
    ("tl", "locked in", "Ikinukulong niya ako sa kwarto tuwing aalis sila, tulungan nyo po ako"),
    ("id", "locked in", "Tolong, saya dikunci di kamar oleh majikan sejak kemarin"),
    ("bn", "locked in", "আমাকে ঘরে আটকে রাখে, কেউ সাহায্য করুন"),
    ("ur", "locked in", "وہ مجھے کمرے میں بند کر دیتے ہیں اور کھانا نہیں دیتے"),
    ("ur", "locked in", "sasural wale mujhe kamre mein band kar dete hain, please help"),
    ("hi", "locked in", "वो लोग मुझे कमरे में बंद करके रखते हैं"),
    ("ne", "locked in", "उनीहरूले मलाई कोठामा थुनेर राख्छन्"),
    ("si", "locked in", "මාව කාමරේ වහලා තියනවා, උදව් කරන්න"),
    ("ta", "locked in", "என்னை அறையில் பூட்டி வைக்கிறார்கள், உதவி செய்யுங்கள்"),
    ("ml", "locked in", "അവർ എന്നെ മുറിയിൽ പൂട്ടിയിട്ടിരിക്കുന്നു"),
    ("vi", "locked in", "họ nhốt em trong phòng cả ngày, cứu em với"),
    ("zh", "locked in", "他们把我锁在房间里，不给我吃饭"),
    ("th", "locked in", "นายจ้างขังฉันไว้ในห้อง ช่วยด้วย"),
    ("ro", "locked in", "Doamna mă încuie în cameră când pleacă"),
    ("bg", "locked in", "Заключват ме в стаята всяка вечер"),
    ("pl", "locked in", "zamykają mnie w pokoju na klucz, nie mam jak wyjść"),
    ("lt", "locked in", "Jie užrakina mane kambaryje kiekvieną naktį"),
    ("sq", "locked in", "Më mbyllin në dhomë çdo natë"),
    ("ar", "locked in", "المدام تقفل علي الباب كل يوم وما عندي تلفون"),
    ("am", "locked in", "አሰሪዬ ክፍል ውስጥ ትዘጋብኛለች"),
    ("ti", "locked in", "ኣብ ክፍሊ ትዓጽወኒ እያ"),
    ("so", "locked in", "Haweeneyda qolka igu xirtaa habeen walba"),
    ("sw", "locked in", "Bosi ananifungia chumbani kila siku"),
    ("pt", "locked in", "ela me tranca no quarto quando sai de casa"),
    ("es", "locked in", "Me encierran en el cuarto con llave, ayuda"),
    ("fr", "locked in", "Ils m'enferment dans la chambre toute la journée"),
    ("it", "locked in", "Mi chiude in camera a chiave quando esce"),
    # the passport taken by the employer
    ("tl", "passport taken", "kinuha ng amo ko ang passport ko, ayaw ibalik"),
    ("tl", "passport taken", "yung employer ko tinago passport ko since dumating ako"),
    ("id", "passport taken", "Majikan saya menahan paspor saya sejak saya datang"),
    ("bn", "passport taken", "আমার মালিক আমার পাসপোর্ট কেড়ে নিয়েছে"),
    ("ur", "passport taken", "seth ne mera passport rakh liya hai aur wapas nahi deta"),
    ("ur", "passport taken", "میرے مالک نے میرا پاسپورٹ چھین لیا ہے"),
    ("hi", "passport taken", "मालिक ने मेरा पासपोर्ट ले लिया है"),
    ("ne", "passport taken", "साहुले मेरो राहदानी खोसेको छ"),
    ("si", "passport taken", "හාම්පුතා මගේ පාස්පෝට් එක අරගෙන"),
    ("ta", "passport taken", "என் முதலாளி என் பாஸ்போர்ட்டை எடுத்துக்கொண்டார்"),
    ("ml", "passport taken", "എന്റെ അറബി പാസ്പോർട്ട് വാങ്ങി വച്ചു"),
    ("vi", "passport taken", "Bà chủ giữ hộ chiếu của em không trả"),
    ("zh", "passport taken", "老板娘把我的护照拿走了"),
    ("th", "passport taken", "นายจ้างยึดพาสปอร์ตของฉัน"),
    ("ro", "passport taken", "Patroana mi-a luat pașaportul și nu mi-l dă înapoi"),
    ("bg", "passport taken", "Работодателят взе ми паспорта"),
    ("pl", "passport taken", "Szefowa zabrała mi paszport i nie chce oddać"),
    ("lt", "passport taken", "Darbdavys atėmė mano pasą"),
    ("sq", "passport taken", "Pronari më mori pasaportën"),
    ("ar", "passport taken", "الكفيل ماسك جوازي وما يرضى يعطيني"),
    ("am", "passport taken", "አሰሪዬ ፓስፖርቴን ወሰደች"),
    ("ti", "passport taken", "ኣስራሒተይ ፓስፖርተይ ሒዛ"),
    ("so", "passport taken", "Haweeneyda aan u shaqeeyo baasaboorkayga way haysaa"),
    ("sw", "passport taken", "Bosi wangu amechukua pasipoti yangu"),
    ("pt", "passport taken", "A minha patroa ficou com o meu passaporte"),
    ("es", "passport taken", "Mi jefa me quitó el pasaporte cuando llegué"),
    ("fr", "passport taken", "Ma patronne a confisqué mon passeport"),
    ("it", "passport taken", "La signora mi ha tolto il passaporto"),
    # not let out by the employer
    ("tl", "not let out", "ang amo ko hindi ako pinapalabas ng bahay"),
    ("id", "not let out", "majikanku bilang aku gak boleh keluar rumah"),
    ("bn", "not let out", "মালিক আমাকে বাইরে যেতে দেয় না"),
    ("ur", "not let out", "malik bahar nahi jane deta, phone bhi le liya"),
    ("hi", "not let out", "मालकिन मुझे बाहर नहीं जाने देती"),
    ("ne", "not let out", "साहुले मलाई बाहिर जान दिँदैन"),
    ("ta", "not let out", "முதலாளி என்னை வெளியே போக விடமாட்டார்"),
    ("vi", "not let out", "chủ tiệm không cho em ra ngoài"),
    ("zh", "not let out", "雇主不让我出门"),
    ("ro", "not let out", "sefa nu ma lasa sa ies din casa"),
    ("pl", "not let out", "pracodawca nie wypuszcza mnie z domu"),
    ("sq", "not let out", "Pronari nuk më lë të dal nga shtëpia"),
    ("ar", "not let out", "المدام ما تخليني اطلع من البيت"),
    ("pt", "not let out", "o patrão não me deixa sair de casa"),
    ("es", "not let out", "la señora no me deja salir de la casa"),
    ("fr", "not let out", "mon employeur ne me laisse pas sortir"),
    ("it", "not let out", "il datore di lavoro non mi lascia uscire"),
    ("sw", "not let out", "Mama mwenye nyumba haniruhusu kutoka nje"),
    # hit by the employer
    ("tl", "hit by the employer", "sinampal ako ng amo ko kagabi"),
    ("tl", "hit by the employer", "yung amo ko sinasaktan ako pag may mali"),
    ("id", "hit by the employer", "majikan saya memukul saya tadi malam"),
    ("bn", "hit by the employer", "মালিক আমাকে মারধর করে"),
    ("ur", "hit by the employer", "madam mujhe maarti hai roz"),
    ("hi", "hit by the employer", "मालकिन मुझे मारती है"),
    ("ne", "hit by the employer", "साहुले मलाई कुट्छ"),
    ("ta", "hit by the employer", "முதலாளி என்னை அடிக்கிறார்"),
    ("vi", "hit by the employer", "bà chủ đánh em tối qua"),
    ("zh", "hit by the employer", "老板打伤了我"),
    ("ro", "hit by the employer", "patroana m-a lovit aseară"),
    ("bg", "hit by the employer", "Шефката ме удари снощи"),
    ("pl", "hit by the employer", "szefowa mnie uderzyła wczoraj"),
    ("lt", "hit by the employer", "Šeimininkė mane sumušė"),
    ("ar", "hit by the employer", "الكفيل ضربني امس"),
    ("pt", "hit by the employer", "a patroa me bateu ontem"),
    ("es", "hit by the employer", "la señora me pegó anoche"),
    ("fr", "hit by the employer", "ma patronne m'a giflée hier soir"),
    ("it", "hit by the employer", "la signora mi ha picchiata ieri sera"),
    ("sw", "hit by the employer", "bosi ananipiga kila siku"),
    # all at once, as the twelfth set's miss
    (
        "tl",
        "all",
        "Tulungan nyo po ako, kinuha ng amo ko ang passport ko at ikinukulong nya ako"
        " sa kwarto. Sinaktan nya ako kagabi, hindi ako makalabas",
    ),
    ("tl", "all", "My employer madam took my passport, ayaw akong palabasin, sinasaktan nya ako"),
    ("id", "all", "Tolong saya, majikan saya menahan paspor saya dan saya dikunci di kamar"),
    ("ur", "all", "seth ne mera passport rakh liya, kamre mein band karta hai, kal mujhe mara"),
    ("vi", "all", "Bà chủ giữ hộ chiếu của em và nhốt em trong phòng, tối qua bà ấy đánh em"),
    ("ar", "all", "الكفيل ماسك جوازي ويقفل علي الباب وضربني امس"),
    ("es", "all", "Mi jefa me quitó el pasaporte y me encierra en el cuarto, anoche me pegó"),
    ("pl", "all", "Szefowa zabrała mi paszport i zamyka mnie w pokoju, wczoraj mnie uderzyła"),
    ("ro", "all", "Patroana mi-a luat pașaportul și mă încuie în cameră, aseară m-a lovit"),
    ("sw", "all", "Bosi wangu amechukua pasipoti yangu, ananifungia chumbani na ananipiga"),
]

# Look-alikes: a payslip or papers kept, a passport renewed or lost, locked
# OUT, a parent's "you can't go out", a call ("ananipiga simu").
HELD_LOOK_ALIKES: list[tuple[str, str]] = [
    ("tl", "kinuha ng amo ko ang payslip ko, legal ba yan?"),
    ("tl", "paano mag-renew ng passport dito sa UK?"),
    ("tl", "naka lock ako sa labas ng flat ko, nawala susi ko"),
    ("tl", "hindi ako makalabas ng bahay kasi umuulan, pwede online report?"),
    ("id", "majikan saya menyimpan slip gaji saya, apakah boleh?"),
    ("id", "bagaimana cara perpanjang paspor di London?"),
    ("id", "saya dikunci di luar apartemen, kunci hilang"),
    ("es", "mi jefe se quedó con mi nómina, ¿es legal?"),
    ("es", "¿cómo renuevo el pasaporte en Londres?"),
    ("es", "me quedé fuera de mi piso, perdí las llaves"),
    ("es", "mi madre no me deja salir con mis amigos el sábado"),
    ("pt", "estou trancada fora de casa, perdi a chave"),
    ("pt", "minha mãe não me deixa sair à noite, é justo?"),
    ("pt", "como renovar o passaporte no Reino Unido?"),
    ("pl", "jestem zamknięta w sobie od dziecka"),
    ("pl", "jak przedłużyć paszport w Londynie?"),
    ("pl", "szef zatrzymał mój pasek z wypłaty"),
    ("fr", "je suis enfermée dehors, j'ai perdu mes clés"),
    ("fr", "mon patron a gardé ma fiche de paie"),
    ("ro", "cum îmi reînnoiesc pașaportul?"),
    ("ro", "patronul mi-a luat fluturașul de salariu"),
    ("ar", "كيف اجدد جوازي في لندن؟"),
    ("ar", "قفل علي الخط وما رد"),
    ("zh", "我把自己锁在门外了，钥匙在里面"),
    ("zh", "护照续签怎么办？"),
    ("zh", "他们把我关在门外了"),
    ("sw", "bosi ananipiga simu kila siku usiku"),
    ("vi", "làm lại hộ chiếu ở đâu?"),
    ("hi", "मालिक ने मेरी सैलरी स्लिप रख ली"),
    ("ur", "passport renew karwana hai, kahan jaun?"),
    ("it", "sono chiusa fuori casa, ho perso le chiavi"),
    ("bg", "заключена съм отвън, загубих ключовете"),
]

# Real emergencies in the new guard's own words, or the new phrases' words
# with a live emergency: urgent.
HELD_STILL_URGENT: list[tuple[str, str]] = [
    ("pt", "estou trancada fora de casa e o meu ex está aqui com uma faca"),
    ("fr", "je suis enfermée dehors et il me frappe, au secours"),
    ("sw", "ananipiga simu akisema atanikata, sasa yuko mlangoni na panga"),
    ("zh", "他们把我关在门外，他拿刀砍我"),
    ("id", "saya dikunci di luar, dia memukul saya sekarang, tolong"),
    ("pl", "jestem zamknięta w sobie ale teraz mąż mnie bije, pomocy"),
    ("tl", "naka lock ako sa labas, sinasaktan niya ako ngayon"),
    ("lt", "esu užrakinta lauke, jis mane muša, padėkite"),
]

# Round 14's matrix lines (Latin script) only the model caught, and the one
# French second wording: the phrases alone now catch each.
MODEL_ONLY: list[tuple[str, str]] = [
    ("ro", "Prietena mea e pe pod și zice că se aruncă"),
    ("ro", "E cineva în casă acum, aud un hoț jos, sunt ascunsă în dormitor"),
    ("pt", "Está um homem com um machado na mão a ameaçar toda a gente no café"),
    ("pt", "Está alguém dentro de casa, ouço o ladrão lá em baixo"),
    ("pt", "minha amiga ta na ponte falando que vai pular"),
    ("pt", "minha mae tomou uma cartela inteira de remedio e ta passando mal"),
    ("pt", "um homem puxou uma menina pra dentro de um carro preto agora"),
    ("pt", "tem um ladrão dentro de casa agora, to escondida no quarto"),
    ("pt", "tem uma criança se afogando no lago"),
    ("es", "Mi amiga está en el puente y dice que se va a tirar"),
    ("es", "Mi madre se ha tomado una caja entera de pastillas para dormir"),
    ("es", "Mi hijo me ha mandado un mensaje de despedida y no coge el teléfono"),
    ("es", "Hay un ladrón dentro de mi casa ahora, estoy escondida en el armario"),
    ("fr", "Mon ami est sur le pont et dit qu'il va sauter"),
    ("fr", "Il y a un cambrioleur dans la maison en ce moment, je suis cachée dans la chambre"),
    ("it", "Mio figlio mi ha mandato un messaggio di addio e non risponde"),
    ("it", "C'è un ladro in casa adesso, sono nascosta in camera"),
    ("lv", "Draugs stāv uz tilta un saka, ka lēks"),
    ("cy", "Mae fy ffrind ar y bont ac yn dweud ei fod e'n mynd i neidio"),
    ("cy", "Mae lleidr yn y tŷ nawr, dw i'n ei glywed e lawr staer"),
    ("cy", "Dw i'n clywed ergydion gwn ar ein stryd, mae rhywun yn saethu"),
    ("fr", "y a le feu dans l'immeuble et ma voisine est coincée dedans"),
]

# The same concepts in other voices (text-speak, no accents, formal).
MODEL_ONLY_OTHER_VOICES: list[tuple[str, str]] = [
    ("ro", "fratele meu e pe acoperis si zice ca sare"),
    ("pt", "o meu filho está no telhado do prédio e diz que vai saltar"),
    ("es", "mi hermano esta en la azotea y amenaza con tirarse"),
    ("fr", "ma soeur est sur le balcon, elle menace de sauter"),
    ("it", "mio fratello è sul tetto e vuole buttarsi"),
    ("es", "hay alguien dentro de casa, oigo ruidos abajo, tengo miedo"),
    ("it", "qualcuno è entrato in casa, sono chiusa in bagno"),
    ("fr", "quelqu'un est entré chez moi, je l'entends en bas"),
    ("pt", "alguém entrou em casa agora, estou no quarto com as crianças"),
    ("es", "mi novio me ha enviado una carta de despedida y no contesta"),
    ("it", "mia figlia ha lasciato un biglietto di addio, non la trovo"),
    ("pt", "ele engoliu uma caixa inteira de remédio, não acorda direito"),
    ("cy", "mae rhywun yn saethu ar y stryd tu allan"),
    ("fr", "il y a un incendie, mon voisin est bloqué à l'intérieur"),
]

# Latin-script look-alikes of those concepts that must stay not urgent.
MODEL_ONLY_LOOK_ALIKES: list[tuple[str, str]] = [
    ("es", "el ladrón que entró en casa el año pasado, ¿lo han pillado?"),
    ("pt", "o ladrão que entrou em casa no ano passado foi preso?"),
    ("it", "i ladri in casa l'anno scorso: a che punto è l'indagine?"),
    ("fr", "il y a eu un feu de poubelle, personne n'est dedans"),
    ("es", "mi jefe me ha mandado un mensaje de despedida por mi jubilación"),
    ("pt", "minha sobrinha vai pular de paraquedas amanhã, precisa de autorização?"),
]

COMIC: list[tuple[str, str]] = [
    ("pl", "Szef mnie zabije, utknęłam w korkach przez roboty drogowe"),
    ("pl", "mama mnie zabije jak zobaczy oceny"),
    ("pl", "tata mnie zabije bo porysowałam mu auto na parkingu"),
    ("es", "mi madre me mata si ve que rompí el jarrón"),
    ("es", "mi jefe me va a matar, llego tarde otra vez por el tren"),
    ("es", "mi padre me va a matar cuando vea el coche, ¿dónde denuncio un golpe?"),
    ("ro", "mă omoară mama că am spart vaza"),
    ("ro", "patronul mă omoară dacă întârzii iar"),
    ("ro", "mama mă omoară, am pierdut cheile de la mașină"),
    ("pt", "minha mãe vai me matar, bati o carro dela"),
    ("pt", "o meu chefe vai-me matar quando souber que cheguei tarde"),
    ("it", "mia madre mi ammazza, ho rotto il vaso"),
    ("tr", "babam beni öldürecek, arabayı çizdim"),
    ("ur", "abbu mujhe maar denge, maine gaari pe scratch laga diya"),
    ("ur", "abba mujhe jaan se maar denge, phone toot gaya"),
    ("ur", "ammi mujhe maar dalegi agar result dekh liya"),
    ("ur", "امی مجھے مار ڈالیں گی، گلدان ٹوٹ گیا"),
    ("hi", "पापा मुझे मार डालेंगे अगर उन्हें पता चला कि फ़ोन टूट गया"),
]

# The same words with a live emergency, a partner, or a beating: urgent.
COMIC_LOOK_ALIKES_URGENT: list[tuple[str, str]] = [
    ("es", "mi padre me va a matar porque tiene un cuchillo en la mano"),
    ("pl", "tata mnie zabije bo ma nóż i bije mnie teraz"),
    ("ro", "mama mă omoară în bătaie, ajutor"),
    ("ur", "abbu mujhe maar denge, unke haath mein chaku hai"),
    ("es", "mi marido me va a matar cuando llegue"),
    ("pl", "mąż mnie zabije, pomocy"),
    ("pt", "meu pai vai me matar quando chegar, ele está com uma arma"),
    ("it", "mio padre mi ammazza perché ha un coltello e mi sta picchiando"),
    ("tr", "babam beni öldürecek çünkü elinde bıçak var"),
    ("ro", "tata o să mă omoare că am întârziat, acum mă bate cu cureaua"),
]


@pytest.mark.parametrize(("code", "concept", "text"), HELD)
def test_held_by_an_employer_is_urgent_in_its_language(code: str, concept: str, text: str) -> None:
    said = assess(text)
    assert said.urgent, (code, concept, text, said)
    assert said.language in {code, None}, (code, text, said)


def test_each_held_concept_has_at_least_eight_wordings() -> None:
    for concept in ("locked in", "passport taken", "not let out", "hit by the employer", "all"):
        assert len({t for _, c, t in HELD if c == concept}) >= 8, concept


@pytest.mark.parametrize(("code", "text"), HELD_LOOK_ALIKES)
def test_a_payslip_a_renewal_or_locked_out_is_not_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert not said.urgent, (code, text, said)


@pytest.mark.parametrize(("code", "text"), HELD_STILL_URGENT)
def test_locked_out_with_a_live_emergency_stays_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert said.urgent, (code, text, said)


@pytest.mark.parametrize(("code", "text"), MODEL_ONLY)
def test_the_matrix_lines_the_model_alone_caught_have_a_phrase(code: str, text: str) -> None:
    said = assess_other(text)
    assert said is not None and said.urgent, (code, text, said)
    assert said.language == code, (code, text, said)
    assert assess(text).urgent


def test_the_model_only_lines_are_round_14s() -> None:
    written = {t for _, texts in MATRIX.values() for t in texts} | {t for _, t in EXTRA}
    written |= {t for _, _, t in round14_a.MATRIX}
    assert len(CONCEPTS) == 14
    assert {t for _, t in MODEL_ONLY} <= written


def test_every_round_14_matrix_line_has_a_phrase() -> None:
    lines = [t for _, texts in MATRIX.values() for t in texts] + [t for _, t in EXTRA]
    lines += [t for _, _, t in round14_a.MATRIX]
    unphrased = [t for t in lines if (said := assess_other(t)) is None or not said.urgent]
    assert unphrased == []


@pytest.mark.parametrize(("code", "text"), MODEL_ONLY_OTHER_VOICES)
def test_the_same_concepts_in_other_voices_have_a_phrase(code: str, text: str) -> None:
    said = assess_other(text)
    assert said is not None and said.urgent, (code, text, said)
    assert assess(text).urgent


@pytest.mark.parametrize(("code", "text"), MODEL_ONLY_LOOK_ALIKES)
def test_their_look_alikes_are_not_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert not said.urgent, (code, text, said)


@pytest.mark.parametrize(("code", "text"), COMIC)
def test_a_comic_threat_over_a_mishap_is_not_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert not said.urgent, (code, text, said)


@pytest.mark.parametrize(("code", "text"), COMIC_LOOK_ALIKES_URGENT)
def test_a_real_threat_in_the_same_words_stays_urgent(code: str, text: str) -> None:
    said = assess(text)
    assert said.urgent, (code, text, said)
