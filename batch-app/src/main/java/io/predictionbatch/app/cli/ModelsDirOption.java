package io.predictionbatch.app.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --models-dir DIR}, which any command takes: where model packages are deployed. The
 * registry is made with the application context, before a command's options are parsed, so the
 * option is read from the raw arguments as the property {@code prediction.models-dir}, and is no
 * option of the commands themselves.
 */
public final class ModelsDirOption {

    private static final String NAME = "--models-dir";

    private ModelsDirOption() {
    }

    /** The arguments, with {@code --models-dir} also given as the property {@code --prediction.models-dir}. */
    public static String[] asProperty(String[] args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(NAME + "=")) {
                all.add("--prediction.models-dir=" + args[i].substring(NAME.length() + 1));
            } else if (args[i].equals(NAME) && i + 1 < args.length) {
                all.add("--prediction.models-dir=" + args[i + 1]);
            }
        }
        return all.toArray(String[]::new);
    }

    /** The arguments without {@code --models-dir} and its value, for the command's own parser. */
    static String[] removed(String[] args) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(NAME)) {
                i++;
            } else if (!args[i].startsWith(NAME + "=")) {
                rest.add(args[i]);
            }
        }
        return rest.toArray(String[]::new);
    }
}
