package dev.natconsole.cost.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

import dev.natconsole.cost.CostEstimate;
import dev.natconsole.cost.CostSide;
import dev.natconsole.cost.SecondCurrency;

/**
 * Draws monthly cost against monthly traffic for both options of an estimate as a standalone SVG document: two
 * straight lines (both totals are linear in GB), the break-even point when there is one, and the expected
 * traffic. A side with an unknown price gets no line, and the legend says why.
 */
public final class SvgCostChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int LEFT = 72;
    static final int RIGHT = 24;
    static final int TOP = 84;
    static final int BOTTOM = 48;
    static final String INSTANCE_COLOUR = "#2e7d32";
    static final String GATEWAY_COLOUR = "#c62828";

    private SvgCostChart() {
    }

    /** The traffic range a chart shows by default: twice the expected traffic or the break-even, at least 1 TB. */
    public static BigDecimal defaultMaxGb(CostEstimate estimate) {
        BigDecimal max = new BigDecimal("1000");
        max = max.max(estimate.traffic().totalGb().multiply(BigDecimal.valueOf(2)));
        if (estimate.breakEvenGb() != null) {
            max = max.max(estimate.breakEvenGb().multiply(BigDecimal.valueOf(2)));
        }
        return nice(max);
    }

    public static String render(CostEstimate estimate, BigDecimal maxGb) {
        if (maxGb == null || maxGb.signum() <= 0) {
            maxGb = defaultMaxGb(estimate);
        }
        CostSide instances = estimate.natInstances();
        CostSide gateways = estimate.natGateways();
        BigDecimal maxUsd = BigDecimal.ONE;
        for (CostSide side : new CostSide[] { instances, gateways }) {
            if (side.known()) {
                maxUsd = maxUsd.max(side.totalAt(BigDecimal.ZERO)).max(side.totalAt(maxGb));
            }
        }
        maxUsd = nice(maxUsd);
        Scale scale = new Scale(maxGb, maxUsd);

        StringBuilder svg = new StringBuilder(4096);
        String title = "Monthly cost against traffic, " + estimate.region() + ", " + estimate.availabilityZones()
                + (estimate.availabilityZones() == 1 ? " AZ" : " AZs");
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"cost-chart-title "
                + "cost-chart-desc\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\" class=\"cost-chart\">\n");
        svg.append("  <title id=\"cost-chart-title\">").append(escape(title)).append("</title>\n");
        svg.append("  <desc id=\"cost-chart-desc\">").append(escape(describe(estimate))).append("</desc>\n");
        svg.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("  <text x=\"").append(LEFT).append("\" y=\"20\" font-size=\"14\" font-weight=\"bold\">")
                .append(escape(title)).append("</text>\n");

        axes(svg, scale);
        legend(svg, 0, instances, INSTANCE_COLOUR, "nat-instances", estimate.secondCurrency());
        legend(svg, 1, gateways, GATEWAY_COLOUR, "nat-gateways", estimate.secondCurrency());
        svg.append("  <text class=\"break-even-summary\" x=\"").append(LEFT).append("\" y=\"70\" fill=\"#555555\">")
                .append(escape("Break-even: " + estimate.breakEven())).append("</text>\n");
        series(svg, instances, INSTANCE_COLOUR, "nat-instances", scale);
        series(svg, gateways, GATEWAY_COLOUR, "nat-gateways", scale);

        BigDecimal expected = estimate.traffic().totalGb();
        if (expected.compareTo(maxGb) <= 0) {
            double x = scale.x(expected);
            svg.append("  <g class=\"expected-traffic\" data-gb=\"").append(plain(expected)).append("\">\n");
            svg.append("    <line x1=\"").append(f(x)).append("\" y1=\"").append(TOP).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(HEIGHT - BOTTOM)
                    .append("\" stroke=\"#555555\" stroke-dasharray=\"2 3\"/>\n");
            svg.append("    <text x=\"").append(f(x + 4)).append("\" y=\"").append(TOP + 12)
                    .append("\" fill=\"#555555\">expected ").append(escape(gb(expected))).append("</text>\n");
            svg.append("  </g>\n");
        }

        BigDecimal breakEven = estimate.breakEvenGb();
        if (breakEven != null && breakEven.compareTo(maxGb) <= 0) {
            BigDecimal usd = gateways.totalAt(breakEven);
            double x = scale.x(breakEven);
            double y = scale.y(usd);
            svg.append("  <g class=\"break-even\" data-gb=\"").append(plain(breakEven)).append("\" data-usd=\"")
                    .append(plain(usd.setScale(2, RoundingMode.HALF_UP))).append("\">\n");
            svg.append("    <line x1=\"").append(f(x)).append("\" y1=\"").append(f(y)).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(HEIGHT - BOTTOM)
                    .append("\" stroke=\"#000000\" stroke-dasharray=\"4 3\"/>\n");
            svg.append("    <circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y))
                    .append("\" r=\"5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/>\n");
            svg.append("    <text x=\"").append(f(Math.min(x + 8, WIDTH - RIGHT - 150))).append("\" y=\"")
                    .append(f(Math.max(y - 8, TOP + 12))).append("\">break-even ").append(escape(gb(breakEven)))
                    .append(", ").append(escape(usd(usd))).append("</text>\n");
            svg.append("  </g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axes(StringBuilder svg, Scale scale) {
        int bottom = HEIGHT - BOTTOM;
        svg.append("  <g class=\"axes\" stroke=\"#999999\">\n");
        svg.append("    <line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(WIDTH - RIGHT).append("\" y2=\"").append(bottom).append("\"/>\n");
        svg.append("    <line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(bottom).append("\"/>\n");
        svg.append("  </g>\n");
        svg.append("  <g class=\"ticks\" fill=\"#333333\">\n");
        for (int i = 0; i <= 5; i++) {
            BigDecimal gb = scale.maxGb().multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(5), MathContext.DECIMAL64);
            double x = scale.x(gb);
            svg.append("    <line x1=\"").append(f(x)).append("\" y1=\"").append(bottom).append("\" x2=\"").append(f(x))
                    .append("\" y2=\"").append(bottom + 4).append("\" stroke=\"#999999\"/>\n");
            svg.append("    <text x=\"").append(f(x)).append("\" y=\"").append(bottom + 18)
                    .append("\" text-anchor=\"middle\">").append(escape(plain(gb))).append("</text>\n");
            BigDecimal usd = scale.maxUsd().multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(5), MathContext.DECIMAL64);
            double y = scale.y(usd);
            svg.append("    <line x1=\"").append(LEFT).append("\" y1=\"").append(f(y)).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(f(y)).append("\" stroke=\"#eeeeee\"/>\n");
            svg.append("    <text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\">").append(escape("$" + plain(usd))).append("</text>\n");
        }
        svg.append("    <text x=\"").append((LEFT + WIDTH - RIGHT) / 2).append("\" y=\"").append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\">GB processed per month</text>\n");
        svg.append("    <text x=\"14\" y=\"").append((TOP + bottom) / 2).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append((TOP + bottom) / 2).append(")\">USD per month</text>\n");
        svg.append("  </g>\n");
    }

    private static void legend(StringBuilder svg, int row, CostSide side, String colour, String css,
            SecondCurrency second) {
        int y = 38 + row * 16;
        String text = side.title() + (side.known() ? ": " + usd(side.fixedUsd())
                + (second == null ? "" : " (" + String.format(Locale.ROOT, "%,d", second.convert(side.fixedUsd())
                        .setScale(0, RoundingMode.HALF_UP).longValueExact()) + " " + second.code() + ")")
                + " + " + usd4(side.perGbUsd()) + "/GB"
                : ": unknown (" + String.join(", ", side.unknownLines()) + ")");
        svg.append("  <g class=\"legend ").append(css).append("\">\n");
        svg.append("    <line x1=\"").append(LEFT).append("\" y1=\"").append(y - 4).append("\" x2=\"").append(LEFT + 18)
                .append("\" y2=\"").append(y - 4).append("\" stroke=\"").append(colour).append("\" stroke-width=\"3\"")
                .append(side.known() ? "" : " stroke-dasharray=\"1 3\"").append("/>\n");
        svg.append("    <text x=\"").append(LEFT + 24).append("\" y=\"").append(y).append("\">").append(escape(text))
                .append("</text>\n");
        svg.append("  </g>\n");
    }

    private static void series(StringBuilder svg, CostSide side, String colour, String css, Scale scale) {
        if (!side.known()) {
            return;
        }
        BigDecimal from = side.totalAt(BigDecimal.ZERO);
        BigDecimal to = side.totalAt(scale.maxGb());
        svg.append("  <polyline class=\"series ").append(css).append("\" fill=\"none\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2.5\" points=\"").append(f(scale.x(BigDecimal.ZERO))).append(',')
                .append(f(scale.y(from))).append(' ').append(f(scale.x(scale.maxGb()))).append(',')
                .append(f(scale.y(to))).append("\" data-usd-at-0=\"").append(plain(from.setScale(2, RoundingMode.HALF_UP)))
                .append("\" data-usd-per-gb=\"").append(plain(side.perGbUsd().stripTrailingZeros())).append("\">")
                .append("<title>").append(escape(side.title() + ": " + usd(from) + " at 0 GB, " + usd(to) + " at "
                        + gb(scale.maxGb())))
                .append("</title></polyline>\n");
    }

    private static String describe(CostEstimate estimate) {
        StringBuilder text = new StringBuilder();
        text.append(estimate.natInstances().title()).append(" against ").append(estimate.natGateways().title())
                .append(". ").append("Break-even: ").append(estimate.breakEven());
        return text.toString();
    }

    /** Maps GB and USD to the plot area. */
    record Scale(BigDecimal maxGb, BigDecimal maxUsd) {

        double x(BigDecimal gb) {
            return LEFT + gb.doubleValue() / maxGb.doubleValue() * (WIDTH - LEFT - RIGHT);
        }

        double y(BigDecimal usd) {
            return HEIGHT - BOTTOM - usd.doubleValue() / maxUsd.doubleValue() * (HEIGHT - TOP - BOTTOM);
        }
    }

    /** The smallest 1, 2, 2.5 or 5 x 10^n at or above {@code value}. */
    static BigDecimal nice(BigDecimal value) {
        if (value.signum() <= 0) {
            return BigDecimal.ONE;
        }
        int exponent = value.precision() - value.scale() - 1;
        BigDecimal power = BigDecimal.TEN.pow(Math.abs(exponent), MathContext.DECIMAL64);
        if (exponent < 0) {
            power = BigDecimal.ONE.divide(power, MathContext.DECIMAL64);
        }
        for (String step : new String[] { "1", "2", "2.5", "5", "10" }) {
            BigDecimal candidate = power.multiply(new BigDecimal(step));
            if (candidate.compareTo(value) >= 0) {
                return candidate.stripTrailingZeros();
            }
        }
        return power.multiply(BigDecimal.TEN).stripTrailingZeros();
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String gb(BigDecimal gb) {
        return plain(gb.setScale(gb.compareTo(BigDecimal.TEN) < 0 ? 2 : 0, RoundingMode.HALF_UP)) + " GB";
    }

    private static String usd(BigDecimal usd) {
        return "$" + usd.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String usd4(BigDecimal usd) {
        return "$" + plain(usd.setScale(4, RoundingMode.HALF_UP));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
