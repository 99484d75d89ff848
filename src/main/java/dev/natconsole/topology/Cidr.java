package dev.natconsole.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An IPv4 CIDR block such as {@code 172.16.0.0/16}. Immutable; the network address never has host bits set,
 * because AWS refuses such blocks for VPCs and subnets and a silent normalisation would surprise the user.
 */
public record Cidr(long network, int prefix) implements Comparable<Cidr> {

    private static final List<Cidr> RFC_1918 = List.of(
            of("10.0.0.0/8"), of("172.16.0.0/12"), of("192.168.0.0/16"));

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0 to 32");
        }
        if (network < 0 || network > 0xFFFF_FFFFL || (network & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("network address out of range or with host bits set");
        }
    }

    /** Parses {@code a.b.c.d/n}; throws {@link IllegalArgumentException} with a message fit for a user. */
    public static Cidr of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(explain(text)));
    }

    /** Parses {@code a.b.c.d/n} strictly; empty when it is not a well-formed IPv4 CIDR block. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        Long address = parseAddress(parts[0]);
        Integer prefix = parseNumber(parts[1], 32);
        if (address == null || prefix == null || (address & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address, prefix));
    }

    /** Why a text is not a CIDR block: a message key ({@code code}) with its arguments, and the English words. */
    public record Diagnosis(String code, String message, List<Object> args) {
    }

    /** A message saying why {@code text} is not a CIDR block, or suggesting the block the user probably meant. */
    public static String explain(String text) {
        return diagnose(text).message();
    }

    public static Diagnosis diagnose(String text) {
        if (text == null || text.isBlank()) {
            return new Diagnosis("validation.required", "is required", List.of());
        }
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2) {
            return new Diagnosis("validation.cidr.format", "must be an IPv4 CIDR block such as 10.0.0.0/16", List.of());
        }
        Long address = parseAddress(parts[0]);
        Integer prefix = parseNumber(parts[1], 32);
        if (address == null) {
            return new Diagnosis("validation.cidr.address", "'" + parts[0] + "' is not an IPv4 address",
                    List.of(parts[0]));
        }
        if (prefix == null) {
            return new Diagnosis("validation.cidr.prefix", "'/" + parts[1] + "' is not a prefix length from 0 to 32",
                    List.of(parts[1]));
        }
        if ((address & ~mask(prefix)) != 0) {
            String meant = new Cidr(address & mask(prefix), prefix).toString();
            return new Diagnosis("validation.cidr.hostBits", "has host bits set; did you mean " + meant + "?",
                    List.of(meant));
        }
        return new Diagnosis("validation.cidr.valid", "is valid", List.of());
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public long lastAddress() {
        return network + size() - 1;
    }

    public boolean contains(Cidr other) {
        return other.prefix >= prefix && (other.network & mask(prefix)) == network;
    }

    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** Whether the block lies inside the RFC 1918 private ranges. */
    public boolean isPrivate() {
        return RFC_1918.stream().anyMatch(range -> range.contains(this));
    }

    /**
     * The consecutive blocks of length {@code newPrefix} that make up this block, in address order.
     * A newPrefix equal to this prefix yields the block itself.
     */
    public List<Cidr> split(int newPrefix) {
        if (newPrefix < prefix || newPrefix > 32) {
            throw new IllegalArgumentException("cannot split /" + prefix + " into /" + newPrefix);
        }
        if (newPrefix - prefix > 16) {
            throw new IllegalArgumentException("refusing to list more than 65536 subnets");
        }
        int count = 1 << (newPrefix - prefix);
        long step = 1L << (32 - newPrefix);
        List<Cidr> subnets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            subnets.add(new Cidr(network + i * step, newPrefix));
        }
        return subnets;
    }

    /** The dotted-quad form of the n-th address in the block (0 is the network address). */
    public String address(long offset) {
        if (offset < 0 || offset >= size()) {
            throw new IllegalArgumentException("offset outside the block");
        }
        return dotted(network + offset);
    }

    @Override
    public int compareTo(Cidr other) {
        int byNetwork = Long.compare(network, other.network);
        return byNetwork != 0 ? byNetwork : Integer.compare(prefix, other.prefix);
    }

    @Override
    public String toString() {
        return dotted(network) + "/" + prefix;
    }

    private static String dotted(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
                + (address & 0xFF);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    private static Long parseAddress(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        long address = 0;
        for (String octet : octets) {
            Integer value = parseNumber(octet, 255);
            if (value == null) {
                return null;
            }
            address = (address << 8) | value;
        }
        return address;
    }

    /** A decimal number without sign or leading zeros (which some tools read as octal), up to max. */
    private static Integer parseNumber(String text, int max) {
        if (text.isEmpty() || text.length() > 3 || (text.length() > 1 && text.charAt(0) == '0')) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
                return null;
            }
        }
        int value = Integer.parseInt(text);
        return value <= max ? value : null;
    }
}
