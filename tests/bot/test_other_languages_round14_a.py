"""Other languages, group A, round 14 (issue 15): a coverage matrix of the
core emergencies in Arabic (with dialects), Urdu (script and romanised),
Punjabi (Gurmukhi, Shahmukhi, romanised), Hindi, Bengali (and Sylheti as
written), Gujarati, Tamil (written and spoken), Nepali, Persian, Kurdish
(Sorani and Kurmanji), Pashto, Somali, Tigrinya, Amharic and Turkish, each
through the whole triage (``assess``); second wordings in other voices;
ordinary look-alikes in each language (past events, procedure questions,
idioms, ordinary medicine talk); round 13's known Arabic false alarms ("my
son doesn't wake up for school", "can the car be towed ... the girl next
door") and a Gujarati car-seat question, each with eight wordings and
emergencies that use the same words; and the emergency guidance in Kurdish,
Pashto, Tigrinya and Amharic.

Before this round the matrix was caught 164/260 (docs/triage-figures.md,
"Round 14: other languages, group A"). Every sentence below was written for
these tests (none is from a corpus), without a qualified translator or a
native speaker."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.edge.rich import plain
from bot.safeguarding.triage import assess
from bot.safeguarding.triage.other_languages import assess_other
from tests.support import triage_labelled as labelled
from tests.support.core_harness import STAFF_CHAT, CoreHarness
from tests.support.round16_model import marked

PHRASE = "Bromley Police Online Forum"
EMERGENCY_OPENING = "If you or someone else is in danger"

# How each way of writing is named by the triage (Triage.language: the
# guidance it is sent): Punjabi in Shahmukhi gets the Urdu text (its
# script), Sylheti the Bengali one, Kurmanji and Sorani the Kurdish one.
CODE = {
    "ar": "ar",
    "ur": "ur",
    "ur-latn": "ur",
    "pa": "pa",
    "pa-shahmukhi": "ur",
    "pa-latn": "pa",
    "hi": "hi",
    "bn": "bn",
    "bn-sylheti": "bn",
    "gu": "gu",
    "ta": "ta",
    "ta-spoken": "ta",
    "ne": "ne",
    "fa": "fa",
    "ku-sorani": "ku",
    "ku-kurmanji": "ku",
    "ps": "ps",
    "so": "so",
    "ti": "ti",
    "am": "am",
    "tr": "tr",
}
CONCEPTS = (
    "attack",  # being attacked now
    "stabbed",  # stabbed / bleeding
    "domestic",  # a partner beating the writer, at home now
    "fire",  # fire with people inside
    "child_missing",
    "jump",  # someone about to jump
    "overdose",
    "farewell",  # a farewell message
    "not_breathing",  # fallen, not breathing
    "car",  # pulled into a car
    "weapon",  # a weapon in hand, threatening
    "burglar",  # a burglar in the house now
    "drowning",
    "gunshots",
)

# (way of writing, concept, message): every concept in every language; a
# few concepts in the second scripts and spoken forms.
MATRIX: list[tuple[str, str, str]] = [
    ("ar", "attack", "ساعدوني في رجال يضربوني الحين قدام البيت"),
    ("ar", "stabbed", "اخوي انطعن بسكين وينزف كثير"),
    ("ar", "domestic", "زوجي يضربني الآن وهو في البيت، أنا خايفة"),
    ("ar", "fire", "في حريق في الشقة وفي أطفال جوا"),
    ("ar", "child_missing", "بنتي ضاعت في السوق من ربع ساعة، عمرها خمس سنين"),
    ("ar", "jump", "في واحد واقف على حافة الجسر يبي ينط"),
    ("ar", "overdose", "أخوي بلع علبة حبوب كاملة وما يرد علي"),
    ("ar", "farewell", "صاحبي بعث لي رسالة وداع وقال سامحوني"),
    ("ar", "not_breathing", "أبوي طاح على الأرض وما يتنفس"),
    ("ar", "car", "شفت رجال يسحبون بنت لداخل سيارة سوداء"),
    ("ar", "weapon", "في رجل ماسك سكين ويهدد الناس في الشارع"),
    ("ar", "burglar", "في حرامي داخل البيت الحين، أسمع صوته تحت"),
    ("ar", "drowning", "ولد يغرق في النهر، ساعدونا"),
    ("ar", "gunshots", "سمعنا إطلاق نار في الشارع والناس تصرخ"),
    ("ur", "attack", "مجھے کچھ لڑکے مار رہے ہیں، مدد کریں"),
    ("ur", "stabbed", "میرے بھائی کو چاقو لگا ہے، خون بہہ رہا ہے"),
    ("ur", "domestic", "میرا شوہر مجھے مار رہا ہے، وہ ابھی گھر میں ہے"),
    ("ur", "fire", "گھر میں آگ لگ گئی ہے، بچے اندر ہیں"),
    ("ur", "child_missing", "میرا بیٹا پارک سے غائب ہو گیا ہے، ابھی ابھی"),
    ("ur", "jump", "ایک آدمی پل سے چھلانگ لگانے والا ہے"),
    ("ur", "overdose", "میری امی نے بہت ساری نیند کی گولیاں کھا لی ہیں"),
    ("ur", "farewell", "میرے دوست نے الوداعی پیغام بھیجا ہے اور فون بند ہے"),
    ("ur", "not_breathing", "دادا جی گر گئے ہیں اور سانس نہیں لے رہے"),
    ("ur", "car", "ایک آدمی لڑکی کو زبردستی گاڑی میں ڈال رہا ہے"),
    ("ur", "weapon", "ایک آدمی کے ہاتھ میں چھری ہے اور سب کو دھمکا رہا ہے"),
    ("ur", "burglar", "گھر میں چور گھس آیا ہے، میں اوپر چھپی ہوں"),
    ("ur", "drowning", "ایک بچہ نہر میں ڈوب رہا ہے"),
    ("ur", "gunshots", "باہر گولیاں چل رہی ہیں"),
    ("ur-latn", "attack", "mujhe kuch larke maar rahe hain help karo"),
    ("ur-latn", "stabbed", "bhai ko chaku lag gaya hai khoon beh raha hai"),
    ("ur-latn", "domestic", "mera husband mujhe maar raha hai abhi ghar pe hai"),
    ("ur-latn", "fire", "ghar mein aag lag gayi hai bache andar hain"),
    ("ur-latn", "child_missing", "mera beta park se gum ho gaya hai abhi"),
    ("ur-latn", "jump", "ek banda bridge se koodne wala hai"),
    ("ur-latn", "overdose", "ammi ne bohat saari neend ki goliyan kha li hain"),
    ("ur-latn", "farewell", "dost ne goodbye ka message bheja hai aur phone band hai"),
    ("ur-latn", "not_breathing", "dada ji gir gaye hain saans nahi le rahe"),
    ("ur-latn", "car", "ek aadmi larki ko zabardasti gaari mein daal raha hai"),
    ("ur-latn", "weapon", "ek bande ke haath mein churi hai sab ko dhamka raha hai"),
    ("ur-latn", "burglar", "ghar mein chor ghus aaya hai main upar chhupi hoon"),
    ("ur-latn", "drowning", "ek bacha nehar mein doob raha hai"),
    ("ur-latn", "gunshots", "bahar goliyan chal rahi hain"),
    ("pa", "attack", "ਮੈਨੂੰ ਕੁਝ ਮੁੰਡੇ ਕੁੱਟ ਰਹੇ ਨੇ, ਮਦਦ ਕਰੋ"),
    ("pa", "stabbed", "ਮੇਰੇ ਭਰਾ ਨੂੰ ਚਾਕੂ ਵੱਜਿਆ ਹੈ, ਖੂਨ ਵਗ ਰਿਹਾ ਹੈ"),
    ("pa", "domestic", "ਮੇਰਾ ਘਰਵਾਲਾ ਮੈਨੂੰ ਕੁੱਟ ਰਿਹਾ ਹੈ, ਉਹ ਹੁਣ ਘਰ ਵਿੱਚ ਹੈ"),
    ("pa", "fire", "ਘਰ ਨੂੰ ਅੱਗ ਲੱਗ ਗਈ ਹੈ, ਬੱਚੇ ਅੰਦਰ ਨੇ"),
    ("pa", "child_missing", "ਮੇਰਾ ਪੁੱਤ ਪਾਰਕ ਵਿੱਚੋਂ ਗੁੰਮ ਹੋ ਗਿਆ ਹੈ"),
    ("pa", "jump", "ਇੱਕ ਬੰਦਾ ਪੁਲ ਤੋਂ ਛਾਲ ਮਾਰਨ ਲੱਗਾ ਹੈ"),
    ("pa", "overdose", "ਮੇਰੀ ਮਾਂ ਨੇ ਬਹੁਤ ਸਾਰੀਆਂ ਨੀਂਦ ਦੀਆਂ ਗੋਲੀਆਂ ਖਾ ਲਈਆਂ ਨੇ"),
    ("pa", "farewell", "ਮੇਰੇ ਦੋਸਤ ਨੇ ਅਲਵਿਦਾ ਦਾ ਮੈਸੇਜ ਭੇਜਿਆ ਹੈ ਤੇ ਫ਼ੋਨ ਬੰਦ ਹੈ"),
    ("pa", "not_breathing", "ਬਾਪੂ ਜੀ ਡਿੱਗ ਪਏ ਨੇ ਤੇ ਸਾਹ ਨਹੀਂ ਲੈ ਰਹੇ"),
    ("pa", "car", "ਇੱਕ ਬੰਦਾ ਕੁੜੀ ਨੂੰ ਜ਼ਬਰਦਸਤੀ ਗੱਡੀ ਵਿੱਚ ਬਿਠਾ ਰਿਹਾ ਹੈ"),
    ("pa", "weapon", "ਇੱਕ ਬੰਦੇ ਦੇ ਹੱਥ ਵਿੱਚ ਤਲਵਾਰ ਹੈ ਤੇ ਧਮਕੀਆਂ ਦੇ ਰਿਹਾ ਹੈ"),
    ("pa", "burglar", "ਘਰ ਵਿੱਚ ਚੋਰ ਵੜ ਗਿਆ ਹੈ, ਮੈਂ ਉੱਪਰ ਲੁਕੀ ਹੋਈ ਹਾਂ"),
    ("pa", "drowning", "ਇੱਕ ਬੱਚਾ ਨਹਿਰ ਵਿੱਚ ਡੁੱਬ ਰਿਹਾ ਹੈ"),
    ("pa", "gunshots", "ਬਾਹਰ ਗੋਲੀਆਂ ਚੱਲ ਰਹੀਆਂ ਨੇ"),
    ("pa-shahmukhi", "attack", "مینوں کجھ منڈے کُٹ رہے نیں، مدد کرو"),
    ("pa-shahmukhi", "domestic", "میرا گھر والا مینوں کُٹ رہیا اے، او ہُن گھر وچ اے"),
    ("pa-shahmukhi", "fire", "گھر نوں اگ لگ گئی اے، بچے اندر نیں"),
    ("pa-shahmukhi", "child_missing", "میرا پتر پارک وچوں گم ہو گیا اے"),
    ("pa-shahmukhi", "not_breathing", "بابا جی ڈگ پئے نیں تے ساہ نئیں لے رہے"),
    ("pa-shahmukhi", "weapon", "اک بندے دے ہتھ وچ چھری اے تے دھمکیاں دے رہیا اے"),
    ("pa-latn", "attack", "menu kuch munde kutt rahe ne madad karo"),
    ("pa-latn", "domestic", "mera gharwala menu kutt reha aa, hun ghar ch aa"),
    ("pa-latn", "fire", "ghar nu agg lag gayi aa bache andar ne"),
    ("pa-latn", "child_missing", "mera putt park cho gum ho gaya"),
    ("pa-latn", "not_breathing", "bapu ji dig paye ne saah nahi lai rahe"),
    ("pa-latn", "weapon", "ik bande de hath vich talwar aa te dhamkiyan de reha"),
    ("hi", "attack", "कुछ लड़के मुझे मार रहे हैं, मदद करो"),
    ("hi", "stabbed", "मेरे भाई को चाकू लगा है, खून बह रहा है"),
    ("hi", "domestic", "मेरा पति मुझे मार रहा है, वो अभी घर में है"),
    ("hi", "fire", "घर में आग लग गई है, बच्चे अंदर हैं"),
    ("hi", "child_missing", "मेरा बेटा पार्क से गायब हो गया है"),
    ("hi", "jump", "एक आदमी पुल से कूदने वाला है"),
    ("hi", "overdose", "मेरी माँ ने नींद की बहुत सारी गोलियाँ खा ली हैं"),
    ("hi", "farewell", "मेरे दोस्त ने अलविदा का मैसेज भेजा है और फ़ोन बंद है"),
    ("hi", "not_breathing", "दादाजी गिर गए हैं और साँस नहीं ले रहे"),
    ("hi", "car", "एक आदमी लड़की को ज़बरदस्ती गाड़ी में डाल रहा है"),
    ("hi", "weapon", "एक आदमी के हाथ में चाकू है और सबको धमका रहा है"),
    ("hi", "burglar", "घर में चोर घुस आया है, मैं ऊपर छुपी हूँ"),
    ("hi", "drowning", "एक बच्चा नहर में डूब रहा है"),
    ("hi", "gunshots", "बाहर गोलियाँ चल रही हैं"),
    ("bn", "attack", "কয়েকটা ছেলে আমাকে মারছে, সাহায্য করুন"),
    ("bn", "stabbed", "আমার ভাইকে ছুরি মেরেছে, রক্ত পড়ছে"),
    ("bn", "domestic", "আমার স্বামী আমাকে মারছে, সে এখন বাড়িতে"),
    ("bn", "fire", "বাড়িতে আগুন লেগেছে, বাচ্চারা ভিতরে"),
    ("bn", "child_missing", "আমার ছেলে পার্ক থেকে হারিয়ে গেছে"),
    ("bn", "jump", "একজন লোক ব্রিজ থেকে লাফ দিতে যাচ্ছে"),
    ("bn", "overdose", "আমার মা অনেকগুলো ঘুমের ওষুধ খেয়ে ফেলেছে"),
    ("bn", "farewell", "আমার বন্ধু বিদায়ের মেসেজ পাঠিয়েছে, ফোন বন্ধ"),
    ("bn", "not_breathing", "দাদু পড়ে গেছেন, শ্বাস নিচ্ছেন না"),
    ("bn", "car", "একটা লোক মেয়েটাকে জোর করে গাড়িতে তুলছে"),
    ("bn", "weapon", "একজনের হাতে ছুরি, সবাইকে হুমকি দিচ্ছে"),
    ("bn", "burglar", "বাড়িতে চোর ঢুকেছে, আমি উপরে লুকিয়ে আছি"),
    ("bn", "drowning", "একটা বাচ্চা পুকুরে ডুবে যাচ্ছে"),
    ("bn", "gunshots", "বাইরে গুলি চলছে"),
    ("bn-sylheti", "domestic", "আমার জামাই আমারে মারের, বাচাও"),
    ("bn-sylheti", "child_missing", "আমার ফুড়িটা হারাই গেছে পার্কো"),
    ("bn-sylheti", "fire", "ঘরো আগুন লাগছে, বাইচ্চাইন ভিতরে"),
    ("bn-sylheti", "not_breathing", "আব্বা পড়ি গেছইন, দম লইরা না"),
    ("gu", "attack", "કેટલાક છોકરાઓ મને મારી રહ્યા છે, મદદ કરો"),
    ("gu", "stabbed", "મારા ભાઈને ચપ્પુ વાગ્યું છે, લોહી નીકળે છે"),
    ("gu", "domestic", "મારો પતિ મને મારી રહ્યો છે, તે હમણાં ઘરમાં છે"),
    ("gu", "fire", "ઘરમાં આગ લાગી છે, બાળકો અંદર છે"),
    ("gu", "child_missing", "મારો દીકરો પાર્કમાંથી ખોવાઈ ગયો છે"),
    ("gu", "jump", "એક માણસ પુલ પરથી કૂદવાનો છે"),
    ("gu", "overdose", "મારી મમ્મીએ ઊંઘની ઘણી ગોળીઓ ખાઈ લીધી છે"),
    ("gu", "farewell", "મારા મિત્રએ અલવિદાનો મેસેજ મોકલ્યો છે અને ફોન બંધ છે"),
    ("gu", "not_breathing", "દાદા પડી ગયા છે અને શ્વાસ નથી લેતા"),
    ("gu", "car", "એક માણસ છોકરીને જબરદસ્તી ગાડીમાં બેસાડી રહ્યો છે"),
    ("gu", "weapon", "એક માણસના હાથમાં છરી છે અને બધાને ધમકાવે છે"),
    ("gu", "burglar", "ઘરમાં ચોર ઘૂસી આવ્યો છે, હું ઉપર છુપાઈ છું"),
    ("gu", "drowning", "એક બાળક તળાવમાં ડૂબી રહ્યું છે"),
    ("gu", "gunshots", "બહાર ગોળીબાર થઈ રહ્યો છે"),
    ("ta", "attack", "சிலர் என்னை அடிக்கிறார்கள், உதவி செய்யுங்கள்"),
    ("ta", "stabbed", "என் அண்ணனை கத்தியால் குத்திவிட்டார்கள், ரத்தம் வருகிறது"),
    ("ta", "domestic", "என் கணவர் என்னை அடிக்கிறார், அவர் இப்போது வீட்டில் இருக்கிறார்"),
    ("ta", "fire", "வீட்டில் தீ பிடித்துவிட்டது, குழந்தைகள் உள்ளே இருக்கிறார்கள்"),
    ("ta", "child_missing", "என் மகனை பூங்காவில் காணவில்லை"),
    ("ta", "jump", "ஒருவர் பாலத்திலிருந்து குதிக்கப் போகிறார்"),
    ("ta", "overdose", "என் அம்மா நிறைய தூக்க மாத்திரைகளை சாப்பிட்டுவிட்டார்"),
    ("ta", "farewell", "என் நண்பன் விடைபெறும் செய்தி அனுப்பினான், போன் எடுக்கவில்லை"),
    ("ta", "not_breathing", "தாத்தா கீழே விழுந்துவிட்டார், மூச்சு விடவில்லை"),
    ("ta", "car", "ஒருவன் ஒரு பெண்ணை வலுக்கட்டாயமாக காரில் ஏற்றுகிறான்"),
    ("ta", "weapon", "ஒருவன் கையில் கத்தியுடன் எல்லோரையும் மிரட்டுகிறான்"),
    ("ta", "burglar", "வீட்டுக்குள் திருடன் நுழைந்துவிட்டான், நான் மாடியில் ஒளிந்திருக்கிறேன்"),
    ("ta", "drowning", "ஒரு குழந்தை குளத்தில் மூழ்குகிறது"),
    ("ta", "gunshots", "வெளியே துப்பாக்கிச் சூடு நடக்கிறது"),
    ("ta-spoken", "attack", "என்னை அடிக்கிறாங்க, காப்பாத்துங்க"),
    ("ta-spoken", "fire", "வீட்டுல தீ பிடிச்சிருச்சு, பிள்ளைங்க உள்ள இருக்காங்க"),
    ("ta-spoken", "child_missing", "என் பையன காணோம், பார்க்ல இருந்தான்"),
    ("ta-spoken", "not_breathing", "அப்பா விழுந்துட்டாரு, மூச்சு விடல"),
    ("ta-spoken", "jump", "ஒருத்தன் பாலத்துல இருந்து குதிக்க போறான்"),
    ("ta-spoken", "domestic", "என் புருஷன் என்ன அடிக்கிறான், இப்ப வீட்டுல இருக்கான்"),
    ("ne", "attack", "केही केटाहरूले मलाई कुटिरहेका छन्, बचाउनुहोस्"),
    ("ne", "stabbed", "मेरो दाइलाई चक्कुले हान्यो, रगत बगिरहेको छ"),
    ("ne", "domestic", "मेरो श्रीमानले मलाई पिटिरहेको छ, ऊ अहिले घरमै छ"),
    ("ne", "fire", "घरमा आगो लागेको छ, बच्चाहरू भित्र छन्"),
    ("ne", "child_missing", "मेरो छोरा पार्कबाट हरायो"),
    ("ne", "jump", "एक जना मान्छे पुलबाट हाम फाल्न लागेको छ"),
    ("ne", "overdose", "मेरी आमाले धेरै निद्राको चक्की खानुभयो"),
    ("ne", "farewell", "मेरो साथीले बिदाइको म्यासेज पठायो, फोन उठाउँदैन"),
    ("ne", "not_breathing", "हजुरबुबा लड्नुभयो, सास फेर्नुहुन्न"),
    ("ne", "car", "एक जना मान्छेले केटीलाई जबरजस्ती गाडीमा हाल्दैछ"),
    ("ne", "weapon", "एक जना मान्छेको हातमा खुकुरी छ, सबैलाई धम्काउँदैछ"),
    ("ne", "burglar", "घरभित्र चोर पस्यो, म माथि लुकेको छु"),
    ("ne", "drowning", "एउटा बच्चा पोखरीमा डुब्दैछ"),
    ("ne", "gunshots", "बाहिर गोली चलिरहेको छ"),
    ("fa", "attack", "چند نفر دارن منو میزنن، کمک کنید"),
    ("fa", "stabbed", "برادرم چاقو خورده، داره خون میره"),
    ("fa", "domestic", "شوهرم داره منو کتک میزنه، الان خونه ست"),
    ("fa", "fire", "خونه آتیش گرفته، بچه ها داخلن"),
    ("fa", "child_missing", "پسرم توی پارک گم شده"),
    ("fa", "jump", "یه مرد میخواد از روی پل بپره"),
    ("fa", "overdose", "مادرم کلی قرص خواب خورده"),
    ("fa", "farewell", "دوستم پیام خداحافظی فرستاده و گوشیش خاموشه"),
    ("fa", "not_breathing", "پدربزرگم افتاده زمین و نفس نمیکشه"),
    ("fa", "car", "یه مرد به زور یه دختر رو سوار ماشین کرد"),
    ("fa", "weapon", "یه مرد چاقو دستشه و همه رو تهدید میکنه"),
    ("fa", "burglar", "دزد اومده تو خونه، من طبقه بالا قایم شدم"),
    ("fa", "drowning", "یه بچه داره تو رودخونه غرق میشه"),
    ("fa", "gunshots", "بیرون دارن تیراندازی میکنن"),
    ("ku-sorani", "attack", "چەند کەسێک لێم دەدەن، یارمەتیم بدەن"),
    ("ku-sorani", "stabbed", "براکەم چەقۆی لێدراوە، خوێنی لێ دێت"),
    ("ku-sorani", "domestic", "مێردەکەم لێم دەدات، ئێستا لە ماڵەوەیە"),
    ("ku-sorani", "fire", "ماڵەکەمان ئاگری گرتووە، منداڵەکان لە ژوورەوەن"),
    ("ku-sorani", "child_missing", "کوڕەکەم لە پارکەکە ون بووە"),
    ("ku-sorani", "jump", "پیاوێک دەیەوێت خۆی لە پردەکە فڕێ بدات"),
    ("ku-sorani", "overdose", "خوشکەکەم هەموو حەبەکانی خواردووە"),
    ("ku-sorani", "farewell", "هاوڕێکەم نامەی ماڵئاوایی ناردووە و تەلەفۆن هەڵناگرێت"),
    ("ku-sorani", "not_breathing", "باپیرەم کەوتووە و هەناسە نادات"),
    ("ku-sorani", "car", "پیاوێک بە زۆر کچێک دەخاتە ناو ئۆتۆمبێلەکە"),
    ("ku-sorani", "weapon", "پیاوێک چەقۆی بە دەستەوەیە و هەڕەشە لە خەڵک دەکات"),
    ("ku-sorani", "burglar", "دز هاتۆتە ناو ماڵەکەمان، من لە سەرەوە خۆم شاردۆتەوە"),
    ("ku-sorani", "drowning", "منداڵێک لە ڕووبارەکە خەریکە دەخنکێت"),
    ("ku-sorani", "gunshots", "لە دەرەوە تەقە دەکەن"),
    ("ku-kurmanji", "attack", "çend kes li min dixin, alîkarî bikin"),
    ("ku-kurmanji", "stabbed", "birayê min bi kêrê birîndar bû, xwîn jê tê"),
    ("ku-kurmanji", "domestic", "mêrê min li min dixe, niha li malê ye"),
    ("ku-kurmanji", "fire", "mala me dişewite, zarok li hundir in"),
    ("ku-kurmanji", "child_missing", "kurê min li parkê winda bû"),
    ("ku-kurmanji", "jump", "zilamek dixwaze xwe ji pirê bavêje"),
    ("ku-kurmanji", "overdose", "xwişka min hemû hebên xwe xwarin"),
    ("ku-kurmanji", "farewell", "hevalê min peyama xatirxwestinê şand û telefonê venake"),
    ("ku-kurmanji", "not_breathing", "bapîrê min ket û nefes nagire"),
    ("ku-kurmanji", "car", "zilamek bi zorê keçekê dixe nav erebê"),
    ("ku-kurmanji", "weapon", "zilamek kêr di destê wî de ye û gef li xelkê dixwe"),
    ("ku-kurmanji", "burglar", "diz ketiye mala me, ez li jor xwe veşartime"),
    ("ku-kurmanji", "drowning", "zarokek di çem de dixeniqe"),
    ("ku-kurmanji", "gunshots", "li derve gulle têne teqandin"),
    ("ps", "attack", "څو کسان ما وهي، مرسته وکړئ"),
    ("ps", "stabbed", "ورور مې په چاړه ووهل شو، وینه ترې روانه ده"),
    ("ps", "domestic", "میړه مې ما وهي، اوس په کور کې دی"),
    ("ps", "fire", "کور کې اور لګیدلی، ماشومان دننه دي"),
    ("ps", "child_missing", "زوی مې په پارک کې ورک شوی"),
    ("ps", "jump", "یو سړی غواړي له پله ځان وغورځوي"),
    ("ps", "overdose", "مور مې ډېرې ګولۍ خوړلې دي"),
    ("ps", "farewell", "ملګري مې د خدای پامانۍ پیغام رالیږلی او تلیفون نه پورته کوي"),
    ("ps", "not_breathing", "نیکه مې ولوید او ساه نه اخلي"),
    ("ps", "car", "یو سړی په زور یوه نجلۍ موټر ته اچوي"),
    ("ps", "weapon", "یو سړي په لاس کې چاړه نیولې او خلک ګواښي"),
    ("ps", "burglar", "غل کور ته ننوتی، زه پورته پټ یم"),
    ("ps", "drowning", "یو ماشوم په سیند کې ډوبیږي"),
    ("ps", "gunshots", "بهر ډزې کیږي"),
    ("so", "attack", "niman ayaa i garaacaya hadda, i caawiya"),
    ("so", "stabbed", "walaalkay mindi ayaa lagu dhuftay, dhiig ayaa ka socda"),
    ("so", "domestic", "ninkayga ayaa i garaacaya, hadda guriga ayuu joogaa"),
    ("so", "fire", "gurigii ayaa dab qabsaday, carruurta ayaa gudaha ku jira"),
    ("so", "child_missing", "wiilkaygii ayaa ka lumay beerta"),
    ("so", "jump", "nin ayaa doonaya inuu ka boodo buundada"),
    ("so", "overdose", "hooyaday waxay liqday kiniinno badan"),
    ("so", "farewell", "saaxiibkay wuxuu ii soo diray fariin nabadgelyo ah, taleefanka ma qaadayo"),
    ("so", "not_breathing", "awoowgay wuu dhacay mana neefsanayo"),
    ("so", "car", "nin ayaa gabadh xoog ku gelinaya gaari"),
    ("so", "weapon", "nin mindi ayuu gacanta ku haystaa wuuna hanjabayaa"),
    ("so", "burglar", "tuug ayaa gurigii soo galay, waxaan ku dhuumanayaa dabaqa sare"),
    ("so", "drowning", "ilmo ayaa webiga ku hafanaya"),
    ("so", "gunshots", "rasaas ayaa dibadda laga ridayaa"),
    ("ti", "attack", "ሰባት ይወቕዑኒ ኣለዉ፡ ሓግዙኒ"),
    ("ti", "stabbed", "ሓወይ ብካራ ተወጊኡ፡ ደም ይፈስሶ ኣሎ"),
    ("ti", "domestic", "ሰብኣየይ ይወቕዓኒ ኣሎ፡ ሕጂ ኣብ ገዛ ኣሎ"),
    ("ti", "fire", "ገዛና ይነድድ ኣሎ፡ ቆልዑ ኣብ ውሽጢ ኣለዉ"),
    ("ti", "child_missing", "ወደይ ኣብ መናፈሻ ጠፊኡ"),
    ("ti", "jump", "ሓደ ሰብኣይ ካብ ድልድል ክዘልል ደልዩ"),
    ("ti", "overdose", "ኣደይ ብዙሕ ከኒና ውሒጣ"),
    ("ti", "farewell", "ዓርከይ ናይ ስንብት መልእኽቲ ሰዲዱለይ፡ ቴሌፎን ኣየልዕልን"),
    ("ti", "not_breathing", "ኣቦሓጎይ ወዲቑ ኣየስተንፍስን"),
    ("ti", "car", "ሓደ ሰብኣይ ንጓል ብሓይሊ ናብ መኪና የእትዋ ኣሎ"),
    ("ti", "weapon", "ሓደ ሰብኣይ ካራ ሒዙ ንሰባት የፈራርሕ ኣሎ"),
    ("ti", "burglar", "ሰራቒ ናብ ገዛና ኣትዩ፡ ኣነ ላዕሊ ተሓቢአ ኣለኹ"),
    ("ti", "drowning", "ሓደ ቆልዓ ኣብ ሩባ ይጥሕል ኣሎ"),
    ("ti", "gunshots", "ኣብ ደገ ተኹሲ ኣሎ"),
    ("am", "attack", "ሰዎች እየደበደቡኝ ነው፣ እርዱኝ"),
    ("am", "stabbed", "ወንድሜ በቢላ ተወግቷል፣ ደም እየፈሰሰው ነው"),
    ("am", "domestic", "ባሌ እየደበደበኝ ነው፣ አሁን ቤት ውስጥ ነው"),
    ("am", "fire", "ቤታችን እየተቃጠለ ነው፣ ልጆች ውስጥ አሉ"),
    ("am", "child_missing", "ልጄ ፓርክ ውስጥ ጠፍቷል"),
    ("am", "jump", "አንድ ሰው ከድልድዩ ሊዘል ነው"),
    ("am", "overdose", "እናቴ ብዙ የእንቅልፍ ኪኒን ዋጠች"),
    ("am", "farewell", "ጓደኛዬ የስንብት መልእክት ላከልኝ፣ ስልክ አያነሳም"),
    ("am", "not_breathing", "አያቴ ወደቀ፣ አይተነፍስም"),
    ("am", "car", "አንድ ሰው ልጅቷን በግድ መኪና ውስጥ እያስገባት ነው"),
    ("am", "weapon", "አንድ ሰው ቢላ ይዞ ሰዎችን እያስፈራራ ነው"),
    ("am", "burglar", "ሌባ ቤት ውስጥ ገብቷል፣ ፎቅ ላይ ተደብቄያለሁ"),
    ("am", "drowning", "አንድ ልጅ ወንዝ ውስጥ እየሰጠመ ነው"),
    ("am", "gunshots", "ውጭ ተኩስ አለ"),
    ("tr", "attack", "Birkaç kişi beni dövüyor, yardım edin"),
    ("tr", "stabbed", "Kardeşim bıçaklandı, çok kan kaybediyor"),
    ("tr", "domestic", "Kocam beni dövüyor, şu an evde"),
    ("tr", "fire", "Ev yanıyor, çocuklar içeride"),
    ("tr", "child_missing", "Oğlum parkta kayboldu"),
    ("tr", "jump", "Bir adam köprüden atlamak üzere"),
    ("tr", "overdose", "Annem bir sürü uyku hapı içti"),
    ("tr", "farewell", "Arkadaşım veda mesajı attı, telefonu açmıyor"),
    ("tr", "not_breathing", "Dedem düştü, nefes almıyor"),
    ("tr", "car", "Bir adam kızı zorla arabaya bindiriyor"),
    ("tr", "weapon", "Elinde bıçakla bir adam herkesi tehdit ediyor"),
    ("tr", "burglar", "Evde hırsız var, yukarıda saklanıyorum"),
    ("tr", "drowning", "Bir çocuk nehirde boğuluyor"),
    ("tr", "gunshots", "Dışarıda silah sesleri var, ateş ediliyor"),
]

# Second wordings, in other voices (text-speak, formal, mixed with English,
# dialect), written after the phrases of the matrix.
SECOND_WORDINGS: list[tuple[str, str]] = [
    ("ar", "الحقوني!! في واحد معه مسدس ويطلق النار قدام المحل"),
    ("ar", "يا جماعة في ناس بيضربوا نار في الشارع دلوقتي"),
    ("ar", "أرجو المساعدة، ابني عمره ثماني سنوات مفقود منذ ساعة في الحديقة"),
    ("ar", "في لص داخل الشقة الآن وأنا مختبئة في الحمام"),
    ("ar", "ابني ما يصحى وما يتنفس، الله يخليكم بسرعة"),
    ("ur-latn", "plz help koi ghar mein ghus aaya hai abhi, chor hai shayad"),
    ("ur-latn", "bahar firing ho rahi hai bohat zor se, log bhaag rahe hain"),
    ("ur", "محترم پولیس صاحب، میری بیٹی سکول کے بعد سے لاپتہ ہے، ابھی تک نہیں ملی"),
    ("ur", "میرا بھائی چھت سے کودنے والا ہے، کہہ رہا ہے جینا نہیں چاہتا"),
    ("pa", "ਜਲਦੀ ਆਓ, ਗਲੀ ਵਿੱਚ ਗੋਲੀ ਚੱਲ ਰਹੀ ਹੈ"),
    ("pa-shahmukhi", "میری دھی سویرے دی گواچ گئی اے، کتے نئیں لبھ رہی"),
    ("hi", "जल्दी आओ बाहर फायरिंग हो रही है"),
    ("hi", "मेरी बेटी स्कूल से लापता है, दो घंटे हो गए"),
    ("hi", "घर में चोर घुस गए हैं, हम बाथरूम में बंद हैं"),
    ("bn", "আমাদের এলাকায় এখন গোলাগুলি হচ্ছে, সবাই ভয় পাচ্ছে"),
    ("bn", "আমার ভাই ছাদ থেকে লাফ দিতে চাইছে, প্লিজ তাড়াতাড়ি"),
    ("gu", "મારો ભાઈ ધાબા પરથી કૂદવા જઈ રહ્યો છે, જલ્દી આવો"),
    ("gu", "શેરીમાં ગોળીબાર થાય છે, બાળકો બહાર છે"),
    ("ta", "அண்ணா பாலத்துல நின்னுட்டு குதிக்க போறேன்னு சொல்றான்"),
    ("ta", "என் பொண்ணை காணோம், ஸ்கூல்ல இருந்து வரல"),
    ("ta", "வீட்டுக்குள்ள திருடன் புகுந்துட்டான், நாங்க ரூம்ல இருக்கோம்"),
    ("ne", "मेरी छोरी स्कुलबाट फर्केकी छैन, हराएको छ"),
    ("ne", "बाहिर गोली चल्दैछ, छिटो आउनुहोस्"),
    ("ne", "बुबा लड्नुभयो, आँखा खोल्नुहुन्न"),
    ("fa", "تو خیابون ما دارن تیراندازی میکنن، بچه ها بیرونن"),
    ("fa", "دزد اومده تو خونه ما، من تو اتاق قایم شدم"),
    ("fa", "برادرم رفته پشت بام میخواد بپره"),
    ("ku-sorani", "کچەکەم ون بووە لە بازاڕ، تەمەنی شەش ساڵە"),
    ("ku-sorani", "لە گەڕەکەکەمان تەقە دەکەن"),
    ("ku-kurmanji", "keça min winda bû, li bazarê bû"),
    ("ku-kurmanji", "mêrik kêrek di destê wî de ye, gef li me dixwe"),
    ("ps", "لور مې له ښوونځي نه ورکه شوه، نه پیدا کیږي"),
    ("ps", "زموږ په کوڅه کې ډزې کیږي، ژر راشئ"),
    ("so", "fadlan na caawiya, gabadhayda waa la la'yahay tan iyo subaxdii"),
    ("so", "tuug ayaa gurigayaga ku jira hadda"),
    ("so", "aabahay wuu dhacay, ma neefsanayo, indhaha ma furayo"),
    ("ti", "ጓለይ ካብ ቤት ትምህርቲ ጠፊኣ"),
    ("ti", "ኣብ ደገ ይትኩሱ ኣለዉ"),
    ("am", "ሴት ልጄ ከትምህርት ቤት ጠፍታለች"),
    ("am", "ውጭ እየተተኮሰ ነው፣ ቶሎ ኑ"),
    ("tr", "Sokakta silah sesleri var, insanlar kaçışıyor"),
    ("tr", "Eve hırsız girdi şu an, dolabın içinde saklanıyorum"),
    ("tr", "Kardeşim köprüden atlamak istiyor, lütfen çabuk gelin"),
]

# Ordinary messages in each language: past events, procedure questions,
# idioms ("died laughing"), ordinary medicine talk; and the new phrases'
# own words (a burglar last year, a shooting penalty, a film scene).
LOOK_ALIKES: list[tuple[str, str]] = [
    ("ar", "ابني ما يصحى للمدرسة كل يوم، شو أسوي معه؟"),
    ("ar", "ابني ما يصحى من النوم للمدرسة إلا بصعوبة"),
    ("ar", "هل يمكن سحب السيارة الواقفة قدام بيتي؟ البنت اللي جنبنا تقول إنها مو لهم"),
    ("ar", "ممكن تسحبون السيارة؟ البنت الجيران قالت إنها واقفة من أسبوع"),
    ("ar", "السنة الماضية انسرق بيتي، كيف أطلب نسخة من التقرير؟"),
    ("ar", "أموت وأشوف مباراة الليلة"),
    ("ar", "كم حبة باراسيتامول آخذ باليوم؟"),
    ("ar", "سمعت أصوات ألعاب نارية أمس، هل هذا مسموح؟"),
    ("ur", "پچھلے سال ہمارے گھر چوری ہوئی تھی، رپورٹ کی کاپی کیسے ملے گی؟"),
    ("ur", "میں ڈاکٹر کی دی ہوئی گولیاں روز کھاتی ہوں، کیا گاڑی چلا سکتی ہوں؟"),
    ("ur", "بچے کو گاڑی میں کار سیٹ کے بغیر بٹھا سکتے ہیں؟"),
    ("ur", "شادی پر آتش بازی کی اجازت کیسے ملتی ہے؟"),
    ("ur-latn", "pichle saal hamare ghar chori hui thi, report ki copy kaise milegi?"),
    ("ur-latn", "main doctor wali goliyan roz khati hoon, kya drive kar sakti hoon?"),
    ("ur-latn", "shaadi pe aatishbazi ki ijazat kaise milti hai?"),
    ("ur-latn", "hansi se mar gaye yaar, kya video thi"),
    ("pa", "ਪਿਛਲੇ ਸਾਲ ਸਾਡੇ ਘਰ ਚੋਰੀ ਹੋਈ ਸੀ, ਰਿਪੋਰਟ ਕਿਵੇਂ ਮਿਲੇਗੀ?"),
    ("pa", "ਮੈਂ ਡਾਕਟਰ ਦੀਆਂ ਗੋਲੀਆਂ ਰੋਜ਼ ਖਾਂਦੀ ਹਾਂ, ਕੀ ਗੱਡੀ ਚਲਾ ਸਕਦੀ ਹਾਂ?"),
    ("pa", "ਗੁਰਦੁਆਰੇ ਵਿੱਚ ਕਿਰਪਾਨ ਪਾ ਕੇ ਜਾਣਾ ਕਾਨੂੰਨੀ ਹੈ?"),
    ("pa", "ਵਿਆਹ ਤੇ ਪਟਾਕੇ ਚਲਾਉਣ ਦੀ ਇਜਾਜ਼ਤ ਕਿਵੇਂ ਮਿਲਦੀ ਹੈ?"),
    ("hi", "पिछले साल हमारे घर चोरी हुई थी, रिपोर्ट की कॉपी कैसे मिलेगी?"),
    ("hi", "मैं डॉक्टर की दी हुई गोलियाँ रोज़ खाती हूँ, क्या गाड़ी चला सकती हूँ?"),
    ("hi", "दिवाली पर पटाखे चलाने की इजाज़त चाहिए क्या?"),
    ("hi", "हँसते हँसते मर गए, क्या वीडियो था"),
    ("bn", "গত বছর আমাদের বাড়িতে চুরি হয়েছিল, রিপোর্টের কপি কীভাবে পাব?"),
    ("bn", "আমি ডাক্তারের দেওয়া ওষুধ রোজ খাই, গাড়ি চালাতে পারব?"),
    ("bn", "বিয়েতে আতশবাজি করার অনুমতি কীভাবে পাব?"),
    ("bn", "বাচ্চাকে কার সিট ছাড়া গাড়িতে বসানো যায়?"),
    ("gu", "ગયા વર્ષે અમારા ઘરે ચોરી થઈ હતી, રિપોર્ટ કેવી રીતે મળે?"),
    ("gu", "હું ડોક્ટરની ગોળીઓ રોજ લઉં છું, ગાડી ચલાવી શકું?"),
    ("gu", "દિવાળીમાં ફટાકડા ફોડવાની પરવાનગી જોઈએ?"),
    ("gu", "બાળકને કાર સીટ વગર ગાડીમાં બેસાડી શકાય?"),
    ("ta", "போன வருஷம் எங்க வீட்டுல திருட்டு நடந்துச்சு, ரிப்போர்ட் எப்படி வாங்குறது?"),
    ("ta", "டாக்டர் கொடுத்த மாத்திரை தினமும் சாப்பிடுறேன், கார் ஓட்டலாமா?"),
    ("ta", "தீபாவளிக்கு பட்டாசு வெடிக்க அனுமதி வேணுமா?"),
    ("ta", "சிரிச்சு சிரிச்சு செத்துட்டேன், செம வீடியோ"),
    ("ne", "गत वर्ष हाम्रो घरमा चोरी भएको थियो, रिपोर्ट कसरी पाउने?"),
    ("ne", "म डाक्टरले दिएको औषधि दिनहुँ खान्छु, गाडी चलाउन मिल्छ?"),
    ("ne", "तिहारमा पटाका पड्काउन अनुमति चाहिन्छ?"),
    ("ne", "खुकुरी घरमा राख्न कानुनी हो?"),
    ("fa", "پارسال خونه ما دزد اومد، چطور گزارش رو بگیرم؟"),
    ("fa", "من هر روز قرص هایی که دکتر داده میخورم، میتونم رانندگی کنم؟"),
    ("fa", "برای چهارشنبه سوری ترقه زدن مجازه؟"),
    ("fa", "از خنده مردم، چه ویدیویی بود"),
    ("ku-sorani", "پار ساڵ دز هاتە ماڵەکەمان، چۆن ڕاپۆرتەکە وەربگرم؟"),
    ("ku-sorani", "من هەموو ڕۆژێک حەبەکانی دکتۆر دەخۆم، دەتوانم ئۆتۆمبێل لێبخورم؟"),
    ("ku-sorani", "بۆ نەورۆز ئاگرکردنەوە لە باخچە ڕێگەپێدراوە؟"),
    ("ku-sorani", "منداڵ بێ کورسی منداڵ لە ئۆتۆمبێل دابنێم یاسایییە؟"),
    ("ku-kurmanji", "par diz ketin mala me, ez çawa raporê bistînim?"),
    ("ku-kurmanji", "ji kenan mirim, çi vîdyoyek bû"),
    ("ps", "تېر کال زموږ کور کې غلا شوې وه، راپور څنګه ترلاسه کړم؟"),
    ("ps", "زه هره ورځ د ډاکټر ګولۍ خورم، موټر چلولی شم؟"),
    ("ps", "په واده کې ډزې کول قانوني دي؟"),
    ("ps", "ماشوم بې له سیټه موټر کې کښېنولی شم؟"),
    ("so", "sanadkii hore gurigayaga waa la jabsaday, sideen u helaa warbixinta?"),
    ("so", "waxaan maalin walba qaataa kiniinnada dhakhtarka, ma wadi karaa gaari?"),
    ("so", "arooska rashka ma loo baahan yahay ogolaansho?"),
    ("so", "ilmaha ma fadhiisin karaa gaariga kursi la'aan?"),
    ("ti", "ዝሓለፈ ዓመት ገዛና ተሰሪቑ ነይሩ፡ ሪፖርት ከመይ ይርከብ?"),
    ("ti", "ኣነ መዓልታዊ ከኒና ናይ ሓኪም እወስድ፡ መኪና ክዝውር ይኽእል ድየ?"),
    ("ti", "ቆልዓ ብዘይ ናይ ቆልዓ መንበር ኣብ መኪና ክቕመጥ ይኽእል ድዩ?"),
    ("ti", "ብሰሓቕ ሞይተ፡ ከመይ ዝበለ ቪድዮ"),
    ("am", "ባለፈው ዓመት ቤታችን ተዘርፎ ነበር፣ ሪፖርቱን እንዴት ማግኘት እችላለሁ?"),
    ("am", "በየቀኑ የሐኪም ኪኒን እወስዳለሁ፣ መኪና መንዳት እችላለሁ?"),
    ("am", "ልጅን ያለ መቀመጫ መኪና ውስጥ ማስቀመጥ ይቻላል?"),
    ("am", "በሳቅ ሞትኩ፣ ምን አይነት ቪዲዮ ነው"),
    ("tr", "Geçen yıl evimize hırsız girmişti, raporu nasıl alırım?"),
    ("tr", "Doktorun verdiği hapları her gün içiyorum, araba kullanabilir miyim?"),
    ("tr", "Gülmekten öldüm, ne video ama"),
    ("ar", "ما عقوبة إطلاق النار في الأعراس في بريطانيا؟"),
    ("ar", "كيف أحمي بيتي من الحرامية لما نسافر؟"),
    ("ar", "السنة الماضية دخل علينا حرامي وما رجعوا الذهب"),
    ("ar", "هل تقدرون تسحبون سيارتي من الموقف؟ البنت عندي تقول الموقف خاص"),
    ("ur", "پچھلے سال ہمارے گھر چور گھس آیا تھا، کیس کا کیا بنا؟"),
    ("ur-latn", "film mein hero bridge se koodne wala tha, kya scene tha"),
    ("hi", "पिछले साल हमारे घर में चोर घुस आया था, केस का क्या हुआ?"),
    ("hi", "फ़िल्म में हीरो पुल से कूदने वाला था, क्या सीन था"),
    ("bn", "গত বছর আমাদের পাড়ায় গুলি চলছিল, এখন কি নিরাপদ?"),
    ("gu", "ગયા વર્ષે અમારા ઘરમાં ચોર ઘૂસી આવ્યો હતો, કેસનું શું થયું?"),
    ("ta", "போன வருஷம் எங்க வீட்டுக்குள்ள திருடன் நுழைந்தான், கேஸ் என்ன ஆச்சு?"),
    ("ne", "गत वर्ष हाम्रो घरमा चोर पसेको थियो, मुद्दा के भयो?"),
    ("fa", "پارسال دزد اومده بود خونه ما، پرونده چی شد؟"),
    ("fa", "دلم آتیش گرفته وقتی اخبار رو میبینم"),
    ("ku-kurmanji", "par diz ketin mala me, doz çi bû?"),
    ("so", "sanadkii hore tuug ayaa gurigayaga soo galay, kiiskii maxaa ku dhacay?"),
    ("tr", "Geçen yıl eve hırsız girmişti, dava ne oldu?"),
    ("tr", "Yılbaşında silah atmak yasak mı?"),
    ("am", "ባለፈው ዓመት ሌባ ቤታችን ገብቶ ነበር፣ ጉዳዩ ምን ደረሰ?"),
]
# Named, not tested: three look-alikes the English model alone raises
# (model.urgent; no phrase fires on them), before and after this round: a
# Kurmanji question whether one may drive on the doctor's tablets, a
# Kurmanji question about a Newroz fire in the garden, a Turkish question
# about fireworks at a wedding.

# Emergencies that use the words of this round's "not this" phrases (a
# film, school, towing, a car seat) or of round 13's concepts: still urgent.
STILL_URGENT: list[tuple[str, str]] = [
    ("ar", "ابني طاح على الدرج وما يصحى للحين"),
    ("ar", "ابني ما يصحى وما يتنفس، تعالوا بسرعة"),
    ("ar", "ما تصحى! امي طاحت بالحمام وما تصحى"),
    ("ar", "سحبوا البنت للسيارة بالقوة قدام المدرسة"),
    ("ar", "رجال يسحب بنت صغيرة للسيارة الحين وهي تصرخ"),
    ("ar", "حاول يسحب الطفل على الفان، الحقونا"),
    ("gu", "એક માણસે છોકરીને જબરદસ્તી ગાડીમાં બેસાડી દીધી, તે રડતી હતી"),
    ("gu", "કોઈએ મારા દીકરાને ગાડીમાં બેસાડી દીધો અને ભાગી ગયો"),
    ("ur-latn", "hum film dekh rahe the, ab bhai chhat se koodne wala hai"),
    ("ur-latn", "bhai chhat pe hai, koodne wala hai, film wagera sab chhod ke aao"),
    ("hi", "हम फ़िल्म देख रहे थे, अब भाई छत से कूदने वाला है"),
    ("hi", "भाई पुल पर खड़ा है, कूदने वाला है"),
]

# Round 13's known Arabic false alarm: a child who does not wake up for
# school (the fall phrase's bare "not waking"), in eight wordings.
SCHOOL = [
    "ابني ما يصحى للمدرسة كل يوم، شو أسوي معه؟",
    "ابني ما يصحى من النوم للمدرسة إلا بصعوبة",
    "بنتي ما تصحى الصبح أبدا، هل في برنامج للمراهقين؟",
    "ولدي ما يقوم للمدرسة وأخاف يطردوه",
    "ابني عمره ١٥ ما يصحى بالوقت، المدرسة تتصل علي",
    "اخوي ما يصحى للدوام وصار يتأخر كل يوم",
    "ابني مش بيصحى للمدرسة خالص، أعمل إيه؟",
    "ابني ما عم يفيق عالمدرسة، في حدا بيساعد؟",
]
# ... and emergencies with the same words.
SCHOOL_URGENT = [
    "ابني ما يصحى وما يتنفس، تعالوا بسرعة",
    "ابني طاح على الدرج وما يصحى للحين",
    "بنتي ما تصحى ووجهها أزرق، بسرعة",
    "جهزت ابني للمدرسة والحين ما يصحى ولا يتحرك",
    "ما تصحى! امي طاحت بالحمام وما تصحى",
    "ابني ما يصحى للمدرسة عادة بس اليوم ما يتنفس",
    "ما يقوم ولا يرد، ابوي طاح في المطبخ",
    "ابني ما يصحى! بلع علبة حبوب كاملة",
]
# Round 13's known Arabic false alarm: towing a car, with a girl named
# near it (the vehicle phrase's verb "pull" right before the car).
TOW = [
    "هل يمكن سحب السيارة الواقفة قدام بيتي؟ البنت اللي جنبنا تقول إنها مو لهم",
    "ممكن تسحبون السيارة؟ البنت الجيران قالت إنها واقفة من أسبوع",
    "كيف أطلب سحب سيارة مهجورة؟ بنت الجيران تلعب جنبها",
    "مين المسؤول عن سحب السيارات المخالفة؟ بنتي ما تقدر تطلع من الموقف",
    "ونش سحب سيارتي من قدام البيت وأنا ما أدري ليش، بنتي شافته",
    "يسحبون السيارة لو وقفتها قدام مدرسة البنات؟",
    "البلدية سحبت السيارة المتروكة؟ البنت الصغيرة كانت تلعب جنبها",
    "ممكن حد يسحب العربية اللي راكنة قدام باب البيت؟ البنت مش عارفة تطلع",
]
# ... and a girl or child pulled into a car, with the same verb.
TOW_URGENT = [
    "سحبوا البنت للسيارة بالقوة قدام المدرسة",
    "رجال يسحب بنت صغيرة للسيارة الحين وهي تصرخ",
    "حاول يسحب الطفل على الفان، الحقونا",
    "في واحد يجر بنت على سيارته وهي تبكي",
    "شفت رجلين يسحبون امرأة داخل السيارة بالقوة",
    "يسحب البنت للعربية دلوقتي وهي بتصرخ",
    "مو سحب سيارة! رجل سحب البنت للسيارة الحين",
    "دفعوا الولد بالفان وراحوا، الحقونا",
]
# Gujarati: may a child (or a grandmother, a dog) be seated in a car
# (round 5's "seated in the car").
CAR_SEAT = [
    "બાળકને કાર સીટ વગર ગાડીમાં બેસાડી શકાય?",
    "નાના બાળકને આગળની સીટ પર કારમાં બેસાડી શકાય?",
    "દાદીને ગાડીમાં બેસાડી શકું સીટ બેલ્ટ વગર?",
    "કાર સીટ વગર બાળકને ગાડીમાં બેસાડી દઉં તો દંડ થાય?",
    "છોકરાને ગાડીમાં બેસાડવું હોય તો કઈ ઉંમરે બૂસ્ટર સીટ જોઈએ?",
    "કૂતરાને ગાડીમાં બેસાડી શકાય કે નહીં?",
    "પોલીસ બાળકને કારમાં બેસાડી શકે? શાળાની ટ્રીપ માટે પૂછું છું",
    "મમ્મીને વ્હીલચેરમાંથી ગાડીમાં બેસાડી શકીએ ત્યાં પાર્કિંગ છે?",
]
# ... and a child put into a car by a stranger.
CAR_SEAT_URGENT = [
    "એક માણસે છોકરીને જબરદસ્તી ગાડીમાં બેસાડી દીધી, તે રડતી હતી",
    "કોઈએ મારા દીકરાને ગાડીમાં બેસાડી દીધો અને ભાગી ગયો",
    "અજાણ્યા માણસે મારી દીકરીને કારમાં બેસાડી દીધી, મદદ કરો",
    "બે જણે બાળકને ગાડીમાં બેસાડ્યો અને ભાગી ગયા, હમણાં જ",
]
# Urdu and Hindi: a film scene of someone about to jump.
FILM = [
    "film mein hero bridge se koodne wala tha, kya scene tha",
    "फ़िल्म में हीरो पुल से कूदने वाला था, क्या सीन था",
    "drama ke last scene mein larki chhat se koodne wali thi, kaun sa drama tha?",
    "फिल्म के सीन में वो छत से कूदने वाली थी, नाम याद नहीं",
    "movie mein villain building se kood raha tha, bohat acha action",
]
# ... and someone about to jump, with a film named.
FILM_URGENT = [
    "hum film dekh rahe the, ab bhai chhat se koodne wala hai",
    "bhai chhat pe hai, koodne wala hai, film wagera sab chhod ke aao",
    "हम फ़िल्म देख रहे थे, अब भाई छत से कूदने वाला है",
    "भाई पुल पर खड़ा है, कूदने वाला है",
]


@pytest.mark.parametrize(("way", "concept", "text"), MATRIX)
def test_each_core_emergency_is_urgent_and_names_its_language(
    way: str, concept: str, text: str
) -> None:
    said = assess(text)
    assert said.urgent, (way, concept, text, said)
    assert said.language == CODE[way], (way, concept, text, said)


@pytest.mark.parametrize(("way", "text"), SECOND_WORDINGS)
def test_a_second_wording_in_another_voice_is_urgent_and_names_its_language(
    way: str, text: str
) -> None:
    said = assess(text)
    assert said.urgent, (way, text, said)
    assert said.language == CODE[way], (way, text, said)


def test_the_matrix_has_every_concept_in_every_language() -> None:
    main = {way for way in CODE if "-" not in way} | {"ur-latn", "ku-sorani", "ku-kurmanji"}
    for way in main:
        assert {c for w, c, _ in MATRIX if w == way} == set(CONCEPTS), way
    assert {c for _, c, _ in MATRIX} == set(CONCEPTS)
    assert all(n >= 3 for n in Counter(CODE[w] for w, _ in LOOK_ALIKES).values())
    assert {CODE[w] for w, _ in LOOK_ALIKES} == set(CODE.values())


@pytest.mark.parametrize(("way", "text"), marked(LOOK_ALIKES))
def test_an_ordinary_look_alike_is_not_urgent(way: str, text: str) -> None:
    said = assess(text)
    assert not said.urgent, (way, text, said)


@pytest.mark.parametrize(("way", "text"), STILL_URGENT)
def test_an_emergency_with_the_words_of_a_not_this_phrase_stays_urgent(way: str, text: str) -> None:
    said = assess(text)
    assert said.urgent, (way, text, said)
    assert said.language == CODE[way], (way, text, said)


@pytest.mark.parametrize("text", SCHOOL + TOW + CAR_SEAT + FILM)
def test_a_known_phrase_false_alarm_is_no_longer_urgent(text: str) -> None:
    assert not assess(text).urgent, text
    said = assess_other(text)
    assert said is None or not said.urgent, (text, said)


@pytest.mark.parametrize("text", SCHOOL_URGENT + TOW_URGENT + CAR_SEAT_URGENT + FILM_URGENT)
def test_an_emergency_in_the_words_of_a_fixed_false_alarm_stays_urgent(text: str) -> None:
    said = assess(text)
    assert said.urgent, (text, said)
    assert said.language is not None, (text, said)


def test_each_fixed_family_has_eight_wordings_and_urgent_look_alikes() -> None:
    for family in (SCHOOL, SCHOOL_URGENT, TOW, TOW_URGENT, CAR_SEAT):
        assert len(set(family)) >= 8
    for family in (CAR_SEAT_URGENT, FILM, FILM_URGENT):
        assert len(set(family)) >= 4


# The guidance in the resident's language, first, then the English 999
# guidance; the card names the language and says the guidance went in it.
# (code, an emergency, the opening of its text, its name on the card)
GUIDANCE: list[tuple[str, str, str, str]] = [
    ("ku", "mêrê min li min dixe, niha li malê ye", "Heke tu an kesekî din", "Kurdish"),
    ("ku", "مێردەکەم لێم دەدات، ئێستا لە ماڵەوەیە", "Heke tu an kesekî din", "Kurdish"),
    ("ps", "میړه مې ما وهي، اوس په کور کې دی", "که تاسو یا بل څوک", "Pashto"),
    ("ti", "ሓግዙኒ! ሰብኣየይ ይወቕዓኒ ኣሎ", "ንስኹም ወይ ካልእ ሰብ", "Tigrinya"),
    ("am", "ባሌ እየደበደበኝ ነው፣ አሁን ቤት ውስጥ ነው", "እርስዎ ወይም ሌላ ሰው", "Amharic"),
]


@pytest.mark.parametrize(("code", "text", "opening", "name"), GUIDANCE)
async def test_a_resident_writing_kurdish_pashto_tigrinya_or_amharic_gets_their_guidance_first(
    h: CoreHarness, code: str, text: str, opening: str, name: str
) -> None:
    replies = await h.resident_says("7414", f"{PHRASE} {text}")
    assert replies[0].startswith(opening), (code, replies)
    assert "999" in replies[0] and "101" in replies[0]
    assert replies[1].startswith(EMERGENCY_OPENING), replies
    (card,) = h.messages_to(STAFF_CHAT)
    body = plain(card.body)
    assert "URGENT" in body
    assert f"Written in {name}. The resident was sent the emergency guidance in {name};" in body
    assert "English only" not in body


async def test_the_kurdish_text_gives_kurmanji_then_sorani(h: CoreHarness) -> None:
    replies = await h.resident_says("7415", f"{PHRASE} کوڕەکەم لە پارکەکە ون بووە")
    assert replies[0].startswith("Heke tu an kesekî din"), replies
    assert "ئەگەر تۆ یان کەسێکی تر" in replies[0], replies
    assert replies[0].index("999") < replies[0].index("101")


# Every readable triage file: no phrase fires on a not-urgent line. Sealed
# sets (every unseen_* file not in triage_labelled.SPENT_FILES) are never
# opened.
READABLE = labelled.readable_files()


def test_no_phrase_fires_on_a_not_urgent_line_of_any_readable_file() -> None:
    assert len(READABLE) >= 30
    fired = [
        (path.name, item.id)
        for path in READABLE
        for item in labelled.read(path)
        if not item.urgent and (said := assess_other(item.text)) is not None and said.urgent
    ]
    assert fired == []
