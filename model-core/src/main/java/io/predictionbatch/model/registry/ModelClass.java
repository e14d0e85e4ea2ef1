package io.predictionbatch.model.registry;

import io.predictionbatch.model.MLModel;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One model of the registry, by its class or by its model file: checked when the registry is
 * created, instantiated at most once, on first need. The outcome, a hosted model or the reason it
 * could not be, is kept for the life of the registry.
 */
final class ModelClass {

    /** Safe in a URL path segment and on a command line; no leading dot, so never "." or "..". */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("[a-z0-9][a-z0-9_.\\-]{0,99}");

    /** Either a hosted model or why there is none. */
    record Outcome(HostedModel<?, ?> hosted, ModelRegistryException failure) {
    }

    /** Makes the model instance; throws what the model's own code throws. */
    private interface Factory {
        MLModel<?, ?> create() throws ReflectiveOperationException;
    }

    private final String className;
    /** How messages name it: "Model class 'x.Y'" or "Model package 'iris-onnx'". */
    private final String what;
    private final Factory factory;
    /** The loader of the model's own classes, for its libraries that look up resources through the thread. */
    private final ClassLoader loader;
    private final String source;
    /** Tells the model's qualified name before it is created, if it can (a model file's descriptor). */
    private final Supplier<Optional<String>> nameBeforehand;
    /** What {@link #nameBeforehand} told, once asked: read on first lookup, not at start-up. */
    private volatile Optional<String> knownName;
    private volatile Outcome outcome;

    private ModelClass(String className, String what, Factory factory, ClassLoader loader, String source,
            Supplier<Optional<String>> nameBeforehand) {
        this.className = className;
        this.what = what;
        this.factory = factory;
        this.loader = loader;
        this.source = source;
        this.nameBeforehand = nameBeforehand;
    }

    /** The model of a model-file package, loaded by its format on first need. */
    static ModelClass ofFile(ModelPackage modelPackage) {
        ModelFileFormat format = modelPackage.format();
        return new ModelClass(modelPackage.location().toString(), "Model package '" + modelPackage.name() + "'",
                () -> format.load(modelPackage.location()), format.getClass().getClassLoader(),
                modelPackage.toString(), () -> format.qualifiedName(modelPackage.location()));
    }

    /** Finds a configured class without initializing it, so that nothing runs before first use. */
    static ModelClass forName(String className, ClassLoader classLoader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException e) {
            throw new ModelRegistryException("Model class '" + className + "' was not found on the class path", e);
        } catch (LinkageError e) {
            throw new ModelRegistryException("Model class '" + className + "' could not be loaded: " + e, e);
        }
        return of(type, HostedModel.CLASS_PATH);
    }

    /** @param source where the class comes from, as {@code models} shows it */
    static ModelClass of(Class<?> type, String source) {
        String name = type.getName();
        if (!MLModel.class.isAssignableFrom(type)) {
            throw new ModelRegistryException("Model class '" + name + "' does not implement "
                    + MLModel.class.getName());
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new ModelRegistryException("Model class '" + name + "' is abstract: name a concrete class");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new ModelRegistryException("Model class '" + name + "' is not public: the registry creates models"
                    + " with their public no-argument constructor");
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            constructor.trySetAccessible();
            return new ModelClass(name, "Model class '" + name + "'", () -> (MLModel<?, ?>) constructor.newInstance(),
                    type.getClassLoader(), source, Optional::empty);
        } catch (NoSuchMethodException e) {
            throw new ModelRegistryException("Model class '" + name + "' has no public no-argument constructor:"
                    + " the registry creates models with one (load weights or model files there)");
        }
    }

    String className() {
        return className;
    }

    /** Whether the model may have this qualified name: false only when its name is known to differ. */
    boolean mayBeNamed(String name) {
        Optional<String> known = knownName;
        if (known == null) {
            known = nameBeforehand.get();
            knownName = known;
        }
        return known.map(name::equals).orElse(true);
    }

    /**
     * The outcome, creating the model first if no thread has yet, and then telling {@code onLoad};
     * callers block while another creates it.
     */
    Outcome outcome(ConcurrentMap<ModelReference, HostedModel<?, ?>> hostedModels, Consumer<ModelLoad> onLoad) {
        Outcome current = outcome;
        if (current == null) {
            synchronized (this) {
                current = outcome;
                if (current == null) {
                    long start = System.nanoTime();
                    current = create(hostedModels);
                    outcome = current;
                    HostedModel<?, ?> hosted = current.hosted();
                    if (hosted != null) {
                        onLoad.accept(new ModelLoad(hosted.qualifiedName(), hosted.version(), source,
                                Duration.ofNanos(System.nanoTime() - start)));
                    }
                }
            }
        }
        return current;
    }

    /** The outcome if the model was already created or failed, without creating it. */
    Outcome outcomeIfCreated() {
        return outcome;
    }

    private Outcome create(ConcurrentMap<ModelReference, HostedModel<?, ?>> hostedModels) {
        HostedModel<?, ?> hosted;
        try {
            hosted = host(instantiate());
        } catch (ModelRegistryException e) {
            return new Outcome(null, e);
        }
        HostedModel<?, ?> existing = hostedModels.putIfAbsent(ModelReference.of(hosted), hosted);
        if (existing != null) {
            return new Outcome(null, new ModelRegistryException("Models '"
                    + existing.model().getClass().getName() + "' (" + existing.source() + ") and '" + className
                    + "' (" + source + ") are both version " + hosted.version() + " of '" + hosted.qualifiedName()
                    + "': a model's versions must differ, so '" + className
                    + "' is not available. Remove one of them from the configuration, the class path or the"
                    + " models directory"));
        }
        return new Outcome(hosted, null);
    }

    private MLModel<?, ?> instantiate() {
        // A model's libraries may load their resources through the thread's class loader.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return factory.create();
        } catch (InvocationTargetException e) {
            throw failedToLoad(e.getCause());
        } catch (ExceptionInInitializerError e) {
            throw failedToLoad(e.getCause() != null ? e.getCause() : e);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw failedToLoad(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private HostedModel<?, ?> host(MLModel<?, ?> model) {
        try {
            String name = model.qualifiedName();
            if (name == null || !QUALIFIED_NAME.matcher(name).matches()) {
                throw new ModelRegistryException(what + " has the qualified name '" + name
                        + "', which cannot be used in a URL or on a command line: use 1 to 100 lowercase letters,"
                        + " digits, '_', '-' and '.', starting with a letter or digit (such as iris_model)");
            }
            if (model.version() == null || model.inputType() == null || model.outputType() == null) {
                throw new ModelRegistryException(what + " must return a version, an input type and an output type");
            }
            return HostedModel.of(model, source);
        } catch (ModelRegistryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelRegistryException(what + " cannot be hosted: " + message(e), e);
        }
    }

    private ModelRegistryException failedToLoad(Throwable cause) {
        return new ModelRegistryException(what + " failed to load: " + message(cause), cause);
    }

    private static String message(Throwable cause) {
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
    }

    @Override
    public String toString() {
        return className;
    }
}
