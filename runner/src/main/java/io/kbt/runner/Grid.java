package io.kbt.runner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's parameter grid: the cartesian product of every {@code --grid} axis, in the order the axes were
 * given (the last axis varies fastest). An axis is {@code key=v1,v2,...} or {@code key=start:end:step}
 * (inclusive, decimal-exact so 0.1 steps do not drift).
 */
public record Grid(List<Axis> axes) {
    /** One swept key and its values, as strings ready for {@code --set}. */
    public record Axis(String key, List<String> values) {}

    public Grid {
        axes = List.copyOf(axes);
    }

    public static Grid parse(List<String> specs) {
        if (specs == null || specs.isEmpty()) {
            throw new InvalidRunException("a sweep needs at least one --grid key=v1,v2,... or --grid key=start:end:step");
        }
        List<Axis> axes = new ArrayList<>();
        for (String spec : specs) {
            Axis axis = parseAxis(spec);
            if (axes.stream().anyMatch(a -> a.key().equals(axis.key()))) {
                throw new InvalidRunException("--grid " + axis.key() + " is given twice");
            }
            axes.add(axis);
        }
        return new Grid(axes);
    }

    static Axis parseAxis(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new InvalidRunException("--grid '" + spec + "': expected key=v1,v2,... or key=start:end:step");
        }
        String key = spec.substring(0, eq).trim();
        String values = spec.substring(eq + 1).trim();
        if (values.contains(":")) {
            return new Axis(key, range(spec, values));
        }
        List<String> list = new ArrayList<>();
        for (String v : values.split(",")) {
            if (v.isBlank()) {
                throw new InvalidRunException("--grid '" + spec + "': empty value");
            }
            list.add(v.trim());
        }
        return new Axis(key, List.copyOf(list));
    }

    private static List<String> range(String spec, String values) {
        String[] parts = values.split(":");
        if (parts.length != 3) {
            throw new InvalidRunException("--grid '" + spec + "': a range is start:end:step");
        }
        BigDecimal start;
        BigDecimal end;
        BigDecimal step;
        try {
            start = new BigDecimal(parts[0].trim());
            end = new BigDecimal(parts[1].trim());
            step = new BigDecimal(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new InvalidRunException("--grid '" + spec + "': start, end and step must be numbers");
        }
        if (step.signum() <= 0 || end.compareTo(start) < 0) {
            throw new InvalidRunException("--grid '" + spec + "': needs start <= end and a positive step");
        }
        List<String> list = new ArrayList<>();
        for (BigDecimal v = start; v.compareTo(end) <= 0; v = v.add(step)) {
            list.add(v.stripTrailingZeros().toPlainString());
            if (list.size() > 100_000) {
                throw new InvalidRunException("--grid '" + spec + "': more than 100,000 values");
            }
        }
        return List.copyOf(list);
    }

    public List<String> keys() {
        return axes.stream().map(Axis::key).toList();
    }

    /** Every parameter set of the product, each an ordered key → value map. */
    public List<Map<String, String>> points() {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Axis axis : axes) {
            List<Map<String, String>> next = new ArrayList<>(points.size() * axis.values().size());
            for (Map<String, String> point : points) {
                for (String value : axis.values()) {
                    Map<String, String> extended = new LinkedHashMap<>(point);
                    extended.put(axis.key(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return points.stream().map(Collections::unmodifiableMap).toList();
    }
}
