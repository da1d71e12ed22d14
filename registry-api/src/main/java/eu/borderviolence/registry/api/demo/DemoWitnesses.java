package eu.borderviolence.registry.api.demo;

import eu.borderviolence.registry.core.api.AgeBand;
import eu.borderviolence.registry.core.api.CountryCode;
import eu.borderviolence.registry.core.api.Gender;
import eu.borderviolence.registry.core.api.IncidentFacts;
import eu.borderviolence.registry.core.api.IncidentKind;
import eu.borderviolence.registry.core.api.NationalityCount;
import eu.borderviolence.registry.core.api.PeopleAffected;
import eu.borderviolence.registry.core.api.WitnessAccount;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic witnesses: a numbered pseudonym, an age, a nationality from the incident's group, and a short narrative in
 * the language they would speak, with its English translation. No one here exists; the narratives are generic
 * sentences that name nobody.
 */
final class DemoWitnesses {

    /** A witness's account and the language (BCP 47) the testimony was taken in. */
    record Witness(WitnessAccount account, String language) {
    }

    /** The same account, told of each kind of incident. */
    private record Narratives(String pushback, String policeViolence, String readmission) {

        String of(IncidentKind kind) {
            return switch (kind) {
                case PUSHBACK -> pushback;
                case POLICE_VIOLENCE -> policeViolence;
                case READMISSION_DEPORTATION -> readmission;
            };
        }
    }

    private static final Narratives ENGLISH = new Narratives(
            "The police caught us at night near the fence. They beat us, took our phones and sent us back across"
                    + " the border.",
            "The police came to the place where we sleep. They beat us, took our money, burned our blankets and"
                    + " took us to the camp.",
            "I asked for asylum, but they did not listen to me. They made me sign a paper I did not understand and"
                    + " brought me back to Serbia.");

    /** Looked up by language tag only, never iterated, so a plain map keeps generation deterministic. */
    private static final Map<String, Narratives> NARRATIVES = Map.of(
            "ar", new Narratives(
                    "أمسكت بنا الشرطة ليلاً قرب السياج. ضربونا وأخذوا هواتفنا وأعادونا عبر الحدود.",
                    "جاءت الشرطة إلى المكان الذي ننام فيه. ضربونا وأخذوا أموالنا وأحرقوا بطانياتنا ونقلونا إلى المخيم.",
                    "طلبت اللجوء لكنهم لم يستمعوا إليّ. جعلوني أوقّع على ورقة لم أفهمها وأعادوني إلى صربيا."),
            "fa-AF", new Narratives(
                    "پولیس ما را شب نزدیک سیم خاردار گرفت. ما را لت و کوب کردند، تلفن‌های ما را گرفتند و دوباره آن طرف مرز فرستادند.",
                    "پولیس به جایی که ما می‌خوابیدیم آمد. ما را زدند، پول ما را گرفتند، کمپل‌های ما را آتش زدند و ما را به کمپ بردند.",
                    "من درخواست پناهندگی کردم، اما به من گوش ندادند. مرا مجبور کردند کاغذی را امضا کنم که نمی‌فهمیدم و مرا به صربستان برگرداندند."),
            "ps", new Narratives(
                    "پولیسو موږ د شپې د کټارې سره ونیولو. موږ یې ووهلو، زموږ ټیلیفونونه یې واخیستل او بېرته یې د پولې هاخوا ولېږلو.",
                    "پولیس هغه ځای ته راغله چې موږ پکې ویده کېدو. موږ یې ووهلو، پیسې یې راڅخه واخیستې، کمپلې یې وسوځولې او کمپ ته یې یوړو.",
                    "ما د پناه غوښتنه وکړه، خو زما خبره یې وانه ورېده. مجبور یې کړم چې یوه پاڼه لاسلیک کړم چې ما نه پوهېده، او بېرته یې سربیا ته راوستلم."),
            "ur", new Narratives(
                    "پولیس نے ہمیں رات کو باڑ کے قریب پکڑ لیا۔ انہوں نے ہمیں مارا، ہمارے فون چھین لیے اور ہمیں واپس سرحد کے پار بھیج دیا۔",
                    "پولیس اس جگہ آئی جہاں ہم سوتے تھے۔ انہوں نے ہمیں مارا، ہمارے پیسے لے لیے، ہمارے کمبل جلا دیے اور ہمیں کیمپ لے گئے۔",
                    "میں نے پناہ کی درخواست کی لیکن انہوں نے میری بات نہیں سنی۔ انہوں نے مجھ سے ایک کاغذ پر دستخط کروائے جو مجھے سمجھ نہیں آیا اور مجھے واپس سربیا بھیج دیا۔"),
            "tr", new Narratives(
                    "Polis bizi gece tel örgünün yakınında yakaladı. Bizi dövdüler, telefonlarımızı aldılar ve bizi sınırın öbür tarafına geri gönderdiler.",
                    "Polis uyuduğumuz yere geldi. Bizi dövdüler, paramızı aldılar, battaniyelerimizi yaktılar ve bizi kampa götürdüler.",
                    "Sığınma talep ettim ama beni dinlemediler. Anlamadığım bir kâğıdı imzalattılar ve beni Sırbistan'a geri gönderdiler."),
            "ku", new Narratives(
                    "Polîsan bi şev li nêzî têlan em girtin. Li me xistin, telefonên me girtin û em paşve şandin aliyê din ê sînor.",
                    "Polîs hatin cihê ku em lê radizan. Li me xistin, pereyên me birin, betaniyên me şewitandin û em birin kampê.",
                    "Min daxwaza penaberiyê kir, lê guh nedan min. Min neçar kirin ku kaxezek ku min fam nekir îmze bikim û ez vegerandim Sirbistanê."),
            "bn", new Narratives(
                    "পুলিশ রাতে বেড়ার কাছে আমাদের ধরে ফেলে। তারা আমাদের মারধর করে, আমাদের ফোন কেড়ে নেয় এবং আমাদের সীমান্তের ওপারে ফেরত পাঠায়।",
                    "পুলিশ আমরা যেখানে ঘুমাতাম সেখানে আসে। তারা আমাদের মারধর করে, টাকা কেড়ে নেয়, কম্বল পুড়িয়ে দেয় এবং আমাদের ক্যাম্পে নিয়ে যায়।",
                    "আমি আশ্রয় চেয়েছিলাম, কিন্তু তারা আমার কথা শোনেনি। তারা আমাকে এমন একটি কাগজে সই করতে বাধ্য করে যা আমি বুঝিনি এবং আমাকে সার্বিয়ায় ফেরত পাঠায়।"),
            "en", ENGLISH);

    private DemoWitnesses() {
    }

    /** The pseudonym of the {@code number}th testimony's witness: obviously made up, never a name. */
    static String pseudonym(int number) {
        return String.format("Witness-%04d", number);
    }

    /** A witness who was in the incident's group, as far as the facts describe it. */
    static Witness witness(int number, IncidentFacts facts, boolean contactAgreed, Random random) {
        CountryCode nationality = nationality(facts.nationalities(), random);
        PeopleAffected people = facts.people();
        boolean minor = people != null && positive(people.minors()) && people.groupSize() != null
                && random.nextDouble() < Math.min(0.6, (double) people.minors() / people.groupSize());
        boolean unaccompanied = minor && positive(people.unaccompaniedMinors()) && random.nextDouble() < 0.6;
        int age = minor
                ? (positive(people.childrenUnder14()) && random.nextDouble() < 0.4 ? 10 + random.nextInt(4) : 14 + random.nextInt(4))
                : 18 + (int) Math.round(37 * Math.pow(random.nextDouble(), 2));
        boolean ageGiven = random.nextDouble() < 0.7;
        Gender gender = gender(minor, people, random);
        String language = language(nationality, random);
        boolean narrated = random.nextDouble() < 0.85;
        String narrative = narrated ? NARRATIVES.get(language).of(facts.kind()) : null;
        String translation = narrated && !"en".equals(language) ? ENGLISH.of(facts.kind()) : null;
        String contact = contactAgreed && random.nextDouble() < 0.3 ? "demo-contact-" + number + " (fake)" : null;
        WitnessAccount account = new WitnessAccount(pseudonym(number), ageGiven ? age : null,
                ageGiven ? null : ageBand(age), gender, nationality, minor ? unaccompanied : Boolean.FALSE, contact,
                narrative, translation);
        return new Witness(account, language);
    }

    private static CountryCode nationality(List<NationalityCount> nationalities, Random random) {
        if (nationalities.isEmpty()) {
            return CountryCode.of(random.nextBoolean() ? "SY" : "AF");
        }
        int total = nationalities.stream().mapToInt(n -> n.count() == null ? 1 : n.count()).sum();
        int roll = random.nextInt(total);
        for (NationalityCount count : nationalities) {
            roll -= count.count() == null ? 1 : count.count();
            if (roll < 0) {
                return count.nationality();
            }
        }
        return nationalities.get(0).nationality();
    }

    /** Unaccompanied boys are most of the minors met; women travel mostly with families. */
    private static Gender gender(boolean minor, PeopleAffected people, Random random) {
        double roll = random.nextDouble();
        if (roll < 0.02) {
            return Gender.UNDISCLOSED;
        }
        boolean womenInGroup = people != null && positive(people.women());
        if (minor) {
            return roll < 0.12 ? Gender.FEMALE : Gender.MALE;
        }
        return womenInGroup && roll < 0.4 ? Gender.FEMALE : Gender.MALE;
    }

    /** Arabic for Syrians, Iraqis and Moroccans, Dari or Pashto for Afghans, Kurdish for some, and so on. */
    static String language(CountryCode nationality, Random random) {
        double roll = random.nextDouble();
        return switch (nationality.code()) {
            case "SY" -> roll < 0.85 ? "ar" : "ku";
            case "AF" -> roll < 0.65 ? "fa-AF" : "ps";
            case "IQ" -> roll < 0.6 ? "ar" : "ku";
            case "TR" -> roll < 0.8 ? "tr" : "ku";
            case "MA" -> "ar";
            case "PK" -> "ur";
            case "BD" -> "bn";
            default -> "en";
        };
    }

    private static boolean positive(Integer count) {
        return count != null && count > 0;
    }

    private static AgeBand ageBand(int age) {
        if (age < 14) {
            return AgeBand.UNDER_14;
        }
        if (age < 18) {
            return AgeBand.AGE_14_TO_17;
        }
        if (age <= 25) {
            return AgeBand.AGE_18_TO_25;
        }
        if (age <= 35) {
            return AgeBand.AGE_26_TO_35;
        }
        return age <= 50 ? AgeBand.AGE_36_TO_50 : AgeBand.OVER_50;
    }
}
