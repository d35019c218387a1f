package io.kbt.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's {@code daily.csv}: one row per (parameter set, day), a column per swept key, then {@code day},
 * {@code pnl_cents}, {@code fills}, {@code contracts}, {@code fees_cents}, {@code max_abs_position},
 * {@code max_drawdown_cents} (within the day). Each set's rows sum to its {@code sweep.csv} row.
 */
public final class DailyCsv {
    private DailyCsv() {}

    public static Path write(Path file, List<String> sweptKeys, List<DailyRow> rows) {
        List<String> header = new ArrayList<>(sweptKeys);
        header.addAll(List.of("day", "pnl_cents", "fills", "contracts", "fees_cents", "max_abs_position",
                "max_drawdown_cents"));
        try (CsvRows csv = new CsvRows(file, header.toArray(String[]::new))) {
            for (DailyRow row : rows) {
                List<Object> fields = new ArrayList<>();
                sweptKeys.forEach(k -> fields.add(row.params().get(k)));
                fields.add(row.day());
                fields.add(Decimals.cents(row.pnlMicros()));
                fields.add(row.fills());
                fields.add(Decimals.contracts(row.contracts()));
                fields.add(Decimals.cents(row.feesMicros()));
                fields.add(Decimals.contracts(row.maxAbsPosition()));
                fields.add(Decimals.cents(row.maxDrawdownMicros()));
                csv.write(fields.toArray());
            }
        }
        return file;
    }
}
