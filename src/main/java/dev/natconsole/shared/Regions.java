package dev.natconsole.shared;

import java.util.List;
import java.util.regex.Pattern;

import software.amazon.awssdk.regions.Region;

/** The AWS regions the SDK knows (global pseudo-regions excluded), and the shape of their AZ names. */
public final class Regions {

    private static final List<String> NAMES = Region.regions().stream()
            .filter(region -> !region.isGlobalRegion())
            .map(Region::id)
            .sorted()
            .toList();

    private Regions() {
    }

    public static List<String> all() {
        return NAMES;
    }

    public static boolean isKnown(String region) {
        return region != null && NAMES.contains(region);
    }

    /**
     * Whether {@code zone} is shaped like an AZ of {@code region}: the region name followed by a letter
     * ({@code ap-northeast-1a}) or by a local or wavelength zone suffix ({@code us-west-2-lax-1a}).
     */
    public static boolean zoneNameFits(String region, String zone) {
        return zone != null && Pattern.matches(Pattern.quote(region) + "(-[a-z0-9-]+)?[a-z]", zone);
    }
}
