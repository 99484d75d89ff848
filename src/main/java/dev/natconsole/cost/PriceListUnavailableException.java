package dev.natconsole.cost;

/** The AWS Price List API could not be asked (network, credentials, permissions, or an emulator without it). */
public class PriceListUnavailableException extends RuntimeException {

    public PriceListUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
