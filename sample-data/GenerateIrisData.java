import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a large, deterministic file of Iris-like records (CSV or JSONL) for load tests of the
 * prediction engine. Runs as a single-file program, no build needed:
 *
 * <pre>java sample-data/GenerateIrisData.java --rows 1000000 --seed 42 --output /tmp/big.csv</pre>
 *
 * Each record picks a species uniformly, then draws each feature from a normal distribution with
 * that species' mean and standard deviation in Fisher's data, redrawn until it falls within the
 * species' observed min..max, rounded to one decimal. Features are drawn independently.
 *
 * The same arguments give byte-identical output from run to run and machine to machine:
 * SplittableRandom's sequence is specified, the normal deviates use StrictMath, and numbers are
 * formatted by hand from integer tenths (no locale, no HashMap order). Changing the drawing order or constants changes the output
 * for every seed, so treat them as part of the file format.
 */
public final class GenerateIrisData {

    private static final int EXIT_USAGE = 2;
    private static final int EXIT_IO = 1;

    private static final String USAGE = """
            Usage: java sample-data/GenerateIrisData.java --rows N [--seed S] [--format csv|jsonl] --output PATH

            Writes N deterministic Iris-like records (id, sepal_length, sepal_width, petal_length,
            petal_width; no species) to PATH. The same arguments always give the same bytes.

              --rows N        number of records, 0 or more (required)
              --seed S        random seed, a long (default 42)
              --format F      csv or jsonl (default: from the extension of PATH: .csv, .jsonl, .ndjson)
              --output PATH   file to write (overwritten); '-' writes to standard output and needs --format
              --help          print this help

            A one-line summary (rows, bytes, seconds) goes to standard error.
            Exit codes: 0 done, 1 could not write the output, 2 bad arguments.
            """;

    private static final String CSV_HEADER = "id,sepal_length,sepal_width,petal_length,petal_width\n";
    private static final String[] JSON_KEYS = {
        "{\"id\":", ",\"sepal_length\":", ",\"sepal_width\":", ",\"petal_length\":", ",\"petal_width\":"
    };

    // Per species (setosa, versicolor, virginica) and feature (sepal length, sepal width, petal
    // length, petal width), in tenths of a centimetre, from the 150 records of Fisher's data.
    private static final int[][] MIN_TENTHS = {
        {43, 23, 10, 1}, {49, 20, 30, 10}, {49, 22, 45, 14}
    };
    private static final int[][] MAX_TENTHS = {
        {58, 44, 19, 6}, {70, 34, 51, 18}, {79, 38, 69, 25}
    };
    private static final double[][] MEAN_TENTHS = {
        {50.06, 34.28, 14.62, 2.46}, {59.36, 27.70, 42.60, 13.26}, {65.88, 29.74, 55.52, 20.26}
    };
    private static final double[][] SD_TENTHS = {
        {3.5249, 3.7906, 1.7366, 1.0539}, {5.1617, 3.1380, 4.6991, 1.9775}, {6.3588, 3.2250, 5.5189, 2.7465}
    };
    private static final int MAX_REDRAWS = 64;

    private static final int BUFFER_BYTES = 1 << 20;
    // Longest record: 19-digit id + 4 numbers + JSON keys and braces, well under this.
    private static final int MAX_RECORD_BYTES = 256;

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            System.err.println("GenerateIrisData: " + e.getMessage());
            System.err.println("Run with --help for usage.");
            System.exit(EXIT_USAGE);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        long start = System.nanoTime();
        long bytes;
        try {
            bytes = generate(options);
        } catch (IOException e) {
            System.err.println("GenerateIrisData: cannot write " + options.output() + ": " + e.getMessage());
            System.exit(EXIT_IO);
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.println(String.format(Locale.ROOT,
                "GenerateIrisData: wrote %d rows, %d bytes (%s, seed %d) to %s in %.2f s",
                options.rows(), bytes, options.format().name().toLowerCase(Locale.ROOT),
                options.seed(), options.output(), seconds));
    }

    private static long generate(Options options) throws IOException {
        boolean toStdout = options.output().equals("-");
        OutputStream out = toStdout ? System.out : new FileOutputStream(options.output());
        try {
            RecordWriter writer = new RecordWriter(out, options.format());
            IrisSampler sampler = new IrisSampler(options.seed());
            int[] tenths = new int[4];
            writer.header();
            for (long id = 1; id <= options.rows(); id++) {
                sampler.next(tenths);
                writer.record(id, tenths);
            }
            writer.flush();
            return writer.bytesWritten();
        } finally {
            if (!toStdout) {
                out.close();
            }
        }
    }

    /** Draws species and feature values; the order of draws defines the output for a seed. */
    static final class IrisSampler {
        private final SplittableRandom random;
        private double spareGaussian;
        private boolean hasSpare;

        IrisSampler(long seed) {
            this.random = new SplittableRandom(seed);
        }

        void next(int[] tenths) {
            int species = random.nextInt(3);
            for (int feature = 0; feature < 4; feature++) {
                tenths[feature] = draw(species, feature);
            }
        }

        private int draw(int species, int feature) {
            int min = MIN_TENTHS[species][feature];
            int max = MAX_TENTHS[species][feature];
            double mean = MEAN_TENTHS[species][feature];
            double sd = SD_TENTHS[species][feature];
            for (int attempt = 0; attempt < MAX_REDRAWS; attempt++) {
                int value = (int) StrictMath.floor(mean + sd * gaussian() + 0.5);
                if (value >= min && value <= max) {
                    return value;
                }
            }
            // Unreachable in practice (each range spans about +-2 sd); keeps the loop bounded.
            return (int) StrictMath.floor(mean + 0.5);
        }

        // Marsaglia's polar method: only StrictMath, so every JVM computes the same bits.
        private double gaussian() {
            if (hasSpare) {
                hasSpare = false;
                return spareGaussian;
            }
            double u;
            double v;
            double s;
            do {
                u = 2.0 * random.nextDouble() - 1.0;
                v = 2.0 * random.nextDouble() - 1.0;
                s = u * u + v * v;
            } while (s >= 1.0 || s == 0.0);
            double factor = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
            spareGaussian = v * factor;
            hasSpare = true;
            return u * factor;
        }
    }

    /** Formats records as ASCII bytes straight into one large buffer. */
    static final class RecordWriter {
        private final OutputStream out;
        private final Format format;
        private final byte[] buffer = new byte[BUFFER_BYTES];
        private final byte[] digits = new byte[20];
        private final byte[][] jsonKeys = new byte[JSON_KEYS.length][];
        private int position;
        private long flushed;

        RecordWriter(OutputStream out, Format format) {
            this.out = out;
            this.format = format;
            for (int i = 0; i < JSON_KEYS.length; i++) {
                jsonKeys[i] = JSON_KEYS[i].getBytes(StandardCharsets.US_ASCII);
            }
        }

        void header() throws IOException {
            if (format == Format.CSV) {
                byte[] header = CSV_HEADER.getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(header, 0, buffer, position, header.length);
                position += header.length;
            }
        }

        void record(long id, int[] tenths) throws IOException {
            if (position > BUFFER_BYTES - MAX_RECORD_BYTES) {
                drain();
            }
            if (format == Format.CSV) {
                putLong(id);
                for (int value : tenths) {
                    buffer[position++] = ',';
                    putTenths(value);
                }
            } else {
                putBytes(jsonKeys[0]);
                putLong(id);
                for (int i = 0; i < tenths.length; i++) {
                    putBytes(jsonKeys[i + 1]);
                    putTenths(tenths[i]);
                }
                buffer[position++] = '}';
            }
            buffer[position++] = '\n';
        }

        void flush() throws IOException {
            drain();
            out.flush();
        }

        long bytesWritten() {
            return flushed + position;
        }

        private void drain() throws IOException {
            out.write(buffer, 0, position);
            flushed += position;
            position = 0;
        }

        private void putBytes(byte[] bytes) {
            System.arraycopy(bytes, 0, buffer, position, bytes.length);
            position += bytes.length;
        }

        private void putLong(long value) {
            int n = 0;
            do {
                digits[n++] = (byte) ('0' + (value % 10));
                value /= 10;
            } while (value != 0);
            while (n > 0) {
                buffer[position++] = digits[--n];
            }
        }

        // Feature values are positive and below 10 cm, so tenths 1..99 print as "d.d".
        private void putTenths(int tenths) {
            buffer[position++] = (byte) ('0' + tenths / 10);
            buffer[position++] = '.';
            buffer[position++] = (byte) ('0' + tenths % 10);
        }
    }

    enum Format { CSV, JSONL }

    record Options(long rows, long seed, Format format, String output) {

        /** Returns null when help was asked for. */
        static Options parse(String[] args) throws UsageException {
            Long rows = null;
            long seed = 42;
            Format format = null;
            String output = null;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                switch (name) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--rows", "--seed", "--format", "--output" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new UsageException(name + " needs a value");
                            }
                            value = args[++i];
                        }
                        switch (name) {
                            case "--rows" -> {
                                rows = parseLong(name, value);
                                if (rows < 0) {
                                    throw new UsageException("--rows must be 0 or more, got " + value);
                                }
                            }
                            case "--seed" -> seed = parseLong(name, value);
                            case "--format" -> format = parseFormat(value);
                            default -> output = value;
                        }
                    }
                    default -> throw new UsageException("unknown argument '" + arg + "'");
                }
            }
            if (rows == null) {
                throw new UsageException("--rows is required");
            }
            if (output == null || output.isEmpty()) {
                throw new UsageException("--output is required (a file path, or '-' for standard output)");
            }
            if (format == null && output.equals("-")) {
                throw new UsageException("--output - (standard output) needs --format csv|jsonl");
            }
            if (format == null) {
                format = formatFromExtension(output);
            }
            if (!output.equals("-")) {
                Path parent = Path.of(output).toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    throw new UsageException("output directory " + parent + " does not exist");
                }
                if (Files.isDirectory(Path.of(output))) {
                    throw new UsageException("--output " + output + " is a directory, expected a file");
                }
            }
            return new Options(rows, seed, format, output);
        }

        private static long parseLong(String name, String value) throws UsageException {
            try {
                return Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new UsageException(name + " expects a whole number, got '" + value + "'");
            }
        }

        private static Format parseFormat(String value) throws UsageException {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "csv" -> Format.CSV;
                case "jsonl", "ndjson" -> Format.JSONL;
                default -> throw new UsageException("--format must be csv or jsonl, got '" + value + "'");
            };
        }

        private static Format formatFromExtension(String output) throws UsageException {
            String lower = output.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".csv")) {
                return Format.CSV;
            }
            if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
                return Format.JSONL;
            }
            throw new UsageException("cannot tell the format from '" + output
                    + "': name it .csv or .jsonl, or pass --format csv|jsonl");
        }
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
