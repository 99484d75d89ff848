package dev.natconsole.topology;

/**
 * User data that turns a stock Amazon Linux 2023 instance into a NAT, following AWS's documented setup (also
 * what AWS CDK's NatInstanceProviderV2 runs). It avoids the failures other tools are known for: the interface
 * is looked up from the default route rather than assumed to be eth0 (it is ens5 on Nitro), dnf is retried
 * because it can race other boot-time jobs, rp_filter is relaxed so asymmetric replies are not dropped, and
 * the rules are saved by iptables-services so that the NAT survives a reboot.
 */
public final class NatUserData {

    private static final String AL2023_NAT = """
            #!/bin/bash
            # NAT Console: make this Amazon Linux 2023 instance a NAT instance.
            set -euxo pipefail
            for attempt in $(seq 1 10); do
              dnf install -y iptables-services && break
              sleep 10
            done
            systemctl enable --now iptables
            IFACE=$(ip route show default | awk '/^default/ {print $5; exit}')
            cat > /etc/sysctl.d/custom-ip-forwarding.conf <<EOF
            net.ipv4.ip_forward=1
            net.ipv4.conf.all.rp_filter=0
            net.ipv4.conf.default.rp_filter=0
            net.ipv4.conf.${IFACE}.rp_filter=0
            EOF
            sysctl -p /etc/sysctl.d/custom-ip-forwarding.conf
            iptables -t nat -A POSTROUTING -o "${IFACE}" -j MASQUERADE
            iptables -F FORWARD
            service iptables save
            """;

    private NatUserData() {
    }

    /** The user data a NAT instance from {@code image} needs, or null when the image is a NAT already. */
    public static String forImage(ImageChoice image) {
        return image == ImageChoice.AMAZON_LINUX_2023 ? AL2023_NAT : null;
    }
}
