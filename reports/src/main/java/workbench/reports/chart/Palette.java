package workbench.reports.chart;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * Colours that keep their meaning across every chart of every report: a strategy always gets the
 * same colour (vectored blue, scalar orange, the iperf3 ceiling grey, …), whatever else a chart
 * holds. Names without a colour of their own get one of the others by a stable hash of the name.
 * Colour-blind-safe (Okabe–Ito).
 */
public final class Palette {
    private static final Color BLUE = new Color(0x00, 0x72, 0xB2);
    private static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
    private static final Color GREEN = new Color(0x00, 0x9E, 0x73);
    private static final Color VERMILION = new Color(0xD5, 0x5E, 0x00);
    private static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
    private static final Color SKY = new Color(0x56, 0xB4, 0xE9);
    private static final Color YELLOW = new Color(0xB8, 0xA3, 0x00);
    private static final Color GREY = new Color(0x80, 0x80, 0x80);

    private static final Map<String, Color> FIXED = Map.of(
            "vectored", BLUE, "scalar", ORANGE, "sendfile", GREEN, "qemu", VERMILION,
            "iperf3", GREY, "iperf3-z", new Color(0x50, 0x50, 0x50),
            // the CPU chart's series are the three CPU figures, not strategies
            "sender thread CPU", new Color(0x00, 0x4C, 0x70), "sender process CPU", SKY, "receiver process CPU", PURPLE);
    private static final List<Color> OTHERS = List.of(PURPLE, SKY, YELLOW, GREEN, VERMILION);

    private Palette() {
    }

    /**
     * the colour of a strategy, or of any series name by its first word ("vectored batch=8" is blue);
     * a name ending in " receiver" gets the lighter shade of its strategy
     */
    public static Color of(String name) {
        if (name.endsWith(" receiver")) {
            return lighter(of(name.substring(0, name.length() - " receiver".length())));
        }
        Color whole = FIXED.get(name);
        if (whole != null) {
            return whole;
        }
        String head = name.strip().split("[ (]", 2)[0];
        Color fixed = FIXED.get(head);
        return fixed != null ? fixed : OTHERS.get(Math.floorMod(head.hashCode(), OTHERS.size()));
    }

    /** the same hue, lighter: the receiver beside the sender of one strategy */
    public static Color lighter(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }
}
