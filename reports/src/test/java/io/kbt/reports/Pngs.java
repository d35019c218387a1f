package io.kbt.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Reads back a chart and checks it is a 1600×1000 PNG that is not blank. */
final class Pngs {
    private Pngs() {}

    static void assertChart(Path file) throws IOException {
        assertThat(file).exists();
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("%s decodes as an image", file).isNotNull();
        assertThat(image.getWidth()).as("width of %s", file).isEqualTo(1600);
        assertThat(image.getHeight()).as("height of %s", file).isEqualTo(1000);
        assertThat(distinctColours(image)).as("distinct colours in %s", file).isGreaterThan(20);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
