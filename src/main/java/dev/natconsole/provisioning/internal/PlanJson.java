package dev.natconsole.provisioning.internal;

import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The plan snapshot a run stores: its steps as JSON. */
public final class PlanJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<RunStep>> STEPS = new TypeReference<>() {
    };

    private PlanJson() {
    }

    public static String write(List<RunStep> steps) {
        return JSON.writeValueAsString(steps);
    }

    public static List<RunStep> read(String json) {
        return JSON.readValue(json, STEPS);
    }
}
