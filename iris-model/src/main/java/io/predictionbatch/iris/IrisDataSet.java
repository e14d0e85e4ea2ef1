package io.predictionbatch.iris;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fisher's Iris data as scikit-learn ships it ({@code load_iris()}), read from the class path.
 *
 * <p>Kept beside the model so that training and the accuracy tests read exactly the rows the
 * shipped model was trained on.
 */
final class IrisDataSet {

    static final String RESOURCE = "iris.csv";
    static final String HEADER = "sepal_length,sepal_width,petal_length,petal_width,species";

    /** Species in label order: LIBSVM label {@code i} is species {@code SPECIES.get(i)}. */
    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    /** One flower and its true species label. */
    record Sample(IrisInput input, int label) {

        String species() {
            return SPECIES.get(label);
        }
    }

    private IrisDataSet() {
    }

    /** All 150 rows, in file order (50 setosa, 50 versicolor, 50 virginica). */
    static List<Sample> load() {
        InputStream in = IrisDataSet.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Class path resource " + RESOURCE + " is missing next to "
                    + IrisDataSet.class.getName());
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String header = reader.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalStateException(RESOURCE + " has header '" + header + "', expected '" + HEADER + "'");
            }
            List<Sample> samples = new ArrayList<>(150);
            String line;
            while ((line = reader.readLine()) != null) {
                samples.add(parse(line));
            }
            return List.copyOf(samples);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private static Sample parse(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 5) {
            throw new IllegalStateException(RESOURCE + ": expected 5 fields in '" + line + "'");
        }
        int label = SPECIES.indexOf(fields[4]);
        if (label < 0) {
            throw new IllegalStateException(RESOURCE + ": unknown species in '" + line + "'");
        }
        IrisInput input = new IrisInput(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                Double.parseDouble(fields[2]), Double.parseDouble(fields[3]));
        return new Sample(input, label);
    }
}
