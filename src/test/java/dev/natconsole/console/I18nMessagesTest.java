package dev.natconsole.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every UI string is a message key in both languages: no literal text in templates, no key missing from
 * either file, and every key a template names exists.
 */
class I18nMessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Text between tags; an element whose text comes from th:text/th:utext/th:errors is replaced at run time. */
    private static final Pattern ELEMENT_TEXT = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>([^<]*)<");
    private static final Pattern VISIBLE_ATTRIBUTE = Pattern.compile("\\s(placeholder|title|aria-label|alt|value)=\"([^\"]*)\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> japanese = new TreeSet<>(load("messages_ja.properties").stringPropertyNames());
        assertThat(japanese).as("keys missing from messages_ja.properties")
                .containsAll(english);
        assertThat(english).as("keys missing from messages.properties").containsAll(japanese);
    }

    @Test
    void templatesHoldNoLiteralUiText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", "");
            Matcher element = ELEMENT_TEXT.matcher(html);
            while (element.find()) {
                String attributes = element.group(2);
                String text = element.group(3).trim();
                boolean replaced = attributes.contains("th:text") || attributes.contains("th:utext")
                        || attributes.contains("th:errors") || attributes.contains("th:replace");
                if (!replaced && text.chars().anyMatch(Character::isLetter)) {
                    literals.add(TEMPLATES.relativize(template) + ": '" + text + "'");
                }
            }
            Matcher attribute = VISIBLE_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                if (!attribute.group(1).equals("value") && attribute.group(2).chars().anyMatch(Character::isLetter)) {
                    literals.add(TEMPLATES.relativize(template) + ": " + attribute.group(1) + "='" + attribute.group(2)
                            + "'");
                }
            }
        }
        assertThat(literals).as("literal UI text in templates; use th:text with a message key").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> english = load("messages.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!english.contains(key.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theCheckWouldCatchALiteral() {
        Matcher element = ELEMENT_TEXT.matcher("<p class=\"x\">Hello</p>");
        assertThat(element.find()).isTrue();
        assertThat(element.group(3)).isEqualTo("Hello");
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }
}
