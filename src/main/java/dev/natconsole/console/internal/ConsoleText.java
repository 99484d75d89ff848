package dev.natconsole.console.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dev.natconsole.topology.TopologyDiagram;

/** Message lookups the controllers need outside templates (diagram labels, flash messages). */
@Component
class ConsoleText {

    private final MessageSource messages;

    ConsoleText(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    /** The message for {@code key}, or null when there is none. */
    String getOrNull(String key) {
        return messages.getMessage(key, null, null, locale());
    }

    /** A validation problem in the reader's language, or its English words when it has no message key. */
    String problem(dev.natconsole.shared.FieldProblem problem) {
        return problem.code() == null ? problem.message()
                : messages.getMessage(problem.code(), problem.args().toArray(), problem.message(), locale());
    }

    TopologyDiagram.Labels diagramLabels() {
        return new TopologyDiagram.Labels(get("diagram.internet"), get("diagram.igw"), get("diagram.vpc"),
                get("diagram.public"), get("diagram.private"), get("diagram.natInstance"), get("diagram.natGateway"),
                get("diagram.defaultRoute"));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
