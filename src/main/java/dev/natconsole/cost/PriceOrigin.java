package dev.natconsole.cost;

/** Where a price came from: the catalog bundled with the console, or a refresh from the AWS Price List API. */
public enum PriceOrigin {
    BUNDLED,
    REFRESHED
}
