package dev.natconsole.shared;

/**
 * Something the console depends on outside itself (an AWS endpoint, an emulator, the Price List API) did not
 * answer or refused; rendered as a 502 problem detail. {@code title} names what failed, for the reader.
 */
public class UpstreamUnavailableException extends RuntimeException {

    private final String title;

    public UpstreamUnavailableException(String title, String message, Throwable cause) {
        super(message, cause);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
