package io.kbt.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The {@link DataFormat}s a class loader finds: kbt's own, then any plugin's. */
public final class DataFormats {
    private DataFormats() {}

    public static List<DataFormat> load(ClassLoader loader) {
        List<DataFormat> formats = new ArrayList<>();
        try {
            ServiceLoader.load(DataFormat.class, loader).forEach(formats::add);
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("cannot load a data format: " + e.getMessage(), e);
        }
        return List.copyOf(formats);
    }
}
