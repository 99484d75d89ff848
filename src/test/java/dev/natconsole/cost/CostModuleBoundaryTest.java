package dev.natconsole.cost;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import dev.natconsole.NatConsoleApplication;

/** The cost module uses only the published API of the modules it depends on (Spring Modulith's rules). */
class CostModuleBoundaryTest {

    @Test
    void costModuleKeepsToOtherModulesApis() {
        ApplicationModules modules = ApplicationModules.of(NatConsoleApplication.class);
        modules.getModuleByName("cost").orElseThrow().detectDependencies(modules).throwIfPresent();
    }
}
