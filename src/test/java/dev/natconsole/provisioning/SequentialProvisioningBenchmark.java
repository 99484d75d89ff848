package dev.natconsole.provisioning;

import org.springframework.test.context.TestPropertySource;

/** The same benchmark with one step at a time, to show what running independent steps side by side saves. */
@TestPropertySource(properties = "natconsole.provisioning.parallelism=1")
class SequentialProvisioningBenchmark extends ProvisioningBenchmark {
}
