package io.predictionbatch.model.registry;

import io.predictionbatch.model.MLModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * The models this process hosts, created lazily, once, and shared by all threads.
 *
 * <h2>Which models</h2>
 * The model classes are those named in configuration, followed by those registered by a model jar
 * on the class path in {@code META-INF/services/io.predictionbatch.model.MLModel}, followed by those
 * registered the same way by each {@linkplain ModelPackage model package}, loaded by the package's
 * own class loader; a class named twice counts once. Every class on the class path is checked when
 * the registry is {@linkplain #create created} (it exists, implements {@link MLModel}, is public,
 * concrete, with a public no-argument constructor), so that a configuration mistake stops the
 * process at start-up. A package is deployed, not configured: one that cannot be used is set aside
 * with its name and reason ({@link #failures()}) and the others are hosted. Discovery loads classes
 * without initializing or instantiating them.
 *
 * <h2>Versions</h2>
 * Several versions of one model may be hosted at once (two packages, or a package beside the class
 * path's model): {@link #get(String) get("NAME")} gives the newest by {@link ModelVersions},
 * {@code get("NAME@VERSION")} the given one. A model is told by its qualified name and version
 * together; two with the same of both cannot both be hosted.
 *
 * <h2>When models are created</h2>
 * A model is created on first need, by its public no-argument constructor, at most once per
 * registry even when many threads ask at the same time (the others wait for it). Since a model
 * class's qualified name is only known from an instance, {@link #get(String)} creates the
 * not-yet-created models one at a time, in registry order (configured classes first): for
 * {@code NAME@VERSION} until one is that version, for {@code NAME} all that may have that name, to
 * find its newest version (a model file whose descriptor gives another name is not loaded). A
 * lookup may create models other than the one asked for, and a lookup of an unknown name creates
 * them all.
 *
 * <h2>Failures</h2>
 * A model whose constructor throws, whose qualified name is not usable in a URL, or whose types
 * cannot be bound is remembered as failed, with its reason, for the life of the registry: it is not
 * retried on every call, since loading is expensive and the failure (a missing model file, a bad
 * type) would almost always repeat; restart the process after fixing it. When two classes have the
 * same qualified name and version, the first in registry order is hosted and the later one fails,
 * so a lookup always gives the same model. {@link #get(String)} skips failed models while searching and
 * names them in its {@link UnknownModelException}; {@link #all()} throws the failure.
 */
public final class ModelRegistry {

    private final List<ModelClass> classes;
    private final List<ModelRegistryException> packageFailures;
    private final ConcurrentMap<ModelReference, HostedModel<?, ?>> hostedModels = new ConcurrentHashMap<>();
    private final Consumer<ModelLoad> onLoad;

    private ModelRegistry(List<ModelClass> classes, List<ModelRegistryException> packageFailures,
            Consumer<ModelLoad> onLoad) {
        this.classes = List.copyOf(classes);
        this.packageFailures = List.copyOf(packageFailures);
        this.onLoad = onLoad;
    }

    /**
     * A registry of the configured model classes and the ones registered with
     * {@link ServiceLoader}. No model is created yet.
     *
     * @param configuredClassNames fully qualified class names from configuration, possibly empty
     * @param classLoader loads the configured classes and finds the registered ones
     * @throws ModelRegistryException naming the first class that is missing or not usable as a model
     */
    public static ModelRegistry create(Collection<String> configuredClassNames, ClassLoader classLoader) {
        return create(configuredClassNames, classLoader, List.of());
    }

    /**
     * A registry of the configured model classes, the ones registered with {@link ServiceLoader}
     * on the class path, and those of the model packages. No model is created yet.
     *
     * @throws ModelRegistryException naming the first class on the class path that is missing or
     *         not usable as a model (a package's are set aside instead)
     */
    public static ModelRegistry create(Collection<String> configuredClassNames, ClassLoader classLoader,
            List<ModelPackage> packages) {
        return create(configuredClassNames, classLoader, packages, load -> { });
    }

    /**
     * The same registry, telling {@code onLoad} of each model once it is created (on the thread
     * that needed it first), for metrics or logs of model load times.
     */
    public static ModelRegistry create(Collection<String> configuredClassNames, ClassLoader classLoader,
            List<ModelPackage> packages, Consumer<ModelLoad> onLoad) {
        Objects.requireNonNull(configuredClassNames, "configuredClassNames");
        Objects.requireNonNull(classLoader, "classLoader");
        Objects.requireNonNull(onLoad, "onLoad");
        Map<String, ModelClass> classes = new LinkedHashMap<>();
        for (String configured : configuredClassNames) {
            String className = configured == null ? "" : configured.strip();
            if (className.isEmpty()) {
                throw new ModelRegistryException("A configured model class name is empty");
            }
            if (!classes.containsKey(className)) {
                classes.put(className, ModelClass.forName(className, classLoader));
            }
        }
        for (Class<?> registered : registeredClasses(classLoader)) {
            if (!classes.containsKey(registered.getName())) {
                classes.put(registered.getName(), ModelClass.of(registered, HostedModel.CLASS_PATH));
            }
        }
        List<ModelClass> all = new ArrayList<>(classes.values());
        List<ModelRegistryException> packageFailures = new ArrayList<>();
        for (ModelPackage modelPackage : packages) {
            if (modelPackage.format() != null) {
                all.add(ModelClass.ofFile(modelPackage));
                continue;
            }
            try {
                List<Class<?>> types = registeredClasses(modelPackage.classLoader());
                if (types.isEmpty()) {
                    throw new ModelRegistryException("it registers no model: list the model class in"
                            + " META-INF/services/" + MLModel.class.getName());
                }
                for (Class<?> type : types) {
                    all.add(ModelClass.of(type, modelPackage.toString()));
                }
            } catch (ModelRegistryException e) {
                packageFailures.add(new ModelRegistryException("Model " + modelPackage + " cannot be hosted: "
                        + e.getMessage(), e));
            }
        }
        return new ModelRegistry(all, packageFailures, onLoad);
    }

    /** {@code Provider.type()} loads a registered class without instantiating it. */
    @SuppressWarnings("rawtypes")
    private static List<Class<?>> registeredClasses(ClassLoader classLoader) {
        try {
            List<Class<?>> types = new ArrayList<>();
            ServiceLoader.load(MLModel.class, classLoader).stream().forEach(provider -> types.add(provider.type()));
            return types;
        } catch (ServiceConfigurationError e) {
            throw new ModelRegistryException("A model registered in META-INF/services/" + MLModel.class.getName()
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * The hosted model a reference names: {@code NAME} for its newest version, {@code NAME@VERSION}
     * for that version; creating models as described in the class documentation.
     *
     * @throws UnknownModelException when no hosted model is the one named, listing the available
     *         ones and any models that failed to load
     */
    public HostedModel<?, ?> get(String reference) {
        ModelReference wanted = ModelReference.parse(reference);
        if (wanted.version() != null) {
            HostedModel<?, ?> known = hostedModels.get(wanted);
            if (known != null) {
                return known;
            }
        }
        HostedModel<?, ?> newest = null;
        for (ModelClass modelClass : classes) {
            if (!modelClass.mayBeNamed(wanted.name())) {
                continue;
            }
            HostedModel<?, ?> hosted = modelClass.outcome(hostedModels, onLoad).hosted();
            if (hosted != null && wanted.matches(hosted)) {
                if (wanted.version() != null) {
                    return hosted;
                }
                if (newest == null || ModelVersions.compare(hosted.version(), newest.version()) > 0) {
                    newest = hosted;
                }
            }
        }
        if (newest == null) {
            throw unknown(wanted);
        }
        return newest;
    }

    /**
     * Every hosted model, in registry order, creating those not created yet.
     *
     * @throws ModelRegistryException when a model failed to load (the first failure; the others are
     *         attached as suppressed exceptions)
     */
    public List<HostedModel<?, ?>> all() {
        List<HostedModel<?, ?>> models = new ArrayList<>();
        ModelRegistryException failure = null;
        for (ModelClass modelClass : classes) {
            ModelClass.Outcome outcome = modelClass.outcome(hostedModels, onLoad);
            if (outcome.hosted() != null) {
                models.add(outcome.hosted());
            } else if (failure == null) {
                failure = copy(outcome.failure());
            } else {
                failure.addSuppressed(copy(outcome.failure()));
            }
        }
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(models);
    }

    /** Every model that could be hosted, in registry order, creating those not created yet. */
    public List<HostedModel<?, ?>> available() {
        return classes.stream().map(modelClass -> modelClass.outcome(hostedModels, onLoad).hosted())
                .filter(Objects::nonNull).<HostedModel<?, ?>>map(hosted -> hosted).toList();
    }

    /**
     * Why models could not be hosted: packages that could not be used, and models that failed to
     * load (created first, as in {@link #available()}).
     */
    public List<String> failures() {
        List<String> failures = new ArrayList<>(packageFailures.stream().map(Throwable::getMessage).toList());
        for (ModelClass modelClass : classes) {
            ModelClass.Outcome outcome = modelClass.outcome(hostedModels, onLoad);
            if (outcome.failure() != null) {
                failures.add(outcome.failure().getMessage());
            }
        }
        return failures;
    }

    /** The model class names, configured ones first, without creating any model. */
    public List<String> classNames() {
        return classes.stream().map(ModelClass::className).toList();
    }

    private UnknownModelException unknown(ModelReference wanted) {
        List<String> available = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ModelClass modelClass : classes) {
            ModelClass.Outcome outcome = modelClass.outcomeIfCreated();
            if (outcome != null && outcome.hosted() != null) {
                HostedModel<?, ?> hosted = outcome.hosted();
                if (!available.contains(hosted.qualifiedName())) {
                    available.add(hosted.qualifiedName());
                }
                if (hosted.qualifiedName().equals(wanted.name())) {
                    versions.add(hosted.version());
                }
            } else if (outcome != null) {
                failures.add(outcome.failure().getMessage());
            }
        }
        StringBuilder message = versions.isEmpty()
                ? new StringBuilder("Unknown model '").append(wanted).append("'. Available models: ")
                        .append(available.isEmpty() ? "none" : String.join(", ", available))
                : new StringBuilder("Model '").append(wanted.name()).append("' has no version '")
                        .append(wanted.version()).append("'. Hosted versions: ")
                        .append(String.join(", ", versions.stream().sorted(ModelVersions.ORDER).toList()));
        if (!failures.isEmpty()) {
            message.append(". Unavailable because they failed to load: ").append(String.join("; ", failures));
        }
        return new UnknownModelException(wanted.toString(), available, message.toString());
    }

    /** A fresh exception per call: the remembered one's stack trace is of its creation, shared by threads. */
    private static ModelRegistryException copy(ModelRegistryException failure) {
        return new ModelRegistryException(failure.getMessage(), failure.getCause());
    }

    @Override
    public String toString() {
        return "ModelRegistry" + classNames();
    }
}
