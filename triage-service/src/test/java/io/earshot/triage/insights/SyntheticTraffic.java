package io.earshot.triage.insights;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Steady synthetic background (random sentences over a Zipf-weighted vocabulary per language) and bursts of one
 * complaint phrased many ways, for the detector tests. Tests never read ../shared; this is the stand-in.
 */
final class SyntheticTraffic {

    static final String[] ES = ("gracias por la ayuda pero el servicio sigue igual quiero saber cuándo abren la tienda "
            + "hola buenas tardes necesito cambiar mi contraseña la aplicación funciona lenta hoy me encanta el "
            + "producto nuevo precio demasiado alto para esta calidad dónde puedo encontrar la factura atención al "
            + "cliente tarda mucho en responder horario de verano oferta descuento tarjeta regalo tienda online "
            + "talla color devolución garantía").split(" ");
    static final String[] AR = ("شكرا على المساعدة لكن الخدمة ما زالت كما هي أريد أن أعرف متى يفتح المتجر مرحبا "
            + "مساء الخير أحتاج تغيير كلمة المرور التطبيق بطيء اليوم أحب المنتج الجديد السعر مرتفع جدا لهذه الجودة "
            + "أين أجد الفاتورة خدمة العملاء تتأخر في الرد عرض خصم بطاقة هدية المقاس اللون الإرجاع الضمان").split(" ");
    static final String[] TE = ("సహాయానికి ధన్యవాదాలు కానీ సేవ అలాగే ఉంది దుకాణం ఎప్పుడు తెరుస్తారు తెలుసుకోవాలి నమస్కారం "
            + "నా పాస్వర్డ్ మార్చాలి యాప్ ఈరోజు నెమ్మదిగా ఉంది కొత్త ఉత్పత్తి చాలా నచ్చింది ధర చాలా ఎక్కువ నాణ్యత "
            + "బిల్లు ఎక్కడ దొరుకుతుంది కస్టమర్ సర్వీస్ జవాబు ఆలస్యం ఆఫర్ డిస్కౌంట్ గిఫ్ట్ కార్డ్ సైజు రంగు వాపసు").split(" ");
    static final String[] EN = ("thanks for the help but the service is still the same when does the store open hello "
            + "I need to change my password the app is slow today love the new product price too high for this "
            + "quality where can I find the invoice customer service takes long to answer offer discount gift card "
            + "size colour return warranty").split(" ");

    private final Random random;

    SyntheticTraffic(long seed) {
        this.random = new Random(seed);
    }

    /** A random sentence of 5-12 words drawn with Zipf-like weights, so a few words are common and most are rare. */
    String sentence(String[] vocabulary) {
        int n = 5 + random.nextInt(8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int idx = (int) Math.floor(Math.pow(vocabulary.length, u)) - 1;
            sb.append(i == 0 ? "" : " ").append(vocabulary[Math.max(0, Math.min(vocabulary.length - 1, idx))]);
        }
        return sb.toString();
    }

    /** Background comments in four languages, one per language every {@code everySeconds}, from {@code from}. */
    List<EmergingDetector.Observation> background(Instant from, long hours, int everySeconds) {
        List<EmergingDetector.Observation> out = new ArrayList<>();
        String[][] vocab = {EN, ES, AR, TE};
        String[] langs = {"en", "es", "ar", "te"};
        String[] platforms = {"youtube", "instagram", "google", "threads"};
        for (long t = 0; t < hours * 3600; t += everySeconds) {
            for (int l = 0; l < langs.length; l++) {
                long jitter = random.nextInt(everySeconds);
                out.add(new EmergingDetector.Observation("bg-" + langs[l] + "-" + t, langs[l],
                        platforms[random.nextInt(platforms.length)], sentence(vocab[l]),
                        from.plusSeconds(t + jitter)));
            }
        }
        out.sort(java.util.Comparator.comparing(EmergingDetector.Observation::at));
        return out;
    }

    /** {@code n} comments about one problem within {@code minutes}, each phrase wrapped in background words. */
    List<EmergingDetector.Observation> burst(String lang, String[] vocabulary, String[] phrases, Instant from,
                                             int n, int minutes) {
        List<EmergingDetector.Observation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = sentence(vocabulary).split(" ", 3)[0] + " " + phrases[i % phrases.length] + " "
                    + sentence(vocabulary);
            out.add(new EmergingDetector.Observation("burst-" + lang + "-" + i, lang, i % 2 == 0 ? "instagram" : "x",
                    text, from.plusSeconds((long) i * minutes * 60 / n)));
        }
        return out;
    }
}
