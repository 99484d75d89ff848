package dev.natconsole.cost;

/** The AWS Price List API could not be asked (network, credentials, permissions, or an emulator without it). */
public class PriceListUnavailableException extends dev.natconsole.shared.UpstreamUnavailableException {

    public PriceListUnavailableException(String message, Throwable cause) {
        super("Price List API unavailable", message, cause);
    }
}
