package dev.natconsole.topology;

import java.util.List;
import java.util.Locale;

/**
 * An SVG picture of a topology: the VPC, a column per AZ with its public and private subnets, the internet
 * gateway, the NATs, and the default routes as arrows (private subnet to its NAT, NAT to the internet gateway).
 * Plain string building so that the wizard's review page and the details page can inline it.
 */
public final class TopologyDiagram {

    /** The words the picture uses, in the reader's language. */
    public record Labels(String internet, String internetGateway, String vpc, String publicSubnet,
            String privateSubnet, String natInstance, String natGateway, String defaultRoute) {

        public static Labels english() {
            return new Labels("Internet", "Internet gateway", "VPC", "Public subnet", "Private subnet",
                    "NAT instance", "NAT Gateway", "0.0.0.0/0");
        }
    }

    private static final int COLUMN = 230;
    private static final int MARGIN = 30;

    private TopologyDiagram() {
    }

    public static String render(TopologySpec spec, Labels labels) {
        List<ZoneSubnets> zones = spec.availabilityZones();
        int columns = Math.max(1, zones.size());
        int width = MARGIN * 2 + columns * COLUMN + 20;
        int height = 470;
        int vpcTop = 120;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" role=\"img\" class=\"topology-diagram\" aria-label=\"%s\">", width,
                height, width, height, escape(labels.vpc() + " " + spec.vpcCidr())));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
                + "fill=\"#1f4e79\"/></marker></defs>");
        // Internet and its gateway on top.
        int center = width / 2;
        text(svg, center, 22, labels.internet(), "diagram-title");
        rect(svg, center - 80, 40, 160, 40, "diagram-igw");
        text(svg, center, 65, labels.internetGateway(), "diagram-label");
        line(svg, center, 40, center, 28);
        // The VPC.
        rect(svg, MARGIN, vpcTop, width - 2 * MARGIN, height - vpcTop - 15, "diagram-vpc");
        text(svg, MARGIN + 10, vpcTop + 20, labels.vpc() + " " + spec.vpcCidr(), "diagram-label start");
        for (int i = 0; i < zones.size(); i++) {
            ZoneSubnets zone = zones.get(i);
            int x = MARGIN + 10 + i * COLUMN;
            text(svg, x + COLUMN / 2 - 5, vpcTop + 45, zone.name(), "diagram-zone");
            rect(svg, x, vpcTop + 55, COLUMN - 20, 120, "diagram-public");
            text(svg, x + 10, vpcTop + 75, labels.publicSubnet(), "diagram-label start");
            text(svg, x + 10, vpcTop + 93, String.valueOf(zone.publicSubnetCidr()), "diagram-cidr start");
            rect(svg, x, vpcTop + 205, COLUMN - 20, 110, "diagram-private");
            text(svg, x + 10, vpcTop + 225, labels.privateSubnet(), "diagram-label start");
            text(svg, x + 10, vpcTop + 243, String.valueOf(zone.privateSubnetCidr()), "diagram-cidr start");
            boolean hasNat = spec.natLayout() != NatLayout.SHARED_NAT_INSTANCE || i == 0;
            int natX = x + 30;
            int natY = vpcTop + 110;
            if (hasNat) {
                rect(svg, natX, natY, COLUMN - 80, 50, spec.natLayout().usesInstances() ? "diagram-nat"
                        : "diagram-natgw");
                text(svg, natX + (COLUMN - 80) / 2, natY + 22, spec.natLayout().usesInstances()
                        ? labels.natInstance() : labels.natGateway(), "diagram-label");
                String detail = spec.natLayout().usesInstances() ? spec.nat().instanceType() : "";
                text(svg, natX + (COLUMN - 80) / 2, natY + 40, detail, "diagram-cidr");
                // NAT to the internet gateway.
                arrow(svg, natX + (COLUMN - 80) / 2, natY, center, 80);
            }
            // Private subnet's default route to the NAT that serves it.
            ZoneSubnets natZone = spec.natZoneFor(zone);
            int servingX = MARGIN + 10 + zones.indexOf(natZone) * COLUMN + 30 + (COLUMN - 80) / 2;
            int fromX = x + (COLUMN - 20) / 2;
            arrow(svg, fromX, vpcTop + 205, servingX + (servingX == fromX ? 0 : (fromX > servingX ? 25 : -25)),
                    natY + 50);
            text(svg, fromX + 8, vpcTop + 195, labels.defaultRoute(), "diagram-route start");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static void rect(StringBuilder svg, int x, int y, int w, int h, String cssClass) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" "
                + "class=\"%s\"/>", x, y, w, h, cssClass));
    }

    private static void text(StringBuilder svg, int x, int y, String value, String cssClass) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"%s\">%s</text>", x, y, cssClass,
                escape(value)));
    }

    private static void line(StringBuilder svg, int x1, int y1, int x2, int y2) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                + "class=\"diagram-link\"/>", x1, y1, x2, y2));
    }

    private static void arrow(StringBuilder svg, int x1, int y1, int x2, int y2) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                + "class=\"diagram-route-line\" marker-end=\"url(#arrow)\"/>", x1, y1, x2, y2));
    }

    private static String escape(String value) {
        return value == null ? "" : value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
