package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import com.netvizura.license.model.UsageDay;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The Usage section's chart of one name: the daily peaks of the last {@value #DAYS} days as bars against the limit,
 * written on the server as inline SVG (no script, nothing for the page's Content-Security-Policy to allow, and it
 * prints). Readable without colour: the limit is a dashed line with its number written beside it, and a bar over the
 * limit is hatched as well as red. Readable by a screen reader: the picture is one {@code role="img"} named by its title and
 * described by its description, which say the highest peak, the limit and the days over it; each bar has its date and peak as a tooltip.
 * Every text goes through {@link #escape}; names are usage names and numbers are numbers.
 */
final class UsageChart {

    static final int DAYS = 90;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 180;
    private static final int LEFT = 48;
    private static final int RIGHT = 8;
    private static final int TOP = 12;
    private static final int BOTTOM = 24;

    private UsageChart() {
    }

    /**
     * @param days  the daily peaks of every name (others are skipped)
     * @param today the last day of the chart
     */
    static String svg(String name, List<UsageDay> days, OptionalLong limit, LocalDate today, Locale locale) {
        LocalDate first = today.minusDays(DAYS - 1L);
        Map<LocalDate, Long> peaks = new TreeMap<>();
        for (UsageDay d : days) {
            if (d.name().equals(name) && !d.date().isBefore(first) && !d.date().isAfter(today)) {
                peaks.put(d.date(), d.peak());
            }
        }
        long highest = peaks.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long top = Math.max(1, Math.max(highest, limit.orElse(0)));
        top = top + Math.max(1, top / 10); // room above the higher of the peak and the limit
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double barWidth = plotWidth / DAYS;
        long overDays = limit.isPresent() ? peaks.values().stream().filter(p -> p > limit.getAsLong()).count() : 0;
        String id = "usageChart-" + name;
        String title = Messages.get(locale, "web.usage.chart.title", name, DAYS);
        String desc = peaks.isEmpty() ? Messages.get(locale, "web.usage.chart.empty")
                : limit.isPresent() ? Messages.get(locale, "web.usage.chart.desc", highest, limit.getAsLong(), overDays)
                : Messages.get(locale, "web.usage.chart.descNoLimit", highest);

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nvl-usage-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(id)
                .append("-title\" aria-describedby=\"").append(id).append("-desc\" id=\"").append(id).append("\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(escape(desc)).append("</desc>");
        svg.append("<defs><pattern id=\"").append(id).append("-hatch\" width=\"6\" height=\"6\" "
                + "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
                + "class=\"nvl-usage-over-fill\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
                + "class=\"nvl-usage-hatch\"/></pattern></defs>");
        // Axes and the scale: 0 and the top of the plot.
        svg.append("<line class=\"nvl-usage-axis\" x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM)
                .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(HEIGHT - BOTTOM).append("\"/>");
        text(svg, LEFT - 4, HEIGHT - BOTTOM + 4, "end", "0");
        text(svg, LEFT - 4, TOP + 8, "end", String.valueOf(top));
        text(svg, LEFT, HEIGHT - 6, "start", first.toString());
        text(svg, WIDTH - RIGHT, HEIGHT - 6, "end", today.toString());
        for (Map.Entry<LocalDate, Long> e : peaks.entrySet()) {
            long index = first.until(e.getKey()).getDays();
            double height = plotHeight * e.getValue() / top;
            boolean over = limit.isPresent() && e.getValue() > limit.getAsLong();
            svg.append("<rect class=\"nvl-usage-day").append(over ? " nvl-usage-day-over" : "").append("\" x=\"")
                    .append(fmt(LEFT + index * barWidth + 0.5)).append("\" y=\"")
                    .append(fmt(HEIGHT - BOTTOM - height)).append("\" width=\"").append(fmt(Math.max(1, barWidth - 1)))
                    .append("\" height=\"").append(fmt(height)).append('"');
            if (over) {
                svg.append(" fill=\"url(#").append(id).append("-hatch)\"");
            }
            svg.append("><title>").append(escape(e.getKey() + ": " + e.getValue())).append("</title></rect>");
        }
        if (limit.isPresent()) {
            double y = HEIGHT - BOTTOM - plotHeight * limit.getAsLong() / top;
            svg.append("<line class=\"nvl-usage-limit\" x1=\"").append(LEFT).append("\" y1=\"").append(fmt(y))
                    .append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"").append(fmt(y))
                    .append("\" stroke-dasharray=\"6 4\"/>");
            text(svg, LEFT - 4, y + 4, "end", escape(Messages.get(locale, "web.usage.chart.limit",
                    limit.getAsLong())));
        }
        return svg.append("</svg>").toString();
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String escaped) {
        svg.append("<text class=\"nvl-usage-axis-text\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                .append("\" text-anchor=\"").append(anchor).append("\" aria-hidden=\"true\">").append(escaped)
                .append("</text>");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
