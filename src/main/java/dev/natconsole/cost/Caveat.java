package dev.natconsole.cost;

/**
 * Something the reader of an estimate must know before trusting it: an unknown price, an instance whose
 * baseline bandwidth is below the expected traffic, a single point of failure.
 */
public record Caveat(Kind kind, String message) {

    public enum Kind {
        UNKNOWN_PRICE,
        BASELINE_BANDWIDTH,
        INTERNET_BANDWIDTH_CAP,
        SINGLE_POINT_OF_FAILURE,
        REGION_NOT_CATALOGED
    }
}
