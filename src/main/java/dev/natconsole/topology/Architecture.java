package dev.natconsole.topology;

/** CPU architecture of an instance type; it picks the matching image (AL2023 and fck-nat publish both). */
public enum Architecture {
    X86_64("x86_64"), ARM64("arm64");

    private final String awsName;

    Architecture(String awsName) {
        this.awsName = awsName;
    }

    /** The name AWS uses in image metadata and SSM parameter paths. */
    public String awsName() {
        return awsName;
    }
}
