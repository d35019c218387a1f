package io.kbt.engine.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/** Finds the named implementations of an extension point with {@link ServiceLoader}. */
public final class Providers {
    private Providers() {}

    /** Every provider of {@code type} that {@code loader} sees, in discovery order. */
    public static <P> List<P> load(Class<P> type, ClassLoader loader) {
        List<P> found = new ArrayList<>();
        try {
            ServiceLoader.load(type, loader).forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("cannot load a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        return found;
    }

    /**
     * The provider called {@code name}.
     *
     * @throws IllegalArgumentException naming {@code what} and the names there are, when none is called so
     */
    public static <P> P named(Class<P> type, ClassLoader loader, Function<P, String> nameOf, String name, String what) {
        return named(type, loader, nameOf, name, what, "");
    }

    /** As {@link #named(Class, ClassLoader, Function, String, String)}, with {@code alsoAccepted} after the names. */
    public static <P> P named(Class<P> type, ClassLoader loader, Function<P, String> nameOf, String name, String what,
            String alsoAccepted) {
        List<P> all = load(type, loader);
        for (P provider : all) {
            if (nameOf.apply(provider).equals(name)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + name + "' (choose "
                + String.join(", ", all.stream().map(nameOf).toList()) + alsoAccepted + ")");
    }
}
