package io.predictionbatch.model.registry;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders model versions as people read them: runs of digits compare as numbers
 * ({@code 1.10.0} after {@code 1.9.2}, {@code 2024.06} after {@code 2023.12}), other text compares
 * as text, and a pre-release comes before its release ({@code 1.0.0-rc1} before {@code 1.0.0}),
 * as in Semantic Versioning.
 */
public final class ModelVersions {

    /** Older first. */
    public static final Comparator<String> ORDER = ModelVersions::compare;

    private static final Pattern PART = Pattern.compile("\\d+|\\D+");

    private ModelVersions() {
    }

    public static int compare(String left, String right) {
        Matcher a = PART.matcher(left);
        Matcher b = PART.matcher(right);
        while (true) {
            boolean moreA = a.find();
            boolean moreB = b.find();
            if (!moreA || !moreB) {
                if (moreA == moreB) {
                    return 0;
                }
                // the longer one is a later release (1.0.1) unless what follows is a pre-release (1.0.0-rc1)
                String rest = moreA ? a.group() : b.group();
                int longerIsLater = rest.startsWith("-") ? -1 : 1;
                return moreA ? longerIsLater : -longerIsLater;
            }
            String x = a.group();
            String y = b.group();
            boolean numbers = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
            int order = numbers ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
    }
}
