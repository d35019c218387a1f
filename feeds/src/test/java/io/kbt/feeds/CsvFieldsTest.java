package io.kbt.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fields in place cut and trim a line as {@link CsvLine#split} does. */
class CsvFieldsTest {
    @Test
    void fieldsAreCsvLinesSplitWithoutStrings() {
        CsvFields fields = new CsvFields();
        for (String line : new String[] {"", ",", " a , b ,c", "2023-04-10 13:31:00.945899+00:00,,,,0,,,4079.3899,,",
                "\t x\t,\u0000y\u0000, ,", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20"}) {
            char[] chars = (line + "tail that is not part of the line").toCharArray();
            fields.split(chars, line.length());
            List<String> expected = CsvLine.split(chars, line.length());
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                actual.add(fields.get(i).toString());
                assertThat(fields.text(i)).isEqualTo(expected.get(i));
                assertThat(fields.is(i, expected.get(i))).isTrue();
                assertThat(fields.is(i, expected.get(i) + "x")).isFalse();
                assertThat(fields.get(i).length()).isEqualTo(expected.get(i).length());
            }
            assertThat(actual).isEqualTo(expected);
        }
    }
}
