package io.predictionbatch.model.registry;

/**
 * The parent of every model package's class loader: the JDK, the model contract (the classes of
 * {@code io.predictionbatch.model} itself, which hosting code and models must share) and Jackson's
 * annotations (which the binder reads on a model's input type), and nothing else. Every other class
 * a package uses, it loads from its own jars, so two packages may use different versions of one
 * library, and neither sees the application's.
 */
final class ContractClassLoader extends ClassLoader {

    private static final String CONTRACT_PACKAGE = "io.predictionbatch.model";
    private static final String ANNOTATIONS_PREFIX = "com.fasterxml.jackson.annotation.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader application;

    ContractClassLoader(ClassLoader application) {
        super("model-contract", ClassLoader.getPlatformClassLoader());
        this.application = application;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return application.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    static boolean isShared(String className) {
        int lastDot = className.lastIndexOf('.');
        String packageName = lastDot < 0 ? "" : className.substring(0, lastDot);
        return packageName.equals(CONTRACT_PACKAGE) || className.startsWith(ANNOTATIONS_PREFIX);
    }
}
