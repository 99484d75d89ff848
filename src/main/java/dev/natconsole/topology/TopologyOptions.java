package dev.natconsole.topology;

/**
 * Optional extras from the seed's verification steps. Flow logs go to CloudWatch Logs, which AWS only accepts
 * with an IAM role allowed to deliver them, hence {@code flowLogsRoleArn}.
 */
public record TopologyOptions(boolean flowLogs, String flowLogsRoleArn, boolean testServer, boolean allowIcmp) {

    public static TopologyOptions none() {
        return new TopologyOptions(false, null, false, false);
    }
}
