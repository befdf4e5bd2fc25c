package io.casedesk.cases.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import io.casedesk.cases.bundle.constraints.Required;
import io.casedesk.cases.bundle.constraints.VerificationSecret;
import io.casedesk.cases.bundle.constraints.Weekdays;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.LocalTime;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The import bundle's JSON Schema ({@code docs/bundle.schema.json}), generated from {@link ImportBundle}'s records
 * and their constraints, for integrators to check a bundle before they send it. Rules across records (unique keys,
 * cases of known customers, a window closing after it opens) are described, not expressed. The schema asks for
 * the canonical form; case-service also takes surrounding spaces in keys, dates and times.
 */
final class BundleSchema {

    private BundleSchema() {
    }

    static ObjectNode generate() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE))
                .with(new JakartaValidationModule())
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT, Option.DEFINITIONS_FOR_ALL_OBJECTS,
                        Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        config.forTypesInGeneral()
                .withCustomDefinitionProvider((type, context) -> {
                    ObjectNode definition = context.getGeneratorConfig().createObjectNode();
                    if (type.getErasedType() == LocalTime.class) {
                        definition.put("type", "string").put("pattern", "^([01][0-9]|2[0-3]):[0-5][0-9]$");
                    } else if (type.isInstanceOf(Map.class)) {
                        // Texts per language; a null text is left out.
                        definition.put("type", "object").putObject("additionalProperties").putArray("type")
                                .add("string").add("null");
                    } else {
                        return null;
                    }
                    return new CustomDefinition(definition, CustomDefinition.DefinitionType.INLINE,
                            CustomDefinition.AttributeInclusion.YES);
                })
                .withTypeAttributeOverride((schema, scope, context) -> {
                    if (scope.getType().getErasedType() == ImportBundle.DatedWindow.class) {
                        // Open that day unless closed: then it says from when to when.
                        ObjectNode closed = schema.putObject("if");
                        closed.putObject("properties").putObject("closed").put("const", true);
                        closed.putArray("required").add("closed");
                        schema.putObject("else").putArray("required").add("from").add("to");
                    }
                });
        config.forFields()
                .withRequiredCheck(field -> field.getAnnotationConsideringFieldAndGetter(Required.class) != null)
                .withNullableCheck(field -> field.getAnnotationConsideringFieldAndGetter(Required.class) != null
                        ? Boolean.FALSE : null)
                .withStringMinLengthResolver(BundleSchema::minLength)
                .withStringMaxLengthResolver(field ->
                        field.getAnnotationConsideringFieldAndGetter(VerificationSecret.class) != null
                                ? Integer.valueOf(VerificationSecret.MAX_LENGTH) : null)
                .withStringPatternResolver(BundleSchema::pattern)
                .withArrayMinItemsResolver(field -> !field.isFakeContainerItemScope()
                        && field.getAnnotationConsideringFieldAndGetter(Weekdays.class) != null ? Integer.valueOf(1) : null);
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(ImportBundle.class);
        schema.put("title", "CaseDesk import bundle");
        return schema;
    }

    private static Integer minLength(FieldScope field) {
        if (field.getAnnotationConsideringFieldAndGetter(VerificationSecret.class) != null) {
            return VerificationSecret.MIN_LENGTH;
        }
        return field.getAnnotationConsideringFieldAndGetter(Required.class) != null && isText(field) ? 1 : null;
    }

    private static boolean isText(FieldScope field) {
        return field.getType().getErasedType() == String.class;
    }

    /** Anchored: a JSON Schema pattern matches anywhere in the text, a Bean Validation one the whole text. */
    private static String pattern(FieldScope field) {
        Pattern pattern = field.getAnnotationConsideringFieldAndGetter(Pattern.class);
        if (pattern != null) {
            return "^(" + pattern.regexp() + ")$";
        }
        if (field.getAnnotationConsideringFieldAndGetter(VerificationSecret.class) != null) {
            return "^[^\\s\\u0000-\\u001f\\u007f-\\u009f]*$";
        }
        if (field.isFakeContainerItemScope() && field.getDeclaredName().equals("days")) {
            return "^(" + Weekdays.NAMES.stream().sorted().map(BundleSchema::anyCase).collect(Collectors.joining("|"))
                    + ")$";
        }
        boolean notBlank = field.getAnnotationConsideringFieldAndGetter(Required.class) != null
                || field.isFakeContainerItemScope() && field.getContainerItemAnnotationConsideringFieldAndGetter(NotBlank.class) != null;
        if (notBlank && isText(field)) {
            return "\\S";
        }
        return null;
    }

    private static String anyCase(String word) {
        return word.chars().mapToObj(c -> "[" + (char) c + Character.toLowerCase((char) c) + "]")
                .collect(Collectors.joining());
    }
}
